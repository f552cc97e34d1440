package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// dialogWidth keeps messages wrapped to a readable line on a 1366-pixel screen.
const dialogWidth = 520

// fileProblem is the Chinese sentence for an error reading or writing a file.
func fileProblem(err error) string { return forms.Message(err) }

// wrapped is a paragraph of text for a dialog or a page.
func wrapped(msg string) *zhText { return newZHText(msg) }

// modal is the app's dialog: a pop-up over the window with a title, content and a row of
// buttons. Its title is bold when the bold face has every character of it (see heading).
// Esc closes it (every dialog treats closing as 取消); Enter gives its primary answer.
type modal struct {
	pop      *widget.PopUp
	want     fyne.Size // the size asked for, fitted again when the window's size changes
	primary  func()
	onHidden func()
	escape   func() // what Esc does instead of closing (asking first), if anything
}

// modals are the dialogs open now, by their pop-up, for the window's key handler.
var modals = map[fyne.CanvasObject]*modal{}

func newModal(w fyne.Window, title string, content fyne.CanvasObject, buttons []fyne.CanvasObject, size fyne.Size) *modal {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	row := container.NewHBox(layout.NewSpacer())
	for _, b := range buttons {
		row.Add(b)
	}
	row.Add(layout.NewSpacer())
	body := container.NewBorder(heading(title, theme.SizeNameSubHeadingText), row, nil, nil, content)
	m := &modal{want: size}
	m.pop = widget.NewModalPopUp(container.NewStack(bg, container.NewPadded(container.NewPadded(body))), w.Canvas())
	m.fit(w.Canvas().Size())
	return m
}

func (m *modal) fit(win fyne.Size) { m.pop.Resize(dialogSize(m.want, m.pop.Content.MinSize(), win)) }

// refitDialogs fits the open dialogs to the window's new size: one shown at start (a file
// opened from Explorer) was sized before the window was fitted to the screen, and would
// otherwise cover the whole window, menu bar and all.
func refitDialogs(win fyne.Size) {
	for _, m := range modals {
		m.fit(win)
	}
}

// dialogSize is the size asked for, cut to the window (at 150 % on a 1366×768 screen the
// file dialog's 860×560 units are taller than the window) but never below what the content
// needs. A dialog is centred: keeping it menuBarHeight off both edges leaves the menu bar
// uncovered, as a Windows program's dialogs do.
func dialogSize(want, min, win fyne.Size) fyne.Size {
	const margin = 16
	const edge = margin + menuBarHeight
	if win.Width > 2*margin && win.Height > 2*edge {
		want = want.Min(fyne.NewSize(win.Width-2*margin, win.Height-2*edge))
	}
	return want.Max(min)
}

// menuBarHeight is the height of the window's menu bar (文件 查看 帮助), in Fyne units.
const menuBarHeight float32 = 32

func (m *modal) show() {
	modals[m.pop] = m
	m.pop.Show()
}

// hide closes the dialog; onHidden runs whatever closed it.
func (m *modal) hide() {
	delete(modals, m.pop)
	m.pop.Hide()
	if m.onHidden != nil {
		m.onHidden()
	}
}

// showMessage tells the user something, with one 确定 button.
func showMessage(w fyne.Window, title, msg string) *modal {
	var m *modal
	ok := widget.NewButton("确定", func() { m.hide() })
	ok.Importance = widget.HighImportance
	m = newModal(w, title, wrapped(msg), []fyne.CanvasObject{ok}, fyne.NewSize(dialogWidth, 0))
	m.primary = func() { m.hide() }
	m.show()
	return m
}

// choice is one button of ask.
type choice struct {
	text    string
	primary bool // Enter gives it
	danger  bool // it destroys something: drawn red
	do      func()
}

// ask puts a question with several answers (保存 / 不保存 / 取消); each answer closes it.
// Enter gives the primary answer, Esc closes it as 取消 would.
func ask(w fyne.Window, title string, content fyne.CanvasObject, choices ...choice) *modal {
	var m *modal
	buttons := make([]fyne.CanvasObject, len(choices))
	var primary func()
	for i, c := range choices {
		c := c
		answer := func() {
			m.hide()
			if c.do != nil {
				c.do()
			}
		}
		b := widget.NewButton(c.text, answer)
		if c.primary {
			b.Importance = widget.HighImportance
			primary = answer
		}
		if c.danger {
			b.Importance = widget.DangerImportance
		}
		buttons[i] = b
	}
	m = newModal(w, title, content, buttons, fyne.NewSize(dialogWidth, 0))
	m.primary = primary
	m.show()
	return m
}
