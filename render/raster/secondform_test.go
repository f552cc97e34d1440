package raster

import (
	"image"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// The preview of the 江西 职称评审表's sample as the app shows it: the tick in 正常's □ and none
// in 破格's, the periods of the dated table, the declaration's lines, and （一）基本情况 heading
// its page.
func TestSecondFormPreview(t *testing.T) {
	def, ok := forms.ShippedByID("jiangxi-zcps-2017")
	if !ok {
		t.Fatal("no built-in form jiangxi-zcps-2017")
	}
	pages, err := render.Layout(forms.Sample(def), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const dpi = 150
	s := dpi / 72.0
	px := func(v float64) int { return int(v * s) }
	inked := func(img *image.RGBA, b render.Box) bool {
		return dark(img, image.Rect(px(b.X), px(b.Y), px(b.X+b.W)+1, px(b.Y+b.H)+1)) > 0
	}
	find := func(p render.Page, text string) (render.Box, bool) {
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox && strings.HasPrefix(b.Text, text) {
				return b, true
			}
		}
		return render.Box{}, false
	}
	m := render.FontMeasurer()
	width := func(s string, size float64) float64 {
		w := 0.0
		for _, r := range s {
			w += m.Advance(render.Regular, r, size)
		}
		return w
	}
	seen := map[string]bool{}
	for k, p := range pages {
		img, err := Page(p, dpi)
		if err != nil {
			t.Fatal(err)
		}
		if line, ok := find(p, "正常 "+render.BoxMark); ok {
			seen["boxes"] = true
			for choice, ticked := range map[string]bool{"正常": true, "破格": false} {
				x := line.X + width(line.Text[:strings.Index(line.Text, choice+" ")+len(choice+" ")], line.Size)
				box := width(render.BoxMark, line.Size)
				in := image.Rect(px(x+box*0.3), px(line.Baseline-line.Size*0.6), px(x+box*0.7), px(line.Baseline-line.Size*0.2))
				if n := dark(img, in); ticked && n < in.Dx()*in.Dy()/8 || !ticked && n > 0 {
					t.Errorf("%s's □: %d of %d pixels inked, ticked %v", choice, n, in.Dx()*in.Dy(), ticked)
				}
			}
		}
		for _, text := range []string{"2004.09—2008.07", "2013.09—至今", "本人承诺所填内容均属实。", "本人签字："} {
			if b, ok := find(p, text); ok {
				seen[text] = true
				if !inked(img, b) {
					t.Errorf("page %d: %q not drawn", k+1, text)
				}
			}
		}
		if b, ok := find(p, "（一）基本情况"); ok {
			seen["（一）"] = true
			if b.Y > render.MarginTop+render.PadY+1 || !inked(img, b) {
				t.Errorf("page %d: （一）基本情况 at %.1f pt, not heading the page", k+1, b.Y)
			}
		}
	}
	for _, want := range []string{"boxes", "2004.09—2008.07", "2013.09—至今", "本人承诺所填内容均属实。", "本人签字：", "（一）"} {
		if !seen[want] {
			t.Errorf("the preview has no %s", want)
		}
	}
}
