package scan

import (
	"math"
	"sort"
)

// Finding the table: the long ruled lines of the picture, traced (they bow where the lens or
// the paper bends them), the lens measured from how they bow, then the lines fitted straight
// without it. The table's outline is one of a few ways to pick its outermost lines (another
// page peeking out from underneath adds lines beyond it, a finger breaks one): each way is
// tried as each page's table in each of four turns, and kept by how many of the page's rules
// the picture then shows where the page has them.

// sighting is what the coarse picture shows: its long lines and its lens.
type sighting struct {
	lens   lens    // in the coarse picture's pixels
	hs, vs []found // near-horizontal and near-vertical lines, fitted without the lens
	mh, mv []bool  // the thin-dark-line masks across y and across x
	dh, dv []uint8 // how far each pixel is from a marked one of them (0–2, 3: further)
	w, h   int
	pxMM   float64 // about how many pixels a millimetre of paper takes
}

// sight finds the lines of g, the coarse picture (scale: its pixels per pixel of the photo;
// the lens is about the photo's centre).
func sight(g *grey) sighting {
	s := sighting{w: g.W, h: g.H}
	// the page fills at least half of the photo's long side, usually three quarters
	s.pxMM = float64(max(g.W, g.H)) / 400
	r := max(2, int(math.Round(0.8*s.pxMM)))
	s.mh, s.mv = thinMask(g, r, false), thinMask(g, r, true)
	hs := houghLines(s.mh, g.W, g.H, false, s.pxMM)
	vs := houghLines(s.mv, g.W, g.H, true, s.pxMM)
	// the lens, from the long lines' bow
	long := 0.3 * float64(min(g.W, g.H))
	var traces [][]point
	for _, f := range append(append([]found(nil), hs...), vs...) {
		if f.Cover >= long {
			traces = append(traces, f.Trace)
		}
	}
	s.lens = newLens(g.W, g.H, 0)
	if len(traces) >= 3 {
		k, gain := plumbLine(s.lens, traces)

		// a lens makes every long line bow: take it when it straightens them clearly (a flat
		// photo's lines gain 0–2 % from any k, a lens's 25 % and more)
		if gain < 0.9 {
			s.lens.k = k
		}
	}
	s.hs, s.vs = straighten(hs, s.lens), straighten(vs, s.lens)
	s.dh, s.dv = nearness(s.mh, g.W, g.H), nearness(s.mv, g.W, g.H)
	return s
}

// nearness is, for each pixel, how far the nearest marked pixel of mask is (the larger of
// the two axes), 3 when none is within two: along each row, then down each column.
func nearness(mask []bool, w, h int) []uint8 {
	row := make([]uint8, len(mask))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := uint8(3)
			for dx := -2; dx <= 2; dx++ {
				if xx := x + dx; xx >= 0 && xx < w && mask[y*w+xx] {
					d = min(d, uint8(abs(dx)))
				}
			}
			row[y*w+x] = d
		}
	}
	out := make([]uint8, len(mask))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := uint8(3)
			for dy := -2; dy <= 2; dy++ {
				if yy := y + dy; yy >= 0 && yy < h {
					d = min(d, max(row[yy*w+x], uint8(abs(dy))))
				}
			}
			out[y*w+x] = d
		}
	}
	return out
}

// straighten fits each traced line straight once the lens is undone, robustly.
func straighten(fs []found, l lens) []found {
	out := fs[:0]
	for _, f := range fs {
		u := make([]point, len(f.Trace))
		for i, p := range f.Trace {
			u[i] = l.undistort(p)
		}
		lf, ok := robustLineTol(u, 1.5)
		if !ok {
			continue
		}
		f.L = lf
		f.A, f.B, f.Mid = l.undistort(f.A), l.undistort(f.B), l.undistort(f.Mid)
		out = append(out, f)
	}
	return out
}

// robustLineTol fits a line and refits without the points more than tol off it.
func robustLineTol(ps []point, tol float64) (lineFit, bool) {
	if len(ps) < 3 {
		return lineFit{}, false
	}
	l, ok := fitLine(ps)
	for range 3 {
		var keep []point
		for _, p := range ps {
			if math.Abs(l.dist(p)) <= tol {
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

// quad is the table's outline in the picture: its four corners, clockwise from the one the
// picture shows at top left.
type quad [4]point

// outlineDepth is how many lines from each side may be the table's edge: the page's own
// and up to three beyond it (another page underneath, the desk's edge, a ruler).
const outlineDepth = 4

// outlines are the ways the long lines may make the table's outline, in the picture without
// the lens.
func (s sighting) outlines() []quad {
	// strong lines may be the table's edge; of the weaker ones (a rule seen at a slant,
	// broken by glare or the far side's blur) only the outermost on each side
	pick := func(fs []found, minLen float64) (strong, weak []found) {
		longest := 0.0
		for _, f := range fs {
			longest = max(longest, f.Cover)
		}
		for _, f := range fs {
			// a rule is marked nearly all along (a finger over it leaves nine tenths); a
			// row of text strokes in pieces, a dense paragraph's rows three quarters
			ratio := f.Cover / math.Hypot(f.B.X-f.A.X, f.B.Y-f.A.Y)
			switch {
			case f.Cover < minLen:
			case f.Cover >= 0.25*longest && (ratio >= 0.86 || f.Cover >= 0.8*longest):
				strong = append(strong, f)
			case f.Cover >= 0.4*longest && ratio >= 0.6:
				weak = append(weak, f)
			}
		}
		return strong, weak
	}
	hs, hw := pick(s.hs, 40*s.pxMM)
	vs, vw := pick(s.vs, 40*s.pxMM)
	cx, cy := float64(s.w)/2, float64(s.h)/2
	yAt := func(f found) float64 { return (f.L.C - f.L.A*cx) / f.L.B }
	xAt := func(f found) float64 { return (f.L.C - f.L.B*cy) / f.L.A }
	// sides lists the candidates for the two sides of a family: the d outermost strong
	// lines each way, and the two outermost weak ones among or beyond them. A weak line
	// inside a strong one may be the edge: the table's outer rule traced in pieces (a small
	// page in its frame, a shadow) inside a row of a title's large characters, which marks
	// as one long line.
	const weakDepth = 2
	sides := func(strong, weak []found, at func(found) float64) (lo, hi []found) {
		sort.Slice(strong, func(i, j int) bool { return at(strong[i]) < at(strong[j]) })
		// a weak line is the edge only if it spans the table as the longest line does: the
		// rows of a title beside the table, traced in pieces, are shorter
		longest := 0.0
		for _, f := range strong {
			longest = max(longest, f.Cover)
		}
		var spans []found
		for _, f := range weak {
			if math.Hypot(f.B.X-f.A.X, f.B.Y-f.A.Y) >= 0.8*longest {
				spans = append(spans, f)
			}
		}
		weak = spans
		sort.Slice(weak, func(i, j int) bool { return at(weak[i]) < at(weak[j]) })
		// the strong lines kept each way, and how far in a weak one may lie
		d := min(outlineDepth, len(strong))
		loIn, hiIn := math.Inf(1), math.Inf(-1)
		if d == outlineDepth {
			loIn, hiIn = at(strong[d-1]), at(strong[len(strong)-d])
		}
		lo = append(lo, strong[:d]...)
		for i := len(strong) - 1; i >= len(strong)-d; i-- {
			hi = append(hi, strong[i])
		}
		for i := 0; i < min(weakDepth, len(weak)) && at(weak[i]) < loIn; i++ {
			lo = append(lo, weak[i])
		}
		for i := len(weak) - 1; i >= max(0, len(weak)-weakDepth) && at(weak[i]) > hiIn; i-- {
			hi = append(hi, weak[i])
		}
		return lo, hi
	}
	tops, bottoms := sides(hs, hw, yAt)
	lefts, rights := sides(vs, vw, xAt)
	var out []quad
	for _, t := range tops {
		for _, b := range bottoms {
			if yAt(b) <= yAt(t) {
				continue
			}
			for _, l := range lefts {
				for _, r := range rights {
					if xAt(r) <= xAt(l) {
						continue
					}
					q, ok := outline(t.L, b.L, l.L, r.L)
					if ok && q.plausible(s.pxMM) {
						out = append(out, q)
					}
				}
			}
		}
	}
	return out
}

func outline(top, bottom, left, right lineFit) (quad, bool) {
	var q quad
	var ok [4]bool
	q[0], ok[0] = intersect(top, left)
	q[1], ok[1] = intersect(top, right)
	q[2], ok[2] = intersect(bottom, right)
	q[3], ok[3] = intersect(bottom, left)
	return q, ok[0] && ok[1] && ok[2] && ok[3]
}

// plausible: a table at least 50 mm across each way, convex.
func (q quad) plausible(pxMM float64) bool {
	for i := range 4 {
		a, b, c := q[i], q[(i+1)%4], q[(i+2)%4]
		if math.Hypot(b.X-a.X, b.Y-a.Y) < 50*pxMM {
			return false
		}
		if (b.X-a.X)*(c.Y-b.Y)-(b.Y-a.Y)*(c.X-b.X) <= 0 {
			return false
		}
	}
	return true
}

// ruleProbe is a point on one of a page's rules (mm), and which way the rule runs.
type ruleProbe struct {
	P          point
	Horizontal bool
}

// probes are points along every rule of m, step mm apart, shuffled in a fixed order so that
// a prefix of them samples the whole table.
func (m pageModel) probes(step float64) []ruleProbe {
	var out []ruleProbe
	for _, r := range m.H {
		for a := r.A + step/2; a < r.B; a += step {
			out = append(out, ruleProbe{point{a, r.Pos}, true})
		}
	}
	for _, r := range m.V {
		for a := r.A + step/2; a < r.B; a += step {
			out = append(out, ruleProbe{point{r.Pos, a}, false})
		}
	}
	// a fixed shuffle (a multiplicative step through the indices)
	n := len(out)
	if n < 3 {
		return out
	}
	step2 := 7919 % n
	for gcd(step2, n) != 1 {
		step2++
	}
	sh := make([]ruleProbe, n)
	for i := range n {
		sh[i] = out[(i*step2)%n]
	}
	return sh
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// support is the share of probes the picture shows as a thin dark line where m (page → the
// coarse picture) puts them, less the share it shows 2.5 mm beside them (noise in a deep
// shadow marks pixels everywhere, a rule only on itself): tight within a pixel, loose within
// two (about a millimetre: the outline's homography is that far off where the lens and the
// paper's bends are not yet measured).
func (s sighting) support(m mapping, probes []ruleProbe) (tight, loose float64) {
	if len(probes) == 0 {
		return 0, 0
	}
	t, l := 0, 0
	for _, pr := range probes {
		q := m.apply(pr.P)
		// which mask: the rule's direction in the picture
		along, across := point{1, 0}, point{0, 2.5}
		if !pr.Horizontal {
			along, across = point{0, 1}, point{2.5, 0}
		}
		q2 := m.apply(point{pr.P.X + along.X, pr.P.Y + along.Y})
		near := s.dh
		if math.Abs(q2.X-q.X) < math.Abs(q2.Y-q.Y) {
			near = s.dv
		}
		on, off := s.at(near, q), s.at(near, m.apply(point{pr.P.X + across.X, pr.P.Y + across.Y}))
		if on <= 1 {
			t++
		}
		if off <= 1 {
			t--
		}
		if on <= 2 {
			l++
		}
		if off <= 2 {
			l--
		}
	}
	n := float64(len(probes))
	return float64(t) / n, float64(l) / n
}

// at is near's value at q, 3 outside the picture.
func (s sighting) at(near []uint8, q point) uint8 {
	x, y := int(q.X), int(q.Y)
	if x < 0 || y < 0 || x >= s.w || y >= s.h {
		return 3
	}
	return near[y*s.w+x]
}
