//go:build windows

package platform

import (
	"log"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"golang.org/x/sys/windows"
)

// DesktopDir is the user's real desktop as Explorer shows it: the known folder follows
// redirection to a server or OneDrive and the localised name (桌面). Falls back to
// %USERPROFILE%\Desktop, then the home folder.
func DesktopDir() string {
	if p, err := windows.KnownFolderPath(windows.FOLDERID_Desktop, 0); err == nil && p != "" {
		return p
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	if p := filepath.Join(home, "Desktop"); isDir(p) {
		return p
	}
	return home
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// InstallGLFailureDialog makes the standard log show a Chinese message box when Fyne reports
// that OpenGL 2.1 is missing (old graphics drivers, Remote Desktop). Without it a program
// started by double-click would vanish without a word. After 确定 the program ends (exit code
// GLFailureExit). Call it just before starting the app.
func InstallGLFailureDialog() {
	exe, _ := os.Executable()
	log.SetOutput(&glWatcher{
		out: log.Writer(),
		// The name without .exe: typed so in cmd, it runs the console build (.com) when it is
		// beside, which waits and shows Chinese, else this one.
		show: func() {
			messageBox(GLFailureTitle, GLFailureText(strings.TrimSuffix(filepath.Base(exe), filepath.Ext(exe))))
		},
		exit: os.Exit,
	})
}

// messageBox shows a modal error box and returns when the user closes it.
func messageBox(title, text string) {
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, t, c, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND|windows.MB_TOPMOST)
}

// OpenPath opens a file or folder as a double-click in Explorer would. ShellExecuteW takes the
// path as UTF-16, as is: no command line to quote, no code page, and no URL parsing that would
// cut "申报表#2.pdf" at the # (as rundll32 url.dll,FileProtocolHandler does). env is not used:
// Explorer starts the program with its own environment.
func OpenPath(p string, env []string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(abs)
	if err != nil {
		return err
	}
	verb, _ := windows.UTF16PtrFromString("open")
	// Shell extensions behind ShellExecute are COM objects: give this thread an apartment.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// S_OK and S_FALSE (already initialised) both need the matching CoUninitialize.
	if err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err == nil || err == windows.Errno(1) {
		defer windows.CoUninitialize()
	}
	return shellExecute(verb, file)
}

// ProcessAlive reports whether a process with this id is running.
func ProcessAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return err == windows.ERROR_ACCESS_DENIED // it exists, but is not ours to query
	}
	defer windows.CloseHandle(h)
	var code uint32
	if windows.GetExitCodeProcess(h, &code) != nil {
		return false
	}
	const stillActive = 259
	return code == stillActive
}

// NoDisplay is always "" on Windows: a desktop is always there; a missing OpenGL is caught by
// InstallGLFailureDialog.
func NoDisplay() string { return "" }
