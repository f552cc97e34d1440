package photo

import (
	"image"
	"math"
)

// EXIF orientation o says how the stored pixels must be turned to show the picture upright.
// storedPoint maps an upright pixel (x, y) to the stored pixel it shows, for a stored picture
// of w×h pixels:
//
//	1 as stored            2 mirrored left–right        3 turned 180°        4 mirrored top–bottom
//	5 transposed           6 turned 90° clockwise       7 transversed        8 turned 90° anticlockwise
func storedPoint(o, x, y, w, h int) (int, int) {
	switch o {
	case 2:
		return w - 1 - x, y
	case 3:
		return w - 1 - x, h - 1 - y
	case 4:
		return x, h - 1 - y
	case 5:
		return y, x
	case 6:
		return y, h - 1 - x
	case 7:
		return w - 1 - y, h - 1 - x
	case 8:
		return w - 1 - y, x
	}
	return x, y
}

// storedRect maps a rectangle of the upright picture to the rectangle of stored pixels it shows.
func storedRect(o int, r image.Rectangle, w, h int) image.Rectangle {
	if r.Empty() {
		return image.Rectangle{}
	}
	ax, ay := storedPoint(o, r.Min.X, r.Min.Y, w, h)
	bx, by := storedPoint(o, r.Max.X-1, r.Max.Y-1, w, h)
	return image.Rect(min(ax, bx), min(ay, by), max(ax, bx)+1, max(ay, by)+1)
}

// orient turns a stored picture upright. src must start at (0, 0).
func orient(o int, src *image.NRGBA) *image.NRGBA {
	if o < 2 || o > 8 {
		return src
	}
	w, h := src.Rect.Dx(), src.Rect.Dy()
	ow, oh := w, h
	if o >= 5 {
		ow, oh = h, w
	}
	dst := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < oh; y++ {
		d := dst.Pix[y*dst.Stride:]
		for x := 0; x < ow; x++ {
			sx, sy := storedPoint(o, x, y, w, h)
			copy(d[4*x:4*x+4], src.Pix[sy*src.Stride+4*sx:])
		}
	}
	return dst
}

// cropRect returns the 5:7 rectangle of the upright picture (w×h) to keep: the largest one
// centred in the user's crop, or in the whole picture when crop is nil. A crop outside the
// picture is cut to it; nothing left is an error.
func cropRect(c *Crop, w, h int) (image.Rectangle, error) {
	x0, y0, x1, y1 := 0.0, 0.0, float64(w), float64(h)
	if c != nil {
		for _, v := range []float64{c.X, c.Y, c.W, c.H} {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return image.Rectangle{}, ErrBadCrop
			}
		}
		x0, x1 = clampUnit(c.X)*float64(w), clampUnit(c.X+c.W)*float64(w)
		y0, y1 = clampUnit(c.Y)*float64(h), clampUnit(c.Y+c.H)*float64(h)
		if c.W <= 0 || c.H <= 0 || x1-x0 < 1 || y1-y0 < 1 {
			return image.Rectangle{}, ErrBadCrop
		}
	}
	cw, ch := x1-x0, y1-y0
	if cw*7 > ch*5 { // too wide: keep the middle
		x0 += (cw - ch*5/7) / 2
		cw = ch * 5 / 7
	} else {
		y0 += (ch - cw*7/5) / 2
		ch = cw * 7 / 5
	}
	// Round the size first, so the kept part is as close to 5:7 as whole pixels allow; then
	// place it, inside the picture.
	iw, ih := min(max(1, int(math.Round(cw))), w), min(max(1, int(math.Round(ch))), h)
	ix := min(max(0, int(math.Round(x0+(cw-float64(iw))/2))), w-iw)
	iy := min(max(0, int(math.Round(y0+(ch-float64(ih))/2))), h-ih)
	return image.Rect(ix, iy, ix+iw, iy+ih), nil
}

func clampUnit(v float64) float64 { return min(max(v, 0), 1) }
