package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/render"
	"shenbao/render/docx"
	"shenbao/render/pdf"
)

// extension is a copy of a form as a new engineer would extend it: a host field in a row of
// its own (邮箱) after the grid block's last row, a table block of three columns and a
// long-text block after the form's last table. Each is one change to the copy; nothing in
// render knows them. Where they go is read from the form, so that a field the form gains (an
// 电子邮箱 row of its own) leaves the next row free for this one.
type extension struct {
	def    *forms.Definition
	grid   int          // the index of the grid block the field is added to
	field  forms.Field  // the field added
	before forms.Block  // the table the new blocks follow
	after  *forms.Block // the first labelled block printed after them, if any
}

func extendedForm(t *testing.T, base *forms.Definition) extension {
	t.Helper()
	form := make([]forms.Block, 0, len(base.Blocks)+2)
	grid, table := -1, -1
	for i, b := range base.Blocks {
		b.Fields = append([]forms.Field(nil), b.Fields...)
		form = append(form, b)
		if grid < 0 && b.Grid() {
			grid = i
		}
		if b.Kind == forms.TableBlock && b.Stored() {
			table = i
		}
	}
	if grid < 0 || table < 0 {
		t.Fatalf("%s has no grid block or no table to extend", base.ID)
	}
	row, keys := 0, map[string]bool{}
	for _, f := range form[grid].Fields {
		row = max(row, f.Row+max(f.RowSpan, 1))
		keys[f.Key] = true
	}
	key := "email"
	for i := 2; keys[key]; i++ {
		key = fmt.Sprintf("email%d", i) // the form has an 电子邮箱 of its own
	}
	field := forms.Field{Key: key, Label: "电子邮箱", Kind: forms.Text, Row: row, LabelMM: 15.5, ValueMM: forms.TextMM - 15.5}
	form[grid].Fields = append(form[grid].Fields, field)
	text := forms.Block{Key: "reflection", Label: "个人反思", Kind: forms.TextBlock, LabelMM: 15.5,
		Fields: []forms.Field{{Label: "个人反思", Kind: forms.LongText}}}
	awards := forms.Block{Key: "awards", Label: "获奖情况", Kind: forms.TableBlock, Rows: 2, LabelMM: 11.3,
		Fields: []forms.Field{
			{Key: "year", Label: "年份", Kind: forms.Text, ValueMM: 20},
			{Key: "award", Label: "奖项名称", Kind: forms.Text, ValueMM: 80},
			{Key: "by", Label: "颁发单位", Kind: forms.Text, ValueMM: forms.TextMM - 11.3 - 100},
		}}
	x := extension{grid: grid, field: field, before: form[table]}
	for i := table + 1; i < len(form); i++ {
		if form[i].Name() != "" {
			x.after = &form[i]
			break
		}
	}
	x.def = base.WithBlocks(append(form[:table+1:table+1], append([]forms.Block{awards, text}, form[table+1:]...)...))
	return x
}

func (x extension) draft() *forms.Draft {
	d := forms.Sample(x.def)
	d.Set(forms.Path(x.def.Blocks[x.grid], x.field, 0), "qinxiaolan@example.cn")
	d.Set("reflection", "第一段反思写在这里。\n第二段反思也在。")
	d.Set("awards[1].year", "2023")
	d.Set("awards[1].award", "柳州市优秀班主任")
	d.Set("awards[1].by", "柳州市教育局")
	return d
}

// want is what the outputs print, in order: the grid block's last labelled field before the
// new one, the new field and its value, the table before the new blocks, the new blocks and
// what they hold, and the block after them.
func (x extension) want() []string {
	var last string
	for _, f := range x.def.Blocks[x.grid].Fields {
		if f.Key != x.field.Key && f.LabelMM > 0 && f.Kind != forms.Picture {
			last = f.Label // the fields are in printed order: the last one ends the last row
		}
	}
	w := []string{last, x.field.Label, "qinxiaolan@example.cn",
		x.before.Label, "获奖情况", "年份", "奖项名称", "颁发单位", "2023", "柳州市优秀班主任", "柳州市教育局",
		"个人反思", "第一段反思写在这里。", "第二段反思也在。"}
	if x.after != nil {
		w = append(w, x.after.Label)
	}
	return w
}

// The new field, text block and table reach the preview's model, the PDF and the .docx, in
// the form's order, and nothing panics: every form, extended where it has room.
func TestExtendedForm(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		t.Run(def.ID, func(t *testing.T) { checkExtendedForm(t, extendedForm(t, def)) })
	}
}

func checkExtendedForm(t *testing.T, x extension) {
	d := x.draft()
	want := x.want()

	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var model strings.Builder
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox {
				model.WriteString(b.Text)
			}
		}
	}
	if miss := inOrder(model.String(), want); miss != "" {
		t.Errorf("layout model lacks %q or has it out of order", miss)
	}

	var doc bytes.Buffer
	if err := docx.Write(&doc, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	if miss := inOrder(docxText(t, doc.Bytes()), want); miss != "" {
		t.Errorf(".docx lacks %q or has it out of order", miss)
	}

	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed: the PDF's text is not read back")
	}
	file := filepath.Join(t.TempDir(), "form.pdf")
	var out bytes.Buffer
	if err := pdf.Write(&out, pages, pdf.Info{Title: d.Form().Title}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text, err := exec.Command("pdftotext", "-raw", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if miss := inOrder(string(text), want); miss != "" {
		t.Errorf("PDF lacks %q or has it out of order", miss)
	}
}

// A row of the form that does not add up to the table's width is refused with its block
// named, by the layout and the .docx writer alike, rather than printed off the page.
func TestExtendedFormTooWide(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		x := extendedForm(t, def)
		blocks := x.def.Blocks
		grid := blocks[x.grid]
		grid.Fields = append([]forms.Field(nil), grid.Fields...)
		grid.Fields[len(grid.Fields)-1].ValueMM += 10 // the new row
		blocks = append([]forms.Block(nil), blocks...)
		blocks[x.grid] = grid
		wide := forms.Sample(def.WithBlocks(blocks))
		if _, err := render.Layout(wide, render.Options{}); err == nil || !strings.Contains(err.Error(), grid.Name()) {
			t.Errorf("%s: layout: %v", def.ID, err)
		}
		if err := docx.Write(io.Discard, wide, docx.Options{}); err == nil {
			t.Errorf("%s: docx written from a form whose row is too wide", def.ID)
		}
	}
}

// docxText is the text of word/document.xml, tags dropped.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "word/document.xml" {
			continue
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		raw, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		var sb strings.Builder
		in := false
		for _, c := range string(raw) {
			switch {
			case c == '<':
				in = true
			case c == '>':
				in = false
			case !in:
				sb.WriteRune(c)
			}
		}
		return sb.String()
	}
	t.Fatal("no word/document.xml")
	return ""
}

// inOrder finds each piece after the previous one, white space ignored; it returns the first
// piece not found.
func inOrder(text string, pieces []string) string {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	text = squeeze(text)
	at := 0
	for _, p := range pieces {
		i := strings.Index(text[at:], squeeze(p))
		if i < 0 {
			return p
		}
		at += i + len(squeeze(p))
	}
	return ""
}
