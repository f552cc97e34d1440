//go:build windows

package platform

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

var (
	shell32                        = windows.NewLazySystemDLL("shell32.dll")
	procShellExecuteW              = shell32.NewProc("ShellExecuteW")
	procILCreateFromPathW          = shell32.NewProc("ILCreateFromPathW")
	procILFindLastID               = shell32.NewProc("ILFindLastID")
	procILFree                     = shell32.NewProc("ILFree")
	procSHOpenFolderAndSelectItems = shell32.NewProc("SHOpenFolderAndSelectItems")
)

// seErrNoAssoc is ShellExecute's answer when no program is registered for the file's type.
const seErrNoAssoc = 31

// shellExecute opens file with verb; ShellExecute's own result tells "no program for this
// type" (SE_ERR_NOASSOC) from other failures, which GetLastError does not always.
func shellExecute(verb, file *uint16) error {
	r, _, e := procShellExecuteW.Call(0, uintptr(unsafe.Pointer(verb)), uintptr(unsafe.Pointer(file)), 0, 0, windows.SW_SHOWNORMAL)
	switch {
	case r > 32:
		return nil
	case r == seErrNoAssoc || e == windows.ERROR_NO_ASSOCIATION:
		return ErrNoProgram
	case e != nil && e != windows.Errno(0):
		return e
	}
	return syscall.Errno(r)
}

// Reveal shows the files (all in one folder) selected in an Explorer window, as "打开文件位置"
// does: SHOpenFolderAndSelectItems, which takes the paths as UTF-16 with no command line to
// quote; where that fails, explorer /select, with the first file.
func Reveal(paths []string, env []string) error {
	if len(paths) == 0 {
		return nil
	}
	abs := make([]string, len(paths))
	for i, p := range paths {
		a, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		abs[i] = a
	}
	if selectInExplorer(abs) {
		return nil
	}
	cmd := exec.Command("explorer.exe")
	// explorer parses its own command line: /select,"C:\path with spaces\申报表.pdf"
	cmd.SysProcAttr = &syscall.SysProcAttr{CmdLine: `explorer.exe /select,"` + abs[0] + `"`}
	return cmd.Start() // explorer's exit code is 1 even when it worked: not waited for
}

func selectInExplorer(paths []string) bool {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED); err == nil || err == windows.Errno(1) {
		defer windows.CoUninitialize()
	}
	folder := pidlOf(filepath.Dir(paths[0]))
	if folder == 0 {
		return false
	}
	defer procILFree.Call(folder)
	var items []uintptr
	for _, p := range paths {
		full := pidlOf(p)
		if full == 0 {
			continue
		}
		defer procILFree.Call(full)
		last, _, _ := procILFindLastID.Call(full)
		items = append(items, last)
	}
	if len(items) == 0 {
		return false
	}
	hr, _, _ := procSHOpenFolderAndSelectItems.Call(folder, uintptr(len(items)), uintptr(unsafe.Pointer(&items[0])), 0)
	return hr == 0 // S_OK
}

func pidlOf(p string) uintptr {
	u, err := windows.UTF16PtrFromString(p)
	if err != nil {
		return 0
	}
	pidl, _, _ := procILCreateFromPathW.Call(uintptr(unsafe.Pointer(u)))
	return pidl
}
