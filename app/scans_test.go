package app

import (
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/render/export"
)

// contentTexts are the texts of the page shown now.
func (h *harness) contentTexts() string {
	var sb strings.Builder
	walk(h.u.content, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Label:
			sb.WriteString(w.Text + "\n")
		case *zhText:
			sb.WriteString(w.Text + "\n")
		}
	})
	return sb.String()
}

func (h *harness) tapContent(text string) {
	h.t.Helper()
	var found *widget.Button
	walk(h.u.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		h.t.Fatalf("no button %q on the page:\n%s", text, h.contentTexts())
	}
	test.Tap(found)
}

// TestScansPage: the 报送 page takes a scan of the last pages (unsealed), shows it as its page
// with the missing pages and seals as 错误, and writes the folder to send with its checklist.
func TestScansPage(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm (poppler-utils, tools/debian-deps.sh) is needed")
	}
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	paths, err := export.Write(forms.Sample(), dir, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-jpeg", "-f", "8", "-l", "8", paths[1], filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	h.files.open = filepath.Join(dir, "p-8.jpg")
	h.u.showPage("报送")
	h.tapContent("添加照片或 PDF…")
	text := h.contentTexts()
	for _, want := range []string{"认出 1 页（申报表共 9 页）", "第 8 页", "p-8.jpg", "缺少这一页", "“所在学校推荐意见”栏里没有找到红色公章"} {
		if !strings.Contains(text, want) {
			t.Errorf("page lacks %q:\n%s", want, text)
		}
	}
	shot(t, h, "scans-page.png")
	if os.Getenv("APP_SHOTS") != "" { // the whole page, thumbnails included
		h.u.win.Resize(fyne.NewSize(1366, 1500))
		shot(t, h, "scans-page-tall.png")
		h.u.win.Resize(fyne.NewSize(1366, 768))
	}
	h.files.folder = filepath.Join(dir, "报送")
	h.tapContent("写出扫描件和报送文件夹…")
	over := h.overlayTexts()
	for _, want := range []string{"报送文件夹", "× 扫描件 1 页，申报表 9 页", "× 公章", "√ 合计", "lzjyjszk@163.com"} {
		if !strings.Contains(over, want) {
			t.Errorf("checklist lacks %q:\n%s", want, over)
		}
	}
	shot(t, h, "scans-sent.png")
	for _, f := range []string{export.Name(forms.Sample()) + ".docx", export.ScanName(forms.Sample())} {
		if _, err := os.Stat(filepath.Join(h.files.folder, f)); err != nil {
			t.Errorf("the folder to send lacks %s", f)
		}
	}
}

// shot writes the window to $APP_SHOTS (when set) to look at.
func shot(t *testing.T, h *harness, name string) {
	dir := os.Getenv("APP_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, h.canvas().Capture()); err != nil {
		t.Fatal(fmt.Errorf("%s: %w", name, err))
	}
}
