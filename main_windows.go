//go:build windows

package main

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
)

// Two builds of the same code ship side by side (Makefile `windows`):
//
//   - shenbao-windows-amd64.exe, a GUI program (-H windowsgui), so a double-click opens no
//     console window. A command typed in cmd.exe or PowerShell then has nowhere to print, and
//     the shell neither waits for it nor gets its exit code; these functions attach it to the
//     shell's console while a command runs, which at least shows the output.
//   - shenbao-windows-amd64.com, the console build, which cmd and PowerShell prefer (PATHEXT
//     lists .COM before .EXE) when one types the name without extension: the shell waits and
//     gets FORM.md's exit codes. Windows gives it the console; Go's os.File writes Chinese to
//     a console as UTF-16 (WriteConsoleW), whatever its code page, and as UTF-8 bytes when
//     redirected to a file or a pipe. Nothing to attach; only when it opens the window and the
//     console was made for it alone (a double-click on the .com) does it close that console.

var (
	kernel32      = windows.NewLazySystemDLL("kernel32.dll")
	attachConsole = kernel32.NewProc("AttachConsole")
	freeConsole   = kernel32.NewProc("FreeConsole")
	consoleWindow = kernel32.NewProc("GetConsoleWindow")
	consoleProcs  = kernel32.NewProc("GetConsoleProcessList")
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the program that started us.
const attachParentProcess = ^uintptr(0) // (DWORD)-1

// utf8CodePage is CP_UTF8.
const utf8CodePage = 65001

// consoleState is what useParentConsole changed, for leaveConsole to undo.
var consoleState struct {
	attached bool   // the GUI build attached to its parent's console
	oldCP    uint32 // that console's code page before
	own      bool   // the console build: the process started with a console
}

// useParentConsole attaches to the parent's console, if there is one (none when started from
// Explorer), points os.Stdout and os.Stderr at it unless they were redirected to a file or a
// pipe, and sets the console's output code page to UTF-8 so any byte-wise output of Chinese
// is readable too (console writes through Go's os.File are UTF-16 already). It returns the
// function that undoes it; call that before exiting.
func useParentConsole(hasArgs bool) (done func()) {
	if r, _, _ := consoleWindow.Call(); r != 0 { // the console build: Windows gave us one
		consoleState.own = true
		return func() {}
	}
	if !hasArgs { // opening the app: no console wanted
		return func() {}
	}
	if r, _, _ := attachConsole.Call(attachParentProcess); r == 0 {
		return func() {}
	}
	consoleState.attached = true
	if cp, err := windows.GetConsoleOutputCP(); err == nil {
		consoleState.oldCP = cp
		windows.SetConsoleOutputCP(utf8CodePage)
	}
	os.Stdout = consoleFile(windows.STD_OUTPUT_HANDLE, os.Stdout, "/dev/stdout")
	os.Stderr = consoleFile(windows.STD_ERROR_HANDLE, os.Stderr, "/dev/stderr")
	return leaveConsole
}

// consoleFile is the file for one standard stream after attaching: the same file when it was
// redirected, the console otherwise.
func consoleFile(std uint32, cur *os.File, name string) *os.File {
	if h, err := windows.GetStdHandle(std); err == nil && h != 0 && h != windows.InvalidHandle {
		if t, err := windows.GetFileType(h); err == nil && t != windows.FILE_TYPE_UNKNOWN {
			if t == windows.FILE_TYPE_CHAR {
				// Now that we are attached, os.NewFile sees a console and writes UTF-16.
				return os.NewFile(uintptr(h), name)
			}
			return cur // a file or a pipe: `> out.txt`, `| findstr`
		}
	}
	f, err := os.OpenFile("CONOUT$", os.O_RDWR, 0)
	if err != nil {
		return cur
	}
	windows.SetStdHandle(std, windows.Handle(f.Fd()))
	return f
}

// leaveConsole restores the console's code page and detaches, so the prompt that cmd.exe
// shows next is as before. The app calls it too: a window needs no console.
func leaveConsole() {
	if consoleState.own {
		consoleState.own = false
		// Only this process on the console: it was made for a double-click on the .com, and
		// would stand empty beside the window. Started from cmd, the console is cmd's: keep it.
		var pids [2]uint32
		if n, _, _ := consoleProcs.Call(uintptr(unsafe.Pointer(&pids[0])), uintptr(len(pids))); n == 1 {
			freeConsole.Call()
		}
		return
	}
	if !consoleState.attached {
		return
	}
	consoleState.attached = false
	if consoleState.oldCP != 0 {
		windows.SetConsoleOutputCP(consoleState.oldCP)
	}
	freeConsole.Call()
}
