package scan

import (
	"image"
	"math"
	"testing"
)

// paint marks with ink every pixel of img (a straightened page at DPI) whose page point (mm)
// is in shape.
func paint(img *image.NRGBA, ink [3]uint8, shape func(x, y float64) bool) {
	s := DPI / 25.4
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			if shape((float64(x)+0.5)/s, (float64(y)+0.5)/s) {
				p := img.Pix[y*img.Stride+x*4:]
				p[0], p[1], p[2] = ink[0], ink[1], ink[2]
			}
		}
	}
}

// TestSealShapes: a ring of red is a seal however little ink it has, pale or broken, 30 or
// 42 mm across; a red pen's signature, a red line, a cross are not rings.
func TestSealShapes(t *testing.T) {
	box := rect{45, 150, 178, 230}
	red, pale := [3]uint8{205, 40, 50}, [3]uint8{250, 222, 222}
	ring := func(cx, cy, r float64, keep func(a float64) bool) func(x, y float64) bool {
		return func(x, y float64) bool {
			d := math.Hypot(x-cx, y-cy)
			return d > r-1.2 && d < r && keep(math.Atan2(y-cy, x-cx))
		}
	}
	all := func(float64) bool { return true }
	for _, tc := range []struct {
		name  string
		ink   [3]uint8
		shape func(x, y float64) bool
		ring  bool
	}{
		{"blank", red, func(x, y float64) bool { return false }, false},
		{"seal 42 mm", red, ring(140, 195, 21, all), true},
		{"seal 30 mm", red, ring(120, 190, 15, all), true},
		{"pale seal", pale, ring(140, 195, 21, all), true},
		{"broken seal, a third of its ring in ten arcs", red, ring(140, 195, 21, func(a float64) bool {
			return math.Mod(a+4*math.Pi, 2*math.Pi/10) < 2*math.Pi/30
		}), true},
		{"seal over the box's edge", red, ring(150, 222, 20, all), true},
		{"signature", red, func(x, y float64) bool {
			return x > 80 && x < 150 && math.Abs(y-(190+8*math.Sin((x-80)/5))) < 0.5
		}, false},
		{"line", red, func(x, y float64) bool { return x > 60 && x < 170 && math.Abs(y-200) < 0.6 }, false},
		{"cross", red, func(x, y float64) bool {
			return math.Abs(x-120) < 20 && math.Abs(y-190) < 20 && (math.Abs((x-120)-(y-190)) < 0.8 || math.Abs((x-120)+(y-190)) < 0.8)
		}, false},
	} {
		img := a4(0, 0, 0)
		paint(img, tc.ink, tc.shape)
		area, r := sealIn(img, box)
		t.Logf("%s: red %.0f mm², ring %.2f", tc.name, area, r)
		if got := r >= MinRing; got != tc.ring {
			t.Errorf("%s: ring %.2f, want a ring %v", tc.name, r, tc.ring)
		}
	}
}

// TestClearEdges: the desk along the page's edges (a strip up to 5 mm wide, a grey frame a
// pixel wide, a faint tint in the outermost millimetre) turns white; print 10 mm in stays.
func TestClearEdges(t *testing.T) {
	img := a4(0, 0, 0)
	s := DPI / 25.4
	paint(img, [3]uint8{90, 70, 50}, func(x, y float64) bool { return x < 3 || y > pageH-0.2 })               // the desk, a frame
	paint(img, [3]uint8{235, 228, 226}, func(x, y float64) bool { return x > pageW-1 })                       // a tint
	paint(img, [3]uint8{0, 0, 0}, func(x, y float64) bool { return x > 12 && x < 12.3 && y > 20 && y < 270 }) // a rule
	clearEdges(img)
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			p := img.Pix[y*img.Stride+x*4:]
			mx, my := (float64(x)+0.5)/s, (float64(y)+0.5)/s
			print := mx > 12 && mx < 12.3 && my > 20 && my < 270
			if (min(p[0], p[1], p[2]) == 255) == print {
				t.Fatalf("at %.1f, %.1f mm: %v, print %v", mx, my, p[:3], print)
			}
		}
	}
}
