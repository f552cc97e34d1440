package scan

import (
	"math"
	"sort"
	"unicode"

	"shenbao/forms"
	"shenbao/render"
)

// Page sizes in millimetres: everything in this package measures the page in mm from its
// top-left corner, as a ruler on the paper would.
const (
	pageW = 210.0
	pageH = 297.0
)

// rect is a rectangle on the page in mm.
type rect struct{ X0, Y0, X1, Y1 float64 }

func (r rect) w() float64 { return r.X1 - r.X0 }
func (r rect) h() float64 { return r.Y1 - r.Y0 }

// rule is one straight table line on the page: horizontal (at Pos = y, from A to B in x) or
// vertical (at Pos = x, from A to B in y). Collinear cell edges are merged into one rule.
type rule struct {
	Pos, A, B float64
}

// pageModel is what one printed page of the draft looks like, read off render's layout: the
// table's rules and corners, where text is, and which opinion boxes it holds.
type pageModel struct {
	Table    rect
	H, V     []rule   // horizontal and vertical rules
	Junction []point  // cell corners, where a horizontal and a vertical rule meet
	Text     []rect   // ink boxes of the text lines
	Words    []string // what each of them prints
	Glyphs   [][]rect // each text line's characters (blanks left out): where each prints
	Pictures []rect   // the 1-inch photo
	Opinions []opinionBox
}

// Opinion is one of the form's boxes that take a seal (forms.Definition.Sealed), numbered in
// the form's order: the stamp lines are found on the pages in that order.
type Opinion int

// MaxSealBoxes bounds the boxes with a seal a form may have for the scan step; a form with more
// is judged on its first ones.
const MaxSealBoxes = 8

// SealBox is what the form says of a box that takes a seal.
type SealBox struct {
	Name   string // the box's label on one line (所在学校推荐意见)
	Needed bool   // the seal must be there: a 错误 without it
	Blank  bool   // the applicant leaves the box blank (the bureau's own): a seal there is a 提醒
}

// sealBoxes are the form's boxes that take a seal, in order.
func sealBoxes(form *forms.Definition) []SealBox {
	var out []SealBox
	for _, b := range form.Sealed() {
		if len(out) == MaxSealBoxes {
			break
		}
		out = append(out, SealBox{Name: b.Name(), Needed: b.SealNeeded, Blank: b.LeaveBlank})
	}
	return out
}

type opinionBox struct {
	Which Opinion
	SealBox
	Box rect // the content cell, where the seal goes
}

// models lays the draft out as the export prints it and returns each page's model.
func models(d *forms.Draft) ([]pageModel, error) {
	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		return nil, err
	}
	out := make([]pageModel, len(pages))
	boxes := sealBoxes(d.Form())
	opinion := Opinion(0)
	for i, p := range pages {
		out[i] = modelOf(p, d.Form().Stamp, boxes, &opinion)
	}
	return out, nil
}

func mmRect(b render.Box) rect {
	x0, y0, x1, y1 := b.Rect()
	return rect{render.PtToMM(x0), render.PtToMM(y0), render.PtToMM(x1), render.PtToMM(y1)}
}

// modelOf reads one page; stamp is the form's stamp line, boxes the form's boxes that take a
// seal, next the one that comes next (the stamp lines are found in order, so the first on the
// pages is the first box's).
func modelOf(p render.Page, stamp string, boxes []SealBox, next *Opinion) pageModel {
	var m pageModel
	var cells []rect
	for _, b := range p.Boxes {
		switch b.Kind {
		case render.CellBox:
			cells = append(cells, mmRect(b))
		case render.ImageBox:
			m.Pictures = append(m.Pictures, mmRect(b))
		case render.TextBox:
			m.Text = append(m.Text, mmRect(b))
			m.Words = append(m.Words, b.Text)
			m.Glyphs = append(m.Glyphs, glyphsOf(b))
			if b.Text == stamp && b.Cell >= 0 && int(*next) < len(boxes) {
				m.Opinions = append(m.Opinions, opinionBox{Which: *next, SealBox: boxes[*next], Box: mmRect(p.Boxes[b.Cell])})
				*next++
			}
		}
	}
	if len(cells) == 0 {
		return m
	}
	m.Table = cells[0]
	var hs, vs []rule
	for _, c := range cells {
		m.Table = rect{min(m.Table.X0, c.X0), min(m.Table.Y0, c.Y0), max(m.Table.X1, c.X1), max(m.Table.Y1, c.Y1)}
		hs = append(hs, rule{c.Y0, c.X0, c.X1}, rule{c.Y1, c.X0, c.X1})
		vs = append(vs, rule{c.X0, c.Y0, c.Y1}, rule{c.X1, c.Y0, c.Y1})
		m.Junction = append(m.Junction, point{c.X0, c.Y0}, point{c.X1, c.Y0}, point{c.X0, c.Y1}, point{c.X1, c.Y1})
	}
	m.H, m.V = mergeRules(hs), mergeRules(vs)
	m.Junction = uniquePoints(m.Junction)
	return m
}

// mergeRules joins cell edges on the same line into one rule per line (the union of their
// extents, which are contiguous in a table).
func mergeRules(rs []rule) []rule {
	sort.Slice(rs, func(i, j int) bool {
		if math.Abs(rs[i].Pos-rs[j].Pos) > 0.05 {
			return rs[i].Pos < rs[j].Pos
		}
		return rs[i].A < rs[j].A
	})
	var out []rule
	for _, r := range rs {
		if n := len(out); n > 0 && math.Abs(out[n-1].Pos-r.Pos) <= 0.05 && r.A <= out[n-1].B+0.05 {
			out[n-1].B = max(out[n-1].B, r.B)
			continue
		}
		out = append(out, r)
	}
	return out
}

func uniquePoints(ps []point) []point {
	seen := map[[2]int64]bool{}
	var out []point
	for _, p := range ps {
		k := [2]int64{int64(math.Round(p.X * 10)), int64(math.Round(p.Y * 10))}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}

// glyphsOf is where each character of text box b prints (mm): its advance across, the line's
// ink box down, as render and the PDF writer place it; blanks are left out.
func glyphsOf(b render.Box) []rect {
	fm := render.FontMeasurer()
	_, y0, _, y1 := b.Rect()
	var out []rect
	x := b.X
	for i, c := range []rune(b.Text) {
		a := fm.Advance(b.Font, c, b.Size)
		if !unicode.IsSpace(c) {
			out = append(out, rect{render.PtToMM(x), render.PtToMM(y0), render.PtToMM(x + a), render.PtToMM(y1)})
		}
		x += a
		if i < len(b.Extra) {
			x += b.Extra[i]
		}
	}
	return out
}
