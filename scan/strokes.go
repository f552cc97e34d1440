package scan

import (
	"image"
	"math"

	"shenbao/render/raster"
)

// One character printed otherwise (二 for 一, a 7 for a 1 in a phone number) changes a stretch
// of two characters too little to tell from the paper's bends and the camera's blur. Where a
// stretch reads clearly, each of its characters is compared on its own with the draft's page
// drawn as the PDF prints it (its own fonts) at the straightened page's resolution: the
// character is aligned by itself (a shift of up to half a millimetre, a few per cent of
// scale, the photo's blur), the photo's ink fitted to the draft's (gain and paper), and
// what is left is looked at stroke-sized: ink the draft does not print there, or the
// draft's ink missing. A misplaced edge leaves a thin pair of more and less that cancels at
// that size; a stroke more or less does not.

// charScale is the resolution (px/mm) of the straightened page and of the page drawn to
// compare it with.
const charScale = DPI / 25.4

const (
	charPad   = 0.5 // mm of paper round a character's box compared with it
	charShift = 4   // px (0.5 mm) a character may sit off where the page's model puts it
	// the least resolution (photo pixels per mm of paper) at which characters are compared
	minCharRes = 4.5
	// blotR is the radius (px) of the box over which what is left after the fit is summed:
	// about a stroke's length across, 0.6 mm
	blotR = 2
)

// charRead is one character compared.
type charRead struct {
	line   int
	box    rect
	match  float64 // the ncc after alignment
	left   float64 // the strongest ink left unexplained, in the print's stroke ink (+ more, - less)
	gain   float64 // the photo's ink per the draft's
	res    float64 // photo px/mm there
	shiftX float64 // px
	shiftY float64
	scale  float64
	// the aligned patches, pw×ph, while it is read: the photo's ink and the draft's
	got, ref []float32
	pw, ph   int
}

// sharpInk is page i of the draft drawn at charScale as ink (0 paper … 1 black).
func (e *Engine) sharpInk(i int) ([]float32, int, int, error) {
	img, err := raster.Page(e.layout[i], DPI)
	if err != nil {
		return nil, 0, 0, err
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	v := make([]float32, w*h)
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			p := row[x*4:]
			v[y*w+x] = float32(1 - (0.299*float64(p[0])+0.587*float64(p[1])+0.114*float64(p[2]))/255)
		}
	}
	return v, w, h, nil
}

// fullInk is the straightened page's print at its own resolution: 0 paper … 1 black, red
// (a seal) left out.
func fullInk(page *image.NRGBA) []float32 {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	v := make([]float32, w*h)
	for y := 0; y < h; y++ {
		row := page.Pix[y*page.Stride:]
		for x := 0; x < w; x++ {
			p := row[x*4 : x*4+3 : x*4+3]
			if !isRed(p[0], p[1], p[2]) {
				v[y*w+x] = float32(1 - (0.299*float64(p[0])+0.587*float64(p[1])+0.114*float64(p[2]))/255)
			}
		}
	}
	return v
}

// readChars compares each character of the stretches ok says were read clearly; res is the
// photo's resolution (px/mm) at a page point.
func readChars(page *image.NRGBA, ref []float32, rw, rh int, m pageModel, ok func(line int, r rect) bool, res func(point) float64) []charRead {
	w, h := page.Rect.Dx(), page.Rect.Dy()
	if w != rw || h != rh {
		w, h = min(w, rw), min(h, rh)
	}
	got := boxBlur(fullInk(page), page.Rect.Dx(), page.Rect.Dy(), 1)
	gw := page.Rect.Dx()
	var out []charRead
	for i, gs := range m.Glyphs {
		for _, g := range gs {
			if !ok(i, g) {
				continue
			}
			c := point{(g.X0 + g.X1) / 2, (g.Y0 + g.Y1) / 2}
			r := res(c)
			if r < minCharRes {
				continue
			}
			cr, fine := readChar(got, gw, ref, rw, w, h, g)
			if !fine {
				continue
			}
			cr.line, cr.box, cr.res = i, g, r
			out = append(out, cr)
		}
	}
	return out
}

// readChar aligns the character in box g (mm) of ref (rw wide) with got (gw wide, both at
// least w×h) and measures what is left.
func readChar(got []float32, gw int, ref []float32, rw, w, h int, g rect) (charRead, bool) {
	const s = charScale
	x0, y0 := int(math.Floor((g.X0-charPad)*s)), int(math.Floor((g.Y0-charPad)*s))
	x1, y1 := int(math.Ceil((g.X1+charPad)*s)), int(math.Ceil((g.Y1+charPad)*s))
	const mg = charShift + 3 // the search and the blur's reach
	if x0-mg < 0 || y0-mg < 0 || x1+mg > w || y1+mg > h {
		return charRead{}, false
	}
	pw, ph := x1-x0, y1-y0
	// the draft's print, sharp and at two blurs (the photo is never sharper than the print)
	ew, eh := pw+4, ph+4
	raw := make([]float32, 0, ew*eh)
	for y := y0 - 2; y < y1+2; y++ {
		raw = append(raw, ref[y*rw+x0-2:y*rw+x1+2]...)
	}
	b1 := boxBlur(raw, ew, eh, 1)
	b2 := boxBlur(b1, ew, eh, 1)
	refs := [][]float32{patch(b1, ew, 2, 2, pw, ph), patch(b2, ew, 2, 2, pw, ph)}
	ink := 0.0
	for _, v := range refs[0] {
		ink += float64(v)
	}
	if ink < 0.25*s*s { // less than a quarter mm² of ink: a dot, a comma
		return charRead{}, false
	}
	// where it sits: every other whole pixel, the whole pixels round the best, then half a
	// pixel, the scale and the blur
	best, bx, by := -2.0, 0, 0
	try := func(dx, dy int) {
		if c := ncc(refs[0], patch(got, gw, x0+dx, y0+dy, pw, ph)); c > best {
			best, bx, by = c, dx, dy
		}
	}
	for dy := -charShift; dy <= charShift; dy += 2 {
		for dx := -charShift; dx <= charShift; dx += 2 {
			try(dx, dy)
		}
	}
	cx0, cy0 := bx, by
	for dy := max(-charShift, cy0-1); dy <= min(charShift, cy0+1); dy++ {
		for dx := max(-charShift, cx0-1); dx <= min(charShift, cx0+1); dx++ {
			if (dx-cx0)%2 != 0 || (dy-cy0)%2 != 0 {
				try(dx, dy)
			}
		}
	}
	cx, cy := float64(x0)+float64(pw)/2, float64(y0)+float64(ph)/2
	sample := func(ox, oy, sc float64) []float32 {
		out := make([]float32, pw*ph)
		for y := range ph {
			fy := cy + (float64(y0+y)-cy)*sc + oy
			for x := range pw {
				fx := cx + (float64(x0+x)-cx)*sc + ox
				out[y*pw+x] = bilinearF(got, gw, fx, fy)
			}
		}
		return out
	}
	cr := charRead{match: -2, scale: 1}
	var bp, br []float32
	consider := func(ox, oy, sc float64, a []float32) {
		p := sample(ox, oy, sc)
		if c := ncc(a, p); c > cr.match {
			cr.match, cr.shiftX, cr.shiftY, cr.scale = c, ox, oy, sc
			bp, br = p, a
		}
	}
	for _, oy := range []float64{-0.5, 0, 0.5} {
		for _, ox := range []float64{-0.5, 0, 0.5} {
			consider(float64(bx)+ox, float64(by)+oy, 1, refs[0])
		}
	}
	for _, sc := range []float64{0.97, 1.03} {
		consider(cr.shiftX, cr.shiftY, sc, refs[0])
	}
	consider(cr.shiftX, cr.shiftY, cr.scale, refs[1])
	// the photo's ink as the draft's times a gain, over paper
	var ma, mb float64
	for i := range br {
		ma += float64(br[i])
		mb += float64(bp[i])
	}
	n := float64(len(br))
	ma, mb = ma/n, mb/n
	var sab, saa float64
	for i := range br {
		da := float64(br[i]) - ma
		sab += da * (float64(bp[i]) - mb)
		saa += da * da
	}
	if saa <= 0 {
		return charRead{}, false
	}
	cr.gain = sab / saa
	cr.got, cr.ref, cr.pw, cr.ph = bp, br, pw, ph
	cr.left = cr.leftOver(max(cr.gain, 0.25))
	cr.got, cr.ref = nil, nil
	return cr, true
}

// leftOver is the strongest ink of c left unexplained by the draft's print times gain (the
// photo's ink per the draft's there), summed over blotR: in the draft's stroke ink, + ink the
// draft does not print, - the draft's ink missing.
func (c *charRead) leftOver(gain float64) float64 {
	var ma, mb float64
	for i := range c.ref {
		ma += float64(c.ref[i])
		mb += float64(c.got[i])
	}
	n := float64(len(c.ref))
	ma, mb = ma/n, mb/n
	left := make([]float32, len(c.ref))
	for i := range c.ref {
		left[i] = float32((float64(c.got[i])-mb)/gain - (float64(c.ref[i]) - ma))
	}
	left = boxBlur(left, c.pw, c.ph, blotR)
	// inside the box (the blur clipped at the patch's edge is not looked at)
	in := int(math.Round(charPad*charScale)) - 1
	worst := 0.0
	for y := in; y < c.ph-in; y++ {
		for x := in; x < c.pw-in; x++ {
			if v := float64(left[y*c.pw+x]); math.Abs(v) > math.Abs(worst) {
				worst = v
			}
		}
	}
	return worst
}

// bilinearF reads v (w wide) at a fractional pixel position (pixel centres at whole numbers).
func bilinearF(v []float32, w int, x, y float64) float32 {
	x0, y0 := int(math.Floor(x)), int(math.Floor(y))
	fx, fy := float32(x-float64(x0)), float32(y-float64(y0))
	a, b := v[y0*w+x0], v[y0*w+x0+1]
	c, d := v[(y0+1)*w+x0], v[(y0+1)*w+x0+1]
	return (a+(b-a)*fx)*(1-fy) + (c+(d-c)*fx)*fy
}

// charDiffer is the least ink left unexplained (in the draft's stroke ink) that makes a
// character printed otherwise. Measured on the test photos: the draft's own characters leave
// up to 0.20 under most effects of the effects table (3 MP photos, 5.2 px/mm), 0.24 (the
// footer, curl 6 mm at an edge), 0.26 ("everything") and 0.33 (the title, curl 8 mm at the
// top: its whole line is left unexplained, which standOut keeps from counting); one
// character a stroke or a digit otherwise (8 MP, plain, everyday, curl, shadow) leaves 0.38
// (8 for 3), 0.51 (7 for 1), 0.49–0.63 (二 for 一, 三 for 二) up to 1.9 (一 for 二).
const charDiffer = 0.32

// standOut is how many times its line's typical (median) character a character must leave
// unexplained to count.
const standOut = 3.0

// otherChar compares the characters of the stretches rd read clearly (and of the sparse ones
// next to them, not under something foreign: over) on the straightened page of draft page i,
// photographed through full (page mm → photo pixels), and returns the line of a character
// printed otherwise, -1 none.
func (e *Engine) otherChar(page *image.NRGBA, i int, rd reading, over *foreign, full *pageMap) int {
	ref, rw, rh, err := e.sharpInk(i)
	if err != nil {
		return -1
	}
	byLine, murky := map[int][]rect{}, map[int][]rect{}
	for _, c := range rd.Clear {
		byLine[c.Line] = append(byLine[c.Line], c.R)
	}
	for _, c := range rd.Murky {
		murky[c.Line] = append(murky[c.Line], c.R)
	}
	// a character in a stretch read clearly, or in one with too little print to be read
	// (二 and a bracket) next to one read clearly
	ok := func(line int, g rect) bool {
		cx := (g.X0 + g.X1) / 2
		for _, r := range murky[line] {
			if cx >= r.X0 && cx < r.X1 {
				return false
			}
		}
		for _, r := range byLine[line] {
			if cx >= r.X0 && cx < r.X1 {
				return true
			}
		}
		for _, r := range byLine[line] {
			if cx >= r.X0-stretchLen && cx < r.X1+stretchLen {
				return !over.covers(g)
			}
		}
		return false
	}
	res := func(p point) float64 {
		a, b := full.apply(point{p.X - 0.5, p.Y}), full.apply(point{p.X + 0.5, p.Y})
		c, d := full.apply(point{p.X, p.Y - 0.5}), full.apply(point{p.X, p.Y + 0.5})
		return math.Min(math.Hypot(b.X-a.X, b.Y-a.Y), math.Hypot(d.X-c.X, d.Y-c.Y))
	}
	reads := readChars(page, ref, rw, rh, e.pages[i], ok, res)
	// what a line's characters typically leave: a character printed otherwise stands out of
	// its line; where the whole line is left unexplained (the paper curled away at the
	// page's edge, a title far from the rules), the model is off there, not the print
	typical := map[int]float64{}
	for a := 0; a < len(reads); {
		b := a
		var v []float64
		for ; b < len(reads) && reads[b].line == reads[a].line; b++ {
			v = append(v, math.Abs(reads[b].left))
		}
		if len(v) >= 3 {
			typical[reads[a].line] = median(v)
		}
		a = b
	}
	worst, line := 0.0, -1
	for _, c := range reads {
		if debugChar != nil {
			debugChar(e.pages[i].Words[c.line], c)
		}
		if l := math.Abs(c.left); l >= charDiffer && l >= standOut*typical[c.line] && l > worst {
			worst, line = l, c.line
		}
	}
	return line
}

// debugChar, set by the tests, sees every character compared.
var debugChar func(line string, c charRead)
