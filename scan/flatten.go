package scan

import (
	"image"
	"math"
)

// DPI is the resolution of the straightened pages: 200 dpi keeps 五号 text and a seal's
// characters sharp and ten pages well under 10 MB.
const DPI = 200

// warpColour samples the picture through m (page mm → src pixels) onto an A4 page at DPI.
func warpColour(src *image.NRGBA, m mapping) *image.NRGBA {
	s := DPI / 25.4
	w, ht := int(math.Round(pageW*s)), int(math.Round(pageH*s))
	out := image.NewNRGBA(image.Rect(0, 0, w, ht))
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	g := newGridMap(m, 1)
	cols := g.columns(w, s)
	line := make([]point, g.n)
	for y := 0; y < ht; y++ {
		row := out.Pix[y*out.Stride:]
		g.row(line, (float64(y)+0.5)/s)
		for x := 0; x < w; x++ {
			q := cols[x].at(line)
			fx, fy := q.X-0.5, q.Y-0.5
			o := row[x*4 : x*4+4 : x*4+4]
			if fx < 0 || fy < 0 || fx >= float64(sw-1) || fy >= float64(sh-1) {
				o[0], o[1], o[2], o[3] = 255, 255, 255, 255
				continue
			}
			ix, iy := int(fx), int(fy)
			ax, ay := fx-float64(ix), fy-float64(iy)
			p := src.Pix[iy*src.Stride+ix*4:]
			q2 := src.Pix[(iy+1)*src.Stride+ix*4:]
			for c := 0; c < 3; c++ {
				top := float64(p[c]) + ax*(float64(p[4+c])-float64(p[c]))
				bot := float64(q2[c]) + ax*(float64(q2[4+c])-float64(q2[c]))
				o[c] = uint8(top + ay*(bot-top) + 0.5)
			}
			o[3] = 255
		}
	}
	return out
}

// gridMap is a mapping sampled every step mm over the page, bilinear between: a page's
// million pixels cost some sixty thousand evaluations of the page model.
type gridMap struct {
	n, m int // nodes across and down
	step float64
	pts  []point
}

func newGridMap(mp mapping, step float64) *gridMap {
	g := &gridMap{n: int(math.Ceil(pageW/step)) + 2, m: int(math.Ceil(pageH/step)) + 2, step: step}
	g.pts = make([]point, g.n*g.m)
	for j := 0; j < g.m; j++ {
		for i := 0; i < g.n; i++ {
			g.pts[j*g.n+i] = mp.apply(point{float64(i) * step, float64(j) * step})
		}
	}
	return g
}

// row fills line with the mapped points of page row y, one per node across.
func (g *gridMap) row(line []point, y float64) {
	fy := math.Max(0, math.Min(float64(g.m-1)-1e-9, y/g.step))
	j := int(fy)
	ay := fy - float64(j)
	r0, r1 := g.pts[j*g.n:(j+1)*g.n], g.pts[(j+1)*g.n:(j+2)*g.n]
	for i := range line {
		line[i] = point{r0[i].X + ay*(r1[i].X-r0[i].X), r0[i].Y + ay*(r1[i].Y-r0[i].Y)}
	}
}

// column is where a pixel column falls between the nodes of a row.
type column struct {
	i  int
	ax float64
}

// columns are the w pixel columns of a page picture at scale px/mm.
func (g *gridMap) columns(w int, scale float64) []column {
	out := make([]column, w)
	for x := range out {
		fx := math.Max(0, math.Min(float64(g.n-1)-1e-9, (float64(x)+0.5)/scale/g.step))
		out[x] = column{int(fx), fx - float64(int(fx))}
	}
	return out
}

// at is the column's mapped point in a row the grid filled.
func (c column) at(line []point) point {
	a, b := line[c.i], line[c.i+1]
	return point{a.X + c.ax*(b.X-a.X), a.Y + c.ax*(b.Y-a.Y)}
}

// block is the side (pixels at DPI) of the squares the paper's brightness is measured in.
const block = 16

// flatten evens out the paper: each channel is divided by the paper's own colour around it
// (measured as the bright part of each small square, the squares inside a dark patch — a
// seal's star, bold print — filled from the paper around them), then stretched so paper is
// white and print is black. Shadows however deep, grey and yellowish paper all become white;
// red stays red. The printed pictures (avoid, page mm: the 1-inch photo) are not paper: their
// squares take the paper around them, so the photo keeps its darks. What lies beyond the
// paper's edge (the desk, a page underneath, a grey frame a pixel wide) becomes white.
// It returns where something other than paper lay over the page (a finger): the squares
// whose own paper colour is far from the page's.
func flatten(img *image.NRGBA, avoid []rect) *foreign {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	bw, bh := (w+block-1)/block, (h+block-1)/block
	bg := make([][3]float64, bw*bh)
	valid := make([]bool, bw*bh)
	mm := float64(block) / (DPI / 25.4) // a square's side in mm
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			bg[by*bw+bx] = paperOf(img, bx*block, by*block, min(w, (bx+1)*block), min(h, (by+1)*block))
			valid[by*bw+bx] = true
			sq := rect{float64(bx) * mm, float64(by) * mm, float64(bx+1) * mm, float64(by+1) * mm}
			for _, a := range avoid {
				if sq.X1 > a.X0-1 && sq.X0 < a.X1+1 && sq.Y1 > a.Y0-1 && sq.Y0 < a.Y1+1 {
					valid[by*bw+bx] = false
				}
			}
		}
	}
	over := foreignOf(bg, valid, bw, bh)
	bg = spreadPaper(bg, valid, bw, bh)
	// 1/paper per block, interpolated along y for the row, then along x per pixel.
	inv := make([][3]float32, bw*bh)
	for i, c := range bg {
		for k := range 3 {
			inv[i][k] = float32(1 / math.Max(c[k], 1))
		}
	}
	rowInv := make([][3]float32, bw)
	var lut, lutRed [1025]uint8 // stretch of v in 0..4 (in 1/256 steps)
	for i := range lut {
		lut[i] = stretch(float64(i)/256, 0.88)
		lutRed[i] = stretch(float64(i)/256, 0.99)
	}
	for y := 0; y < h; y++ {
		fy := (float64(y)+0.5)/block - 0.5
		by0 := clampInt(int(math.Floor(fy)), 0, bh-1)
		by1 := clampInt(by0+1, 0, bh-1)
		ay := float32(math.Min(1, math.Max(0, fy-float64(by0))))
		for bx := range bw {
			for k := range 3 {
				a, b := inv[by0*bw+bx][k], inv[by1*bw+bx][k]
				rowInv[bx][k] = a + ay*(b-a)
			}
		}
		row := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			fx := (float32(x)+0.5)/block - 0.5
			bx0 := int(fx)
			if fx < 0 {
				bx0 = 0
			}
			bx1 := min(bx0+1, bw-1)
			ax := min(max(fx-float32(bx0), 0), 1)
			p := row[x*4 : x*4+3 : x*4+3]
			var v [3]int
			for c := 0; c < 3; c++ {
				a, b := rowInv[bx0][c], rowInv[bx1][c]
				v[c] = min(int(float32(p[c])*(a+ax*(b-a))*256), 1024)
			}
			// a pale red (a seal with little ink) would be within the paper's 12 % and turn
			// white: reddish pixels keep more of their colour
			l := &lut
			if v[0]-max(v[1], v[2]) > 10 {
				l = &lutRed
			}
			p[0], p[1], p[2] = l[v[0]], l[v[1]], l[v[2]]
		}
	}
	return over
}

// foreign marks the squares of a flattened page where something other than the paper was.
type foreign struct {
	bw, bh int
	on     []bool
}

// foreignOf finds the squares whose paper colour (brightest tenth) is not the page's: its
// hue (the ratios of red and blue to green, which a shadow keeps and a colour cast changes
// for the whole page) far from the page's typical one. A finger is orange-pink, a desk
// brown or grey-green; paper in any light is the paper's own tint.
func foreignOf(bg [][3]float64, valid []bool, bw, bh int) *foreign {
	f := &foreign{bw: bw, bh: bh, on: make([]bool, bw*bh)}
	var rg, bgr []float64
	hue := func(c [3]float64) (float64, float64) {
		g := math.Max(c[1], 1)
		return math.Log(math.Max(c[0], 1) / g), math.Log(math.Max(c[2], 1) / g)
	}
	for i, c := range bg {
		if valid[i] {
			a, b := hue(c)
			rg, bgr = append(rg, a), append(bgr, b)
		}
	}
	if len(rg) == 0 {
		return f
	}
	mr, mb := median(rg), median(bgr)
	for i, c := range bg {
		a, b := hue(c)
		// a seal's red is handled as red; only the paler, orange-brown colours count
		if valid[i] && (math.Abs(a-mr) > 0.1 || math.Abs(b-mb) > 0.12) && c[1] > 40 {
			f.on[i] = true
		}
	}
	// and the squares next to them: a finger's edge and soft shadow
	grown := append([]bool(nil), f.on...)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			if !f.on[by*bw+bx] {
				continue
			}
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if x, y := bx+dx, by+dy; x >= 0 && y >= 0 && x < bw && y < bh {
						grown[y*bw+x] = true
					}
				}
			}
		}
	}
	f.on = grown
	return f
}

// covers tells whether any foreign square meets r (page mm).
func (f *foreign) covers(r rect) bool {
	if f == nil {
		return false
	}
	mm := float64(block) / (DPI / 25.4)
	for by := max(0, int(r.Y0/mm)); by <= min(f.bh-1, int(r.Y1/mm)); by++ {
		for bx := max(0, int(r.X0/mm)); bx <= min(f.bw-1, int(r.X1/mm)); bx++ {
			if f.on[by*f.bw+bx] {
				return true
			}
		}
	}
	return false
}

// paperOf is the paper's colour in one square: the mean of its brightest tenth of pixels.
func paperOf(img *image.NRGBA, x0, y0, x1, y1 int) [3]float64 {
	var hist [256]int
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride:]
		for x := x0; x < x1; x++ {
			p := row[x*4:]
			hist[(299*int(p[0])+587*int(p[1])+114*int(p[2]))/1000]++
		}
	}
	n := (x1 - x0) * (y1 - y0)
	cut, seen := 255, 0
	for ; cut > 0; cut-- {
		if seen += hist[cut]; seen*10 >= n {
			break
		}
	}
	var sum [3]float64
	k := 0
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride:]
		for x := x0; x < x1; x++ {
			p := row[x*4:]
			if (299*int(p[0])+587*int(p[1])+114*int(p[2]))/1000 >= cut {
				sum[0] += float64(p[0])
				sum[1] += float64(p[1])
				sum[2] += float64(p[2])
				k++
			}
		}
	}
	if k == 0 {
		return [3]float64{255, 255, 255}
	}
	return [3]float64{sum[0] / float64(k), sum[1] / float64(k), sum[2] / float64(k)}
}

// stretch maps a brightness relative to the paper to the output: the paper and anything
// within 1 - hi of it white, print below 20 % black, linear between.
func stretch(v, hi float64) uint8 {
	const lo = 0.2
	v = (v - lo) / (hi - lo)
	if v <= 0 {
		return 0
	}
	if v >= 1 {
		return 255
	}
	return uint8(v*255 + 0.5)
}

func clampInt(v, lo, hi int) int { return min(max(v, lo), hi) }

// spreadPaper fills the squares that are not paper from their neighbours, then closes
// over 5×5 squares (the brightest around, then the darkest of those: a dark patch up to
// two squares wide takes the paper around it, while a shadow's edge stays where it is).
func spreadPaper(bg [][3]float64, valid []bool, bw, bh int) [][3]float64 {
	lum := func(c [3]float64) float64 { return 0.299*c[0] + 0.587*c[1] + 0.114*c[2] }
	// fill: each pass gives the squares next to known ones their mean
	known := append([]bool(nil), valid...)
	for pass := 0; pass < bw+bh; pass++ {
		var todo []int
		for i := range bg {
			if !known[i] {
				todo = append(todo, i)
			}
		}
		if len(todo) == 0 || len(todo) == len(bg) {
			break
		}
		next := append([]bool(nil), known...)
		for _, i := range todo {
			bx, by := i%bw, i/bw
			var s [3]float64
			n := 0.0
			for _, d := range [4][2]int{{-1, 0}, {1, 0}, {0, -1}, {0, 1}} {
				x, y := bx+d[0], by+d[1]
				if x >= 0 && y >= 0 && x < bw && y < bh && known[y*bw+x] {
					for c := range 3 {
						s[c] += bg[y*bw+x][c]
					}
					n++
				}
			}
			if n > 0 {
				for c := range 3 {
					bg[i][c] = s[c] / n
				}
				next[i] = true
			}
		}
		known = next
	}
	pick := func(src [][3]float64, r int, brightest bool) [][3]float64 {
		out := make([][3]float64, len(src))
		for by := 0; by < bh; by++ {
			for bx := 0; bx < bw; bx++ {
				best := src[by*bw+bx]
				for dy := -r; dy <= r; dy++ {
					for dx := -r; dx <= r; dx++ {
						x, y := bx+dx, by+dy
						if x < 0 || y < 0 || x >= bw || y >= bh {
							continue
						}
						if l := lum(src[y*bw+x]); (l > lum(best)) == brightest && l != lum(best) {
							best = src[y*bw+x]
						}
					}
				}
				out[by*bw+bx] = best
			}
		}
		return out
	}
	return pick(pick(bg, 2, true), 2, false)
}

// edgeBand is how far in (mm) from the page's edge the desk may show where the model puts
// the paper's edge a little off: the print starts 10 mm further in.
const edgeBand = 5.0

// clearEdges whitens the outermost 1.5 mm of the page (nothing is printed within 10 mm of the
// edge; the paper's own edge, the desk's tint left by flattening, are not print) and, along
// every row and column, what lies between the page's edge and the first stretch of paper
// within edgeBand: the desk, a page underneath, a grey frame.
func clearEdges(img *image.NRGBA) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	band := int(math.Round(edgeBand * DPI / 25.4))

	paper := func(x, y int) bool {
		p := img.Pix[y*img.Stride+x*4:]
		return min(p[0], p[1], p[2]) >= 200
	}
	white := func(x, y int) {
		p := img.Pix[y*img.Stride+x*4:]
		p[0], p[1], p[2] = 255, 255, 255
	}
	// from (x, y) inwards by (dx, dy): whiten what comes before three paper pixels in a row
	sweep := func(x, y, dx, dy int) {
		last, run := -1, 0
		for i := 0; i < band && run < 3; i++ {
			if paper(x+i*dx, y+i*dy) {
				run++
			} else {
				last, run = i, 0
			}
		}
		for i := 0; i <= last; i++ {
			white(x+i*dx, y+i*dy)
		}
	}
	for y := 0; y < h; y++ {
		sweep(0, y, 1, 0)
		sweep(w-1, y, -1, 0)
	}
	for x := 0; x < w; x++ {
		sweep(x, 0, 0, 1)
		sweep(x, h-1, 0, -1)
	}
	// then the rim, after the sweeps (which stop at paper)
	rim := int(math.Round(1.5 * DPI / 25.4))
	for y := 0; y < h; y++ {
		row := img.Pix[y*img.Stride : y*img.Stride+w*4]
		for x := 0; x < w; x++ {
			if x < rim || x >= w-rim || y < rim || y >= h-rim {
				row[x*4], row[x*4+1], row[x*4+2] = 255, 255, 255
			}
		}
	}
}

// isRed tells seal ink from print, paper and shadow after flattening: clearly red, not dark.
func isRed(r, g, b uint8) bool {
	mx := max(g, b)
	return int(r) >= 110 && int(r)-int(mx) >= 60 && int(r)-int(g) >= 70
}

// redArea counts the red pixels inside box (mm) of the flattened page and returns their area
// in mm².
func redArea(img *image.NRGBA, box rect) float64 {
	s := DPI / 25.4
	x0, y0 := max(0, int(box.X0*s)), max(0, int(box.Y0*s))
	x1, y1 := min(img.Rect.Dx(), int(box.X1*s)), min(img.Rect.Dy(), int(box.Y1*s))
	n := 0
	for y := y0; y < y1; y++ {
		row := img.Pix[y*img.Stride:]
		for x := x0; x < x1; x++ {
			if isRed(row[x*4], row[x*4+1], row[x*4+2]) {
				n++
			}
		}
	}
	return float64(n) / (s * s)
}

// toGrey drops the colour of a page without a seal (a third of the size, and what a scanner's
// greyscale mode would give).
func toGrey(img *image.NRGBA) *image.Gray {
	g := image.NewGray(img.Rect)
	for i, j := 0, 0; i < len(img.Pix); i, j = i+4, j+1 {
		g.Pix[j] = uint8((299*int(img.Pix[i]) + 587*int(img.Pix[i+1]) + 114*int(img.Pix[i+2])) / 1000)
	}
	return g
}
