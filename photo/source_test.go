package photo

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math/rand"
	"testing"
)

// The kept copy of a large, noisy picture is within its bounds, upright, and the same shape.
func TestSourceIsBounded(t *testing.T) {
	for _, tt := range []struct{ w, h int }{{4000, 3000}, {3000, 4000}, {800, 600}} {
		img := image.NewRGBA(image.Rect(0, 0, tt.w, tt.h))
		rnd := rand.New(rand.NewSource(1))
		for y := 0; y < tt.h; y++ {
			for x := 0; x < tt.w; x++ {
				img.Set(x, y, color.RGBA{uint8(rnd.Intn(256)), uint8(x), uint8(y), 255})
			}
		}
		var in bytes.Buffer
		if err := jpeg.Encode(&in, img, &jpeg.Options{Quality: 95}); err != nil {
			t.Fatal(err)
		}
		out, err := Source(in.Bytes())
		if err != nil {
			t.Fatalf("%dx%d: %v", tt.w, tt.h, err)
		}
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(out))
		if err != nil {
			t.Fatal(err)
		}
		if len(out) > SourceMaxBytes || max(cfg.Width, cfg.Height) > SourceMaxSide {
			t.Errorf("%dx%d: kept %d bytes, %dx%d", tt.w, tt.h, len(out), cfg.Width, cfg.Height)
		}
		if (cfg.Width > cfg.Height) != (tt.w > tt.h) {
			t.Errorf("%dx%d: kept %dx%d, turned", tt.w, tt.h, cfg.Width, cfg.Height)
		}
	}
}
