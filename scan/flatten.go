package scan

import (
	"image"
	"math"
	"sort"
)

// DPI is the resolution of the straightened pages: 200 dpi keeps 五号 text and a seal's
// characters sharp and ten pages well under 10 MB.
const DPI = 200

// warpColour samples the picture through h (page mm → src pixels) onto an A4 page at DPI.
func warpColour(src *image.NRGBA, h homography) *image.NRGBA {
	s := DPI / 25.4
	w, ht := int(math.Round(pageW*s)), int(math.Round(pageH*s))
	out := image.NewNRGBA(image.Rect(0, 0, w, ht))
	sw, sh := src.Rect.Dx(), src.Rect.Dy()
	for y := 0; y < ht; y++ {
		py := (float64(y) + 0.5) / s
		row := out.Pix[y*out.Stride:]
		// h is projective: step the numerators and the denominator along the row.
		x0 := 0.5 / s
		nx := h[0]*x0 + h[1]*py + h[2]
		ny := h[3]*x0 + h[4]*py + h[5]
		nw := h[6]*x0 + h[7]*py + h[8]
		dx, dy, dw := h[0]/s, h[3]/s, h[6]/s
		for x := 0; x < w; x++ {
			fx, fy := nx/nw-0.5, ny/nw-0.5
			nx, ny, nw = nx+dx, ny+dy, nw+dw
			o := row[x*4 : x*4+4 : x*4+4]
			if fx < 0 || fy < 0 || fx >= float64(sw-1) || fy >= float64(sh-1) {
				o[0], o[1], o[2], o[3] = 255, 255, 255, 255
				continue
			}
			ix, iy := int(fx), int(fy)
			ax, ay := fx-float64(ix), fy-float64(iy)
			p := src.Pix[iy*src.Stride+ix*4:]
			q := src.Pix[(iy+1)*src.Stride+ix*4:]
			for c := 0; c < 3; c++ {
				top := float64(p[c]) + ax*(float64(p[4+c])-float64(p[c]))
				bot := float64(q[c]) + ax*(float64(q[4+c])-float64(q[c]))
				o[c] = uint8(top + ay*(bot-top) + 0.5)
			}
			o[3] = 255
		}
	}
	return out
}

// block is the side (pixels at DPI) of the squares the paper's brightness is measured in.
const block = 24

// flatten evens out the paper: each channel is divided by the paper's own colour around it
// (measured as the bright part of each small square, spread over its neighbours so a dark
// patch — the photo, a seal — does not count as paper), then stretched so paper is white and
// print is black. Shadows, grey and yellowish paper all become white; red stays red.
func flatten(img *image.NRGBA) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	bw, bh := (w+block-1)/block, (h+block-1)/block
	bg := make([][3]float64, bw*bh)
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			bg[by*bw+bx] = paperOf(img, bx*block, by*block, min(w, (bx+1)*block), min(h, (by+1)*block))
		}
	}
	bg = spreadPaper(bg, bw, bh)
	// 1/paper per block, interpolated along y for the row, then along x per pixel.
	inv := make([][3]float32, bw*bh)
	for i, c := range bg {
		for k := range 3 {
			inv[i][k] = float32(1 / math.Max(c[k], 1))
		}
	}
	rowInv := make([][3]float32, bw)
	var lut [1025]uint8 // stretch of v in 0..4 (in 1/256 steps)
	for i := range lut {
		lut[i] = stretch(float64(i) / 256)
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
			for c := 0; c < 3; c++ {
				a, b := rowInv[bx0][c], rowInv[bx1][c]
				v := int(float32(p[c]) * (a + ax*(b-a)) * 256)
				p[c] = lut[min(v, 1024)]
			}
		}
	}
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
// within 12 % of it white, print below 20 % black, linear between.
func stretch(v float64) uint8 {
	const lo, hi = 0.2, 0.88
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

// spreadPaper takes, for each square, the brightest paper of its 3×3 neighbourhood (so the
// squares inside a dark patch borrow the paper around it), then smooths over 3×3 squares.
// Squares darker than 55 % of the page's typical paper are lifted to that: a deep shadow is
// rarer than a big dark picture, and leaving the picture dark matters more.
func spreadPaper(bg [][3]float64, bw, bh int) [][3]float64 {
	lum := func(c [3]float64) float64 { return 0.299*c[0] + 0.587*c[1] + 0.114*c[2] }
	ls := make([]float64, len(bg))
	for i, c := range bg {
		ls[i] = lum(c)
	}
	sort.Float64s(ls)
	floor := 0.55 * ls[len(ls)/2]
	mx := make([][3]float64, len(bg))
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			best := bg[by*bw+bx]
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					x, y := bx+dx, by+dy
					if x >= 0 && y >= 0 && x < bw && y < bh && lum(bg[y*bw+x]) > lum(best) {
						best = bg[y*bw+x]
					}
				}
			}
			if l := lum(best); l < floor && l > 0 {
				for c := range 3 {
					best[c] *= floor / l
				}
			}
			mx[by*bw+bx] = best
		}
	}
	out := make([][3]float64, len(bg))
	for by := 0; by < bh; by++ {
		for bx := 0; bx < bw; bx++ {
			var s [3]float64
			n := 0.0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					x, y := bx+dx, by+dy
					if x >= 0 && y >= 0 && x < bw && y < bh {
						for c := range 3 {
							s[c] += mx[y*bw+x][c]
						}
						n++
					}
				}
			}
			for c := range 3 {
				out[by*bw+bx][c] = s[c] / n
			}
		}
	}
	return out
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
