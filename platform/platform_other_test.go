//go:build !windows

package platform

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDesktopIn(t *testing.T) {
	tests := []struct {
		name    string
		dirs    []string // made under home
		userDir string   // user-dirs.dirs content; "" for no file
		want    string   // relative to home; "." for home itself
	}{
		{"xdg chinese", []string{"桌面", "Desktop"}, "XDG_DESKTOP_DIR=\"$HOME/桌面\"\n", "桌面"},
		{"xdg with spaces", []string{"我的 桌面"}, "# comment\nXDG_DOWNLOAD_DIR=\"$HOME/下载\"\nXDG_DESKTOP_DIR=\"$HOME/我的 桌面\"\n", "我的 桌面"},
		{"xdg missing folder", []string{"Desktop"}, "XDG_DESKTOP_DIR=\"$HOME/桌面\"\n", "Desktop"},
		{"xdg is home", []string{"桌面"}, "XDG_DESKTOP_DIR=\"$HOME/\"\n", "桌面"},
		{"no file english", []string{"Desktop"}, "", "Desktop"},
		{"no file chinese", []string{"桌面"}, "", "桌面"},
		{"nothing", nil, "", "."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			config := filepath.Join(home, ".config")
			for _, d := range tt.dirs {
				if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if tt.userDir != "" {
				os.MkdirAll(config, 0o755)
				if err := os.WriteFile(filepath.Join(config, "user-dirs.dirs"), []byte(tt.userDir), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := desktopIn(home, config), filepath.Join(home, tt.want); got != want {
				t.Errorf("desktopIn = %q, want %q", got, want)
			}
		})
	}
}

func TestDesktopInAbsolute(t *testing.T) {
	home, other := t.TempDir(), t.TempDir()
	desk := filepath.Join(other, "共享 桌面")
	os.MkdirAll(desk, 0o755)
	os.WriteFile(filepath.Join(home, "user-dirs.dirs"), []byte(`XDG_DESKTOP_DIR="`+desk+`"`+"\n"), 0o644)
	if got := desktopIn(home, home); got != desk {
		t.Errorf("desktopIn = %q, want %q", got, desk)
	}
}

func TestDesktopDirUsesEnvironment(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, "桌面"), 0o755)
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	if got := DesktopDir(); got != filepath.Join(home, "桌面") {
		t.Errorf("DesktopDir = %q", got)
	}
}

func TestProcessAlive(t *testing.T) {
	if !ProcessAlive(os.Getpid()) {
		t.Error("this process is not alive")
	}
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skip("cannot run true:", err)
	}
	if ProcessAlive(cmd.Process.Pid) {
		t.Errorf("finished process %d still alive", cmd.Process.Pid)
	}
	if ProcessAlive(0) || ProcessAlive(-1) {
		t.Error("pid 0 or -1 alive")
	}
}

func TestNoDisplay(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	if msg := NoDisplay(); !strings.Contains(msg, "图形桌面") {
		t.Errorf("no display: %q", msg)
	}
	t.Setenv("DISPLAY", ":0")
	if msg := NoDisplay(); msg != "" {
		t.Errorf("with DISPLAY: %q", msg)
	}
}

// An opener that fails (no file manager, no PDF reader) is reported, not taken as done; one
// that keeps running is taken as success after the wait.
func TestOpenWithReportsFailure(t *testing.T) {
	dir := t.TempDir()
	fail := filepath.Join(dir, "fail")
	stay := filepath.Join(dir, "stay")
	os.WriteFile(fail, []byte("#!/bin/sh\nexit 3\n"), 0o755)
	os.WriteFile(stay, []byte("#!/bin/sh\nsleep 5\n"), 0o755)
	if err := openWith(fail, dir, nil, 2*time.Second); err == nil {
		t.Error("a failing opener was taken as success")
	}
	if err := openWith(stay, dir, nil, 200*time.Millisecond); err != nil {
		t.Errorf("a viewer that stays open: %v", err)
	}
	if err := openWith(filepath.Join(dir, "missing"), dir, nil, time.Second); err == nil {
		t.Error("a missing opener was taken as success")
	}
}
