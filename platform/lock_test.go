package platform

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

func TestLockFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "session.lock")
	if IsLocked(path) {
		t.Fatal("a missing file is locked")
	}
	l, err := LockFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !IsLocked(path) {
		t.Error("a held lock is not seen")
	}
	if _, err := LockFile(path); err == nil {
		t.Error("the same lock was taken twice")
	}
	l.Unlock()
	if IsLocked(path) {
		t.Error("still locked after Unlock")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("Unlock left the file: %v", err)
	}
}

// A lock left by a process that ended without unlocking (a crash, kill -9) is free: the file
// is still there, but nobody holds it.
func TestLockOfAnEndedProcess(t *testing.T) {
	if os.Getenv("PLATFORM_LOCK_HELPER") != "" {
		if _, err := LockFile(os.Getenv("PLATFORM_LOCK_HELPER")); err != nil {
			os.Exit(3)
		}
		os.Exit(0) // ends holding the lock, as a killed program would
	}
	path := filepath.Join(t.TempDir(), "session.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^TestLockOfAnEndedProcess$")
	cmd.Env = append(os.Environ(), "PLATFORM_LOCK_HELPER="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the helper left no lock file: %v", err)
	}
	if IsLocked(path) {
		t.Error("the lock of an ended process is still held")
	}
	l, err := LockFile(path)
	if err != nil {
		t.Fatalf("cannot take over the lock: %v", err)
	}
	l.Unlock()
}
