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

// maxTilt is how far (degrees) a picture's lines may lean: ±15° of rotation asked for, plus
// perspective.
const maxTilt = 22.0 // degrees

const tiltStep = 0.25 // degrees per Hough angle bin

// found is a line found in the picture: its equation and the stretch it is unbroken over.
type found struct {
	L      lineFit
	Run    float64 // length of the longest unbroken stretch, pixels
	Mid    point   // the middle of that stretch
	Votes  int
	across bool // vertical (runs along y)
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

// houghLines finds long straight lines in mask: near-horizontal ones, or near-vertical ones
// when vertical is set (then x and y swap roles).
func houghLines(mask []bool, w, h int, vertical bool) []found {
	if vertical { // transpose, so one code path handles both
		t := make([]bool, len(mask))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				t[x*h+y] = mask[y*w+x]
			}
		}
		mask, w, h = t, h, w
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
		for x := 0; x < w; x++ {
			if !mask[y*w+x] {
				continue
			}
			dx := float64(x) - cx
			for a := 0; a < nA; a++ {
				r := int(math.Round(dy*coss[a]-dx*sins[a])) + off
				if r >= 0 && r < nR {
					acc[a*nR+r]++
				}
			}
		}
	}
	minVotes := int32(w / 8)
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
	if len(peaks) > 300 {
		peaks = peaks[:300]
	}
	var out []found
	for _, p := range peaks {
		// -sin·x + cos·y = ρ - cx·sin + cy·cos, in the (possibly transposed) picture.
		l := lineFit{-sins[p.a], coss[p.a], float64(p.r-off) - cx*sins[p.a] + cy*coss[p.a]}
		run, mid := longestRun(mask, w, h, l)
		f := found{L: l, Run: run, Mid: mid, Votes: int(p.v), across: vertical}
		if vertical { // back to picture coordinates: swap x and y
			f.L = lineFit{l.B, l.A, l.C}
			f.Mid = point{mid.Y, mid.X}
		}
		out = append(out, f)
	}
	return out
}

func houghPeak(acc []int32, nA, nR, a, r int) bool {
	v := acc[a*nR+r]
	for da := -3; da <= 3; da++ {
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

// longestRun walks along a near-horizontal line and returns the longest stretch (in x) over
// which it is marked within a pixel, allowing gaps of a few pixels (noise, a crossing seal).
func longestRun(mask []bool, w, h int, l lineFit) (float64, point) {
	const gap = 4
	best, bestStart, bestEnd := 0, 0, 0
	start, last := -1, -1
	for x := 0; x < w; x++ {
		y := (l.C - l.A*float64(x)) / l.B
		yi := int(math.Round(y))
		hit := false
		for d := -1; d <= 1; d++ {
			if yy := yi + d; yy >= 0 && yy < h && mask[yy*w+x] {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		if start < 0 || x-last > gap {
			start = x
		}
		last = x
		if last-start > best {
			best, bestStart, bestEnd = last-start, start, last
		}
	}
	mx := float64(bestStart+bestEnd) / 2
	return float64(best), point{mx, (l.C - l.A*mx) / l.B}
}

// strongLines keeps the lines that run unbroken for at least half as long as the longest one,
// one per physical line (the Hough votes of one thick line spread over neighbouring bins).
func strongLines(fs []found, minRun float64) []found {
	longest := 0.0
	for _, f := range fs {
		longest = max(longest, f.Run)
	}
	var keep []found
	for _, f := range fs {
		if f.Run >= 0.5*longest && f.Run >= minRun {
			keep = append(keep, f)
		}
	}
	sort.Slice(keep, func(i, j int) bool { return keep[i].Run > keep[j].Run })
	var out []found
next:
	for _, f := range keep {
		for _, o := range out {
			if math.Abs(o.L.dist(f.Mid)) < 4 && math.Abs(f.L.dist(o.Mid)) < 4 {
				continue next
			}
		}
		out = append(out, f)
	}
	return out
}

// quad is the table's outline in the picture: its four corners, clockwise from the one the
// picture shows at top left.
type quad [4]point

// tableQuad finds the table's outermost ruled lines in g and returns the outline they make.
func tableQuad(g *grey) (quad, bool) {
	r := max(2, g.W/400)
	hs := strongLines(houghLines(thinMask(g, r, false), g.W, g.H, false), float64(g.W)/6)
	vs := strongLines(houghLines(thinMask(g, r, true), g.W, g.H, true), float64(g.H)/10)
	if len(hs) < 2 || len(vs) < 2 {
		return quad{}, false
	}
	cx, cy := float64(g.W)/2, float64(g.H)/2
	yAt := func(f found) float64 { return (f.L.C - f.L.A*cx) / f.L.B }
	xAt := func(f found) float64 { return (f.L.C - f.L.B*cy) / f.L.A }
	sort.Slice(hs, func(i, j int) bool { return yAt(hs[i]) < yAt(hs[j]) })
	sort.Slice(vs, func(i, j int) bool { return xAt(vs[i]) < xAt(vs[j]) })
	top, bottom := hs[0].L, hs[len(hs)-1].L
	left, right := vs[0].L, vs[len(vs)-1].L
	var q quad
	var ok [4]bool
	q[0], ok[0] = intersect(top, left)
	q[1], ok[1] = intersect(top, right)
	q[2], ok[2] = intersect(bottom, right)
	q[3], ok[3] = intersect(bottom, left)
	for _, o := range ok {
		if !o {
			return quad{}, false
		}
	}
	return q, true
}
