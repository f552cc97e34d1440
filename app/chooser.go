package app

import (
	"fmt"
	"os"
	"path/filepath"
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

// Chooser asks the user for a file or a folder; done gets "" (OpenFiles: none) when the user
// cancels. On Windows the system's own dialogs ask (nativeFiles); elsewhere the app's own,
// Chinese throughout (Fyne's names its places Home, Desktop, Computer); tests pass a fake.
type Chooser interface {
	OpenFile(w fyne.Window, title, dir string, kind fileKind, done func(path string))
	// OpenFiles lets the user pick many files at once (Ctrl- and Shift-click).
	OpenFiles(w fyne.Window, title, dir string, kind fileKind, done func(paths []string))
	SaveFile(w fyne.Window, title, dir, name string, kind fileKind, done func(path string))
	Folder(w fyne.Window, title, dir string, done func(path string))
}

// fileChooser is the app's own dialog.
type fileChooser struct{}

func (fileChooser) OpenFile(w fyne.Window, title, dir string, kind fileKind, done func(string)) {
	newFileDialog(w, modeOpen, title, dir, "", kind, done).show()
}

func (fileChooser) OpenFiles(w fyne.Window, title, dir string, kind fileKind, done func([]string)) {
	newManyFileDialog(w, title, dir, kind, done).show()
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
	many    bool // modeOpen for many files: Ctrl- and Shift-click pick them
	kind    fileKind
	done    func([]string)
	result  []string // what done gets when the dialog closes (none for 取消, Esc)
	dir     string
	items   []os.DirEntry
	sel     int          // the selected item (the last clicked), -1 for none
	picked  map[int]bool // many: the files picked
	anchor  int          // many: where a Shift-click range starts
	d       *modal
	list    *fileList
	where   *widget.Label
	problem *zhText
	name    *keyEntry
	ok      *widget.Button
	thumbs  *thumbnails // pictures only
}

func newFileDialog(w fyne.Window, mode dialogMode, title, dir, name string, kind fileKind, done func(string)) *fileDialog {
	return buildFileDialog(w, mode, false, title, dir, name, kind, func(paths []string) {
		if len(paths) == 0 {
			done("")
			return
		}
		done(paths[0])
	})
}

// newManyFileDialog is the open dialog for many files: a click picks one, Ctrl-click adds or
// removes one, Shift-click takes all from the last clicked, Ctrl+A all of them.
func newManyFileDialog(w fyne.Window, title, dir string, kind fileKind, done func([]string)) *fileDialog {
	return buildFileDialog(w, modeOpen, true, title, dir, "", kind, done)
}

func buildFileDialog(w fyne.Window, mode dialogMode, many bool, title, dir, name string, kind fileKind, done func([]string)) *fileDialog {
	f := &fileDialog{win: w, mode: mode, many: many, kind: kind, done: done, sel: -1, anchor: -1, picked: map[int]bool{}}
	f.where = widget.NewLabel("")
	f.where.Truncation = fyne.TextTruncateEllipsis
	f.problem = newZHText("")
	f.problem.setColor(theme.ColorNameError)
	f.problem.Hide()
	f.name = newKeyEntry(func() { f.close("") })
	f.name.SetText(name)
	f.name.OnSubmitted = func(string) { f.confirm() }
	if showsThumbnails(kind) {
		f.thumbs = newThumbnails(func() { f.list.Refresh() })
	}
	f.list = newFileList(f)
	okText := map[dialogMode]string{modeOpen: "打开", modeSave: "保存", modeFolder: "选择这个文件夹"}[mode]
	f.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), f.confirm)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { f.close("") })
	f.d = newModal(w, title, f.content(), []fyne.CanvasObject{cancel, f.ok}, fyne.NewSize(860, 560))
	f.d.primary = f.confirm
	f.d.onHidden = func() { // 取消, Esc and every answer close the dialog here, once
		f.thumbs.stop()
		f.done(f.result)
	}
	f.open(startDir(dir))
	return f
}

func (f *fileDialog) show() {
	f.d.show()
	if f.mode == modeSave {
		f.win.Canvas().Focus(f.name)
	} else {
		f.win.Canvas().Focus(f.list) // arrows, Enter and Esc work at once
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
		shown := "显示的文件：" + f.kind.Name
		if f.many {
			shown += "。按住 Ctrl 单击可以选多个，按住 Shift 单击选一串，Ctrl+A 全选。"
		}
		bottom = widget.NewLabel(shown)
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
		var m *modal
		name := newKeyEntry(func() { m.hide() })
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
		m = ask(f.win, "新建文件夹", container.NewBorder(nil, nil, widget.NewLabel("名称："), nil, name),
			choice{text: "取消"}, choice{text: "新建", primary: true, do: create})
		name.OnSubmitted = func(string) { m.primary() } // Enter creates it, as 新建 does
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

func (f *fileDialog) updateRow(i widget.ListItemID, r *fileRow) {
	if i >= len(f.items) {
		return
	}
	e := f.items[i]
	r.id = i
	r.setPicked(f.rowPicked(i))
	r.name.SetFull(e.Name())
	icon := theme.FileIcon()
	info := ""
	if isDir(f.dir, e) {
		icon = theme.FolderIcon()
	} else if fi, err := e.Info(); err == nil {
		info = fi.ModTime().Format("2006-01-02 15:04") + "  " + sizeText(fi.Size())
		if img := f.thumbs.get(filepath.Join(f.dir, e.Name()), fi); img != nil {
			r.setImage(img)
			r.info.SetText(info)
			return
		}
	}
	r.setIcon(icon)
	r.info.SetText(info)
}

// rowPicked says whether the row of item i is drawn as picked (a dialog for many files).
func (f *fileDialog) rowPicked(i widget.ListItemID) bool { return f.many && f.picked[i] }

// open shows the content of a folder: sub-folders first, then the files of the kind.
func (f *fileDialog) open(dir string) {
	entries, err := os.ReadDir(dir)
	f.items = f.items[:0]
	f.sel, f.anchor = -1, -1
	clear(f.picked)
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

// selected is one click (or an arrow key) on an item: it is chosen, nothing opens yet. In a
// dialog for many files it is the only one picked; the rows draw the picked ones, so the
// list's own highlight is taken off again (it would be drawn twice).
func (f *fileDialog) selected(i widget.ListItemID) {
	if i < 0 || i >= len(f.items) {
		return
	}
	f.sel = i
	if e := f.items[i]; f.mode == modeSave && !isDir(f.dir, e) {
		f.name.SetText(e.Name())
	}
	if f.many {
		clear(f.picked)
		if !isDir(f.dir, f.items[i]) {
			f.picked[i] = true
		}
		f.anchor = i
		f.list.Unselect(i)
		f.list.Refresh()
	}
	f.updateOK()
}

// click is a click on item i with the keys held: alone it selects i; in a dialog for many
// files Ctrl adds or removes a file and Shift picks the files from the last clicked one to
// i (Ctrl+Shift adds them to those picked), as in Explorer. Folders are not picked.
func (f *fileDialog) click(i widget.ListItemID, mod fyne.KeyModifier) {
	if i < 0 || i >= len(f.items) {
		return
	}
	ctrl, shift := mod&fyne.KeyModifierControl != 0, mod&fyne.KeyModifierShift != 0
	if !f.many || (!ctrl && !shift) || isDir(f.dir, f.items[i]) {
		f.list.Select(i)
		f.selected(i) // again when i was selected already: picked alone
		return
	}
	if shift {
		a := f.anchor
		if a < 0 || a >= len(f.items) {
			a = i
		}
		if !ctrl {
			clear(f.picked)
		}
		for k := min(a, i); k <= max(a, i); k++ {
			if !isDir(f.dir, f.items[k]) {
				f.picked[k] = true
			}
		}
	} else {
		if f.picked[i] {
			delete(f.picked, i)
		} else {
			f.picked[i] = true
		}
		f.anchor = i
	}
	f.sel = i
	f.list.Refresh()
	f.updateOK()
}

// pickAll is Ctrl+A in a dialog for many files: every file of the folder.
func (f *fileDialog) pickAll() {
	if !f.many {
		return
	}
	for i, e := range f.items {
		if !isDir(f.dir, e) {
			f.picked[i] = true
		}
	}
	f.list.Refresh()
	f.updateOK()
}

// pickedPaths are the files picked, in the list's order.
func (f *fileDialog) pickedPaths() []string {
	var out []string
	for i, e := range f.items {
		if f.picked[i] {
			out = append(out, filepath.Join(f.dir, e.Name()))
		}
	}
	return out
}

// activate is a double click or Enter on an item: a folder opens, a file is taken (open) or
// saved over, after asking (save).
func (f *fileDialog) activate(i widget.ListItemID) {
	if i < 0 || i >= len(f.items) {
		return
	}
	e := f.items[i]
	switch {
	case isDir(f.dir, e):
		f.open(filepath.Join(f.dir, e.Name()))
	case f.many && f.picked[i]:
		f.closeWith(f.pickedPaths()...) // Enter or a double click on one of those picked: all of them
	case f.mode == modeOpen:
		f.close(filepath.Join(f.dir, e.Name()))
	case f.mode == modeSave:
		f.name.SetText(e.Name())
		f.confirmSave()
	}
}

func (f *fileDialog) selectedDir() string {
	if f.sel >= 0 && f.sel < len(f.items) && isDir(f.dir, f.items[f.sel]) {
		return filepath.Join(f.dir, f.items[f.sel].Name())
	}
	return ""
}

func (f *fileDialog) updateOK() {
	if f.mode == modeOpen && f.sel < 0 && len(f.picked) == 0 {
		f.ok.Disable()
	} else {
		f.ok.Enable()
	}
}

// confirm is the 打开 / 保存 / 选择这个文件夹 button (and Enter where no list or field has
// the keys): as in Windows, 打开 on a folder opens the folder, and a folder selected in the
// folder dialog is the one chosen.
func (f *fileDialog) confirm() {
	switch f.mode {
	case modeFolder:
		if d := f.selectedDir(); d != "" {
			f.close(d)
			return
		}
		f.close(f.dir)
	case modeOpen:
		if f.many && len(f.picked) > 0 && (f.sel < 0 || !isDir(f.dir, f.items[f.sel])) {
			f.closeWith(f.pickedPaths()...)
			return
		}
		f.activate(f.sel)
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

// close ends the dialog with path as the answer ("" for none).
func (f *fileDialog) close(path string) {
	if path == "" {
		f.closeWith()
		return
	}
	f.closeWith(path)
}

func (f *fileDialog) closeWith(paths ...string) {
	f.result = paths
	f.d.hide() // calls done
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
// folders (English or Chinese names), then the drives (C:, D:, USB sticks) or, outside
// Windows, the mounted USB sticks and the whole computer.
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
	for _, d := range platform.Drives() {
		icon := theme.StorageIcon()
		if d.Path == "/" {
			icon = theme.ComputerIcon()
		}
		ps = append(ps, place{d.Name, d.Path, icon})
	}
	return ps
}

func isDirPath(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}
