package scan

import (
	"errors"
	"image"
	"image/color"
	"strings"
	"testing"
)

// a4 is a blank straightened page at DPI, with a red disc of radius r mm at (cx, cy) mm when r > 0.
func a4(cx, cy, r float64) *image.NRGBA {
	s := DPI / 25.4
	img := image.NewNRGBA(image.Rect(0, 0, int(210*s), int(297*s)))
	for y := 0; y < img.Rect.Dy(); y++ {
		for x := 0; x < img.Rect.Dx(); x++ {
			c := color.NRGBA{255, 255, 255, 255}
			if dx, dy := float64(x)/s-cx, float64(y)/s-cy; r > 0 && dx*dx+dy*dy < r*r {
				c = color.NRGBA{200, 30, 40, 255}
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// TestAssign: a picture the matching put on the wrong page is put on the page the user says;
// its seal is measured in that page's box, missing and twice are told again, and the user's
// choice wins over a clearer match of the same page.
func TestAssign(t *testing.T) {
	e := engine(t)
	county, box := -1, rect{}
	for i, m := range e.pages {
		for _, o := range m.Opinions {
			if o.Which == Opinion(1) {
				county, box = i, o.Box
			}
		}
	}
	if county < 1 {
		t.Fatalf("no county box found in %d pages", len(e.pages))
	}
	cx, cy := (box.X0+box.X1)/2, (box.Y0+box.Y1)/2
	wrong := &Straight{Source: "county.jpg", Found: true, Page: 0, Fine: 0.6, Seal: noSeals(), Image: a4(cx, cy, 20)}
	clear := &Straight{Source: "first.jpg", Found: true, Page: 0, Fine: 0.9, Seal: noSeals(), Image: a4(0, 0, 0)}

	r := e.Assemble([]*Straight{wrong, clear})
	if r.Pages[0] != clear || !has(r, "第1页", "2 次") || !has(r, e.PageName(county), "缺少") {
		t.Fatalf("before: page 1 holds %v, findings %v", r.Pages[0], r.Findings)
	}
	if err := e.Assign(wrong, county); err != nil {
		t.Fatal(err)
	}
	if !wrong.Manual || wrong.Page != county || wrong.Seal[Opinion(1)] < SealArea {
		t.Fatalf("assigned: page %d manual %v seal %v", wrong.Page, wrong.Manual, wrong.Seal)
	}
	r = e.Assemble([]*Straight{wrong, clear})
	if r.Pages[county] != wrong || r.Pages[0] != clear {
		t.Errorf("after: page 1 holds %v, page %d holds %v", r.Pages[0], county+1, r.Pages[county])
	}
	if has(r, "第1页", "2 次") || has(r, e.PageName(county), "") {
		t.Errorf("after: findings %v", r.Findings)
	}

	// Put on page 1 by hand, the unclear picture is kept over the clearer match.
	if err := e.Assign(wrong, 0); err != nil {
		t.Fatal(err)
	}
	r = e.Assemble([]*Straight{clear, wrong})
	if r.Pages[0] != wrong || !has(r, "第1页", "手动指定的一张") || !has(r, e.PageName(county), "缺少") {
		t.Errorf("by hand on page 1: holds %v, findings %v", r.Pages[0].Source, r.Findings)
	}

	for _, c := range []struct {
		st   *Straight
		page int
	}{{clear, -1}, {clear, e.Pages()}, {&Straight{Source: "blank.jpg", Page: -1}, 0}, {nil, 0}} {
		if err := e.Assign(c.st, c.page); !errors.Is(err, ErrCannotAssign) {
			t.Errorf("Assign(%v, %d) = %v", c.st, c.page, err)
		}
	}
}

// has tells whether a finding's path starts with path and its message holds text.
func has(r Result, path, text string) bool {
	for _, f := range r.Findings {
		if strings.HasPrefix(f.Path, path) && strings.Contains(f.Message, text) {
			return true
		}
	}
	return false
}
