package app

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/export"
	"shenbao/platform"
	"shenbao/render"
)

func TestExportWritesBothFilesAndOffersFolderAndPrint(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.files.folder = t.TempDir()
	h.u.exportDialog()
	want := export.Paths(h.u.d, h.files.folder)
	for _, p := range want {
		if st, err := os.Stat(p); err != nil || st.Size() == 0 {
			t.Fatalf("%s: %v", p, err)
		}
	}
	text := h.overlayTexts()
	for _, s := range []string{want[0], want[1], "[打开文件夹]", "[打印]", "lzjyjszk@163.com", "7月28日", "盖章扫描"} {
		if !strings.Contains(text, s) {
			t.Errorf("the result does not show %q:\n%s", s, text)
		}
	}
	h.tapButton("打印")
	h.tapButton("打开文件夹")
	if len(h.opened) != 1 || h.opened[0] != want[1] {
		t.Errorf("打印 opened %q, want the PDF", h.opened)
	}
	if len(h.revealed) != 1 || strings.Join(h.revealed[0], "|") != strings.Join(want, "|") {
		t.Errorf("打开文件夹 showed %q, want both files", h.revealed)
	}
	if h.u.set.ExportDir != h.files.folder {
		t.Errorf("export folder not remembered: %q", h.u.set.ExportDir)
	}
	if txt := pdfText(t, want[1]); txt != "" && strings.Contains(txt, render.DraftMark) {
		t.Error("a draft without 错误 was exported marked")
	}

	// A second export asks before replacing the files.
	h.closeDialogs()
	h.u.exportDialog()
	if !strings.Contains(h.overlayTexts(), "替换文件？") {
		t.Errorf("replaced without asking:\n%s", h.overlayTexts())
	}
}

// With 错误 only the watermarked draft is offered, and the dialog names what blocks.
func TestExportWithErrorsOffersOnlyADraft(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.d.Set("advisers[1].mobile", "123")
	h.files.folder = t.TempDir()
	h.u.exportDialog()
	text := h.overlayTexts()
	if !strings.Contains(text, "还有1个错误") || !strings.Contains(text, "不是11位手机号码") || strings.Contains(text, "[导出]") {
		t.Fatalf("dialog:\n%s", text)
	}
	if entries, _ := os.ReadDir(h.files.folder); len(entries) != 0 {
		t.Fatal("exported before the user chose")
	}
	h.tapButton("导出草稿")
	pdf := export.Paths(h.u.d, h.files.folder)[1]
	if txt := pdfText(t, pdf); txt != "" && !strings.Contains(txt, render.DraftMark) {
		t.Error("the draft export lacks the mark")
	}
	if !strings.Contains(h.overlayTexts(), "这是草稿") {
		t.Errorf("result does not say it is a draft:\n%s", h.overlayTexts())
	}
}

func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return ""
	}
	out, err := exec.Command("pdftotext", "-raw", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", filepath.Base(path), err)
	}
	return strings.Join(strings.Fields(string(out)), "")
}

// An empty draft exports the blank form, unmarked, as `shenbao export` does.
func TestExportOfEmptyDraftIsTheBlankForm(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.files.folder = t.TempDir()
	h.u.exportDialog()
	paths := export.Paths(h.u.d, h.files.folder)
	if _, err := os.Stat(paths[1]); err != nil {
		t.Fatalf("no blank form: %v\n%s", err, h.overlayTexts())
	}
	if txt := pdfText(t, paths[1]); txt != "" && strings.Contains(txt, render.DraftMark) {
		t.Error("the blank form is marked as a draft")
	}
}

// 打开文件夹 says so when nothing could open the folder, and where it is.
func TestOpenFolderSaysWhenItCannot(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.env.OpenPath = func(string) error { return errors.New("exit status 3") }
	dir := t.TempDir()
	h.u.openPath(dir)
	got := h.overlayTexts()
	if !strings.Contains(got, "无法打开") || !strings.Contains(got, dir) || strings.Contains(got, "exit status") {
		t.Errorf("message:\n%s", got)
	}
}

// Where nothing opens PDFs, 打印 says so plainly, with the file's place and what to do.
func TestPrintWithoutAPDFProgramSaysSo(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.files.folder = t.TempDir()
	h.u.exportDialog()
	pdf := export.Paths(h.u.d, h.files.folder)[1]
	h.openErr = platform.ErrNoProgram
	h.tapButton("打印")
	text := h.overlayTexts()
	for _, s := range []string{"没有能打开 PDF 的程序", pdf, "浏览器", "PDF 阅读器"} {
		if !strings.Contains(text, s) {
			t.Errorf("the message lacks %q:\n%s", s, text)
		}
	}
	h.closeDialogs()
	h.openErr = errors.New("xdg-open: no display")
	h.files.folder = t.TempDir()
	h.u.exportDialog()
	h.tapButton("打开文件夹")
	if text := h.overlayTexts(); !strings.Contains(text, "没能自动打开") || !strings.Contains(text, h.files.folder) {
		t.Errorf("a folder that did not open: %s", text)
	}
}
