package editor

import (
	"math"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// clickSlop is how far (in pixels) the second click of a double-click may land from the first.
const clickSlop = 4

// MouseDown places the caret, or selects a word (second click) or a paragraph (third click);
// Shift+click extends the selection. The caret moves on press, not on release, as in the stock
// Entry, so that a drag starts from where the button went down.
func (e *Editor) MouseDown(ev *desktop.MouseEvent) {
	e.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	now := time.Now()
	d := ev.Position.Subtract(e.lastAt)
	if now.Sub(e.lastClick) <= doubleTapDelay() && abs(d.X) <= clickSlop && abs(d.Y) <= clickSlop {
		e.clicks++
	} else {
		e.clicks = 1
	}
	e.lastClick, e.lastAt, e.pressed = now, ev.Position, true
	c, up := e.hit(ev.Position)
	switch {
	case ev.Modifier&fyne.KeyModifierShift != 0 || e.shift:
		e.moveTo(c, up, true)
	case e.clicks == 2:
		e.selectWord(c)
	case e.clicks >= 3:
		e.selectParagraph(c.p)
	default:
		e.moveTo(c, up, false)
	}
}

// MouseUp is part of desktop.Mouseable; the press did the work.
func (e *Editor) MouseUp(*desktop.MouseEvent) {}

// Tapped places the caret where a tap lands when no MouseDown came first (touch screens, tests).
func (e *Editor) Tapped(ev *fyne.PointEvent) {
	if e.pressed {
		e.pressed = false
		return
	}
	e.requestFocus()
	c, up := e.hit(ev.Position)
	e.moveTo(c, up, false)
}

// DoubleTapped selects the word under the pointer (MouseDown already did when it saw the
// second click).
func (e *Editor) DoubleTapped(ev *fyne.PointEvent) {
	if e.clicks >= 2 {
		return
	}
	e.requestFocus()
	c, _ := e.hit(ev.Position)
	e.selectWord(c)
}

// Dragged extends the selection from where the drag started to the pointer; dragging past the
// top or bottom scrolls, as the caret is kept in view.
func (e *Editor) Dragged(ev *fyne.DragEvent) {
	if !e.dragging {
		e.dragging = true
		if !e.pressed { // no MouseDown (touch, tests): the drag's start is the anchor
			c, _ := e.hit(ev.Position.Subtract(fyne.NewPos(ev.Dragged.DX, ev.Dragged.DY)))
			e.anchor = c
		}
	}
	c, up := e.hit(ev.Position)
	e.moveTo(c, up, true)
}

// DragEnd ends a drag selection.
func (e *Editor) DragEnd() {
	e.dragging, e.pressed = false, false
}

// TappedSecondary opens the context menu: undo, redo, cut, copy, paste, select all.
func (e *Editor) TappedSecondary(ev *fyne.PointEvent) {
	e.requestFocus()
	app := fyne.CurrentApp()
	c := app.Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	clip := app.Clipboard()
	_, _, sel := e.selection()
	item := func(label string, enabled bool, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, f)
		it.Disabled = !enabled
		return it
	}
	edit := !e.Disabled()
	menu := fyne.NewMenu("",
		item("撤销", edit && len(e.hist.undo) > 0, e.Undo),
		item("重做", edit && len(e.hist.redo) > 0, e.Redo),
		fyne.NewMenuItemSeparator(),
		item("剪切", edit && sel, func() { e.cutTo(clip) }),
		item("复制", sel, func() { e.copyTo(clip) }),
		item("粘贴", edit, func() { e.pasteFrom(clip) }),
		fyne.NewMenuItemSeparator(),
		item("全选", true, e.SelectAll),
	)
	e.menu = menu
	e.popUp = widget.NewPopUpMenu(menu, c)
	e.popUp.ShowAtPosition(app.Driver().AbsolutePositionForObject(e).Add(ev.Position))
}

func (e *Editor) selectWord(c pos) {
	start, end := wordAt(e.d.paras[c.p].s, c.off)
	e.anchor, e.caret, e.upstream, e.hasGoal = pos{c.p, start}, pos{c.p, end}, false, false
	e.hist.seal()
	e.updateView(true)
}

func (e *Editor) selectParagraph(p int) {
	e.anchor, e.caret, e.upstream, e.hasGoal = pos{p, 0}, pos{p, len(e.d.paras[p].s)}, false, false
	e.hist.seal()
	e.updateView(true)
}

// hit maps a point of the editor to the nearest caret position.
func (e *Editor) hit(at fyne.Position) (pos, bool) {
	off := float32(0)
	if e.r != nil {
		off = e.r.scroll.Offset.Y
	}
	y := at.Y + off - e.m.pad
	g := 0
	if e.m.rowH > 0 {
		g = int(math.Floor(float64(y / e.m.rowH)))
	}
	g = max(0, min(g, e.d.totalLines()-1))
	return e.hitLine(g, float64(at.X-e.m.pad))
}

// hitLine returns the caret position nearest to x on visual line g, and whether it is the end
// of a line that wraps (drawn upstream, at the end of that line).
func (e *Editor) hitLine(g int, x float64) (pos, bool) {
	p, li := e.d.lineAt(g)
	ln := e.d.line(p, li)
	s := e.d.paras[p].s
	off := ln.End
	m := e.d.lay.m
	acc := 0.0
	for i := ln.Start; i < ln.End; {
		r, n := utf8.DecodeRuneInString(s[i:])
		a := 0.0
		if m != nil {
			a = m.Advance(r, e.d.lay.size)
		}
		if x < acc+a/2 {
			off = i
			break
		}
		acc += a
		i += n
	}
	for off > ln.Start && off < len(s) { // never between a character and its accent
		r, _ := utf8.DecodeRuneInString(s[off:])
		if !extending(r) {
			break
		}
		_, n := utf8.DecodeLastRuneInString(s[:off])
		off -= n
	}
	return pos{p, off}, off == ln.End && !ln.Last
}

// caretX is the x of the caret from the start of its line.
func (e *Editor) caretX() float64 {
	ln := e.d.line(e.caret.p, e.d.lineOf(e.caret, e.upstream))
	return e.xIn(e.caret.p, ln.Start, e.caret.off)
}

// xIn is the width of bytes [from, to) of paragraph p.
func (e *Editor) xIn(p, from, to int) float64 {
	m := e.d.lay.m
	if m == nil || to <= from {
		return 0
	}
	w := 0.0
	for _, r := range e.d.paras[p].s[from:to] {
		w += m.Advance(r, e.d.lay.size)
	}
	return w
}

func doubleTapDelay() time.Duration {
	if d, ok := fyne.CurrentApp().Driver().(interface{ DoubleTapDelay() time.Duration }); ok {
		return d.DoubleTapDelay()
	}
	return 300 * time.Millisecond
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
