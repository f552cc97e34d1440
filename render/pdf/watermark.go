package pdf

import (
	"bytes"
	"fmt"
	"image"

	"image/png"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"shenbao/fonts"
	"shenbao/render"
)

// The draft watermark is drawn as a picture, not as text. Text extraction reads every
// character a PDF draws as text, whatever its colour or render mode, and the characters of a
// diagonal line come out one by one wherever the reader's layout analysis puts them: inside
// the form's text, and disturbing the order of its blocks. The layout model prints the same
// words as a line of text in the top margin, which is what extraction reads.

// markDPI is the watermark's resolution: light grey strokes 60 pt high stay smooth in print.
const markDPI = 200

// markPicture is a watermark rendered once: a grey PNG on white and its size in points.
type markPicture struct {
	png  []byte
	w, h float64
}

var (
	markMu    sync.Mutex
	markCache = map[string]markPicture{}
)

// watermarkPicture renders text in font f at size points, grey (0 black … 1 white), unrotated,
// on white; cached per text, font, size and grey.
func watermarkPicture(text string, f render.Font, size, gray float64) (markPicture, error) {
	key := fmt.Sprintf("%s|%d|%g|%g", text, f, size, gray)
	markMu.Lock()
	defer markMu.Unlock()
	if p, ok := markCache[key]; ok {
		return p, nil
	}
	data := fonts.Regular
	if f == render.Bold {
		data = fonts.Bold
	}
	fnt, err := sfnt.Parse(data)
	if err != nil {
		return markPicture{}, fmt.Errorf("watermark font: %w", err)
	}
	scale := markDPI / 72.0
	ppem := fixed.Int26_6(math.Round(size * scale * 64))
	var buf sfnt.Buffer
	width := 0.0
	for _, r := range text {
		gi, err := fnt.GlyphIndex(&buf, r)
		if err != nil {
			return markPicture{}, err
		}
		adv, err := fnt.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		if err != nil {
			return markPicture{}, err
		}
		width += float64(adv) / 64
	}
	asc, desc := render.FontAscent*size*scale, render.FontDescent*size*scale
	w, h := int(math.Ceil(width)), int(math.Ceil(asc+desc))
	ras := vector.NewRasterizer(w, h)
	x := 0.0
	for _, r := range text {
		gi, _ := fnt.GlyphIndex(&buf, r)
		segs, err := fnt.LoadGlyph(&buf, gi, ppem, nil)
		if err != nil {
			return markPicture{}, err
		}
		pt := func(p fixed.Point26_6) (float32, float32) {
			return float32(x + float64(p.X)/64), float32(asc + float64(p.Y)/64)
		}
		for _, s := range segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				ras.MoveTo(pt(s.Args[0]))
			case sfnt.SegmentOpLineTo:
				ras.LineTo(pt(s.Args[0]))
			case sfnt.SegmentOpQuadTo:
				x1, y1 := pt(s.Args[0])
				x2, y2 := pt(s.Args[1])
				ras.QuadTo(x1, y1, x2, y2)
			case sfnt.SegmentOpCubeTo:
				x1, y1 := pt(s.Args[0])
				x2, y2 := pt(s.Args[1])
				x3, y3 := pt(s.Args[2])
				ras.CubeTo(x1, y1, x2, y2, x3, y3)
			}
		}
		ras.ClosePath()
		adv, _ := fnt.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
		x += float64(adv) / 64
	}
	cover := image.NewAlpha(image.Rect(0, 0, w, h))
	ras.Draw(cover, cover.Bounds(), image.Opaque, image.Point{})
	ink := 255 * gray
	pic := image.NewGray(cover.Bounds())
	for i, a := range cover.Pix {
		pic.Pix[i] = uint8(math.Round(255 - float64(a)*(255-ink)/255))
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, pic); err != nil {
		return markPicture{}, err
	}
	p := markPicture{png: out.Bytes(), w: float64(w) / scale, h: float64(h) / scale}
	markCache[key] = p
	return p, nil
}
