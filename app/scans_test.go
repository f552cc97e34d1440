package app

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/export"
	"shenbao/forms"
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
	h.files.open = scanOfPage8(t, dir)
	h.u.showPage("报送")
	h.tapContent("添加照片或 PDF 文件…")
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
	h.tapButton("仍然写出") // the pages have 错误: asked first (TestScansAsksBeforeWritingWithErrors)
	over := h.overlayTexts()
	for _, want := range []string{"报送文件夹", "× 扫描件 1 页，申报表 9 页", "× 公章", "√ 合计", "lzjyjszk@163.com"} {
		if !strings.Contains(over, want) {
			t.Errorf("checklist lacks %q:\n%s", want, over)
		}
	}
	shot(t, h, "scans-sent.png")
	for _, f := range []string{export.Name(forms.Sample(forms.Default())) + ".docx", export.ScanName(forms.Sample(forms.Default()))} {
		if _, err := os.Stat(filepath.Join(h.files.folder, f)); err != nil {
			t.Errorf("the folder to send lacks %s", f)
		}
	}
}

// scanOfPage8 is the sample's 第8页 as a 150-dpi scan in dir.
func scanOfPage8(t *testing.T, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm (poppler-utils, tools/debian-deps.sh) is needed")
	}
	paths, err := export.Write(forms.Sample(forms.Default()), dir, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "150", "-jpeg", "-f", "8", "-l", "8", paths[1], filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	return filepath.Join(dir, "p-8.jpg")
}

// TestScansReorder: a scan dropped on the 报送 page is added (here a second time: a page
// twice, the extra one shown apart); removing the extra one and putting the other on 第9页 by
// hand tells the findings again; a draft dropped there is not opened but named.
func TestScansReorder(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	draft := writeSample(t, dir)
	h.u.Start(draft)
	h.files.open = scanOfPage8(t, dir)
	h.u.showPage("报送")
	h.tapContent("添加照片或 PDF 文件…")
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(h.files.open)})
	text := h.contentTexts()
	for _, want := range []string{"已添加 2 张图片，认出 1 页", "这一页出现了 2 次", "未排入"} {
		if !strings.Contains(text, want) {
			t.Errorf("after the drop, the page lacks %q:\n%s", want, text)
		}
	}
	if os.Getenv("APP_SHOTS") != "" {
		h.u.win.Resize(fyne.NewSize(1366, 1500))
		shot(t, h, "scans-twice.png")
		h.u.win.Resize(fyne.NewSize(1366, 768))
	}
	removes := h.contentButtons(theme.DeleteIcon())
	if len(removes) != 2 {
		t.Fatalf("%d remove buttons, want 2 (the page and the extra picture):\n%s", len(removes), text)
	}
	test.Tap(removes[1])
	text = h.contentTexts()
	for _, gone := range []string{"出现了", "未排入"} {
		if strings.Contains(text, gone) {
			t.Errorf("after removing the extra picture, the page still says %q:\n%s", gone, text)
		}
	}
	if !strings.Contains(text, "已添加 1 张图片") || !missing(text, 9) || missing(text, 8) {
		t.Errorf("after removing, want 1 picture and 第9页 missing:\n%s", text)
	}

	sel := h.contentSelects()
	if len(sel) != 1 || sel[0].Selected != "第8页" {
		t.Fatalf("want one page select on 第8页, got %d:\n%s", len(sel), text)
	}
	sel[0].SetSelected("第9页")
	text = h.contentTexts()
	if !missing(text, 8) || missing(text, 9) || !strings.Contains(text, "（手动）p-8.jpg") {
		t.Errorf("put on 第9页 by hand, want 第8页 missing and not 第9页:\n%s", text)
	}
	if sel = h.contentSelects(); len(sel) != 1 || sel[0].Selected != "第9页" {
		t.Errorf("the select does not show 第9页 after the choice:\n%s", text)
	}
	if os.Getenv("APP_SHOTS") != "" {
		h.u.win.Resize(fyne.NewSize(1366, 1500))
		shot(t, h, "scans-reordered.png")
		h.u.win.Resize(fyne.NewSize(1366, 768))
	}

	// The pictures stay when the user looks at another page and comes back, not when the
	// draft changes meanwhile.
	h.u.showPage("检查")
	h.u.showPage("报送")
	if text = h.contentTexts(); !strings.Contains(text, "（手动）p-8.jpg") || !missing(text, 8) {
		t.Errorf("back on the page, the pictures and the choice are gone:\n%s", text)
	}
	h.u.dropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(draft)})
	if over := h.overlayTexts(); !strings.Contains(over, filepath.Base(draft)) || !strings.Contains(over, "报送页只收照片") {
		t.Errorf("a draft dropped on the 报送 page: message %q", over)
	}
	shot(t, h, "scans-dropped-draft.png")
	if !strings.Contains(h.contentTexts(), "已添加 1 张图片") {
		t.Errorf("the draft dropped changed the page:\n%s", h.contentTexts())
	}
	h.closeDialogs()
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "明")
	h.u.showPage("报送")
	if text = h.contentTexts(); !strings.Contains(text, "草稿改过了") || strings.Contains(text, "p-8.jpg") {
		t.Errorf("the draft changed, the page should start afresh and say so:\n%s", text)
	}
	shot(t, h, "scans-draft-changed.png")
}

// missing tells whether the page's findings say page n is missing.
func missing(text string, n int) bool {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, fmt.Sprintf("第%d页（", n)) && strings.Contains(l, "缺少这一页的照片") {
			return true
		}
	}
	return false
}

func (h *harness) contentButtons(icon fyne.Resource) []*widget.Button {
	var bs []*widget.Button
	walk(h.u.content, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Icon == icon {
			bs = append(bs, b)
		}
	})
	return bs
}

func (h *harness) contentSelects() []*widget.Select {
	var ss []*widget.Select
	walk(h.u.content, func(o fyne.CanvasObject) {
		if s, ok := o.(*widget.Select); ok {
			ss = append(ss, s)
		}
	})
	return ss
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

// TestScansProgress: while pictures are read, a progress bar and the counts show (正在读取第
// 2 张，共 3 张), each picture appears as soon as it is read, and nothing shows when all are.
func TestScansProgress(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	scan8 := scanOfPage8(t, dir)
	var jobs []func()
	h.u.env.Go = func(f func()) { jobs = append(jobs, f) }
	runOne := func() { // one step of the reading, and the writes of the kept work it starts
		before := h.u.scans.progressText.Text
		for len(jobs) > 0 && h.u.scans.run != nil && h.u.scans.progressText.Text == before {
			f := jobs[0]
			jobs = jobs[1:]
			f()
		}
	}
	h.u.showPage("报送")
	h.drop(copyAs(t, scan8, dir, "a.jpg"), copyAs(t, scan8, dir, "b.jpg"), copyAs(t, scan8, dir, "c.jpg"))
	s := h.u.scans
	for i, want := range []string{"正在读取第 1 张，共 3 张：a.jpg", "正在读取第 2 张，共 3 张：b.jpg", "正在读取第 3 张，共 3 张：c.jpg"} {
		if !s.progressBox.Visible() || s.progressText.Text != want {
			t.Errorf("step %d: progress %q (shown %v), want %q", i+1, s.progressText.Text, s.progressBox.Visible(), want)
		}
		if got, want := s.progress.Value, float64(i); got != want || s.progress.Max != 3 {
			t.Errorf("step %d: bar at %v of %v, want %v of 3", i+1, got, s.progress.Max, want)
		}
		if i > 0 && !strings.Contains(h.contentTexts(), fmt.Sprintf("已添加 %d 张图片", i)) {
			t.Errorf("step %d: the pictures read so far are not shown:\n%s", i+1, h.contentTexts())
		}
		if i == 1 {
			shot(t, h, "scans-progress.png")
		}
		runOne()
	}
	for len(jobs) > 0 {
		f := jobs[0]
		jobs = jobs[1:]
		f()
	}
	if s.progressBox.Visible() || !strings.Contains(h.contentTexts(), "已添加 3 张图片") {
		t.Errorf("after reading: progress shown %v\n%s", s.progressBox.Visible(), h.contentTexts())
	}
}

// TestScansCaptionsKeepTheEnd: a phone's photos differ at the end of their names, which is
// what a finding names: the caption under a thumbnail is cut at its start (…0106.jpg) and
// fits its card.
func TestScansCaptionsKeepTheEnd(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	scan8 := scanOfPage8(t, dir)
	h.u.showPage("报送")
	h.drop(copyAs(t, scan8, dir, "IMG_20240720_010105.jpg"), copyAs(t, scan8, dir, "IMG_20240720_010106.jpg"))
	var caps []*widget.Label
	walk(h.u.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, ".jpg") {
			caps = append(caps, l)
		}
	})
	if len(caps) != 2 {
		for _, l := range caps {
			t.Logf("%q", l.Text)
		}
		t.Fatalf("%d captions:\n%s", len(caps), h.contentTexts())
	}
	for i, l := range caps {
		want := fmt.Sprintf("0%d.jpg", 105+i)
		w := fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width + 2*theme.InnerPadding()
		if !strings.HasPrefix(l.Text, "…") || !strings.HasSuffix(l.Text, want) || l.Truncation != fyne.TextTruncateOff || w > l.Size().Width+0.5 {
			t.Errorf("caption %q (%v wide in %v, truncation %v), want …%s fitting", l.Text, w, l.Size().Width, l.Truncation, want)
		}
	}
	if os.Getenv("APP_SHOTS") != "" {
		h.u.win.Resize(fyne.NewSize(1366, 1500))
		shot(t, h, "scans-captions.png")
		h.u.win.Resize(fyne.NewSize(1366, 768))
	}
	if got := tailFit("（手动）", "IMG_20240720_010106.jpg", 120); !strings.HasPrefix(got, "（手动）…") || !strings.HasSuffix(got, "6.jpg") {
		t.Errorf("tailFit with a prefix: %q", got)
	}
	if got := tailFit("", "a.jpg", 120); got != "a.jpg" {
		t.Errorf("a short name is cut: %q", got)
	}
}

// TestScansAsksBeforeWritingWithErrors: with a page or a seal missing, 写出 asks first and
// says which are missing; 取消 (the default) writes nothing.
func TestScansAsksBeforeWritingWithErrors(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	h.u.showPage("报送")
	h.drop(scanOfPage8(t, dir))
	h.files.folder = filepath.Join(dir, "报送")
	h.tapContent("写出扫描件和报送文件夹…")
	over := h.overlayTexts()
	for _, want := range []string{"扫描件还有 9 个错误", "缺少第1页、第2页、第3页、第4页、第5页、第6页、第7页、第9页",
		"没有找到“所在学校推荐意见”“所在县区教育行政部门意见”栏的公章", "[取消]", "[仍然写出]"} {
		if !strings.Contains(over, want) {
			t.Errorf("the question lacks %q:\n%s", want, over)
		}
	}
	shot(t, h, "scans-ask-errors.png")
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter: 取消
	if len(h.files.asked) != 0 || h.canvas().Overlays().Top() != nil {
		t.Errorf("取消 went on: asked %v, dialog %q", h.files.asked, h.overlayTexts())
	}
	if _, err := os.Stat(h.files.folder); !os.IsNotExist(err) {
		t.Errorf("取消 wrote the folder: %v", err)
	}
	h.tapContent("写出扫描件和报送文件夹…")
	h.tapButton("仍然写出")
	if !strings.Contains(h.overlayTexts(), "报送文件夹") {
		t.Errorf("仍然写出 did not write:\n%s", h.overlayTexts())
	}
}

// No busy mark (a grey dot) beside 写出 while nothing runs.
func TestScansNoBusyDotWhenIdle(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	busy := func() int {
		n := 0
		walk(h.u.content, func(o fyne.CanvasObject) {
			if _, ok := o.(*widget.Activity); ok {
				n++
			}
		})
		return n
	}
	h.u.showPage("报送")
	if n := busy(); n != 0 {
		t.Errorf("%d busy marks on the page with nothing running", n)
	}
	h.drop(scanOfPage8(t, dir))
	if n := busy(); n != 0 {
		t.Errorf("%d busy marks after the pictures were read", n)
	}
	var jobs []func()
	h.u.env.Go = func(f func()) { jobs = append(jobs, f) }
	h.files.folder = filepath.Join(dir, "报送")
	h.tapContent("写出扫描件和报送文件夹…")
	h.tapButton("仍然写出")
	if n := busy(); n != 1 {
		t.Errorf("%d busy marks while the folder is written, want 1", n)
	}
	for len(jobs) > 0 {
		f := jobs[0]
		jobs = jobs[1:]
		f()
	}
	if n := busy(); n != 0 {
		t.Errorf("%d busy marks once the folder is written", n)
	}
}

// The help menu's 报送要求 and the export dialog point to the 报送 page, not to 扫描成 PDF.
func TestSubmissionPointsToScansPage(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	h.u.showSubmission()
	over := h.overlayTexts()
	if !strings.Contains(over, "“报送”页") || strings.Contains(over, "扫描成 PDF") {
		t.Errorf("报送要求:\n%s", over)
	}
	h.closeDialogs()
	h.u.showExported([]string{filepath.Join(dir, "a.docx"), filepath.Join(dir, "a.pdf")}, false)
	if over := h.overlayTexts(); !strings.Contains(over, "“报送”页") || strings.Contains(over, "扫描成 PDF") {
		t.Errorf("the export dialog:\n%s", over)
	}
}

// At most maxKept pictures: more are not added, and the message says which.
func TestScansAtMostKept(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	blank := image.NewGray(image.Rect(0, 0, 300, 400))
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, blank, nil); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := range maxKept + 2 {
		p := filepath.Join(dir, fmt.Sprintf("blank-%02d.jpg", i+1))
		os.WriteFile(p, buf.Bytes(), 0o644)
		paths = append(paths, p)
	}
	h.u.showPage("报送")
	h.drop(paths...)
	over := h.overlayTexts()
	if !strings.Contains(over, "最多放 30 张") || !strings.Contains(over, "blank-31.jpg、blank-32.jpg") {
		t.Errorf("message:\n%s", over)
	}
	if text := h.contentTexts(); !strings.Contains(text, "已添加 30 张图片") {
		t.Errorf("page:\n%s", text)
	}
}

// The 报送 dialog shows small pictures of the photos, as the photo dialog does; a PDF keeps
// its icon and is not read for one.
func TestScansDialogShowsThumbnails(t *testing.T) {
	old := thumbRun
	thumbRun = func(f func()) { f() }
	defer func() { thumbRun = old }()
	h := newHarness(t, "")
	dir := t.TempDir()
	img := image.NewGray(image.Rect(0, 0, 300, 420))
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	os.WriteFile(filepath.Join(dir, "IMG_0106.jpg"), buf.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "扫描.pdf"), buf.Bytes(), 0o644) // a picture inside: still not thumbnailed
	fd := newFileDialog(h.u.win, modeOpen, "添加照片或扫描的 PDF", dir, "", scanFiles, func(string) {})
	fd.show()
	if fd.thumbs == nil {
		t.Fatal("the 报送 dialog makes no thumbnails")
	}
	for i, want := range []bool{true, false} {
		r := rowFor(fd, i)
		r = rowFor(fd, i)
		if got := r.img.Image != nil; got != want {
			t.Errorf("%s: thumbnail %v, want %v", fd.items[i].Name(), got, want)
		}
	}
	if showsThumbnails(draftFiles) || !showsThumbnails(pictureFiles) {
		t.Error("showsThumbnails")
	}
}
