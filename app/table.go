package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// tablePage is a table block as the form prints it: a header of the table's own columns (the
// advisers' and the members' orders differ), one line of inputs a row, and rows to add and
// remove within the form's limit.
//
// The Excel buttons, the table's message and its column heads stay above the rows, which
// scroll under them: at 125 % the heads scrolled away and 职称 could not be told from 职务.
func (u *UI) tablePage(p *page) fyne.CanvasObject {
	body := container.NewVBox()
	head := container.NewStack()
	u.tableHeads[p.block.Key], u.tableBodies[p.block.Key] = head, body
	msg := u.blockMessage(p.block.Key)
	msg.collapse = false // its line is kept: a 提醒 about the number of rows moves no row
	u.fillTable(body, p.block)
	return pageFrame(p, p.block.Name(), tableHelp(p.block), body, true, u.rosterBar(p.block.Key), msg, head)
}

// tableHelp is the line under a table's heading: how many rows, and what its columns ask for.
func tableHelp(b *forms.Block) string {
	s := fmt.Sprintf("最多填%d行", b.Rows)
	if b.MinRows > 0 {
		s = fmt.Sprintf("填%d～%d行", b.MinRows, b.Rows)
	}
	s += "；一行是" + rowNoun(b) + "，" + rowAsks(b)
	var how []string
	seen := map[forms.Kind]bool{}
	for _, f := range b.Fields {
		if seen[f.Kind] {
			continue
		}
		seen[f.Kind] = true
		switch f.Kind {
		case forms.YearMonth:
			how = append(how, f.Name()+"写成 1985.03 的样子")
		case forms.Mobile:
			how = append(how, f.Name()+"为11位")
		}
	}
	if len(how) > 0 {
		s += strings.Join(how, "，") + "。"
	}
	return s
}

// rowAsks says which columns a row that is filled at all must have: all, or all but the
// ones the definition leaves optional, named.
func rowAsks(b *forms.Block) string {
	var optional []string
	for _, f := range b.Fields {
		if !f.Required {
			optional = append(optional, "“"+f.Name()+"”")
		}
	}
	switch {
	case len(optional) == 0:
		return "要填就把这一行填完整。"
	case len(optional) == len(b.Fields):
		return "每一栏都可以不填。"
	}
	return "要填就把这一行填完整（" + strings.Join(optional, "") + "可以不填）。"
}

// rowNoun is what one row of a table is: 一个人 for a table of people (a 姓名 column keyed
// name), else 一条 (a period of work, an award).
func rowNoun(b *forms.Block) string {
	if b.Field("name").Key != "" {
		return "一个人"
	}
	return "一条"
}

// fillTable (re)builds the rows of a table inside body.
func (u *UI) fillTable(body *fyne.Container, b *forms.Block) {
	u.forgetRows(b.Key)
	cols := newColumns(b)
	header := []fyne.CanvasObject{centred("序号")}
	for _, f := range b.Fields {
		l := centred(f.Name())
		l.Wrapping = fyne.TextWrapBreak // 所在单位 on two lines in a narrow window
		header = append(header, l)
	}
	header = append(header, widget.NewLabel(""))
	var objs []fyne.CanvasObject
	if head := u.tableHeads[b.Key]; head != nil {
		head.Objects = []fyne.CanvasObject{container.New(cols, header...)}
		head.Refresh()
	} else {
		objs = append(objs, container.New(cols, header...))
	}
	n := u.d.Rows(b.Key)
	for r := 1; r <= n; r++ {
		objs = append(objs, u.tableRow(body, b, cols, r)...)
	}
	add := widget.NewButtonWithIcon("添加一行", theme.ContentAddIcon(), func() { u.addRow(body, b) })
	u.addBtns[b.Key] = add
	u.updateAddButton(b)
	objs = append(objs, container.NewHBox(add))
	body.Objects = objs
	body.Refresh()
}

func (u *UI) tableRow(body *fyne.Container, b *forms.Block, cols *columns, r int) []fyne.CanvasObject {
	cells := []fyne.CanvasObject{centred(itoa(r))}
	for _, f := range b.Fields {
		cells = append(cells, u.fieldWidget(b, f, r).obj)
	}
	del := newToolButton(theme.DeleteIcon(), fmt.Sprintf("删除第%d行", r), func() { u.askRemoveRow(body, b, r) })
	cells = append(cells, container.NewVBox(del)) // at the top of a row that grew
	msg := messageLabel()
	u.rowMsgs[fmt.Sprintf("%s[%d]", b.Key, r)] = msg
	return []fyne.CanvasObject{container.New(cols, cells...), msg}
}

func centred(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Alignment = fyne.TextAlignCenter
	return l
}

// forgetRows drops the views of a table's rows before they are rebuilt.
func (u *UI) forgetRows(key string) {
	for p := range u.views {
		if strings.HasPrefix(p, key+"[") {
			delete(u.views, p)
		}
	}
	for p := range u.rowMsgs {
		if strings.HasPrefix(p, key+"[") {
			delete(u.rowMsgs, p)
		}
	}
}

// addRow puts the cursor in the first empty row, adding one only when every row is used.
func (u *UI) addRow(body *fyne.Container, b *forms.Block) {
	r := u.firstEmptyRow(b)
	if r == 0 {
		if u.d.Rows(b.Key) >= b.Rows {
			return
		}
		r = u.d.AddRow(b.Key)
		delete(u.shown, rowKey(b.Key, r)) // a new row waits until it is left, as any other
		delete(u.edited, rowKey(b.Key, r))
		u.fillTable(body, b)
		u.changed()
		u.runChecks()
	}
	if v := u.views[forms.Path(*b, b.Fields[0], r)]; v != nil {
		u.win.Canvas().Focus(v.focus)
		if p := u.pages[u.current].scroll; p != nil {
			scrollIntoView(p, v.obj)
		}
	}
}

// updateAddButton offers 添加一行 while a row is empty or another may be added.
func (u *UI) updateAddButton(b *forms.Block) {
	add := u.addBtns[b.Key]
	if add == nil {
		return
	}
	if u.d.Rows(b.Key) >= b.Rows && u.firstEmptyRow(b) == 0 {
		add.Disable()
	} else {
		add.Enable()
	}
}

func (u *UI) firstEmptyRow(b *forms.Block) int {
	for r := 1; r <= u.d.Rows(b.Key); r++ {
		if u.d.RowEmpty(*b, r) {
			return r
		}
	}
	return 0
}

func rowKey(block string, r int) string { return fmt.Sprintf("%s[%d]", block, r) }

// askRemoveRow removes a row, asking first when it holds anything.
func (u *UI) askRemoveRow(body *fyne.Container, b *forms.Block, r int) {
	if u.d.RowEmpty(*b, r) {
		u.removeRow(body, b, r)
		return
	}
	who := strings.TrimSpace(u.d.Value(*b, b.Fields[0], r))
	if who != "" {
		who = "（" + who + "）"
	}
	// 取消 is the default: Enter, Esc or a slip of the hand keeps the row.
	ask(u.win, "删除这一行？", wrapped(fmt.Sprintf("要删除%s第%d行%s吗？这一行填的内容会一起删除。", b.Nav, r, who)),
		choice{text: "取消", primary: true}, choice{text: "删除", danger: true, do: func() { u.removeRow(body, b, r) }})
}

func (u *UI) removeRow(body *fyne.Container, b *forms.Block, r int) {
	u.d.RemoveRow(b.Key, r)
	shiftRows(u.shown, b.Key, r)
	shiftRows(u.edited, b.Key, r)
	u.shown[b.Key] = true // how many rows there are: the block's own findings show
	if u.at != "" && blockKeyOf(u.at) == b.Key {
		u.at, u.editing = "", ""
	}
	u.fillTable(body, b)
	u.changed()
	u.runChecks()
}

// shiftRows follows the removal of row r in a set of units: the rows after it move up.
func shiftRows(set map[string]bool, block string, r int) {
	n := 0
	for unit := range set {
		var k int
		if _, err := fmt.Sscanf(unit, block+"[%d]", &k); err == nil && unit == rowKey(block, k) {
			n = max(n, k)
		}
	}
	for k := r; k <= n; k++ {
		if set[rowKey(block, k+1)] {
			set[rowKey(block, k)] = true
		} else {
			delete(set, rowKey(block, k))
		}
	}
}

// columns lays a table row out: a narrow 序号, the fields, and the delete button. Dates,
// phone numbers and choices get the width their longest value needs, so no digit is ever
// cut; the text columns share the rest by weight and wrap what does not fit.
type columns struct {
	fields []forms.Field
}

const (
	seqWidth = 44
	delWidth = 36
	colGap   = 4
)

func newColumns(b *forms.Block) *columns { return &columns{fields: b.Fields} }

// columnWeight is a text column's share of the width left for text, from the width the form
// gives the column in its Excel roster (sheet_width): units and research directions run long,
// names are short.
func columnWeight(f forms.Field) float32 {
	if f.SheetWidth <= 0 {
		return 1
	}
	return float32(min(max(f.SheetWidth/20, 0.5), 2))
}

// columnFixed is the width of a column whose values have a known longest form (0: a text
// column). An entry shows its text between two inner paddings and two borders.
func columnFixed(f forms.Field) float32 {
	pad := 2*theme.InnerPadding() + 2*theme.InputBorderSize() + 2
	text := func(s string) float32 { return fyne.MeasureText(s, theme.TextSize(), fyne.TextStyle{}).Width }
	var w float32
	switch f.Kind {
	case forms.Mobile, forms.Phone:
		w = text("13907731842") + pad
	case forms.YearMonth:
		w = text("1985.03") + pad
	case forms.Period:
		w = text("2015.09—2018.07") + pad
	case forms.Choice, forms.BoxChoice:
		w = text(strings.Join(f.Choices, "/")) + theme.IconInlineSize() + pad + theme.InnerPadding()
	default:
		return 0
	}
	return max(w, text(f.Name())+2*theme.InnerPadding()) // the heading on one line
}

// minText is the narrowest a text column gets: three characters a line.
func minText() float32 { return 3*theme.TextSize() + 2*theme.InnerPadding() + 4 }

// widths gives each field column its width for a row of width w.
func (c *columns) widths(w float32) []float32 {
	out := make([]float32, len(c.fields))
	free := w - seqWidth - delWidth - colGap*float32(len(c.fields)+1)
	var weights float32
	for i, f := range c.fields {
		if out[i] = columnFixed(f); out[i] > 0 {
			free -= out[i]
		} else {
			weights += columnWeight(f)
		}
	}
	// Text columns below their floor take it, and the others share what is left.
	for {
		short := false
		for i, f := range c.fields {
			if columnFixed(f) == 0 && out[i] >= 0 && free*columnWeight(f)/weights < minText() {
				out[i] = -minText() // negative: settled
				free -= minText()
				weights -= columnWeight(f)
				short = true
			}
		}
		if !short || weights <= 0 {
			break
		}
	}
	for i, f := range c.fields {
		switch {
		case out[i] < 0:
			out[i] = -out[i]
		case columnFixed(f) == 0:
			out[i] = max(minText(), free*columnWeight(f)/weights)
		}
	}
	return out
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	ws := c.widths(size.Width)
	x := float32(0)
	for i, o := range objs {
		w := float32(seqWidth)
		switch {
		case i == len(objs)-1:
			w = delWidth
		case i > 0:
			w = ws[i-1]
		}
		o.Resize(fyne.NewSize(w, max(o.MinSize().Height, size.Height)))
		o.Move(fyne.NewPos(x, 0))
		x += w + colGap
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	w := float32(seqWidth + delWidth + colGap*float32(len(c.fields)+1))
	for _, f := range c.fields {
		if fx := columnFixed(f); fx > 0 {
			w += fx
		} else {
			w += minText()
		}
	}
	return fyne.NewSize(w, h)
}
