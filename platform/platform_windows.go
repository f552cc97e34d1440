//go:build windows

package platform

import (
	"log"
	"os"
	"path/filepath"

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
// started by double-click would vanish without a word. Call it just before starting the app.
func InstallGLFailureDialog() {
	exe, _ := os.Executable()
	log.SetOutput(&glWatcher{
		out:  log.Writer(),
		show: func() { messageBox(GLFailureTitle, GLFailureText(filepath.Base(exe))) },
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
