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

// TestExtreme: the sliding window's largest and smallest values are those of the clipped
// square worked out directly.
func TestExtreme(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for _, tc := range []struct{ w, h, r int }{{9, 7, 1}, {5, 11, 3}, {4, 4, 6}, {1, 8, 2}} {
		v := make([]uint8, tc.w*tc.h)
		for i := range v {
			v[i] = uint8(rng.Intn(256))
		}
		for _, largest := range []bool{true, false} {
			got := extreme(v, tc.w, tc.h, tc.r, largest)
			for y := 0; y < tc.h; y++ {
				for x := 0; x < tc.w; x++ {
					want := v[y*tc.w+x]
					for yy := max(y-tc.r, 0); yy <= min(y+tc.r, tc.h-1); yy++ {
						for xx := max(x-tc.r, 0); xx <= min(x+tc.r, tc.w-1); xx++ {
							if c := v[yy*tc.w+xx]; largest && c > want || !largest && c < want {
								want = c
							}
						}
					}
					if got[y*tc.w+x] != want {
						t.Fatalf("%dx%d r=%d largest=%v at (%d,%d): %d, want %d", tc.w, tc.h, tc.r, largest, x, y, got[y*tc.w+x], want)
					}
				}
			}
		}
	}
}

// TestNearness: the distance to the nearest marked pixel, capped at 3, is the one worked
// out directly.
func TestNearness(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	w, h := 13, 9
	mask := make([]bool, w*h)
	for i := range mask {
		mask[i] = rng.Intn(9) == 0
	}
	got := nearness(mask, w, h)
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			want := uint8(3)
			for yy := 0; yy < h; yy++ {
				for xx := 0; xx < w; xx++ {
					if d := max(abs(xx-x), abs(yy-y)); mask[yy*w+xx] && d < int(want) {
						want = uint8(d)
					}
				}
			}
			if got[y*w+x] != want {
				t.Fatalf("at (%d,%d): %d, want %d", x, y, got[y*w+x], want)
			}
		}
	}
}
