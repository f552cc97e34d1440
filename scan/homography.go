package scan

import (
	"errors"
	"math"
)

type point struct{ X, Y float64 }

// mapping takes page points (mm) to picture points (pixels): a homography, the page model.
type mapping interface{ apply(point) point }

// homography maps a plane to a plane: (x, y) → ((ax+by+c)/(gx+hy+1), (dx+ey+f)/(gx+hy+1)).
// Here it maps the page (mm) to the picture (pixels): a photo of flat paper is exactly that.
type homography [9]float64

func (h homography) apply(p point) point {
	w := h[6]*p.X + h[7]*p.Y + h[8]
	return point{(h[0]*p.X + h[1]*p.Y + h[2]) / w, (h[3]*p.X + h[4]*p.Y + h[5]) / w}
}

// inverse returns the homography that undoes h (the adjugate of its matrix, which is the
// inverse up to scale).
func (h homography) inverse() homography {
	a, b, c, d, e, f, g, k, i := h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8]
	inv := homography{
		e*i - f*k, c*k - b*i, b*f - c*e,
		f*g - d*i, a*i - c*g, c*d - a*f,
		d*k - e*g, b*g - a*k, a*e - b*d,
	}
	if inv[8] != 0 {
		for j := range inv {
			inv[j] /= inv[8]
		}
	}
	return inv
}

var errDegenerate = errors.New("scan: points do not determine a homography")

// fitHomography returns the homography that maps src[i] to dst[i] in the least-squares sense
// (direct linear transform on normalised points; at least 4 pairs, no three on a line).
func fitHomography(src, dst []point) (homography, error) {
	if len(src) < 4 || len(src) != len(dst) {
		return homography{}, errDegenerate
	}
	_, tsInv := normaliser(src)
	td, tdInv := normaliser(dst)
	var ata [8][8]float64
	var atb [8]float64
	for i := range src {
		s, d := tsInv.apply(src[i]), tdInv.apply(dst[i])
		rows := [2][8]float64{
			{s.X, s.Y, 1, 0, 0, 0, -d.X * s.X, -d.X * s.Y},
			{0, 0, 0, s.X, s.Y, 1, -d.Y * s.X, -d.Y * s.Y},
		}
		rhs := [2]float64{d.X, d.Y}
		for r := range rows {
			for a := 0; a < 8; a++ {
				atb[a] += rows[r][a] * rhs[r]
				for b := 0; b < 8; b++ {
					ata[a][b] += rows[r][a] * rows[r][b]
				}
			}
		}
	}
	x, ok := solve8(ata, atb)
	if !ok {
		return homography{}, errDegenerate
	}
	hn := homography{x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], 1}
	// dst = td · hn · tsInv(src)
	return compose(td, compose(hn, tsInv)), nil
}

// normaliser returns the similarity that maps normalised points back (t) and its inverse
// (centroid to the origin, mean distance √2), which keeps the equations well conditioned.
func normaliser(ps []point) (t, inv homography) {
	var cx, cy float64
	for _, p := range ps {
		cx += p.X
		cy += p.Y
	}
	cx /= float64(len(ps))
	cy /= float64(len(ps))
	var d float64
	for _, p := range ps {
		d += math.Hypot(p.X-cx, p.Y-cy)
	}
	d /= float64(len(ps))
	if d == 0 {
		d = 1
	}
	s := math.Sqrt2 / d
	inv = homography{s, 0, -s * cx, 0, s, -s * cy, 0, 0, 1}
	t = homography{1 / s, 0, cx, 0, 1 / s, cy, 0, 0, 1}
	return t, inv
}

// compose returns a∘b (apply b, then a).
func compose(a, b homography) homography {
	var c homography
	for r := 0; r < 3; r++ {
		for k := 0; k < 3; k++ {
			for j := 0; j < 3; j++ {
				c[r*3+k] += a[r*3+j] * b[j*3+k]
			}
		}
	}
	if c[8] != 0 {
		for j := range c {
			c[j] /= c[8]
		}
	}
	return c
}

// solve8 solves a·x = b by Gaussian elimination with partial pivoting.
func solve8(a [8][8]float64, b [8]float64) ([8]float64, bool) {
	for col := 0; col < 8; col++ {
		p := col
		for r := col + 1; r < 8; r++ {
			if math.Abs(a[r][col]) > math.Abs(a[p][col]) {
				p = r
			}
		}
		if math.Abs(a[p][col]) < 1e-12 {
			return b, false
		}
		a[col], a[p] = a[p], a[col]
		b[col], b[p] = b[p], b[col]
		for r := col + 1; r < 8; r++ {
			f := a[r][col] / a[col][col]
			for k := col; k < 8; k++ {
				a[r][k] -= f * a[col][k]
			}
			b[r] -= f * b[col]
		}
	}
	var x [8]float64
	for r := 7; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < 8; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x, true
}

// lineFit is a straight line a·x + b·y = c with a² + b² = 1.
type lineFit struct{ A, B, C float64 }

// fitLine fits a line to points by total least squares.
func fitLine(ps []point) (lineFit, bool) {
	if len(ps) < 2 {
		return lineFit{}, false
	}
	var mx, my float64
	for _, p := range ps {
		mx += p.X
		my += p.Y
	}
	n := float64(len(ps))
	mx /= n
	my /= n
	var sxx, sxy, syy float64
	for _, p := range ps {
		dx, dy := p.X-mx, p.Y-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	// The normal is the eigenvector of the smaller eigenvalue of the scatter matrix.
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy) // direction of the line
	a, b := -math.Sin(theta), math.Cos(theta)
	return lineFit{a, b, a*mx + b*my}, true
}

func (l lineFit) dist(p point) float64 { return l.A*p.X + l.B*p.Y - l.C }

// intersect returns where two lines cross.
func intersect(l, m lineFit) (point, bool) {
	det := l.A*m.B - l.B*m.A
	if math.Abs(det) < 1e-9 {
		return point{}, false
	}
	return point{(l.C*m.B - l.B*m.C) / det, (l.A*m.C - l.C*m.A) / det}, true
}
