package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/platform"
)

// Chinese input methods on Windows open their candidate list where the program's caret is,
// but Fyne (GLFW) draws its own caret and never says where: the list would open at the
// window's corner. followCaretForIME looks, ten times a second on the window's thread, at the
// caret of the focused field (a widget.Entry or the long-text editor) and, when it moved or
// the focus changed, tells Windows (platform.MoveIME), with the field's box. Polling catches
// every way the caret moves (typing, clicks, arrows, scrolling, dialogs opening) without
// hooking each widget; a look costs a type switch and, for an entry, a walk up the canvas tree.

// imePoll is how often the caret is looked at: a click followed by typing within it opens the
// candidates at the previous place until the next look moves them.
const imePoll = 100 * time.Millisecond

// caretReporter is a focusable widget with its own caret (app/editor.Editor).
type caretReporter interface {
	Caret() (pos fyne.Position, height float32, ok bool)
}

// followCaretForIME starts following the caret of w's focused field, on Windows only.
func followCaretForIME(w fyne.Window) {
	nw, ok := w.(driver.NativeWindow)
	if !platform.IMEFollowsCaret || !ok {
		return
	}
	var last platform.Caret
	var lastFocus fyne.Focusable
	update := func() {
		f := w.Canvas().Focused()
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
		pos, h, ok := caretOf(f, abs)
		if !ok {
			lastFocus = nil
			return
		}
		scale := w.Canvas().Scale()
		c := platform.CaretPixels(pos.X, pos.Y, h, scale)
		if obj, ok := f.(fyne.CanvasObject); ok { // the field's box: the text's area for the input method
			o, s := abs(obj), obj.Size()
			c.Field = platform.BoxPixels(o.X, o.Y, s.Width, s.Height, scale)
		}
		if c == last && f == lastFocus {
			return
		}
		last, lastFocus = c, f
		nw.RunNative(func(ctx any) {
			if win, ok := ctx.(driver.WindowsWindowContext); ok {
				platform.MoveIME(win.HWND, c)
			}
		})
	}
	go func() {
		for range time.Tick(imePoll) {
			fyne.Do(update)
		}
	}()
}

// caretOf is the caret of the focused object f in canvas coordinates (its top-left) and its
// height; ok is false when f has no caret to follow. abs finds an object's position in the
// canvas.
func caretOf(f fyne.Focusable, abs func(fyne.CanvasObject) fyne.Position) (pos fyne.Position, height float32, ok bool) {
	switch o := f.(type) {
	case caretReporter:
		p, h, ok := o.Caret()
		if !ok {
			return fyne.Position{}, 0, false
		}
		return abs(o.(fyne.CanvasObject)).Add(p), h, true
	case *widget.Entry:
		return entryCaret(o, o, abs)
	case interface{ baseEntry() *widget.Entry }: // the app's fields and table cells
		return entryCaret(o.baseEntry(), o.(fyne.CanvasObject), abs)
	}
	return fyne.Position{}, 0, false
}

// entryCaret is the caret of entry o, drawn as obj (o itself, or the widget that embeds it).
func entryCaret(o *widget.Entry, obj fyne.CanvasObject, abs func(fyne.CanvasObject) fyne.Position) (pos fyne.Position, height float32, ok bool) {
	{
		th := o.Theme()
		border := th.Size(theme.SizeNameInputBorder)
		h := fyne.MeasureText("国", th.Size(theme.SizeNameText), o.TextStyle).Height
		// The entry's text sits one border below its top (entryRenderer.Layout), and its
		// CursorPosition is measured from there without the scroll offset: a text longer than
		// the field is scrolled to keep the caret in view, so the caret is kept inside too.
		p := o.CursorPosition().Add(fyne.NewPos(0, border))
		p.X = max(0, min(p.X, o.Size().Width-th.Size(theme.SizeNameInnerPadding)))
		p.Y = min(p.Y, max(0, o.Size().Height-h))
		return abs(obj).Add(p), h, true
	}
}
