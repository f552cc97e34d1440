package forms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// mkfifo makes a FIFO, skipping where there are none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs on Windows")
	}
	if err := mkfifoSys(path); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// within fails the test if f takes more than 5 s: a FIFO must never block a reader.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("blocked for more than 5 s")
	}
}

func TestReadRegularRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "管道.json")
	mkfifo(t, fifo)
	link := filepath.Join(dir, "链接.json")
	if err := os.Symlink(fifo, link); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		want error
	}{
		{fifo, ErrNotRegular},
		{link, ErrNotRegular},
		{"/dev/zero", ErrNotRegular},
		{dir, ErrIsFolder},
	} {
		within(t, func() {
			_, err := ReadRegular(tc.path, 1<<20)
			if !errors.Is(err, tc.want) {
				t.Errorf("ReadRegular(%s) = %v, want %v", tc.path, err, tc.want)
			}
			if _, err := Load(tc.path); !errors.Is(err, tc.want) {
				t.Errorf("Load(%s) = %v, want %v", tc.path, err, tc.want)
			}
		})
	}
}

func TestReadRegularLimit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a")
	if err := os.WriteFile(path, bytes.Repeat([]byte("x"), 101), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadRegular(path, 100); !errors.Is(err, ErrFileTooLarge) {
		t.Errorf("101 bytes with a limit of 100: %v, want ErrFileTooLarge", err)
	}
	if data, err := ReadRegular(path, 101); err != nil || len(data) != 101 {
		t.Errorf("101 bytes with a limit of 101: %d bytes, %v", len(data), err)
	}
}

// TestWriteFileRefuses: a FIFO, a device or a read-only draft is never replaced, and the
// message says why in Chinese.
func TestWriteFileRefuses(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "管道.json")
	mkfifo(t, fifo)
	ro := filepath.Join(dir, "只读.json")
	if err := Sample(Default()).Save(ro); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(ro, 0o444); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(ro)
	for _, tc := range []struct {
		path string
		want error
		msg  string
	}{
		{fifo, ErrNotRegular, "特殊文件"},
		{"/dev/null", ErrNotRegular, "特殊文件"},
		{ro, ErrReadOnly, "只读"},
	} {
		within(t, func() {
			err := Sample(Default()).Save(tc.path)
			if !errors.Is(err, tc.want) || !strings.Contains(Message(err), tc.msg) {
				t.Errorf("Save(%s) = %v (%q), want %v", tc.path, err, Message(err), tc.want)
			}
		})
	}
	st, err := os.Lstat(fifo)
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v %v", st.Mode(), err)
	}
	if after, _ := os.ReadFile(ro); !bytes.Equal(after, before) {
		t.Error("the read-only draft changed")
	}
	if _, err := os.Stat(ro + ".bak"); err == nil {
		t.Error("a refused save left a .bak")
	}
	leftovers(t, dir)
}

// leftovers fails if a temporary file of the safe writer is left in dir.
func leftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestSaveRefusesWhatLoadRefuses: a draft that would pass 20 MB is not written, and the file
// on disk stays byte-identical.
func TestSaveRefusesWhatLoadRefuses(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿.json")
	if err := Sample(Default()).Save(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	for _, tc := range []struct {
		name string
		edit func(d *Draft)
	}{
		{"a 25 MB plan", func(d *Draft) { d.Set("plan", strings.Repeat("a", 25<<20)) }},
		// U+2028 is 3 bytes typed and 6 written (\u2028): 14 MB typed, 28 MB written.
		{"escapes that grow", func(d *Draft) {
			d.Set("plan", strings.Repeat("\u2028", 7<<20/3))
			d.Set("achievements", strings.Repeat("\u2028", 7<<20/3))
		}},
	} {
		d := Sample(Default())
		tc.edit(d)
		err := d.Save(path)
		if !errors.Is(err, ErrDraftTooLarge) || !strings.Contains(Message(err), "没有保存") {
			t.Errorf("%s: Save = %v, want ErrDraftTooLarge", tc.name, err)
		}
		if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
			t.Errorf("%s: the draft on disk changed", tc.name)
		}
	}
	leftovers(t, dir)
}

// TestUnknownValuesKeptByteForByte: unknown values are written as they were read, so a deeply
// nested one does not grow with the square of its depth, and a round trip is stable.
func TestUnknownValuesKeptByteForByte(t *testing.T) {
	const depth = 5000 // the JSON decoder accepts 10000 levels; re-indented, 5000 would take 50 MB
	deep := strings.Repeat("[", depth) + strings.Repeat("]", depth)
	odd := `{"b":1,  "a":[1,2 ,3]}`
	src := `{"format":"liuzhou-mbzr-shenbao","version":1,"x":` + deep + `,"host":{"y":` + odd + `}}`
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Encode()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{deep, odd} {
		if !bytes.Contains(out, []byte(v)) {
			t.Errorf("unknown value %.40q… not kept byte for byte", v)
		}
	}
	if len(out) > len(src)+4096 {
		t.Errorf("saved %d bytes from %d: unknown values grew", len(out), len(src))
	}
	d2, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if again := d2.Marshal(); !bytes.Equal(again, out) {
		t.Error("a second round trip changed the file")
	}
}

// TestWriteFileRemovesStaleTemporaryFiles: a write killed midway leaves .name.123.tmp; the
// next write of the same file removes it once it is old, and leaves a fresh one (a write in
// progress) alone.
func TestWriteFileRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿[1].json")
	stale := filepath.Join(dir, ".草稿[1].json.123.tmp")
	fresh := filepath.Join(dir, ".草稿[1].json.456.tmp")
	for _, p := range []string{stale, fresh} {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	if err := Sample(Default()).Save(path); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
	if _, err := os.Stat(fresh); err != nil {
		t.Error("a fresh temporary file was removed")
	}
}
