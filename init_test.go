package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A command must not pay for the app's start-up: no package of ours may do real work while
// it is initialised (the window icon used to be drawn there, 3 MB and 60 ms before every
// `shenbao version`). Checked by allocations, which do not depend on how busy the machine is.
func TestCommandsDoNotPayForPackageInit(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program")
	}
	bin := filepath.Join(t.TempDir(), "shenbao")
	if out, err := exec.Command("go", "build", "-tags", "no_emoji", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("shenbao version: %v", err)
	}
	const limit = 64 << 10 // bytes a package of ours may allocate at init
	seen := 0
	sc := bufio.NewScanner(&stderr)
	for sc.Scan() {
		// init shenbao/app @9.9 ms, 68 ms clock, 3172240 bytes, 173788 allocs
		f := strings.Fields(sc.Text())
		if len(f) < 9 || f[0] != "init" || !strings.HasPrefix(f[1], "shenbao") {
			continue
		}
		seen++
		if n, err := strconv.Atoi(f[7]); err != nil || n > limit {
			t.Errorf("%s allocates %s bytes at package initialisation (limit %d): move the work into a function or sync.Once", f[1], f[7], limit)
		}
	}
	if seen == 0 {
		t.Fatalf("no init trace of our packages in:\n%s", stderr.String())
	}
}
