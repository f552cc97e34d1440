package app

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"sync"

	"fyne.io/fyne/v2"
	"shenbao/render"
	"shenbao/render/raster"
)

// appIcon is the window and task bar icon (the same drawing as icon.png), drawn the first
// time it is asked for: drawing it parses the fonts and takes tens of milliseconds, which
// the commands (shenbao version, check …) must not pay at package initialisation. 64 pixels
// is what a title bar and a task bar show; the .exe's own icon comes from icon.png.
var appIcon = sync.OnceValue(func() fyne.Resource {
	return fyne.NewStaticResource("icon.png", IconPNG(64))
})

// sealRed is the red of a Chinese official seal.
var sealRed = color.RGBA{0xC8, 0x1E, 0x1E, 0xFF}

// IconPNG draws the program's icon, size × size: a round red seal with a white ring and the
// character 申 (申报) in white. `go run ./app/internal/genicon` writes it to icon.png.
func IconPNG(size int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float64(size)
	c := s / 2
	disc(img, c, c, s*0.48, 0, sealRed)                             // the seal
	disc(img, c, c, s*0.43, s*0.40, color.RGBA{255, 255, 255, 255}) // its white ring…
	disc(img, c, c, s*0.40, 0, sealRed)                             // …and the red inside
	sealCharacter(img, '申', s*0.56, c, c, color.RGBA{255, 255, 255, 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic("app: icon: " + err.Error()) // encoding an in-memory RGBA cannot fail
	}
	return buf.Bytes()
}

// disc paints the ring between radii inner and outer (inner 0: a full disc), antialiased
// by coverage of a 4×4 grid of samples per pixel.
func disc(img *image.RGBA, cx, cy, outer, inner float64, col color.RGBA) {
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			n := 0
			for sy := 0; sy < 4; sy++ {
				for sx := 0; sx < 4; sx++ {
					d := math.Hypot(float64(x)+(float64(sx)+0.5)/4-cx, float64(y)+(float64(sy)+0.5)/4-cy)
					if d <= outer && d >= inner {
						n++
					}
				}
			}
			if n > 0 {
				a := int(col.A) * n / 16 // premultiplied, as color.RGBA is
				pre := func(c uint8) uint8 { return uint8(int(c) * a / 255) }
				src := image.NewUniform(color.RGBA{pre(col.R), pre(col.G), pre(col.B), uint8(a)})
				draw.Draw(img, image.Rect(x, y, x+1, y+1), src, image.Point{}, draw.Over)
			}
		}
	}
}

// sealCharacter draws one character of the bold face centred on (cx, cy), size pixels tall.
func sealCharacter(img *image.RGBA, r rune, size, cx, cy float64, col color.RGBA) {
	raster.Glyph(img, render.Bold, r, size, cx, cy, col)
}
