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
func (u *UI) tablePage(p *page) fyne.CanvasObject {
	body := container.NewVBox()
	u.fillTable(body, p.block)
	return pageFrame(p, p.block.Name(), tableHelp(p.block), container.NewVBox(u.rosterBar(), body), true)
}

func tableHelp(b *forms.Block) string {
	s := fmt.Sprintf("最多填 %d 行", b.Rows)
	if b.MinRows > 0 {
		s = fmt.Sprintf("填 %d～%d 行", b.MinRows, b.Rows)
	}
	return s + "；一行是一个人，要填就把这一行填完整。出生年月写成 1985.03 的样子，手机号码为 11 位。"
}

// fillTable (re)builds the rows of a table inside body.
func (u *UI) fillTable(body *fyne.Container, b *forms.Block) {
	u.forgetRows(b.Key)
	cols := newColumns(b)
	header := []fyne.CanvasObject{centred("序号")}
	for _, f := range b.Fields {
		header = append(header, centred(f.Name()))
	}
	header = append(header, widget.NewLabel(""))
	objs := []fyne.CanvasObject{u.blockMessage(b.Key), container.New(cols, header...)}
	n := u.d.Rows(b.Key)
	for r := 1; r <= n; r++ {
		objs = append(objs, u.tableRow(body, b, cols, r)...)
	}
	add := widget.NewButtonWithIcon("添加一行", theme.ContentAddIcon(), func() { u.addRow(body, b) })
	if n >= b.Rows {
		add.Disable()
	}
	objs = append(objs, container.NewHBox(add))
	body.Objects = objs
	body.Refresh()
}

func (u *UI) tableRow(body *fyne.Container, b *forms.Block, cols *columns, r int) []fyne.CanvasObject {
	cells := []fyne.CanvasObject{centred(itoa(r))}
	for _, f := range b.Fields {
		cells = append(cells, u.fieldWidget(b, f, r).obj)
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { u.askRemoveRow(body, b, r) })
	del.Importance = widget.LowImportance
	cells = append(cells, del)
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

func (u *UI) addRow(body *fyne.Container, b *forms.Block) {
	if u.d.Rows(b.Key) >= b.Rows {
		return
	}
	r := u.d.AddRow(b.Key)
	u.touched[b.Key] = true
	u.fillTable(body, b)
	u.changed()
	u.runChecks()
	if v := u.views[forms.Path(*b, b.Fields[0], r)]; v != nil {
		u.win.Canvas().Focus(v.focus)
	}
}

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
	ask(u.win, "删除这一行？", wrapped(fmt.Sprintf("要删除%s第 %d 行%s吗？这一行填的内容会一起删除。", b.Nav, r, who)),
		choice{text: "取消"}, choice{text: "删除", primary: true, do: func() { u.removeRow(body, b, r) }})
}

func (u *UI) removeRow(body *fyne.Container, b *forms.Block, r int) {
	u.d.RemoveRow(b.Key, r)
	u.touched[b.Key] = true
	u.fillTable(body, b)
	u.changed()
	u.runChecks()
}

// columns lays a table row out: a narrow 序号, the fields in proportion to what they hold,
// and the delete button.
type columns struct {
	weights []float32 // one per field
}

const (
	seqWidth = 44
	delWidth = 40
	colGap   = 4
)

func newColumns(b *forms.Block) *columns {
	c := &columns{}
	for _, f := range b.Fields {
		c.weights = append(c.weights, columnWeight(f))
	}
	return c
}

// columnWeight is a column's share of the width, from what the field holds.
func columnWeight(f forms.Field) float32 {
	switch f.Kind {
	case forms.Choice:
		return 0.85
	case forms.YearMonth:
		return 1
	case forms.Mobile, forms.Phone:
		return 1.3
	}
	return 1.35
}

func (c *columns) total() float32 {
	t := float32(0)
	for _, w := range c.weights {
		t += w
	}
	return t
}

func (c *columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	free := size.Width - seqWidth - delWidth - colGap*float32(len(objs)-1)
	x := float32(0)
	for i, o := range objs {
		w := float32(seqWidth)
		switch {
		case i == len(objs)-1:
			w = delWidth
		case i > 0:
			w = free * c.weights[i-1] / c.total()
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, max(h, size.Height)))
		o.Move(fyne.NewPos(x, 0))
		x += w + colGap
	}
}

func (c *columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	// Entries shrink well; 80 pixels a column keeps the 请选择 of a choice readable.
	return fyne.NewSize(seqWidth+delWidth+80*float32(len(c.weights))+colGap*float32(len(objs)-1), h)
}
