package render

import (
	"strings"
	"testing"

	"shenbao/forms"
)

const boxFirstForm = `format = "shenbao-form"
format_version = 1
id = "box-first"
version = 1
title = "方框在前的表"

[roles]
applicant_name = "a.name"

[[blocks]]
key = "a"
label = "申报人"
nav = "申报人"
kind = "fields"

  [[blocks.fields]]
  key = "name"
  label = "姓名"
  kind = "text"
  row = 0
  label_mm = 20
  value_mm = 40

  [[blocks.fields]]
  key = "gender"
  label = "性别"
  kind = "boxes"
  choices = ["男", "女"]
  box_first = true
  row = 0
  label_mm = 20
  value_mm = 66.5

  [[blocks.fields]]
  key = "category"
  label = "申报类别"
  kind = "boxes"
  choices = ["正常", "破格"]
  box_first = true
  label_inside = true
  row = 1
  value_mm = 146.5
`

// Boxes printed before their choices (box_first: □男 ☑女) put the tick on the box before the
// chosen choice, and a label printed inside the cell (label_inside) comes before the boxes.
func TestBoxesFirst(t *testing.T) {
	def, err := forms.ParseDefinition([]byte(boxFirstForm), "box-first.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := forms.New(def)
	d.Set("a.gender", "女")
	d.Set("a.category", "破格")
	pages := layoutOf(t, d, false)
	found := map[string]bool{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != TickBox {
				continue
			}
			for _, o := range p.Boxes {
				if o.Kind != TextBox || o.Cell != b.Cell || o.Y > b.Y || o.Y+o.H < b.Y+b.H {
					continue
				}
				x, from := o.X, ""
				for _, r := range o.Text { // from the rune the tick's left edge is in
					adv := FontMeasurer().Advance(Regular, r, o.Size)
					if x+adv > b.X+tol {
						from += string(r)
					}
					x += adv
				}
				want := BoxItemFirst(d.Get(b.Path))
				if !strings.HasPrefix(from, want) {
					t.Errorf("tick of %s on %q of %q, want on the □ of %q", b.Path, from, o.Text, want)
				}
				if b.Path == "a.category" && !strings.HasPrefix(o.Text, "申报类别：") {
					t.Errorf("category's line %q does not start with its label", o.Text)
				}
				found[b.Path] = true
			}
		}
	}
	if !found["a.gender"] || !found["a.category"] {
		t.Errorf("ticks found: %v", found)
	}
}
