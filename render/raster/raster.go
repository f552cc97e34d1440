// Package raster draws render's pages into images: the same boxes the PDF writer draws, the
// same embedded fonts (Liberation Serif for Latin runes, Noto Serif SC for the rest), every glyph placed at the layout's advances (justified lines and the
// turned watermark included). It is the one glyph rasteriser of the project: the app's
// preview, the PDF's watermark picture, the app icon's seal and the matching of scanned pages
// against the draft all draw with it. It knows nothing of Fyne.
package raster

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"shenbao/fonts"
	"shenbao/render"
)

// MaxPixels bounds one drawn page (about an A4 page at 600 dpi): a caller's dpi or scale
// beyond it is clamped, so no input can make the rasteriser allocate without limit.
const MaxPixels = 5000 * 7100

var errTooLarge = errors.New("raster: picture too large")

// faces holds the parsed embedded fonts and the scratch state the glyph drawing shares; the
// mutex guards it (sfnt.Buffer and vector.Rasterizer are not safe for concurrent use).
type faces struct {
	mu                      sync.Mutex
	regular, bold           *sfnt.Font
	latinRegular, latinBold *sfnt.Font // Liberation Serif: the runes fonts.Latin reports
	buf                     sfnt.Buffer
	z                       vector.Rasterizer
}

var (
	once    sync.Once
	shared  *faces
	errLoad error
)

func load() (*faces, error) {
	once.Do(func() {
		f := &faces{}
		if f.regular, errLoad = sfnt.Parse(fonts.Regular); errLoad != nil {
			return
		}
		if f.bold, errLoad = sfnt.Parse(fonts.Bold); errLoad != nil {
			return
		}
		if f.latinRegular, errLoad = sfnt.Parse(fonts.LatinRegular); errLoad != nil {
			return
		}
		if f.latinBold, errLoad = sfnt.Parse(fonts.LatinBold); errLoad != nil {
			return
		}
		shared = f
	})
	return shared, errLoad
}

// Page draws page p at dpi dots per inch, white background.
func Page(p render.Page, dpi float64) (*image.RGBA, error) { return Draw(p, dpi/72) }

// Draw draws page p at scale pixels per point, white background.
func Draw(p render.Page, scale float64) (*image.RGBA, error) {
	f, err := load()
	if err != nil {
		return nil, err
	}
	if px := p.Width * p.Height * scale * scale; px > MaxPixels {
		scale *= math.Sqrt(MaxPixels / px)
	}
	w, h := int(math.Ceil(p.Width*scale)), int(math.Ceil(p.Height*scale))
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, b := range p.Boxes {
		switch b.Kind {
		case render.CellBox:
			cell(img, b, scale)
		case render.TextBox:
			f.text(img, b, scale)
		case render.ImageBox:
			picture(img, b, scale)
		case render.WatermarkBox:
			f.watermark(img, b, scale)
		case render.TickBox:
			f.tick(img, b, scale)
		}
	}
	return img, nil
}

// cell strokes a cell's rectangle with lines of at least one pixel.
func cell(img *image.RGBA, b render.Box, scale float64) {
	lw := max(1, int(math.Round(render.RuleWidth*scale)))
	x0, y0 := int(math.Round(b.X*scale)), int(math.Round(b.Y*scale))
	x1, y1 := int(math.Round((b.X+b.W)*scale)), int(math.Round((b.Y+b.H)*scale))
	for _, rc := range []image.Rectangle{
		image.Rect(x0, y0, x1+lw, y0+lw), image.Rect(x0, y1, x1+lw, y1+lw),
		image.Rect(x0, y0, x0+lw, y1+lw), image.Rect(x1, y0, x1+lw, y1+lw),
	} {
		draw.Draw(img, rc.Sub(image.Pt(lw/2, lw/2)), image.Black, image.Point{}, draw.Src)
	}
}

// text draws a line rune by rune at the layout's advances plus its justification.
func (f *faces) text(img draw.Image, b render.Box, scale float64) {
	m := render.FontMeasurer()
	ink := Ink(b.Gray)
	x := b.X
	for i, c := range []rune(b.Text) {
		f.glyph(img, b.Font, c, b.Size*scale, x*scale, b.Baseline*scale, 0, ink)
		x += m.Advance(b.Font, c, b.Size)
		if i < len(b.Extra) {
			x += b.Extra[i]
		}
	}
}

// watermark draws 草稿（未通过检查） turned about its centre, as the PDF writer does.
func (f *faces) watermark(img draw.Image, b render.Box, scale float64) {
	m := render.FontMeasurer()
	ink := Ink(b.Gray)
	a := b.Angle * math.Pi / 180
	cos, sin := math.Cos(a), math.Sin(a)
	base := (render.FontAscent - render.FontDescent) / 2 * b.Size // below the centre, unturned
	x := -b.W / 2
	for _, c := range b.Text {
		// A point (x, y) of the unturned line, y down, turned counter-clockwise on the page.
		px := b.X + x*cos + base*sin
		py := b.Y - x*sin + base*cos
		f.glyph(img, b.Font, c, b.Size*scale, px*scale, py*scale, a, ink)
		x += m.Advance(b.Font, c, b.Size)
	}
}

// Line draws text in font fn, size points, scale pixels per point, grey (0 black … 1 white)
// on white, unturned, as wide as the layout measures it and as tall as the font's ascent plus
// descent: the PDF's watermark picture.
func Line(text string, fn render.Font, size, scale, gray float64) (*image.Gray, error) {
	f, err := load()
	if err != nil {
		return nil, err
	}
	m := render.FontMeasurer()
	width := 0.0
	for _, c := range text {
		width += m.Advance(fn, c, size)
	}
	w := int(math.Ceil(width * scale))
	h := int(math.Ceil((render.FontAscent + render.FontDescent) * size * scale))
	if int64(w)*int64(h) > MaxPixels || w <= 0 || h <= 0 {
		return nil, errTooLarge
	}
	cover := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(cover, cover.Bounds(), image.White, image.Point{}, draw.Src)
	f.mu.Lock()
	defer f.mu.Unlock()
	x := 0.0
	for _, c := range text {
		f.glyph(cover, fn, c, size*scale, x*scale, render.FontAscent*size*scale, 0, Ink(gray))
		x += m.Advance(fn, c, size)
	}
	out := image.NewGray(cover.Bounds())
	draw.Draw(out, out.Bounds(), cover, image.Point{}, draw.Src)
	return out, nil
}

// Glyph draws rune c of font fn, ppem pixels to the em, centred on (cx, cy) pixels by its ink
// bounds (the app icon's seal character).
func Glyph(img draw.Image, fn render.Font, c rune, ppem, cx, cy float64, ink color.Color) {
	f, err := load()
	if err != nil {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	fnt, gi := f.lookup(fn, c)
	bounds, _, err := fnt.GlyphBounds(&f.buf, gi, fixed.Int26_6(ppem*64), font.HintingNone)
	if err != nil {
		return
	}
	gx := (float64(bounds.Min.X) + float64(bounds.Max.X)) / 128
	gy := (float64(bounds.Min.Y) + float64(bounds.Max.Y)) / 128
	f.glyph(img, fn, c, ppem, cx-gx, cy-gy, 0, image.NewUniform(ink))
}

// lookup finds c's glyph: a Latin rune (fonts.Latin) in Liberation Serif of the weight asked;
// others in the bold subset when asked and present, else in the regular face (as the PDF
// does), else the regular face's □ (what the PDF prints for a character it lacks).
func (f *faces) lookup(fn render.Font, c rune) (*sfnt.Font, sfnt.GlyphIndex) {
	if fonts.Latin(c) {
		fnt := f.latinRegular
		if fn == render.Bold {
			fnt = f.latinBold
		}
		if gi, err := fnt.GlyphIndex(&f.buf, c); err == nil && gi != 0 {
			return fnt, gi
		}
	}
	fnt := f.regular
	if fn == render.Bold {
		fnt = f.bold
	}
	gi, err := fnt.GlyphIndex(&f.buf, c)
	if (err != nil || gi == 0) && fnt == f.bold {
		fnt = f.regular
		gi, err = fnt.GlyphIndex(&f.buf, c)
	}
	if err != nil || gi == 0 {
		gi, _ = fnt.GlyphIndex(&f.buf, '□')
	}
	return fnt, gi
}

// glyph draws rune c, ppem pixels to the em, its origin at (x, y) pixels, turned by angle
// radians counter-clockwise. The caller holds f.mu.
func (f *faces) glyph(img draw.Image, fn render.Font, c rune, ppem, x, y, angle float64, ink image.Image) {
	if c == ' ' || c == '\u3000' {
		return
	}
	fnt, gi := f.lookup(fn, c)
	segs, err := fnt.LoadGlyph(&f.buf, gi, fixed.Int26_6(ppem*64), nil)
	if err != nil || len(segs) == 0 {
		return
	}
	cos, sin := math.Cos(angle), math.Sin(angle)
	pt := func(p fixed.Point26_6) (float64, float64) {
		gx, gy := float64(p.X)/64, float64(p.Y)/64
		return x + gx*cos + gy*sin, y - gx*sin + gy*cos
	}
	bounds, first := image.Rectangle{}, true
	for _, s := range segs {
		for _, p := range s.Args {
			px, py := pt(p)
			pr := image.Rect(int(math.Floor(px)), int(math.Floor(py)), int(math.Ceil(px))+1, int(math.Ceil(py))+1)
			if first {
				bounds, first = pr, false
			} else {
				bounds = bounds.Union(pr)
			}
		}
	}
	bounds = bounds.Intersect(img.Bounds())
	if bounds.Empty() {
		return
	}
	f.z.Reset(bounds.Dx(), bounds.Dy())
	dx, dy := float64(bounds.Min.X), float64(bounds.Min.Y)
	local := func(p fixed.Point26_6) (float32, float32) {
		px, py := pt(p)
		return float32(px - dx), float32(py - dy)
	}
	for i, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				f.z.ClosePath() // each contour closed, whatever the font wrote
			}
			f.z.MoveTo(local(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			f.z.LineTo(local(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := local(s.Args[0])
			cx, cy := local(s.Args[1])
			f.z.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
			bx, by := local(s.Args[0])
			cx, cy := local(s.Args[1])
			ex, ey := local(s.Args[2])
			f.z.CubeTo(bx, by, cx, cy, ex, ey)
		}
	}
	f.z.ClosePath()
	f.z.DrawOp = draw.Over
	f.z.Draw(img, bounds, ink, image.Point{})
}

// tick fills the check mark of a chosen box (render.TickOutline) in black, as the PDF does.
// The caller holds f.mu.
func (f *faces) tick(img draw.Image, b render.Box, scale float64) {
	bounds := image.Rect(int(math.Floor(b.X*scale)), int(math.Floor(b.Y*scale)),
		int(math.Ceil((b.X+b.W)*scale))+1, int(math.Ceil((b.Y+b.H)*scale))+1).Intersect(img.Bounds())
	if bounds.Empty() {
		return
	}
	f.z.Reset(bounds.Dx(), bounds.Dy())
	for i, p := range render.TickOutline(b) {
		x, y := float32(p[0]*scale-float64(bounds.Min.X)), float32(p[1]*scale-float64(bounds.Min.Y))
		if i == 0 {
			f.z.MoveTo(x, y)
		} else {
			f.z.LineTo(x, y)
		}
	}
	f.z.ClosePath()
	f.z.DrawOp = draw.Over
	f.z.Draw(img, bounds, image.Black, image.Point{})
}

// Ink is a grey (0 black … 1 white) as an opaque colour source.
func Ink(g float64) image.Image {
	v := uint8(min(max(g, 0), 1)*255 + 0.5)
	return image.NewUniform(color.RGBA{v, v, v, 255})
}

// picture draws the photo's printed part (render.Image.Crop, the one 5:7 crop) scaled into
// its box.
func picture(img *image.RGBA, b render.Box, scale float64) {
	if b.Image == nil {
		return
	}
	src, _, err := image.Decode(bytes.NewReader(b.Image.Data))
	if err != nil {
		return
	}
	dst := image.Rect(int(math.Round(b.X*scale)), int(math.Round(b.Y*scale)),
		int(math.Round((b.X+b.W)*scale)), int(math.Round((b.Y+b.H)*scale)))
	crop := b.Image.Crop.Add(src.Bounds().Min)
	xdraw.CatmullRom.Scale(img, dst, src, crop, draw.Src, nil)
}
