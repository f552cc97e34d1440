package scan

import (
	"image"
	"math"
	"sort"
)

// matchScale is the resolution (px/mm) at which a picture is compared with the draft's pages:
// enough to see the table's rows and where text lines start and end.
const matchScale = 1.0

// fineScale is the resolution (px/mm) at which a straightened picture is compared with the
// page as printed, character by character: another draft's page of the same form, or an older
// version of this one, differs there.
const fineScale = 4.0

// inkOf turns the draft's page, drawn by render's rasteriser at fineScale, into ink (0 paper …
// 1 black) at fineScale and, averaged, at matchScale.
func inkOf(img *image.RGBA) (fine, coarse []float64) {
	w, h := int(pageW*fineScale), int(pageH*fineScale)
	fine = make([]float64, w*h)
	for y := 0; y < min(h, img.Rect.Dy()); y++ {
		for x := 0; x < min(w, img.Rect.Dx()); x++ {
			p := img.Pix[y*img.Stride+x*4:]
			fine[y*w+x] = 1 - (0.299*float64(p[0])+0.587*float64(p[1])+0.114*float64(p[2]))/255
		}
	}
	k := int(fineScale / matchScale)
	cw, ch := w/k, h/k
	coarse = make([]float64, cw*ch)
	for y := 0; y < ch*k; y++ {
		for x := 0; x < cw*k; x++ {
			coarse[(y/k)*cw+x/k] += fine[y*w+x] / float64(k*k)
		}
	}
	return boxBlur(fine, w, h, 1), boxBlur(coarse, cw, ch, 1)
}

// observed warps the picture g through h (page mm → g's pixels) at matchScale and returns its
// ink: how much darker than the paper around it each point is.
func observed(g *grey, h homography) []float64 {
	p := warpGrey(g, h, matchScale)
	bg := localMax(p, 7)
	v := make([]float64, len(p.Pix))
	for i, c := range p.Pix {
		if b := float64(bg[i]); b > 0 {
			v[i] = math.Max(0, 1-float64(c)/b)
		}
	}
	return boxBlur(v, p.W, p.H, 1)
}

// localMax is the brightest value within r pixels (separable square window): the paper's
// brightness where there is ink.
func localMax(g *grey, r int) []uint8 {
	tmp := make([]uint8, len(g.Pix))
	out := make([]uint8, len(g.Pix))
	for y := 0; y < g.H; y++ {
		for x := 0; x < g.W; x++ {
			var m uint8
			for d := max(0, x-r); d <= min(g.W-1, x+r); d++ {
				m = max(m, g.Pix[y*g.W+d])
			}
			tmp[y*g.W+x] = m
		}
	}
	for y := 0; y < g.H; y++ {
		for x := 0; x < g.W; x++ {
			var m uint8
			for d := max(0, y-r); d <= min(g.H-1, y+r); d++ {
				m = max(m, tmp[d*g.W+x])
			}
			out[y*g.W+x] = m
		}
	}
	return out
}

// ncc is the normalised cross-correlation of two equally long signals, -1..1.
func ncc(a, b []float64) float64 { return nccMasked(a, b, nil) }

// opinionMask marks the opinion boxes at matchScale: seals and handwriting go there, so they
// are left out when a picture is compared with the page.
func opinionMask(m pageModel) []bool {
	w, h := int(pageW*matchScale), int(pageH*matchScale)
	mask := make([]bool, w*h)
	for _, o := range m.Opinions {
		b := o.Box
		for y := max(0, int(b.Y0*matchScale)); y < min(h, int(b.Y1*matchScale)+1); y++ {
			for x := max(0, int(b.X0*matchScale)); x < min(w, int(b.X1*matchScale)+1); x++ {
				mask[y*w+x] = true
			}
		}
	}
	return mask
}

// nccMasked is ncc leaving out the points skip marks (nil: none).
func nccMasked(a, b []float64, skip []bool) float64 {
	kept := func(i int) bool { return skip == nil || !skip[i] }
	var ma, mb, n float64
	for i := range a {
		if kept(i) {
			ma += a[i]
			mb += b[i]
			n++
		}
	}
	if n == 0 {
		return 0
	}
	ma /= n
	mb /= n
	var sab, saa, sbb float64
	for i := range a {
		if !kept(i) {
			continue
		}
		da, db := a[i]-ma, b[i]-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	if saa == 0 || sbb == 0 {
		return 0
	}
	return sab / math.Sqrt(saa*sbb)
}

// candidate is one way the picture's table outline can be a page: which page, turned how, and
// how well the picture then looks like it.
type candidate struct {
	Page  int
	Turn  int // quarter turns of the paper in the picture
	H     homography
	Score float64
}

// candidates tries the outline q as each page's table, in each of the four ways the paper can
// lie, and returns them best first.
func candidates(g *grey, q quad, pages []pageModel, want [][]float64) []candidate {
	masks := make([][]bool, len(pages))
	for i, m := range pages {
		masks[i] = opinionMask(m)
	}
	var out []candidate
	// Pages whose tables have the same outline share the straightened picture.
	type key struct {
		t    rect
		turn int
	}
	seen := map[key][]float64{}
	for i, m := range pages {
		t := m.Table
		corners := []point{{t.X0, t.Y0}, {t.X1, t.Y0}, {t.X1, t.Y1}, {t.X0, t.Y1}}
		for turn := 0; turn < 4; turn++ {
			dst := []point{q[turn%4], q[(turn+1)%4], q[(turn+2)%4], q[(turn+3)%4]}
			h, err := fitHomography(corners, dst)
			if err != nil {
				continue
			}
			k := key{t, turn}
			obs, ok := seen[k]
			if !ok {
				obs = observed(g, h)
				seen[k] = obs
			}
			out = append(out, candidate{Page: i, Turn: turn, H: h, Score: nccMasked(obs, want[i], masks[i])})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// refineScale is the resolution (px/mm) of the straightened picture in which the rules are
// measured: 0.2 mm a pixel, with sub-pixel peaks, for a table within a millimetre.
const refineScale = 5.0

// refine measures every rule of page m in the picture g (h: its page → g estimate) and returns
// the homography that puts the rules' crossings where the page has them, with the mean
// remaining distance between the two in mm.
func refine(g *grey, h homography, m pageModel) (homography, float64) {
	resid := math.Inf(1)
	for iter := 0; iter < 2; iter++ {
		w := warpGrey(g, h, refineScale)
		hf := fitRules(w, m.H, false)
		vf := fitRules(w, m.V, true)
		var src, dst []point
		for _, j := range m.Junction {
			hl, ok1 := hf[ruleKey(j.Y)]
			vl, ok2 := vf[ruleKey(j.X)]
			if !ok1 || !ok2 {
				continue
			}
			p, ok := intersect(hl, vl)
			if !ok || math.Hypot(p.X-j.X, p.Y-j.Y) > 4 {
				continue
			}
			src = append(src, j)
			dst = append(dst, h.apply(p)) // where the crossing is in g
		}
		if len(src) < 4 {
			break
		}
		nh, r, ok := robustFit(src, dst, g.W)
		if !ok {
			break
		}
		h, resid = nh, r
	}
	return h, resid
}

// robustFit fits a homography, drops the pairs it fits worst (a seal over a crossing, a
// shadow) and fits again; it returns the fit and the mean distance left, in mm.
func robustFit(src, dst []point, _ int) (homography, float64, bool) {
	h, err := fitHomography(src, dst)
	if err != nil {
		return h, 0, false
	}
	for range 2 {
		errs := make([]float64, len(src))
		inv := h.inverse()
		for i := range src {
			p := inv.apply(dst[i])
			errs[i] = math.Hypot(p.X-src[i].X, p.Y-src[i].Y)
		}
		sorted := append([]float64(nil), errs...)
		sort.Float64s(sorted)
		limit := math.Max(0.3, 3*sorted[len(sorted)/2])
		var s2, d2 []point
		for i := range src {
			if errs[i] <= limit {
				s2, d2 = append(s2, src[i]), append(d2, dst[i])
			}
		}
		if len(s2) < 4 || len(s2) == len(src) {
			break
		}
		if nh, err := fitHomography(s2, d2); err == nil {
			h, src, dst = nh, s2, d2
		}
	}
	inv := h.inverse()
	var sum float64
	for i := range src {
		p := inv.apply(dst[i])
		sum += math.Hypot(p.X-src[i].X, p.Y-src[i].Y)
	}
	return h, sum / float64(len(src)), true
}

func ruleKey(pos float64) int { return int(math.Round(pos * 10)) }

// fitRules finds each rule in the straightened picture w (refineScale px/mm) near where it
// should be, and fits a line through what it found, in page mm.
func fitRules(w *grey, rules []rule, vertical bool) map[int]lineFit {
	out := map[int]lineFit{}
	const step, half, search = 2.0, 1.5, 2.5 // mm: sample spacing, along-line average, search
	for _, r := range rules {
		var pts []point
		for a := r.A + 1; a <= r.B-1; a += step {
			pos, ok := ruleAt(w, r.Pos, a, half, search, vertical)
			if !ok {
				continue
			}
			if vertical {
				pts = append(pts, point{pos, a})
			} else {
				pts = append(pts, point{a, pos})
			}
		}
		if l, ok := robustLine(pts); ok {
			out[ruleKey(r.Pos)] = l
		}
	}
	return out
}

// ruleAt looks across a rule at position along (mm) for the darkest thin line within search
// mm of pos, averaging half mm either way along it; it returns its sub-pixel position in mm.
func ruleAt(w *grey, pos, along, half, search float64, vertical bool) (float64, bool) {
	s := refineScale
	n := int(2 * search * s)
	prof := make([]float64, n+1)
	a0, a1 := int((along-half)*s), int((along+half)*s)
	for i := 0; i <= n; i++ {
		c := int((pos-search)*s) + i
		var sum float64
		for a := a0; a <= a1; a++ {
			if vertical {
				sum += float64(w.at(c, a))
			} else {
				sum += float64(w.at(a, c))
			}
		}
		prof[i] = sum / float64(a1-a0+1)
	}
	best, bi := -1.0, -1
	for i := 2; i <= n-2; i++ {
		// a line: darker than the paper two pixels either side
		c := math.Min(prof[i-2], prof[i+2]) - prof[i]
		if c > best && prof[i] <= prof[i-1] && prof[i] <= prof[i+1] {
			best, bi = c, i
		}
	}
	if bi < 0 || best < 8 {
		return 0, false
	}
	// parabola through the minimum and its neighbours
	d := prof[bi-1] - 2*prof[bi] + prof[bi+1]
	off := 0.0
	if d > 0 {
		off = 0.5 * (prof[bi-1] - prof[bi+1]) / d
	}
	return (float64(int((pos-search)*s)+bi) + off + 0.5) / s, true
}

// robustLine fits a line and refits without the points more than 0.4 mm off it.
func robustLine(ps []point) (lineFit, bool) {
	if len(ps) < 3 {
		return lineFit{}, false
	}
	l, ok := fitLine(ps)
	for range 2 {
		var keep []point
		for _, p := range ps {
			if math.Abs(l.dist(p)) <= 0.4 {
				keep = append(keep, p)
			}
		}
		if len(keep) < 3 || len(keep) == len(ps) {
			break
		}
		ps = keep
		l, ok = fitLine(ps)
	}
	return l, ok
}

// fineScore compares the straightened, flattened page with the draft's page as printed, at
// fineScale, leaving out the opinion boxes (written and stamped by hand) and red ink. It
// returns the match of the whole page and of its worst text line (and which line that is):
// another draft of the same form differs in a few lines only.
func fineScore(page *image.NRGBA, want []float64, m pageModel) (whole, worst float64, line int) {
	w, h := int(pageW*fineScale), int(pageH*fineScale)
	k := float64(DPI) / 25.4 / fineScale // page pixels per fine pixel
	got := make([]float64, w*h)
	ref := append([]float64(nil), want...)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			// average the page pixels this fine pixel covers
			x0, y0 := int(float64(x)*k), int(float64(y)*k)
			x1, y1 := min(page.Rect.Dx(), int(float64(x+1)*k)), min(page.Rect.Dy(), int(float64(y+1)*k))
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
				got[y*w+x] = s / float64(n)
			}
		}
	}
	for _, o := range m.Opinions {
		b := o.Box
		for y := max(0, int((b.Y0+1)*fineScale)); y < min(h, int((b.Y1-1)*fineScale)); y++ {
			for x := max(0, int((b.X0+1)*fineScale)); x < min(w, int((b.X1-1)*fineScale)); x++ {
				got[y*w+x], ref[y*w+x] = 0, 0
			}
		}
	}
	got = boxBlur(got, w, h, 1)
	worst, line = 1, -1
	for i, t := range m.Text {
		if m.inOpinion(t) {
			continue
		}
		if s := lineScore(got, ref, w, h, t); s < worst {
			worst, line = s, i
		}
	}
	return ncc(got, ref), worst, line
}

// inOpinion tells whether a text line is inside an opinion box (left out of the comparison).
func (m pageModel) inOpinion(t rect) bool {
	for _, o := range m.Opinions {
		if t.X0 >= o.Box.X0 && t.X1 <= o.Box.X1 && t.Y0 >= o.Box.Y0 && t.Y1 <= o.Box.Y1 {
			return true
		}
	}
	return false
}

// lineScore is the match inside one text line's box (0.5 mm larger all round), 1 where the
// box holds no ink in either picture.
func lineScore(got, ref []float64, w, h int, t rect) float64 {
	x0, y0 := max(0, int((t.X0-0.5)*fineScale)), max(0, int((t.Y0-0.5)*fineScale))
	x1, y1 := min(w, int((t.X1+0.5)*fineScale)), min(h, int((t.Y1+0.5)*fineScale))
	if x1-x0 < 4 || y1-y0 < 4 {
		return 1
	}
	var a, b []float64
	for y := y0; y < y1; y++ {
		a = append(a, got[y*w+x0:y*w+x1]...)
		b = append(b, ref[y*w+x0:y*w+x1]...)
	}
	return ncc(a, b)
}
