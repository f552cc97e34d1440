package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// Forms as files in the app: the user's forms folder is read at start, a definition file
// dropped on the window is read and kept there, and 新建 asks which form when there are
// several.

// formsDir is the user's forms folder: %AppData%\shenbao\forms, ~/.config/shenbao/forms.
func (u *UI) formsDir() string { return filepath.Join(u.env.ConfigDir, "forms") }

// loadForms reads the forms folder; files that do not load are told once, and stop nothing.
func (u *UI) loadForms() {
	problems := forms.LoadFolder(u.formsDir())
	if len(problems) == 0 {
		return
	}
	var lines []string
	for _, p := range problems {
		lines = append(lines, p.Error())
	}
	showMessage(u.win, "有表格定义文件没有读取", "表格文件夹（"+u.formsDir()+"）中下列文件有问题，没有读取；其他表格照常可用：\n\n"+
		strings.Join(lines, "\n")+"\n\n请改正后重新打开程序，或删去这些文件。")
}

// newDraft starts an empty draft, asking which form first when the program knows several.
func (u *UI) newDraft() {
	u.guardUnsaved(func() {
		known := forms.Known()
		if len(known) < 2 {
			u.startNew(u.form)
			return
		}
		u.chooseForm(known, u.startNew)
	})
}

// startNew makes an empty draft of the form the window's draft.
func (u *UI) startNew(form *forms.Definition) {
	u.saver.discard()
	u.setDraft(forms.New(form), "", false)
}

// chooseForm lists the forms, the current one selected, and calls done with the one chosen.
func (u *UI) chooseForm(known []*forms.Definition, done func(*forms.Definition)) {
	titles := make([]string, len(known))
	at := 0
	for i, d := range known {
		titles[i] = fmt.Sprintf("%s（%s）", d.Title, d.ID)
		if d == u.form {
			at = i
		}
	}
	list := widget.NewRadioGroup(titles, nil)
	list.Required = true
	list.SetSelected(titles[at])
	box := container.NewVBox(wrapped("新建哪一种表格的草稿？"), list)
	ask(u.win, "新建草稿", box, choice{text: "取消"}, choice{text: "新建", primary: true, do: func() {
		for i, t := range titles {
			if t == list.Selected {
				done(known[i])
				return
			}
		}
	}})
}

// openDefinition reads a definition file dropped on the window: its problems with their
// lines, or the form, offered for a new draft and kept in the forms folder.
func (u *UI) openDefinition(path string) {
	def, err := forms.ReadDefinition(path)
	if err != nil {
		showMessage(u.win, "无法使用这个表格定义", "“"+filepath.Base(path)+"”不能作为表格使用：\n\n"+forms.Message(err))
		return
	}
	forms.Register(def)
	keep := widget.NewCheck("保存到表格文件夹，以后打开程序也能用", nil)
	keep.SetChecked(true)
	box := container.NewVBox(wrapped(fmt.Sprintf("已读取表格“%s”（%s，第%d版），有 %d 个部分。", def.Title, def.ID, def.Version, len(def.Blocks))), keep)
	save := func() {
		if keep.Checked {
			u.keepDefinition(path)
		}
	}
	ask(u.win, "新的表格", box,
		choice{text: "取消", do: save},
		choice{text: "新建这种表格的草稿", primary: true, do: func() {
			save()
			u.guardUnsaved(func() { u.startNew(def) })
		}})
}

// keepDefinition copies a definition file into the forms folder (replacing one of that name).
func (u *UI) keepDefinition(path string) {
	data, err := forms.ReadRegular(path, forms.MaxDefinitionSize)
	if err == nil {
		err = os.MkdirAll(u.formsDir(), 0o755)
	}
	if err == nil {
		err = forms.WriteFile(filepath.Join(u.formsDir(), filepath.Base(path)), false, func(w io.Writer) error {
			_, err := w.Write(data)
			return err
		})
	}
	if err != nil {
		showMessage(u.win, "表格没有保存", "没能把“"+filepath.Base(path)+"”保存到表格文件夹："+forms.Message(err)+"。\n\n这次仍可使用这个表格。")
	}
}

// formFiles are definition files, for drops.
var formFiles = fileKind{"表格定义文件（*.toml）", []string{".toml"}}
