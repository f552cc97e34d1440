package raster

import (
	"image"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// dark counts the pixels darker than mid-grey in r.
func dark(img image.Image, r image.Rectangle) int {
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c, _, _, _ := img.At(x, y).RGBA(); c < 0x8000 {
				n++
			}
		}
	}
	return n
}

// A page drawn at a dpi is the page's size at that dpi, inked inside its boxes (text, rules,
// the photo) and blank in the margins.
func TestPageInksTheBoxesOnly(t *testing.T) {
	pages, err := render.Layout(forms.Sample(forms.Default()), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, dpi := range []float64{72, 150} {
		img, err := Page(pages[0], dpi)
		if err != nil {
			t.Fatal(err)
		}
		s := dpi / 72
		if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w < int(render.PageWidth*s) || h < int(render.PageHeight*s) || w > int(render.PageWidth*s)+1 {
			t.Errorf("%g dpi: %d × %d px", dpi, w, h)
		}
		px := func(v float64) int { return int(v * s) }
		margin := image.Rect(0, 0, px(render.MarginLeft)-2, img.Bounds().Dy())
		if n := dark(img, margin); n != 0 {
			t.Errorf("%g dpi: %d dark pixels in the left margin", dpi, n)
		}
		for _, b := range pages[0].Boxes {
			if b.Kind != render.TextBox || b.Cell < 0 {
				continue
			}
			r := image.Rect(px(b.X), px(b.Y), px(b.X+b.W)+1, px(b.Y+b.H)+1)
			if dark(img, r) == 0 {
				t.Errorf("%g dpi: no ink where %q is printed", dpi, b.Text)
			}
		}
	}
}

// A scale that would make a page of billions of pixels is clamped.
func TestDrawIsBounded(t *testing.T) {
	img, err := Draw(render.Page{Width: render.PageWidth, Height: render.PageHeight}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if n := img.Bounds().Dx() * img.Bounds().Dy(); n > MaxPixels+10000 {
		t.Errorf("%d pixels drawn, limit %d", n, MaxPixels)
	}
}

// Line draws the words in the grey asked, on white, as wide as the layout measures them.
func TestLine(t *testing.T) {
	pic, err := Line(render.DraftMark, render.Bold, 20, 2, 0.5)
	if err != nil {
		t.Fatal(err)
	}
	w := 0.0
	for _, c := range render.DraftMark {
		w += render.FontMeasurer().Advance(render.Bold, c, 20)
	}
	if got := pic.Bounds().Dx(); got < int(w*2) || got > int(w*2)+1 {
		t.Errorf("width %d px, want %.0f", got, w*2)
	}
	darkest := uint8(255)
	for _, v := range pic.Pix {
		darkest = min(darkest, v)
	}
	if darkest < 125 || darkest > 131 {
		t.Errorf("darkest %d, want the grey 128", darkest)
	}
	if _, err := Line(render.DraftMark, render.Bold, 1e6, 10, 0); err == nil {
		t.Error("a line of gigapixels drawn")
	}
}
