// Package editor is the long-text editor of the app (业绩, 规划): a multi-line text box like
// widget.Entry, whose cost per keystroke does not grow with the length of the text.
//
// The stock multi-line Entry re-wraps and re-shapes its whole text on every keystroke (≈150 ms
// at the end of a 3000-character paragraph). The Editor keeps the text as paragraphs, each
// with its wrapped lines; an edit re-wraps only a few lines around it (see rewrap), and only
// the lines in view have canvas objects. Lines are broken by shenbao/render/text, the breaker
// of the PDF, so the Chinese rules (no line starting with ，。、 …) are the same on screen and on
// paper.
package editor

import (
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Editor is a multi-line text box for long texts. Create it with New.
//
// It behaves like a multi-line, word-wrapping widget.Entry: typing (input-method strings
// included), Backspace/Delete, Enter, Tab to the next field, caret keys (arrows, Home/End,
// Ctrl+Home/End, Ctrl+arrows by word, PageUp/PageDown), mouse selection (drag, double-click a
// word, triple-click a paragraph, Shift+click), Shift+keys, Ctrl+A, copy/cut/paste with the
// system clipboard, a context menu, and undo/redo (Ctrl+Z, Ctrl+Y, Ctrl+Shift+Z) in steps of a
// word, a paste, a cut….
type Editor struct {
	widget.DisableableWidget

	// OnChanged is called with the whole text after every change made by the user, and after
	// SetText when it changes the text. Joining the paragraphs costs a copy of the text (a few
	// microseconds for 6000 characters); a caller that needs less on every keystroke can use
	// OnEdited with Len, and Text when it really needs the string.
	OnChanged func(string)
	// OnEdited is called after every change, like OnChanged, but without building the text.
	// Text() is cached until the next change, so calling it from several places is cheap.
	OnEdited func()

	placeHolder string
	minRows     int

	d              *doc
	caret, anchor  pos
	upstream       bool    // the caret is drawn at the end of the line before (after End)
	goalX          float64 // the x that Up/Down keep across lines of different length
	hasGoal        bool
	focused, shift bool
	hist           history
	now            func() time.Time // the clock of undo steps (a fake one in tests)

	// mouse state: MouseDown places the caret and counts clicks (double, triple)
	clicks    int
	lastClick time.Time
	lastAt    fyne.Position
	pressed   bool // MouseDown handled this press: the Tapped that follows must not move the caret
	dragging  bool
	popUp     *widget.PopUpMenu
	menu      *fyne.Menu // the context menu's items

	text   string // Text() cache
	textOK bool

	m metrics
	r *renderer
}

// metrics are the theme values the editor draws with, read once per Refresh.
type metrics struct {
	pad, border, rowH, textSize, charW float32
	fg, disabled, placeholder, sel     color.Color
	primary, inputBorder, background   color.Color
	radius                             float32
}

var (
	_ fyne.Focusable         = (*Editor)(nil)
	_ fyne.Tappable          = (*Editor)(nil)
	_ fyne.DoubleTappable    = (*Editor)(nil)
	_ fyne.SecondaryTappable = (*Editor)(nil)
	_ fyne.Draggable         = (*Editor)(nil)
	_ fyne.Shortcutable      = (*Editor)(nil)
	_ fyne.Disableable       = (*Editor)(nil)
	_ desktop.Keyable        = (*Editor)(nil)
	_ desktop.Mouseable      = (*Editor)(nil)
	_ desktop.Cursorable     = (*Editor)(nil)
)

// New returns an empty editor showing 6 rows at least.
func New() *Editor {
	e := &Editor{d: newDoc(), minRows: 6, now: time.Now}
	e.ExtendBaseWidget(e)
	return e
}

// SetText replaces the whole text (CR LF and CR become line breaks), puts the caret at the
// start and forgets the undo history: loading a draft is not an edit to undo.
func (e *Editor) SetText(s string) {
	old := e.Text()
	e.d.setText(s)
	e.caret, e.anchor, e.upstream, e.hasGoal = pos{}, pos{}, false, false
	e.hist.clear()
	e.textOK = false
	if e.r != nil {
		e.r.scroll.ScrollToOffset(fyne.Position{})
	}
	e.updateView(false)
	if e.Text() != old {
		e.notify()
	}
}

// Text returns the whole text, paragraphs separated by '\n'. It is cached until the next change.
func (e *Editor) Text() string {
	if !e.textOK {
		e.text, e.textOK = e.d.text(), true
	}
	return e.text
}

// Len is the number of characters (runes) of the text, line breaks included, without building it.
func (e *Editor) Len() int { return e.d.runes }

// SetPlaceHolder sets the text shown, greyed, while the editor is empty.
func (e *Editor) SetPlaceHolder(s string) {
	e.placeHolder = s
	e.updateView(false)
}

// SetMinRows sets how many rows of text the editor's minimum size holds (default 6).
func (e *Editor) SetMinRows(n int) {
	e.minRows = max(n, 1)
	e.Refresh()
}

// SelectedText returns the selected text ("" when nothing is selected).
func (e *Editor) SelectedText() string {
	a, b := order(e.anchor, e.caret)
	return e.d.slice(a, b)
}

// SelectAll selects the whole text.
func (e *Editor) SelectAll() {
	e.anchor, e.caret, e.upstream = e.d.start(), e.d.end(), false
	e.hist.seal()
	e.updateView(true)
}

// Undo reverts the last step of editing.
func (e *Editor) Undo() {
	n := len(e.hist.undo)
	if n == 0 || e.Disabled() {
		return
	}
	s := e.hist.undo[n-1]
	e.hist.undo = e.hist.undo[:n-1]
	e.d.replace(s.at, after(s.at, s.inserted), s.removed)
	s.sealed = true
	e.hist.redo = append(e.hist.redo, s)
	e.caret, e.anchor = s.caret, s.anchor
	e.changed()
}

// Redo makes again the last step undone.
func (e *Editor) Redo() {
	n := len(e.hist.redo)
	if n == 0 || e.Disabled() {
		return
	}
	s := e.hist.redo[n-1]
	e.hist.redo = e.hist.redo[:n-1]
	end, _ := e.d.replace(s.at, after(s.at, s.removed), s.inserted)
	e.hist.undo = append(e.hist.undo, s)
	e.caret, e.anchor = end, end
	e.changed()
}

// edit replaces the text between a and b by s as one user action of the given kind.
func (e *Editor) edit(a, b pos, s string, kind editKind) {
	if e.Disabled() || (a == b && s == "") {
		return
	}
	s = normalize(s)
	if a != b && e.d.slice(a, b) == s { // pasting the selection over itself: nothing to undo
		e.moveTo(after(a, s), false, false)
		return
	}
	e.d.ahead = e.rowsBelow(a)
	caret, anchor := e.caret, e.anchor
	end, removed := e.d.replace(a, b, s)
	e.hist.record(step{at: a, removed: removed, inserted: s, kind: kind, caret: caret, anchor: anchor, when: e.now()})
	e.caret, e.anchor = end, end
	e.changed()
}

// changed follows every change of the text: caret state, view, callbacks.
func (e *Editor) changed() {
	e.upstream, e.hasGoal = false, false
	e.textOK = false
	e.updateView(true)
	e.notify()
}

func (e *Editor) notify() {
	if f := e.OnEdited; f != nil {
		f()
	}
	if f := e.OnChanged; f != nil {
		f(e.Text())
	}
}

// selection returns the selected range, ordered, and whether it is not empty.
func (e *Editor) selection() (a, b pos, ok bool) {
	a, b = order(e.anchor, e.caret)
	return a, b, a != b
}

// FocusGained is called by Fyne when the editor gets the keyboard.
func (e *Editor) FocusGained() {
	e.focused = true
	e.Refresh()
}

// FocusLost is called by Fyne when the editor loses the keyboard.
func (e *Editor) FocusLost() {
	e.focused, e.shift = false, false
	e.hist.seal()
	e.d.settleAll() // the scroll bar gets the exact line count
	e.Refresh()
}

// Cursor is the mouse pointer over the editor: the text beam.
func (e *Editor) Cursor() desktop.Cursor { return desktop.TextCursor }

// requestFocus gives the editor the keyboard of its window.
func (e *Editor) requestFocus() {
	if e.Disabled() {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil && c.Focused() != e {
		c.Focus(e)
	}
}

// readMetrics reads the theme values the editor uses.
func (e *Editor) readMetrics() {
	th := e.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	size := th.Size(theme.SizeNameText)
	m := fyne.MeasureText("M", size, fyne.TextStyle{})
	e.m = metrics{
		pad:         th.Size(theme.SizeNameInnerPadding),
		border:      th.Size(theme.SizeNameInputBorder),
		radius:      th.Size(theme.SizeNameInputRadius),
		textSize:    size,
		rowH:        m.Height,
		charW:       m.Width,
		fg:          th.Color(theme.ColorNameForeground, v),
		disabled:    th.Color(theme.ColorNameDisabled, v),
		placeholder: th.Color(theme.ColorNamePlaceHolder, v),
		sel:         th.Color(theme.ColorNameSelection, v),
		primary:     th.Color(theme.ColorNamePrimary, v),
		inputBorder: th.Color(theme.ColorNameInputBorder, v),
		background:  th.Color(theme.ColorNameInputBackground, v),
	}
}

// relayout sets the wrap width from the width of the text area (view width minus padding).
func (e *Editor) relayout(viewW float32) {
	l := layout{size: float64(e.m.textSize), m: measurer(e.m.textSize)}
	if w := viewW - 2*e.m.pad; viewW > 0 {
		l.width = float64(max(w, e.m.charW))
	}
	if l != e.d.lay {
		e.d.setLayout(l)
		e.upstream = false // the caret's line end may be no line end any more
	}
}

// rowsBelow is how many lines past an edit at c must be exact: those in view below it and a
// margin for the scrolling that keeps the caret in view.
func (e *Editor) rowsBelow(c pos) int {
	if e.r == nil || e.m.rowH <= 0 {
		return defaultAhead
	}
	_, g1 := e.r.visible()
	g := e.d.globalLine(c.p, e.d.lineOf(c, false))
	return max(g1-g, 0) + 3
}
