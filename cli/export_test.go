package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// pdfText is the text of a PDF in content-stream order, white space removed ("" without
// pdftotext).
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

func TestExportSample(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "s.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "新建 文件夹", "导出") // created, with a space, two levels
	code, stdout, stderr := run(t, nil, "export", draft, "-o", out)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := filepath.Join(out, "柳州市名班主任工作室申报表-柳州市第二十九中学-覃晓岚.pdf")
	if !strings.Contains(stdout, want+"\n") {
		t.Errorf("stdout %q does not name %s", stdout, want)
	}
	for _, l := range lines(stdout) {
		if _, err := os.Stat(l); err != nil {
			t.Errorf("printed path %s: %v", l, err)
		}
	}
	if !strings.Contains(stderr, "lzjyjszk@163.com") {
		t.Errorf("no reminder of where to send the form: %q", stderr)
	}
	if txt := pdfText(t, want); txt != "" && strings.Contains(txt, render.DraftMark) {
		t.Error("a valid draft was marked as a draft")
	}
	// No temporary files left behind.
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
}

func TestExportRefusesErrorsUnlessDraft(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join("testdata", "errors.json")
	code, stdout, stderr := run(t, nil, "export", draft, "-o", dir)
	if code != ExitFindings {
		t.Fatalf("exit %d, want %d", code, ExitFindings)
	}
	if stdout != "" {
		t.Errorf("stdout %q on refusal", stdout)
	}
	if !strings.Contains(stderr, "错误 host.years") || !strings.Contains(stderr, "--draft") {
		t.Errorf("stderr does not list the findings and the way out: %q", stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused export wrote %d files", len(entries))
	}

	code, stdout, stderr = run(t, nil, "export", draft, "-o", dir, "--draft")
	if code != ExitOK {
		t.Fatalf("--draft: exit %d\n%s", code, stderr)
	}
	paths := lines(stdout)
	if len(paths) != 2 || !strings.HasSuffix(paths[0], "-柳州市某中学-黎明.docx") || !strings.HasSuffix(paths[1], "-柳州市某中学-黎明.pdf") {
		t.Fatalf("--draft wrote %q", stdout)
	}
	if txt := pdfText(t, paths[1]); txt != "" && strings.Count(txt, render.DraftMark) < 1 {
		t.Error("--draft export lacks the draft mark")
	}
}

func TestExportBlankForm(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "空.json")
	if err := forms.New(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, nil, "export", draft, "-o", dir)
	if code != ExitOK {
		t.Fatalf("blank draft: exit %d\n%s", code, stderr)
	}
	want := filepath.Join(dir, "柳州市名班主任工作室申报表-未填写-未填写.pdf")
	if got := lines(stdout); len(got) != 2 || got[0] != strings.TrimSuffix(want, ".pdf")+".docx" || got[1] != want {
		t.Errorf("stdout %q, want the .docx and %s", stdout, want)
	}
	if txt := pdfText(t, want); txt != "" {
		if strings.Contains(txt, render.DraftMark) {
			t.Error("the blank form is marked as a draft")
		}
		if !strings.Contains(txt, "工作室成员基本情况") {
			t.Error("the blank form lacks its labels")
		}
	}
}

func TestExportUsageAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"no -o", []string{"export", filepath.Join("testdata", "errors.json")}, ExitUnreadable},
		{"no file", []string{"export", "-o", dir}, ExitUnreadable},
		{"missing file", []string{"export", filepath.Join(dir, "无.json"), "-o", dir}, ExitUnreadable},
		{"not a draft", []string{"export", filepath.Join("testdata", "notdraft.txt"), "-o", dir}, ExitUnreadable},
		{"later version", []string{"export", filepath.Join("testdata", "later-version.json"), "-o", dir}, ExitUnreadable},
	}
	for _, tt := range tests {
		code, stdout, stderr := run(t, nil, tt.args...)
		if code != tt.code || stdout != "" || !hasHan(stderr) {
			t.Errorf("%s: exit %d (want %d), stdout %q, stderr %q", tt.name, code, tt.code, stdout, stderr)
		}
	}
	// -o names an existing file, not a folder.
	file := filepath.Join(dir, "f")
	os.WriteFile(file, nil, 0o644)
	d := filepath.Join(dir, "s.json")
	forms.Sample(forms.Default()).Save(d)
	if code, _, stderr := run(t, nil, "export", d, "-o", file); code != ExitUnreadable || !hasHan(stderr) {
		t.Errorf("-o a file: exit %d, %q", code, stderr)
	}
}
