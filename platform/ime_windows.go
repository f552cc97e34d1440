//go:build windows

package platform

import (
	"sync"
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

	user32             = windows.NewLazySystemDLL("user32.dll")
	createCaret        = user32.NewProc("CreateCaret")
	setCaretPos        = user32.NewProc("SetCaretPos")
	setWindowLongPtr   = user32.NewProc("SetWindowLongPtrW")
	callWindowProc     = user32.NewProc("CallWindowProcW")
	procClientToScreen = user32.NewProc("ClientToScreen")
	procDefWindowProc  = user32.NewProc("DefWindowProcW")
)

const (
	gwlpWndProc = ^uintptr(3) // GWLP_WNDPROC, -4
	wmNCDestroy = 0x0082
)

// imeWindow is what is known of a window MoveIME was called for: the window procedure GLFW
// gave it (before ours took its place), the hidden system caret made for it and the caret
// last reported.
type imeWindow struct {
	oldProc    uintptr
	caretW     int // the system caret's size; 0: none made yet
	caretH     int
	caret      Caret
	caretKnown bool
}

// imeWindows are the windows whose procedure is imeWndProc. Both MoveIME and the procedure run
// on the window's thread; the lock is never held while either calls into Windows.
var imeWindows = struct {
	sync.Mutex
	m map[uintptr]*imeWindow
}{m: map[uintptr]*imeWindow{}}

// imeWndProcPtr is imeWndProc as Windows calls it; made once (callbacks are never freed).
var imeWndProcPtr = sync.OnceValue(func() uintptr { return windows.NewCallback(imeWndProc) })

// MoveIME tells the input method where the caret of the focused field is, in client-area
// pixels of window hwnd, in the three ways input methods learn it: the composition window at
// the caret (CFS_POINT) and the candidate list just below it, kept off the caret's line
// (CFS_EXCLUDE; older Windows input methods read these forms, wine does not); a hidden system
// caret at the same place (input methods that follow only that, and wine's); and the answers
// to WM_IME_REQUEST, which Windows 11's Microsoft Pinyin sends instead of reading the forms:
// the first call subclasses the window so that its procedure answers them (imeWndProc). Call
// it on the window's thread (fyne.Do): carets, input contexts and the window procedure
// belong to the thread that made the window.
func MoveIME(hwnd uintptr, c Caret) {
	if hwnd == 0 {
		return
	}
	w := imeSubclass(hwnd)
	if w == nil {
		return
	}
	imeWindows.Lock()
	w.caret, w.caretKnown = c, true
	remake := w.caretW != c.W || w.caretH != c.H
	imeWindows.Unlock()
	if remake {
		// A caret that is made but never shown (no ShowCaret) is invisible; Fyne draws its own.
		if r, _, _ := createCaret.Call(hwnd, 0, uintptr(c.W), uintptr(c.H)); r != 0 {
			imeWindows.Lock()
			w.caretW, w.caretH = c.W, c.H
			imeWindows.Unlock()
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
	comp := compositionFormAt(c)
	immSetCompositionWindow.Call(himc, uintptr(unsafe.Pointer(&comp)))
	cx, cy := c.CandidatePoint()
	cand := candidateForm{Style: cfsCandidatePos, Pos: point{int32(cx), int32(cy)}}
	immSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
	cand = candidateFormAt(0, c)
	immSetCandidateWindow.Call(himc, uintptr(unsafe.Pointer(&cand)))
}

// imeSubclass puts imeWndProc in front of the window's own procedure, once per window, and
// returns what is known of the window; nil when Windows refused (the forms and the system
// caret still work then).
func imeSubclass(hwnd uintptr) *imeWindow {
	imeWindows.Lock()
	w := imeWindows.m[hwnd]
	imeWindows.Unlock()
	if w != nil {
		return w
	}
	// The previous procedure comes back; 0 means it failed (no real window has procedure 0).
	old, _, _ := setWindowLongPtr.Call(hwnd, gwlpWndProc, imeWndProcPtr())
	if old == 0 {
		return nil
	}
	w = &imeWindow{oldProc: old}
	imeWindows.Lock()
	imeWindows.m[hwnd] = w
	imeWindows.Unlock()
	return w
}

// imeWndProc answers WM_IME_REQUEST about the caret and hands every other message, and the
// requests it does not answer, to the window's own procedure. When the window is destroyed
// it puts that procedure back and forgets the window.
func imeWndProc(hwnd, msg, wParam, lParam uintptr) uintptr {
	imeWindows.Lock()
	w := imeWindows.m[hwnd]
	var c Caret
	var known bool
	var old uintptr
	if w != nil {
		c, known, old = w.caret, w.caretKnown, w.oldProc
	}
	if msg == wmNCDestroy {
		delete(imeWindows.m, hwnd)
	}
	imeWindows.Unlock()
	if w == nil { // cannot happen: only windows in the map have this procedure
		return defWindowProc(hwnd, msg, wParam, lParam)
	}
	switch msg {
	case wmIMERequest:
		if known {
			v := imeView{caret: c, origin: clientOrigin(hwnd), client: clientSize(hwnd)}
			// lParam points at the input method's structure; the conversion is the documented
			// use of WM_IME_REQUEST's lParam (written as vet accepts it).
			if answerIMERequest(wParam, *(*unsafe.Pointer)(unsafe.Pointer(&lParam)), v) {
				return 1
			}
		}
	case wmNCDestroy:
		setWindowLongPtr.Call(hwnd, gwlpWndProc, old)
	}
	r, _, _ := callWindowProc.Call(old, hwnd, msg, wParam, lParam)
	return r
}

func defWindowProc(hwnd, msg, wParam, lParam uintptr) uintptr {
	r, _, _ := procDefWindowProc.Call(hwnd, msg, wParam, lParam)
	return r
}

// clientOrigin is where the window's client area begins on the screen.
func clientOrigin(hwnd uintptr) point {
	var p point
	procClientToScreen.Call(hwnd, uintptr(unsafe.Pointer(&p)))
	return p
}

// clientSize is the window's client area (its top-left is 0,0).
func clientSize(hwnd uintptr) Rect {
	var r rect
	if ok, _, _ := procGetClientRect.Call(hwnd, uintptr(unsafe.Pointer(&r))); ok == 0 {
		return Rect{}
	}
	return Rect{W: int(r.Right - r.Left), H: int(r.Bottom - r.Top)}
}
