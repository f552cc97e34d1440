//go:build windows

package platform

import (
	"runtime"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procRegisterClassEx = user32.NewProc("RegisterClassExW")
	procCreateWindowEx  = user32.NewProc("CreateWindowExW")
	procDestroyWindow   = user32.NewProc("DestroyWindow")
	procSendMessage     = user32.NewProc("SendMessageW")
)

// wndClassEx is WNDCLASSEXW.
type wndClassEx struct {
	Size       uint32
	Style      uint32
	WndProc    uintptr
	ClsExtra   int32
	WndExtra   int32
	Instance   windows.Handle
	Icon       windows.Handle
	Cursor     windows.Handle
	Background windows.Handle
	MenuName   *uint16
	ClassName  *uint16
	IconSm     windows.Handle
}

const wmUserPing = 0x0400 + 7 // WM_USER+7: the test window's own procedure answers 42

// testWindow makes a window, as GLFW does, whose own procedure answers wmUserPing and
// otherwise does what DefWindowProc does, on the calling thread (locked by the caller).
func testWindow(t *testing.T) uintptr {
	t.Helper()
	proc := windows.NewCallback(func(hwnd, msg, wp, lp uintptr) uintptr {
		if msg == wmUserPing {
			return 42
		}
		return defWindowProc(hwnd, msg, wp, lp)
	})
	var inst windows.Handle
	if err := windows.GetModuleHandleEx(0, nil, &inst); err != nil {
		t.Fatal(err)
	}
	name, _ := windows.UTF16PtrFromString("shenbaoIMETest")
	wc := wndClassEx{WndProc: proc, Instance: inst, ClassName: name}
	wc.Size = uint32(unsafe.Sizeof(wc))
	if r, _, err := procRegisterClassEx.Call(uintptr(unsafe.Pointer(&wc))); r == 0 && err != windows.ERROR_CLASS_ALREADY_EXISTS {
		t.Fatalf("RegisterClassEx: %v", err)
	}
	title, _ := windows.UTF16PtrFromString("输入法测试")
	const wsOverlappedWindow = 0x00CF0000
	hwnd, _, err := procCreateWindowEx.Call(0, uintptr(unsafe.Pointer(name)), uintptr(unsafe.Pointer(title)),
		wsOverlappedWindow, 100, 50, 640, 480, 0, 0, uintptr(inst), 0)
	if hwnd == 0 {
		t.Fatalf("CreateWindowEx: %v", err)
	}
	return hwnd
}

func sendMessage(hwnd, msg, wp uintptr, lp unsafe.Pointer) uintptr {
	r, _, _ := procSendMessage.Call(hwnd, msg, wp, uintptr(lp))
	return r
}

// TestMoveIMEAnswersRequests: after MoveIME, the window answers WM_IME_REQUEST from the caret
// it was told (as Microsoft Pinyin on Windows 11 asks), passes everything else to its own
// procedure, and is let go when destroyed.
func TestMoveIMEAnswersRequests(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	hwnd := testWindow(t)
	destroyed := false
	defer func() {
		if !destroyed {
			procDestroyWindow.Call(hwnd)
		}
	}()

	q := imeCharPosition{Size: 36}
	if r := sendMessage(hwnd, wmIMERequest, imrQueryCharPosition, unsafe.Pointer(&q)); r != 0 {
		t.Errorf("before MoveIME the window's own procedure answered %d", r)
	}

	caret := Caret{X: 30, Y: 40, W: 1, H: 20, Field: Rect{10, 35, 200, 30}}
	MoveIME(hwnd, caret)
	o := clientOrigin(hwnd)
	if o == (point{}) {
		t.Fatal("ClientToScreen gave 0,0 for a window at 100,50")
	}
	if r := sendMessage(hwnd, wmIMERequest, imrQueryCharPosition, unsafe.Pointer(&q)); r == 0 {
		t.Fatal("IMR_QUERYCHARPOSITION not answered")
	}
	want := imeCharPosition{Size: 36, Pt: point{o.X + 30, o.Y + 40}, LineHeight: 20, Document: rect{o.X + 10, o.Y + 35, o.X + 210, o.Y + 65}}
	if q != want {
		t.Errorf("IMECHARPOSITION = %+v, want %+v (client origin %+v)", q, want, o)
	}
	var comp compositionForm
	if r := sendMessage(hwnd, wmIMERequest, imrCompositionWindow, unsafe.Pointer(&comp)); r == 0 || comp != compositionFormAt(caret) {
		t.Errorf("IMR_COMPOSITIONWINDOW → %d, %+v", r, comp)
	}
	cand := candidateForm{Index: 1}
	if r := sendMessage(hwnd, wmIMERequest, imrCandidateWindow, unsafe.Pointer(&cand)); r == 0 || cand != candidateFormAt(1, caret) {
		t.Errorf("IMR_CANDIDATEWINDOW → %d, %+v", r, cand)
	}

	// The caret moves: so do the answers; the window is subclassed once.
	caret.X, caret.Y = 120, 200
	MoveIME(hwnd, caret)
	sendMessage(hwnd, wmIMERequest, imrQueryCharPosition, unsafe.Pointer(&q))
	if q.Pt != (point{o.X + 120, o.Y + 200}) {
		t.Errorf("after the caret moved, pt = %+v", q.Pt)
	}
	imeWindows.Lock()
	w := imeWindows.m[hwnd]
	imeWindows.Unlock()
	if w == nil || w.oldProc == imeWndProcPtr() {
		t.Fatalf("window not known, or its own procedure is ours: %+v", w)
	}

	// Everything else reaches the window's own procedure.
	if r := sendMessage(hwnd, wmUserPing, 0, nil); r != 42 {
		t.Errorf("WM_USER+7 → %d, want the window's own 42", r)
	}
	const imrReconvertString = 4
	if r := sendMessage(hwnd, wmIMERequest, imrReconvertString, nil); r != 0 {
		t.Errorf("IMR_RECONVERTSTRING → %d, want 0 from the window's own procedure", r)
	}

	procDestroyWindow.Call(hwnd)
	destroyed = true
	imeWindows.Lock()
	_, still := imeWindows.m[hwnd]
	imeWindows.Unlock()
	if still {
		t.Error("a destroyed window is still subclassed")
	}
}
