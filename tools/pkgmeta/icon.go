package main

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"os"

	xdraw "golang.org/x/image/draw"
)

// appIcon is FyneApp.toml's icon, or a drawn one while the project has none (so a clean
// build never fails for want of artwork).
func appIcon(m meta) (image.Image, error) {
	if m.IconPath == "" {
		return drawnIcon(512), nil
	}
	f, err := os.Open(m.IconPath)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", m.IconPath, err)
	}
	if b := img.Bounds(); b.Dx() != b.Dy() || b.Dx() < 256 {
		return nil, fmt.Errorf("%s: the icon must be square and at least 256×256, not %d×%d", m.IconPath, b.Dx(), b.Dy())
	}
	return img, nil
}

// scaled is img resized to size×size with a high-quality filter.
func scaled(img image.Image, size int) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// drawnIcon is a stand-in icon: a white form with ruled lines and a red seal on a deep red
// rounded square. It is drawn 4× larger and scaled down for smooth edges.
func drawnIcon(size int) image.Image {
	n := size * 4
	big := image.NewNRGBA(image.Rect(0, 0, n, n))
	red := color.NRGBA{0xB2, 0x1E, 0x2B, 0xFF}
	white := color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}
	grey := color.NRGBA{0x9A, 0xA0, 0xA6, 0xFF}
	u := float64(n) / 32 // the drawing is on a 32-unit grid
	fill := func(inside func(x, y float64) bool, c color.NRGBA) {
		for y := 0; y < n; y++ {
			for x := 0; x < n; x++ {
				if inside((float64(x)+0.5)/u, (float64(y)+0.5)/u) {
					big.SetNRGBA(x, y, c)
				}
			}
		}
	}
	fill(func(x, y float64) bool { return roundRect(x, y, 1, 1, 31, 31, 6) }, red)
	fill(func(x, y float64) bool { return roundRect(x, y, 8, 5, 24, 27, 1) }, white)
	for _, ly := range []float64{10, 14, 18} {
		fill(func(x, y float64) bool { return x >= 11 && x <= 21 && y >= ly && y <= ly+1.2 }, grey)
	}
	fill(func(x, y float64) bool { return (x-19)*(x-19)+(y-22.5)*(y-22.5) <= 9 }, red)
	return scaled(big, size)
}

// roundRect reports whether (x, y) lies in the rectangle with corners rounded by radius r.
func roundRect(x, y, x0, y0, x1, y1, r float64) bool {
	if x < x0 || x > x1 || y < y0 || y > y1 {
		return false
	}
	cx := min(max(x, x0+r), x1-r)
	cy := min(max(y, y0+r), y1-r)
	return (x-cx)*(x-cx)+(y-cy)*(y-cy) <= r*r
}
