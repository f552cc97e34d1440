//go:build !windows

package platform

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

func TestDrivesListsMountedSticksThenTheComputer(t *testing.T) {
	base := t.TempDir()
	os.MkdirAll(filepath.Join(base, "media", "li", "KINGSTON"), 0o755)
	os.MkdirAll(filepath.Join(base, "run", "li", "SD卡"), 0o755)
	os.WriteFile(filepath.Join(base, "media", "li", "not-a-mount"), nil, 0o644)
	got := drivesUnder("li", filepath.Join(base, "media"), filepath.Join(base, "run"))
	want := []Drive{
		{"U盘 KINGSTON", filepath.Join(base, "media", "li", "KINGSTON"), true},
		{"U盘 SD卡", filepath.Join(base, "run", "li", "SD卡"), true},
		{"计算机", "/", false},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("drive %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestDriveOfTypeNamesAsExplorerDoes(t *testing.T) {
	for _, c := range []struct {
		t    uint32
		name string
		ok   bool
	}{{3, "本地磁盘 (D:)", true}, {2, "U盘 (D:)", true}, {4, "网络驱动器 (D:)", true}, {5, "光盘 (D:)", true}, {1, "", false}, {0, "", false}} {
		d, ok := driveOfType(c.t, "D", `D:\`)
		if ok != c.ok || d.Name != c.name || (ok && d.Path != `D:\`) {
			t.Errorf("type %d: %+v %v", c.t, d, ok)
		}
	}
}

// xdg-open's "no program for this type" (exit 3 or 4) is ErrNoProgram; other failures stay
// what they are.
func TestXdgFailedTellsNoProgram(t *testing.T) {
	for _, c := range []struct {
		code int
		want bool
	}{{3, true}, {4, true}, {1, false}, {2, false}} {
		err := exec.Command("sh", "-c", "exit "+strconv.Itoa(c.code)).Run()
		if got := errors.Is(xdgFailed(err), ErrNoProgram); got != c.want {
			t.Errorf("exit %d: no program = %v", c.code, got)
		}
	}
}
