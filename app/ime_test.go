package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/editor"
)

// The caret given to the input method is inside the focused field, on its text line, and
// moves right as text is typed; a button has none.
func TestCaretOfFocusedField(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	entry := widget.NewEntry()
	ed := editor.New()
	btn := widget.NewButton("保存", nil)
	body := container.New(layout.NewVBoxLayout(), widget.NewLabel("主持人姓名"), entry, btn,
		container.NewGridWrap(fyne.NewSize(400, 200), ed))
	w := test.NewWindow(body)
	w.Resize(fyne.NewSize(500, 400))
	abs := a.Driver().AbsolutePositionForObject

	inside := func(what string, p fyne.Position, h float32, obj fyne.CanvasObject) {
		t.Helper()
		o, s := abs(obj), obj.Size()
		if p.X < o.X || p.X > o.X+s.Width || p.Y < o.Y || p.Y+h > o.Y+s.Height || h < 10 {
			t.Fatalf("%s: caret %v height %v outside the field at %v size %v", what, p, h, o, s)
		}
	}
	w.Canvas().Focus(entry)
	p0, h, ok := caretOf(w.Canvas().Focused(), abs)
	if !ok {
		t.Fatal("no caret in the focused entry")
	}
	inside("empty entry", p0, h, entry)
	test.Type(entry, "黎明")
	p1, h, _ := caretOf(w.Canvas().Focused(), abs)
	inside("after typing", p1, h, entry)
	if p1.X < p0.X+20 || p1.Y != p0.Y {
		t.Fatalf("caret after typing two characters at %v, before at %v", p1, p0)
	}
	test.Type(entry, "柳州市第一中学柳州市第一中学柳州市第一中学柳州市第一中学")
	p2, h, _ := caretOf(w.Canvas().Focused(), abs)
	inside("text longer than the field", p2, h, entry)

	w.Canvas().Focus(ed)
	ed.SetText("三年发展规划")
	p3, h, ok := caretOf(w.Canvas().Focused(), abs)
	if !ok {
		t.Fatal("no caret in the focused editor")
	}
	inside("editor", p3, h, ed)

	w.Canvas().Focus(btn)
	if _, _, ok := caretOf(w.Canvas().Focused(), abs); ok {
		t.Fatal("a button reported a caret")
	}
}

// The app's own fields (fieldEntry, and the wrapping table cells) report their caret too.
func TestCaretOfTheAppsFields(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	for page, path := range map[string]string{"主持人": "host.name", "指导老师": "advisers[1].unit"} {
		h.u.showPage(page)
		v := h.u.views[path]
		h.canvas().Focus(v.focus)
		p, ht, ok := caretOf(h.canvas().Focused(), abs)
		o, s := abs(v.focus.(fyne.CanvasObject)), v.focus.(fyne.CanvasObject).Size()
		if !ok || p.X < o.X || p.X > o.X+s.Width || p.Y < o.Y || p.Y+ht > o.Y+s.Height {
			t.Errorf("%s: caret %v (ok %v) outside the field at %v size %v", path, p, ok, o, s)
		}
	}
}
