package photo

import (
	"fmt"
	"image"
	"testing"
)

// storedRect must be exactly the stored pixels that storedPoint maps the rectangle to.
func TestStoredRect(t *testing.T) {
	const w, h = 7, 5
	for o := 1; o <= 8; o++ {
		uw, uh := w, h
		if o >= 5 {
			uw, uh = h, w
		}
		for _, r := range []image.Rectangle{image.Rect(0, 0, uw, uh), image.Rect(1, 2, 3, 4), image.Rect(0, 1, 1, uh), image.Rect(2, 0, uw, 2)} {
			var want image.Rectangle
			for y := r.Min.Y; y < r.Max.Y; y++ {
				for x := r.Min.X; x < r.Max.X; x++ {
					sx, sy := storedPoint(o, x, y, w, h)
					if sx < 0 || sy < 0 || sx >= w || sy >= h {
						t.Fatalf("orientation %d: (%d,%d) maps outside to (%d,%d)", o, x, y, sx, sy)
					}
					want = want.Union(image.Rect(sx, sy, sx+1, sy+1))
				}
			}
			if got := storedRect(o, r, w, h); got != want {
				t.Errorf("orientation %d, %v: storedRect %v, want %v", o, r, got, want)
			}
		}
	}
}

func TestCropRect(t *testing.T) {
	tests := []struct {
		w, h int
		crop *Crop
		want image.Rectangle
	}{
		{500, 700, nil, image.Rect(0, 0, 500, 700)},
		{4000, 3000, nil, image.Rect(929, 0, 3072, 3000)}, // 2143 wide, centred
		{3000, 4000, nil, image.Rect(72, 0, 2929, 4000)},  // 2857 wide, centred
		{1000, 1, nil, image.Rect(500, 0, 501, 1)},
		{1, 1000, nil, image.Rect(0, 500, 1, 501)},
		{1000, 1400, &Crop{0.25, 0.25, 0.5, 0.5}, image.Rect(250, 350, 750, 1050)},
		{1000, 1400, &Crop{0.9, 0.9, 0.5, 0.5}, image.Rect(900, 1260, 1000, 1400)}, // cut to the picture: 100×140
		{1000, 1400, &Crop{0.8, 0.9, 0.5, 0.5}, image.Rect(850, 1260, 950, 1400)},  // 200×140 narrowed to its middle 100×140
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%dx%d %+v", tt.w, tt.h, tt.crop), func(t *testing.T) {
			got, err := cropRect(tt.crop, tt.w, tt.h)
			if err != nil || got != tt.want {
				t.Errorf("cropRect = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
