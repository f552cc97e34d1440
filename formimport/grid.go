package formimport

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"shenbao/forms"
)

// A block of fields in a grid: each label cell and the empty cell right of it are one
// field (label_mm, value_mm), in the row it is printed in; the photo cell covers the rows
// its vertical merge covers.

// gridRowOut is one row of the grid being read: its fields, and the sheet row it is.
type gridRowOut struct {
	sheetRow int
	fields   []gridField
	below    bool // the fields' labels are in this row, their values in the next (label_above)
}

// printedRows is how many rows of the form r takes: two when its values are below its labels.
func (r gridRowOut) printedRows() int {
	if r.below {
		return 2
	}
	return 1
}

type gridField struct {
	f     forms.Field
	x0    float64 // where its first cell starts, mm
	where string
	notes []string
	// groupRows: the field prints a label cell over this many sheet rows (f.Group), from its
	// own (外语考试情况 over 年度 and 成绩).
	groupRows int
}

// grid reads the rows of a grid from row i, as long as they are not a block of their own
// (and every row the photo cell covers, at most ten), and says how many it took.
func (bd *builder) grid(i int) int {
	rows := bd.sh.rows
	var out []gridRowOut
	var photo *scell
	photoRow, photoEnd := -1, -1
	var groups []spanCell // group labels over rows, while they cover rows
	j := i
	for ; j < len(rows) && j-i < maxGridRows; j++ {
		if j > i && j > max(photoEnd, groupsEnd(groups)) && (bd.special(j) || rows[j].table != rows[i].table) {
			break
		}
		active := photo
		if j > photoEnd {
			active = nil
		}
		groups = slices.DeleteFunc(groups, func(g spanCell) bool { return g.end < j })
		var fields []gridField
		var p *scell
		below := j+1 < len(rows) && rows[j+1].table == rows[j].table && bd.valuesBelow(rows[j], rows[j+1], active)
		if below {
			fields, p = bd.aboveFields(rows[j], active, photo != nil)
		} else {
			fields, p = bd.gridFields(rows[j], active, photo != nil, groups)
		}
		if p != nil {
			photo, photoRow = p, j
			photoEnd = min(j+min(p.span, 10)-1, len(rows)-1, i+maxGridRows-1)
		}
		for _, f := range fields {
			if f.groupRows > 1 {
				groups = append(groups, spanCell{x0: f.x0, x1: f.x0 + f.f.GroupMM, end: j + f.groupRows - 1})
			}
		}
		out = append(out, gridRowOut{sheetRow: j, fields: fields, below: below})
		if below {
			j++ // the values' row, read with its labels
		}
	}
	bd.gridBlock(out, photoRow, photoEnd)
	return j - i
}

// spanCell is a group's label cell over rows: where it is (mm) and the last sheet row it covers.
type spanCell struct {
	x0, x1 float64
	end    int
}

func groupsEnd(gs []spanCell) int {
	end := -1
	for _, g := range gs {
		end = max(end, g.end)
	}
	return end
}

// covers: the merged cell c is the part of one of the groups in its row.
func covers(gs []spanCell, c *scell) bool {
	return slices.ContainsFunc(gs, func(g spanCell) bool {
		return math.Abs(c.x0-g.x0) < sameX && math.Abs(c.x1-g.x1) < sameX
	})
}

// gridFields reads one row of a grid. photo is the photo cell of a row above, whose part
// in this row is passed over, as are the parts of groups (labels over several rows of
// labels); taken: the grid has its photo already. A photo cell found in this row is returned
// (its field among the others).
func (bd *builder) gridFields(r *srow, photo *scell, taken bool, groups []spanCell) ([]gridField, *scell) {
	var out []gridField
	var found *scell
	// A label over several rows followed by a label of this row (外语考试情况 | 年度): the group
	// the next field prints before its label.
	var group *scell
	groupText, groupX, groupW := "", 0.0, 0.0
	// A label waiting for its empty cell (its text, where it starts, how wide it is so far),
	// and the width of merged cells passed, which the next cell takes (from carryX).
	var pending *scell
	pendingText, pendingX, pendingW := "", 0.0, 0.0
	carry, carryX := 0.0, 0.0
	lastLabel := ""
	take := func(c *scell) (x, w float64) { // the cell with the carried width before it
		x, w = c.x0, c.w()
		if carry > 0 {
			x, w = carryX, w+carry
			carry = 0
		}
		return x, w
	}
	widenLast := func() { // what was carried goes to the field on the left
		if carry > 0 && len(out) > 0 {
			out[len(out)-1].f.ValueMM = round1(out[len(out)-1].f.ValueMM + carry)
			carry = 0
		}
	}
	flush := func() { // a label with no empty cell after it
		if pending == nil {
			return
		}
		l := nonEmpty(clip(keepBold(pendingText), 100))
		g := guessKind(flat(l))
		f := forms.Field{Label: l, Kind: fieldKind(g.kind), Choices: g.choices, Required: true, ValueMM: round1(pendingW)}
		out = append(out, gridField{f: f, x0: pendingX, where: pending.where(), notes: []string{
			bd.guess(pending.where(), "名称格“%s”后面没有空白格：当作填写格导入（名称不印在格子里），请核对", oneLine(l))}})
		pending = nil
	}
	for _, c := range r.cells {
		if c.merge {
			if photo != nil && math.Abs(c.x0-photo.x0) < sameX && math.Abs(c.x1-photo.x1) < sameX {
				flush()
				widenLast()
				continue
			}
			if covers(groups, c) { // the fields right of it start after it
				flush()
				widenLast()
				continue
			}
			if carry == 0 {
				carryX = c.x0
			}
			carry += c.w()
			bd.guess(c.where(), "与上一行合并的格子：宽度并入右边的格子（定义文件的格子不跨行，照片格除外）")
			continue
		}
		if found == nil && !taken && !bd.picture && photoCell(c) {
			flush()
			widenLast()
			x, w := take(c)
			found = c
			out = append(out, bd.photoField(c, x, w))
			continue
		}
		switch c.class {
		case labelCell, numberCell, sealCell:
			x, w := take(c)
			if pending != nil && group == nil && pending.span > 1 && c.span <= 1 && c.class == labelCell {
				// 外语考试情况 over two rows, 年度 beside it in this row: a group and its label
				bd.guess(pending.where(), "名称格“%s”跨%d行，右边各行另有名称格：按跨行的名称格（group）处理", oneLine(pendingText), pending.span)
				group, groupText, groupX, groupW = pending, pendingText, pendingX, pendingW
				pending, pendingText, pendingX, pendingW = c, c.text, x, w
				continue
			}
			if pending != nil && group == nil && pending.span <= 1 && c.span <= 1 && c.class == labelCell &&
				pending.class == labelCell && pendingText == pending.text {
				// 外语考试情况 | 年度 | … in one row: the first prints before the label beside its blank,
				// each in its own cell as the template has them
				bd.guess(c.where(), "两个名称格“%s”“%s”相邻：前一格按分组名称（group）印在“%s”的名称格前面", oneLine(pendingText), oneLine(c.text), oneLine(c.text))
				group, groupText, groupX, groupW = pending, pendingText, pendingX, pendingW
				pending, pendingText, pendingX, pendingW = c, c.text, x, w
				continue
			}
			if pending != nil {
				bd.guess(c.where(), "两个名称格“%s”“%s”相邻：合成一个名称格", oneLine(pendingText), oneLine(c.text))
				pendingText += "\n" + c.text
				pendingW += w
			} else {
				pending, pendingText, pendingX, pendingW = c, c.text, x, w
			}
		default: // empty, a hint, boxes: the cell to fill in
			x, w := take(c)
			var notes []string
			l, labelMM := "", 0.0
			prefix, inside := "", false
			if c.class == boxesCell {
				prefix, _ = boxOptions(c.text)
			}
			if pending != nil {
				l, labelMM, x = nonEmpty(clip(keepBold(pendingText), 100)), round1(pendingW), pendingX
				lastLabel = l
				pending = nil
				if prefix != "" {
					notes = append(notes, bd.guess(c.where(), "方框前面的“%s”没有导入（方框印作“选项 □”）", prefix))
				}
			} else if prefix != "" {
				l, inside = clip(keepBold(prefix), 100), true
				notes = append(notes, bd.guess(c.where(), "“%s”和方框在同一格：按勾选框处理，名称印在方框前面（label_inside）", l))
			} else {
				l = lastLabel
				if l == "" {
					l = "填写格"
				}
				l = clip(oneLine(l), 96) + "（续）"
				notes = append(notes, bd.guess(c.where(), "空白格前面没有名称格：按单行文字处理，名称暂作“%s”（不印在表上）", l))
			}
			f := forms.Field{Label: l, Required: true, LabelMM: labelMM, ValueMM: round1(w)}
			groupRows := 0
			if group != nil && labelMM > 0 {
				f.Group, f.GroupMM, f.GroupSpan = clip(keepBold(groupText), 100), round1(groupW), max(1, min(group.span, 10))
				x, groupRows, group = groupX, max(1, group.span), nil
			}
			g := guessKind(flat(l))
			f.Kind, f.Choices = fieldKind(g.kind), g.choices
			switch c.class {
			case boxesCell:
				_, f.Choices = boxOptions(c.text)
				f.Kind, f.BoxFirst, f.LabelInside = forms.BoxChoice, boxesFirst(c.text), inside
			case hintCell:
				f.Hint = clip(strings.Join(c.lines(), ""), 500)
			}
			if c.class != boxesCell && !g.sure && labelMM > 0 {
				notes = append(notes, bd.guess(c.where(), "%s（名称“%s”）", unsureText(g), oneLine(l)))
			}
			out = append(out, gridField{f: f, x0: x, where: c.where(), notes: notes, groupRows: groupRows})
		}
	}
	flush()
	widenLast()
	return out, found
}

// valuesBelow: row r is labels only (two or more, the photo cell among them or merged down
// beside them) and the next row has an empty cell under each label, with the same edges, and
// nothing else: a form that prints 姓名 above its blank. photo is a photo cell from above.
func (bd *builder) valuesBelow(r, next *srow, photo *scell) bool {
	labels := 0
	for _, c := range r.cells {
		switch {
		case c.merge && photo != nil && sameCell(c, photo):
		case !c.merge && photo == nil && !bd.picture && photoCell(c) && c.span > 1:
		case c.merge || c.class != labelCell || c.span > 1:
			return false
		default:
			labels++
			under := next.at(c.x0, c.x1)
			if under == nil || under.merge || under.class != emptyCell || !sameCell(under, c) {
				return false
			}
		}
	}
	for _, c := range next.cells {
		if c.merge && r.at(c.x0, c.x1) == nil {
			return false // a cell merged from further up: not a row of values
		}
	}
	return labels >= 2 && len(next.cells) == len(r.cells)
}

func sameCell(a, b *scell) bool {
	return math.Abs(a.x0-b.x0) < sameX && math.Abs(a.x1-b.x1) < sameX
}

// aboveFields reads a row of labels whose values are in the row below (valuesBelow): each
// label a field printed above its value cell, as wide; the photo cell among them.
func (bd *builder) aboveFields(r *srow, photo *scell, taken bool) ([]gridField, *scell) {
	var out []gridField
	var found *scell
	for _, c := range r.cells {
		if c.merge {
			continue // the photo's part, from above
		}
		if found == nil && !taken && !bd.picture && photoCell(c) {
			found = c
			out = append(out, bd.photoField(c, c.x0, c.w()))
			continue
		}
		l := nonEmpty(clip(keepBold(c.text), 100))
		g := guessKind(flat(l))
		f := forms.Field{Label: l, Kind: fieldKind(g.kind), Choices: g.choices, Required: true,
			ValueMM: round1(c.w()), LabelAbove: true}
		var notes []string
		if !g.sure {
			notes = append(notes, bd.guess(c.where(), "%s（名称“%s”，填写格在它下面一格）", unsureText(g), oneLine(l)))
		}
		out = append(out, gridField{f: f, x0: c.x0, where: c.where(), notes: notes})
	}
	return out, found
}

// photoField is the photo cell's field, x and w its place with any widths carried into it.
func (bd *builder) photoField(c *scell, x, w float64) gridField {
	l := clip(keepBold(c.text), 100)
	var notes []string
	if l == "" {
		l = "照片"
		notes = append(notes, bd.guess(c.where(), "跨%d行的空白格：按照片格处理", c.span))
	}
	f := forms.Field{Key: "photo", Label: l, Kind: forms.Picture, Required: true, ValueMM: round1(w), RowSpan: min(c.span, 10)}
	return gridField{f: f, x0: x, where: c.where(), notes: notes}
}

// fieldKind is the kind a grid's field may take (a period only in a table's column).
func fieldKind(k forms.Kind) forms.Kind {
	if k == forms.Picture {
		return forms.Text
	}
	return k
}

func nonEmpty(l string) string {
	if strings.TrimSpace(l) == "" {
		return "（无名称）"
	}
	return l
}

// photoCell: the cell is for the 1寸 photo: it says 照片, holds a picture, or is an empty
// cell over several rows at the right.
func photoCell(c *scell) bool {
	words := false
	for _, w := range []string{"照片", "相片", "像片", "免冠"} {
		words = words || strings.Contains(c.flat, w)
	}
	switch {
	case words && len([]rune(c.flat)) <= 16:
		return true
	case c.pics > 0:
		return true
	}
	return c.class == emptyCell && c.span >= 2 && c.x1 >= forms.TextMM-sameX && c.x0 > 0
}

// gridBlock makes the block of the rows read: rows without a field are left out (the photo
// covering fewer), keys given, the block named. The photo cell is in sheet row photoRow and
// covers the rows to photoEnd.
func (bd *builder) gridBlock(rows []gridRowOut, photoRow, photoEnd int) {
	var kept []gridRowOut
	var photo *gridField
	for _, r := range rows {
		var fields []gridField
		for _, f := range r.fields {
			if f.f.Kind == forms.Picture {
				photo = &f
			} else {
				fields = append(fields, f)
			}
		}
		if len(fields) > 0 {
			kept = append(kept, gridRowOut{sheetRow: r.sheetRow, fields: fields, below: r.below})
		}
	}
	if len(kept) == 0 {
		return
	}
	b := &block{rows: rowsText(bd.sh.rows[rows[0].sheetRow].n, bd.sh.rows[rows[len(rows)-1].sheetRow].n)}
	b.Kind = forms.FieldsBlock
	b.Key = bd.blockKey("info")
	used := map[string]bool{"photo": true}
	n := 0
	placed := false
	printed := 0 // the printed row of kept[ri]: a row of labels above values takes two
	for ri, r := range kept {
		for k, gf := range r.fields {
			if photo != nil && !placed && r.sheetRow >= photoRow && r.sheetRow <= photoEnd {
				// the photo, in the first row kept of those it covers, where its x puts it
				if photoBefore(r, k, photo) {
					bd.placePhoto(b, photo, printed, kept[ri:], photoEnd)
					placed = true
				}
			}
			if len(b.Fields) >= maxFields {
				break
			}
			f := gf.f
			f.Row = printed
			if gf.groupRows > 0 { // the kept rows it covers
				span := 0
				for k := ri; k < len(kept) && kept[k].sheetRow <= r.sheetRow+gf.groupRows-1; k++ {
					span++
				}
				f.GroupSpan = max(1, min(span, 10))
			}
			n++
			f.Key = keyFor(flat(f.Label), n, used)
			b.addField(f, gf.where, gf.notes...)
		}
		if photo != nil && !placed && r.sheetRow >= photoRow && r.sheetRow <= photoEnd {
			bd.placePhoto(b, photo, printed, kept[ri:], photoEnd)
			placed = true
		}
		printed += r.printedRows()
	}
	if photo != nil && !placed {
		b.notes = append(b.notes, bd.guess(photo.where, "照片格所在的行没有其他格子：照片格没有导入"))
	}
	b.Label, b.Nav = bd.gridName(b)
	// Fields only the bureau fills (审核人, 经办人): the applicant leaves them blank.
	blank := true
	for _, f := range b.Fields {
		l := flat(oneLine(f.Label))
		blank = blank && (strings.HasPrefix(l, "审核") || strings.HasPrefix(l, "审批") || strings.HasPrefix(l, "经办") ||
			strings.HasPrefix(l, "复核") || strings.HasPrefix(l, "评审"))
	}
	if blank {
		b.LeaveBlank = true
		b.notes = append(b.notes, bd.guess(b.rows, "“%s”由审核的单位填写：按申报人留空（leave_blank）处理", oneLine(b.Fields[0].Label)))
	}
	bd.blocks = append(bd.blocks, b)
}

// photoBefore: the photo comes before the k-th field of row r (its cell is left of it).
func photoBefore(r gridRowOut, k int, photo *gridField) bool {
	return photo.x0 <= r.fields[k].x0+sameX
}

// placePhoto adds the photo at printed row at, over the printed rows of the kept rows from
// there that it covers.
func (bd *builder) placePhoto(b *block, photo *gridField, at int, kept []gridRowOut, photoEnd int) {
	f := photo.f
	f.Row = at
	span := 0
	for k := 0; k < len(kept) && kept[k].sheetRow <= photoEnd; k++ {
		span += kept[k].printedRows()
	}
	f.RowSpan = max(1, min(span, 10))
	bd.picture = true
	b.addField(f, photo.where, photo.notes...)
}

// gridName names a grid's block, which the form does not print: after its first label
// (主持人姓名 → 主持人), the heading above it, or 申报人.
func (bd *builder) gridName(b *block) (string, string) {
	label := ""
	for _, f := range b.Fields {
		if f.Kind == forms.Picture || f.LabelMM == 0 {
			continue
		}
		if l := flat(oneLine(f.Label)); strings.HasSuffix(l, "姓名") && len([]rune(l)) > 3 {
			label = strings.TrimSuffix(l, "姓名")
		}
		break
	}
	if label == "" && len(bd.blocks) > 0 && bd.blocks[len(bd.blocks)-1].Kind == forms.NoteBlock {
		label = navOf(bd.blocks[len(bd.blocks)-1].Text)
	}
	if label == "" {
		label = "申报人"
		if bd.counts["info"] > 1 {
			label = fmt.Sprintf("基本情况%d", bd.counts["info"])
		}
	}
	return clip(label, 100), navOf(label)
}
