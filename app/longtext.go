package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/editor"
	"shenbao/forms"
)

// TextEditor edits a long text (业绩, 规划): the fast editor of package app/editor, whose cost
// per keystroke does not grow with the text (Fyne's Entry re-wraps 3000 characters on every
// key: 20-80 ms), or the stock Entry, which still satisfies it.
type TextEditor interface {
	Object() fyne.CanvasObject // what goes into the page
	Focusable() fyne.Focusable // what takes the keyboard
	SetText(string)
	Text() string
	SetOnChanged(func(string))
}

// newTextEditor makes the long-text editor.
var newTextEditor = func() TextEditor { return fastEditor{editor.New()} }

// fastEditor adapts editor.Editor.
type fastEditor struct{ e *editor.Editor }

func (x fastEditor) Object() fyne.CanvasObject   { return x.e }
func (x fastEditor) Focusable() fyne.Focusable   { return x.e }
func (x fastEditor) SetText(s string)            { x.e.SetText(s) }
func (x fastEditor) Text() string                { return x.e.Text() }
func (x fastEditor) SetOnChanged(f func(string)) { x.e.OnChanged = f }

type entryEditor struct{ e *widget.Entry }

func newEntryEditor() *entryEditor {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	return &entryEditor{e}
}

func (x *entryEditor) Object() fyne.CanvasObject   { return x.e }
func (x *entryEditor) Focusable() fyne.Focusable   { return x.e }
func (x *entryEditor) SetText(s string)            { x.e.SetText(s) }
func (x *entryEditor) Text() string                { return x.e.Text }
func (x *entryEditor) SetOnChanged(f func(string)) { x.e.OnChanged = f }

// longText is a long-text page's live parts.
type longText struct {
	field   forms.Field
	editor  TextEditor
	count   *widget.Label
	outline *widget.Button // nil when the block has no outline to offer
}

// longTextPage is a text block: the form's hint, the editor filling the page, and a live 字数
// count in Word's words ("字数：2871/3000"), red past the limit.
func (u *UI) longTextPage(p *page) fyne.CanvasObject {
	b := p.block
	f := b.Fields[0]
	path := forms.Path(*b, f, 0)
	lt := &longText{field: f, editor: newTextEditor(), count: widget.NewLabel("")}
	lt.count.Alignment = fyne.TextAlignTrailing
	lt.editor.SetText(u.d.Get(path))
	lt.editor.SetOnChanged(func(s string) {
		if c := u.clip(f, s); c != s {
			s = c
			lt.editor.SetText(s)
		}
		lt.update(s)
		u.edit(path, s)
	})
	msg := messageLabel()
	u.views[path] = &fieldView{path: path, obj: lt.editor.Object(), focus: lt.editor.Focusable(), msg: msg}
	u.long[path] = lt

	var left fyne.CanvasObject
	if len(b.Outline) > 0 { // the plan: the headings its hint names, to start from
		lt.outline = widget.NewButtonWithIcon("插入提纲", theme.ListIcon(), func() {
			if strings.TrimSpace(lt.editor.Text()) == "" {
				lt.editor.SetText(outlineText(b.Outline))
				u.win.Canvas().Focus(lt.editor.Focusable())
			}
		})
		left = lt.outline
	}
	tools := container.NewBorder(nil, nil, left, lt.count)
	lt.update(lt.editor.Text())
	help := b.Hint
	if help == "" {
		help = "直接输入或从 Word 粘贴。字数按 Word“字数统计”的算法计算。"
	}
	top := container.NewVBox(tools, msg)
	return pageFrame(p, b.Name(), help, container.NewBorder(top, nil, nil, nil, lt.editor.Object()), false)
}

// outlineText is a long text's skeleton from its headings, a blank line after each.
func outlineText(headings []string) string { return strings.Join(headings, "\n\n") + "\n" }

// update shows the 字数 of s and offers the outline only while the text is empty.
func (lt *longText) update(s string) {
	n := forms.CountWords(s)
	text := "字数：" + itoa(n) // written as the checks write it: 2917字, no 2,917
	lt.count.Importance = widget.MediumImportance
	if max := lt.field.MaxWords; max > 0 {
		text += "/" + itoa(max)
		switch {
		case n > max:
			lt.count.Importance = widget.DangerImportance
		case lt.field.WarnWords > 0 && n > lt.field.WarnWords:
			lt.count.Importance = widget.WarningImportance
		}
	}
	lt.count.SetText(text)
	if lt.outline != nil {
		if strings.TrimSpace(s) == "" {
			lt.outline.Enable()
		} else {
			lt.outline.Disable()
		}
	}
}
