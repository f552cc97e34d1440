package scan

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// ptMM is a millimetre in render's unit (points).
const ptMM = 72 / 25.4

// shiftBoxes moves the boxes of page that keep(b) chooses by dx, dy mm.
func shiftBoxes(p *render.Page, dx, dy float64, keep func(render.Box) bool) {
	for i := range p.Boxes {
		b := &p.Boxes[i]
		if keep(*b) {
			b.X += dx * ptMM
			b.Y += dy * ptMM
			b.Baseline += dy * ptMM
		}
	}
}

// olderPrint is one old printout of the sample's first page: another version of its text or
// of the program's layout.
type olderPrint struct {
	name     string
	draft    func(*forms.Draft)
	relayout func([]render.Page)
	// lines are what the draft prints on the lines that differ: the finding names one of
	// them; nil: the page is this draft's (no finding).
	lines []string
}

// rowTaller makes the row of page 0 whose top is at y pt taller by d mm: everything below
// moves down.
func rowTaller(y, d float64) func([]render.Page) {
	return func(pages []render.Page) {
		p := &pages[0]
		for i := range p.Boxes {
			b := &p.Boxes[i]
			if b.Kind == render.CellBox && b.Y < y-0.1 && math.Abs(b.Y+b.H-y) < 0.1 {
				b.H += d * ptMM
			}
		}
		shiftBoxes(p, 0, d, func(b render.Box) bool { return b.Y >= y-0.1 })
	}
}

// textLower prints page 0's text d mm lower in its cells (another padding), the rules where
// they are.
func textLower(d float64) func([]render.Page) {
	return func(pages []render.Page) {
		shiftBoxes(&pages[0], 0, d, func(b render.Box) bool { return b.Kind == render.TextBox && b.Y > 100 })
	}
}

// lowerRows are the lines page 0 prints below from pt: the row made taller, whose text the
// model (fitted to the rules) moves, and the rows below it.
func lowerRows(t *testing.T, from float64) []string {
	var out []string
	m := engine(t).pages[0]
	for i, r := range m.Text {
		if r.Y0 > from/ptMM {
			out = append(out, m.Words[i])
		}
	}
	return out
}

// TestOlderPrintouts: an old printout of the page laid out otherwise is caught as one where
// it reads clearly, naming a line that differs: the text set lower in its cells, a row
// taller (the model, fitted to the rules, bends to put a row's rules where the draft has
// them and its text with them); the page printed whole a little off on the paper (another
// printer) is the page.
func TestOlderPrintouts(t *testing.T) {
	e := engine(t)
	all := e.pages[0].Words
	cases := []olderPrint{
		{"text 1 mm lower in its cells", nil, textLower(1), all},
		{"a row 2 mm taller", nil, rowTaller(286.8, 2), lowerRows(t, 234.1)},
		{"a row 1 mm taller", nil, rowTaller(286.8, 1), lowerRows(t, 234.1)},
		{"text 0.8 mm lower in its cells", nil, textLower(0.8), all},
		{"text 3 mm lower in its cells", nil, textLower(3), all},
		{"printed 3 mm lower, 2 mm right", nil, func(p []render.Page) {
			shiftBoxes(&p[0], 2, 3, func(render.Box) bool { return true })
		}, nil},
	}
	everyday := plainPhone(1500, 2000)
	effectNamed(t, "everyday: curl, lens, light, JPEG").set(&everyday)
	for k, c := range cases {
		d := forms.Sample(forms.Default())
		if c.draft != nil {
			c.draft(d)
		}
		pages, err := rasteriseLaidOut(d, c.relayout)
		if err != nil {
			t.Fatal(err)
		}
		for j, ph := range []phone{plainPhone(1200, 1600), everyday} {
			rng := rand.New(rand.NewPCG(24, uint64(300+10*k+j)))
			data, _ := photographPhone(pages[0], nil, ph, rng)
			if debugDir != "" {
				dump(t, strings.ReplaceAll(c.name, " ", "_")+[]string{"-plain.png", "-everyday.png"}[j], decodeJPEG(t, data))
			}
			if os.Getenv("SCAN_DBG") != "" {
				debugStretch = func(line string, v stretchRead) {
					if slices.Contains(c.lines, line) {
						t.Logf("   %q %+v", line, v)
					}
				}
			}
			st := e.Straighten("p.jpg", decodeJPEG(t, data))
			debugStretch = nil
			got := findingOf(e, st)
			t.Logf("%s (%d): page %d near %d, fine %.3f worst %.3f %q unread %.2f residual %.2f: %s", c.name, j, st.Page+1, st.Near+1, st.Fine, st.Worst, st.WorstLine, st.Unread, st.Residual, got)
			switch {
			case c.lines == nil && (st.Page != 0 || got != ""):
				t.Errorf("%s (%d): page %d, %q", c.name, j, st.Page+1, got)
			case c.lines != nil && !strings.HasPrefix(got, "这一页不是这份草稿打印出来的"):
				t.Errorf("%s (%d): %q, want an older printout", c.name, j, got)
			case c.lines != nil && !slices.ContainsFunc(c.lines, func(l string) bool { return strings.Contains(got, "“"+l+"”") }):
				t.Errorf("%s (%d): the finding names none of the lines that differ %q: %s", c.name, j, c.lines, got)
			}
		}
	}
}

// findingOf is the finding about st's picture, "" none.
func findingOf(e *Engine, st *Straight) string {
	for _, f := range e.Assemble([]*Straight{st}).Findings {
		if f.Path == st.Source {
			return f.Message
		}
	}
	return ""
}
