// Package portrait draws the sample draft's 1-inch photo. Only the generator of
// forms/sample-portrait.jpg and the test that keeps the two equal use it.
package portrait

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"math"
)

// Draw draws a simple passport-style figure: a light blue background, a head and
// shoulders, at 295 × 413 pixels: what the photo pipeline stores (25×35 mm at 300 dpi), so the
// outputs print it as it is. The figure is drawn in a 354 × 496 frame and scaled down to that.
func Draw() []byte {
	const w, h = 295, 413
	const s = 354.0 / w // the drawing's frame over the picture's pixels
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	skin := color.RGBA{238, 200, 170, 255}
	hair := color.RGBA{40, 32, 30, 255}
	suit := color.RGBA{38, 52, 84, 255}
	shirt := color.RGBA{245, 245, 245, 255}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)*s, float64(y)*s
			c := color.RGBA{uint8(120 + 40*fy/496), uint8(170 + 30*fy/496), 230, 255} // backdrop
			switch {
			case inEllipse(fx, fy, 177, 470, 170, 130): // shoulders
				c = suit
				if math.Abs(fx-177) < 40-0.6*(fy-360) && fy > 360 {
					c = shirt
				}
			case inEllipse(fx, fy, 177, 350, 34, 60): // neck
				c = skin
			case inEllipse(fx, fy, 177, 205, 82, 104) && fy < 170: // hair above the face
				c = hair
			case inEllipse(fx, fy, 177, 225, 74, 96): // face
				c = skin
				if inEllipse(fx, fy, 150, 220, 8, 5) || inEllipse(fx, fy, 204, 220, 8, 5) {
					c = hair // eyes
				}
				if inEllipse(fx, fy, 177, 282, 18, 4) {
					c = color.RGBA{190, 100, 100, 255} // mouth
				}
			case inEllipse(fx, fy, 177, 215, 90, 118) && fy < 260: // hair at the sides
				c = hair
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		panic(err) // encoding to memory cannot fail
	}
	return buf.Bytes()
}

func inEllipse(x, y, cx, cy, rx, ry float64) bool {
	dx, dy := (x-cx)/rx, (y-cy)/ry
	return dx*dx+dy*dy <= 1
}
