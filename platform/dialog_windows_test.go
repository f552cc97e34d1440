//go:build windows

package platform

import (
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	procFindWindow       = user32.NewProc("FindWindowW")
	procIsWindowEnabled  = user32.NewProc("IsWindowEnabled")
	procGetWindow        = user32.NewProc("GetWindow")
	procEnumChildWindows = user32.NewProc("EnumChildWindows")
	procGetClassName     = user32.NewProc("GetClassNameW")
	procSetWindowText    = user32.NewProc("SetWindowTextW")
	procPostMessage      = user32.NewProc("PostMessageW")
	procPeekMessage      = user32.NewProc("PeekMessageW")
	procTranslateMessage = user32.NewProc("TranslateMessage")
	procDispatchMessage  = user32.NewProc("DispatchMessageW")
)

type msg struct {
	hwnd           uintptr
	message        uint32
	wParam, lParam uintptr
	time           uint32
	pt             point
	private        uint32
}

// pumpUntil handles the calling thread's messages, as GLFW's loop does for the app's window,
// until done says so; false after the time is up.
func pumpUntil(limit time.Duration, done func() bool) bool {
	end := time.Now().Add(limit)
	for !done() {
		if time.Now().After(end) {
			return false
		}
		var m msg
		for {
			const pmRemove = 1
			if r, _, _ := procPeekMessage.Call(uintptr(unsafe.Pointer(&m)), 0, 0, 0, pmRemove); r == 0 {
				break
			}
			procTranslateMessage.Call(uintptr(unsafe.Pointer(&m)))
			procDispatchMessage.Call(uintptr(unsafe.Pointer(&m)))
		}
		time.Sleep(20 * time.Millisecond)
	}
	return true
}

// findEdit is the first Edit control in the dialog: the file name box.
func findEdit(dlg uintptr) uintptr {
	var edit uintptr
	cb := syscall.NewCallback(func(h, _ uintptr) uintptr {
		var buf [32]uint16
		procGetClassName.Call(h, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
		if windows.UTF16ToString(buf[:]) == "Edit" {
			edit = h
			return 0
		}
		return 1
	})
	procEnumChildWindows.Call(dlg, cb, 0)
	return edit
}

type dialogAnswer struct {
	paths []string
	err   error
}

// answerDialog waits (pumping the owner's thread) for the dialog titled title to open on its
// own thread, checks it is modal to owner, types name into its file name box ("" leaves it)
// and presses button (IDOK 1, IDCANCEL 2); then it waits for the answer.
func answerDialog(t *testing.T, owner uintptr, title, name string, button uintptr, answers <-chan dialogAnswer) dialogAnswer {
	t.Helper()
	tp, _ := windows.UTF16PtrFromString(title)
	var dlg uintptr
	if !pumpUntil(30*time.Second, func() bool {
		dlg, _, _ = procFindWindow.Call(0, uintptr(unsafe.Pointer(tp)))
		return dlg != 0
	}) {
		t.Fatalf("no dialog titled %q", title)
	}
	pumpUntil(time.Second, func() bool { return false }) // let it settle
	const gwOwner = 4
	if o, _, _ := procGetWindow.Call(dlg, gwOwner); o != owner {
		t.Errorf("%s: owned by %x, want the window %x", title, o, owner)
	}
	if en, _, _ := procIsWindowEnabled.Call(owner); en != 0 {
		t.Errorf("%s: the window stays enabled under the dialog", title)
	}
	// The window's own thread still answers while the dialog is open on another.
	if r := sendMessage(owner, wmUserPing, 0, nil); r != 42 {
		t.Errorf("%s: the window did not answer while the dialog was open: %d", title, r)
	}
	if name != "" {
		edit := findEdit(dlg)
		if edit == 0 {
			t.Fatalf("%s: no file name box", title)
		}
		n, _ := windows.UTF16PtrFromString(name)
		procSetWindowText.Call(edit, uintptr(unsafe.Pointer(n)))
	}
	const wmCommand = 0x0111
	procPostMessage.Call(dlg, wmCommand, button, 0)
	var a dialogAnswer
	got := false
	if !pumpUntil(30*time.Second, func() bool {
		select {
		case a = <-answers:
			got = true
		default:
		}
		return got
	}) {
		t.Fatalf("%s: the dialog did not return", title)
	}
	if en, _, _ := procIsWindowEnabled.Call(owner); en == 0 {
		t.Errorf("%s: the window stays disabled after the dialog", title)
	}
	return a
}

// The system's dialogs, run as the app runs them: on a goroutine of their own, modal to a
// window whose thread goes on handling messages; wine's comdlg32 implements them.
func TestNativeDialogs(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	owner := testWindow(t)
	defer procDestroyWindow.Call(owner)
	dir := filepath.Join(t.TempDir(), "申报 材料")
	os.MkdirAll(filepath.Join(dir, "导出 文件"), 0o755)
	for _, f := range []string{"第一页.jpg", "第二页.png", "扫描.pdf", "不要.txt"} {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	pictures := []FileFilter{{"照片或 PDF (*.jpg;*.png;*.pdf)", []string{"*.jpg", "*.png", "*.pdf"}}}
	drafts := []FileFilter{{"草稿 (*.json)", []string{"*.json"}}}
	run := func(f func() ([]string, error)) <-chan dialogAnswer {
		ch := make(chan dialogAnswer, 1)
		go func() {
			p, err := f()
			ch <- dialogAnswer{p, err}
		}()
		return ch
	}

	a := answerDialog(t, owner, "添加照片或扫描的 PDF", `"第一页.jpg" "扫描.pdf"`, 1, run(func() ([]string, error) {
		return OpenFiles(owner, "添加照片或扫描的 PDF", pictures, dir, true)
	}))
	want := []string{filepath.Join(dir, "第一页.jpg"), filepath.Join(dir, "扫描.pdf")}
	if a.err != nil || !slices.Equal(a.paths, want) {
		t.Errorf("two files chosen: got %q, %v; want %q", a.paths, a.err, want)
	}

	a = answerDialog(t, owner, "选择照片", "", 2, run(func() ([]string, error) {
		return OpenFiles(owner, "选择照片", pictures, dir, false)
	}))
	if a.err != nil || a.paths != nil {
		t.Errorf("取消: got %q, %v; want nothing", a.paths, a.err)
	}

	a = answerDialog(t, owner, "保存草稿", "草稿 一", 1, run(func() ([]string, error) {
		p, err := SaveFile(owner, "保存草稿", drafts, dir, "柳州")
		return []string{p}, err
	}))
	if want := filepath.Join(dir, "草稿 一.json"); a.err != nil || len(a.paths) != 1 || a.paths[0] != want {
		t.Errorf("saved: got %q, %v; want %q (the filter's extension added)", a.paths, a.err, want)
	}

	sub := filepath.Join(dir, "导出 文件")
	a = answerDialog(t, owner, "导出到哪个文件夹", sub, 1, run(func() ([]string, error) {
		p, err := PickFolder(owner, "导出到哪个文件夹", dir)
		return []string{p}, err
	}))
	if a.err != nil || len(a.paths) != 1 || a.paths[0] != sub {
		t.Errorf("folder: got %q, %v; want %q", a.paths, a.err, sub)
	}
}
