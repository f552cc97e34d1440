//go:build !windows

package platform

// WindowFrame is not known outside Windows: X11 and Wayland leave the frame to the window
// manager, and Fyne gives no handle to ask it.
func WindowFrame(uintptr) (outer, frame Rect, maximized, ok bool) { return }

// SetWindowFrame cannot move a window outside Windows (the window manager places it); the
// app sizes it to the work area through Fyne instead.
func SetWindowFrame(uintptr, Rect, bool) bool { return false }
