package app

import (
	"testing"

	"golang.org/x/image/font/sfnt"
)

// Digits and Latin letters come from the same serif face as the Chinese, in the fields and in
// the long-text editor (both draw with the theme's regular face): the UI font must hold them,
// or Fyne would borrow its own sans-serif for "2024" in the middle of a paragraph.
func TestDigitsInTheUIFont(t *testing.T) {
	f, err := sfnt.Parse(uiFontData)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for r := rune(0x21); r < 0x7f; r++ {
		if gi, _ := f.GlyphIndex(&b, r); gi == 0 {
			t.Errorf("the UI font lacks %q", r)
		}
	}
	for _, r := range "０１２３４５６７８９．，：；（）—…、。“”" {
		if gi, _ := f.GlyphIndex(&b, r); gi == 0 {
			t.Errorf("the UI font lacks %q", r)
		}
	}
}
