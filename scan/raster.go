package scan

import (
	"image"
	"image/draw"
)

// grey is a one-channel picture, 0 black to 255 white, for finding lines and matching pages.
type grey struct {
	W, H int
	Pix  []uint8
}

func newGrey(w, h int) *grey { return &grey{w, h, make([]uint8, w*h)} }

func (g *grey) at(x, y int) uint8 {
	if x < 0 || y < 0 || x >= g.W || y >= g.H {
		return 255
	}
	return g.Pix[y*g.W+x]
}

// bilinear reads g at a fractional position; outside the picture it is white.
func (g *grey) bilinear(x, y float64) float64 {
	if x < 0 || y < 0 || x > float64(g.W-1) || y > float64(g.H-1) {
		return 255
	}
	x0, y0 := int(x), int(y)
	x1, y1 := min(x0+1, g.W-1), min(y0+1, g.H-1)
	fx, fy := x-float64(x0), y-float64(y0)
	r0 := g.Pix[y0*g.W:]
	r1 := g.Pix[y1*g.W:]
	top := float64(r0[x0]) + fx*(float64(r0[x1])-float64(r0[x0]))
	bot := float64(r1[x0]) + fx*(float64(r1[x1])-float64(r1[x0]))
	return top + fy*(bot-top)
}

// toNRGBA returns img as *image.NRGBA (the photo pipeline already gives one; PDF pictures
// come as grey, YCbCr or CMYK).
func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok && n.Rect.Min == (image.Point{}) {
		return n
	}
	b := img.Bounds()
	n := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(n, n.Rect, img, b.Min, draw.Src)
	return n
}

// shrinkGrey averages k×k blocks of src into a grey picture of the print: each pixel's
// brightest channel, so that black print stays dark and a red seal over it, or a blue pen,
// turns pale, and the rules under a seal are still seen.
func shrinkGrey(src *image.NRGBA, k int) *grey {
	w, h := src.Rect.Dx()/k, src.Rect.Dy()/k
	g := newGrey(w, h)
	n := uint32(k * k)
	acc := make([]uint32, w)
	for y := 0; y < h; y++ {
		clear(acc)
		for dy := 0; dy < k; dy++ {
			row := src.Pix[(y*k+dy)*src.Stride:]
			for x := 0; x < w; x++ {
				p := row[x*k*4:]
				var s uint32
				for dx := 0; dx < k; dx++ {
					s += uint32(max(p[0], p[1], p[2]))
					p = p[4:]
				}
				acc[x] += s
			}
		}
		out := g.Pix[y*w:]
		for x := range acc {
			out[x] = uint8(acc[x] / n)
		}
	}
	return g
}

// halve averages 2×2 pixels.
func halve(g *grey) *grey {
	out := newGrey(g.W/2, g.H/2)
	for y := 0; y < out.H; y++ {
		a, b := g.Pix[2*y*g.W:], g.Pix[(2*y+1)*g.W:]
		o := out.Pix[y*out.W:]
		for x := range o[:out.W] {
			o[x] = uint8((int(a[2*x]) + int(a[2*x+1]) + int(b[2*x]) + int(b[2*x+1]) + 2) / 4)
		}
	}
	return out
}

// warpGrey samples src through m (page mm → src pixels) onto a page picture of scale px/mm.
func warpGrey(src *grey, m mapping, scale float64) *grey {
	w, ht := int(pageW*scale), int(pageH*scale)
	out := newGrey(w, ht)
	g := newGridMap(m, 1)
	cols := g.columns(w, scale)
	line := make([]point, g.n)
	for y := 0; y < ht; y++ {
		g.row(line, (float64(y)+0.5)/scale)
		for x := 0; x < w; x++ {
			p := cols[x].at(line)
			out.Pix[y*w+x] = uint8(src.bilinear(p.X-0.5, p.Y-0.5) + 0.5)
		}
	}
	return out
}

// boxBlur returns g blurred by a (2r+1)² box, in float, for matching: a row pass, then a
// column pass of the same averaging.
func boxBlur[F float32 | float64](v []F, w, h, r int) []F {
	tmp := make([]F, len(v))
	out := make([]F, len(v))
	blurPass(v, tmp, h, w, w, 1, r)
	blurPass(tmp, out, w, h, 1, w, r)
	return out
}

// blurPass averages each of n lines of length m over ±r samples, clipped at the ends: line i
// starts at i×lineStep and its samples are step apart.
func blurPass[F float32 | float64](src, dst []F, n, m, lineStep, step, r int) {
	for i := 0; i < n; i++ {
		base := i * lineStep
		for j := 0; j < m; j++ {
			var s F
			k := 0
			for d := max(j-r, 0); d <= min(j+r, m-1); d++ {
				s += src[base+d*step]
				k++
			}
			dst[base+j*step] = s / F(k)
		}
	}
}
