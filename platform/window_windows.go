//go:build windows

package platform

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procGetWindowRect = user32.NewProc("GetWindowRect") // user32: ime_windows.go
	procGetClientRect = user32.NewProc("GetClientRect")
	procIsZoomed      = user32.NewProc("IsZoomed")
	procSetWindowPos  = user32.NewProc("SetWindowPos")
	procShowWindow    = user32.NewProc("ShowWindow")
)

const (
	swpNoZOrder    = 0x0004
	swpNoActivate  = 0x0010
	swShowMaximize = 3
)

// WindowFrame is the window's outer rectangle in screen pixels, the size of its frame (outer
// minus client area: title bar and borders) and whether it is maximised; ok is false when
// Windows does not answer. hwnd comes from Fyne's driver.NativeWindow.
func WindowFrame(hwnd uintptr) (outer, frame Rect, maximized, ok bool) {
	var o, c windows.Rect
	if r, _, _ := procGetWindowRect.Call(hwnd, uintptr(unsafe.Pointer(&o))); r == 0 {
		return Rect{}, Rect{}, false, false
	}
	if r, _, _ := procGetClientRect.Call(hwnd, uintptr(unsafe.Pointer(&c))); r == 0 {
		return Rect{}, Rect{}, false, false
	}
	outer = Rect{int(o.Left), int(o.Top), int(o.Right - o.Left), int(o.Bottom - o.Top)}
	frame = Rect{W: outer.W - int(c.Right-c.Left), H: outer.H - int(c.Bottom-c.Top)}
	z, _, _ := procIsZoomed.Call(hwnd)
	return outer, frame, z != 0, true
}

// SetWindowFrame moves and sizes the window's outer rectangle, and maximises it when asked
// (Fyne has no call for either: it follows the window's new size and place by itself).
func SetWindowFrame(hwnd uintptr, r Rect, maximize bool) bool {
	ok, _, _ := procSetWindowPos.Call(hwnd, 0, uintptr(int32(r.X)), uintptr(int32(r.Y)),
		uintptr(int32(r.W)), uintptr(int32(r.H)), swpNoZOrder|swpNoActivate)
	if maximize {
		procShowWindow.Call(hwnd, swShowMaximize)
	}
	return ok != 0
}
