package app

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"shenbao/forms"
)

// TestMain set the machine to English; Fyne's own strings are Chinese anyway, in our words.
func TestFyneSpeaksChinese(t *testing.T) {
	for in, want := range map[string]string{"OK": "确定", "Cancel": "取消", "Yes": "是", "No": "否",
		"Open": "打开", "Save": "保存", "Quit": "退出", "Copy": "复制", "Paste": "粘贴", "Select all": "全选"} {
		if got := lang.L(in); got != want {
			t.Errorf("%s → %q, want %q", in, got, want)
		}
	}
	if os.Getenv("LC_ALL") != "en_US.UTF-8" {
		t.Errorf("the locale of the process was changed: LC_ALL=%q", os.Getenv("LC_ALL"))
	}
}

// Bold is a font subset: every heading the app sets in bold must fit it, or it falls back
// to regular (heading checks).
func TestHeadingsFitTheBoldSubset(t *testing.T) {
	for _, b := range forms.Default().Blocks {
		if b.Nav != "" && !boldFits(b.Nav) {
			t.Errorf("nav %q is not in the bold subset", b.Nav)
		}
		if b.Kind != forms.OpinionBlock && !boldFits(b.Name()) {
			t.Errorf("label %q is not in the bold subset", b.Name())
		}
	}
	if boldFits("堃") {
		t.Skip("the subset grew: the fallback is not exercised")
	}
}

// icon.png at the root is what IconPNG draws (regenerate with go run ./app/internal/genicon).
func TestIconFileIsTheDrawnIcon(t *testing.T) {
	data, err := os.ReadFile("../icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, IconPNG(512)) {
		t.Error("icon.png differs from IconPNG(512): run go run ./app/internal/genicon")
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds() != image.Rect(0, 0, 512, 512) {
		t.Errorf("icon %v", img.Bounds())
	}
	if _, _, _, a := img.At(2, 2).RGBA(); a != 0 {
		t.Error("the corner is not transparent")
	}
	r, g, b, _ := img.At(256, 20).RGBA()
	if r>>8 < 150 || g>>8 > 80 || b>>8 > 80 {
		t.Errorf("the seal is not red at the top: %d %d %d", r>>8, g>>8, b>>8)
	}
	if r, g, b, _ := img.At(256, 44).RGBA(); r>>8 < 200 || g>>8 < 200 || b>>8 < 200 {
		t.Errorf("no white ring inside the seal: %d %d %d", r>>8, g>>8, b>>8)
	}
	white := 0
	for y := 180; y < 330; y++ {
		for x := 180; x < 330; x++ {
			if r, g, b, _ := img.At(x, y).RGBA(); r>>8 > 200 && g>>8 > 200 && b>>8 > 200 {
				white++
			}
		}
	}
	if white < 2000 {
		t.Errorf("申 drawn with %d white pixels", white)
	}
}
