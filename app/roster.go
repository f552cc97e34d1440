package app

import (
	"fmt"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/platform"
	"shenbao/roster"
)

// The 名单 of issue 9 in the app: the advisers and members in and out of Excel, through the
// same functions as `shenbao import-roster`, `export-roster` and `template`.

var (
	// rosterOpenFiles shows .xls too: the reader then says how to save it as .xlsx, which is
	// better than a file the user cannot find in the dialog.
	rosterOpenFiles = fileKind{"Excel 工作簿（*.xlsx、*.xls）", []string{".xlsx", ".xls"}}
	rosterSaveFiles = fileKind{"Excel 工作簿（*.xlsx）", []string{".xlsx"}}
)

const (
	rosterName   = "指导老师和成员名单.xlsx"
	templateName = "名单模板.xlsx"
	// problemsHeight is the most the list of problems takes in the import dialog; more scroll.
	problemsHeight = 300
)

// rosterBar is the row of Excel buttons on a table's page (指导老师, 工作室成员): a list
// imported from there whose sheet names no table goes into that table.
func (u *UI) rosterBar(table string) fyne.CanvasObject {
	imp := widget.NewButtonWithIcon("从 Excel 导入名单…", theme.UploadIcon(), func() { u.importRosterInto(table) })
	exp := widget.NewButtonWithIcon("导出名单到 Excel 表格…", theme.DownloadIcon(), u.exportRoster)
	tpl := widget.NewButtonWithIcon("保存空白名单模板…", theme.DocumentSaveIcon(), u.saveRosterTemplate)
	return container.NewHBox(imp, exp, tpl)
}

// rosterDir is where the Excel dialogs start: the folder of the last workbook, else the desktop.
func (u *UI) rosterDir() string {
	if u.set.RosterDir != "" {
		return u.set.RosterDir
	}
	return platform.DesktopDir()
}

func (u *UI) rememberRosterDir(path string) {
	u.set.RosterDir = filepath.Dir(path)
	u.saveSettings()
}

// importRoster lets the user choose a workbook and reads it (from the menu: the lists go
// where their sheets' names say).
func (u *UI) importRoster() { u.importRosterInto("") }

// importRosterInto is importRoster from a table's page: a list that names no table fills it.
func (u *UI) importRosterInto(table string) {
	u.env.Files.OpenFile(u.win, "从 Excel 导入名单", u.rosterDir(), rosterOpenFiles, func(path string) {
		if path != "" {
			u.rememberRosterDir(path)
			u.readRoster(path, table)
		}
	})
}

// readRoster reads the workbook off the UI thread (excelize takes a while on a big one),
// with a busy dialog that also keeps the user from editing the draft meanwhile.
func (u *UI) readRoster(path, table string) {
	busy := widget.NewActivity()
	busy.Start()
	wait := newModal(u.win, "导入名单", container.NewHBox(busy, widget.NewLabel("正在读取 Excel 名单…")), nil, fyne.NewSize(360, 0))
	wait.show()
	u.env.Go(func() {
		r, ps, err := readRosterFile(u.form, path, table)
		fyne.Do(func() {
			busy.Stop()
			wait.hide()
			u.rosterRead(path, r, ps, err)
		})
	})
}

func readRosterFile(form *forms.Definition, path, table string) (roster.Roster, []roster.Problem, error) {
	f, _, err := forms.OpenRegular(path) // never a FIFO that would block, nor a device
	if err != nil {
		return roster.Roster{}, nil, err
	}
	defer f.Close()
	return roster.ReadRoster(form, f, table)
}

// rosterRead shows what the workbook would change and every problem found in it; the draft
// changes only when the user answers 导入, and only when the workbook has no 错误.
func (u *UI) rosterRead(path string, r roster.Roster, ps []roster.Problem, err error) {
	name := filepath.Base(path)
	if err != nil {
		showMessage(u.win, "无法导入名单", "无法读取“"+name+"”："+roster.Message(err)+"。\n\n草稿没有改动。")
		return
	}
	refused := roster.Refused(ps)
	people := 0
	for _, b := range u.form.Blocks {
		people += r.Count(b.Key)
	}
	box := container.NewVBox(widget.NewLabel("名单文件：" + name))
	for _, line := range u.importSummary(r, refused) {
		box.Add(wrapped(line))
	}
	var middle []fyne.CanvasObject
	if len(ps) > 0 {
		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabel(fmt.Sprintf("名单中发现%d个问题：", len(ps))))
		middle = append(middle, problemList(ps))
	}
	var verdict *zhText
	switch {
	case refused:
		verdict = wrapped(fmt.Sprintf("名单中有%d个错误，没有导入，草稿没有改动。请在 Excel 或 WPS 中按上面的行号改正名单，保存后再导入。", countProblems(ps, forms.Error)))
		verdict.setColor(theme.ColorNameError)
	case people == 0:
		verdict = wrapped("名单中没有可导入的人员，草稿没有改动。请在名单模板的“指导老师”“工作室成员”工作表中填写后再导入。")
	default:
		verdict = wrapped("导入后，表格中的人员换成名单中的人员。导入的内容还没有保存到草稿文件：请核对后按 Ctrl+S 保存。")
	}
	// Wider than a question: a problem names a sheet, a row and a person.
	content := container.New(&fixedWidth{w: 600}, container.NewBorder(box, verdict, nil, nil, middle...))
	if refused || people == 0 {
		var m *modal
		closeBtn := widget.NewButton("关闭", func() { m.hide() })
		m = newModal(u.win, "不能导入名单", content, []fyne.CanvasObject{closeBtn}, fyne.NewSize(dialogWidth, 0))
		m.primary = func() { m.hide() }
		m.show()
		return
	}
	ask(u.win, "导入名单", content, choice{text: "取消"},
		choice{text: "导入", primary: true, do: func() { u.applyRoster(r) }})
}

// importSummary says, table by table, what the import does ("将导入 2 名指导老师，将替换现有的
// 2 名指导老师"); for a refused workbook only what it holds, as nothing will be imported.
func (u *UI) importSummary(r roster.Roster, refused bool) []string {
	var out []string
	for _, b := range u.form.Tables() {
		n, old := r.Count(b.Key), len(u.d.FilledRows(b))
		switch {
		case refused:
			out = append(out, fmt.Sprintf("%s：名单中有 %d %s，草稿中现有 %d %s。", b.Nav, n, b.Counter(), old, b.Counter()))
		case n == 0 && old == 0:
			out = append(out, fmt.Sprintf("%s：名单中没有。", b.Nav))
		case n == 0:
			out = append(out, fmt.Sprintf("%s：名单中没有，保留现有的 %d %s。", b.Nav, old, b.Counter()))
		case old == 0:
			out = append(out, fmt.Sprintf("将导入 %d %s%s。", n, b.Counter(), b.Nav))
		default:
			out = append(out, fmt.Sprintf("将导入 %d %s%s，将替换现有的 %d %s%s。", n, b.Counter(), b.Nav, old, b.Counter(), b.Nav))
		}
	}
	return out
}

// problemList shows every problem with its sheet and row, 错误 in red, 提醒 in orange; a long
// list scrolls.
func problemList(ps []roster.Problem) fyne.CanvasObject {
	list := container.NewVBox()
	for _, p := range ps {
		t := wrapped(p.String())
		t.setColor(severityColor(p.Severity))
		list.Add(t)
	}
	return container.New(&maxHeight{h: problemsHeight}, container.NewVScroll(list))
}

// maxHeight asks for its scroll's content height, but no more than h.
type maxHeight struct{ h float32 }

func (l *maxHeight) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *maxHeight) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		if sc, ok := o.(*container.Scroll); ok {
			m.Height = sc.Content.MinSize().Height
		}
		s = s.Max(fyne.NewSize(m.Width, min(m.Height, l.h)))
	}
	return s
}

func countProblems(ps []roster.Problem, sev forms.Severity) int {
	n := 0
	for _, p := range ps {
		if p.Severity == sev {
			n++
		}
	}
	return n
}

// applyRoster puts the roster into the draft: the tables are replaced in a copy, which then
// is shown as after opening a draft, but stays this draft's file and unsaved (the title
// mark, the autosave and the checks follow from that). The user can still close without
// saving, and the file on disk keeps the old tables.
func (u *UI) applyRoster(r roster.Roster) {
	// Still the same draft: keep the picture the photo was framed from and which findings
	// show. A new draft is not covered in red for the host's empty fields because its
	// members were imported; the imported rows show theirs at once, as typed rows do.
	source, shown := u.photoWork.source, u.shown
	u.setDraft(roster.ApplyRoster(u.d, r), u.path, true)
	u.photoWork.source = source
	for unit := range shown {
		u.shown[unit] = true
	}
	for _, b := range u.form.Blocks {
		for row := 1; row <= r.Count(b.Key); row++ {
			u.shown[b.Key] = true
			u.shown[fmt.Sprintf("%s[%d]", b.Key, row)] = true
		}
	}
	u.applyMarks()
	u.nav.Refresh()
}

// exportRoster writes the draft's advisers and members into the 名单模板's layout.
func (u *UI) exportRoster() {
	d := u.d.Clone()
	u.saveWorkbook("导出名单到 Excel", rosterName, "已导出指导老师和工作室成员名单：",
		func(w io.Writer) error { return roster.ExportRoster(w, d) })
}

// saveRosterTemplate writes the empty 名单模板 for the school to fill in.
func (u *UI) saveRosterTemplate() {
	u.saveWorkbook("保存空白名单模板", templateName, "已保存空白名单模板，填好后用“从 Excel 导入名单…”导入：",
		func(w io.Writer) error { return roster.Template(w, u.form) })
}

// saveWorkbook asks where to save a workbook, writes it safely and shows where it went.
func (u *UI) saveWorkbook(title, name, done string, write func(io.Writer) error) {
	u.env.Files.SaveFile(u.win, title, u.rosterDir(), name, rosterSaveFiles, func(path string) {
		if path == "" {
			return
		}
		u.rememberRosterDir(path)
		if err := forms.WriteFile(path, false, write); err != nil {
			showMessage(u.win, "没有保存", "无法写入“"+path+"”："+forms.Message(err)+"。\n\n请换一个文件夹（例如桌面）再试。")
			return
		}
		u.showSavedWorkbook(title, done, path)
	})
}

func (u *UI) showSavedWorkbook(title, done, path string) {
	l := widget.NewLabel(path)
	l.Wrapping = fyne.TextWrapBreak
	l.Selectable = true
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { u.reveal(path) })
	box := container.NewVBox(wrapped(done), l, container.NewHBox(open))
	var m *modal
	closeBtn := widget.NewButton("关闭", func() { m.hide() })
	m = newModal(u.win, title, box, []fyne.CanvasObject{closeBtn}, fyne.NewSize(dialogWidth, 0))
	m.primary = func() { m.hide() }
	m.show()
}
