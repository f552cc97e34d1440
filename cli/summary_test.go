package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/summary"
)

func TestSummaryCommand(t *testing.T) {
	dir := t.TempDir()
	saveDraft(t, dir, "a.json", forms.Sample(forms.Default()))
	os.MkdirAll(filepath.Join(dir, "子"), 0o755)
	saveDraft(t, filepath.Join(dir, "子"), "b.json", forms.New(forms.Default()))
	os.WriteFile(filepath.Join(dir, "坏.json"), []byte("{"), 0o600)
	out := filepath.Join(t.TempDir(), "汇总")
	code, stdout, errs := run(t, nil, "summary", dir, "-o", out)
	if code != ExitOK || stdout != out+".xlsx\n" {
		t.Fatalf("summary: exit %d, %q, %q", code, stdout, errs)
	}
	for _, want := range []string{"汇总了 2 份申报表（读取了 2 个草稿、Word 和 PDF 文件，同一申请人的合为一行），其中 1 份有错误。", "1 个文件无法读取，见工作表“无法读取”。"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %q", want, errs)
		}
	}
	if st, err := os.Stat(out + ".xlsx"); err != nil || st.Size() == 0 {
		t.Errorf("no workbook: %v", err)
	}
}

func TestSummaryCommandErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"summary", filepath.Join(dir, "无"), "-o", filepath.Join(dir, "x.xlsx")}, "找不到"},
		{[]string{"summary", dir}, "用法"},
		{[]string{"summary", "-o", filepath.Join(dir, "x.xlsx")}, "用法"},
	} {
		code, stdout, errs := run(t, nil, tc.args...)
		if code != ExitUnreadable || stdout != "" || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q, %q", tc.args, code, stdout, errs)
		}
	}
	file := filepath.Join(dir, "a.json")
	os.WriteFile(file, []byte("{}"), 0o600)
	if code, _, errs := run(t, nil, "summary", file, "-o", filepath.Join(dir, "x.xlsx")); code != ExitUnreadable || !strings.Contains(errs, summary.ErrNotFolder.Error()) {
		t.Errorf("a file as folder: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
		t.Error("a failed summary left a workbook")
	}
}
