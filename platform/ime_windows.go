//go:build windows

package platform

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// IMEFollowsCaret is true on Windows: the app reports its caret through MoveIME.
const IMEFollowsCaret = true

var (
	imm32                   = windows.NewLazySystemDLL("imm32.dll")
	immGetContext           = imm32.NewProc("ImmGetContext")
	immReleaseContext       = imm32.NewProc("ImmReleaseContext")
	immSetCompositionWindow = imm32.NewProc("ImmSetCompositionWindow")
	immSetCandidateWindow   = imm32.NewProc("ImmSetCandidateWindow")

	user32      = windows.NewLazySystemDLL("user32.dll")
	createCaret = user32.NewProc("CreateCaret")
	setCaretPos = user32.NewProc("SetCaretPos")
)

// imm.h styles
const (
	cfsPoint        = 0x0002
	cfsCandidatePos = 0x0040
	cfsExclude      = 0x0080
)

type point struct{ X, Y int32 }
type rect struct{ Left, Top, Right, Bottom int32 }

// compositionForm is COMPOSITIONFORM.
type compositionForm struct {
	Style uint32
	Pos   point
	Area  rect
}

// candidateForm is CANDIDATEFORM.
type candidateForm struct {
	Index uint32
	Style uint32
	Pos   point
	Area  rect
}

// imeCaret remembers the hidden system caret made for the window, so it is made again only
// when the window or the line height changes. Only the window's thread touches it.
var imeCaret struct {
	hwnd uintptr
	w, h int
}

// MoveIME tells the input method where the caret of the focused field is, in client-area
// pixels of window hwnd: the composition window at the caret (CFS_POINT), the candidate list
// just below it, then kept off the caret's line (CFS_EXCLUDE; Windows input methods honour
// the candidate form, wine does not), and a hidden system caret at the same place for input
// methods that follow only that (and for wine). Call it on the window's thread (fyne.Do):
// carets and input contexts belong to the thread that made the window.
func MoveIME(hwnd uintptr, c Caret) {
	if hwnd == 0 {
		return
	}
	if imeCaret.hwnd != hwnd || imeCaret.w != c.W || imeCaret.h != c.H {
		// A caret that is made but never shown (no ShowCaret) is invisible; Fyne draws its own.
		if r, _, _ := createCaret.Call(hwnd, 0, uintptr(c.W), uintptr(c.H)); r != 0 {
			imeCaret.hwnd, imeCaret.w, imeCaret.h = hwnd, c.W, c.H
		}
	}
	setCaretPos.Call(uintptr(c.X), uintptr(c.Y))

	if immGetContext.Find() != nil { // no imm32 (never on a desktop Windows)
		return
	}
	himc, _, _ := immGetContext.Call(hwnd)
	if himc == 0 {
		return
	}
	defer immReleaseContext.Call(hwnd, himc)
	caretRect := rect{int32(c.X), int32(c.Y), int32(c.X + c.W), int32(c.Y + c.H)}
	comp := compositionForm{Style: cfsPoint, Pos: point{int32(c.X), int32(c.Y)}}
	immSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&comp)))
	cx, cy := c.CandidatePoint()
	cand := candidateForm{Style: cfsCandidatePos, Pos: point{int32(cx), int32(cy)}}
	immSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
	cand = candidateForm{Style: cfsExclude, Pos: point{int32(c.X), int32(c.Y)}, Area: caretRect}
	immSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
}
