package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

func TestFileDialogListsFoldersThenMatchingFiles(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	for _, f := range []string{"b.json", "A.JSON", "照片.png", ".hidden.json"} {
		os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755)
	var got string
	fd := newFileDialog(h.u.win, modeOpen, "打开草稿", dir, "", draftFiles, func(p string) { got = p })
	fd.show()
	var names []string
	for _, e := range fd.items {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "子文件夹,A.JSON,b.json" {
		t.Fatalf("listed %v", names)
	}
	text := h.overlayTexts()
	for _, s := range []string{"主文件夹", "计算机", "[打开]", "[取消]", "[上一级]"} {
		if !strings.Contains(text, s) {
			t.Errorf("dialog lacks %q", s)
		}
	}
	for _, s := range []string{"Home", "Computer", "Desktop", "Cancel"} {
		if strings.Contains(text, s) {
			t.Errorf("English %q in the dialog", s)
		}
	}
	if !fd.ok.Disabled() {
		t.Error("打开 enabled with nothing chosen")
	}
	fd.list.Select(0) // one click on a folder only selects it
	if fd.dir != dir {
		t.Fatalf("one click went into %s", fd.dir)
	}
	test.Tap(fd.ok) // 打开 on a folder opens the folder
	if fd.dir != filepath.Join(dir, "子文件夹") || len(fd.items) != 0 || got != "" {
		t.Fatalf("in %s with %d items, chose %q", fd.dir, len(fd.items), got)
	}
	fd.open(dir)
	fd.list.Select(2)
	test.Tap(fd.ok)
	if got != filepath.Join(dir, "b.json") {
		t.Errorf("chose %q", got)
	}
}

// rowFor is the list's row for item i, as the list would show it.
func rowFor(fd *fileDialog, i int) *fileRow {
	r := newFileRow(fd)
	fd.updateRow(i, r)
	return r
}

// Windows' habits: one click selects, a double click or Enter opens (a folder: goes in; a
// file: is the answer), the arrows move the selection, Esc cancels.
func TestFileDialogDoubleClickEnterAndEsc(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "草稿夹"), 0o755)
	os.WriteFile(filepath.Join(dir, "草稿夹", "一.json"), []byte("{}"), 0o644)
	os.WriteFile(filepath.Join(dir, "草稿夹", "二.json"), []byte("{}"), 0o644)
	answers := []string{}
	fd := newFileDialog(h.u.win, modeOpen, "打开草稿", dir, "", draftFiles, func(p string) { answers = append(answers, p) })
	fd.show()
	if h.u.win.Canvas().Focused() != fd.list {
		t.Error("the list does not have the keys when the dialog opens")
	}
	test.Tap(rowFor(fd, 0))
	if fd.dir != dir || fd.sel != 0 {
		t.Fatalf("a click: in %s, selected %d", fd.dir, fd.sel)
	}
	test.DoubleTap(rowFor(fd, 0))
	if fd.dir != filepath.Join(dir, "草稿夹") {
		t.Fatalf("a double click did not open the folder: in %s", fd.dir)
	}
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // the first item
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) // the second: 二.json (一 < 二 by code point)
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(answers) != 1 || answers[0] != filepath.Join(dir, "草稿夹", fd.items[1].Name()) {
		t.Fatalf("Enter gave %q", answers)
	}
	fd = newFileDialog(h.u.win, modeOpen, "打开草稿", filepath.Join(dir, "草稿夹"), "", draftFiles, func(p string) { answers = append(answers, p) })
	fd.show()
	test.DoubleTap(rowFor(fd, 0))
	if len(answers) != 2 || answers[1] != filepath.Join(dir, "草稿夹", fd.items[0].Name()) {
		t.Fatalf("a double click on a file gave %q", answers)
	}
	fd = newFileDialog(h.u.win, modeOpen, "打开草稿", dir, "", draftFiles, func(p string) { answers = append(answers, p) })
	fd.show()
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(answers) != 3 || answers[2] != "" || strings.Contains(h.overlayTexts(), "打开草稿") {
		t.Fatalf("Esc gave %q, dialog still open: %v", answers, strings.Contains(h.overlayTexts(), "打开草稿"))
	}
}

// Esc in the save dialog's name field cancels; Enter in 新建文件夹's name creates the folder.
func TestSaveDialogEscAndNewFolderEnter(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	got := "unset"
	fd := newFileDialog(h.u.win, modeSave, "保存草稿", dir, "草稿", draftFiles, func(p string) { got = p })
	fd.show()
	h.tapButton("新建文件夹")
	name, ok := h.u.win.Canvas().Focused().(*keyEntry)
	if !ok {
		t.Fatalf("the new folder's name does not have the keys: %T", h.u.win.Canvas().Focused())
	}
	test.Type(name, "二〇二五 申报")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !isDirPath(filepath.Join(dir, "二〇二五 申报")) || fd.dir != filepath.Join(dir, "二〇二五 申报") {
		t.Fatalf("Enter did not create and open the folder; in %s", fd.dir)
	}
	if strings.Contains(h.overlayTexts(), "名称：") {
		t.Error("the 新建文件夹 question stayed open")
	}
	fd.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if got != "" {
		t.Errorf("Esc in the name field gave %q", got)
	}
}

// In the folder dialog a selected sub-folder is the one chosen, as in Windows.
func TestFolderDialogTakesTheSelectedFolder(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "导出"), 0o755)
	var got string
	fd := newFileDialog(h.u.win, modeFolder, "导出到哪个文件夹", dir, "", fileKind{}, func(p string) { got = p })
	fd.show()
	fd.list.Select(0)
	test.Tap(fd.ok)
	if got != filepath.Join(dir, "导出") {
		t.Errorf("chose %q", got)
	}
}

func TestSaveDialogAddsExtensionAndAsksBeforeReplacing(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "已有.json"), []byte("{}"), 0o644)
	var got string
	fd := newFileDialog(h.u.win, modeSave, "保存草稿", dir, "草稿", draftFiles, func(p string) { got = p })
	fd.show()
	test.Tap(fd.ok)
	if got != filepath.Join(dir, "草稿.json") {
		t.Fatalf("saved as %q", got)
	}
	got = ""
	fd = newFileDialog(h.u.win, modeSave, "保存草稿", dir, "a/b", draftFiles, func(p string) { got = p })
	fd.show()
	test.Tap(fd.ok)
	if got != "" || !fd.problem.Visible() {
		t.Errorf("a name with / was accepted: %q", got)
	}
	fd.name.SetText("已有")
	test.Tap(fd.ok)
	if got != "" || !strings.Contains(h.overlayTexts(), "已经存在") {
		t.Fatalf("replaced without asking: %q", got)
	}
	h.tapButton("替换")
	if got != filepath.Join(dir, "已有.json") {
		t.Errorf("after 替换: %q", got)
	}
}

func TestFolderDialogReturnsTheOpenFolder(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	var got string
	fd := newFileDialog(h.u.win, modeFolder, "导出到哪个文件夹", filepath.Join(dir, "不存在", "更深"), "", fileKind{}, func(p string) { got = p })
	fd.show()
	if fd.dir != dir {
		t.Errorf("started in %s, want the closest existing folder %s", fd.dir, dir)
	}
	test.Tap(fd.ok)
	if got != dir {
		t.Errorf("chose %q", got)
	}
}

// The photo dialog shows a small picture of each photo, made off the UI thread; a file too big
// to decode for a thumbnail keeps the file icon.
func TestPhotoDialogShowsThumbnails(t *testing.T) {
	old := thumbRun
	thumbRun = func(f func()) { f() }
	defer func() { thumbRun = old }()
	h := newHarness(t, "")
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 300, 420))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	os.WriteFile(filepath.Join(dir, "a照片.jpg"), buf.Bytes(), 0o644)
	big, _ := os.Create(filepath.Join(dir, "b扫描.jpg"))
	big.Write(buf.Bytes())
	big.Truncate(thumbMaxBytes + 1) // sparse: a scan too big to decode for a thumbnail
	big.Close()
	os.WriteFile(filepath.Join(dir, "c坏.png"), []byte("not a picture"), 0o644)
	fd := newFileDialog(h.u.win, modeOpen, "选择照片", dir, "", pictureFiles, func(string) {})
	fd.show()
	for i, want := range []bool{true, false, false} {
		r := rowFor(fd, i) // asks for the thumbnail (made at once here)
		r = rowFor(fd, i)
		if got := r.img.Image != nil; got != want {
			t.Errorf("%s: thumbnail %v, want %v", fd.items[i].Name(), got, want)
		}
		if b := r.img.Image; b != nil && max(b.Bounds().Dx(), b.Bounds().Dy()) > thumbDecode {
			t.Errorf("thumbnail of %d×%d pixels kept", b.Bounds().Dx(), b.Bounds().Dy())
		}
	}
	draft := newFileDialog(h.u.win, modeOpen, "打开草稿", dir, "", draftFiles, func(string) {})
	if draft.thumbs != nil {
		t.Error("the draft dialog makes thumbnails")
	}
}

// The dialog for many files: a click picks one, Ctrl-click adds and removes, Shift-click takes
// a run, Ctrl+A all; folders are never picked; 打开 and Enter give the picked files in the
// list's order, a double click the one clicked.
func TestManyFileDialogCtrlShiftClick(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755)
	names := []string{"1.jpg", "2.png", "3.pdf", "4.jpg", "5.heic"}
	for _, f := range append(names, "不要.txt") {
		os.WriteFile(filepath.Join(dir, f), []byte("x"), 0o644)
	}
	var got [][]string
	newDialog := func() *fileDialog {
		fd := newManyFileDialog(h.u.win, "添加照片或扫描的 PDF", dir, scanFiles, func(p []string) { got = append(got, p) })
		fd.show()
		return fd
	}
	paths := func(is ...int) []string { // items: 0 is the folder, 1… the files
		var out []string
		for _, i := range is {
			out = append(out, filepath.Join(dir, names[i-1]))
		}
		return out
	}
	ctrl, shift := fyne.KeyModifierControl, fyne.KeyModifierShift
	clickRow := func(fd *fileDialog, i int, mod fyne.KeyModifier) {
		r := rowFor(fd, i)
		r.MouseDown(&desktop.MouseEvent{Modifier: mod})
		test.Tap(r)
	}
	fd := newDialog()
	if len(fd.items) != 6 {
		t.Fatalf("listed %d items, want the folder and 5 files", len(fd.items))
	}
	clickRow(fd, 1, 0)
	clickRow(fd, 3, ctrl)
	clickRow(fd, 4, ctrl)
	clickRow(fd, 3, ctrl) // off again
	if p := fd.pickedPaths(); !slices.Equal(p, paths(1, 4)) {
		t.Fatalf("after click, Ctrl-clicks: %q", p)
	}
	if !rowFor(fd, 1).bg.Visible() || rowFor(fd, 1).bg.FillColor == nil || rowFor(fd, 3).bg.FillColor != nil {
		t.Error("picked rows are not drawn as picked, or an unpicked one is")
	}
	clickRow(fd, 2, 0)     // a plain click: that one alone
	clickRow(fd, 5, shift) // a run from it
	if p := fd.pickedPaths(); !slices.Equal(p, paths(2, 3, 4, 5)) {
		t.Fatalf("after Shift-click: %q", p)
	}
	clickRow(fd, 1, ctrl|shift) // Ctrl+Shift: the run from the last clicked added
	if p := fd.pickedPaths(); !slices.Equal(p, paths(1, 2, 3, 4, 5)) {
		t.Fatalf("after Ctrl+Shift-click: %q", p)
	}
	clickRow(fd, 2, 0)
	clickRow(fd, 3, shift)
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(got) != 1 || !slices.Equal(got[0], paths(2, 3)) {
		t.Fatalf("Enter gave %q", got)
	}

	fd = newDialog()
	fd.list.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Tap(fd.ok)
	if len(got) != 2 || !slices.Equal(got[1], paths(1, 2, 3, 4, 5)) {
		t.Fatalf("Ctrl+A, 打开 gave %q", got[1:])
	}

	fd = newDialog()
	clickRow(fd, 1, 0)
	clickRow(fd, 2, ctrl)
	test.DoubleTap(rowFor(fd, 4))
	if len(got) != 3 || !slices.Equal(got[2], paths(4)) {
		t.Fatalf("a double click gave %q", got[2:])
	}

	fd = newDialog()
	clickRow(fd, 2, 0)
	clickRow(fd, 0, shift) // a folder, with Shift or not, is selected alone: 打开 goes in
	if len(fd.picked) != 0 || fd.sel != 0 {
		t.Fatalf("Shift-click on the folder: picked %v, selected %d", fd.picked, fd.sel)
	}
	test.Tap(fd.ok)
	if fd.dir != filepath.Join(dir, "子文件夹") || len(got) != 3 {
		t.Fatalf("打开 on the folder: in %s, answers %q", fd.dir, got)
	}
	fd.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(got) != 4 || got[3] != nil {
		t.Fatalf("Esc gave %q", got[3:])
	}

	// The dialog for one file takes no Ctrl-click run.
	var one string
	single := newFileDialog(h.u.win, modeOpen, "选择照片", dir, "", pictureFiles, func(p string) { one = p })
	single.show()
	clickRow(single, 1, 0)
	clickRow(single, 4, ctrl)
	test.Tap(single.ok)
	if one != filepath.Join(dir, single.items[4].Name()) { // 5.heic: the PDF is not listed here
		t.Errorf("the one-file dialog gave %q", one)
	}
}
