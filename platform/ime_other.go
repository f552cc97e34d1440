//go:build !windows

package platform

// IMEFollowsCaret is false outside Windows: Linux input methods reach Fyne through
// GLFW/X11 without a caret position to set.
const IMEFollowsCaret = false

// MoveIME does nothing outside Windows.
func MoveIME(hwnd uintptr, c Caret) {}
