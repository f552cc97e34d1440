package export

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/docx"
	"shenbao/render/pdf"
)

// extendedForm is a copy of the form as a new engineer would extend it: a host field in a
// row of its own (邮箱), a long-text block and a table block of three columns. Each is one
// change to the copy; nothing in render knows them.
func extendedForm() []forms.Block {
	form := make([]forms.Block, 0, len(forms.Default().Blocks)+2)
	for _, b := range forms.Default().Blocks {
		b.Fields = append([]forms.Field(nil), b.Fields...)
		form = append(form, b)
	}
	form[0].Fields = append(form[0].Fields, forms.Field{Key: "email", Label: "电子邮箱", Kind: forms.Text,
		Row: 4, LabelMM: 15.5, ValueMM: forms.TextMM - 15.5})
	text := forms.Block{Key: "reflection", Label: "个人反思", Kind: forms.TextBlock, LabelMM: 15.5,
		Fields: []forms.Field{{Label: "个人反思", Kind: forms.LongText}}}
	table := forms.Block{Key: "awards", Label: "获奖情况", Kind: forms.TableBlock, Rows: 2, LabelMM: 11.3,
		Fields: []forms.Field{
			{Key: "year", Label: "年份", Kind: forms.Text, ValueMM: 20},
			{Key: "award", Label: "奖项名称", Kind: forms.Text, ValueMM: 80},
			{Key: "by", Label: "颁发单位", Kind: forms.Text, ValueMM: forms.TextMM - 11.3 - 100},
		}}
	// after the members' table: the new blocks print between it and 业绩
	return append(form[:3], append([]forms.Block{table, text}, form[3:]...)...)
}

func extendedDraft(form []forms.Block) *forms.Draft {
	d := forms.Sample(forms.Default().WithBlocks(form))
	d.Set("host.email", "qinxiaolan@example.cn")
	d.Set("reflection", "第一段反思写在这里。\n第二段反思也在。")
	d.Set("awards[1].year", "2023")
	d.Set("awards[1].award", "柳州市优秀班主任")
	d.Set("awards[1].by", "柳州市教育局")
	return d
}

// The new field, text block and table reach the preview's model, the PDF and the .docx, in
// the form's order, and nothing panics.
func TestExtendedForm(t *testing.T) {
	form := extendedForm()
	d := extendedDraft(form)
	want := []string{"主持人", "联系电话", "工作单位", "电子邮箱", "qinxiaolan@example.cn",
		"工作室成员基本情况", "获奖情况", "年份", "奖项名称", "颁发单位", "2023", "柳州市优秀班主任", "柳州市教育局",
		"个人反思", "第一段反思写在这里。", "第二段反思也在。", "主持人近5年从事班主任工作方面的主要业绩及成果"}

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
	form := extendedForm()
	form[0].Fields[len(form[0].Fields)-1].ValueMM += 10
	wide := forms.Sample(forms.Default().WithBlocks(form))
	if _, err := render.Layout(wide, render.Options{}); err == nil || !strings.Contains(err.Error(), "主持人") {
		t.Errorf("layout: %v", err)
	}
	if err := docx.Write(io.Discard, wide, docx.Options{}); err == nil {
		t.Error("docx written from a form whose row is too wide")
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
