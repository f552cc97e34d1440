package main

import (
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"

	xdraw "golang.org/x/image/draw"
)

// appIcon is FyneApp.toml's icon. `make icon.png` draws it with the app's own drawing
// (app/icon.go), so the window, the .exe and the menu entry show the same picture; like
// `fyne package`, this tool has no stand-in of its own.
func appIcon(m meta) (image.Image, error) {
	if m.IconPath == "" {
		return nil, fmt.Errorf("FyneApp.toml names no [Details] Icon")
	}
	f, err := os.Open(m.IconPath)
	if err != nil {
		return nil, fmt.Errorf("%w (make icon.png draws it)", err)
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
