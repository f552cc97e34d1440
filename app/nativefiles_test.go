package app

import (
	"errors"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"shenbao/platform"
)

// fakeSystem stands for Windows' dialogs: it records what it was asked and answers.
type fakeSystem struct {
	hwnd    uintptr
	answer  []string
	err     error
	filters []platform.FileFilter
	dir     string
	multi   bool
	name    string
	owners  []uintptr
}

func (s *fakeSystem) dialogs() systemDialogs {
	return systemDialogs{
		open: func(owner uintptr, _ string, f []platform.FileFilter, dir string, multi bool) ([]string, error) {
			s.owners, s.filters, s.dir, s.multi = append(s.owners, owner), f, dir, multi
			return s.answer, s.err
		},
		save: func(owner uintptr, _ string, f []platform.FileFilter, dir, name string) (string, error) {
			s.owners, s.filters, s.dir, s.name = append(s.owners, owner), f, dir, name
			return first(s.answer), s.err
		},
		folder: func(owner uintptr, _, dir string) (string, error) {
			s.owners, s.dir = append(s.owners, owner), dir
			return first(s.answer), s.err
		},
		hwnd: func(fyne.Window) uintptr { return s.hwnd },
	}
}

func TestKindFilterForTheSystemDialog(t *testing.T) {
	for _, c := range []struct {
		kind fileKind
		want string
	}{
		{draftFiles, "申报表草稿 (*.json)"},
		{pictureFiles, "图片 (*.jpg;*.jpeg;*.png;*.bmp;*.gif;*.webp;*.heic;*.heif;*.jfif)"},
		{rosterOpenFiles, "Excel 工作簿 (*.xlsx;*.xls)"},
		{scanFiles, "照片或扫描的 PDF (*.jpg;*.jpeg;*.png;*.heic;*.heif;*.webp;*.pdf;*.jfif)"},
		{openableFiles, "申报表 (*.json;*.docx;*.pdf)"},
	} {
		f := c.kind.filter()
		if f.Name != c.want || len(f.Patterns) != len(c.kind.Exts) || f.Patterns[0] != "*"+c.kind.Exts[0] {
			t.Errorf("%s: filter %q %v, want the name %q", c.kind.Name, f.Name, f.Patterns, c.want)
		}
	}
}

// The system's dialog is asked with the window's handle, the kind's filter and the start
// folder; its answer comes back; where it fails or there is no handle the app's own asks.
func TestNativeFilesAskTheSystemThenFallBack(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	sys := &fakeSystem{hwnd: 0x1234, answer: []string{filepath.Join(dir, "1.jpg"), filepath.Join(dir, "2.pdf")}}
	own := &fakeFiles{open: "own.json", many: []string{"own.jpg"}, save: "own-save.json", folder: "own-folder"}
	n := newNativeFiles(own, func(f func()) { f() })
	n.sys = sys.dialogs()

	var many []string
	n.OpenFiles(h.u.win, "添加照片或扫描的 PDF", dir, scanFiles, func(p []string) { many = p })
	if !slices.Equal(many, sys.answer) || !sys.multi || sys.dir != dir || sys.owners[0] != 0x1234 ||
		len(sys.filters) != 1 || sys.filters[0].Name != scanFiles.filter().Name {
		t.Errorf("OpenFiles: got %q; the system was asked multi=%v in %q by %x with %v", many, sys.multi, sys.dir, sys.owners, sys.filters)
	}
	var one string
	n.OpenFile(h.u.win, "选择照片", filepath.Join(dir, "拔掉的 U 盘"), pictureFiles, func(p string) { one = p })
	if one != sys.answer[0] || sys.multi || sys.dir != dir {
		t.Errorf("OpenFile: got %q; multi=%v, started in %q (want the closest folder there, %q)", one, sys.multi, sys.dir, dir)
	}

	sys.answer = []string{filepath.Join(dir, "草稿 一")} // no extension: given the filter's
	var saved string
	n.SaveFile(h.u.win, "保存草稿", dir, "柳州.json", draftFiles, func(p string) { saved = p })
	if saved != filepath.Join(dir, "草稿 一.json") || sys.name != "柳州.json" {
		t.Errorf("SaveFile: got %q, the name offered %q", saved, sys.name)
	}
	sys.answer = []string{dir}
	var folder string
	n.Folder(h.u.win, "导出到哪个文件夹", dir, func(p string) { folder = p })
	if folder != dir {
		t.Errorf("Folder: got %q", folder)
	}

	sys.answer = nil // 取消
	one = "unset"
	n.OpenFile(h.u.win, "选择照片", dir, pictureFiles, func(p string) { one = p })
	if one != "" || len(own.asked) != 0 {
		t.Errorf("cancelled: got %q, the app's own dialog asked %v", one, own.asked)
	}

	sys.err = errors.New("CoCreateInstance failed")
	n.OpenFile(h.u.win, "打开草稿", dir, draftFiles, func(p string) { one = p })
	if one != "own.json" || len(own.asked) != 1 {
		t.Errorf("the system's dialog failed: got %q, own asked %v", one, own.asked)
	}
	sys.err, sys.hwnd = nil, 0
	n.OpenFiles(h.u.win, "添加照片或扫描的 PDF", dir, scanFiles, func(p []string) { many = p })
	if !slices.Equal(many, []string{"own.jpg"}) || len(own.asked) != 2 {
		t.Errorf("no window handle: got %q, own asked %v", many, own.asked)
	}
}

// While a system dialog is open (or opening), another request is answered as cancelled: the
// window is disabled under the dialog, but Ctrl+O pressed twice comes before that.
func TestNativeFilesOneDialogAtATime(t *testing.T) {
	h := newHarness(t, "")
	sys := &fakeSystem{hwnd: 1, answer: []string{"a.json"}}
	var pending func()
	n := newNativeFiles(&fakeFiles{}, func(f func()) { pending = f }) // the first dialog stays open
	n.sys = sys.dialogs()
	var answers []string
	n.OpenFile(h.u.win, "打开草稿", "", draftFiles, func(p string) { answers = append(answers, "1:"+p) })
	n.OpenFile(h.u.win, "打开草稿", "", draftFiles, func(p string) { answers = append(answers, "2:"+p) })
	if !slices.Equal(answers, []string{"2:"}) {
		t.Fatalf("while the first was open: %q", answers)
	}
	pending()
	n.OpenFile(h.u.win, "打开草稿", "", draftFiles, func(p string) { answers = append(answers, "3:"+p) })
	pending()
	if !slices.Equal(answers, []string{"2:", "1:a.json", "3:a.json"}) || len(sys.owners) != 2 {
		t.Errorf("answers %q, the system asked %d times", answers, len(sys.owners))
	}
}
