package render

import (
	"math"
	"slices"
	"strings"
	"testing"

	"shenbao/fonts"
	"shenbao/forms"
	"shenbao/forms/formstest"
)

// formDrafts are the sample and the blank form of every definition, by "<id> sample" and
// "<id> blank".
func formDrafts(t testing.TB) map[string]*forms.Draft {
	out := map[string]*forms.Draft{}
	for _, def := range formstest.Definitions(t) {
		out[def.ID+" sample"] = forms.Sample(def)
		out[def.ID+" blank"] = forms.New(def)
	}
	return out
}

// TestEveryFormLaysOut: every form's sample and blank form keep the layout's invariants, print
// every label and value, and put the ticks, page breaks and set wording where the form says.
func TestEveryFormLaysOut(t *testing.T) {
	for name, d := range formDrafts(t) {
		t.Run(name, func(t *testing.T) {
			pages := layoutOf(t, d, false)
			checkPages(t, pages)
			checkFooters(t, pages)
			checkCellsApart(t, pages)
			checkRowsStartLeft(t, pages)
			checkFormLabels(t, d, pages)
			checkFormValues(t, d, pages)
			checkTicks(t, d, pages)
			checkPageBreaks(t, d, pages)
			checkSignedBoxes(t, d, pages)
		})
	}
}

// formLabels is the form's own text a layout prints, each on one line without spaces: the
// title, block and field labels (as LabelLines breaks them, joined), 序号, the choices with
// their boxes, hints, set wording, signature, stamp and date lines.
func formLabels(d *forms.Draft) []string {
	form := d.Form()
	out := []string{form.Title}
	add := func(s string) {
		if s = stripSpace(strings.ReplaceAll(s, "\n", "")); s != "" {
			out = append(out, s)
		}
	}
	for _, b := range form.Blocks {
		if !b.Grid() {
			add(b.Label)
		}
		add(b.Hint)
		add(b.Sub)
		add(b.Text)
		add(b.Sign)
		if b.Kind == forms.TableBlock && b.LabelMM > 0 {
			add(SerialLabel)
		}
		if b.Kind == forms.OpinionBlock || b.Kind == forms.DeclarationBlock {
			if stamp, dated := footLines(b); stamp {
				add(form.Stamp)
			} else if dated {
				add(form.Date)
			}
		}
		for _, f := range b.Fields {
			switch {
			case f.Kind == forms.Picture:
				if d.Photo == nil {
					add(f.Label)
				}
			case b.Kind == forms.TextBlock || b.Grid() && f.LabelMM == 0:
			default:
				add(f.Label)
			}
			if f.Kind == forms.BoxChoice {
				for _, c := range f.Choices {
					add(BoxItem(c))
				}
			}
		}
	}
	return out
}

func checkFormLabels(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	all := allText(pages)
	for _, want := range formLabels(d) {
		if !strings.Contains(all, want) {
			t.Errorf("%q is not printed", clip(want))
		}
	}
}

// checkFormValues: the text boxes of each field path spell its printed value; a choice
// printed as boxes prints its boxes there; a block left blank prints nothing of the draft.
func checkFormValues(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	byPath := map[string]string{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Path != "" {
				byPath[b.Path] += b.Text
			}
		}
	}
	for _, b := range d.Form().Blocks {
		for _, f := range b.Fields {
			rows := []int{0}
			if b.Kind == forms.TableBlock {
				rows = d.FilledRows(b)
			}
			for _, r := range rows {
				path := forms.Path(b, f, r)
				want := stripSpace(printable(clean(forms.Display(f, d.Get(path)), true)))
				got := stripSpace(byPath[path])
				switch {
				case f.Kind == forms.Picture:
					continue
				case b.LeaveBlank:
					want = ""
				case f.Kind == forms.BoxChoice:
					var boxes string
					for _, c := range f.Choices {
						boxes += BoxItem(c)
					}
					if !contains(f.Choices, strings.TrimSpace(d.Get(path))) {
						boxes += want
					}
					want = stripSpace(boxes)
				}
				if got != want {
					t.Errorf("%s printed as %q, want %q", path, clip(got), clip(want))
				}
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkTicks: a choice printed as boxes has one tick, on the □ after the chosen choice, inside
// that □'s ink; none when nothing (or something else) is chosen.
func checkTicks(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	ticks := map[string][]Box{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != TickBox {
				continue
			}
			ticks[b.Path] = append(ticks[b.Path], b)
			var line *Box
			for i, o := range p.Boxes {
				if o.Kind == TextBox && o.Cell == b.Cell && o.Y <= b.Y && o.Y+o.H >= b.Y+b.H {
					line = &p.Boxes[i]
				}
			}
			if line == nil {
				t.Errorf("tick of %s is on no line of its cell", b.Path)
				continue
			}
			// what the line prints up to the tick ends with the chosen choice and its □
			x, upto := line.X, ""
			for _, r := range line.Text {
				if x > b.X {
					break
				}
				upto += string(r)
				x += FontMeasurer().Advance(Regular, r, line.Size)
			}
			chosen := strings.TrimSpace(d.Get(b.Path))
			if !strings.HasSuffix(upto, BoxItem(chosen)) {
				t.Errorf("tick of %s after %q, want after %q", b.Path, upto, BoxItem(chosen))
			}
			if b.W < line.Size/2 || b.H < line.Size/2 || b.X+b.W > x+tol {
				t.Errorf("tick of %s is %.1f × %.1f pt, not in its □", b.Path, b.W, b.H)
			}
		}
	}
	for _, bp := range boxPaths(d) {
		want := 0
		if contains(bp.f.Choices, strings.TrimSpace(d.Get(bp.path))) && !bp.b.LeaveBlank {
			want = 1
		}
		if len(ticks[bp.path]) != want {
			t.Errorf("%s has %d ticks, want %d", bp.path, len(ticks[bp.path]), want)
		}
	}
}

// boxPath is a choice printed as boxes: a field's, or a table column's in a filled row.
type boxPath struct {
	path string
	b    forms.Block
	f    forms.Field
}

func boxPaths(d *forms.Draft) []boxPath {
	var out []boxPath
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
				out = append(out, boxPath{forms.Path(b, f, r), b, f})
			}
		}
	}
	return out
}

// checkPageBreaks: a block that starts a new page (but the first) prints its first row at the
// top of a page.
func checkPageBreaks(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	tb, err := BuildTable(d)
	if err != nil {
		t.Fatal(err)
	}
	tops := map[string]bool{} // the first line of every cell that starts a page
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Cell >= 0 && math.Abs(p.Boxes[b.Cell].Y-MarginTop) < tol {
				tops[b.Text] = true
			}
		}
	}
	breaks := 0
	for i, r := range tb.Rows {
		if !r.NewPage {
			continue
		}
		breaks++
		b := d.Form().Blocks[r.Block]
		if !b.PageBreak || i > 0 && tb.Rows[i-1].Block == r.Block {
			t.Errorf("row %d: NewPage, but it is not the first row of a block with page_break", i)
		}
		first := firstLine(r.Cells[0].Content, r.Cells[0].W)
		if i > 0 && !tops[first] {
			t.Errorf("%s does not start a page (its first line %q)", b.Name(), first)
		}
	}
	want := 0
	for _, b := range d.Form().Blocks {
		if b.PageBreak {
			want++
		}
	}
	if breaks != want {
		t.Errorf("%d rows start a page, the form asks for %d", breaks, want)
	}
}

// firstLine is the first line a cell prints.
func firstLine(c Content, w float64) string {
	var ls []line
	ts := typesetter{FontMeasurer()}
	switch c.Kind {
	case Label:
		ls = ts.label(c.Text, w-2*PadX)
	case Heading:
		ls = ts.heading(c.Text, w-2*PadX)
	case Note:
		ls = ts.plain(c.Paras[0], Regular, TableSize, 1, w-2*PadX, alignLeft, "")
	}
	if len(ls) == 0 || len(ls[0].segs) == 0 {
		return ""
	}
	return ls[0].segs[0].text
}

// checkSignedBoxes: an opinion box or a declaration prints, in one cell and in this order, its
// set wording, the clear height, then at the right the signature line, the stamp line (only
// where a seal goes) and the date line.
func checkSignedBoxes(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	form := d.Form()
	for _, b := range form.Blocks {
		if b.Kind != forms.OpinionBlock && b.Kind != forms.DeclarationBlock {
			continue
		}
		stamp, dated := footLines(b)
		var foot []string
		for _, l := range []struct {
			on   bool
			text string
		}{{b.Sign != "", b.Sign}, {stamp, form.Stamp}, {dated, form.Date}} {
			if l.on {
				foot = append(foot, l.text)
			}
		}
		if len(foot) == 0 {
			continue
		}
		found := false
		for _, p := range pages {
			for i, last := range p.Boxes {
				if last.Kind != TextBox || last.Text != foot[len(foot)-1] || !cellHolds(p, last.Cell, b) {
					continue
				}
				found = true
				c := p.Boxes[last.Cell]
				y := c.Y
				var above float64 // the lowest text above the foot lines
				for _, o := range p.Boxes[last.Cell+1 : i] {
					if o.Kind == TextBox && o.Cell == last.Cell && !contains(foot, o.Text) {
						above = math.Max(above, o.Y+o.H)
					}
				}
				at := 0
				for _, o := range p.Boxes[last.Cell+1 : i+1] {
					if o.Kind != TextBox || o.Cell != last.Cell || !contains(foot, o.Text) {
						continue
					}
					switch {
					case at >= len(foot) || o.Text != foot[at]:
						t.Errorf("%s: %q out of order (want %q)", b.Name(), o.Text, foot)
					case o.Y < y:
						t.Errorf("%s: %q above the line before it", b.Name(), o.Text)
					case o.X < c.X+c.W/3:
						t.Errorf("%s: %q not at the right", b.Name(), o.Text)
					}
					if at == 0 && above > 0 && o.Y-above < BlockClear(b)-tol {
						t.Errorf("%s: %.1f mm clear above %q, want %.1f", b.Name(), PtToMM(o.Y-above), o.Text, PtToMM(BlockClear(b)))
					}
					at, y = at+1, o.Y+o.H
				}
				if at != len(foot) {
					t.Errorf("%s: %d of the lines %q", b.Name(), at, foot)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %q", b.Name(), foot[len(foot)-1])
		}
		if !stamp {
			for _, p := range pages {
				for _, o := range p.Boxes {
					if o.Kind == TextBox && o.Text == form.Stamp && cellHolds(p, o.Cell, b) {
						t.Errorf("%s: a stamp line without a seal", b.Name())
					}
				}
			}
		}
	}
}

// cellHolds reports whether the cell at index cell prints block b: the cell on its left holds
// b's label's first line (a full-width cell, b's set wording).
func cellHolds(p Page, cell int, b forms.Block) bool {
	c := p.Boxes[cell]
	if b.Label == "" {
		return strings.Contains(stripSpace(textsOf(p, cell)), stripSpace(setLines(b.Text)[0]))
	}
	for i, o := range p.Boxes[:cell] {
		if o.Kind == CellBox && math.Abs(o.Y-c.Y) < tol && math.Abs(o.X+o.W-c.X) < tol {
			return strings.HasPrefix(stripSpace(strings.ReplaceAll(b.Label, "\n", "")), stripSpace(firstText(p, i)))
		}
	}
	return false
}

func textsOf(p Page, cell int) string {
	var s string
	for _, b := range p.Boxes {
		if b.Kind == TextBox && b.Cell == cell {
			s += b.Text
		}
	}
	return s
}

// The embedded font has □ but not ☑: a ticked box is □ with a tick drawn in it (TickBox). When
// the font gains ☑, printing it would be simpler.
func TestBoxGlyphs(t *testing.T) {
	if !fonts.Printable([]rune(BoxMark)[0]) || !fonts.BoldHas([]rune(BoxMark)[0]) {
		t.Errorf("the embedded fonts lack %s", BoxMark)
	}
	if fonts.Printable('☑') {
		t.Error("the embedded font has ☑ now: the tick need not be drawn")
	}
}

// A table of the model: a table without a 序号 column (LabelMM 0) starts with its first
// field; a block the applicant leaves blank prints none of the draft's values, even when the
// draft holds some.
func TestTableColumnsAndBlankBlocks(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		d := forms.Sample(def)
		for _, b := range def.Blocks {
			for _, f := range b.Fields {
				if b.LeaveBlank {
					d.Set(forms.Path(b, f, 1), "不应印出")
				}
			}
		}
		tb, err := BuildTable(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range tb.Rows {
			b := def.Blocks[r.Block]
			if b.Kind == forms.TableBlock && r.Role == HeaderRow {
				n, cells := len(b.Fields), r.Cells
				if b.SideMM > 0 { // the table's label at its left, over the heads and the rows
					if c := cells[0]; c.Content.Text != b.Label || c.RowSpan != 1+max(b.Rows, len(forms.Sample(def).FilledRows(b))) && c.RowSpan != 1+b.Rows {
						t.Errorf("%s %s: side cell %q over %d rows", def.ID, b.Name(), c.Content.Text, c.RowSpan)
					}
					cells = cells[1:]
				}
				if b.LabelMM > 0 {
					n++
					if cells[0].Content.Text != SerialLabel {
						t.Errorf("%s %s: first column %q, want %s", def.ID, b.Name(), cells[0].Content.Text, SerialLabel)
					}
				} else if cells[0].Content.Text != b.Fields[0].Label {
					t.Errorf("%s %s: first column %q, want %q (no 序号)", def.ID, b.Name(), cells[0].Content.Text, b.Fields[0].Label)
				}
				if len(cells) != n {
					t.Errorf("%s %s: %d columns, want %d", def.ID, b.Name(), len(cells), n)
				}
			}
			if !b.LeaveBlank {
				continue
			}
			for _, c := range r.Cells {
				if c.Content.Kind == Value && (c.Content.Text != "" || c.Content.Path != "") {
					t.Errorf("%s %s: a blank block prints %q (%s)", def.ID, b.Name(), c.Content.Text, c.Content.Path)
				}
			}
		}
	}
}

// A group's label (外语考试情况 over 年度 and 成绩) prints as one label cell over its rows: in
// the row of the field that prints it, before that field's label, and as the covered part in
// each row below; every form with one is checked, and one shipped form has one.
func TestGroupCellsSpanTheirRows(t *testing.T) {
	seen := 0
	for _, def := range formstest.Definitions(t) {
		tb, err := BuildTable(forms.New(def))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range groupFields(def) {
			seen++
			found := false
			for i, r := range tb.Rows {
				for _, c := range r.Cells {
					if c.Content.Kind != Label || c.Content.Text != f.Group || c.RowSpan != f.GroupSpan {
						continue
					}
					found = true
					for k := 1; k < f.GroupSpan; k++ {
						if !slices.ContainsFunc(tb.Rows[i+k].Cells, func(b Cell) bool { return b.Covered && b.X == c.X && b.W == c.W }) {
							t.Errorf("%s: row %d holds no part of the group %q", def.ID, i+k+1, f.Group)
						}
					}
				}
			}
			if !found {
				t.Errorf("%s: no label cell %q over %d rows", def.ID, f.Group, f.GroupSpan)
			}
		}
	}
	if seen == 0 {
		t.Error("no form has a group to check")
	}
}

func groupFields(def *forms.Definition) []forms.Field {
	var out []forms.Field
	for _, b := range def.Blocks {
		for _, f := range b.Fields {
			if f.GroupSpan > 0 {
				out = append(out, f)
			}
		}
	}
	return out
}
