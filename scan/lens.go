package scan

import (
	"math"
	"sort"
)

// A phone's lens bends straight lines: barrel distortion moves each point towards the
// picture's centre by k·r² of its distance r (r in half-diagonals), so a rule near the edge
// of the picture bows outwards in the middle. It is measured from the rules themselves (a
// plumb line: the k that makes the long rules straight again) and undone in the page model.

// lens is radial distortion about the picture's centre: a point at distance r from it (in
// units of rn pixels, half the picture's diagonal) is photographed at r·(1 + k·r²).
type lens struct {
	cx, cy, rn, k float64
}

// newLens is the distortion k of a w×h picture.
func newLens(w, h int, k float64) lens {
	return lens{float64(w) / 2, float64(h) / 2, math.Hypot(float64(w), float64(h)) / 2, k}
}

// scaled is the same lens in a picture shrunk by s (s < 1) or enlarged.
func (l lens) scaled(s float64) lens { return lens{l.cx * s, l.cy * s, l.rn * s, l.k} }

// distort takes an undistorted point to where the lens puts it.
func (l lens) distort(p point) point {
	if l.k == 0 {
		return p
	}
	dx, dy := (p.X-l.cx)/l.rn, (p.Y-l.cy)/l.rn
	s := 1 + l.k*(dx*dx+dy*dy)
	return point{l.cx + dx*s*l.rn, l.cy + dy*s*l.rn}
}

// undistort is where a photographed point would be without the lens (Newton on the radius).
func (l lens) undistort(p point) point {
	if l.k == 0 {
		return p
	}
	dx, dy := (p.X-l.cx)/l.rn, (p.Y-l.cy)/l.rn
	rd := math.Hypot(dx, dy)
	if rd == 0 {
		return p
	}
	r := rd
	for range 6 {
		f := r*(1+l.k*r*r) - rd
		d := 1 + 3*l.k*r*r
		if d <= 0.1 {
			break
		}
		r -= f / d
	}
	s := r / rd
	return point{l.cx + dx*s*l.rn, l.cy + dy*s*l.rn}
}

// maxLensK bounds the distortion measured: phones' main cameras stay within about ±0.1 (in
// these units), a wide-angle lens near -0.2.
const maxLensK = 0.25

// plumbLine measures the lens from traced rules (points in the picture l is made for): the
// k, within ±maxLensK, that makes them straightest, and how much straighter they became
// (the rules' mean squared distance from their lines with k over without, 1: no better).
// Lines through the centre stay straight under any k, so they carry no weight; lines near
// the edges decide.
func plumbLine(l lens, traces [][]point) (float64, float64) {
	if len(traces) < 2 {
		return 0, 1
	}
	cost := func(k float64) float64 {
		lk := l
		lk.k = k
		var sum float64
		n := 0
		u := make([]point, 0, 256)
		for _, tr := range traces {
			u = u[:0]
			for _, p := range tr {
				u = append(u, lk.undistort(p))
			}
			f, ok := fitLine(u)
			if !ok {
				continue
			}
			// the robust part: the worst tenth of each line's points (text touching it,
			// a stray stroke the tracing took) does not count
			ds := make([]float64, len(u))
			for i, p := range u {
				ds[i] = f.dist(p) * f.dist(p)
			}
			sort.Float64s(ds)
			for _, d := range ds[:len(ds)*9/10] {
				sum += d
				n++
			}
		}
		if n == 0 {
			return math.Inf(1)
		}
		return sum / float64(n)
	}
	// a coarse look over the range (the cost may have a second dip where a wrong k bends
	// one family of rules straight), then a golden-section search around the best
	best, bestK := math.Inf(1), 0.0
	for k := -maxLensK; k <= maxLensK+1e-9; k += 0.02 {
		if c := cost(k); c < best {
			best, bestK = c, k
		}
	}
	a, b := bestK-0.02, bestK+0.02
	const g = 0.6180339887498949
	c, d := b-g*(b-a), a+g*(b-a)
	fc, fd := cost(c), cost(d)
	for b-a > 0.001 {
		if fc < fd {
			b, d, fd = d, c, fc
			c = b - g*(b-a)
			fc = cost(c)
		} else {
			a, c, fc = c, d, fd
			d = a + g*(b-a)
			fd = cost(d)
		}
	}
	k := (a + b) / 2
	c0 := cost(0)
	if c0 == 0 || math.IsInf(c0, 1) {
		return 0, 1
	}
	return k, cost(k) / c0
}
