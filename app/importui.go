package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/formimport"
	"shenbao/forms"
	"shenbao/readback"
)

// 按这份模板新建表格: a bureau's blank Word template, opened or dropped on the window, made
// into a form of the program. The importer's guess is listed block by block, field by field,
// with what it was unsure of beside each; the person corrects kinds, required and limits,
// and 保存并新建 keeps the definition in the forms folder and starts a draft of it.

// templateFiles are what 按空白模板新建表格… offers.
var templateFiles = fileKind{"空白申报表模板（Word *.docx）", []string{".docx"}}

// openDOCX decides what a .docx that is no draft of ours is. A filled form, or one this
// program exported, opens as a draft (false: not taken here); a blank template (all value
// cells empty) or a table readback knows no labels of goes to the import. It returns true
// when it took the file: the import offered, or refused with the reason.
func (u *UI) openDOCX(path string, r *readback.Result, err error) (taken, ok bool) {
	blank := err == nil && r.Kind == readback.FilledDOCX && r.Draft.Empty()
	noForm := errors.Is(err, readback.ErrNoFormDOCX)
	if !blank && !noForm {
		return false, false
	}
	res, ierr := importFile(path)
	switch {
	case ierr == nil && blank:
		u.offerImport(res, r.Draft.Form())
		return true, true
	case ierr == nil:
		u.offerImport(res, nil)
		return true, true
	case noForm:
		showMessage(u.win, "无法打开", "无法打开“"+filepath.Base(path)+"”：它不是填好的申报表，也不能当作空白的申报表模板导入。\n\n"+
			formimport.Message(ierr))
		return true, false
	}
	return false, false // a form read with nothing in it, and no template either: opened as before
}

// importFile imports the template at path, bounded as readback reads a .docx.
func importFile(path string) (*formimport.Result, error) {
	data, err := formimport.ReadTemplate(path)
	if err != nil {
		return nil, err
	}
	return formimport.Import(data, filepath.Base(path))
}

// importTemplateDialog is 文件 › 按空白模板新建表格…: the import asked for by name, so a
// blank copy of a form the program has is imported too.
func (u *UI) importTemplateDialog() {
	u.env.Files.OpenFile(u.win, "选择空白的申报表模板", u.set.lastDir(dirDraft, u.dir()), templateFiles, func(path string) {
		if path == "" {
			return
		}
		u.usedDir(dirDraft, filepath.Dir(path))
		res, err := importFile(path)
		if err != nil {
			showMessage(u.win, "不能按这份模板新建表格", "“"+filepath.Base(path)+"”不能当作空白的申报表模板导入：\n\n"+formimport.Message(err))
			return
		}
		u.offerImport(res, nil)
	})
}

// importForm is the dialog of 按这份模板新建表格.
type importForm struct {
	u       *UI
	res     *formimport.Result
	known   *forms.Definition // the program's form the template is a blank copy of, or nil
	title   *widget.Entry
	id      *widget.Entry
	fields  []*importField
	tables  []*importTable
	problem *zhText
	m       *modal
	opened  []byte // the definition as the dialog opened it (edits applied), to tell a change
}

// importField is one field's row: what can be changed in it.
type importField struct {
	block, field int
	name         string
	kinds        []forms.Kind
	kind         *widget.Select // disabled when the kind cannot change
	required     *widget.Check
	choices      *widget.Entry // Choice, BoxChoice
	chars        *widget.Entry // one line of text: the most characters
	words        *widget.Entry // a long text: the 字数 limit
	limits       *fyne.Container
}

// importTable is a table's rows: printed (the most), and the least to fill.
type importTable struct {
	block       int
	name        string
	rows, least *widget.Entry
}

// offerImport shows the guessed form for correcting; known is the program's own form the
// template is a blank copy of (offered instead), or nil.
func (u *UI) offerImport(res *formimport.Result, known *forms.Definition) {
	u.fontFor(string(res.TOML)) // a rare character in a label needs the whole font
	v := &importForm{u: u, res: res, known: known}
	v.problem = newZHText("")
	v.problem.setColor(theme.ColorNameError)
	v.problem.Hide()
	list := container.NewVBox(v.head())
	for i := range res.Definition.Blocks {
		list.Add(v.blockRows(i))
	}
	inner := container.NewStack(container.NewPadded(list))
	scroll := container.NewVScroll(inner)
	inner.Add(newWheelCatcher(scroll)) // over the entries too, which would take the wheel
	body := container.NewBorder(nil, v.problem, nil, nil, scroll)
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), v.cancel)
	save := widget.NewButtonWithIcon("保存并新建", theme.DocumentSaveIcon(), v.save)
	save.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{cancel}
	if known != nil {
		buttons = append(buttons, widget.NewButton("新建已有表格的草稿", func() {
			v.m.hide()
			u.guardUnsaved(func() { u.startNew(known) })
		}))
	}
	buttons = append(buttons, save)
	v.m = newModal(u.win, "按这份模板新建表格", body, buttons, fyne.NewSize(860, 680))
	v.m.escape = v.cancel
	v.opened = v.applied()
	v.m.show()
}

// applied is the definition the dialog's entries make now, nil when they make none.
func (v *importForm) applied() []byte {
	e, err := v.edits()
	if err != nil {
		return nil
	}
	res, err := v.res.Apply(e)
	if err != nil {
		return nil
	}
	return res.TOML
}

// cancel closes the dialog (取消, Esc), asking first when something was changed in it: the
// corrections would be lost.
func (v *importForm) cancel() {
	if now := v.applied(); now != nil && bytes.Equal(now, v.opened) {
		v.m.hide()
		return
	}
	ask(v.u.win, "放弃修改？", wrapped("对这份模板的种类、必填和限制所做的修改还没有保存，关闭后就没有了。"),
		choice{text: "继续修改", primary: true},
		choice{text: "放弃修改", danger: true, do: v.m.hide})
}

// head says what was found and what to do, and holds the title and the id.
func (v *importForm) head() fyne.CanvasObject {
	def := v.res.Definition
	fields := 0
	for _, b := range def.Blocks {
		if b.Stored() {
			fields += len(b.Fields)
		}
	}
	msg := fmt.Sprintf("程序按模板的表格猜出了 %d 个栏目、%d 个要填写的字段", len(def.Blocks), fields)
	if n := len(v.res.Notes); n > 0 {
		msg += fmt.Sprintf("，有 %d 处拿不准（橙色），请对照模板核对", n)
	}
	msg += "。种类、必填和限制都可以改；改完按“保存并新建”，表格存进本程序的表格文件夹，并新建一份它的草稿。"
	box := container.NewVBox(wrapped(msg))
	if v.known != nil {
		box.Add(note("程序里已有这种表格《" + v.known.Title + "》，它带有通知的申报条件：只是要填这份表的，按“新建已有表格的草稿”即可。"))
	}
	for _, n := range append(v.res.Template, v.res.OtherNotes()...) {
		box.Add(warnText(plainNote(n)))
	}
	v.title = widget.NewEntry()
	v.title.SetText(def.Title)
	v.id = widget.NewEntry()
	v.id.SetText(freeID(def.ID))
	v.id.SetPlaceHolder("小写英文字母、数字、连字符")
	box.Add(container.NewBorder(nil, nil, widget.NewLabel("标题"),
		container.NewHBox(widget.NewLabel("编号"), sized(v.id, 230)), v.title))
	return box
}

// nameAndPlace is a field's name with its place in the template after it, small and grey:
// one line for most fields, so that forty of them are not several screens.
func nameAndPlace(name, place string) fyne.CanvasObject {
	t := widget.NewRichText(&widget.TextSegment{Text: name, Style: widget.RichTextStyleInline},
		&widget.TextSegment{Text: "　" + place, Style: widget.RichTextStyle{Inline: true, ColorName: colorNote, SizeName: sizeMessage}})
	t.Wrapping = fyne.TextWrapBreak // a long name (…主要业绩及成果) breaks anywhere, as Chinese may
	return t
}

// warnText is a line in the warning colour: a guess to check.
func warnText(s string) *zhText {
	t := newZHText(s)
	t.setColor(theme.ColorNameWarning)
	return t
}

// plainNote is an importer's note in the app's words: the file's key names (choice,
// max_words …) are for the clerk who reads the .toml, not for the teacher here.
func plainNote(s string) string {
	return strings.NewReplacer(
		"请改为 choice 并写出 choices", "请把种类改为“选择”并写出可选的值",
		"（通知里有要求的，请写 max_words）", "（通知里有要求的，请填字数上限）",
		"按年月（year_month）处理", "按年月处理",
		"（leave_blank）", "",
		"按说明（note）印出", "照印，不用填写",
	).Replace(s)
}

// freeID is id, or id-2, id-3 … when a form the program knows has it already: a new form
// must not take the place of another (their drafts would be read as this one).
func freeID(id string) string {
	for n := 2; ; n++ {
		if _, taken := forms.Lookup(id); !taken {
			if _, taken := forms.Lookup(forms.FormFormatPrefix + id); !taken {
				return id
			}
		}
		base := strings.TrimSuffix(id, fmt.Sprintf("-%d", n-1))
		id = fmt.Sprintf("%s-%d", base, n)
	}
}

// blockRows is a block's heading, what was guessed about it, and its fields' rows.
func (v *importForm) blockRows(i int) fyne.CanvasObject {
	b := v.res.Definition.Blocks[i]
	name := b.Name()
	if name == "" {
		name = b.Nav
	}
	if name == "" {
		name = "（没有名称）"
	}
	head := fmt.Sprintf("%d　%s", i+1, name)
	box := container.NewVBox(widget.NewSeparator(), heading(head, theme.SizeNameText))
	about := blockKindWords(b)
	if w := v.res.Where(i, -1); w != "" {
		about += "（模板" + w + "）"
	}
	box.Add(note(about))
	for _, n := range v.res.NotesAt(i, -1) {
		box.Add(warnText("拿不准：" + plainNote(n)))
	}
	if b.Kind == forms.TableBlock && b.Stored() {
		box.Add(v.tableRow(i, b))
	}
	if !b.Stored() {
		return box
	}
	for j := range b.Fields {
		box.Add(v.fieldRow(i, j))
	}
	return box
}

// blockKindWords says what a block is in the teacher's words.
func blockKindWords(b forms.Block) string {
	switch {
	case b.LeaveBlank:
		return "由审核、评审的单位填写：申报人留空，程序里不填"
	case b.Kind == forms.FieldsBlock:
		return "要填写的字段"
	case b.Kind == forms.TableBlock:
		return "表格：每行一人（一项）"
	case b.Kind == forms.TextBlock:
		return "长文字"
	case b.Kind == forms.OpinionBlock:
		return "意见栏：打印后手写、盖章，程序里不填"
	case b.Kind == forms.DeclarationBlock:
		return "承诺与签名：打印后签名，程序里不填"
	}
	return "印好的说明文字，不用填写"
}

// tableRow holds a table's rows: printed, and the least that must be filled.
func (v *importForm) tableRow(i int, b forms.Block) fyne.CanvasObject {
	t := &importTable{block: i, name: b.Name(), rows: numberEntry(b.Rows), least: numberEntry(b.MinRows)}
	t.least.SetPlaceHolder("不限")
	v.tables = append(v.tables, t)
	return container.NewHBox(widget.NewLabel("印出"), sized(t.rows, 64), widget.NewLabel("行（最多能填的行数），至少要填"),
		sized(t.least, 64), widget.NewLabel("行"))
}

// numberEntry is an entry for a whole number, empty for 0.
func numberEntry(n int) *widget.Entry {
	e := widget.NewEntry()
	if n > 0 {
		e.SetText(fmt.Sprint(n))
	}
	return e
}

// sized gives an object a fixed width.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.New(&fixedWidth{w: w}, o)
}

// Widths of a field's row: its name, the kind, 必填; the limits take the rest.
const (
	importNameWidth = 210
	importKindWidth = 190
	importReqWidth  = 72
)

// fieldRow is one field: its name and place in the template, the kind to choose, 必填, its
// limits, and the guesses about it.
func (v *importForm) fieldRow(i, j int) fyne.CanvasObject {
	b := v.res.Definition.Blocks[i]
	f := b.Fields[j]
	r := &importField{block: i, field: j, name: f.Name(), kinds: formimport.Kinds(b.Kind, f.Kind)}
	names := make([]string, len(r.kinds))
	for k, kind := range r.kinds {
		names[k] = formimport.KindName(kind)
	}
	r.kind = widget.NewSelect(names, func(string) { r.showLimits() })
	r.required = widget.NewCheck("必填", nil)
	r.required.SetChecked(f.Required)
	r.choices = widget.NewEntry()
	r.choices.SetText(strings.Join(f.Choices, "、"))
	r.choices.SetPlaceHolder("如：男、女")
	r.chars = numberEntry(f.MaxChars)
	r.chars.SetPlaceHolder(fmt.Sprint(forms.MaxCharsLine))
	r.words = numberEntry(f.MaxWords)
	r.words.SetPlaceHolder("不限")
	r.limits = container.NewStack()
	r.kind.SetSelected(formimport.KindName(f.Kind)) // shows the limits
	if len(r.kinds) < 2 {
		r.kind.Disable()
	}
	v.fields = append(v.fields, r)
	name := nameAndPlace(r.name, v.res.Where(i, j))
	row := container.New(&importColumns{widths: []float32{importNameWidth, importKindWidth, importReqWidth}},
		name, container.NewVBox(r.kind), container.NewVBox(r.required), container.NewVBox(r.limits))
	out := container.NewVBox(row)
	for _, n := range v.res.NotesAt(i, j) {
		out.Add(warnText("拿不准：" + plainNote(strings.TrimPrefix(n, v.res.Where(i, j)+"："))))
	}
	return out
}

// chosen is the kind selected.
func (r *importField) chosen() forms.Kind {
	if k := r.kind.SelectedIndex(); k >= 0 {
		return r.kinds[k]
	}
	return r.kinds[0]
}

// showLimits shows the limits the selected kind has.
func (r *importField) showLimits() {
	var o fyne.CanvasObject
	switch r.chosen() {
	case forms.Text:
		o = container.NewHBox(widget.NewLabel("最多"), sized(r.chars, 72), widget.NewLabel("个字"))
	case forms.Choice, forms.BoxChoice:
		o = container.NewBorder(nil, nil, widget.NewLabel("可选的值"), nil, r.choices)
	case forms.LongText:
		o = container.NewHBox(widget.NewLabel("字数上限"), sized(r.words, 80), widget.NewLabel("字"))
	case forms.Picture:
		o = note("1寸照片，裁成 25×35 毫米")
	default:
		o = note("按种类检查格式")
	}
	r.limits.Objects = []fyne.CanvasObject{o}
	r.limits.Refresh()
}

// importColumns lays a row out in columns of fixed widths; the last takes the rest.
type importColumns struct{ widths []float32 }

func (l *importColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	pad := theme.Padding()
	for k, o := range objs {
		w := size.Width - x
		if k < len(l.widths) {
			w = l.widths[k]
		}
		o.Resize(fyne.NewSize(w, size.Height))
		o.Move(fyne.NewPos(x, 0))
		x += w + pad
	}
}

func (l *importColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for k, o := range objs {
		m := o.MinSize()
		if k < len(l.widths) {
			w += l.widths[k] + theme.Padding()
		} else {
			w += m.Width
		}
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

// edits are the dialog's values as the importer takes them; a number that is none is said.
func (v *importForm) edits() (formimport.Edits, error) {
	e := formimport.Edits{Title: v.title.Text, ID: v.id.Text}
	for _, r := range v.fields {
		fe := formimport.FieldEdit{Block: r.block, Field: r.field, Kind: r.chosen(), Required: r.required.Checked,
			Choices: formimport.SplitChoices(r.choices.Text)}
		var err error
		switch fe.Kind {
		case forms.Text:
			fe.MaxChars, err = whole(r.chars.Text, "“"+r.name+"”最多几个字")
		case forms.LongText:
			fe.MaxWords, err = whole(r.words.Text, "“"+r.name+"”的字数上限")
		}
		if err != nil {
			return e, err
		}
		e.Fields = append(e.Fields, fe)
	}
	for _, t := range v.tables {
		rows, err := whole(t.rows.Text, "“"+t.name+"”印出的行数")
		if err != nil {
			return e, err
		}
		least, err := whole(t.least.Text, "“"+t.name+"”至少要填的行数")
		if err != nil {
			return e, err
		}
		e.Tables = append(e.Tables, formimport.TableEdit{Block: t.block, Rows: rows, MinRows: least})
	}
	return e, nil
}

// whole reads a number typed (full-width digits too); empty is 0.
func whole(s, what string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, ok := forms.ParseWhole(s)
	if !ok || n < 0 {
		return 0, fmt.Errorf("%s要填一个整数（不限就留空），现在是“%s”。", what, s)
	}
	return n, nil
}

// fail says what is wrong, above the buttons; the dialog stays open to correct it.
func (v *importForm) fail(msg string) {
	v.problem.SetText(msg)
	v.problem.Show()
}

// save applies the edits, keeps the form in the forms folder and starts a draft of it, once
// the current draft's unsaved changes are saved or let go.
func (v *importForm) save() {
	e, err := v.edits()
	if err != nil {
		v.fail(err.Error())
		return
	}
	res, err := v.res.Apply(e)
	if err != nil {
		v.fail(formimport.Message(err))
		return
	}
	other, taken := forms.Lookup(res.Definition.ID)
	if !taken {
		other, taken = forms.Lookup(res.Definition.DraftFormat)
	}
	if taken {
		v.fail("编号“" + res.Definition.ID + "”已经是表格《" + other.Title + "》的编号：请换一个编号，如 " + freeID(res.Definition.ID) + "。")
		return
	}
	v.u.guardUnsaved(func() {
		def, path, err := v.u.keepImported(res)
		if err != nil {
			v.fail(err.Error())
			return
		}
		forms.Register(def)
		v.m.hide()
		v.u.startNew(def)
		showMessage(v.u.win, "已按模板新建表格", "表格《"+def.Title+"》已保存在表格文件夹：\n"+path+
			"\n\n现在是这种表格的一份空白草稿。以后按“新建”时也可以选它；要补上通知的申报条件，可以用记事本照 docs/form-format.md 改这个文件。")
	})
}

// keepImported writes the definition into the forms folder under a name no file has, and
// reads it back as the program will at its next start: a file that would not load is taken
// away again, never left there.
func (u *UI) keepImported(res *formimport.Result) (*forms.Definition, string, error) {
	dir := u.formsDir()
	fail := func(err error) error {
		return fmt.Errorf("没能把表格保存到表格文件夹（%s）：%s。请确认这个文件夹可以写入（没有被设为只读，磁盘没有满）后再按“保存并新建”。", dir, forms.Message(err))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, "", fail(err)
	}
	path := freeFile(dir, res.FileName())
	err := forms.WriteFile(path, false, func(w io.Writer) error {
		_, err := w.Write(res.TOML)
		return err
	})
	if err != nil {
		return nil, "", fail(err)
	}
	def, err := forms.ReadDefinition(path)
	if err != nil {
		os.Remove(path)
		return nil, "", fmt.Errorf("保存的表格文件读不回来，已删去（这是程序的问题，请把模板发给开发者）：%s", forms.Message(err))
	}
	return def, path, nil
}

// freeFile is dir/name, or name-2.toml, name-3.toml … when that exists: a form the user
// kept is never replaced without a word. (Another program creating the same name in the
// instant between this look and the write is not guarded against.)
func freeFile(dir, name string) string {
	ext := filepath.Ext(name)
	base := strings.TrimSuffix(name, ext)
	path := filepath.Join(dir, name)
	for n := 2; ; n++ {
		if _, err := os.Lstat(path); err != nil {
			return path // not there, or not to be looked at: the write says which
		}
		path = filepath.Join(dir, fmt.Sprintf("%s-%d%s", base, n, ext))
	}
}
