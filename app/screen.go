package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"

	"shenbao/platform"
)

// defaultSize is the window's size, in Fyne units, where the screen has room for it.
var defaultSize = fyne.NewSize(1300, 700)

// guessedFrame is the title bar a Linux window manager adds (Fyne cannot ask it); on Windows
// the real frame is measured.
var guessedFrame = platform.Rect{H: 32}

// windowPlace is where the window was when it was last closed (pixels of its outer frame).
type windowPlace struct {
	platform.Rect
	Maximized bool `json:"maximized,omitempty"`
}

// workAreas are the monitors' work areas in pixels (the screen less the taskbar), the primary
// first as GLFW lists it. Only on Fyne's main thread, once the driver runs.
func workAreas() []platform.Rect {
	var out []platform.Rect
	for _, m := range glfw.GetMonitors() {
		if x, y, w, h := m.GetWorkarea(); w > 0 && h > 0 {
			out = append(out, platform.Rect{X: x, Y: y, W: w, H: h})
		}
	}
	return out
}

// hwndOf is the Windows window handle behind a Fyne window; 0 elsewhere.
func hwndOf(w fyne.Window) uintptr {
	var h uintptr
	if nw, ok := w.(driver.NativeWindow); ok {
		nw.RunNative(func(ctx any) {
			if c, ok := ctx.(driver.WindowsWindowContext); ok {
				h = c.HWND
			}
		})
	}
	return h
}

// fitScreen puts the window where it was last closed, or on the primary monitor, always
// wholly within a work area: at 125 % on a 1366×768 laptop 1300×700 units are 1625×875
// pixels, which ran off the screen and hid the status bar. On Windows the frame is moved and
// maximised through Win32 (Fyne has no call for it); elsewhere the window manager places it
// and only its size is fitted. It watches for monitors being unplugged, too.
func (u *UI) fitScreen() {
	u.placeWindow(u.set.Window)
	glfw.SetMonitorCallback(func(*glfw.Monitor, glfw.PeripheralEvent) { u.keepOnScreen() })
}

func (u *UI) placeWindow(saved windowPlace) {
	areas := workAreas()
	scale := u.win.Canvas().Scale()
	hwnd := hwndOf(u.win)
	_, frame, _, native := platform.WindowFrame(hwnd)
	if !native {
		frame = guessedFrame
	}
	want := platform.Rect{W: int(defaultSize.Width*scale) + frame.W, H: int(defaultSize.Height*scale) + frame.H}
	r, maximize := platform.Place(saved.Rect, saved.Maximized, areas, want)
	if native && platform.SetWindowFrame(hwnd, r, maximize) {
		return
	}
	u.win.Resize(fyne.NewSize(float32(r.W-frame.W)/scale, float32(r.H-frame.H)/scale))
}

// keepOnScreen brings the window back when the monitor it was on has gone (Windows leaves it
// where no one can reach it).
func (u *UI) keepOnScreen() {
	outer, _, maxed, ok := platform.WindowFrame(hwndOf(u.win))
	if ok && !platform.OnScreen(outer, workAreas()) {
		u.placeWindow(windowPlace{Rect: outer, Maximized: maxed}) // same size, on the primary monitor
	}
}

// rememberWindow notes the window's place and size for the next start. A maximised window
// keeps the size it had before, for when the user restores it.
func (u *UI) rememberWindow() {
	if outer, _, maxed, ok := platform.WindowFrame(hwndOf(u.win)); ok {
		if !maxed {
			u.set.Window.Rect = outer
		}
		u.set.Window.Maximized = maxed
	} else {
		scale := u.win.Canvas().Scale()
		s := u.win.Canvas().Size()
		u.set.Window = windowPlace{Rect: platform.Rect{W: int(s.Width*scale) + guessedFrame.W, H: int(s.Height*scale) + guessedFrame.H}}
	}
	if err := u.set.save(); err != nil {
		fyne.LogError("saving the window's place", err)
	}
}
