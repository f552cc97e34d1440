package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/platform"
)

// fileKind names the files a dialog offers.
type fileKind struct {
	Name string   // 草稿文件
	Exts []string // lower case, with the dot; the first is added to a saved name without one
}

var (
	draftFiles   = fileKind{"申报表草稿（*.json）", []string{".json"}}
	backupFiles  = fileKind{"草稿的备份（*.json.bak）", []string{".bak"}}
	pictureFiles = fileKind{"图片（JPEG、PNG、BMP、GIF、WebP、HEIC）",
		[]string{".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp", ".heic", ".heif", ".jfif"}}
)

func (k fileKind) matches(name string) bool {
	return slices.Contains(k.Exts, strings.ToLower(filepath.Ext(name)))
}

// Chooser asks the user for a file or a folder; done gets "" when the user cancels. The app
// has its own dialog, Chinese throughout (Fyne's names its places Home, Desktop, Computer);
// tests pass a fake.
type Chooser interface {
	OpenFile(w fyne.Window, title, dir string, kind fileKind, done func(path string))
	SaveFile(w fyne.Window, title, dir, name string, kind fileKind, done func(path string))
	Folder(w fyne.Window, title, dir string, done func(path string))
}

// fileChooser is the real Chooser.
type fileChooser struct{}

func (fileChooser) OpenFile(w fyne.Window, title, dir string, kind fileKind, done func(string)) {
	newFileDialog(w, modeOpen, title, dir, "", kind, done).show()
}

func (fileChooser) SaveFile(w fyne.Window, title, dir, name string, kind fileKind, done func(string)) {
	newFileDialog(w, modeSave, title, dir, name, kind, done).show()
}

func (fileChooser) Folder(w fyne.Window, title, dir string, done func(string)) {
	newFileDialog(w, modeFolder, title, dir, "", fileKind{}, done).show()
}

type dialogMode int

const (
	modeOpen dialogMode = iota
	modeSave
	modeFolder
)

type fileDialog struct {
	win     fyne.Window
	mode    dialogMode
	kind    fileKind
	done    func(string)
	dir     string
	items   []os.DirEntry
	chosen  string // file name picked in the list (open mode)
	d       *modal
	list    *widget.List
	where   *widget.Label
	problem *zhText
	name    *widget.Entry
	ok      *widget.Button
}

func newFileDialog(w fyne.Window, mode dialogMode, title, dir, name string, kind fileKind, done func(string)) *fileDialog {
	f := &fileDialog{win: w, mode: mode, kind: kind, done: done}
	f.where = widget.NewLabel("")
	f.where.Truncation = fyne.TextTruncateEllipsis
	f.problem = newZHText("")
	f.problem.setColor(theme.ColorNameError)
	f.problem.Hide()
	f.name = widget.NewEntry()
	f.name.SetText(name)
	f.name.OnSubmitted = func(string) { f.confirm() }
	f.list = widget.NewList(func() int { return len(f.items) }, f.newRow, f.updateRow)
	f.list.OnSelected = f.selected
	okText := map[dialogMode]string{modeOpen: "打开", modeSave: "保存", modeFolder: "选择这个文件夹"}[mode]
	f.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), f.confirm)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { f.close("") })
	f.d = newModal(w, title, f.content(), []fyne.CanvasObject{cancel, f.ok}, fyne.NewSize(860, 560))
	f.d.primary = f.confirm
	f.open(startDir(dir))
	return f
}

func (f *fileDialog) show() {
	f.d.show()
	if f.mode == modeSave {
		f.win.Canvas().Focus(f.name)
	}
}

func (f *fileDialog) content() fyne.CanvasObject {
	up := widget.NewButtonWithIcon("上一级", theme.MoveUpIcon(), func() { f.open(filepath.Dir(f.dir)) })
	top := container.NewBorder(nil, nil, up, f.newFolderButton(), f.where)
	var bottom fyne.CanvasObject
	switch f.mode {
	case modeSave:
		bottom = container.NewBorder(nil, nil, widget.NewLabel("文件名："), widget.NewLabel(f.kind.Name), f.name)
	case modeOpen:
		bottom = widget.NewLabel("显示的文件：" + f.kind.Name)
	default:
		bottom = widget.NewLabel("打开要选择的文件夹，再点“选择这个文件夹”。")
	}
	places := f.placesList()
	center := container.NewBorder(f.problem, nil, nil, nil, f.list)
	split := container.NewHSplit(places, center)
	split.Offset = 0.24
	return container.NewBorder(top, bottom, nil, nil, split)
}

func (f *fileDialog) newFolderButton() fyne.CanvasObject {
	if f.mode == modeOpen {
		return layout.NewSpacer()
	}
	return widget.NewButtonWithIcon("新建文件夹", theme.FolderNewIcon(), func() {
		name := widget.NewEntry()
		create := func() {
			n := strings.TrimSpace(name.Text)
			if n == "" {
				return
			}
			p := filepath.Join(f.dir, n)
			if err := os.Mkdir(p, 0o755); err != nil {
				showMessage(f.win, "无法新建文件夹", fileProblem(err))
				return
			}
			f.open(p)
		}
		ask(f.win, "新建文件夹", container.NewBorder(nil, nil, widget.NewLabel("名称："), nil, name),
			choice{text: "取消"}, choice{text: "新建", primary: true, do: create})
		f.win.Canvas().Focus(name)
	})
}

func (f *fileDialog) placesList() fyne.CanvasObject {
	ps := places()
	l := widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel("桌面桌面桌面"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Icon).SetResource(ps[i].icon)
			c.Objects[1].(*widget.Label).SetText(ps[i].name)
		})
	l.OnSelected = func(i widget.ListItemID) {
		f.open(ps[i].path)
		l.UnselectAll()
	}
	return l
}

func (f *fileDialog) newRow() fyne.CanvasObject {
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	info := widget.NewLabel("")
	info.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, widget.NewIcon(theme.FolderIcon()), info, name)
}

func (f *fileDialog) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(f.items) {
		return
	}
	e := f.items[i]
	c := o.(*fyne.Container)
	c.Objects[0].(*widget.Label).SetText(e.Name())
	icon := theme.FileIcon()
	info := ""
	if e.IsDir() {
		icon = theme.FolderIcon()
	} else if fi, err := e.Info(); err == nil {
		info = fi.ModTime().Format("2006-01-02 15:04") + "  " + sizeText(fi.Size())
	}
	c.Objects[1].(*widget.Icon).SetResource(icon)
	c.Objects[2].(*widget.Label).SetText(info)
}

// open shows the content of a folder: sub-folders first, then the files of the kind.
func (f *fileDialog) open(dir string) {
	entries, err := os.ReadDir(dir)
	f.items = f.items[:0]
	f.chosen = ""
	f.list.UnselectAll()
	if err != nil {
		f.problem.SetText("无法打开这个文件夹：" + fileProblem(err))
		f.problem.Show()
	} else {
		f.problem.Hide()
		f.dir = dir
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if isDir(dir, e) || (f.mode != modeFolder && f.kind.matches(e.Name())) {
			f.items = append(f.items, e)
		}
	}
	slices.SortStableFunc(f.items, func(a, b os.DirEntry) int {
		da, db := isDir(dir, a), isDir(dir, b)
		if da != db {
			if da {
				return -1
			}
			return 1
		}
		return strings.Compare(strings.ToLower(a.Name()), strings.ToLower(b.Name()))
	})
	f.where.SetText(f.dir)
	f.list.Refresh()
	f.list.ScrollToTop()
	f.updateOK()
}

func (f *fileDialog) selected(i widget.ListItemID) {
	e := f.items[i]
	if isDir(f.dir, e) {
		f.open(filepath.Join(f.dir, e.Name()))
		return
	}
	f.chosen = e.Name()
	if f.mode == modeSave {
		f.name.SetText(e.Name())
	}
	f.updateOK()
}

func (f *fileDialog) updateOK() {
	if f.mode == modeOpen && f.chosen == "" {
		f.ok.Disable()
	} else {
		f.ok.Enable()
	}
}

func (f *fileDialog) confirm() {
	switch f.mode {
	case modeFolder:
		f.close(f.dir)
	case modeOpen:
		if f.chosen != "" {
			f.close(filepath.Join(f.dir, f.chosen))
		}
	case modeSave:
		f.confirmSave()
	}
}

func (f *fileDialog) confirmSave() {
	name := strings.TrimSpace(f.name.Text)
	if name == "" {
		f.problem.SetText("请填写文件名。")
		f.problem.Show()
		return
	}
	if strings.ContainsAny(name, `/\:*?"<>|`) {
		f.problem.SetText(`文件名里不能有 / \ : * ? " < > | 这些字符，请改一改。`)
		f.problem.Show()
		return
	}
	if !f.kind.matches(name) && len(f.kind.Exts) > 0 {
		name += f.kind.Exts[0]
	}
	path := filepath.Join(f.dir, name)
	if _, err := os.Stat(path); err == nil {
		ask(f.win, "替换文件？", wrapped("“"+name+"”已经存在，要用现在的内容替换它吗？"),
			choice{text: "取消"}, choice{text: "替换", primary: true, do: func() { f.close(path) }})
		return
	}
	f.close(path)
}

func (f *fileDialog) close(path string) {
	f.d.hide()
	f.done(path)
}

func isDir(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink != 0 {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		return err == nil && st.IsDir()
	}
	return false
}

func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}

// startDir is dir when it exists, else the closest existing parent, else the home folder.
func startDir(dir string) string {
	for d := dir; d != ""; {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		p := filepath.Dir(d)
		if p == d {
			break
		}
		d = p
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return string(filepath.Separator)
}

type place struct {
	name string
	path string
	icon fyne.Resource
}

// places are the folders the dialog offers at the left: home, the desktop, the usual user
// folders (English or Chinese names), USB sticks and the whole computer.
func places() []place {
	home, err := os.UserHomeDir()
	if err != nil {
		home = string(filepath.Separator)
	}
	ps := []place{{"主文件夹", home, theme.HomeIcon()}}
	if d := platform.DesktopDir(); d != home {
		ps = append(ps, place{"桌面", d, theme.FolderIcon()})
	}
	for _, u := range []struct {
		name string
		dirs []string
	}{
		{"文档", []string{"Documents", "文档"}}, {"下载", []string{"Downloads", "下载"}},
		{"图片", []string{"Pictures", "图片"}},
	} {
		for _, d := range u.dirs {
			if p := filepath.Join(home, d); isDirPath(p) {
				ps = append(ps, place{u.name, p, theme.FolderIcon()})
				break
			}
		}
	}
	for _, p := range removableDrives() {
		ps = append(ps, place{"U盘 " + filepath.Base(p), p, theme.StorageIcon()})
	}
	if runtime.GOOS == "windows" {
		for c := 'C'; c <= 'Z'; c++ {
			root := string(c) + `:\`
			if isDirPath(root) {
				ps = append(ps, place{"磁盘 " + string(c) + ":", root, theme.StorageIcon()})
			}
		}
	} else {
		ps = append(ps, place{"计算机", "/", theme.ComputerIcon()})
	}
	return ps
}

func isDirPath(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// removableDrives lists mounted USB sticks on Linux (udisks mounts them under these folders).
func removableDrives() []string {
	user := os.Getenv("USER")
	var out []string
	for _, base := range []string{"/media/" + user, "/run/media/" + user} {
		entries, _ := os.ReadDir(base)
		for _, e := range entries {
			if e.IsDir() {
				out = append(out, filepath.Join(base, e.Name()))
			}
		}
	}
	return out
}
