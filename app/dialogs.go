package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// dialogWidth keeps messages wrapped to a readable line on a 1366-pixel screen.
const dialogWidth = 520

// fileProblem is the Chinese sentence for an error reading or writing a file.
func fileProblem(err error) string { return forms.Message(err) }

func wrapped(msg string) *widget.Label {
	l := widget.NewLabel(msg)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// showMessage tells the user something, with one 确定 button.
func showMessage(w fyne.Window, title, msg string) dialog.Dialog {
	d := dialog.NewCustom(title, "确定", wrapped(msg), w)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	d.Show()
	return d
}

// choice is one button of ask.
type choice struct {
	text    string
	primary bool
	do      func()
}

// ask puts a question with several answers (保存 / 不保存 / 取消); each answer closes it.
func ask(w fyne.Window, title string, content fyne.CanvasObject, choices ...choice) *dialog.CustomDialog {
	d := dialog.NewCustomWithoutButtons(title, content, w)
	buttons := make([]fyne.CanvasObject, len(choices))
	for i, c := range choices {
		c := c
		b := widget.NewButton(c.text, func() {
			d.Hide()
			if c.do != nil {
				c.do()
			}
		})
		if c.primary {
			b.Importance = widget.HighImportance
		}
		buttons[i] = b
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(dialogWidth, 0))
	d.Show()
	return d
}
