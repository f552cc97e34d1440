package editor

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// TypedRune inserts a typed character (an input method sends its committed string one rune
// at a time), replacing the selection.
func (e *Editor) TypedRune(r rune) {
	if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) { // control characters are not text
		return
	}
	a, b, _ := e.selection()
	e.edit(a, b, string(r), kindType)
}

// KeyDown tracks Shift, which extends the selection with the caret keys.
func (e *Editor) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
}

// KeyUp tracks Shift.
func (e *Editor) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
}

// shiftHeld reports whether Shift is down, from the key events or, when they were missed (the
// window got Shift while another widget had the focus), from the driver.
func (e *Editor) shiftHeld() bool {
	if e.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

// TypedKey handles the editing and caret keys.
func (e *Editor) TypedKey(k *fyne.KeyEvent) {
	ext := e.shiftHeld()
	switch k.Name {
	case fyne.KeyBackspace:
		e.deleteBack()
	case fyne.KeyDelete:
		e.deleteForward()
	case fyne.KeyReturn, fyne.KeyEnter:
		a, b, _ := e.selection()
		e.edit(a, b, "\n", kindType)
	case fyne.KeyTab: // a form field: Tab goes to the next one, never into the text
		e.moveFocus(ext)
	case fyne.KeyLeft:
		if a, _, ok := e.selection(); ok && !ext {
			e.moveTo(a, false, false)
		} else {
			e.moveTo(e.prev(e.caret), false, ext)
		}
	case fyne.KeyRight:
		if _, b, ok := e.selection(); ok && !ext {
			e.moveTo(b, false, false)
		} else {
			e.moveTo(e.next(e.caret), false, ext)
		}
	case fyne.KeyUp:
		e.vertical(-1, ext)
	case fyne.KeyDown:
		e.vertical(1, ext)
	case fyne.KeyPageUp:
		e.page(-1, ext)
	case fyne.KeyPageDown:
		e.page(1, ext)
	case fyne.KeyHome:
		ln := e.d.line(e.caret.p, e.d.lineOf(e.caret, e.upstream))
		e.moveTo(pos{e.caret.p, ln.Start}, false, ext)
	case fyne.KeyEnd:
		ln := e.d.line(e.caret.p, e.d.lineOf(e.caret, e.upstream))
		e.moveTo(pos{e.caret.p, ln.End}, !ln.Last, ext)
	}
}

// TypedShortcut handles copy, cut, paste, select all, undo, redo and the Ctrl+key moves.
func (e *Editor) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		e.copyTo(clipboard(s.Clipboard))
	case *fyne.ShortcutCut:
		e.cutTo(clipboard(s.Clipboard))
	case *fyne.ShortcutPaste:
		e.pasteFrom(clipboard(s.Clipboard))
	case *fyne.ShortcutSelectAll:
		e.SelectAll()
	case *fyne.ShortcutUndo:
		e.Undo()
	case *fyne.ShortcutRedo:
		e.Redo()
	case *desktop.CustomShortcut:
		e.customShortcut(s)
	}
}

// customShortcut handles Ctrl(+Shift)+key: Ctrl+Shift+Z (redo), Ctrl+Home/End, Ctrl+Left/Right
// (by word), Ctrl+Backspace/Delete (a word).
func (e *Editor) customShortcut(s *desktop.CustomShortcut) {
	ext := s.Modifier&fyne.KeyModifierShift != 0
	if m := s.Modifier &^ fyne.KeyModifierShift; m != fyne.KeyModifierShortcutDefault && m != fyne.KeyModifierControl {
		return
	}
	switch s.KeyName {
	case fyne.KeyZ:
		if ext {
			e.Redo()
		} else {
			e.Undo()
		}
	case fyne.KeyY:
		e.Redo()
	case fyne.KeyHome:
		e.moveTo(e.d.start(), false, ext)
	case fyne.KeyEnd:
		e.moveTo(e.d.end(), false, ext)
	case fyne.KeyLeft:
		e.moveTo(e.wordLeft(e.caret), false, ext)
	case fyne.KeyRight:
		e.moveTo(e.wordRight(e.caret), false, ext)
	case fyne.KeyBackspace:
		if a, b, ok := e.selection(); ok {
			e.edit(a, b, "", kindOther)
		} else {
			e.edit(e.wordLeft(e.caret), e.caret, "", kindOther)
		}
	case fyne.KeyDelete:
		if a, b, ok := e.selection(); ok {
			e.edit(a, b, "", kindOther)
		} else {
			e.edit(e.caret, e.wordRight(e.caret), "", kindOther)
		}
	}
}

func (e *Editor) deleteBack() {
	if a, b, ok := e.selection(); ok {
		e.edit(a, b, "", kindOther)
		return
	}
	if p := e.prevRune(e.caret); p != e.caret {
		e.edit(p, e.caret, "", kindBackspace)
	}
}

func (e *Editor) deleteForward() {
	if a, b, ok := e.selection(); ok {
		e.edit(a, b, "", kindOther)
		return
	}
	if n := e.next(e.caret); n != e.caret {
		e.edit(e.caret, n, "", kindDelete)
	}
}

// moveFocus passes the keyboard to the next (or previous) field of the window.
func (e *Editor) moveFocus(back bool) {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	if back {
		c.FocusPrevious()
	} else {
		c.FocusNext()
	}
}

// moveTo puts the caret at c, extending the selection or not; it ends the current undo step.
func (e *Editor) moveTo(c pos, upstream, extend bool) {
	e.caret, e.upstream, e.hasGoal = c, upstream, false
	if !extend {
		e.anchor = c
	}
	e.hist.seal()
	e.updateView(true)
}

// vertical moves the caret by n visual lines, keeping its x (the goal) across short lines.
func (e *Editor) vertical(n int, extend bool) {
	x := e.goalX
	if !e.hasGoal {
		x = e.caretX()
	}
	g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream)) + n
	switch {
	case g < 0:
		e.moveTo(e.d.start(), false, extend)
	case g >= e.d.totalLines():
		e.moveTo(e.d.end(), false, extend)
	default:
		c, up := e.hitLine(g, x)
		e.moveTo(c, up, extend)
	}
	e.goalX, e.hasGoal = x, true
}

// page moves the caret and the view by a screenful less one line.
func (e *Editor) page(dir int, extend bool) {
	rows := 1
	if e.r != nil {
		rows = max(int(e.r.scroll.Size().Height/e.m.rowH)-1, 1)
		off := e.r.scroll.Offset.Y + float32(dir*rows)*e.m.rowH
		e.r.scrollTo(off)
	}
	e.vertical(dir*rows, extend)
}

// prevRune is the position one rune before c (the end of the previous paragraph at a
// paragraph start): Backspace removes one code point, so an accent can be retyped.
func (e *Editor) prevRune(c pos) pos {
	if c.off == 0 {
		if c.p == 0 {
			return c
		}
		return pos{c.p - 1, len(e.d.paras[c.p-1].s)}
	}
	_, n := utf8.DecodeLastRuneInString(e.d.paras[c.p].s[:c.off])
	return pos{c.p, c.off - n}
}

// prev is the caret position one character before c, skipping combining marks.
func (e *Editor) prev(c pos) pos {
	if c.off == 0 {
		return e.prevRune(c)
	}
	s := e.d.paras[c.p].s
	off := c.off
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:off])
		off -= n
		if !extending(r) {
			break
		}
	}
	return pos{c.p, off}
}

// next is the caret position one character after c, skipping combining marks.
func (e *Editor) next(c pos) pos {
	s := e.d.paras[c.p].s
	if c.off == len(s) {
		if c.p == len(e.d.paras)-1 {
			return c
		}
		return pos{c.p + 1, 0}
	}
	_, n := utf8.DecodeRuneInString(s[c.off:])
	off := c.off + n
	for off < len(s) {
		r, n := utf8.DecodeRuneInString(s[off:])
		if !extending(r) {
			break
		}
		off += n
	}
	return pos{c.p, off}
}

// wordLeft is the start of the word before c (Ctrl+Left).
func (e *Editor) wordLeft(c pos) pos {
	if c.off == 0 {
		return e.prevRune(c)
	}
	return pos{c.p, wordBefore(e.d.paras[c.p].s, c.off)}
}

// wordRight is the start of the word after c (Ctrl+Right).
func (e *Editor) wordRight(c pos) pos {
	if c.off == len(e.d.paras[c.p].s) {
		return e.next(c)
	}
	return pos{c.p, wordAfter(e.d.paras[c.p].s, c.off)}
}

// clipboard is the shortcut's clipboard, or the app's.
func clipboard(c fyne.Clipboard) fyne.Clipboard {
	if c != nil {
		return c
	}
	return fyne.CurrentApp().Clipboard()
}

func (e *Editor) copyTo(c fyne.Clipboard) {
	if t := e.SelectedText(); t != "" {
		c.SetContent(t)
	}
}

func (e *Editor) cutTo(c fyne.Clipboard) {
	a, b, ok := e.selection()
	if !ok || e.Disabled() {
		return
	}
	c.SetContent(e.d.slice(a, b))
	e.edit(a, b, "", kindOther)
}

// pasteFrom inserts the clipboard's text as one undo step.
func (e *Editor) pasteFrom(c fyne.Clipboard) {
	t := c.Content()
	if t == "" {
		return
	}
	a, b, _ := e.selection()
	e.edit(a, b, t, kindOther)
}
