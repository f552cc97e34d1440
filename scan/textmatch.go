package scan

import "math"

// Rules alone do not hold the page's middle: a cell 180 mm tall has no rule across it, and a
// bow of the paper moves its text lines by millimetres there. The text holds it: the page as
// the draft prints it is known, so each stretch of a text line is looked for in the picture
// near where the model puts it, and where it is found tells the mesh how the paper lies.

// textWindow is a stretch of a text line, in page mm; Far when no rule is within 25 mm of it
// (a title, a page's footer): the model is least sure there, so it is looked for further.
type textWindow struct {
	X0, Y0, X1, Y1 float64
	Far            bool
}

// textWindows cuts m's text lines (those outside the opinion boxes, which are written and
// stamped on) into stretches about width mm long.
func (m pageModel) textWindows(width float64) []textWindow {
	var out []textWindow
	for _, t := range m.Text {
		if m.inOpinion(t) || t.w() < 2 {
			continue
		}
		n := max(1, int(math.Round(t.w()/width)))
		step := t.w() / float64(n)
		for i := range n {
			w := textWindow{X0: t.X0 + float64(i)*step, Y0: t.Y0 - 0.3, X1: t.X0 + float64(i+1)*step, Y1: t.Y1 + 0.3}
			w.Far = m.ruleDistance(point{(w.X0 + w.X1) / 2, (w.Y0 + w.Y1) / 2}) > 25
			out = append(out, w)
		}
	}
	return out
}

// inkPicture is the picture straightened through pm at scale px/mm, as ink: how much darker
// than the paper around it each point is (0 paper … 1 black), lightly blurred as ref is.
func inkPicture(g *grey, pm mapping, scale float64) ([]float32, int, int) {
	p := warpGrey(g, pm, scale)
	bg := paperAround(p, max(2, int(1.8*scale)))
	v := make([]float32, len(p.Pix))
	for i, c := range p.Pix {
		if b := float32(bg[i]); b > 0 {
			v[i] = max(0, 1-float32(c)/b)
		}
	}
	return boxBlur(v, p.W, p.H, 1), p.W, p.H
}

// textSamples looks for each window of ref (the page's ink at scale px/mm, w×h) in got (the
// picture's, the same size) within search mm, and returns where the windows that match well
// were found: a sample across the line each, weighed by how well, and one along it when
// alongToo (at a scale that resolves the characters).
func textSamples(got, ref []float32, w, h int, wins []textWindow, scale, search float64, alongToo bool) []ruleSample {
	var out []ruleSample
	for _, tw := range wins {
		sr := int(math.Round(search * scale))
		if tw.Far {
			sr *= 2
		}
		// along the line the rules hold the page within a millimetre already, unless
		// the stretch is measured along too
		sx := sr
		if !alongToo {
			sx = min(sr, int(math.Ceil(scale)))
		}
		x0, y0 := int(tw.X0*scale), int(tw.Y0*scale)
		x1, y1 := int(math.Ceil(tw.X1*scale)), int(math.Ceil(tw.Y1*scale))
		if x0-sx < 0 || y0-sr < 0 || x1+sx > w || y1+sr > h || x1-x0 < 4 || y1-y0 < 3 {
			continue
		}
		// the window as printed
		n := float64((x1 - x0) * (y1 - y0))
		var ma, saa float64
		for y := y0; y < y1; y++ {
			for _, v := range ref[y*w+x0 : y*w+x1] {
				ma += float64(v)
			}
		}
		ma /= n
		for y := y0; y < y1; y++ {
			for _, v := range ref[y*w+x0 : y*w+x1] {
				saa += (float64(v) - ma) * (float64(v) - ma)
			}
		}
		if ma < 0.03 || saa < 1e-3 { // hardly any print: nothing to find
			continue
		}
		side := 2*sx + 1
		score := make([]float64, side*(2*sr+1))
		bestV, bi, bj := -2.0, 0, 0
		for dy := -sr; dy <= sr; dy++ {
			for dx := -sx; dx <= sx; dx++ {
				var mb, sab, sbb float64
				for y := y0; y < y1; y++ {
					for _, v := range got[(y+dy)*w+x0+dx : (y+dy)*w+x1+dx] {
						mb += float64(v)
					}
				}
				mb /= n
				for y := y0; y < y1; y++ {
					a := ref[y*w+x0 : y*w+x1]
					b := got[(y+dy)*w+x0+dx : (y+dy)*w+x1+dx]
					for i := range a {
						db := float64(b[i]) - mb
						sab += (float64(a[i]) - ma) * db
						sbb += db * db
					}
				}
				c := 0.0
				if sbb > 0 {
					c = sab / math.Sqrt(saa*sbb)
				}
				score[(dy+sr)*side+dx+sx] = c
				if c > bestV {
					bestV, bi, bj = c, dx, dy
				}
			}
		}
		// a clear match inside the search, not at its edge
		if bestV < 0.55 || abs(bi) == sx || abs(bj) == sr {
			continue
		}
		at := func(dx, dy int) float64 { return score[(dy+sr)*side+dx+sx] }
		sub := func(a, b, c float64) float64 {
			if d := a - 2*b + c; d < 0 {
				return 0.5 * (a - c) / d
			}
			return 0
		}
		fx := float64(bi) - sub(at(bi-1, bj), bestV, at(bi+1, bj))
		fy := float64(bj) - sub(at(bi, bj-1), bestV, at(bi, bj+1))
		c := point{(tw.X0 + tw.X1) / 2, (tw.Y0 + tw.Y1) / 2}
		wgt := (bestV - 0.5) * 2
		out = append(out, ruleSample{P: c, Off: fy / scale, Vertical: false, W: wgt})
		if alongToo { // along the line the characters repeat: a weaker hold
			out = append(out, ruleSample{P: c, Off: fx / scale, Vertical: true, W: wgt / 2})
		}
	}
	return out
}

// halveInk averages 2×2 points of ink (w×h) into a picture of int(pageW·scale/2) × … points.
func halveInk(v []float32, w, h int) []float32 {
	hw, hh := w/2, h/2
	out := make([]float32, hw*hh)
	for y := 0; y < hh; y++ {
		for x := 0; x < hw; x++ {
			out[y*hw+x] = (v[2*y*w+2*x] + v[2*y*w+2*x+1] + v[(2*y+1)*w+2*x] + v[(2*y+1)*w+2*x+1]) / 4
		}
	}
	return out
}

// ruleDistance is how far (mm) p is from the nearest rule of m.
func (m pageModel) ruleDistance(p point) float64 {
	d := math.Inf(1)
	for _, r := range m.H {
		x := math.Max(r.A, math.Min(r.B, p.X))
		d = math.Min(d, math.Hypot(p.X-x, p.Y-r.Pos))
	}
	for _, r := range m.V {
		y := math.Max(r.A, math.Min(r.B, p.Y))
		d = math.Min(d, math.Hypot(p.X-r.Pos, p.Y-y))
	}
	return d
}

// anchors marks where the page model was held by measurements (rules found, text found),
// in 5 mm cells: within 15 mm of one, the straightened page is where the model says.
type anchors struct {
	w, h int
	in   []bool
}

const anchorCell, anchorReach = 5.0, 15.0

func newAnchors(samples []ruleSample) *anchors {
	a := &anchors{w: int(math.Ceil(pageW / anchorCell)), h: int(math.Ceil(pageH / anchorCell))}
	a.in = make([]bool, a.w*a.h)
	r := int(math.Ceil(anchorReach / anchorCell))
	for _, s := range samples {
		cx, cy := int(s.P.X/anchorCell), int(s.P.Y/anchorCell)
		for y := max(0, cy-r); y <= min(a.h-1, cy+r); y++ {
			for x := max(0, cx-r); x <= min(a.w-1, cx+r); x++ {
				a.in[y*a.w+x] = true
			}
		}
	}
	return a
}

// held tells whether page point p is near a measurement.
func (a *anchors) held(p point) bool {
	if a == nil {
		return true
	}
	x, y := int(p.X/anchorCell), int(p.Y/anchorCell)
	return x >= 0 && y >= 0 && x < a.w && y < a.h && a.in[y*a.w+x]
}

// inkBytes stores ink (0..1) in bytes, inkFloats takes it back.
func inkBytes(v []float32) []uint8 {
	out := make([]uint8, len(v))
	for i, x := range v {
		out[i] = uint8(min(max(x, 0), 1)*255 + 0.5)
	}
	return out
}

func inkFloats(v []uint8) []float32 {
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = float32(x) / 255
	}
	return out
}
