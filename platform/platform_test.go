package platform

import (
	"bytes"
	"fmt"
	"log"
	"strings"
	"testing"
)

func TestIsGLFailure(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		// The lines fyne.LogError writes through the standard log (fyne v2.7.1 log.go).
		{"2025/07/01 10:00:00 Fyne error:  window creation error\n", true},
		{"2025/07/01 10:00:00 Fyne error:  failed to initialise GLFW\n", true},
		{"2025/07/01 10:00:00 Fyne error:  failed to initialise OpenGL\n", true},
		{"Fyne error:  window creation error", true},
		// Other Fyne errors must not raise the box.
		{"2025/07/01 10:00:00 Fyne error:  Failed to decode image for window icon\n", false},
		{"2025/07/01 10:00:00   Cause: VersionUnavailable: WGL: OpenGL 2.1 not supported\n", false},
		{"2025/07/01 10:00:00 Fyne error:  failed to parse FyneApp.toml\n", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsGLFailure(tt.line); got != tt.want {
			t.Errorf("IsGLFailure(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

// The box must be up before Write returns (Fyne may os.Exit right after logging), only once,
// and every line must still reach the original writer.
func TestGLWatcherShowsOnceInsideWrite(t *testing.T) {
	var out bytes.Buffer
	shows := 0
	w := &glWatcher{out: &out, show: func() { shows++ }}
	l := log.New(w, "", log.LstdFlags)

	l.Println("Fyne error:  Failed to decode image for window icon")
	if shows != 0 {
		t.Fatalf("box shown for an unrelated error")
	}
	l.Println("Fyne error:  window creation error")
	if shows != 1 {
		t.Fatalf("box not shown inside Write: shows = %d", shows)
	}
	l.Println("  Cause: VersionUnavailable: WGL: Driver does not support OpenGL version 2.1")
	l.Println("Fyne error:  failed to initialise OpenGL")
	if shows != 1 {
		t.Errorf("box shown %d times, want once", shows)
	}
	for _, s := range []string{"decode image", "window creation error", "Cause: VersionUnavailable", "initialise OpenGL"} {
		if !strings.Contains(out.String(), s) {
			t.Errorf("line %q not passed on; got:\n%s", s, out.String())
		}
	}
}

// After the box the program ends: Fyne does not always exit by itself.
func TestGLWatcherExitsAfterTheBox(t *testing.T) {
	var steps []string
	w := &glWatcher{
		show: func() { steps = append(steps, "box") },
		exit: func(code int) { steps = append(steps, fmt.Sprint("exit ", code)) },
	}
	w.Write([]byte("Fyne error:  Failed to decode image for window icon\n"))
	if len(steps) != 0 {
		t.Fatalf("an unrelated error: %v", steps)
	}
	w.Write([]byte("Fyne error:  window creation error\n"))
	w.Write([]byte("Fyne error:  failed to initialise OpenGL\n"))
	if got := strings.Join(steps, ", "); got != "box, exit 2" {
		t.Fatalf("steps %q, want the box then exit 2", got)
	}
}

func TestGLWatcherWithoutOutput(t *testing.T) {
	shows := 0
	w := &glWatcher{show: func() { shows++ }}
	if n, err := w.Write([]byte("Fyne error:  failed to initialise GLFW\n")); err != nil || n == 0 {
		t.Fatalf("Write = %d, %v", n, err)
	}
	if shows != 1 {
		t.Errorf("shows = %d", shows)
	}
}

func TestGLFailureText(t *testing.T) {
	text := GLFailureText("shenbao-windows-amd64.exe")
	for _, s := range []string{"OpenGL 2.1", "显卡驱动", "远程桌面",
		"shenbao-windows-amd64.exe check 草稿.json", "shenbao-windows-amd64.exe export 草稿.json -o 导出"} {
		if !strings.Contains(text, s) {
			t.Errorf("message lacks %q:\n%s", s, text)
		}
	}
	if !strings.Contains(GLFailureText(""), "shenbao check") {
		t.Errorf("no program name fallback")
	}
}
