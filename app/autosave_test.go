package app

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func autosaves(t *testing.T, config string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(config, "autosave", "session-*.json"))
	return m
}

// A change is copied to the configuration folder within a second, without waiting for the
// typing to stop; a crash then loses nothing: the next start offers it back.
func TestAutosaveAndRestoreAfterCrash(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎")
	for i := 0; i < 5; i++ { // typing on, a key every 300 ms
		h.clock.Advance(300 * time.Millisecond)
		test.Type(h.entry("host.name"), "明")
		if i == 3 && len(autosaves(t, config)) != 1 {
			t.Fatal("no copy 1.2 s after the first change while typing goes on")
		}
	}
	h.clock.Advance(time.Second)
	files := autosaves(t, config)
	if len(files) != 1 {
		t.Fatalf("autosave files %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if !strings.Contains(string(data), "黎明明明明明") {
		t.Fatalf("the copy lacks the last typing: %.200s", data)
	}
	if !strings.Contains(h.u.status.Text, "已自动备份") {
		t.Errorf("status %q", h.u.status.Text)
	}

	// The process dies here: no close, no save. The next start offers the text back.
	h.u.saver.lock.Drop()
	h2 := newHarness(t, config)
	h2.u.Start("")
	if !strings.Contains(h2.overlayTexts(), "上次未保存的内容") {
		t.Fatalf("no offer:\n%s", h2.overlayTexts())
	}
	h2.tapButton("恢复")
	if got := h2.u.d.Get("host.name"); got != "黎明明明明明" {
		t.Fatalf("restored name %q", got)
	}
	if !h2.u.dirty || !strings.Contains(h2.u.win.Title(), "*") {
		t.Error("a restored draft must show as unsaved")
	}
	// The restored copy stays on disk until it is saved, so a second crash loses nothing.
	if files := autosaves(t, config); len(files) != 1 {
		t.Errorf("after restoring: %v", files)
	}
	h2.u.saver.lock.Drop()
	h3 := newHarness(t, config)
	h3.u.Start("")
	if !strings.Contains(h3.overlayTexts(), "上次未保存的内容") {
		t.Error("a second crash lost the restored text")
	}
}

// 不恢复 puts the copy aside rather than deleting it, and it is not offered again.
func TestDecliningRecoveryKeepsTheCopyAside(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.u.saver.Flush()
	h.u.saver.lock.Drop()
	h2 := newHarness(t, config)
	h2.u.Start("")
	h2.tapButton("不恢复")
	if !h2.u.d.Empty() {
		t.Error("declined text shown")
	}
	if aside, _ := filepath.Glob(filepath.Join(config, "autosave", "已放弃", "session-*.json")); len(aside) != 1 {
		t.Errorf("put aside: %v", aside)
	}
	h3 := newHarness(t, config)
	h3.u.Start("")
	if h3.canvas().Overlays().Top() != nil {
		t.Errorf("offered again:\n%s", h3.overlayTexts())
	}
}

// Saving removes the copy: there is nothing unsaved to offer.
func TestSavingRemovesTheCopy(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.clock.Advance(time.Second)
	if len(autosaves(t, config)) != 1 {
		t.Fatal("no copy")
	}
	h.files.save = filepath.Join(t.TempDir(), "d.json")
	h.u.save(func(bool) {})
	if files := autosaves(t, config); len(files) != 0 {
		t.Errorf("copy left after saving: %v", files)
	}
	h.clock.Advance(5 * time.Second)
	if files := autosaves(t, config); len(files) != 0 {
		t.Errorf("a clean draft was copied: %v", files)
	}
}

// An unreadable copy is moved aside, never deleted and never a reason not to start.
func TestUnreadableCopyIsPutAside(t *testing.T) {
	config := t.TempDir()
	dir := filepath.Join(config, "autosave")
	os.MkdirAll(dir, 0o700)
	os.WriteFile(filepath.Join(dir, "session-1-999999999-1.json"), []byte("{半个"), 0o600)
	h := newHarness(t, config)
	h.u.Start("")
	if h.canvas().Overlays().Top() != nil {
		t.Errorf("offered an unreadable copy:\n%s", h.overlayTexts())
	}
	if _, err := os.Stat(filepath.Join(dir, "已放弃", "session-1-999999999-1.json")); err != nil {
		t.Error(err)
	}
}

// A copy that belongs to another running copy of the program (a second double-click) is not
// a crash: it is neither offered nor moved aside.
func TestRunningSessionCopyIsLeftAlone(t *testing.T) {
	config := t.TempDir()
	dir := filepath.Join(config, "autosave")
	os.MkdirAll(dir, 0o700)
	other := exec.Command("sleep", "30")
	if err := other.Start(); err != nil {
		t.Skip("cannot start a second process:", err)
	}
	defer other.Process.Kill()
	name := fmt.Sprintf("session-1-%d-1.json", other.Process.Pid)
	os.WriteFile(filepath.Join(dir, name), []byte("{半个"), 0o600)
	h := newHarness(t, config)
	h.u.Start("")
	if h.canvas().Overlays().Top() != nil {
		t.Errorf("offered another running session's copy:\n%s", h.overlayTexts())
	}
	if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
		t.Errorf("the running session's copy was moved: %v", err)
	}
}

// A window still open (another copy of the program, whatever its process) holds its lock:
// its copy is neither offered nor moved aside, and is offered once that window is gone.
func TestOpenWindowsCopyIsNotALeftover(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.u.saver.Flush()
	h2 := newHarness(t, config)
	h2.u.Start("")
	if h2.canvas().Overlays().Top() != nil {
		t.Errorf("offered an open window's copy:\n%s", h2.overlayTexts())
	}
	if len(autosaves(t, config)) != 1 {
		t.Errorf("the open window's copy was moved: %v", autosaves(t, config))
	}
	h.u.saver.lock.Drop() // killed
	h3 := newHarness(t, config)
	h3.u.Start("")
	if !strings.Contains(h3.overlayTexts(), "上次未保存的内容") {
		t.Errorf("the killed window's copy is not offered:\n%s", h3.overlayTexts())
	}
}

// A crashed run's process ID taken by another program (Windows reuses IDs quickly) does not
// hide its copy: the lock file, not the ID, says whether it still runs.
func TestCopyOfACrashWhosePIDWasReused(t *testing.T) {
	config := t.TempDir()
	dir := filepath.Join(config, "autosave")
	os.MkdirAll(dir, 0o700)
	other := exec.Command("sleep", "30")
	if err := other.Start(); err != nil {
		t.Skip("cannot start a second process:", err)
	}
	defer other.Process.Kill()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.u.saver.Flush()
	h.u.saver.lock.Drop()
	// Rename the copy and its lock to the other process's ID, as if it had taken ours.
	name := fmt.Sprintf("session-1-%d-1", other.Process.Pid)
	os.Rename(h.u.saver.file, filepath.Join(dir, name+".json"))
	os.Rename(lockName(h.u.saver.file), filepath.Join(dir, name+".lock"))
	h2 := newHarness(t, config)
	h2.u.Start("")
	if !strings.Contains(h2.overlayTexts(), "上次未保存的内容") {
		t.Errorf("a crash whose process ID is in use again is not offered:\n%s", h2.overlayTexts())
	}
}

// Closing the window releases the lock and leaves no lock file behind.
func TestClosingReleasesTheLock(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.requestClose()
	if m, _ := filepath.Glob(filepath.Join(config, "autosave", "session-*")); len(m) != 0 {
		t.Errorf("left after closing: %v", m)
	}
}
