package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"shenbao/export"
	"shenbao/forms"
)

// Start loads the first draft: the file given, else the most recent draft, else a new one;
// then offers what a crashed run left unsaved.
func (u *UI) Start(path string) {
	u.loadForms() // before any draft is read: a draft may be of one of these forms
	leftovers := u.saver.leftovers()
	switch {
	case path != "":
		if !u.openFile(path) {
			u.setDraft(forms.New(u.form), "", false)
		}
	case len(u.set.Recent) > 0:
		last := u.set.Recent[0]
		if d, err := forms.Load(last); err == nil {
			u.setDraft(d, last, false)
		} else {
			u.setDraft(forms.New(u.form), "", false)
			u.lastDraftMissing(last, err)
		}
	default:
		u.setDraft(forms.New(u.form), "", false)
	}
	u.offerRecovery(leftovers)
}

// lastDraftMissing says which draft could not be opened at start and offers what to do: it
// may sit on a USB stick not plugged in, so it stays in the recent list.
func (u *UI) lastDraftMissing(path string, err error) {
	name := "“" + filepath.Base(path) + "”"
	var msg string
	if errors.Is(err, fs.ErrNotExist) {
		msg = "上次填写的草稿" + name + "现在找不到了。它原来在：\n" + path +
			"\n\n如果它在 U 盘或移动硬盘上，请插上后按“再试一次”；如果文件移动过，请按“找一找…”选择它；也可以新建一份草稿。"
	} else {
		msg = "上次填写的草稿" + name + "打不开：" + forms.Message(err) + "。\n\n可以按“找一找…”选择别的草稿或 .bak 备份，也可以新建一份草稿。"
	}
	var retry func()
	retry = func() {
		if d, err := forms.Load(path); err == nil {
			u.guardUnsaved(func() {
				u.setDraft(d, path, false)
				u.remember(path)
			})
		} else {
			u.lastDraftMissing(path, err)
		}
	}
	ask(u.win, "找不到上次的草稿", wrapped(msg),
		choice{text: "新建草稿"},
		choice{text: "找一找…", do: u.openDialog},
		choice{text: "再试一次", primary: true, do: retry})
}

// setDraft shows another draft: every page is built afresh from it.
func (u *UI) setDraft(d *forms.Draft, path string, dirty bool) {
	// Values past their character limit (a draft not made with this program) are cut before
	// any widget shows them: megabytes of text would freeze the window.
	if cut := d.ClipToLimits(); len(cut) > 0 {
		dirty = true
		defer u.toldClipped(cut)
	}
	if d.Form() != u.form { // another form: its own pages
		u.form = d.Form()
		u.pages = u.makePages()
		u.current = 0
	}
	u.d, u.path, u.dirty = d, path, dirty
	u.disk = readDiskState(path)
	u.fontFor(string(d.Marshal())) // a rare character in a name needs the whole font
	u.shown, u.edited, u.at, u.editing = filledUnits(d), map[string]bool{}, "", ""
	u.photoWork.source = nil
	u.scans = nil // the 报送 page reads this draft's kept work when it is next shown
	u.resetViews()
	u.runChecks()
	cur := u.current
	if cur >= len(u.pages) || u.pages[cur].block == nil && u.pages[cur].nav != "检查" {
		cur = 0
	}
	u.show(cur)
	u.updateTitle()
	if dirty {
		u.saver.changed()
	}
	u.env.After(500*time.Millisecond, u.warmUp)
}

// toldClipped says which values of an opened draft were cut to their limits.
func (u *UI) toldClipped(cut []*forms.LimitError) {
	var lines []string
	for _, c := range cut {
		lines = append(lines, fmt.Sprintf("%s：原有%d个字符，只保留了前%d个", c.Where, c.N, c.Limit))
	}
	showMessage(u.win, "草稿中有过长的内容", "下列内容超过了字符上限，程序中只保留了前面的部分：\n"+strings.Join(lines, "\n")+
		"\n\n草稿文件本身还没有改动；保存后才会改为现在的内容（原文件留作 .bak 备份）。请检查这些内容。")
}

// guardUnsaved runs then once the unsaved changes, if any, are saved or let go.
func (u *UI) guardUnsaved(then func()) {
	if !u.dirty {
		then()
		return
	}
	ask(u.win, "保存更改？", wrapped("“"+u.draftName()+"”有未保存的更改。要先保存吗？"),
		choice{text: "取消"},
		choice{text: "不保存", do: func() {
			u.saver.discard()
			u.dirty = false
			then()
		}},
		choice{text: "保存", primary: true, do: func() {
			u.save(func(ok bool) {
				if ok {
					then()
				}
			})
		}})
}

// newDraft starts an empty draft.

// openDialog lets the user choose a draft file and opens it.
func (u *UI) openDialog() {
	u.env.Files.OpenFile(u.win, "打开草稿", u.set.lastDir(dirDraft, u.dir()), openableFiles, func(path string) {
		if path != "" {
			u.usedDir(dirDraft, filepath.Dir(path))
			u.openFile(path)
		}
	})
}

// openFile opens a draft file. A file that cannot be read is explained and changes nothing;
// unsaved changes of the current draft are dealt with only once the new one is read.
func (u *UI) openFile(path string) bool {
	if strings.EqualFold(filepath.Ext(path), ".bak") {
		return u.openBackup(path)
	}
	if exportedFiles.matches(path) {
		return u.openExported(path) // readback.go
	}
	d, err := forms.Load(path)
	if err != nil {
		msg := "无法打开“" + filepath.Base(path) + "”：" + forms.Message(err) + "。"
		if errors.Is(err, fs.ErrNotExist) {
			u.set.dropRecent(path)
			u.saveSettings()
			u.buildMenu()
		}
		if bak := path + ".bak"; isFile(bak) {
			ask(u.win, "无法打开草稿", wrapped(msg+"\n\n同一文件夹中有它上一次保存时留下的备份“"+filepath.Base(bak)+"”（"+zhTime(modTime(bak))+"）。"),
				choice{text: "取消"},
				choice{text: "打开备份", primary: true, do: func() { u.openBackup(bak) }})
		} else {
			showMessage(u.win, "无法打开草稿", msg)
		}
		return false
	}
	u.guardUnsaved(func() {
		u.saver.discard()
		u.setDraft(d, path, false)
		u.remember(path)
	})
	return true
}

// save writes the draft to its file, asking for one the first time; done says whether it
// was saved.
func (u *UI) save(done func(bool)) {
	if u.path == "" {
		u.saveAs(done)
		return
	}
	u.saveTo(u.path, done)
}

// saveAs asks where to save the draft: beside its file, or where the last one was saved.
func (u *UI) saveAs(done func(bool)) {
	dir := u.dir()
	if u.path == "" {
		dir = u.set.lastDir(dirSaveAs, dir)
	}
	u.env.Files.SaveFile(u.win, "保存草稿", dir, u.suggestedName(), draftFiles, func(path string) {
		if path == "" {
			done(false)
			return
		}
		u.set.usedDir(dirSaveAs, filepath.Dir(path)) // saved with the draft's path (remember)
		u.saveTo(path, done)
	})
}

func (u *UI) saveTo(path string, done func(bool)) {
	if path == u.path && u.disk.changedOnDisk(path) {
		u.askOverwrite(path, done)
		return
	}
	u.writeTo(path, done)
}

// askOverwrite: the draft's file was changed since it was opened or saved here (another window,
// `shenbao photo`, a copy from a USB stick): saving would lose that change without a word.
func (u *UI) askOverwrite(path string, done func(bool)) {
	msg := "“" + filepath.Base(path) + "”在这里打开之后又被改动过（" + zhTime(modTime(path)) +
		"），可能是另一个窗口或命令保存的。\n\n“覆盖”用这个窗口里的内容替换它，它现在的内容留在 .bak 备份中；“另存为…”保存成另一个文件，两份都留着。"
	ask(u.win, "草稿文件已被改动", wrapped(msg),
		choice{text: "取消", do: func() { done(false) }},
		choice{text: "覆盖", do: func() { u.writeTo(path, done) }},
		choice{text: "另存为…", primary: true, do: func() { u.saveAs(done) }})
}

func (u *UI) writeTo(path string, done func(bool)) {
	from := u.keptDir()
	if err := u.d.Save(path); err != nil {
		showMessage(u.win, "没有保存", "无法保存到“"+path+"”："+forms.Message(err)+"。\n\n填写的内容还在，程序也在自动备份；请换一个文件夹（例如桌面）再保存。")
		done(false)
		return
	}
	u.path = path
	u.disk = readDiskState(path)
	u.dirty = false
	u.scansSaved(from) // the 报送 work goes beside the file, before discard drops the autosave's
	u.saver.discard()
	u.remember(path)
	u.updateTitle()
	done(true)
}

// openBackupDialog is 从备份恢复…: the .bak a save keeps of the version before it.
func (u *UI) openBackupDialog() {
	u.env.Files.OpenFile(u.win, "从备份恢复", u.dir(), backupFiles, func(path string) {
		if path != "" {
			u.openBackup(path)
		}
	})
}

// openBackup opens a backup as unsaved changes of the draft it belongs to: 保存 then puts it
// back in place of that draft (whose current version becomes the next .bak).
func (u *UI) openBackup(bak string) bool {
	d, err := forms.Load(bak)
	if err != nil {
		showMessage(u.win, "无法打开备份", "无法打开“"+filepath.Base(bak)+"”："+forms.Message(err)+"。")
		return false
	}
	orig := strings.TrimSuffix(bak, filepath.Ext(bak))
	if !draftFiles.matches(orig) {
		orig = ""
	}
	u.guardUnsaved(func() {
		u.saver.discard()
		u.setDraft(d, orig, true)
		msg := "已打开备份“" + filepath.Base(bak) + "”（" + zhTime(modTime(bak)) + "）。"
		if orig != "" {
			msg += "核对无误后按 Ctrl+S 保存，它就替换“" + filepath.Base(orig) + "”。"
		} else {
			msg += "核对无误后按 Ctrl+S 把它保存为草稿。"
		}
		showMessage(u.win, "已打开备份", msg)
	})
	return true
}

// suggestedName is the file name offered when a draft is saved the first time: the exported
// files' name (unit and name), so the draft sits beside its .docx and .pdf.
func (u *UI) suggestedName() string {
	if _, name := u.d.Applicant(); name == "" {
		return "申报表草稿.json"
	}
	return export.Name(u.d) + ".json"
}

// dir is where file dialogs start: the draft's folder, else the last one used.
func (u *UI) dir() string {
	if u.path != "" {
		return filepath.Dir(u.path)
	}
	return u.set.OpenDir
}

// remember puts a draft first in the recent list.
func (u *UI) remember(path string) {
	u.set.addRecent(path)
	u.saveSettings()
	u.buildMenu()
}

// usedDir notes the folder dialog key was used in, for the next time.
func (u *UI) usedDir(key, dir string) {
	u.set.usedDir(key, dir)
	u.saveSettings()
}

func (u *UI) saveSettings() {
	if err := u.set.save(); err != nil {
		fyne.LogError("saving settings", err)
	}
}

// requestClose is the window's close button and 退出: ask about unsaved changes first.
func (u *UI) requestClose() {
	u.guardUnsaved(func() {
		u.saver.discard()
		u.saver.close()
		u.rememberWindow()
		u.win.Close()
	})
}

// dropped opens a draft or takes a picture as the photo, whichever was dropped on the window.
func (u *UI) dropped(_ fyne.Position, uris []fyne.URI) {
	if u.pages[u.current].nav == "报送" && u.scans != nil {
		u.scans.dropped(uris)
		return
	}
	for _, uri := range uris {
		if uri.Scheme() != "file" {
			continue
		}
		switch p := uri.Path(); {
		case draftFiles.matches(p) || backupFiles.matches(p) || exportedFiles.matches(p):
			u.openFile(p)
		case pictureFiles.matches(p):
			u.loadPicture(p)
		case formFiles.matches(p):
			u.openDefinition(p)
		default:
			continue
		}
		return
	}
}

// buildMenu makes the main menu; it is rebuilt when the recent list changes.
func (u *UI) buildMenu() {
	item := func(label string, key fyne.KeyName, mod fyne.KeyModifier, do func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, do)
		if key != "" {
			it.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		}
		return it
	}
	ctrl := fyne.KeyModifierShortcutDefault
	recent := fyne.NewMenuItem("最近的草稿", nil)
	recent.ChildMenu = fyne.NewMenu("")
	for _, p := range u.set.Recent {
		p := p
		recent.ChildMenu.Items = append(recent.ChildMenu.Items,
			fyne.NewMenuItem(filepath.Base(p)+"　（"+filepath.Dir(p)+"）", func() { u.openFile(p) }))
	}
	if len(u.set.Recent) == 0 {
		none := fyne.NewMenuItem("（还没有）", nil)
		none.Disabled = true
		recent.ChildMenu.Items = append(recent.ChildMenu.Items, none)
	}
	quit := fyne.NewMenuItem("退出", u.requestClose)
	quit.IsQuit = true
	file := fyne.NewMenu("文件",
		item("新建", fyne.KeyN, ctrl, u.newDraft),
		item("打开…", fyne.KeyO, ctrl, u.openDialog),
		item("按空白模板新建表格…", "", 0, u.importTemplateDialog),
		recent,
		item("从备份恢复…", "", 0, u.openBackupDialog),
		fyne.NewMenuItemSeparator(),
		item("保存", fyne.KeyS, ctrl, func() { u.save(func(bool) {}) }),
		item("另存为…", fyne.KeyS, ctrl|fyne.KeyModifierShift, func() { u.saveAs(func(bool) {}) }),
		fyne.NewMenuItemSeparator(),
		item("导出 Word 和 PDF 文件…", fyne.KeyE, ctrl, u.exportDialog),
		fyne.NewMenuItemSeparator(),
		item("从 Excel 导入名单…", "", 0, u.importRoster),
		item("导出名单到 Excel 表格…", "", 0, u.exportRoster),
		item("保存空白名单模板…", "", 0, u.saveRosterTemplate),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	view := fyne.NewMenu("查看")
	for _, p := range u.pages {
		nav := p.nav
		view.Items = append(view.Items, fyne.NewMenuItem(nav, func() { u.showPage(nav) }))
	}
	help := fyne.NewMenu("帮助", fyne.NewMenuItem("报送要求", u.showSubmission), fyne.NewMenuItem("关于", u.showAbout))
	u.win.SetMainMenu(fyne.NewMainMenu(file, view, help))
}
