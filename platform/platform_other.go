//go:build !windows

package platform

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// DesktopDir is the user's desktop folder, where exports go by default: XDG_DESKTOP_DIR of
// ~/.config/user-dirs.dirs (on a Chinese system often ~/桌面), else ~/Desktop or ~/桌面 if
// it exists, else the home folder.
func DesktopDir() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	return desktopIn(home, configHome(home))
}

func configHome(home string) string {
	if c := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(c) {
		return c
	}
	return filepath.Join(home, ".config")
}

// desktopIn finds the desktop for the home and configuration folders given (tests pass
// temporary ones).
func desktopIn(home, config string) string {
	if p := xdgDesktop(home, config); p != "" && isDir(p) {
		return p
	}
	for _, name := range []string{"Desktop", "桌面"} {
		if p := filepath.Join(home, name); isDir(p) {
			return p
		}
	}
	return home
}

// xdgDesktop reads XDG_DESKTOP_DIR="$HOME/桌面" from user-dirs.dirs ("" when absent). The
// file is shell syntax; xdg-user-dirs writes only "$HOME/…" or absolute paths, and a value
// equal to $HOME means "no desktop".
func xdgDesktop(home, config string) string {
	data, err := os.ReadFile(filepath.Join(config, "user-dirs.dirs"))
	if err != nil {
		return ""
	}
	for _, line := range strings.Split(string(data), "\n") {
		key, val, ok := strings.Cut(strings.TrimSpace(line), "=")
		if !ok || strings.TrimSpace(key) != "XDG_DESKTOP_DIR" {
			continue
		}
		val = strings.Trim(strings.TrimSpace(val), `"`)
		switch {
		case val == "$HOME" || val == "$HOME/":
			return ""
		case strings.HasPrefix(val, "$HOME/"):
			return filepath.Join(home, val[len("$HOME/"):])
		case filepath.IsAbs(val):
			return filepath.Clean(val)
		}
	}
	return ""
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// InstallGLFailureDialog does nothing outside Windows: Fyne's own log lines on the terminal
// already say what failed.
func InstallGLFailureDialog() {}

// OpenPath opens a file or folder with the desktop's default program (xdg-open). The path is
// one argument, never parsed by a shell; env is the environment the program gets (nil: ours).
//
// xdg-open hands the path to the desktop's opener and ends, with a non-zero status when none
// could open it (no file manager, no PDF reader): that answer is awaited for a few seconds,
// so the caller can say so. Where xdg-open itself runs the viewer and stays, no news within
// that time is taken as success. Call it off the UI thread.
func OpenPath(p string, env []string) error {
	return openWith("xdg-open", p, env, 4*time.Second)
}

func openWith(opener, p string, env []string, wait time.Duration) error {
	cmd := exec.Command(opener, p)
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }() // also reaps it when the viewer lives on
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("%s %s: %w", opener, p, xdgFailed(err))
		}
		return nil
	case <-time.After(wait):
		return nil
	}
}

// ProcessAlive reports whether a process with this id is running (signal 0 checks without
// sending anything; EPERM means it exists but belongs to someone else).
func ProcessAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || err == syscall.EPERM
}

// NoDisplay says, in Chinese, why no window can open here (no X11 or Wayland display, as over
// SSH or in a text console), or "" when one may.
func NoDisplay() string {
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "没有可用的图形桌面（DISPLAY 未设置），无法打开程序窗口：请在图形桌面中运行；" +
		"也可以用命令行检查和导出：shenbao check 草稿.json，shenbao export 草稿.json -o 文件夹"
}
