package platform

import "math"

// Input methods (Microsoft Pinyin, Sogou, QQ Pinyin) open their composition and candidate
// windows where the program says its caret is. Fyne draws its own caret and tells Windows
// nothing (GLFW has no input-method support), so the candidates would open at the window's
// corner. The app reports the caret of the focused field here; on Windows MoveIME passes it
// on (ime_windows.go), elsewhere it does nothing.

// Caret is the text caret in the window's client area, in device pixels: its top-left corner
// and its height (the line's height); W is the width of the hidden system caret. Field is the
// focused field's box in the same pixels (empty when not known): input methods that ask for
// the caret (WM_IME_REQUEST) also ask for the text's area, to keep their windows off it.
type Caret struct {
	X, Y, W, H int
	Field      Rect
}

// CaretPixels turns a caret given in Fyne units (x, y: its top-left in the window's canvas,
// h: the line height) into device pixels, scale being the canvas's scale (Windows display
// scaling × FYNE_SCALE). The top-left rounds down and the bottom edge up, so the rectangle
// covers every pixel of the line; it is at least 1 pixel wide and high, and never left of or
// above the client area (an input method would put its window on another monitor).
func CaretPixels(x, y, h, scale float32) Caret {
	if !(scale > 0) { // zero, negative or NaN: Fyne's own default
		scale = 1
	}
	px := math.Floor(float64(x) * float64(scale))
	py := math.Floor(float64(y) * float64(scale))
	bottom := math.Ceil(float64(y+h) * float64(scale))
	c := Caret{X: clampPixel(px), Y: clampPixel(py), W: max(1, int(math.Round(float64(scale))))}
	c.H = max(1, clampPixel(bottom)-c.Y)
	return c
}

// BoxPixels turns a box given in Fyne units (its top-left in the window's canvas and its
// size) into device pixels as CaretPixels does: outward to whole pixels, not left of or above
// the client area.
func BoxPixels(x, y, w, h, scale float32) Rect {
	if !(scale > 0) {
		scale = 1
	}
	left := clampPixel(math.Floor(float64(x) * float64(scale)))
	top := clampPixel(math.Floor(float64(y) * float64(scale)))
	right := clampPixel(math.Ceil(float64(x+w) * float64(scale)))
	bottom := clampPixel(math.Ceil(float64(y+h) * float64(scale)))
	return Rect{X: left, Y: top, W: max(0, right-left), H: max(0, bottom-top)}
}

// clampPixel keeps a coordinate inside what a Win32 POINT holds and not negative.
func clampPixel(v float64) int {
	switch {
	case !(v > 0): // negative or NaN
		return 0
	case v > 1<<20:
		return 1 << 20
	}
	return int(v)
}

// CandidatePoint is where the candidate list's top-left goes: just below the caret's line,
// so the list does not cover the text being typed.
func (c Caret) CandidatePoint() (x, y int) { return c.X, c.Y + c.H }
