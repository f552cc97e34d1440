package scan

import (
	"image"
	"math"
	"sort"
)

// Telling a page of this draft from another draft's or an older printout's, and from a page
// photographed too badly to tell: the straightened page is read against the draft's page
// stretch by stretch of each text line (about two characters), each allowed to sit up to
// 0.75 mm off (what is left of a curl). A stretch that matches is this draft's print. One
// that does not is only a difference when it is read clearly: print there, sharp and dark,
// on clean paper, about as much of it as the draft prints; otherwise (a finger over it, a
// deep shadow's noise, blur, glare) it is unread, and says nothing about the draft.

// reading is what the page's print says against the draft's.
type reading struct {
	Whole float64 // the match of the whole page, 0..1
	// Stretches compared, and of them: matching, differing where read clearly, unread.
	Stretches, Match, Differ, Unread int
	Worst                            float64 // the match of the stretch that differs most (1: none differs)
	Line                             int     // its text line in the page's model, -1: none
	// Cause is why stretches are unread, for the user: missing print (a finger, glare, the
	// paper folded away), noise (a deep shadow, low light), faint print (blur, overexposure).
	Missing, Noisy, Faint int
	// Clear are the stretches printed clearly (whether they match or not): where single
	// characters may be compared
	Clear []lineStretch
	// Murky are the stretches read but not clearly (or where the model may be off)
	Murky []lineStretch
}

// lineStretch is a stretch of text line Line.
type lineStretch struct {
	Line int
	R    rect
}

// stretchLen is the length (mm) of a stretch of text compared at once: two characters.
const stretchLen = 8.0

// Thresholds of the reading (strokes compared, the blot of each character taken off), from
// the test photos at 4 px/mm: this draft's stretches match 0.75–0.95 photographed; a
// stretch with other characters 0.2–0.45, two digits swapped 0.55.
const (
	stretchMatch  = 0.65 // at least this: the draft's print
	stretchDiffer = 0.6  // below this (and the page's typical match less 0.3), read clearly: other print
	noiseLimit    = 0.07 // mean ink on the paper around a stretch above this: too noisy to read
	faintLimit    = 0.5  // the darkest print of a stretch below this share of the draft's: too faint to read
	minDisplaced  = 3    // stretches printed clearly but off that tell a page laid out otherwise (and a twentieth of them)
)

// readPage compares the straightened, flattened page with the draft's page as printed (want,
// ink at fineScale), leaving out the opinion boxes (written and stamped by hand) and red ink.
// Stretches far from anything the model was fitted to (held) may sit further off than the
// search: they are not compared at all.
// Stretches under something foreign (over) are hidden.
func readPage(page *image.NRGBA, want []float32, m pageModel, held *anchors, over *foreign) reading {
	w, h := int(pageW*fineScale), int(pageH*fineScale)
	got := boxBlur(pageInk(page, w, h), w, h, 1)
	skip := make([]bool, w*h) // the opinion boxes' insides
	for _, o := range m.Opinions {
		b := o.Box
		for y := max(0, int((b.Y0+1)*fineScale)); y < min(h, int((b.Y1-1)*fineScale)); y++ {
			for x := max(0, int((b.X0+1)*fineScale)); x < min(w, int((b.X1-1)*fineScale)); x++ {
				skip[y*w+x] = true
			}
		}
	}
	r := reading{Whole: nccMasked(got, want, skip), Worst: 1, Line: -1}
	type read struct {
		line int
		sr   rect
		v    stretchRead
	}
	var reads []read
	var matches []float64
	for i, t := range m.Text {
		if m.inOpinion(t) || t.w() < 1 {
			continue
		}
		n := max(1, int(math.Round(t.w()/stretchLen)))
		step := t.w() / float64(n)
		for k := range n {
			sr := rect{t.X0 + float64(k)*step, t.Y0, t.X0 + float64(k+1)*step, t.Y1}
			v, ok := readStretch(got, want, w, h, sr)
			if !ok {
				continue
			}
			v.loose = !held.held(point{(sr.X0 + sr.X1) / 2, (sr.Y0 + sr.Y1) / 2})
			v.missing = v.missing || over.covers(sr)
			if debugStretch != nil {
				debugStretch(m.Words[i], v)
			}
			reads = append(reads, read{i, sr, v})
			matches = append(matches, v.match)
		}
	}
	// A stretch differs when it is read clearly and matches far worse than the page's print
	// typically does: what a sharp photo calls a difference, a soft one may not.
	differ := min(stretchDiffer, median(matches)-0.3)
	// Print that is clear but off where the draft has it, in many stretches: the page is
	// laid out otherwise (the paper's bends are in the model, and one stretch off may be the
	// model's slip, not the print).
	compared, displaced := 0, 0
	for _, rd := range reads {
		if !rd.v.loose {
			compared++
			if rd.v.displaced {
				displaced++
			}
		}
	}
	laidOtherwise := displaced >= max(minDisplaced, compared/20)
	for _, rd := range reads {
		v := rd.v
		if !v.loose && !v.missing && !v.displaced && v.noise <= noiseLimit && v.darkest >= faintLimit {
			r.Clear = append(r.Clear, lineStretch{rd.line, rd.sr})
		} else {
			r.Murky = append(r.Murky, lineStretch{rd.line, rd.sr})
		}
		if v.loose { // where the model may be off, neither read nor unread
			continue
		}
		r.Stretches++
		switch {
		case v.match >= stretchMatch:
			r.Match++
		case laidOtherwise && v.displaced:
			r.Differ++
			if v.match < r.Worst {
				r.Worst, r.Line = v.match, rd.line
			}
		case v.missing:
			r.Unread++
			r.Missing++
		case v.noise > noiseLimit:
			r.Unread++
			r.Noisy++
		case v.darkest < faintLimit:
			r.Unread++
			r.Faint++
		case v.match < differ:
			r.Differ++
			if v.match < r.Worst {
				r.Worst, r.Line = v.match, rd.line
			}
		default: // read, but neither clearly the same nor clearly other
			r.Unread++
			r.Faint++
		}
	}
	return r
}

// pageInk is the page's print at fineScale (w×h): 0 paper … 1 black, red left out.
func pageInk(page *image.NRGBA, w, h int) []float32 {
	k := float64(DPI) / 25.4 / fineScale // page pixels per fine pixel
	got := make([]float32, w*h)
	for y := 0; y < h; y++ {
		y0, y1 := int(float64(y)*k), min(page.Rect.Dy(), int(float64(y+1)*k))
		for x := 0; x < w; x++ {
			// average the page pixels this fine pixel covers
			x0, x1 := int(float64(x)*k), min(page.Rect.Dx(), int(float64(x+1)*k))
			var s float64
			n := 0
			for yy := y0; yy < y1; yy++ {
				row := page.Pix[yy*page.Stride:]
				for xx := x0; xx < x1; xx++ {
					p := row[xx*4 : xx*4+3 : xx*4+3]
					if !isRed(p[0], p[1], p[2]) {
						s += 1 - (0.299*float64(p[0])+0.587*float64(p[1])+0.114*float64(p[2]))/255
					}
					n++
				}
			}
			if n > 0 {
				got[y*w+x] = float32(s / float64(n))
			}
		}
	}
	return got
}

// stretchRead is one stretch of text read against the draft.
type stretchRead struct {
	match   float64 // the best match within 0.75 mm
	missing bool    // the photo has much less print there than the draft: covered, washed out
	noise   float64 // mean ink on the blank paper just above and below the line
	darkest float64 // the photo's darkest print in the stretch (its 95th percentile of ink) over the draft's
	loose   bool    // no measurement held the model near it
	// displaced: the draft's characters are printed clearly, but more than searchPx off
	// where the draft has them (and the model was held near them): laid out otherwise
	displaced bool
}

// readStretch reads the stretch t (page mm) of got against ref (both w×h at fineScale); ok
// is false where the draft prints almost nothing there.
func readStretch(got, ref []float32, w, h int, t rect) (stretchRead, bool) {
	const sr, band = searchPx, 6 // search and the paper bands' reach, fine pixels
	x0, y0 := int((t.X0-0.3)*fineScale), int((t.Y0-0.3)*fineScale)
	x1, y1 := int(math.Ceil((t.X1+0.3)*fineScale)), int(math.Ceil((t.Y1+0.3)*fineScale))
	m := wideSearchPx + hpR
	if x0-m < 0 || y0-max(m, sr+band) < 0 || x1+m > w || y1+max(m, sr+band) > h || x1-x0 < 4 || y1-y0 < 4 {
		return stretchRead{}, false
	}
	sw, sh := x1-x0, y1-y0
	refInk := 0.0
	for y := y0; y < y1; y++ {
		for _, v := range ref[y*w+x0 : y*w+x1] {
			refInk += float64(v)
		}
	}
	if refInk < 0.04*float64(sw*sh) {
		return stretchRead{}, false
	}
	// strokes without the blot: each patch less its local mean, the draft's with hpR around
	// the stretch, the photo's with the search too
	a := patch(highPass(patch(ref, w, x0-hpR, y0-hpR, sw+2*hpR, sh+2*hpR), sw+2*hpR, sh+2*hpR, hpR), sw+2*hpR, hpR, hpR, sw, sh)
	gw, gh := sw+2*m, sh+2*m
	g := highPass(patch(got, w, x0-m, y0-m, gw, gh), gw, gh, hpR)
	var out stretchRead
	out.match = -1
	bx, by := 0, 0
	for dy := -sr; dy <= sr; dy++ {
		for dx := -sr; dx <= sr; dx++ {
			if c := ncc(a, patch(g, gw, m+dx, m+dy, sw, sh)); c > out.match {
				out.match, bx, by = c, dx, dy
			}
		}
	}
	if out.match < stretchMatch {
		// Not where the draft prints it: is it printed clearly a little way off? A page
		// laid out otherwise (an older version's padding, a row taller) puts the same
		// characters there, as sharp as the draft's.
		wide := -1.0
		for dy := -wideSearchPx; dy <= wideSearchPx; dy++ {
			for dx := -wideSearchPx; dx <= wideSearchPx; dx++ {
				if abs(dx) <= sr && abs(dy) <= sr {
					continue
				}
				wide = max(wide, ncc(a, patch(g, gw, m+dx, m+dy, sw, sh)))
			}
		}
		out.displaced = wide >= stretchMatch && wide >= out.match+0.15
	}
	b := patch(got, w, x0+bx, y0+by, sw, sh)
	gotInk := 0.0
	for _, v := range b {
		gotInk += float64(v)
	}
	out.missing = gotInk < 0.35*refInk
	// how dark the print is against how dark the draft's is there
	sort.Slice(b, func(i, j int) bool { return b[i] < b[j] })
	rp := patch(ref, w, x0, y0, sw, sh)
	sort.Slice(rp, func(i, j int) bool { return rp[i] < rp[j] })
	if d := rp[len(rp)*95/100]; d > 0 {
		out.darkest = float64(b[len(b)*95/100] / d)
	}
	// the paper 0.5–1.5 mm above and below the line, where the draft prints nothing
	var ns float64
	nn := 0
	for _, bd := range [2][2]int{{y0 - band, y0 - 2}, {y1 + 2, y1 + band}} {
		for y := bd[0]; y < bd[1]; y++ {
			for x := x0; x < x1; x++ {
				if ref[y*w+x] < 0.02 {
					ns += float64(got[(y+by)*w+x+bx])
					nn++
				}
			}
		}
	}
	if nn > 0 {
		out.noise = ns / float64(nn)
	}
	return out, true
}

// patch copies the pw×ph rectangle at (x, y) out of v (w wide).
func patch(v []float32, w, x, y, pw, ph int) []float32 {
	out := make([]float32, 0, pw*ph)
	for yy := y; yy < y+ph; yy++ {
		out = append(out, v[yy*w+x:yy*w+x+pw]...)
	}
	return out
}

// debugStretch, set by the tests, sees every stretch read.
var debugStretch func(line string, v stretchRead)

// hpR is the radius (fine pixels) of the blot of a character taken off before comparing
// strokes; searchPx how far (fine pixels, 0.5 mm) a stretch may sit off; wideSearchPx how
// far (3.5 mm, less than the 5.3 mm from one text line to the next) a stretch that does not
// match there is looked for, to tell a page laid out otherwise.
const hpR, searchPx, wideSearchPx = 3, 2, 14

// highPass is v less its mean over (2r+1)²: strokes without the blot a character makes.
func highPass(v []float32, w, h, r int) []float32 {
	b := boxBlur(v, w, h, r)
	for i := range b {
		b[i] = v[i] - b[i]
	}
	return b
}
