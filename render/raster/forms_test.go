package raster

import (
	"image"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/render"
)

// The preview of every form inks each text where the layout prints it, nothing in the left
// margin, and the tick of a chosen box inside that box, which is empty when nothing is chosen.
func TestEveryFormPreview(t *testing.T) {
	const dpi = 100
	s := dpi / 72.0
	px := func(v float64) int { return int(v * s) }
	for _, def := range formstest.Definitions(t) {
		d := forms.Sample(def)
		unticked := d.Clone()
		for _, p := range boxPaths(d) {
			unticked.Set(p, "")
		}
		pages, err := render.Layout(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		empty, err := render.Layout(unticked, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		ticks := 0
		for k, p := range pages {
			img, err := Page(p, dpi)
			if err != nil {
				t.Fatal(err)
			}
			if n := dark(img, image.Rect(0, 0, px(render.MarginLeft)-2, img.Bounds().Dy())); n != 0 {
				t.Errorf("%s page %d: %d dark pixels in the left margin", def.ID, k+1, n)
			}
			var blank *image.RGBA
			for _, b := range p.Boxes {
				switch b.Kind {
				case render.TextBox:
					if b.Cell >= 0 && dark(img, image.Rect(px(b.X), px(b.Y), px(b.X+b.W)+1, px(b.Y+b.H)+1)) == 0 {
						t.Errorf("%s page %d: no ink where %q is printed", def.ID, k+1, b.Text)
					}
				case render.TickBox:
					ticks++
					if blank == nil {
						if blank, err = Page(empty[k], dpi); err != nil {
							t.Fatal(err)
						}
					}
					in := image.Rect(px(b.X+b.W*0.2), px(b.Y+b.H*0.2), px(b.X+b.W*0.8), px(b.Y+b.H*0.8))
					area := in.Dx() * in.Dy()
					if with, without := dark(img, in), dark(blank, in); with < area/8 || without > area/50 {
						t.Errorf("%s: %s: %d of %d pixels inked inside the ticked □, %d inside the empty one", def.ID, b.Path, with, area, without)
					}
				}
			}
		}
		want := 0
		for _, p := range boxPaths(d) {
			if d.Get(p) != "" {
				want++
			}
		}
		if ticks != want {
			t.Errorf("%s: %d ticks, want %d", def.ID, ticks, want)
		}
	}
}

// boxPaths are the paths of the draft's choices printed as boxes: a field's, or a table
// column's in every filled row.
func boxPaths(d *forms.Draft) []string {
	var out []string
	for _, b := range d.Form().Blocks {
		for _, f := range b.Fields {
			if f.Kind != forms.BoxChoice {
				continue
			}
			rows := []int{0}
			if b.Kind == forms.TableBlock {
				rows = d.FilledRows(b)
			}
			for _, r := range rows {
				out = append(out, forms.Path(b, f, r))
			}
		}
	}
	return out
}
