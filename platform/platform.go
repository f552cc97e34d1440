// Package platform holds the few things that differ between Windows and Linux: where the
// user's desktop is, and a clear message when the PC's graphics cannot open the window.
// Everything else in shenbao is the same code on both.
package platform

import (
	"bytes"
	"io"
	"strings"
	"sync"
)

// glFailures are the reasons Fyne logs (fyne.LogError, through the standard log package)
// just before it quits or exits because OpenGL 2.1 is missing: no GLFW, no GL functions, no
// window (fyne v2.7.1 internal/driver/glfw driver.go initFailed, loop_desktop.go, and
// internal/painter/gl/gl_core.go).
var glFailures = []string{
	"window creation error",
	"failed to initialise GLFW",
	"failed to initialise OpenGL",
}

// IsGLFailure reports whether a log line says the window could not be opened for want of
// OpenGL.
func IsGLFailure(line string) bool {
	for _, f := range glFailures {
		if strings.Contains(line, f) {
			return true
		}
	}
	return false
}

// GLFailureText is the message shown when the window cannot open. exe is the program's file
// name, so the command-line example can be typed as shown.
func GLFailureText(exe string) string {
	if exe == "" {
		exe = "shenbao"
	}
	return "这台电脑的显卡或显卡驱动不支持本程序需要的 OpenGL 2.1，所以填报窗口打不开。\n\n" +
		"可以这样解决：\n" +
		"1. 更新显卡驱动：到电脑或显卡厂商（英特尔、AMD、英伟达）的网站下载最新驱动，或请学校的电脑管理员帮忙。\n" +
		"2. 不要通过“远程桌面”运行本程序，请坐在这台电脑前直接双击打开。\n" +
		"3. 换一台较新的电脑填写（草稿 .json 文件可以用 U 盘带过去）。\n\n" +
		"不开窗口也可以检查和导出申报表：在草稿所在的文件夹打开“命令提示符”，输入\n" +
		"    " + exe + " check 草稿.json\n" +
		"    " + exe + " export 草稿.json -o 导出\n" +
		"Word 和 PDF 文件会导出到“导出”文件夹。"
}

// GLFailureTitle is the message box's title.
const GLFailureTitle = "无法打开窗口 — 柳州市名班主任工作室申报表"

// GLFailureExit is the exit code after the message box: 2, as when no window can open for
// want of a display (cli's runApp).
const GLFailureExit = 2

// glWatcher is the standard log's writer while the app runs: it passes everything on to out
// and, the first time a line says OpenGL failed, calls show and then exit. Both run inside
// Write, before Write returns, because Fyne may call os.Exit right after logging; and exit
// must follow, because Fyne may not: when the window cannot be made before its loop runs it
// only asks the loop to quit, and the process would stay alive with no window.
type glWatcher struct {
	out  io.Writer
	show func()
	exit func(code int) // nil: go on (tests)

	mu    sync.Mutex
	shown bool
}

func (w *glWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.out != nil {
		w.out.Write(p) // stderr may not exist in a program started by double-click
	}
	if !w.shown && IsGLFailure(string(bytes.ToValidUTF8(p, nil))) {
		w.shown = true
		w.show()
		if w.exit != nil {
			w.exit(GLFailureExit)
		}
	}
	return len(p), nil
}
