package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// choicePlaceHolder replaces Select's English "(Select one)".
const choicePlaceHolder = "请选择"

// fieldView is the widget of one field path, kept so that checks can mark it and a finding
// can put the cursor in it.
type fieldView struct {
	path  string
	obj   fyne.CanvasObject // the field with its message: what to scroll into view
	focus fyne.Focusable
	entry *widget.Entry // red border with a 错误 (outside tables); nil for choices
	frame *cellFrame    // a table cell's frame for its finding; nil outside tables
	msg   *msgLine      // the message under the field; nil in tables (rows have one)
}

// mark shows a finding on the field, or clears it with nil.
func (v *fieldView) mark(f *forms.Finding) {
	if v.frame != nil {
		c := fyne.ThemeColorName("")
		if f != nil {
			c = severityColor(f.Severity)
		}
		v.frame.mark(c)
	} else if v.entry != nil {
		var err error
		if f != nil && f.Severity == forms.Error {
			err = findingError{f.Message}
		}
		v.entry.SetValidationError(err)
	}
	if v.msg == nil {
		return
	}
	if f == nil {
		clearMessage(v.msg)
		return
	}
	setMessage(v.msg, f.Severity, f.Severity.String()+"："+f.Message)
}

func setMessage(l *msgLine, sev forms.Severity, text string) { l.set(text, severityColor(sev)) }

// clearMessage empties a message line; the line keeps its height, so the fields under it do
// not move under the mouse when a message comes or goes.
func clearMessage(l *msgLine) { l.set("", l.color) }

type findingError struct{ msg string }

func (e findingError) Error() string { return e.msg }

// messageLabel is the line under a field or a table row for its findings (see msgLine).
func messageLabel() *msgLine { return newMsgLine() }

// fieldWidget makes the input for field f of block b (row: the table row, 0 outside tables)
// from its Kind, filled from the draft and writing every change back to it.
func (u *UI) fieldWidget(b *forms.Block, f forms.Field, row int) *fieldView {
	path := forms.Path(*b, f, row)
	v := &fieldView{path: path}
	hooks := focusHooks{in: func() { u.focusIn(path); u.revealField(path) }, out: func() { u.focusOut(path) }}
	inTable := b.Kind == forms.TableBlock
	var w fyne.CanvasObject
	switch {
	case f.Kind == forms.Choice || f.Kind == forms.BoxChoice: // boxes on paper, a list here
		s := newFieldSelect(f.Choices)
		s.hooks = hooks
		s.PlaceHolder = choicePlaceHolder
		if inTable && len(f.Choices) <= 3 { // 男/女 fits a narrow column, 请选择 does not
			s.PlaceHolder = strings.Join(f.Choices, "/")
		}
		s.Selected = u.d.Get(path) // set before OnChanged: loading is not an edit
		s.OnChanged = func(val string) {
			u.edit(path, val)
			if !inTable { // a choice is made in one step: nothing to wait for
				u.leaveField(path, "")
			}
		}
		w, v.focus = s, s
	case inTable:
		e := newCellEntry()
		e.hooks = hooks
		e.PlaceHolder = strings.TrimPrefix(f.Hint, "如 ") // 1985.03 fits the column, 如 1985.03 not
		e.SetText(u.d.Get(path))
		e.OnChanged = func(val string) {
			if val = u.clip(f, val); val != e.Text {
				e.SetText(val)
			}
			e.fit()
			u.edit(path, val)
		}
		w, v.focus, v.entry = e, e, &e.Entry
	default:
		e := newFieldEntry()
		e.hooks = hooks
		e.PlaceHolder = f.Hint
		e.SetText(u.d.Get(path))
		e.AlwaysShowValidationError = true
		e.OnChanged = func(val string) {
			if val = u.clip(f, val); val != e.Text {
				e.SetText(val)
			}
			u.edit(path, val)
		}
		w, v.focus, v.entry = e, e, &e.Entry
	}
	if inTable {
		v.frame = newCellFrame(w)
		v.obj = v.frame
		if f.Kind == forms.Choice || f.Kind == forms.BoxChoice { // at the top of a row that grew, as the text in the entries
			v.obj = container.NewVBox(v.frame)
		}
	} else {
		v.msg = messageLabel()
		v.obj = container.NewVBox(w, v.msg)
	}
	u.views[path] = v
	return v
}

// fieldsPage is a block of labelled fields; the host's photo stands at the right, as on the
// printed form.
func (u *UI) fieldsPage(p *page) fyne.CanvasObject {
	b := p.block
	grid := container.New(layout.NewFormLayout())
	var photo fyne.CanvasObject
	for _, f := range b.Fields {
		if f.Kind == forms.Picture {
			photo = u.newPhotoPanel(b, f)
			continue
		}
		grid.Add(fieldLabel(f))
		grid.Add(u.fieldWidget(b, f, 0).obj)
	}
	var body fyne.CanvasObject = container.New(&maxWidth{w: formWidth}, grid)
	if photo != nil { // beside the fields, as on the printed form, not at the far right
		body = container.New(&besideLayout{max: formWidth, gap: 24}, grid, container.NewVBox(photo))
	}
	return pageFrame(p, b.Name(), fieldsHelp(b), container.NewVBox(u.blockMessage(b.Key), body), true)
}

func fieldLabel(f forms.Field) fyne.CanvasObject {
	l := widget.NewLabel(strings.TrimSuffix(f.Name(), "："))
	l.Alignment = fyne.TextAlignTrailing
	return container.NewVBox(l) // level with the field, above the message line under it
}

// fieldsHelp is the line under a block's heading: the block's own help from its definition,
// else what its kinds ask for (各项都要填写。出生年月写成 1985.03 的样子；…).
func fieldsHelp(b *forms.Block) string {
	if b.Help != "" {
		return b.Help
	}
	var optional []string
	var how []string
	seen := map[forms.Kind]bool{}
	for _, f := range b.Fields {
		if !f.Required {
			optional = append(optional, "“"+strings.TrimSuffix(f.Name(), "：")+"”")
		}
		if seen[f.Kind] {
			continue
		}
		seen[f.Kind] = true
		switch f.Kind {
		case forms.YearMonth:
			how = append(how, f.Name()+"写成 1985.03 的样子")
		case forms.Phone:
			how = append(how, "电话写手机号码或带区号的座机号码")
		case forms.Mobile:
			how = append(how, f.Name()+"写11位手机号码")
		}
	}
	var s string
	switch {
	case len(optional) == 0:
		s = "各项都要填写。"
	case len(optional) == len(b.Fields):
		s = "这些项可以不填。"
	case len(optional) <= 6:
		s = "除" + strings.Join(optional, "") + "外，各项都要填写。"
	default:
		s = "多数项要填写，" + strings.Join(optional[:3], "") + "等" + fmt.Sprint(len(optional)) + "项可以不填（检查时会指出漏填的）。"
	}
	if len(how) > 0 {
		s += strings.Join(how, "；") + "。"
	}
	return s
}

// edit stores what the user typed and starts the checks and the autosave.
func (u *UI) edit(path, val string) {
	old := u.d.Get(path)
	if old == val {
		return
	}
	u.d.Set(path, val)
	u.fontFor(val)
	if u.at != path {
		u.focusIn(path)
	}
	u.editing = path
	u.edited[unitOf(path)] = true
	u.changed()
	if u.pastLimit(path, val) || u.pastLimit(path, old) {
		u.runChecks() // a limit's 错误 shows now, and goes now, not 300 ms after the last key
	}
}

// pastLimit says whether a value is over its field's character limit or near or over its
// 字数 limit: what the checks report at once (forms.Finding.Limit).
func (u *UI) pastLimit(path, val string) bool {
	f, ok := u.fieldAt(path)
	if !ok {
		return false
	}
	if utf8.RuneCountInString(val) > f.CharLimit() {
		return true
	}
	if f.MaxWords > 0 {
		n := forms.CountWords(val)
		return n > f.MaxWords || f.WarnWords > 0 && n > f.WarnWords
	}
	return false
}

// fieldAt finds the field of a draft path: "<block>.<field>", a text block's "<block>", a
// table cell's "<table>[<row>].<column>".
func (u *UI) fieldAt(path string) (forms.Field, bool) {
	if i := strings.IndexByte(path, '['); i >= 0 {
		if j := strings.IndexByte(path, ']'); j > i {
			path = path[:i] + path[j+1:]
		}
	}
	_, f, ok := u.form.Field(path)
	return f, ok
}

// clip keeps a typed or pasted value within the field's character limit, and says so when
// it cut: the draft never holds more than the form can print or the file can keep.
func (u *UI) clip(f forms.Field, val string) string {
	c, cut := forms.Clip(f, val)
	if cut {
		showMessage(u.win, "内容太长", fmt.Sprintf("“%s”最多%d个字符，超出的部分没有填进来。请检查粘贴的内容是否正确。", f.Name(), f.CharLimit()))
	}
	return c
}

// changed is called after every change of the draft.
func (u *UI) changed() {
	if !u.dirty {
		u.dirty = true
		u.updateTitle()
	}
	u.saver.changed()
	u.checks.Trigger()
}

// blockMessage is the line at the top of a block for findings about the block as a whole
// (too few advisers, …).
func (u *UI) blockMessage(key string) *msgLine {
	l := messageLabel()
	l.collapse = true
	u.blkMsgs[key] = l
	return l
}

// formWidth is the widest a form of fields grows: wider entries only spread short values.
const formWidth = 760

// besideLayout puts its first object at the left, as wide as it may be up to max, and its
// second right after it at its own width.
type besideLayout struct{ max, gap float32 }

func (l *besideLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	right := objs[1].MinSize().Width
	w := min(l.max, size.Width-right-l.gap)
	objs[0].Resize(fyne.NewSize(w, size.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(right, size.Height))
	objs[1].Move(fyne.NewPos(w+l.gap, 0))
}

func (l *besideLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	a, b := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(a.Width+l.gap+b.Width, max(a.Height, b.Height))
}

// maxWidth keeps a form from stretching its entries across a wide window.
type maxWidth struct{ w float32 }

func (l *maxWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(min(size.Width, l.w), size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *maxWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func itoa(n int) string { return strconv.Itoa(n) }
