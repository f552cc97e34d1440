package scan

import (
	"image"
	"math"
	"sort"
)

// A seal is found by its shape as well as its colour: an official seal is a ring of red
// 28–46 mm across, and a pale one (little ink on the pad) or a broken one (the stamp pressed
// unevenly) still shows a ring, where a red pen's signature or a smudge does not. So besides
// the red area, each opinion box is searched for the best circle of red (a Hough vote of its
// reddish points over centres and radii) and the circle judged by how much of its
// circumference carries red, all round, with clean paper just outside it.

// MinRing is the least share of a circle's circumference that must carry red for a ring to
// count as a seal: a seal with 85 % of its ink missing in blotches keeps about a third of its
// ring; a red signature crossing a circle touches a few of its 72 sectors.
const MinRing = 0.25

// Seal radii searched, mm: seals 28 to 46 mm across.
const minSealR, maxSealR = 14.0, 23.0

// sealCell is the side (mm) of the cells the redness is measured in.
const sealCell = 0.5

// redness is how much redder than grey a pixel of the flattened page is, 0..1.
func redness(r, g, b uint8) float64 { return math.Max(0, float64(int(r)-int(max(g, b)))/255) }

// sealIn looks for a seal in box (mm) of the flattened page: its red area (mm²) and the share
// of a ring's circumference that carries red (0: no ring).
func sealIn(img *image.NRGBA, box rect) (area, ring float64) {
	return redArea(img, box), ringIn(img, box)
}

// ringIn is the share of the best circle of red in box (a seal may stand over the box's edge
// by a third of itself) that carries red, 0 when it is no ring.
func ringIn(img *image.NRGBA, box rect) float64 {
	s := DPI / 25.4
	// redness in cells of sealCell mm over the box and a margin
	const margin = 8.0
	x0, y0 := math.Max(0, box.X0-margin), math.Max(0, box.Y0-margin)
	x1, y1 := math.Min(pageW, box.X1+margin), math.Min(pageH, box.Y1+margin)
	cw, ch := int((x1-x0)/sealCell), int((y1-y0)/sealCell)
	if cw < 8 || ch < 8 {
		return 0
	}
	red := make([]float64, cw*ch)
	for cy := 0; cy < ch; cy++ {
		py0, py1 := int((y0+float64(cy)*sealCell)*s), int((y0+float64(cy+1)*sealCell)*s)
		for cx := 0; cx < cw; cx++ {
			px0, px1 := int((x0+float64(cx)*sealCell)*s), int((x0+float64(cx+1)*sealCell)*s)
			var sum float64
			n := 0
			for y := py0; y < min(py1, img.Rect.Dy()); y++ {
				row := img.Pix[y*img.Stride:]
				for x := px0; x < min(px1, img.Rect.Dx()); x++ {
					sum += redness(row[x*4], row[x*4+1], row[x*4+2])
					n++
				}
			}
			if n > 0 {
				red[cy*cw+cx] = sum / float64(n)
			}
		}
	}
	// what counts as red: clearly above the box's own noise
	sorted := append([]float64(nil), red...)
	sort.Float64s(sorted)
	tau := math.Max(0.03, 3*sorted[len(sorted)*9/10])
	if sorted[len(sorted)-1] < tau {
		return 0
	}
	// Hough: each red cell votes for the centres 14–23 mm from it (1 mm bins)
	aw, ah := int(x1-x0)+1, int(y1-y0)+1
	nr := int(maxSealR-minSealR) + 1
	acc := make([]float32, nr*aw*ah)
	const steps = 96
	var cosT, sinT [steps]float64
	for i := range steps {
		a := 2 * math.Pi * float64(i) / steps
		cosT[i], sinT[i] = math.Cos(a), math.Sin(a)
	}
	for cy := 0; cy < ch; cy++ {
		for cx := 0; cx < cw; cx++ {
			v := red[cy*cw+cx]
			if v < tau {
				continue
			}
			px, py := (float64(cx)+0.5)*sealCell, (float64(cy)+0.5)*sealCell
			for ri := range nr {
				r := minSealR + float64(ri)
				base := ri * aw * ah
				for i := range steps {
					ax, ay := int(px+r*cosT[i]), int(py+r*sinT[i])
					if ax >= 0 && ay >= 0 && ax < aw && ay < ah {
						acc[base+ay*aw+ax] += float32(1 / r) // a larger ring has more cells
					}
				}
			}
		}
	}
	// judge the few best circles
	type peak struct {
		ri, x, y int
		v        float32
	}
	var peaks []peak
	for ri := range nr {
		base := ri * aw * ah
		for y := 0; y < ah; y++ {
			for x := 0; x < aw; x++ {
				if v := acc[base+y*aw+x]; v > 0 {
					peaks = append(peaks, peak{ri, x, y, v})
				}
			}
		}
	}
	sort.Slice(peaks, func(i, j int) bool { return peaks[i].v > peaks[j].v })
	best := 0.0
	for _, p := range peaks[:min(len(peaks), 12)] {
		c := point{float64(p.x) + 0.5, float64(p.y) + 0.5}
		// the centre must be in the box (mm, relative to the cells' origin)
		if c.X+x0 < box.X0 || c.X+x0 > box.X1 || c.Y+y0 < box.Y0 || c.Y+y0 > box.Y1 {
			continue
		}
		for dr := -0.5; dr <= 0.5; dr += 0.5 {
			best = math.Max(best, ringScore(red, cw, ch, c, minSealR+float64(p.ri)+dr, tau))
		}
	}
	return best
}

// ringScore is the share of the circle (centre c and radius r, mm from the cells' origin)
// whose 72 sectors carry red on the ring, 0 unless the red is spread all round (in six of its
// eight octants at least: a wavy signature follows a circle for a stretch or two) and the
// paper 2–3.5 mm outside the ring is clean.
func ringScore(red []float64, cw, ch int, c point, r, tau float64) float64 {
	at := func(x, y float64) float64 {
		ix, iy := int(x/sealCell), int(y/sealCell)
		if ix < 0 || iy < 0 || ix >= cw || iy >= ch {
			return 0
		}
		return red[iy*cw+ix]
	}
	const sectors = 72
	hits := 0
	var octant [8]int
	var ringSum, outSum float64
	for i := range sectors {
		a := 2 * math.Pi * (float64(i) + 0.5) / sectors
		ca, sa := math.Cos(a), math.Sin(a)
		m := 0.0
		for d := -1.5; d <= 0.5; d += 0.5 { // the ring is about 1–1.5 mm wide, inside r
			m = math.Max(m, at(c.X+(r+d)*ca, c.Y+(r+d)*sa))
		}
		ringSum += m
		for d := 2.0; d <= 3.5; d += 0.5 {
			outSum += at(c.X+(r+d)*ca, c.Y+(r+d)*sa) / 4
		}
		if m >= tau {
			hits++
			octant[i*8/sectors]++
		}
	}
	spread := 0
	for _, q := range octant {
		if q > 0 {
			spread++
		}
	}
	if spread < 6 || outSum > 0.5*ringSum {
		return 0
	}
	return float64(hits) / sectors
}
