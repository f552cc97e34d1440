package editor

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// model is the plain-string reference: the text as runes, the clipboard, and the texts undo
// and redo must bring back.
type model struct {
	text       []rune
	clip       string
	undo, redo []string
}

// alphabet is what the random edits type: Chinese, punctuation, Latin, digits, blanks.
var alphabet = []rune("柳州市名班主任工作室的学生，。、；：？！“”（）《》—…·abcdeXYZ019 　-.,()%")

// TestPropertyEditsMatchPlainString applies random sequences of edits, caret moves, selections,
// clipboard operations, undo and redo to the editor and to a plain string, and checks after
// every step that the texts are equal and the editor's model is consistent.
func TestPropertyEditsMatchPlainString(t *testing.T) {
	seqs, steps := 40, 250
	if testing.Short() {
		seqs = 5
	}
	if os.Getenv("EDITOR_LONG") != "" {
		seqs = 400
	}
	r := rand.New(rand.NewPCG(seed(), 99))
	for seq := range seqs {
		e, w := newTestEditor(t)
		m := &model{}
		if r.IntN(2) == 0 { // start from a long text, as a pasted plan
			start := cjk(r.IntN(3000))
			e.SetText(start)
			m.text = []rune(start)
		}
		var log []string
		for step := range steps {
			name := m.apply(t, r, e, w)
			log = append(log, fmt.Sprintf("%s[%d/%d]", name, len(e.hist.undo), len(m.undo)))
			if got := e.Text(); got != string(m.text) {
				t.Fatalf("sequence %d step %d: after %v\n got %q\nwant %q", seq, step, log[max(0, len(log)-8):], got, string(m.text))
			}
			checkPositions(t, e)
			if shows(name) {
				checkCaretVisible(t, e)
			}
			if step%10 == 0 {
				checkRows(t, e)
				checkDoc(t, e.d, step%30 == 0)
				e.updateView(false) // checkDoc may have settled lines behind the editor's back
			}
		}
	}
}

// shows reports whether the operation named must leave the caret in view.
func shows(name string) bool {
	for _, p := range []string{"type", "ime", "enter", "shift+", "ctrl+", "Left", "Right", "Up", "Down", "Home", "End", "Page"} {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// apply performs one random operation on the editor and the model; it returns its name.
func (m *model) apply(t *testing.T, r *rand.Rand, e *Editor, w fyne.Window) string {
	t.Helper()
	a, b := runeOff(e, min2(e.anchor, e.caret)), runeOff(e, max2(e.anchor, e.caret))
	before := string(m.text)
	steps := len(e.hist.undo)
	edited := true
	var name string
	switch op := r.IntN(24); op {
	case 0, 1, 2, 3:
		c := alphabet[r.IntN(len(alphabet))]
		name = fmt.Sprintf("type %q", c)
		e.TypedRune(c)
		m.replace(a, b, string(c))
	case 4:
		s := randRunes(r, 1+r.IntN(6))
		name = "ime " + string(s)
		for i, c := range s { // Fyne delivers a committed string rune by rune
			if i > 0 {
				m.track(e, before, steps)
				before, steps = string(m.text), len(e.hist.undo)
				a = runeOff(e, e.caret)
				b = a
			}
			e.TypedRune(c)
			m.replace(a, b, string(c))
		}
	case 5, 6:
		name = "backspace"
		key(e, fyne.KeyBackspace)
		switch {
		case a != b:
			m.replace(a, b, "")
		case a > 0:
			m.replace(a-1, a, "")
		}
	case 7:
		name = "delete"
		key(e, fyne.KeyDelete)
		switch {
		case a != b:
			m.replace(a, b, "")
		case a < len(m.text):
			m.replace(a, a+1, "")
		}
	case 8:
		name = "enter"
		key(e, fyne.KeyReturn)
		m.replace(a, b, "\n")
	case 9:
		name = "paste"
		if r.IntN(3) == 0 {
			m.clip = string(randRunes(r, r.IntN(400))) + "\r\n" + string(randRunes(r, r.IntN(50)))
		}
		e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clipWith(m.clip)})
		if s := normalize(m.clip); s != "" {
			m.replace(a, b, s)
		}
	case 10:
		name = "cut"
		c := clipWith(m.clip)
		e.TypedShortcut(&fyne.ShortcutCut{Clipboard: c})
		if a != b {
			m.clip = string(m.text[a:b])
			m.replace(a, b, "")
		}
		if c.Content() != m.clip {
			t.Fatalf("cut put %q on the clipboard, want %q", c.Content(), m.clip)
		}
	case 11:
		name = "copy"
		c := clipWith(m.clip)
		e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: c})
		if a != b {
			m.clip = string(m.text[a:b])
		}
		if c.Content() != m.clip {
			t.Fatalf("copy put %q on the clipboard, want %q", c.Content(), m.clip)
		}
		edited = false
	case 12, 13:
		name = "undo"
		e.TypedShortcut(&fyne.ShortcutUndo{})
		if n := len(m.undo); n > 0 {
			m.redo = append(m.redo, before)
			m.text = []rune(m.undo[n-1])
			m.undo = m.undo[:n-1]
		}
		return name
	case 14:
		name = "redo"
		if r.IntN(2) == 0 {
			ctrl(e, fyne.KeyZ, true)
		} else {
			e.TypedShortcut(&fyne.ShortcutRedo{})
		}
		if n := len(m.redo); n > 0 {
			m.undo = append(m.undo, before)
			m.text = []rune(m.redo[n-1])
			m.redo = m.redo[:n-1]
		}
		return name
	case 15:
		name = "pause"
		pause(e)
		edited = false
	default:
		name = m.move(r, e, w)
		edited = false
	}
	if edited {
		m.track(e, before, steps)
	}
	return name
}

// track follows an edit: if the text changed, the editor either started a new undo step (the
// model remembers the text before) or merged the edit into its last step; either way what was
// undone can no longer be redone.
func (m *model) track(e *Editor, before string, steps int) {
	if string(m.text) == before {
		return
	}
	if len(e.hist.undo) > steps {
		m.undo = append(m.undo, before)
	}
	m.redo = nil
}

// move performs a random caret move or selection; the text does not change.
func (m *model) move(r *rand.Rand, e *Editor, w fyne.Window) string {
	keys := []fyne.KeyName{fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome,
		fyne.KeyEnd, fyne.KeyPageUp, fyne.KeyPageDown}
	switch r.IntN(7) {
	case 0, 1:
		k := keys[r.IntN(len(keys))]
		if r.IntN(2) == 0 {
			shiftKey(e, k)
			return "shift+" + string(k)
		}
		key(e, k)
		return string(k)
	case 2:
		k := []fyne.KeyName{fyne.KeyHome, fyne.KeyEnd, fyne.KeyLeft, fyne.KeyRight}[r.IntN(4)]
		ctrl(e, k, r.IntN(2) == 0)
		return "ctrl+" + string(k)
	case 3:
		at := fyne.NewPos(r.Float32()*e.Size().Width, r.Float32()*e.Size().Height)
		for range 1 + r.IntN(3) {
			mouseDown(e, at, 0)
		}
		e.lastClick = e.lastClick.Add(-time2s)
		return fmt.Sprintf("click %v ×%d", at, e.clicks)
	case 4:
		from := fyne.NewPos(r.Float32()*e.Size().Width, r.Float32()*e.Size().Height)
		to := fyne.NewPos(r.Float32()*e.Size().Width, r.Float32()*e.Size().Height)
		test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
		return fmt.Sprintf("drag %v→%v", from, to)
	case 5:
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		return "select all"
	default:
		size := fyne.NewSize(120+r.Float32()*500, 80+r.Float32()*400)
		w.Resize(size)
		e.Resize(size)
		return fmt.Sprintf("resize %v", size)
	}
}

func (m *model) replace(a, b int, s string) {
	m.text = append(append(append([]rune{}, m.text[:a]...), []rune(s)...), m.text[b:]...)
}

func randRunes(r *rand.Rand, n int) []rune {
	out := make([]rune, n)
	for i := range out {
		out[i] = alphabet[r.IntN(len(alphabet))]
	}
	return out
}

// clipWith returns the test app's clipboard holding s.
func clipWith(s string) fyne.Clipboard {
	c := fyne.CurrentApp().Clipboard()
	c.SetContent(s)
	return c
}

func min2(a, b pos) pos { x, _ := order(a, b); return x }
func max2(a, b pos) pos { _, y := order(a, b); return y }

// checkPositions asserts the caret and the anchor are positions of the text.
func checkPositions(t *testing.T, e *Editor) {
	t.Helper()
	for _, c := range []pos{e.caret, e.anchor} {
		if c.p < 0 || c.p >= len(e.d.paras) || c.off < 0 || c.off > len(e.d.paras[c.p].s) {
			t.Fatalf("position %v out of the text (%d paragraphs)", c, len(e.d.paras))
		}
		if s := e.d.paras[c.p].s; c.off < len(s) && !utf8.RuneStart(s[c.off]) {
			t.Fatalf("position %v inside a character of %q", c, s)
		}
	}
	if e.upstream {
		ln := e.d.line(e.caret.p, e.d.lineOf(e.caret, true))
		if ln.End != e.caret.off {
			t.Fatalf("upstream caret %v not at its line's end %+v", e.caret, ln)
		}
	}
}
