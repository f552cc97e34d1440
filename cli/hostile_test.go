package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"shenbao/export"
	"shenbao/forms"
)

// english finds the system's English error text ("no such device", "is a directory").
var english = regexp.MustCompile(`[A-Za-z]{3,} [a-z]{2,}`)

// hostileRun runs a command that must end quickly with the given exit code and a Chinese
// message holding want, without English system text.
func hostileRun(t *testing.T, code int, want string, args ...string) string {
	t.Helper()
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	go func() {
		c, o, e := run(t, nil, args...)
		done <- result{c, o, e}
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(20 * time.Second): // a hang, not a timing target
		t.Fatalf("%v did not end", args)
	}
	if r.code != code || !strings.Contains(r.err, want) || !hasHan(r.err) || english.MatchString(r.err) {
		t.Errorf("%v: exit %d, stderr %q; want %d and a Chinese message with %q", args, r.code, r.err, code, want)
	}
	return r.out
}

func fifo(t *testing.T, path string) {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	if err := mkfifo(path); err != nil {
		t.Skip(err)
	}
}

// TestSpecialFiles: a FIFO or a device is never read (it would block or never end) nor
// replaced; a summary lists it as unreadable.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "管道.json")
	fifo(t, p)
	hostileRun(t, ExitUnreadable, "特殊文件", "check", p)
	hostileRun(t, ExitUnreadable, "特殊文件", "export", p, "-o", dir)
	hostileRun(t, ExitUnreadable, "特殊文件", "sample", "-o", p)
	hostileRun(t, ExitUnreadable, "特殊文件", "sample", "-o", "/dev/null")
	draft := filepath.Join(dir, "草稿.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	before := hash(t, draft)
	hostileRun(t, ExitFindings, "特殊文件", "photo", draft, p)
	hostileRun(t, ExitFindings, "特殊文件", "photo", draft, "/dev/zero")
	hostileRun(t, ExitUnreadable, "特殊文件", "import-roster", draft, p)
	// A workbook's -o naming a FIFO is refused, not written beside it as 管道.json.xlsx.
	hostileRun(t, ExitUnreadable, "特殊文件", "export-roster", draft, "-o", p)
	hostileRun(t, ExitUnreadable, "特殊文件", "template", "-o", p)
	if _, err := os.Lstat(p + ".xlsx"); err == nil {
		t.Error("a workbook was written beside the FIFO")
	}
	if hash(t, draft) != before {
		t.Error("the draft changed")
	}
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	hostileRun(t, ExitOK, "无法读取", "summary", dir, "-o", out)
	if st, err := os.Lstat(p); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Error("the FIFO was replaced")
	}
	noLeftovers(t, dir)
}

// noLeftovers fails if a hidden temporary file of ours is left in dir.
func noLeftovers(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// TestReadOnlyDraft: saving over a read-only draft is refused with a message that says so;
// the file stays byte-identical and read-only.
func TestReadOnlyDraft(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	os.Chmod(draft, 0o444)
	before := hash(t, draft)
	pic := filepath.Join(dir, "照片.jpg")
	writeJPEG(t, pic, 600, 840)
	hostileRun(t, ExitUnreadable, "只读", "photo", draft, pic)
	if hash(t, draft) != before {
		t.Error("the read-only draft changed")
	}
	if st, _ := os.Stat(draft); st.Mode().Perm()&0o200 != 0 {
		t.Error("the draft became writable")
	}
	noLeftovers(t, dir)
}

// TestExportBothOrNeither: when the PDF's name is taken by a folder, the .docx is not left
// behind either.
func TestExportBothOrNeither(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	d := forms.Sample(forms.Default())
	if err := d.Save(draft); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "导出")
	paths := export.Paths(d, out)
	if err := os.MkdirAll(paths[1], 0o755); err != nil { // a folder named like the PDF
		t.Fatal(err)
	}
	hostileRun(t, ExitUnreadable, "文件夹", "export", draft, "-o", out)
	if _, err := os.Stat(paths[0]); err == nil {
		t.Error("the .docx was left behind")
	}
	noLeftovers(t, out)
}

// TestExportRefusesOverLimit: a 19 MB plan of Latin letters (one 字 for Word) is a 错误, and
// is refused even with --draft, quickly; the name drops invisible format characters.
func TestExportRefusesOverLimit(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	d := forms.Sample(forms.Default())
	d.Set("plan", strings.Repeat("a", 19<<20))
	if err := d.Save(draft); err != nil {
		t.Fatal(err)
	}
	hostileRun(t, ExitFindings, "", "check", draft)
	hostileRun(t, ExitFindings, "20000个字符", "export", draft, "-o", dir, "--draft")
	if ps, _ := filepath.Glob(filepath.Join(dir, "*.pdf")); len(ps) > 0 {
		t.Errorf("exported: %v", ps)
	}
	noLeftovers(t, dir)
}

func TestNamesDropFormatCharacters(t *testing.T) {
	d := forms.Sample(forms.Default())
	d.Set("host.name", "覃\u202e晓岚\u202c\u200b")
	if got := export.Name(d); strings.ContainsAny(got, "\u202e\u202c\u200b") || !strings.Contains(got, "覃晓岚") {
		t.Errorf("export name %q", got)
	}
	if got := safeName(d.Get("host.name")); got != "覃晓岚" {
		t.Errorf("roster name %q", got)
	}
}

// TestExportIntoAFile: -o naming an existing file (the draft itself, a slip of the user) is
// refused with a sentence that fits the case (the system only says "not a directory"), and the
// file is left as it was.
func TestExportIntoAFile(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	before := hash(t, draft)
	hostileRun(t, ExitUnreadable, "是文件，不是文件夹", "export", draft, "-o", draft)
	if hash(t, draft) != before {
		t.Error("the draft changed")
	}
}

// TestScansSpecialInputs: a FIFO given as a page picture is not opened (os.Open of a FIFO waits
// for a writer for ever), and a folder is named as one; both are unreadable inputs (2).
func TestScansSpecialInputs(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "照片")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	hostileRun(t, ExitUnreadable, "文件夹", "scans", draft, folder, "-o", filepath.Join(dir, "扫描件.pdf"))
	p := filepath.Join(dir, "管道.jpg")
	fifo(t, p)
	hostileRun(t, ExitUnreadable, "特殊文件", "scans", draft, p, "-o", filepath.Join(dir, "扫描件.pdf"))
	noLeftovers(t, dir)
}
