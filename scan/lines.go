package scan

import (
	"math"
	"sort"
)

// The table is found by its ruled lines: thin dark lines that run straight for a long way.
// Text strokes are thin and dark too, but short; the edge of the paper or of a shadow is long
// but is a step, not a line (dark on one side only). So: mark thin dark pixels, vote for
// straight lines near the horizontal and the vertical (Hough), and keep the lines that are
// marked without a break over a long stretch.

// maxTilt is how far (degrees) a picture's lines may lean from the nearer axis: any turn of
// the paper on the desk and perspective from a camera tilted 30° and more.
const maxTilt = 45.0

const tiltStep = 0.5 // degrees per Hough angle bin: the lines are traced afterwards

// minPiece is the shortest stretch of a line (mm on the paper, about) that counts towards
// its length: text strokes in a row make shorter ones.
const minPiece = 6.0

// found is a line found in the picture: traced along its length (it may bow: the lens, a
// curl), then, once the lens is known, fitted straight.
type found struct {
	L     lineFit // the straight line, in the picture without the lens
	Cover float64 // length of its pieces at least minPiece long, pixels
	Mid   point   // the middle of its covered stretch
	A, B  point   // the ends of its covered stretch
	Trace []point // points along it, in the picture (with the lens)
}

// thinMask marks pixels darker than both neighbours r pixels away across the line direction:
// vertical=false looks above and below (for horizontal lines), true left and right.
func thinMask(g *grey, r int, vertical bool) []bool {
	m := make([]bool, g.W*g.H)
	for y := r; y < g.H-r; y++ {
		for x := r; x < g.W-r; x++ {
			var a, b uint8
			if vertical {
				a, b = g.Pix[y*g.W+x-r], g.Pix[y*g.W+x+r]
			} else {
				a, b = g.Pix[(y-r)*g.W+x], g.Pix[(y+r)*g.W+x]
			}
			bright := int(min(a, b))
			v := int(g.Pix[y*g.W+x])
			if bright-v > 6+bright/10 {
				m[y*g.W+x] = true
			}
		}
	}
	return m
}

// transpose swaps x and y of a mask.
func transpose(mask []bool, w, h int) []bool {
	t := make([]bool, len(mask))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			t[x*h+y] = mask[y*w+x]
		}
	}
	return t
}

// houghLines finds long lines in mask, near-horizontal ones (or near-vertical ones when
// vertical is set: then x and y swap roles): Hough votes for straight lines, then each peak
// traced along the marked pixels, so a line the lens or a curl bows is followed to its ends
// and a line a finger or a seal breaks is counted in its pieces. pxPerMM is about how many
// pixels a millimetre of paper takes.
func houghLines(mask []bool, w, h int, vertical bool, pxPerMM float64) []found {
	if vertical { // transpose, so one code path handles both
		mask, w, h = transpose(mask, w, h), h, w
	}
	nA := int(math.Round(2*maxTilt/tiltStep)) + 1
	sins, coss := make([]float64, nA), make([]float64, nA)
	for i := range nA {
		a := (-maxTilt + float64(i)*tiltStep) * math.Pi / 180
		sins[i], coss[i] = math.Sin(a), math.Cos(a)
	}
	cx, cy := float64(w)/2, float64(h)/2
	nR := int(math.Hypot(float64(w), float64(h))) + 2
	off := nR / 2
	acc := make([]int32, nA*nR)
	for y := 0; y < h; y++ {
		dy := float64(y) - cy
		row := mask[y*w : (y+1)*w]
		for x, on := range row {
			if !on {
				continue
			}
			dx := float64(x) - cx
			for a := 0; a < nA; a++ {
				r := int(dy*coss[a] - dx*sins[a] + 0.5 + float64(off)) // ρ ≥ 0 here: off is half the diagonal
				if r >= 0 && r < nR {
					acc[a*nR+r]++
				}
			}
		}
	}
	minVotes := int32(minPiece * 3 * pxPerMM)
	type peak struct {
		a, r int
		v    int32
	}
	var peaks []peak
	for a := 0; a < nA; a++ {
		for r := 0; r < nR; r++ {
			v := acc[a*nR+r]
			if v < minVotes || !houghPeak(acc, nA, nR, a, r) {
				continue
			}
			peaks = append(peaks, peak{a, r, v})
		}
	}
	sort.Slice(peaks, func(i, j int) bool { return peaks[i].v > peaks[j].v })
	if len(peaks) > 200 {
		peaks = peaks[:200]
	}
	piece := minPiece * pxPerMM
	var out []found
	var raw [][]point // the traces in the transposed frame, to tell one line traced twice
	for _, p := range peaks {
		// -sin·x + cos·y = ρ - cx·sin + cy·cos, in the (possibly transposed) picture.
		l := lineFit{-sins[p.a], coss[p.a], float64(p.r-off) - cx*sins[p.a] + cy*coss[p.a]}
		tr, cover, a, b := traceLine(mask, w, h, l, piece)
		if cover < 2*piece || duplicate(raw, tr) {
			continue
		}
		raw = append(raw, append([]point(nil), tr...))
		f := found{Cover: cover, Trace: tr, A: a, B: b}
		if vertical { // back to picture coordinates: swap x and y
			for i, q := range f.Trace {
				f.Trace[i] = point{q.Y, q.X}
			}
			f.A, f.B = point{a.Y, a.X}, point{b.Y, b.X}
		}
		f.Mid = point{(f.A.X + f.B.X) / 2, (f.A.Y + f.B.Y) / 2}
		out = append(out, f)
	}
	return out
}

func houghPeak(acc []int32, nA, nR, a, r int) bool {
	v := acc[a*nR+r]
	for da := -2; da <= 2; da++ {
		for dr := -3; dr <= 3; dr++ {
			aa, rr := a+da, r+dr
			if (da == 0 && dr == 0) || aa < 0 || aa >= nA || rr < 0 || rr >= nR {
				continue
			}
			u := acc[aa*nR+rr]
			if u > v || (u == v && (da < 0 || (da == 0 && dr < 0))) {
				return false
			}
		}
	}
	return true
}

// traceLine follows a near-horizontal line of mask from the densest stretch of the straight
// line l outwards both ways, predicting each step from the points just found (so it bends
// with a bowed line) and crossing gaps up to 25 mm (a finger, a seal, a shadow's edge). It
// returns the points of its pieces at least piece long, their total length, and the ends.
func traceLine(mask []bool, w, h int, l lineFit, piece float64) ([]point, float64, point, point) {
	hit := func(x int, y float64, tol int) (float64, bool) {
		if x < 0 || x >= w {
			return 0, false
		}
		yi := int(math.Round(y))
		for d := 0; d <= tol; d++ {
			for _, s := range [2]int{-d, d} {
				if yy := yi + s; yy >= 0 && yy < h && mask[yy*w+x] {
					return float64(yy), true
				}
				if d == 0 {
					break
				}
			}
		}
		return 0, false
	}
	// the seed: the longest stretch marked within a pixel of l
	yAt := func(x float64) float64 { return (l.C - l.A*x) / l.B }
	best, bestMid, start, last := 0, -1, -1, -1
	for x := 0; x < w; x++ {
		if _, ok := hit(x, yAt(float64(x)), 1); !ok {
			continue
		}
		if start < 0 || x-last > 3 {
			start = x
		}
		last = x
		if last-start > best {
			best, bestMid = last-start, (start+last)/2
		}
	}
	if bestMid < 0 {
		return nil, 0, point{}, point{}
	}
	type run struct{ pts []point }
	walk := func(dir int) []point {
		var pts []point
		// the line as last seen: slope and position, refitted from the last points
		slope := -l.A / l.B
		y0 := yAt(float64(bestMid))
		x0 := float64(bestMid)
		gap := 0
		maxGap := int(25 * piece / minPiece)
		for x := bestMid; x >= 0 && x < w; x += dir {
			pred := y0 + slope*(float64(x)-x0)
			y, ok := hit(x, pred, 2)
			if !ok {
				if gap++; gap > maxGap {
					break
				}
				continue
			}
			gap = 0
			pts = append(pts, point{float64(x), y})
			if n := len(pts); n%8 == 0 && n >= 24 {
				tail := pts[n-min(n, 80):]
				if f, ok := fitLine(tail); ok && math.Abs(f.B) > 0.5 {
					slope = -f.A / f.B
					x0 = tail[len(tail)-1].X
					y0 = (f.C - f.A*x0) / f.B
				}
			} else {
				// follow the point found, smoothly
				y0 = 0.7*pred + 0.3*y
				x0 = float64(x)
			}
		}
		return pts
	}
	left, right := walk(-1), walk(1)
	pts := make([]point, 0, len(left)+len(right))
	for i := len(left) - 1; i >= 0; i-- {
		pts = append(pts, left[i])
	}
	if len(right) > 0 && len(left) > 0 && right[0].X == left[0].X {
		right = right[1:]
	}
	pts = append(pts, right...)
	// keep the pieces: runs of points with gaps of at most 3 pixels, at least piece long
	var out []point
	cover := 0.0
	var a, b point
	first := true
	for i := 0; i < len(pts); {
		j := i
		for j+1 < len(pts) && pts[j+1].X-pts[j].X <= 3 {
			j++
		}
		if length := pts[j].X - pts[i].X; length >= piece {
			out = append(out, pts[i:j+1]...)
			cover += length
			if first {
				a, first = pts[i], false
			}
			b = pts[j]
		}
		i = j + 1
	}
	return out, cover, a, b
}

// duplicate tells whether trace tr follows a line already traced (half its points within
// two pixels of that trace).
func duplicate(traces [][]point, tr []point) bool {
	if len(tr) == 0 {
		return true
	}
	for _, o := range traces {
		if len(o) == 0 {
			continue
		}
		near, n := 0, 0
		j := 0
		for i := 0; i < len(tr); i += 4 {
			n++
			for j < len(o)-1 && o[j].X < tr[i].X {
				j++
			}
			if math.Abs(o[j].X-tr[i].X) <= 3 && math.Abs(o[j].Y-tr[i].Y) <= 2 {
				near++
			}
		}
		if 2*near >= n {
			return true
		}
	}
	return false
}
