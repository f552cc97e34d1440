package editor

import (
	"time"
	"unicode"
	"unicode/utf8"
)

// editKind says how a step may merge with the next edit.
type editKind uint8

const (
	kindType      editKind = iota // typed text (a rune, Enter, an input method's string)
	kindBackspace                 // Backspace without a selection
	kindDelete                    // Delete without a selection
	kindOther                     // paste, cut, deleting a selection or a word: a step of its own
)

// mergePause is the pause after which typing starts a new undo step even inside a word.
const mergePause = time.Second

// maxSteps bounds the history; the oldest steps are forgotten.
const maxSteps = 1000

// step is one undoable change: inserted replaced removed at at. caret and anchor are the
// selection before the step, which undo restores.
type step struct {
	at                pos
	removed, inserted string
	kind              editKind
	caret, anchor     pos
	when              time.Time
	sealed            bool // nothing may merge into it any more
}

type history struct {
	undo, redo []step
}

func (h *history) clear() { h.undo, h.redo = nil, nil }

// seal ends the current step: the next edit starts a new one (after a caret move, an undo…).
func (h *history) seal() {
	if n := len(h.undo); n > 0 {
		h.undo[n-1].sealed = true
	}
}

// record adds s, merging it into the last step when it continues it.
func (h *history) record(s step) {
	h.redo = nil
	if n := len(h.undo); n > 0 && h.undo[n-1].absorb(s) {
		return
	}
	h.undo = append(h.undo, s)
	if len(h.undo) > maxSteps {
		h.undo = append(h.undo[:0:0], h.undo[len(h.undo)-maxSteps:]...)
	}
}

// absorb merges s into p when s continues p: typing right after p's text within the pause and
// not starting a new word after a blank or punctuation; Backspace or Delete runs likewise.
func (p *step) absorb(s step) bool {
	if p.sealed || s.kind != p.kind || s.when.Sub(p.when) > mergePause {
		return false
	}
	switch s.kind {
	case kindType:
		if s.removed != "" || s.at != after(p.at, p.inserted) {
			return false
		}
		last, _ := utf8.DecodeLastRuneInString(p.inserted)
		first, _ := utf8.DecodeRuneInString(s.inserted)
		if p.inserted != "" && separator(last) && !separator(first) {
			return false // a new word: its own step
		}
		p.inserted += s.inserted
	case kindBackspace:
		if s.inserted != "" || p.inserted != "" || after(s.at, s.removed) != p.at {
			return false
		}
		p.at, p.removed = s.at, s.removed+p.removed
	case kindDelete:
		if s.inserted != "" || p.inserted != "" || s.at != p.at {
			return false
		}
		p.removed += s.removed
	default:
		return false
	}
	p.when = s.when
	return true
}

// separator reports whether r ends a word for undo steps: blanks, line ends, punctuation.
func separator(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
}
