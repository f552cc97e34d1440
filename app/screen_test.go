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
