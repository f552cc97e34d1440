package photo

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"testing"
)

// Every fast path of rowReader must agree with the general one (At), within rounding.
func TestReduceFastPathsMatchAt(t *testing.T) {
	src := image.NewNRGBA(image.Rect(0, 0, 9, 7))
	for i := range src.Pix {
		src.Pix[i] = uint8(i * 37)
	}
	kinds := map[string]draw.Image{
		"RGBA": image.NewRGBA(src.Rect), "NRGBA": image.NewNRGBA(src.Rect), "Gray": image.NewGray(src.Rect),
		"CMYK": image.NewCMYK(src.Rect), "RGBA64": image.NewRGBA64(src.Rect), "NRGBA64": image.NewNRGBA64(src.Rect),
		"Gray16":   image.NewGray16(src.Rect),
		"Paletted": image.NewPaletted(src.Rect, color.Palette{color.NRGBA{10, 20, 30, 255}, color.NRGBA{200, 100, 0, 128}, color.Transparent}),
	}
	for name, img := range kinds {
		draw.Draw(img, img.Bounds(), src, image.Point{}, draw.Src)
		for _, k := range []int{1, 2, 4} {
			t.Run(fmt.Sprintf("%s/%d", name, k), func(t *testing.T) {
				r := image.Rect(1, 1, 9, 6)
				fast := reduce(img, r, k)
				slow := reduce(atOnly{img}, r, k)
				for i := range fast.Pix {
					if d := int(fast.Pix[i]) - int(slow.Pix[i]); d < -1 || d > 1 {
						t.Fatalf("byte %d: fast %d, At %d", i, fast.Pix[i], slow.Pix[i])
					}
				}
			})
		}
	}
}

// atOnly hides the concrete type, forcing the general path.
type atOnly struct{ image.Image }

func TestReduceYCbCrMatchesRGB(t *testing.T) {
	for _, ratio := range []image.YCbCrSubsampleRatio{image.YCbCrSubsampleRatio444, image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420, image.YCbCrSubsampleRatio440, image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410} {
		img := image.NewYCbCr(image.Rect(3, 5, 20, 16), ratio)
		for i := range img.Y {
			img.Y[i] = uint8(i * 7)
		}
		for i := range img.Cb {
			img.Cb[i], img.Cr[i] = uint8(100+i%50), uint8(140-i%40)
		}
		// k = 1: averaging nothing, so the conversion must match At exactly.
		fast, slow := reduce(img, img.Rect, 1), reduce(atOnly{img}, img.Rect, 1)
		for i := range fast.Pix {
			if fast.Pix[i] != slow.Pix[i] {
				t.Fatalf("%v: byte %d: %d, At %d", ratio, i, fast.Pix[i], slow.Pix[i])
			}
		}
		if got := reduce(img, image.Rect(4, 6, 19, 15), 3).Rect; got != image.Rect(0, 0, 5, 3) {
			t.Errorf("%v: reduced size %v", ratio, got)
		}
	}
}
