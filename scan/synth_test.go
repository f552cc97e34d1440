package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/pdf"
)

// The tests photograph the program's own pages: the draft's PDF rasterised by pdftoppm, seals
// drawn into the opinion boxes, then laid on a desk, turned, seen in perspective, lit unevenly,
// with noise and JPEG compression. The true mapping is kept, so the test knows where every
// rule of the table really is in the photo and can measure where the engine put it.

const rasterDPI = 150

var (
	rasterOnce  sync.Once
	rasterPages []*image.NRGBA
	rasterErr   error
)

// samplePages returns the sample draft's pages as printed, rasterised at rasterDPI.
func samplePages(t testing.TB) []*image.NRGBA {
	t.Helper()
	rasterOnce.Do(func() { rasterPages, rasterErr = rasterise(forms.Sample(forms.Default())) })
	if rasterErr != nil {
		t.Fatal(rasterErr)
	}
	return rasterPages
}

func rasterise(d *forms.Draft) ([]*image.NRGBA, error) { return rasteriseLaidOut(d, nil) }

// rasteriseLaidOut is rasterise with the layout changed by relayout first (nil: as laid out):
// the print of an older version of the program, or of the form.
func rasteriseLaidOut(d *forms.Draft, relayout func([]render.Page)) ([]*image.NRGBA, error) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return nil, fmt.Errorf("pdftoppm (poppler-utils, tools/debian-deps.sh) is needed: %w", err)
	}
	dir, err := os.MkdirTemp("", "scan-raster")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		return nil, err
	}
	if relayout != nil {
		relayout(pages)
	}
	var buf bytes.Buffer
	if err := pdf.Write(&buf, pages, pdf.Info{Title: "t", Created: time.Unix(0, 0)}); err != nil {
		return nil, err
	}
	in := filepath.Join(dir, "f.pdf")
	if err := os.WriteFile(in, buf.Bytes(), 0o644); err != nil {
		return nil, err
	}
	if out, err := exec.Command("pdftoppm", "-r", fmt.Sprint(rasterDPI), "-png", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v: %s", err, out)
	}
	var imgs []*image.NRGBA
	for i := 1; i <= len(pages); i++ {
		name := filepath.Join(dir, fmt.Sprintf("p-%d.png", i))
		if _, err := os.Stat(name); err != nil {
			name = filepath.Join(dir, fmt.Sprintf("p-%02d.png", i))
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			return nil, err
		}
		imgs = append(imgs, toNRGBA(img))
	}
	return imgs, nil
}

// withSeal returns a copy of page with a red round seal (ring, star, characters round the
// ring) centred at (cx, cy) mm, multiplied in like ink.
func withSeal(page *image.NRGBA, cx, cy float64, rng *rand.Rand) *image.NRGBA {
	return withSealInk(page, cx, cy, sealInk{}, rng)
}

// withSealInk is withSeal with some of the ink missing.
func withSealInk(page *image.NRGBA, cx, cy float64, si sealInk, rng *rand.Rand) *image.NRGBA {
	out := image.NewNRGBA(page.Rect)
	copy(out.Pix, page.Pix)
	s := float64(rasterDPI) / 25.4
	ink := color.NRGBA{uint8(190 + rng.IntN(40)), uint8(20 + rng.IntN(40)), uint8(30 + rng.IntN(40)), 255}
	strength := 0.75 + 0.25*rng.Float64()
	const r = 20.5 // mm: a 41 mm seal
	inSeal := func(x, y float64) bool {
		d := math.Hypot(x, y)
		if d > r-1.3 && d < r {
			return true
		}
		if star(x, y, 5.5) {
			return true
		}
		// characters: short strokes on a band inside the ring, upper 240°
		if d > r-7 && d < r-2.5 {
			a := math.Atan2(y, x)*180/math.Pi + 90 // 0 at the top
			if a > 180 {
				a -= 360
			}
			if math.Abs(a) < 120 {
				cell := math.Mod(a+120, 20)
				rad := d - (r - 7)
				return (cell > 3 && cell < 5) || (cell > 9 && cell < 11) || (rad > 1 && rad < 1.8 && cell > 2 && cell < 15) || (rad > 3 && rad < 3.7 && cell > 2 && cell < 15)
			}
		}
		// the unit's code line below the star
		return y > 8 && y < 9.5 && math.Abs(x) < 9
	}
	if si.Pale {
		strength *= 1 - si.Missing
	}
	gone := func(float64, float64) bool { return false }
	if !si.Pale && si.Missing > 0 {
		gone = blotches(r, si.Missing, rng, func(x, y float64) bool { return inSeal(x, y) })
	}
	for y := int((cy - r) * s); y < int((cy+r)*s); y++ {
		for x := int((cx - r) * s); x < int((cx+r)*s); x++ {
			if x < 0 || y < 0 || x >= page.Rect.Dx() || y >= page.Rect.Dy() {
				continue
			}
			if sx, sy := float64(x)/s-cx, float64(y)/s-cy; !inSeal(sx, sy) || gone(sx, sy) {
				continue
			}
			p := out.Pix[y*out.Stride+x*4:]
			p[0] = mix(p[0], ink.R, strength)
			p[1] = mix(p[1], ink.G, strength)
			p[2] = mix(p[2], ink.B, strength)
		}
	}
	return out
}

// mix multiplies ink over paper at the given strength.
func mix(paper, ink uint8, k float64) uint8 {
	v := float64(paper) * (1 - k + k*float64(ink)/255)
	return uint8(v)
}

// star reports whether (x, y) is inside a five-pointed star of outer radius r.
func star(x, y, r float64) bool {
	d := math.Hypot(x, y)
	if d > r {
		return false
	}
	a := math.Atan2(x, -y) // 0 pointing up
	seg := math.Mod(a+2*math.Pi, 2*math.Pi/5) - math.Pi/5
	// inner radius 0.38 r: the edge between point and notch, linear in angle is close enough
	edge := 0.38*r + (r-0.38*r)*(1-math.Abs(seg)/(math.Pi/5))
	return d < edge
}

// shot is how a picture is taken.
type shot struct {
	W, H     int     // photo pixels
	Rotate   float64 // degrees
	Persp    float64 // corner jitter, fraction of the page's size
	Fill     float64 // page height / photo height
	Light    float64 // 0 even … 0.5 strong gradient and shadow
	Noise    float64 // standard deviation, levels
	Quality  int     // JPEG quality
	Desk     color.NRGBA
	Paper    [3]float64 // paper tint
	TurnHalf bool       // paper upside down
}

// photograph lays page on a desk and takes the shot; it returns the JPEG and the true
// page (mm) → photo (px) mapping.
func photograph(page *image.NRGBA, sh shot, rng *rand.Rand) ([]byte, homography) {
	hgt := sh.Fill * float64(sh.H)
	sc := hgt / pageH
	cx, cy := float64(sh.W)/2+rng.NormFloat64()*0.02*float64(sh.W), float64(sh.H)/2+rng.NormFloat64()*0.02*float64(sh.H)
	th := sh.Rotate * math.Pi / 180
	corners := []point{{0, 0}, {pageW, 0}, {pageW, pageH}, {0, pageH}}
	var dst []point
	for _, c := range corners {
		x, y := (c.X-pageW/2)*sc, (c.Y-pageH/2)*sc
		if sh.TurnHalf {
			x, y = -x, -y
		}
		x += (rng.Float64()*2 - 1) * sh.Persp * pageW * sc
		y += (rng.Float64()*2 - 1) * sh.Persp * pageH * sc
		dst = append(dst, point{cx + x*math.Cos(th) - y*math.Sin(th), cy + x*math.Sin(th) + y*math.Cos(th)})
	}
	h, err := fitHomography(corners, dst)
	if err != nil {
		panic(err)
	}
	inv := h.inverse()
	ps := float64(page.Rect.Dx()) / pageW // raster px per mm
	// a camera's pixel takes the light of its whole area: where the page is shrunk more than
	// 1.5 times (a landscape frame, the page at 3 px/mm), n×n samples a pixel, so that a rule
	// one raster pixel wide comes out grey and whole instead of in dashes (point samples
	// between its pixels miss it)
	n := 1
	if ps/sc > 1.5 {
		n = int(math.Ceil(ps / sc))
	}
	img := image.NewRGBA(image.Rect(0, 0, sh.W, sh.H))
	gx, gy := rng.Float64()*2-1, rng.Float64()*2-1
	shadowX := rng.Float64() * float64(sh.W)
	for y := 0; y < sh.H; y++ {
		for x := 0; x < sh.W; x++ {
			// light: a linear gradient and a soft shadow edge (a phone's or a hand's)
			l := 1 - sh.Light*(0.5+0.5*(gx*(float64(x)/float64(sh.W)-0.5)+gy*(float64(y)/float64(sh.H)-0.5)))
			if float64(x) > shadowX {
				l *= 1 - 0.6*sh.Light*math.Min(1, (float64(x)-shadowX)/(0.1*float64(sh.W)))
			}
			var c [3]float64
			for sy := range n {
				for sx := range n {
					m := inv.apply(point{float64(x) + (float64(sx)+0.5)/float64(n), float64(y) + (float64(sy)+0.5)/float64(n)})
					if m.X >= 0 && m.Y >= 0 && m.X < pageW && m.Y < pageH {
						fx, fy := m.X*ps-0.5, m.Y*ps-0.5
						for k := 0; k < 3; k++ {
							c[k] += bilinearC(page, fx, fy, k) * sh.Paper[k] / float64(n*n)
						}
					} else {
						c[0] += float64(sh.Desk.R) / float64(n*n)
						c[1] += float64(sh.Desk.G) / float64(n*n)
						c[2] += float64(sh.Desk.B) / float64(n*n)
					}
				}
			}
			o := img.Pix[y*img.Stride+x*4:]
			for k := 0; k < 3; k++ {
				v := c[k]*l + rng.NormFloat64()*sh.Noise
				o[k] = uint8(math.Max(0, math.Min(255, v)))
			}
			o[3] = 255
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: sh.Quality}); err != nil {
		panic(err)
	}
	return buf.Bytes(), h
}

func bilinearC(img *image.NRGBA, x, y float64, c int) float64 {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	x = math.Max(0, math.Min(float64(w-1)-1e-9, x))
	y = math.Max(0, math.Min(float64(h-1)-1e-9, y))
	ix, iy := int(x), int(y)
	ax, ay := x-float64(ix), y-float64(iy)
	p := func(xx, yy int) float64 { return float64(img.Pix[yy*img.Stride+xx*4+c]) }
	x1, y1 := min(ix+1, w-1), min(iy+1, h-1)
	top := p(ix, iy) + ax*(p(x1, iy)-p(ix, iy))
	bot := p(ix, y1) + ax*(p(x1, y1)-p(ix, y1))
	return top + ay*(bot-top)
}

// randomShot is a phone photo within what the issue asks for: ±15°, perspective, uneven
// light, noise, JPEG.
func randomShot(rng *rand.Rand, w, h int) shot {
	return shot{
		W: w, H: h,
		Rotate:  rng.Float64()*30 - 15,
		Persp:   0.02 + 0.03*rng.Float64(),
		Fill:    0.72 + 0.12*rng.Float64(),
		Light:   0.15 + 0.3*rng.Float64(),
		Noise:   3 + 5*rng.Float64(),
		Quality: 70 + rng.IntN(25),
		Desk:    color.NRGBA{uint8(60 + rng.IntN(80)), uint8(45 + rng.IntN(60)), uint8(30 + rng.IntN(40)), 255},
		Paper:   [3]float64{0.86 + 0.1*rng.Float64(), 0.84 + 0.1*rng.Float64(), 0.76 + 0.12*rng.Float64()},
	}
}
