package app

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"shenbao/formimport"
	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/render/docx"
)

// template copies a blank template of formimport's testdata into a folder of its own.
func template(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "formimport", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	os.WriteFile(path, data, 0o600)
	return path
}

// importRow is the row of the field with that name in the open import dialog.
func (h *harness) importRow(name string) *fyne.Container {
	h.t.Helper()
	var row *fyne.Container
	walk(h.canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		c, ok := o.(*fyne.Container)
		if !ok || row != nil || len(c.Objects) != 4 {
			return
		}
		if _, cols := c.Layout.(*importColumns); !cols {
			return
		}
		walk(c.Objects[0], func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.RichText); ok && len(l.Segments) > 0 && l.Segments[0].(*widget.TextSegment).Text == name {
				row = c
			}
		})
	})
	if row == nil {
		h.t.Fatalf("no row %q in the import dialog:\n%s", name, h.overlayTexts())
	}
	return row
}

// in finds the first widget of type T inside o.
func in[T fyne.CanvasObject](o fyne.CanvasObject) T {
	var found T
	done := false
	walk(o, func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok && !done {
			found, done = w, true
		}
	})
	return found
}

// A blank template opened offers 按这份模板新建表格; a kind and a limit changed there are in
// the form kept in the forms folder, and the new draft shown is of that form. A form file of
// the same name already there is left as it was.
func TestImportTemplateInTheApp(t *testing.T) {
	config := t.TempDir()
	t.Cleanup(forms.ResetRegistered)
	h := newHarness(t, config)
	h.u.Start("")
	mine := filepath.Join(config, "forms", "mbzr-python-docx.toml")
	os.MkdirAll(filepath.Dir(mine), 0o755)
	os.WriteFile(mine, []byte("# 我自己的文件\n"), 0o644)

	h.u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(template(t, "mbzr-python-docx.docx"))})
	text := h.overlayTexts()
	for _, want := range []string{"按这份模板新建表格", "拿不准：空白格，按单行文字处理", "[新建已有表格的草稿]", "[保存并新建]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not show %q:\n%s", want, text)
		}
	}
	county := h.importRow("结对帮扶县区")
	if name := in[*widget.RichText](county); len(name.Segments) < 2 || !strings.Contains(name.Segments[1].(*widget.TextSegment).Text, "第4行第4格") {
		t.Error("the field's place in the template is not shown beside it")
	}
	in[*widget.Select](county).SetSelected(formimport.KindName(forms.Choice))
	in[*widget.Entry](county.Objects[3]).SetText("柳城县、鹿寨县")
	plan := h.importRow("主持人近5年从事班主任工作方面的主要业绩及成果")
	in[*widget.Entry](plan.Objects[3]).SetText("3000")
	h.tapButton("保存并新建")

	kept := filepath.Join(config, "forms", "mbzr-python-docx-2.toml")
	def, err := forms.ReadDefinition(kept)
	if err != nil {
		t.Fatalf("the form kept: %v\n%s", err, h.overlayTexts())
	}
	if data, _ := os.ReadFile(mine); string(data) != "# 我自己的文件\n" {
		t.Errorf("the file already there was replaced: %q", data)
	}
	_, f, _ := def.Field("applicant.county")
	if f.Kind != forms.Choice || strings.Join(f.Choices, "/") != "柳城县/鹿寨县" {
		t.Errorf("county kept as %v %v", f.Kind, f.Choices)
	}
	if got := def.Blocks[slicesIndexText(def)].Fields[0].MaxWords; got != 3000 {
		t.Errorf("max_words kept as %d", got)
	}
	if h.u.d.Form().ID != "mbzr-python-docx" || !h.u.d.Empty() || h.u.path != "" {
		t.Errorf("the draft shown is of %s, empty %v, at %q", h.u.d.Form().ID, h.u.d.Empty(), h.u.path)
	}
	if _, ok := forms.Lookup("mbzr-python-docx"); !ok {
		t.Error("the form is not registered")
	}
	if _, shown := h.u.views["applicant.county"]; !shown {
		t.Error("the draft's first page does not show the imported form's fields")
	}
	if text := h.overlayTexts(); !strings.Contains(text, "已按模板新建表格") || !strings.Contains(text, kept) {
		t.Errorf("no word of where the form was kept:\n%s", text)
	}
}

func slicesIndexText(def *forms.Definition) int {
	for i, b := range def.Blocks {
		if b.Kind == forms.TextBlock {
			return i
		}
	}
	return -1
}

// What the format cannot take is said in the dialog, which stays open; nothing is written.
// The same template imported again gets an id of its own.
func TestImportTemplateRefusesAnEdit(t *testing.T) {
	config := t.TempDir()
	t.Cleanup(forms.ResetRegistered)
	forms.Register(importedOnce(t))
	h := newHarness(t, config)
	h.u.Start("")
	if !h.u.openFile(template(t, "mbzr-python-docx.docx")) {
		t.Fatal("the template was not taken")
	}
	chars := in[*widget.Entry](h.importRow("主持人姓名").Objects[3]) // the name's 最多 … 个字
	chars.SetText("很多")
	h.tapButton("保存并新建")
	if text := h.overlayTexts(); !strings.Contains(text, "要填一个整数") || !strings.Contains(text, "[保存并新建]") {
		t.Errorf("no word about the number, or the dialog closed:\n%s", text)
	}
	if ids := idEntries(h); len(ids) == 0 || ids[0].Text != "mbzr-python-docx-2" {
		t.Errorf("the id offered is not free: %v", ids)
	}
	if files, _ := filepath.Glob(filepath.Join(config, "forms", "*")); len(files) > 0 {
		t.Errorf("written: %v", files)
	}
}

// importedOnce is the template's form, registered as if imported before.
func importedOnce(t *testing.T) *forms.Definition {
	data, _ := os.ReadFile(filepath.Join("..", "formimport", "testdata", "mbzr-python-docx.docx"))
	res, err := formimport.Import(data, "mbzr-python-docx.docx")
	if err != nil {
		t.Fatal(err)
	}
	return res.Definition
}

// idEntries are the entries whose text looks like an id, in the dialog's order.
func idEntries(h *harness) []*widget.Entry {
	var out []*widget.Entry
	walk(h.canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && strings.HasPrefix(e.Text, "mbzr-") {
			out = append(out, e)
		}
	})
	return out
}

// A document that is neither a filled form nor a blank template gets one message saying so.
func TestOpenNeitherFormNorTemplate(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	if h.u.openFile(template(t, "letter.docx")) {
		t.Fatal("a letter was taken")
	}
	text := h.overlayTexts()
	if !strings.Contains(text, "不是填好的申报表，也不能当作空白的申报表模板") || !strings.Contains(text, "像是一封信") {
		t.Errorf("the message:\n%s", text)
	}
	if strings.Contains(text, "按这份模板新建表格") {
		t.Error("the import was offered for a letter")
	}
}

// At 150 % on a 1366×768 screen the window has about 910×480 units: the dialog fits in it,
// leaving the menu bar uncovered, and its list scrolls; also when it was opened at start,
// before the window was fitted to the screen (a template opened from Explorer).
func TestImportDialogFitsASmallWindow(t *testing.T) {
	t.Cleanup(forms.ResetRegistered)
	h := newHarness(t, "")
	h.u.Start(template(t, "mbzr-wps.docx"))
	top := h.canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog")
	}
	h.u.win.Resize(fyne.NewSize(910, 480))
	h.u.win.Content().Refresh()
	pop := top.(*widget.PopUp)
	inner := pop.Content.Size()
	if inner.Width > 910-2*16 || inner.Height > 480-2*(16+menuBarHeight) {
		t.Errorf("the dialog is %v in a window of %v", inner, h.canvas().Size())
	}
	if in[*widget.Check](top) == nil {
		t.Error("no 必填 boxes")
	}
}

// A template of a form the program does not know (the synthetic form's blank print, without
// the draft our export carries: what a bureau's own Word file is) is offered for the import
// alone, and 保存并新建 starts a draft of the new form, its id made from the title.
func TestImportUnknownTemplate(t *testing.T) {
	config := t.TempDir()
	t.Cleanup(forms.ResetRegistered)
	path := filepath.Join(t.TempDir(), "某市优秀教师推荐表.docx")
	os.WriteFile(path, bureauTemplate(t), 0o600)
	h := newHarness(t, config)
	h.u.Start("")
	if !h.u.openFile(path) {
		t.Fatalf("not taken:\n%s", h.overlayTexts())
	}
	text := h.overlayTexts()
	if !strings.Contains(text, "按这份模板新建表格") || strings.Contains(text, "新建已有表格的草稿") {
		t.Fatalf("the dialog:\n%s", text)
	}
	h.tapButton("保存并新建")
	files, _ := filepath.Glob(filepath.Join(config, "forms", "import-*.toml"))
	if len(files) != 1 {
		t.Fatalf("kept %v\n%s", files, h.overlayTexts())
	}
	if id := h.u.d.Form().ID; !strings.HasPrefix(id, "import-") || filepath.Base(files[0]) != id+".toml" {
		t.Errorf("the draft is of %s, the file %s", id, files[0])
	}
}

// bureauTemplate is the synthetic form's blank .docx with the parts that carry our draft
// taken out.
func bureauTemplate(t *testing.T) []byte {
	def, err := forms.ReadDefinition(formstest.EveryKindFile())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := docx.Write(&b, forms.New(def), docx.Options{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "customXml/") {
			continue
		}
		w, _ := zw.Create(f.Name)
		r, _ := f.Open()
		io.Copy(w, r)
		r.Close()
	}
	zw.Close()
	return out.Bytes()
}

// 取消 or Esc closes an untouched import at once; after a change it asks first, and 继续修改
// keeps the dialog and the change.
func TestImportCancelAsksAfterAChange(t *testing.T) {
	t.Cleanup(forms.ResetRegistered)
	h := newHarness(t, t.TempDir())
	h.u.Start("")
	h.u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(template(t, "mbzr-python-docx.docx"))})
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if strings.Contains(h.overlayTexts(), "按这份模板新建表格") {
		t.Fatal("Esc did not close the untouched dialog")
	}
	h.u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(template(t, "mbzr-python-docx.docx"))})
	county := h.importRow("结对帮扶县区")
	in[*widget.Select](county).SetSelected(formimport.KindName(forms.Choice))
	h.tapButton("取消")
	if text := h.overlayTexts(); !strings.Contains(text, "放弃修改？") {
		t.Fatalf("取消 after a change does not ask:\n%s", text)
	}
	h.tapButton("继续修改")
	if text := h.overlayTexts(); !strings.Contains(text, "按这份模板新建表格") || strings.Contains(text, "放弃修改？") {
		t.Fatalf("继续修改 did not go back to the dialog:\n%s", text)
	}
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	h.tapButton("放弃修改")
	if strings.Contains(h.overlayTexts(), "按这份模板新建表格") {
		t.Error("放弃修改 did not close the dialog")
	}
}
