package scan

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"sort"
)

// A phone photographs the printed page as a pinhole camera does, not as a homography: the
// paper lies on a desk, bowed or curled at an edge; the camera (a 26 mm-equivalent lens with
// radial distortion) looks at it from above, turned and tilted; then the light (a gradient, a
// band of shadow, a cast), a finger, another page showing from underneath, sensor noise and
// JPEG, once or twice (WeChat). The photo comes with its true mapping, page (mm) → photo
// (pixels), so a test knows where every rule crossing of the table really is.

// phone is how one photo is taken.
type phone struct {
	W, H  int     // photo pixels
	Lens  float64 // 35 mm-equivalent focal length, mm (a phone's main camera: 26)
	K1    float64 // radial distortion, r normalised by the focal length: barrel < 0
	Fill  float64 // the page's long side over the photo's long side, seen from straight above
	Roll  float64 // degrees: the paper turned on the desk (90: lying sideways)
	Yaw   float64 // degrees: the camera tilted sideways off the paper's normal
	Pitch float64 // degrees: and towards the page's top
	Shift point   // mm: where the camera points, off the page's centre

	Bow       float64 // mm: the paper raised in the middle, along its length
	BowAcross bool    // the bow runs across the page instead (raised along its middle line)
	Curl      float64 // mm: one edge lifted
	CurlSide  int     // which edge: 0 bottom, 1 right, 2 top, 3 left
	CurlWidth float64 // mm of paper the curl takes (0: 40)

	Light  float64    // uneven light: 0 even … 0.5 a strong gradient
	Shadow float64    // darkness of a band of shadow across the photo: 0 none, 0.85 deep
	Cast   [3]float64 // paper and light colour, per channel (0: 0.92 0.9 0.84)
	Noise  float64    // sensor noise, standard deviation in levels
	Blur   float64    // defocus or motion, pixels (box blur radius, 0: none)

	Finger  point   // a finger from the page's edge to this page point (mm); zero: none
	Finger2 point   // and another (a hand holding the page at both sides)
	Under   float64 // mm another page shows from underneath, to the right and below (< 0: left and above)

	Quality int     // JPEG quality
	Again   int     // WeChat: decoded, shrunk by Shrink and encoded again at this quality (0: not)
	Shrink  float64 // WeChat's scale (0: 1)

	Desk color.NRGBA
}

// plainPhone is a phone photo with nothing wrong: straight above, flat paper, good light.
func plainPhone(w, h int) phone {
	return phone{W: w, H: h, Lens: 26, Fill: 0.78, Quality: 88, Noise: 3, Light: 0.1,
		Desk: color.NRGBA{120, 98, 76, 255}}
}

// camera is the phone's geometry: where a point of the desk's world (mm, the page's centre
// at the origin, z up) lands in the photo.
type camera struct {
	f, cx, cy float64    // focal length and centre, pixels
	k1        float64    // radial distortion
	rot       [9]float64 // world → camera
	pos       [3]float64 // the camera's place in the world
}

func newCamera(ph phone) camera {
	long := float64(max(ph.W, ph.H))
	f := ph.Lens / 43.27 * math.Hypot(float64(ph.W), float64(ph.H))
	dist := pageH * f / (ph.Fill * long)
	yaw, pitch := ph.Yaw*math.Pi/180, ph.Pitch*math.Pi/180
	// The camera circles the point it looks at: first yawed about the world's y axis, then
	// pitched about the x axis, at dist from it.
	cyw, syw, cp, sp := math.Cos(yaw), math.Sin(yaw), math.Cos(pitch), math.Sin(pitch)
	ry := [9]float64{cyw, 0, syw, 0, 1, 0, -syw, 0, cyw}
	rx := [9]float64{1, 0, 0, 0, cp, -sp, 0, sp, cp}
	r := mul3(rx, ry) // camera → world
	c := camera{f: f, cx: float64(ph.W) / 2, cy: float64(ph.H) / 2, k1: ph.K1}
	c.pos = [3]float64{ph.Shift.X + r[2]*dist, ph.Shift.Y + r[5]*dist, r[8] * dist}
	for i := range 3 { // transpose: world → camera
		for j := range 3 {
			c.rot[i*3+j] = r[j*3+i]
		}
	}
	return c
}

func mul3(a, b [9]float64) [9]float64 {
	var c [9]float64
	for i := range 3 {
		for j := range 3 {
			for k := range 3 {
				c[i*3+j] += a[i*3+k] * b[k*3+j]
			}
		}
	}
	return c
}

// project takes a world point to the photo; ok is false behind the camera.
func (c camera) project(x, y, z float64) (point, bool) {
	d := [3]float64{x - c.pos[0], y - c.pos[1], z - c.pos[2]}
	xc := c.rot[0]*d[0] + c.rot[1]*d[1] + c.rot[2]*d[2]
	yc := c.rot[3]*d[0] + c.rot[4]*d[1] + c.rot[5]*d[2]
	zc := -(c.rot[6]*d[0] + c.rot[7]*d[1] + c.rot[8]*d[2]) // the camera looks down its -z
	if zc <= 1 {
		return point{}, false
	}
	xn, yn := xc/zc, yc/zc
	s := 1 + c.k1*(xn*xn+yn*yn)
	return point{c.cx + c.f*xn*s, c.cy + c.f*yn*s}, true
}

// sheet is a page lying on the desk: flat, bowed or curled, turned by roll about the origin
// and moved by off (mm).
type sheet struct {
	bow, curl, curlW float64
	across           bool
	side             int
	roll             float64
	off              point
	z                float64
	xs, ys           []float64 // the page's x(u) and y(v) in the desk's plane, every mm: bending shortens the paper's shadow on the desk
}

func newSheet(ph phone, roll float64, off point, z float64) *sheet {
	s := &sheet{bow: ph.Bow, curl: ph.Curl, curlW: ph.CurlWidth, across: ph.BowAcross, side: ph.CurlSide, roll: roll * math.Pi / 180, off: off, z: z}
	if s.curlW == 0 {
		s.curlW = 40
	}
	integrate := func(n float64, height func(float64) float64) []float64 {
		out := make([]float64, int(n)+2)
		pos := 0.0
		for i := 1; i < len(out); i++ {
			dz := height(float64(i)) - height(float64(i-1))
			pos += math.Sqrt(math.Max(0, 1-dz*dz))
			out[i] = pos
		}
		return out
	}
	s.xs = integrate(pageW, func(u float64) float64 { return s.heightU(u) })
	s.ys = integrate(pageH, func(v float64) float64 { return s.heightV(v) })
	return s
}

func (s *sheet) heightV(v float64) float64 {
	h := 0.0
	if !s.across {
		h = s.bow * math.Sin(math.Pi*math.Min(math.Max(v/pageH, 0), 1))
	}
	switch s.side {
	case 0:
		if t := (v - (pageH - s.curlW)) / s.curlW; t > 0 {
			h += s.curl * t * t
		}
	case 2:
		if t := (s.curlW - v) / s.curlW; t > 0 {
			h += s.curl * t * t
		}
	}
	return h
}

func (s *sheet) heightU(u float64) float64 {
	h := 0.0
	if s.across {
		h = s.bow * math.Sin(math.Pi*math.Min(math.Max(u/pageW, 0), 1))
	}
	switch s.side {
	case 1:
		if t := (u - (pageW - s.curlW)) / s.curlW; t > 0 {
			h += s.curl * t * t
		}
	case 3:
		if t := (s.curlW - u) / s.curlW; t > 0 {
			h += s.curl * t * t
		}
	}
	return h
}

// world is where page point (u, v) mm is on the desk.
func (s *sheet) world(u, v float64) (x, y, z float64) {
	at := func(tab []float64, t float64) float64 {
		t = math.Max(0, math.Min(float64(len(tab)-2), t))
		i := int(t)
		return tab[i] + (t-float64(i))*(tab[i+1]-tab[i])
	}
	px, py := at(s.xs, u)-at(s.xs, pageW/2), at(s.ys, v)-at(s.ys, pageH/2)
	cr, sr := math.Cos(s.roll), math.Sin(s.roll)
	return s.off.X + px*cr - py*sr, s.off.Y + px*sr + py*cr, s.z + s.heightU(u) + s.heightV(v)
}

// truthMap is the true page (mm) → photo (pixels) mapping of a phone photo.
type truthMap func(point) point

func (t truthMap) apply(p point) point { return t(p) }

// photographPhone takes the phone photo of page, with under showing from beneath it when
// ph.Under > 0; it returns the JPEG and the true mapping.
func photographPhone(page, under *image.NRGBA, ph phone, rng *rand.Rand) ([]byte, truthMap) {
	cam := newCamera(ph)
	top := newSheet(ph, ph.Roll, point{}, 0)
	forward := func(s *sheet, p point) (point, bool) {
		x, y, z := s.world(p.X, p.Y)
		return cam.project(x, y, z)
	}
	img := image.NewNRGBA(image.Rect(0, 0, ph.W, ph.H))
	cast := ph.Cast
	if cast == ([3]float64{}) {
		cast = [3]float64{0.92, 0.9, 0.84}
	}
	gx, gy := rng.Float64()*2-1, rng.Float64()*2-1
	light := func(x, y float64) float64 {
		fx, fy := x/float64(ph.W)-0.5, y/float64(ph.H)-0.5
		l := 1 - ph.Light*(0.5+0.5*(gx*fx+gy*fy)) - 0.15*(fx*fx+fy*fy) // and the lens's vignette
		return l
	}
	// The shadow: a band across the photo, a phone's or a hand's, with soft edges.
	sa := rng.Float64() * math.Pi
	sn := point{math.Cos(sa), math.Sin(sa)}
	sc := point{float64(ph.W) * (0.35 + 0.3*rng.Float64()), float64(ph.H) * (0.35 + 0.3*rng.Float64())}
	half, soft := 0.12*float64(ph.W), 0.03*float64(ph.W)
	shadow := func(x, y float64) float64 {
		if ph.Shadow == 0 {
			return 1
		}
		d := math.Abs((x-sc.X)*sn.X + (y-sc.Y)*sn.Y)
		t := math.Min(1, math.Max(0, (half+soft-d)/(2*soft)))
		t = t * t * (3 - 2*t)
		return 1 - ph.Shadow*t
	}
	desk := [3]float64{float64(ph.Desk.R), float64(ph.Desk.G), float64(ph.Desk.B)}
	for y := 0; y < ph.H; y++ {
		for x := 0; x < ph.W; x++ {
			o := img.Pix[y*img.Stride+x*4:]
			grain := 6 * math.Sin(float64(x)*0.05+math.Sin(float64(y)*0.013)*9) // wood, roughly
			for k := range 3 {
				o[k] = clamp8(desk[k] + grain)
			}
			o[3] = 255
		}
	}
	// Each sheet is a mesh of 2 mm squares, painted in order: the page underneath, then ours.
	paint := func(s *sheet, raster *image.NRGBA) {
		ps := float64(raster.Rect.Dx()) / pageW
		const step = 2.0
		nu, nv := int(math.Ceil(pageW/step)), int(math.Ceil(pageH/step))
		pts := make([]point, (nu+1)*(nv+1))
		ok := make([]bool, len(pts))
		for j := 0; j <= nv; j++ {
			for i := 0; i <= nu; i++ {
				k := j*(nu+1) + i
				pts[k], ok[k] = forward(s, point{math.Min(float64(i)*step, pageW), math.Min(float64(j)*step, pageH)})
			}
		}
		for j := 0; j < nv; j++ {
			for i := 0; i < nu; i++ {
				k := j*(nu+1) + i
				q := [4]int{k, k + 1, k + nu + 2, k + nu + 1}
				if !ok[q[0]] || !ok[q[1]] || !ok[q[2]] || !ok[q[3]] {
					continue
				}
				uv := func(n int) point {
					return point{math.Min(float64(n%(nu+1))*step, pageW), math.Min(float64(n/(nu+1))*step, pageH)}
				}
				for _, tri := range [2][3]int{{q[0], q[1], q[2]}, {q[0], q[2], q[3]}} {
					fillTriangle(ph.W, ph.H, [3]point{pts[tri[0]], pts[tri[1]], pts[tri[2]]}, [3]point{uv(tri[0]), uv(tri[1]), uv(tri[2])},
						func(x, y int, p point) {
							o := img.Pix[y*img.Stride+x*4:]
							for c := range 3 {
								o[c] = clamp8(bilinearC(raster, p.X*ps-0.5, p.Y*ps-0.5, c) * cast[c])
							}
						})
				}
			}
		}
	}
	if ph.Under != 0 && under != nil {
		paint(newSheet(phone{}, ph.Roll+3, rotate(point{ph.Under, 0.6 * ph.Under}, ph.Roll), -0.3), under)
	}
	paint(top, page)
	for _, f := range []point{ph.Finger, ph.Finger2} {
		if f != (point{}) {
			drawFinger(img, func(p point) point { q, _ := forward(top, p); return q }, f)
		}
	}
	for y := 0; y < ph.H; y++ {
		for x := 0; x < ph.W; x++ {
			fx, fy := float64(x)+0.5, float64(y)+0.5
			l := light(fx, fy) * shadow(fx, fy)
			o := img.Pix[y*img.Stride+x*4:]
			for c := range 3 {
				o[c] = clamp8(float64(o[c])*l + rng.NormFloat64()*ph.Noise)
			}
		}
	}
	if ph.Blur > 0 {
		img = blurNRGBA(img, int(math.Round(ph.Blur)))
	}
	data := encodeQ(img, ph.Quality)
	scale := 1.0
	if ph.Again > 0 {
		dec, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			panic(err)
		}
		n := toNRGBA(dec)
		if ph.Shrink > 0 && ph.Shrink < 1 {
			n = resizeNRGBA(n, ph.Shrink)
			scale = float64(n.Rect.Dx()) / float64(ph.W)
		}
		data = encodeQ(n, ph.Again)
	}
	return data, func(p point) point {
		q, _ := forward(top, p)
		return point{q.X * scale, q.Y * scale}
	}
}

func rotate(p point, deg float64) point {
	a := deg * math.Pi / 180
	return point{p.X*math.Cos(a) - p.Y*math.Sin(a), p.X*math.Sin(a) + p.Y*math.Cos(a)}
}

func clamp8(v float64) uint8 { return uint8(math.Max(0, math.Min(255, v+0.5))) }

func encodeQ(img image.Image, q int) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// fillTriangle calls set for every pixel whose centre is inside the triangle tri (photo
// pixels), with attr interpolated there.
func fillTriangle(w, h int, tri, attr [3]point, set func(x, y int, a point)) {
	x0 := max(0, int(math.Floor(min(tri[0].X, tri[1].X, tri[2].X))))
	x1 := min(w-1, int(math.Ceil(max(tri[0].X, tri[1].X, tri[2].X))))
	y0 := max(0, int(math.Floor(min(tri[0].Y, tri[1].Y, tri[2].Y))))
	y1 := min(h-1, int(math.Ceil(max(tri[0].Y, tri[1].Y, tri[2].Y))))
	d := (tri[1].Y-tri[2].Y)*(tri[0].X-tri[2].X) + (tri[2].X-tri[1].X)*(tri[0].Y-tri[2].Y)
	if math.Abs(d) < 1e-12 {
		return
	}
	for y := y0; y <= y1; y++ {
		py := float64(y) + 0.5
		for x := x0; x <= x1; x++ {
			px := float64(x) + 0.5
			a := ((tri[1].Y-tri[2].Y)*(px-tri[2].X) + (tri[2].X-tri[1].X)*(py-tri[2].Y)) / d
			b := ((tri[2].Y-tri[0].Y)*(px-tri[2].X) + (tri[0].X-tri[2].X)*(py-tri[2].Y)) / d
			c := 1 - a - b
			const eps = -1e-9
			if a < eps || b < eps || c < eps {
				continue
			}
			set(x, y, point{a*attr[0].X + b*attr[1].X + c*attr[2].X, a*attr[0].Y + b*attr[1].Y + c*attr[2].Y})
		}
	}
}

// drawFinger paints a finger, 17 mm wide, from beyond the page's nearest edge to the page
// point tip: skin, rounded, its shadow on the paper beside it.
func drawFinger(img *image.NRGBA, fwd func(point) point, tip point) {
	// from the nearest edge, 60 mm long
	dir := point{-1, 0}
	switch m := min(tip.X, pageW-tip.X, tip.Y, pageH-tip.Y); m {
	case pageW - tip.X:
		dir = point{1, 0}
	case tip.Y:
		dir = point{0, -1}
	case pageH - tip.Y:
		dir = point{0, 1}
	}
	base := point{tip.X + dir.X*60, tip.Y + dir.Y*60}
	a, b := fwd(tip), fwd(base)
	mmPx := math.Hypot(b.X-a.X, b.Y-a.Y) / 60
	r := 8.5 * mmPx
	ax, ay := b.X-a.X, b.Y-a.Y
	l2 := ax*ax + ay*ay
	x0, x1 := int(min(a.X, b.X)-2*r), int(max(a.X, b.X)+2*r)
	y0, y1 := int(min(a.Y, b.Y)-2*r), int(max(a.Y, b.Y)+2*r)
	for y := max(0, y0); y < min(img.Rect.Dy(), y1); y++ {
		for x := max(0, x0); x < min(img.Rect.Dx(), x1); x++ {
			px, py := float64(x)+0.5, float64(y)+0.5
			t := math.Max(0, math.Min(1, ((px-a.X)*ax+(py-a.Y)*ay)/l2))
			d := math.Hypot(px-(a.X+t*ax), py-(a.Y+t*ay))
			o := img.Pix[y*img.Stride+x*4:]
			switch {
			case d < r:
				sh := 0.75 + 0.25*math.Sqrt(1-(d/r)*(d/r)) // rounder in the middle
				o[0], o[1], o[2] = clamp8(226*sh), clamp8(176*sh), clamp8(146*sh)
			case d < 1.6*r: // its soft shadow
				k := 1 - 0.35*(1.6*r-d)/(0.6*r)
				o[0], o[1], o[2] = clamp8(float64(o[0])*k), clamp8(float64(o[1])*k), clamp8(float64(o[2])*k)
			}
		}
	}
}

// blurNRGBA is a box blur of radius r.
func blurNRGBA(img *image.NRGBA, r int) *image.NRGBA {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	out := image.NewNRGBA(img.Rect)
	for c := range 3 {
		v := make([]float64, w*h)
		for i := range v {
			v[i] = float64(img.Pix[i*4+c])
		}
		v = boxBlur(v, w, h, r)
		for i := range v {
			out.Pix[i*4+c] = clamp8(v[i])
			out.Pix[i*4+3] = 255
		}
	}
	return out
}

// resizeNRGBA scales img by k < 1, averaging (area sampling, roughly).
func resizeNRGBA(img *image.NRGBA, k float64) *image.NRGBA {
	w, h := int(float64(img.Rect.Dx())*k), int(float64(img.Rect.Dy())*k)
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sx0, sx1 := int(float64(x)/k), max(int(float64(x)/k)+1, int(float64(x+1)/k))
			sy0, sy1 := int(float64(y)/k), max(int(float64(y)/k)+1, int(float64(y+1)/k))
			var s [3]float64
			n := 0.0
			for yy := sy0; yy < min(sy1, img.Rect.Dy()); yy++ {
				for xx := sx0; xx < min(sx1, img.Rect.Dx()); xx++ {
					p := img.Pix[yy*img.Stride+xx*4:]
					s[0], s[1], s[2] = s[0]+float64(p[0]), s[1]+float64(p[1]), s[2]+float64(p[2])
					n++
				}
			}
			o := out.Pix[y*out.Stride+x*4:]
			o[0], o[1], o[2], o[3] = clamp8(s[0]/n), clamp8(s[1]/n), clamp8(s[2]/n), 255
		}
	}
	return out
}

// sealInk is how a seal came out: Missing of its ink gone, in blotches (broken: an
// unevenly inked stamp) or all over (pale: little ink on the pad).
type sealInk struct {
	Missing float64
	Pale    bool
}

// blotches returns where a stamp left no ink: a smooth random field over the seal (2 mm
// grain) cut at the level that leaves missing of the ink (inked tells where ink would be).
func blotches(r, missing float64, rng *rand.Rand, inked func(x, y float64) bool) func(x, y float64) bool {
	const grain = 2.0
	n := int(2*r/grain) + 3
	field := make([]float64, n*n)
	for i := range field {
		field[i] = rng.Float64()
	}
	at := func(x, y float64) float64 {
		fx, fy := (x+r)/grain, (y+r)/grain
		ix, iy := min(max(int(fx), 0), n-2), min(max(int(fy), 0), n-2)
		ax, ay := fx-float64(ix), fy-float64(iy)
		top := field[iy*n+ix] + ax*(field[iy*n+ix+1]-field[iy*n+ix])
		bot := field[(iy+1)*n+ix] + ax*(field[(iy+1)*n+ix+1]-field[(iy+1)*n+ix])
		return top + ay*(bot-top)
	}
	var vals []float64
	for y := -r; y <= r; y += 0.2 {
		for x := -r; x <= r; x += 0.2 {
			if inked(x, y) {
				vals = append(vals, at(x, y))
			}
		}
	}
	sort.Float64s(vals)
	cut := vals[min(len(vals)-1, int(missing*float64(len(vals))))]
	return func(x, y float64) bool { return at(x, y) < cut }
}
