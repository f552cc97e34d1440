package editor

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The benchmarks type into the stock multi-line Entry and into the Editor under the same
// conditions: the test app with the embedded font, a window of benchSize holding only the widget
// (so its renderer and layout really run on every keystroke), word wrapping, an OnChanged that
// receives the text (as the app's 字数 count does).

var benchSize = fyne.NewSize(600, 400)

// typist is one widget under benchmark.
type typist interface {
	load(text string, middle bool) // set the text and put the caret at its end or middle
	typeRune(r rune)
	paste()
}

type stockTypist struct{ e *widget.Entry }

func newStock(b *testing.B) *stockTypist {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.OnChanged = func(string) {}
	w := test.NewWindow(e)
	w.SetPadded(false)
	w.Resize(benchSize)
	b.Cleanup(w.Close)
	return &stockTypist{e}
}

func (s *stockTypist) load(text string, middle bool) {
	s.e.SetText(text)
	s.e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown}) // the caret to the last row's end
	if middle {
		s.e.CursorRow, s.e.CursorColumn = s.e.CursorRow/2, 0
		s.e.Refresh()
	}
}

func (s *stockTypist) typeRune(r rune) { s.e.TypedRune(r) }
func (s *stockTypist) paste() {
	s.e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
}

type editorTypist struct{ e *Editor }

func newEditorTypist(b *testing.B) *editorTypist {
	e := New()
	e.OnChanged = func(string) {}
	w := test.NewWindow(e)
	w.SetPadded(false)
	w.Resize(benchSize)
	b.Cleanup(w.Close)
	return &editorTypist{e}
}

func (t *editorTypist) load(text string, middle bool) {
	t.e.SetText(text)
	n := t.e.Len()
	if middle {
		n /= 2
	}
	setCaret(t.e, n)
}

func (t *editorTypist) typeRune(r rune) { t.e.TypedRune(r) }
func (t *editorTypist) paste() {
	t.e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
}

// paragraphs returns n characters as paragraphs of size characters.
func paragraphs(n, size int) string {
	s := []rune(cjk(n))
	var parts []string
	for i := 0; i < len(s); i += size {
		parts = append(parts, string(s[i:min(i+size, len(s))]))
	}
	return strings.Join(parts, "\n")
}

var benchTexts = []struct{ name, text string }{
	{"100", cjk(100)},
	{"3000", cjk(3000)},
	{"6000", cjk(6000)},
	{"lines/3000", paragraphs(3000, 60)},
}

// resetEvery is how many characters are typed before the text is set back (timer stopped), so
// that the text under test stays within 2% of its nominal length.
const resetEvery = 64

// BenchmarkKeystroke types one character per iteration at the end, then in the middle, of each
// text, in the stock Entry and in the Editor.
func BenchmarkKeystroke(b *testing.B) {
	newTestApp(b)
	for _, kind := range []string{"stock", "editor"} {
		for _, c := range benchTexts {
			for _, where := range []string{"end", "middle"} {
				b.Run(kind+"/"+c.name+"/"+where, func(b *testing.B) {
					var t typist
					if kind == "stock" {
						t = newStock(b)
					} else {
						t = newEditorTypist(b)
					}
					t.load(c.text, where == "middle")
					t.typeRune('字') // measure the rune once, outside the timing
					b.ResetTimer()
					for i := range b.N {
						if i > 0 && i%resetEvery == 0 {
							b.StopTimer()
							t.load(c.text, where == "middle")
							b.StartTimer()
						}
						t.typeRune('字')
					}
				})
			}
		}
	}
}

// BenchmarkPaste pastes 3000 characters (one paragraph, then 60-character paragraphs) into an
// empty widget.
func BenchmarkPaste(b *testing.B) {
	newTestApp(b)
	for _, kind := range []string{"stock", "editor"} {
		for _, c := range benchTexts[1:] {
			if c.name == "6000" {
				continue
			}
			b.Run(kind+"/"+c.name, func(b *testing.B) {
				var t typist
				if kind == "stock" {
					t = newStock(b)
				} else {
					t = newEditorTypist(b)
				}
				fyne.CurrentApp().Clipboard().SetContent(c.text)
				t.load(c.text, false) // measure every rune once, outside the timing
				b.ResetTimer()
				for range b.N {
					b.StopTimer()
					t.load("", false)
					b.StartTimer()
					t.paste()
				}
			})
		}
	}
}
