package app

import (
	"testing"

	"fyne.io/fyne/v2"
)

// Closing the window remembers its size (Linux: the window manager keeps the place), and the
// next start reads it back.
func TestClosingRemembersTheWindowsSize(t *testing.T) {
	h := newHarness(t, "")
	h.u.win.Resize(fyne.NewSize(1000, 640))
	h.u.requestClose()
	s := loadSettings(h.config)
	scale := h.u.win.Canvas().Scale()
	want := int(1000 * scale)
	if s.Window.W != want || s.Window.H != int(640*scale)+guessedFrame.H || s.Window.Maximized {
		t.Errorf("remembered %+v, want %d × %d", s.Window, want, int(640*scale)+guessedFrame.H)
	}
}

// A dialog is cut to the window it is in, leaving the menu bar uncovered above and as much
// room below, but never below what its content needs.
func TestDialogSizeFitsTheWindow(t *testing.T) {
	for _, c := range []struct{ want, min, win, got fyne.Size }{
		{fyne.NewSize(860, 560), fyne.NewSize(400, 300), fyne.NewSize(1366, 768), fyne.NewSize(860, 560)},
		{fyne.NewSize(860, 560), fyne.NewSize(400, 300), fyne.NewSize(910, 480), fyne.NewSize(860, 480-2*(16+menuBarHeight))},
		{fyne.NewSize(860, 560), fyne.NewSize(700, 500), fyne.NewSize(682, 380), fyne.NewSize(700, 500)},
		{fyne.NewSize(860, 560), fyne.NewSize(400, 300), fyne.NewSize(0, 0), fyne.NewSize(860, 560)},
	} {
		if got := dialogSize(c.want, c.min, c.win); got != c.got {
			t.Errorf("dialogSize(%v, %v, %v) = %v, want %v", c.want, c.min, c.win, got, c.got)
		}
	}
}
