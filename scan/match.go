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
func inkOf(img *image.RGBA) (fine []float32, coarse []float64) {
	w, h := int(pageW*fineScale), int(pageH*fineScale)
	fine = make([]float32, w*h)
	for y := 0; y < min(h, img.Rect.Dy()); y++ {
		for x := 0; x < min(w, img.Rect.Dx()); x++ {
			p := img.Pix[y*img.Stride+x*4:]
			fine[y*w+x] = float32(1 - (0.299*float64(p[0])+0.587*float64(p[1])+0.114*float64(p[2]))/255)
		}
	}
	k := int(fineScale / matchScale)
	cw, ch := w/k, h/k
	coarse = make([]float64, cw*ch)
	for y := 0; y < ch*k; y++ {
		for x := 0; x < cw*k; x++ {
			coarse[(y/k)*cw+x/k] += float64(fine[y*w+x]) / float64(k*k)
		}
	}
	return boxBlur(fine, w, h, 1), boxBlur(coarse, cw, ch, 1)
}

// observed warps the picture g through h (page mm → g's pixels) at matchScale and returns its
// ink: how much darker than the paper around it each point is.
func observed(g *grey, h mapping) []float64 {
	p := warpGrey(g, h, matchScale)
	bg := paperAround(p, 3) // text is thinner than 3 mm
	v := make([]float64, len(p.Pix))
	for i, c := range p.Pix {
		if b := float64(bg[i]); b > 0 {
			v[i] = math.Max(0, 1-float64(c)/b)
		}
	}
	return boxBlur(v, p.W, p.H, 1)
}

// paperAround is the paper's brightness at each pixel of g: the brightest value within r
// pixels, then the darkest of those within r (a closing): print narrower than the window
// is filled in, while the edge of a shadow stays where it is instead of spreading dark.
func paperAround(g *grey, r int) []uint8 {
	return extreme(extreme(g.Pix, g.W, g.H, r, true), g.W, g.H, r, false)
}

// extreme is the largest (or smallest) value within r pixels, a separable square window,
// each pass a sliding window over a line (a queue of the candidates still in it).
func extreme(pix []uint8, w, h, r int, largest bool) []uint8 {
	better := func(a, b uint8) bool { // a beats b
		if largest {
			return a >= b
		}
		return a <= b
	}
	queue := make([]int, 0, max(w, h))
	pass := func(src, dst []uint8, n, m, lineStep, step int) {
		for i := 0; i < n; i++ {
			base := i * lineStep
			queue = queue[:0]
			head := 0
			next := 0 // the next sample to enter the window
			for j := 0; j < m; j++ {
				for ; next <= min(m-1, j+r); next++ {
					v := src[base+next*step]
					for len(queue) > head && better(v, src[base+queue[len(queue)-1]*step]) {
						queue = queue[:len(queue)-1]
					}
					queue = append(queue, next)
				}
				for queue[head] < j-r {
					head++
				}
				dst[base+j*step] = src[base+queue[head]*step]
			}
		}
	}
	tmp := make([]uint8, len(pix))
	out := make([]uint8, len(pix))
	pass(pix, tmp, h, w, w, 1)
	pass(tmp, out, w, h, 1, w)
	return out
}

// ncc is the normalised cross-correlation of two equally long signals, -1..1.
func ncc[F float32 | float64](a, b []F) float64 { return nccMasked(a, b, nil) }

// opinionMask marks the inside of the opinion boxes at matchScale: seals and handwriting go
// there, so they are left out when a picture is compared with the page; the box's rules and
// what the form prints in it (the stamp line, the date line) stay in, for a page of few rules
// is told by them.
func opinionMask(m pageModel) []bool {
	w, h := int(pageW*matchScale), int(pageH*matchScale)
	mask := make([]bool, w*h)
	set := func(r rect, v bool) {
		for y := max(0, int(r.Y0*matchScale)); y < min(h, int(math.Ceil(r.Y1*matchScale))); y++ {
			for x := max(0, int(r.X0*matchScale)); x < min(w, int(math.Ceil(r.X1*matchScale))); x++ {
				mask[y*w+x] = v
			}
		}
	}
	for _, o := range m.Opinions {
		b := o.Box
		set(rect{b.X0 + 1.5, b.Y0 + 1.5, b.X1 - 1.5, b.Y1 - 1.5}, true)
	}
	for _, t := range m.Text {
		if m.inOpinion(t) {
			set(rect{t.X0 - 1, t.Y0 - 1, t.X1 + 1, t.Y1 + 1}, false)
		}
	}
	return mask
}

// nccMasked is ncc leaving out the points skip marks (nil: none).
func nccMasked[F float32 | float64](a, b []F, skip []bool) float64 {
	kept := func(i int) bool { return skip == nil || !skip[i] }
	var ma, mb, n float64
	for i := range a {
		if kept(i) {
			ma += float64(a[i])
			mb += float64(b[i])
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
		da, db := float64(a[i])-ma, float64(b[i])-mb
		sab += da * db
		saa += da * da
		sbb += db * db
	}
	if saa == 0 || sbb == 0 {
		return 0
	}
	return sab / math.Sqrt(saa*sbb)
}

// candidate is one way the picture's table can be a page: which page, turned how, and
// how well the picture then looks like it.
type candidate struct {
	Page    int
	Turn    int      // quarter turns of the paper in the picture
	M       *pageMap // page → the coarse picture
	Support float64  // share of the page's rules the picture shows where they should be
	Score   float64
}

// supportProbes is how many probes of each page's rules judge an outline at first; the few
// best outlines are judged again on all of them.
const supportProbes = 48

// candidates tries each way the lines may outline the table as each page's table, in each
// of the four ways the paper can lie, keeps the ways that put most of the page's rules on
// lines of the picture, compares the picture with the page there, and returns them best
// first.
func candidates(g *grey, s sighting, pages []pageModel, want [][]float64, probes [][]ruleProbe) []candidate {
	type way struct {
		page, turn   int
		m            *pageMap
		tight, loose float64
		support      float64
	}
	var ways []way
	for _, q := range s.outlines() {
		for i, m := range pages {
			t := m.Table
			corners := []point{{t.X0, t.Y0}, {t.X1, t.Y0}, {t.X1, t.Y1}, {t.X0, t.Y1}}
			pr := probes[i][:min(supportProbes, len(probes[i]))]
			for turn := 0; turn < 4; turn++ {
				dst := []point{q[turn%4], q[(turn+1)%4], q[(turn+2)%4], q[(turn+3)%4]}
				h, err := fitHomography(corners, dst)
				if err != nil {
					continue
				}
				pm := &pageMap{h: h, lens: s.lens}
				tight, loose := s.support(pm, pr)
				ways = append(ways, way{page: i, turn: turn, m: pm, tight: tight, loose: loose})
			}
		}
	}
	// each page's three best ways by tight support and three by loose (a precise outline,
	// and one the lens or the paper's bends put a millimetre off), judged again on all the
	// page's probes
	var kept []way
	for _, by := range []func(w way) float64{func(w way) float64 { return w.tight }, func(w way) float64 { return w.loose }} {
		sort.SliceStable(ways, func(i, j int) bool { return by(ways[i]) > by(ways[j]) })
		per := make([]int, len(pages))
		for k := range ways {
			if w := &ways[k]; per[w.page] < 3 && w.support == 0 {
				per[w.page]++
				t, l := s.support(w.m, probes[w.page])
				w.support = max(t, l, 1e-9) // judged (the tight share falls less in dense text)
				kept = append(kept, *w)
			}
		}
	}
	ways = kept
	sort.SliceStable(ways, func(i, j int) bool { return ways[i].support > ways[j].support })

	if len(ways) == 0 {
		return nil
	}
	best := ways[0].support
	masks := make([][]bool, len(pages))
	for i, m := range pages {
		masks[i] = opinionMask(m)
	}
	// The picture straightened by a way serves every page whose table has that outline.
	var out []candidate
	tried := map[[2]int]bool{}
	for _, w := range ways {
		if w.support < 0.5*best {
			break
		}
		var obs []float64
		for i, m := range pages {
			if m.Table != pages[w.page].Table || tried[[2]int{i, w.turn}] && i != w.page {
				continue
			}
			if obs == nil {
				obs = observed(g, w.m)
			}
			tried[[2]int{i, w.turn}] = true
			out = append(out, candidate{Page: i, Turn: w.turn, M: w.m, Support: w.support, Score: nccMasked(obs, want[i], masks[i])})
		}
	}
	// ranked by the picture's match with the page and, half as much, by the share of the
	// page's rules on lines: a bowed page of few rules matches its outline's homography
	// loosely, and a wrong outline of it (one box taken for the table) nearly as loosely
	sort.Slice(out, func(i, j int) bool { return out[i].Score+out[i].Support/2 > out[j].Score+out[j].Support/2 })
	return out
}

// refineScale is the resolution (px/mm) at which the rules are measured: 0.2 mm a pixel,
// with sub-pixel peaks, for a table within a millimetre.
const refineScale = 5.0

// fit is how well the page model fits the picture, from the last measurement of the rules.
type fit struct {
	Residual float64  // mean distance (mm) left between the rules measured and the model
	Held     *anchors // where measurements held the model
}

// refine measures every rule of page m in the picture g (pm: its page → g estimate) and
// returns the page model that puts them where the page has them: first a homography through
// the crossings, then the paper's bends, fitted to every rule sample with shrinking search.
func refine(g *grey, pm *pageMap, m pageModel, ref printed) (*pageMap, fit) {
	// a flat page through the crossings
	for _, search := range []float64{2.5, 1.5} {
		hf := fitRules(g, pm, m.H, false, search)
		vf := fitRules(g, pm, m.V, true, search)
		var src, dst []point
		for _, j := range m.Junction {
			hl, ok1 := hf[ruleKey(j.Y)]
			vl, ok2 := vf[ruleKey(j.X)]
			if !ok1 || !ok2 {
				continue
			}
			p, ok := intersect(hl, vl)
			if !ok || math.Hypot(p.X-j.X, p.Y-j.Y) > search {
				continue
			}
			src = append(src, j)
			dst = append(dst, pm.lens.undistort(pm.apply(p))) // where the crossing is, lens undone
		}
		if len(src) < 4 {
			break
		}
		nh, _, ok := robustFit(src, dst, g.W)
		if !ok {
			break
		}
		pm = &pageMap{h: nh, lens: pm.lens}
	}
	// then the bends: the rules first, then the text lines with them
	bend := newMesh()
	pm = &pageMap{h: pm.h, lens: pm.lens, bend: bend}
	for _, search := range []float64{1.6, 1.0} {
		samples := measureRules(g, pm, m, search)
		if len(samples) < 8 {
			break
		}
		bend.fitBend(samples)
	}
	var kept []ruleSample
	for _, pass := range []struct {
		ref            []float32
		scale, win, sr float64
		rules          float64
		along          bool
	}{{ref.half, fineScale / 2, 20, 3, 1.0, false}, {ref.fine, fineScale, 10, 1, 0.6, true}} {
		w, h := int(pageW*pass.scale), int(pageH*pass.scale)
		got, _, _ := inkPicture(g, pm, pass.scale)
		samples := textSamples(got, pass.ref, w, h, m.textWindows(pass.win), pass.scale, pass.sr, pass.along)
		samples = append(samples, measureRules(g, pm, m, pass.rules)...)
		if len(samples) >= 8 {
			kept = bend.fitBend(samples)
		}
	}
	samples := measureRules(g, pm, m, 0.6)
	f := fitOf(samples)
	f.Held = newAnchors(append(kept, samples...))
	return pm, f
}

// printed is a page as the draft prints it, as ink, at fineScale and half of it.
type printed struct{ fine, half []float32 }

// fitOf sums up the last measurement: the mean offset left, the worst tenth (seals, text
// on a rule) left out.
func fitOf(samples []ruleSample) fit {
	if len(samples) == 0 {
		return fit{Residual: math.Inf(1)}
	}
	offs := make([]float64, len(samples))
	for i, s := range samples {
		offs[i] = math.Abs(s.Off)
	}
	sort.Float64s(offs)
	n := len(offs)*9/10 + 1
	var sum float64
	for _, o := range offs[:n] {
		sum += o
	}
	return fit{Residual: sum / float64(n)}
}

// sampleStep is the spacing (mm) of the rule samples.
const sampleStep = 2.0

// measureRules looks for every rule of m near where pm puts it, every sampleStep mm (not
// next to a crossing rule, which is dark all across), and returns what it found.
func measureRules(g *grey, pm *pageMap, m pageModel, search float64) []ruleSample {
	var out []ruleSample
	near := func(rs []rule, pos float64, a float64) bool { // a crossing rule within 1.2 mm
		for _, r := range rs {
			if math.Abs(r.Pos-pos) < 1.2 && a >= r.A-0.5 && a <= r.B+0.5 {
				return true
			}
		}
		return false
	}
	for _, vertical := range []bool{false, true} {
		rules, cross := m.H, m.V
		if vertical {
			rules, cross = m.V, m.H
		}
		for _, r := range rules {
			for a := r.A + 1; a <= r.B-1; a += sampleStep {
				if near(cross, a, r.Pos) {
					continue
				}
				pos, _, ok := ruleAt(g, pm, r.Pos, a, 1.0, search, vertical)
				if !ok {
					continue
				}
				p := point{a, r.Pos}
				if vertical {
					p = point{r.Pos, a}
				}
				out = append(out, ruleSample{P: p, Off: pos - r.Pos, Vertical: vertical, W: 1})
			}
		}
	}
	return out
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

// fitRules finds each rule in the picture near where pm puts it, and fits a line through
// what it found, in page mm.
func fitRules(g *grey, pm *pageMap, rules []rule, vertical bool, search float64) map[int]lineFit {
	out := map[int]lineFit{}
	const step, half = 2.0, 1.5 // mm: sample spacing, along-line average
	for _, r := range rules {
		var pts []point
		for a := r.A + 1; a <= r.B-1; a += step {
			pos, _, ok := ruleAt(g, pm, r.Pos, a, half, search, vertical)
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
// mm of pos, averaging half mm either way along it, in the picture g through pm; it returns
// its sub-pixel position in mm and how much darker than the paper beside it it is.
func ruleAt(g *grey, pm *pageMap, pos, along, half, search float64, vertical bool) (float64, float64, bool) {
	const s = refineScale
	n := int(2 * search * s)
	var buf [64]float64
	prof := buf[:0]
	if n+1 > len(buf) {
		prof = make([]float64, 0, n+1)
	}
	na := int(2 * half * s)
	for i := 0; i <= n; i++ {
		c := pos - search + float64(i)/s
		var sum float64
		for j := 0; j <= na; j++ {
			a := along - half + float64(j)/s
			p := point{a, c}
			if vertical {
				p = point{c, a}
			}
			q := pm.apply(p)
			sum += g.bilinear(q.X-0.5, q.Y-0.5)
		}
		prof = append(prof, sum/float64(na+1))
	}
	best, bi := -1.0, -1
	for i := 2; i <= n-2; i++ {
		// a line: darker than the paper two pixels either side
		c := math.Min(prof[i-2], prof[i+2]) - prof[i]
		if c > best && prof[i] <= prof[i-1] && prof[i] <= prof[i+1] {
			best, bi = c, i
		}
	}
	if bi < 0 || best < 4 {
		return 0, 0, false
	}
	// parabola through the minimum and its neighbours
	d := prof[bi-1] - 2*prof[bi] + prof[bi+1]
	off := 0.0
	if d > 0 {
		off = 0.5 * (prof[bi-1] - prof[bi+1]) / d
	}
	return pos - search + (float64(bi)+off)/s, best, true
}

// robustLine fits a line and refits without the points more than 0.4 mm off it.
func robustLine(ps []point) (lineFit, bool) { return robustLineTol(ps, 0.4) }

// inOpinion tells whether a text line is inside an opinion box (left out of the comparison).
func (m pageModel) inOpinion(t rect) bool {
	for _, o := range m.Opinions {
		if t.X0 >= o.Box.X0 && t.X1 <= o.Box.X1 && t.Y0 >= o.Box.Y0 && t.Y1 <= o.Box.Y1 {
			return true
		}
	}
	return false
}
