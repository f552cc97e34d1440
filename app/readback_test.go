package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render/docx"
)

// TestOpenExportedDOCX: 打开 offers .docx and .pdf; our .docx opens as the draft it carries,
// unsaved, with a word about where it came from; 保存 asks for a .json name and leaves the
// .docx as it was.
func TestOpenExportedDOCX(t *testing.T) {
	if !openableFiles.matches("a.DOCX") || !openableFiles.matches("b.pdf") || !openableFiles.matches("c.json") {
		t.Error("the open dialog does not offer .docx, .pdf and .json")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "申报表.docx")
	var b bytes.Buffer
	if err := docx.Write(&b, forms.Sample(forms.Default()), docx.Options{}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, b.Bytes(), 0o600)
	h := newHarness(t, "")
	h.u.Start("")
	if !h.u.openFile(path) {
		t.Fatal("not opened")
	}
	if h.u.path != "" || !h.u.dirty || string(h.u.d.Marshal()) != string(forms.Sample(forms.Default()).Marshal()) {
		t.Fatalf("opened at %q dirty %v, draft as exported: %v", h.u.path, h.u.dirty, string(h.u.d.Marshal()) == string(forms.Sample(forms.Default()).Marshal()))
	}
	if got := h.overlayTexts(); !strings.Contains(got, "本程序导出的 Word 文件") || !strings.Contains(got, "Ctrl+S") {
		t.Errorf("no word about the file:\n%s", got)
	}
	if h.u.dir() != dir {
		t.Errorf("saving starts in %q, want the .docx's folder", h.u.dir())
	}
}

// TestOpenNoForm: a .docx with no form is refused with what it is.
func TestOpenNoForm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "扫描.pdf")
	os.WriteFile(path, []byte("%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Length 1 >>\nstream\nx\nendstream\nendobj\n"), 0o600)
	h := newHarness(t, "")
	h.u.Start("")
	if h.u.openFile(path) {
		t.Fatal("a scan opened")
	}
	if got := h.overlayTexts(); !strings.Contains(got, "扫描件") {
		t.Errorf("the refusal does not say it is a scan:\n%s", got)
	}
}
