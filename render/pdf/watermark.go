package pdf

import (
	"bytes"
	"fmt"
	"image/png"
	"sync"

	"shenbao/render"
	"shenbao/render/raster"
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
	scale := markDPI / 72.0
	pic, err := raster.Line(text, f, size, scale, gray)
	if err != nil {
		return markPicture{}, fmt.Errorf("watermark: %w", err)
	}
	w, h := pic.Bounds().Dx(), pic.Bounds().Dy()
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, pic); err != nil {
		return markPicture{}, err
	}
	p := markPicture{png: out.Bytes(), w: float64(w) / scale, h: float64(h) / scale}
	markCache[key] = p
	return p, nil
}
