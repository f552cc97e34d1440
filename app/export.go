package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/internal/zhlocale"
	"shenbao/export"
	"shenbao/forms"
	"shenbao/platform"
)

// Version is the program's version, written into the exported files; main's cli.Version.
var Version = "0.1.0"

// submission is what the form's notice asks for (its definition's [submission] and seals),
// shown wherever the user exports.
func (u *UI) submission() string {
	s := u.form.Submission
	var sb strings.Builder
	sb.WriteString("报送要求：")
	if s.Deadline != "" {
		sb.WriteString("请于" + s.Deadline + "前，")
	} else {
		sb.WriteString("请按通知的要求，")
	}
	sb.WriteString("把 Word 版（.docx）和盖章扫描后的 PDF 版一起")
	if s.Email != "" {
		sb.WriteString("发送到 " + s.Email)
		var who []string
		if s.Contact != "" {
			who = append(who, "联系人："+s.Contact)
		}
		if s.Phone != "" {
			who = append(who, "电话 "+s.Phone)
		}
		if len(who) > 0 {
			sb.WriteString("（" + strings.Join(who, "，") + "）")
		}
	} else {
		sb.WriteString("报送")
	}
	sb.WriteString("。PDF 的做法：打印 PDF → ")
	var sealers []string
	for _, b := range u.form.Sealed() {
		if b.SealNeeded {
			sealers = append(sealers, b.Seal.Name())
		}
	}
	if len(sealers) > 0 {
		sb.WriteString("请" + strings.Join(sealers, "和") + "在意见栏签署并盖章 → ")
	}
	sb.WriteString("拍照或扫描盖章后的各页，在“报送”页做成扫描件 PDF。")
	return sb.String()
}

// maxListed is how many blocking 错误 an export message names before "还有 N 个".
const maxListed = 6

// exportPanel is the right-hand side of 预览与导出: what may be exported and the button.
func (u *UI) exportPanel() fyne.CanvasObject {
	errs := blocking(u.findings)
	box := container.NewVBox(heading("导出", theme.SizeNameSubHeadingText))
	switch {
	case u.d.Empty():
		box.Add(wrapped("草稿还是空的：导出的是空白申报表（Word 和 PDF），可以打印出来手写。"))
		box.Add(widget.NewButtonWithIcon("导出空白申报表…", theme.DocumentSaveIcon(), u.exportDialog))
	case len(errs) == 0:
		box.Add(wrapped("检查通过，可以导出正式的申报表：Word 文档和 PDF 各一份。"))
		b := widget.NewButtonWithIcon("导出 Word 和 PDF 文件…", theme.DocumentSaveIcon(), u.exportDialog)
		b.Importance = widget.HighImportance
		box.Add(b)
	default:
		box.Add(wrapped(fmt.Sprintf("还有%d个错误，改正以前只能导出每页印有“草稿（未通过检查）”的版本，不能用于正式申报。", len(errs))))
		for i, f := range errs {
			if i == maxListed {
				box.Add(widget.NewLabel(fmt.Sprintf("……还有%d个，见“检查”。", len(errs)-maxListed)))
				break
			}
			path := f.Path
			box.Add(newTapLabel("· "+f.Message, func() { u.goTo(path) }))
		}
		b := widget.NewButtonWithIcon("导出草稿（带水印）…", theme.DocumentSaveIcon(), u.exportDialog)
		box.Add(b)
	}
	box.Add(widget.NewSeparator())
	box.Add(wrapped(u.submission()))
	return container.NewVScroll(box)
}

// blocking are the 错误 that keep the export a draft.
func blocking(fs []forms.Finding) []forms.Finding {
	var out []forms.Finding
	for _, f := range fs {
		if f.Severity == forms.Error {
			out = append(out, f)
		}
	}
	return out
}

// exportDialog exports the draft: with 错误 only a watermarked draft is offered, saying which
// 错误 block the real one. An empty draft exports the blank form, as `shenbao export` does.
func (u *UI) exportDialog() {
	u.revealAll()
	u.runChecks()
	if !export.NeedsDraft(u.d, u.findings) {
		u.chooseExportDir(false)
		return
	}
	errs := blocking(u.findings)
	var lines []string
	for i, f := range errs {
		if i == maxListed {
			lines = append(lines, fmt.Sprintf("……还有%d个错误。", len(errs)-maxListed))
			break
		}
		lines = append(lines, "· "+f.Message)
	}
	msg := fmt.Sprintf("还有%d个错误，不能导出正式的申报表：\n\n%s\n\n可以先导出草稿看看效果：草稿每页都印有“草稿（未通过检查）”，不能用于正式申报。",
		len(errs), strings.Join(lines, "\n"))
	ask(u.win, "还有错误", wrapped(msg),
		choice{text: "取消"},
		choice{text: "去改正", do: func() { u.showPage("检查") }},
		choice{text: "导出草稿", primary: true, do: func() { u.chooseExportDir(true) }})
}

// chooseExportDir asks for the folder: the last one used, else the desktop.
func (u *UI) chooseExportDir(draft bool) {
	dir := u.set.ExportDir
	if dir == "" {
		dir = platform.DesktopDir()
	}
	u.env.Files.Folder(u.win, "导出到哪个文件夹", dir, func(dir string) {
		if dir == "" {
			return
		}
		u.set.ExportDir = dir
		u.saveSettings()
		u.confirmReplace(dir, func() { u.export(dir, draft) })
	})
}

// confirmReplace asks before files of the same name are replaced: the user may have edited
// the last exported Word file.
func (u *UI) confirmReplace(dir string, then func()) {
	var there []string
	for _, p := range export.Paths(u.d, dir) {
		if _, err := os.Stat(p); err == nil {
			there = append(there, filepath.Base(p))
		}
	}
	if len(there) == 0 {
		then()
		return
	}
	ask(u.win, "替换文件？", wrapped("这个文件夹里已经有：\n"+strings.Join(there, "\n")+"\n\n要用现在的内容替换吗？如果在 Word 里改过这个文件，替换后那些修改会丢失。"),
		choice{text: "取消"}, choice{text: "替换", primary: true, do: then})
}

// export writes the files off the UI thread, through the same function as `shenbao export`.
func (u *UI) export(dir string, draft bool) {
	d := u.d.Clone()
	busy := widget.NewActivity()
	busy.Start()
	wait := newModal(u.win, "导出", container.NewHBox(busy, widget.NewLabel("正在生成 Word 和 PDF 文件…")), nil, fyne.NewSize(360, 0))
	wait.show()
	u.env.Go(func() {
		paths, err := export.Write(d, dir, export.Options{Draft: draft, Creator: "shenbao " + Version, Now: u.env.Now()})
		fyne.Do(func() {
			busy.Stop()
			wait.hide()
			if err != nil {
				showMessage(u.win, "没有导出", "导出失败："+forms.Message(err)+"。\n\n请换一个文件夹（例如桌面）再试。")
				return
			}
			u.showExported(paths, draft)
		})
	})
}

// showExported names both files, with 打开文件夹 and 打印, and the bureau's requirements.
func (u *UI) showExported(paths []string, draft bool) {
	box := container.NewVBox()
	if draft {
		l := wrapped("这是草稿：每页印有“草稿（未通过检查）”，不能用于正式申报。")
		l.setColor(theme.ColorNameError)
		box.Add(l)
	}
	box.Add(widget.NewLabel("已导出这两个文件："))
	var pdfPath string
	for _, p := range paths {
		l := widget.NewLabel(p)
		l.Wrapping = fyne.TextWrapBreak
		l.Selectable = true
		box.Add(l)
		if strings.HasSuffix(p, ".pdf") {
			pdfPath = p
		}
	}
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { u.reveal(paths...) })
	print := widget.NewButtonWithIcon("打印", theme.DocumentPrintIcon(), func() { u.openPath(pdfPath) })
	box.Add(container.NewHBox(open, print))
	box.Add(note("“打印”会用电脑上的 PDF 阅读器打开 PDF，在阅读器里选择打印（A4、实际大小）。"))
	box.Add(widget.NewSeparator())
	box.Add(wrapped(u.submission()))
	var m *modal
	closeBtn := widget.NewButton("关闭", func() { m.hide() })
	m = newModal(u.win, "导出", box, []fyne.CanvasObject{closeBtn}, fyne.NewSize(640, 0))
	m.primary = func() { m.hide() }
	m.show()
}

// openPath opens a folder or a file with the system's program, or says where it is. It waits
// for the system's answer off the UI thread.
func (u *UI) openPath(p string) {
	u.env.Go(func() {
		if err := u.env.OpenPath(p); err != nil {
			fyne.LogError("opening "+p, err)
			fyne.Do(func() { u.cannotOpen(p, err) })
		}
	})
}

// reveal shows files in the file manager (selected, on Windows), or says where they are.
func (u *UI) reveal(paths ...string) {
	u.env.Go(func() {
		if err := u.env.Reveal(paths...); err != nil {
			fyne.LogError("showing "+paths[0], err)
			fyne.Do(func() { u.cannotOpen(filepath.Dir(paths[0]), err) })
		}
	})
}

func (u *UI) cannotOpen(p string, err error) {
	if errors.Is(err, platform.ErrNoProgram) && strings.EqualFold(filepath.Ext(p), ".pdf") {
		showMessage(u.win, "没有能打开 PDF 的程序", "这台电脑上没有能打开 PDF 文件的程序，所以不能直接打印。\n\n"+
			"PDF 文件在：\n"+p+"\n\n"+
			"可以用浏览器（Edge、Chrome 等）打开这个文件再打印，或安装一个 PDF 阅读器（如 WPS Office、Adobe Acrobat Reader）后再点“打印”；"+
			"也可以把它用 U 盘拷到别的电脑上打印。")
		return
	}
	showMessage(u.win, "无法打开", "这台电脑没能自动打开它。请在文件管理器（“此电脑”或“文件”）中自己打开这个位置：\n"+p)
}

// openWithSystem opens a file or folder as a double-click in the file manager would, with the
// user's own language settings (the app forces Chinese only for itself).
func openWithSystem(p string) error { return platform.OpenPath(p, zhlocale.Environ()) }

// revealWithSystem shows files in Explorer, selected (elsewhere: opens their folder).
func revealWithSystem(paths ...string) error { return platform.Reveal(paths, zhlocale.Environ()) }
