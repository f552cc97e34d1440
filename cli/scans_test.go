package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/export"
	"shenbao/forms"
)

// printedPages exports the sample and rasterises its PDF as a scanner would (150 dpi JPEGs):
// the pages as printed, not yet sealed.
func printedPages(t *testing.T, dir string) (draft string, pages []string) {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm (poppler-utils, tools/debian-deps.sh) is needed")
	}
	draft = filepath.Join(dir, "s.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := run(t, nil, "export", draft, "-o", filepath.Join(dir, "out")); code != ExitOK {
		t.Fatalf("export: %s", stderr)
	}
	pdf := filepath.Join(dir, "out", export.Name(forms.Sample(forms.Default()))+".pdf")
	if out, err := exec.Command("pdftoppm", "-r", "150", "-jpeg", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	for i := 1; ; i++ {
		p := filepath.Join(dir, fmt.Sprintf("page-%d.jpg", i))
		if _, err := os.Stat(p); err != nil {
			break
		}
		pages = append(pages, p)
	}
	return draft, pages
}

// TestScansUnsealed: the printed pages, shuffled and one left out, without seals: the scanned
// PDF is written beside the draft in the form's order, and the missing page and the two
// missing seals are 错误 (exit 1); --send makes the folder and its checklist says so.
func TestScansUnsealed(t *testing.T) {
	dir := t.TempDir()
	draft, pages := printedPages(t, dir)
	if len(pages) != 9 {
		t.Fatalf("%d pages", len(pages))
	}
	args := []string{"scans", draft}
	for _, i := range []int{8, 7, 0, 1, 3, 4, 5, 6} { // page 3 left out, shuffled
		args = append(args, pages[i])
	}
	sendDir := filepath.Join(dir, "报送")
	args = append(args, "--send", sendDir)
	code, stdout, stderr := run(t, nil, args...)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"错误 第3页", "缺少这一页",
		"“所在学校推荐意见”栏里没有找到红色公章",
		"“所在县区教育行政部门意见”栏里没有找到红色公章",
		"× 扫描件 8 页，申报表 9 页", "× 公章", "√ 合计",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, "没有找到红色公章") && !strings.HasPrefix(line, "错误 第") {
			t.Errorf("a seal finding should name its page: %s", line)
		}
	}
	scanned := filepath.Join(dir, export.ScanName(forms.Sample(forms.Default())))
	data, err := os.ReadFile(scanned)
	if err != nil {
		t.Fatalf("no scanned PDF beside the draft: %v\n%s", err, stderr)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatal("the scanned file is not a PDF")
	}
	out, err := exec.Command("pdfinfo", scanned).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	if !strings.Contains(string(out), "Pages:           8") || !strings.Contains(string(out), "595 x 842 pts (A4)") {
		t.Errorf("scanned PDF should have 8 A4 pages: %s", out)
	}
	for _, f := range []string{export.Name(forms.Sample(forms.Default())) + ".docx", export.ScanName(forms.Sample(forms.Default()))} {
		if _, err := os.Stat(filepath.Join(sendDir, f)); err != nil {
			t.Errorf("send folder lacks %s", f)
		}
	}
}

func TestScansRefusals(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "s.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	notPicture := filepath.Join(dir, "note.txt")
	if err := os.WriteFile(notPicture, []byte("hello"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"scans", draft}, ExitUnreadable, "用法"},
		{[]string{"scans", draft, filepath.Join(dir, "nothing.jpg")}, ExitUnreadable, "无法读取"},
		{[]string{"scans", draft, notPicture}, ExitUnreadable, "不是图片"},
		{[]string{"scans", filepath.Join(dir, "none.json"), notPicture}, ExitUnreadable, "无法读取"},
		// --send names a file, not a folder: refused before the scanned PDF is written.
		{[]string{"scans", draft, notPicture, "--send", notPicture}, ExitUnreadable, "不是文件夹"},
	}
	for _, tc := range tests {
		code, _, stderr := run(t, nil, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.err) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args[2:], code, stderr, tc.code, tc.err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, export.ScanName(forms.Sample(forms.Default())))); err == nil {
		t.Error("a scanned PDF was written from unreadable inputs")
	}
}
