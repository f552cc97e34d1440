package app

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

func TestMain(m *testing.M) {
	// The tests must pass on a machine set to English: the app forces Chinese.
	os.Unsetenv("LANGUAGE")
	os.Setenv("LC_ALL", "en_US.UTF-8")
	os.Setenv("LANG", "en_US.UTF-8")
	useChinese()
	os.Exit(m.Run())
}

// fakeClock runs timers when the test says time has passed: no test sleeps.
type fakeClock struct {
	now    time.Time
	timers []*fakeTimer
}

type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2024, 7, 10, 9, 0, 0, 0, time.Local)}
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) After(d time.Duration, f func()) func() {
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.timers = append(c.timers, t)
	return func() { t.stopped = true }
}

// Advance moves the clock on, running the timers that fall due, in time order.
func (c *fakeClock) Advance(d time.Duration) {
	end := c.now.Add(d)
	for {
		sort.SliceStable(c.timers, func(i, j int) bool { return c.timers[i].at.Before(c.timers[j].at) })
		if len(c.timers) == 0 || c.timers[0].at.After(end) {
			break
		}
		t := c.timers[0]
		c.timers = c.timers[1:]
		if !t.stopped {
			c.now = t.at
			t.f()
		}
	}
	c.now = end
}

// fakeFiles answers file dialogs with what the test set.
type fakeFiles struct {
	open, save, folder string
	many               []string          // OpenFiles' answer; when nil, open alone (if set)
	asked              []string          // titles, in order
	startedIn          map[string]string // title → the folder the dialog was to start in
}

func (f *fakeFiles) ask(title, dir string) {
	f.asked = append(f.asked, title)
	if f.startedIn == nil {
		f.startedIn = map[string]string{}
	}
	f.startedIn[title] = dir
}

func (f *fakeFiles) OpenFile(_ fyne.Window, title, dir string, _ fileKind, done func(string)) {
	f.ask(title, dir)
	done(f.open)
}

func (f *fakeFiles) OpenFiles(_ fyne.Window, title, dir string, _ fileKind, done func([]string)) {
	f.ask(title, dir)
	switch {
	case f.many != nil:
		done(f.many)
	case f.open != "":
		done([]string{f.open})
	default:
		done(nil)
	}
}

func (f *fakeFiles) SaveFile(_ fyne.Window, title, dir, _ string, _ fileKind, done func(string)) {
	f.ask(title, dir)
	done(f.save)
}

func (f *fakeFiles) Folder(_ fyne.Window, title, dir string, done func(string)) {
	f.ask(title, dir)
	done(f.folder)
}

type harness struct {
	t        testing.TB
	u        *UI
	clock    *fakeClock
	files    *fakeFiles
	config   string
	opened   []string   // paths given to the system viewer
	revealed [][]string // files shown in the file manager
	openErr  error      // what the system viewer answers
}

// newHarness builds the app on Fyne's headless test driver, with the Chinese theme, a fake
// clock, fake file dialogs and work run synchronously.
func newHarness(t testing.TB, config string) *harness {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1366, 768))
	h := &harness{t: t, clock: newFakeClock(), files: &fakeFiles{}, config: config}
	if h.config == "" {
		h.config = t.TempDir()
	}
	h.u = New(a, w, Env{ConfigDir: h.config, After: h.clock.After, Now: h.clock.Now,
		Go: func(f func()) { f() }, Files: h.files,
		OpenPath: func(p string) error { h.opened = append(h.opened, p); return h.openErr },
		Reveal:   func(ps ...string) error { h.revealed = append(h.revealed, ps); return h.openErr }})
	w.Show()
	return h
}

func (h *harness) canvas() fyne.Canvas { return h.u.win.Canvas() }

// entry is the input of a field path.
func (h *harness) entry(path string) *widget.Entry {
	h.t.Helper()
	v := h.u.views[path]
	if v == nil || v.entry == nil {
		h.t.Fatalf("no entry for %s (is its page built?)", path)
	}
	return v.entry
}

// dialogs are the texts shown in the overlays (dialogs) now open.
func (h *harness) overlayTexts() string {
	var sb strings.Builder
	for _, o := range h.canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			switch w := o.(type) {
			case *widget.Label:
				sb.WriteString(w.Text + "\n")
			case *zhText:
				sb.WriteString(w.Text + "\n")
			case *tapLabel:
				sb.WriteString(w.Text + "\n")
			case *widget.Button:
				sb.WriteString("[" + w.Text + "]\n")
			}
		})
	}
	return sb.String()
}

// tapButton taps the button with that text in the top dialog.
func (h *harness) tapButton(text string) {
	h.t.Helper()
	top := h.canvas().Overlays().Top()
	if top == nil {
		h.t.Fatalf("no dialog open to tap %q", text)
	}
	var found *widget.Button
	walk(top, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no button %q in the dialog:\n%s", text, h.overlayTexts())
	}
	test.Tap(found)
}

func (h *harness) closeDialogs() {
	for h.canvas().Overlays().Top() != nil {
		h.canvas().Overlays().Remove(h.canvas().Overlays().Top())
	}
}

// walk visits o and everything drawn inside it, skipping what is hidden.
func walk(o fyne.CanvasObject, f func(fyne.CanvasObject)) {
	if !o.Visible() {
		return
	}
	f(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, f)
		}
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			walk(child, f)
		}
	}
}

// writeSample writes the sample draft into dir and returns its path.
func writeSample(t testing.TB, dir string) string {
	t.Helper()
	p := filepath.Join(dir, "示例草稿.json")
	if err := forms.Sample(forms.Default()).Save(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// sampleOf is a harness showing def's sample, opened from a file: the synthetic form of every
// kind is put in the user's forms folder first, as a form the program does not ship.
func sampleOf(t *testing.T, def *forms.Definition) *harness {
	t.Helper()
	config := t.TempDir()
	os.MkdirAll(filepath.Join(config, "forms"), 0o755)
	if file := formstest.Form(def); strings.HasSuffix(file, ".toml") { // a synthetic form: into the forms folder
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(config, "forms", filepath.Base(file)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(forms.ResetRegistered)
	p := filepath.Join(t.TempDir(), "示例草稿.json")
	// written as bytes: Save reads the file back, and the synthetic form is not registered yet
	if err := os.WriteFile(p, forms.Sample(def).Marshal(), 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, config)
	h.u.Start(p)
	if h.u.d.Form().ID != def.ID {
		t.Fatalf("opened a draft of %s, want %s", h.u.d.Form().ID, def.ID)
	}
	return h
}

// newDraft starts a new draft as the menu does, answering 新建 (the form selected: the
// draft's) when the program asks which form.
func (h *harness) newDraft() {
	h.t.Helper()
	h.u.newDraft()
	if strings.Contains(h.overlayTexts(), "新建哪一种表格") {
		h.tapButton("新建")
	}
}
