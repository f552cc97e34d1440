package scan

import (
	"math"
	"math/rand"
	"testing"
)

// TestBoxBlur: the two passes give the mean over the (2r+1)² box clipped to the picture,
// worked out directly, at the corners, edges and inside.
func TestBoxBlur(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, tc := range []struct{ w, h, r int }{{7, 5, 1}, {5, 9, 2}, {3, 3, 4}, {1, 6, 1}} {
		v := make([]float64, tc.w*tc.h)
		for i := range v {
			v[i] = rng.Float64() * 255
		}
		got := boxBlur(v, tc.w, tc.h, tc.r)
		for y := 0; y < tc.h; y++ {
			for x := 0; x < tc.w; x++ {
				var s float64
				n := 0
				for yy := max(y-tc.r, 0); yy <= min(y+tc.r, tc.h-1); yy++ {
					for xx := max(x-tc.r, 0); xx <= min(x+tc.r, tc.w-1); xx++ {
						s += v[yy*tc.w+xx]
						n++
					}
				}
				if want := s / float64(n); math.Abs(got[y*tc.w+x]-want) > 1e-9 {
					t.Fatalf("%dx%d r=%d at (%d,%d): %v, want %v", tc.w, tc.h, tc.r, x, y, got[y*tc.w+x], want)
				}
			}
		}
	}
}
