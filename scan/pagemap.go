package scan

import (
	"math"
	"sort"
)

// A photographed page is not flat: the paper bows and curls, and the lens bends it further.
// pageMap models where each point of the printed page (mm) is in the picture (pixels): the
// page point moved by a smooth displacement (the paper's bends, a mesh over the page fitted
// to every rule measured), then taken by a homography (a flat page seen in perspective) and
// bent by the lens.
type pageMap struct {
	h    homography // the page → the picture through an ideal lens
	lens lens       // the picture's radial distortion
	bend *mesh      // displacement of page points, mm; nil: the paper is flat
}

func (m *pageMap) apply(p point) point {
	if m.bend != nil {
		d := m.bend.at(p)
		p = point{p.X + d.X, p.Y + d.Y}
	}
	return m.lens.distort(m.h.apply(p))
}

// scaled is the same map into the picture scaled by s (a shrunk picture: s < 1).
func (m *pageMap) scaled(s float64) *pageMap {
	return &pageMap{h: compose(scaling(s), m.h), lens: m.lens.scaled(s), bend: m.bend}
}

// toPage is where picture point q is on the page: the lens undone, the homography inverted,
// then the bend taken off by fixed-point steps (the bend changes slowly over the page).
func (m *pageMap) toPage(inv homography, q point) point {
	s := inv.apply(m.lens.undistort(q))
	if m.bend == nil {
		return s
	}
	p := s
	for range 8 {
		d := m.bend.at(p)
		p = point{s.X - d.X, s.Y - d.Y}
	}
	return p
}

// mesh is a displacement field over the page: a value at every node of a square grid,
// bilinear between them, held at the edge's value beyond the grid.
type mesh struct {
	x0, y0, step float64
	nx, ny       int
	dx, dy       []float64
}

// meshStep is the mesh's spacing (mm): a curl rises over 30–50 mm of paper, so a 10 mm mesh
// follows it within a few hundredths of a millimetre.
const meshStep = 10.0

// newMesh is a zero displacement over the page and a margin around it.
func newMesh() *mesh {
	const margin = 10.0
	m := &mesh{x0: -margin, y0: -margin, step: meshStep}
	m.nx = int(math.Ceil((pageW+2*margin)/meshStep)) + 1
	m.ny = int(math.Ceil((pageH+2*margin)/meshStep)) + 1
	m.dx = make([]float64, m.nx*m.ny)
	m.dy = make([]float64, m.nx*m.ny)
	return m
}

// weights are the four nodes around p and their bilinear weights.
func (m *mesh) weights(p point) ([4]int, [4]float64) {
	fx := math.Max(0, math.Min(float64(m.nx-1)-1e-9, (p.X-m.x0)/m.step))
	fy := math.Max(0, math.Min(float64(m.ny-1)-1e-9, (p.Y-m.y0)/m.step))
	ix, iy := int(fx), int(fy)
	ax, ay := fx-float64(ix), fy-float64(iy)
	k := iy*m.nx + ix
	return [4]int{k, k + 1, k + m.nx, k + m.nx + 1},
		[4]float64{(1 - ax) * (1 - ay), ax * (1 - ay), (1 - ax) * ay, ax * ay}
}

func (m *mesh) at(p point) point {
	idx, w := m.weights(p)
	var d point
	for i, k := range idx {
		d.X += w[i] * m.dx[k]
		d.Y += w[i] * m.dy[k]
	}
	return d
}

// ruleSample is one measurement of a rule: at page point P (on the rule as printed) the
// picture, straightened through the current model, has the rule Off mm further along x (a
// vertical rule) or y (a horizontal one).
type ruleSample struct {
	P        point
	Off      float64
	Vertical bool
	W        float64 // the sample's weight: 1 for a rule, less for a stretch of text
}

// bendStiffness weighs the mesh's smoothness against the rules' measurements: each node's
// bending (second differences, mm) counts as much as this many measurements' misfit.
const bendStiffness = 4.0

// fitBend adds to m the displacement that puts the measured rules where the page has them,
// as smooth as bendStiffness asks: least squares over every sample and the mesh's bending
// energy (of the whole displacement, not just the change), by conjugate gradients. Samples
// off the fit by more than three times the typical misfit (a text stroke taken for the rule,
// a seal's edge) are dropped and the fit made again. It returns the samples kept.
func (m *mesh) fitBend(samples []ruleSample) []ruleSample {
	// each sample's target: the total displacement that puts its rule where it was seen
	comp := func(s ruleSample) []float64 {
		if s.Vertical {
			return m.dx
		}
		return m.dy
	}
	target := make([]float64, len(samples))
	for i, s := range samples {
		idx, w := m.weights(s.P)
		target[i] = s.Off + dot4(comp(s), idx, w)
	}
	keep := make([]bool, len(samples))
	for i := range keep {
		keep[i] = true
	}
	for round := 0; ; round++ {
		for _, vertical := range []bool{false, true} {
			var idx [][4]int
			var wts [][4]float64
			var rhs, sw []float64
			for i, s := range samples {
				if s.Vertical == vertical && keep[i] {
					k, w := m.weights(s.P)
					idx, wts, rhs, sw = append(idx, k), append(wts, w), append(rhs, target[i]), append(sw, s.W)
				}
			}
			if len(rhs) > 0 {
				d := m.dy
				if vertical {
					d = m.dx
				}
				m.solve(d, idx, wts, rhs, sw)
			}
		}
		if round == 2 {
			break
		}
		res := make([]float64, len(samples))
		var kept []float64
		for i, s := range samples {
			idx, w := m.weights(s.P)
			res[i] = math.Abs(target[i] - dot4(comp(s), idx, w))
			if keep[i] {
				kept = append(kept, res[i])
			}
		}
		limit := math.Max(0.25, 3*median(kept))
		changed := false
		for i := range samples {
			if k := res[i] <= limit; k != keep[i] {
				keep[i], changed = k, true
			}
		}
		if !changed {
			break
		}
	}
	var out []ruleSample
	for i, s := range samples {
		if keep[i] {
			out = append(out, s)
		}
	}
	return out
}

func dot4(d []float64, i [4]int, w [4]float64) float64 {
	return w[0]*d[i[0]] + w[1]*d[i[1]] + w[2]*d[i[2]] + w[3]*d[i[3]]
}

// solve sets d to the least-squares fit of the targets rhs at the samples (idx, wts) plus
// bendStiffness times the bending energy, by conjugate gradients from d as it is.
func (m *mesh) solve(d []float64, idx [][4]int, wts [][4]float64, rhs, sw []float64) {
	n := len(d)
	apply := func(v, out []float64) { // out = (BᵀB + λLᵀL + εI) v
		clear(out)
		for s := range idx {
			r := sw[s] * dot4(v, idx[s], wts[s])
			for j := range 4 {
				out[idx[s][j]] += wts[s][j] * r
			}
		}
		m.bendApply(v, out, bendStiffness)
		for i := range out {
			out[i] += 1e-6 * v[i]
		}
	}
	b := make([]float64, n)
	for s := range idx {
		for j := range 4 {
			b[idx[s][j]] += wts[s][j] * sw[s] * rhs[s]
		}
	}
	r := make([]float64, n)
	ap := make([]float64, n)
	apply(d, ap)
	for i := range r {
		r[i] = b[i] - ap[i]
	}
	p := append([]float64(nil), r...)
	rr := dotv(r, r)
	b2 := dotv(b, b)
	for it := 0; it < 400 && rr > 1e-14*math.Max(b2, 1e-12); it++ {
		apply(p, ap)
		a := rr / dotv(p, ap)
		for i := range d {
			d[i] += a * p[i]
			r[i] -= a * ap[i]
		}
		nr := dotv(r, r)
		for i := range p {
			p[i] = r[i] + nr/rr*p[i]
		}
		rr = nr
	}
}

func dotv(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// bendApply adds λ·LᵀL·v to out: L takes the second differences along x and y and the mixed
// difference at every node where they exist (thin-plate bending on the grid).
func (m *mesh) bendApply(v, out []float64, lambda float64) {
	nx, ny := m.nx, m.ny
	for y := 0; y < ny; y++ {
		for x := 0; x < nx; x++ {
			k := y*nx + x
			if x > 0 && x < nx-1 {
				r := v[k-1] - 2*v[k] + v[k+1]
				out[k-1] += lambda * r
				out[k] -= 2 * lambda * r
				out[k+1] += lambda * r
			}
			if y > 0 && y < ny-1 {
				r := v[k-nx] - 2*v[k] + v[k+nx]
				out[k-nx] += lambda * r
				out[k] -= 2 * lambda * r
				out[k+nx] += lambda * r
			}
			if x < nx-1 && y < ny-1 {
				r := v[k] - v[k+1] - v[k+nx] + v[k+nx+1]
				l2 := 2 * lambda
				out[k] += l2 * r
				out[k+1] -= l2 * r
				out[k+nx] -= l2 * r
				out[k+nx+1] += l2 * r
			}
		}
	}
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}
