package formimport

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shenbao/forms"
)

// The fixtures are made by testdata/make.sh: the 名班主任 form's blank draft exported by
// shenbao, a clerk's Word file of the same form made with python-docx (its own grid, 15.6 cm
// wide), each saved again by LibreOffice, the clerk's file with its merges written the older
// way (WPS, Word 2003), and three documents that are not forms.

var (
	mbzrTemplates = []string{"mbzr-ours.docx", "mbzr-ours-lo.docx", "mbzr-python-docx.docx",
		"mbzr-python-docx-lo.docx", "mbzr-wps.docx"}
	jxzcTemplates = []string{"jxzc-ours.docx", "jxzc-ours-lo.docx", "jxzc-wps.docx"}
	// Other bureaus' forms, each made as a different clerk makes it (bureau.py): no
	// hand-written definition to match, but they must print like themselves and read back.
	bureauTemplates = []string{"bureau-mszs.docx", "bureau-mxz.docx", "bureau-yxjs.docx", "bureau-zcps.docx"}
)

// wrongGuesses is what the templates cannot say and the import takes otherwise than the
// hand-written definition, by form, block and field key there: the test holds these and
// only these, and each is told as a guess.
var wrongGuesses = map[string]string{
	// The template prints an empty cell; the notice's list of six counties is not in it.
	"liuzhou-mbzr-2024/host.pairedCounty": "kind",
	// The 字数 limits come from the notice; the template's cells say none.
	"jiangxi-zcps-2017/tasks":    "max_words",
	"jiangxi-zcps-2017/teaching": "max_words",
	"jiangxi-zcps-2017/research": "max_words",
	"jiangxi-zcps-2017/leading":  "max_words",
}

func importFile(t *testing.T, name string) *Result {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Import(data, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return res
}

// Each blank template of the 名班主任 form imports to the hand-written definition: block for
// block, label for label (compared without spaces and line breaks; the definition's own line
// breaks kept), kind for kind, widths within 0.5 mm, rows, spans, hints, 字数 limits, seals.
func TestImportShipped(t *testing.T) {
	for id, templates := range map[string][]string{"liuzhou-mbzr-2024": mbzrTemplates, "jiangxi-zcps-2017": jxzcTemplates} {
		want, ok := forms.ShippedByID(id)
		if !ok {
			t.Fatalf("no shipped form %s", id)
		}
		for _, name := range templates {
			t.Run(name, func(t *testing.T) {
				res := importFile(t, name)
				compare(t, res, want)
			})
		}
	}
}

func compare(t *testing.T, res *Result, want *forms.Definition) {
	got := res.Definition
	if got.Title != want.Title {
		t.Errorf("title %q, want %q", got.Title, want.Title)
	}
	if len(got.Blocks) != len(want.Blocks) {
		t.Fatalf("%d blocks, want %d: %v", len(got.Blocks), len(want.Blocks), blockNames(got))
	}
	for i, wb := range want.Blocks {
		gb := got.Blocks[i]
		where := wb.Name()
		// A grid's block label is not printed: the import names it as it can.
		printed := !(wb.Kind == forms.FieldsBlock && wb.Grid())
		if gb.Kind != wb.Kind || printed && (flat(gb.Label) != flat(wb.Label) || !breaksKept(wb.Label, gb.Label)) {
			t.Errorf("block %d: %v %q, want %v %q", i+1, gb.Kind, gb.Label, wb.Kind, wb.Label)
			continue
		}
		if !near(gb.LabelMM, wb.LabelMM) || gb.Rows != wb.Rows || gb.Hint != wb.Hint || gb.Sub != wb.Sub ||
			gb.Seal != wb.Seal || gb.SealNeeded != wb.SealNeeded || gb.LeaveBlank != wb.LeaveBlank || gb.PageBreak != wb.PageBreak ||
			flat(gb.Text) != flat(wb.Text) || gb.Sign != wb.Sign {
			t.Errorf("%s: label_mm %g rows %d hint %q sub %q seal %q/%v leave_blank %v page_break %v sign %q; want %g %d %q %q %q/%v %v %v %q", where,
				gb.LabelMM, gb.Rows, gb.Hint, gb.Sub, gb.Seal, gb.SealNeeded, gb.LeaveBlank, gb.PageBreak, gb.Sign,
				wb.LabelMM, wb.Rows, wb.Hint, wb.Sub, wb.Seal, wb.SealNeeded, wb.LeaveBlank, wb.PageBreak, wb.Sign)
		}
		if flat(gb.Text) != flat(wb.Text) {
			t.Errorf("%s: text %q, want %q", where, short(gb.Text), short(wb.Text))
		}
		if len(gb.Fields) != len(wb.Fields) {
			t.Errorf("%s: %d fields, want %d", where, len(gb.Fields), len(wb.Fields))
			continue
		}
		for j, wf := range wb.Fields {
			gf := gb.Fields[j]
			fwhere := where + "." + wf.Name()
			if flat(gf.Label) != flat(wf.Label) || !breaksKept(wf.Label, gf.Label) {
				t.Errorf("%s: label %q, want %q", fwhere, gf.Label, wf.Label)
			}
			path := want.ID + "/" + wb.Key
			if wf.Key != "" {
				path += "." + wf.Key
			}
			kindOK := gf.Kind == wf.Kind && reflect.DeepEqual(gf.Choices, wf.Choices)
			if wrongGuesses[path] == "max_words" {
				if gf.MaxWords == wf.MaxWords {
					t.Errorf("%s: now guessed right (max_words %d): take it out of wrongGuesses", fwhere, gf.MaxWords)
				}
				if !told(res, wf.Label) {
					t.Errorf("%s: the wrong guess is not told: %v", fwhere, res.Notes)
				}
				gf.MaxWords = wf.MaxWords
			}
			if wrongGuesses[path] == "kind" {
				if kindOK {
					t.Errorf("%s: now guessed right (%v): take it out of wrongGuesses", fwhere, gf.Kind)
				}
				if !told(res, wf.Label) {
					t.Errorf("%s: the wrong guess is not told: %v", fwhere, res.Notes)
				}
			} else if !kindOK {
				t.Errorf("%s: kind %v %v, want %v %v", fwhere, gf.Kind, gf.Choices, wf.Kind, wf.Choices)
			}
			if flat(gf.Group) != flat(wf.Group) || gf.GroupSpan != wf.GroupSpan || !near(gf.GroupMM, wf.GroupMM) {
				t.Errorf("%s: group %q over %d rows %g mm; want %q %d %g", fwhere, gf.Group, gf.GroupSpan, gf.GroupMM, wf.Group, wf.GroupSpan, wf.GroupMM)
			}
			if gf.Row != wf.Row || !near(gf.LabelMM, wf.LabelMM) || !near(gf.ValueMM, wf.ValueMM) ||
				gf.RowSpan != wf.RowSpan || gf.MaxWords != wf.MaxWords {
				t.Errorf("%s: row %d label_mm %g value_mm %g row_span %d max_words %d; want %d %g %g %d %d", fwhere,
					gf.Row, gf.LabelMM, gf.ValueMM, gf.RowSpan, gf.MaxWords, wf.Row, wf.LabelMM, wf.ValueMM, wf.RowSpan, wf.MaxWords)
			}
		}
	}
	for _, r := range []forms.Role{forms.RoleApplicantName, forms.RoleApplicantUnit, forms.RoleApplicantPhone} {
		_, gf, ok1 := got.RoleField(r)
		_, wf, ok2 := want.RoleField(r)
		if ok1 != ok2 || flat(gf.Label) != flat(wf.Label) {
			t.Errorf("role %s: %q, want %q", r, gf.Label, wf.Label)
		}
	}
	// Every guess it is unsure of is in the file as a comment too.
	text := string(res.TOML)
	for _, n := range res.Notes {
		if !strings.Contains(text, n.String()) {
			t.Errorf("note %q is not in the file", n)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) <= 0.5 }

// breaksKept: every line break of want (the definition's label) is one of got's, at the same
// place among the characters: the template printed 主持人 / 姓名 so.
func breaksKept(want, got string) bool {
	at := func(s string) map[int]bool {
		m, n := map[int]bool{}, 0
		for _, r := range s {
			switch {
			case r == '\n':
				m[n] = true
			case r != ' ' && r != '\u3000':
				n++
			}
		}
		return m
	}
	g := at(got)
	for k := range at(want) {
		if !g[k] {
			return false
		}
	}
	return true
}

func told(res *Result, label string) bool {
	for _, n := range res.Notes {
		if strings.Contains(flat(n.Text), flat(label)) {
			return true
		}
	}
	return false
}

func blockNames(d *forms.Definition) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Kind.String()+":"+b.Name())
	}
	return out
}

// The clerk's template keeps its labels as typed: the spaces it pads them with, its breaks.
func TestLabelsAsPrinted(t *testing.T) {
	res := importFile(t, "mbzr-python-docx.docx")
	host := res.Definition.Blocks[0]
	for key, want := range map[string]string{"name": "主持人\n姓名", "gender": "性  别", "title": "职  称",
		"years": "从事班主任工作年限", "photo": "近期\n1寸照片"} {
		if got := host.Field(key).Label; got != want {
			t.Errorf("%s: label %q, want %q", key, got, want)
		}
	}
	// The clerk's table is 156 mm wide: scaled, and said so in the file.
	if !strings.Contains(string(res.TOML), "模板的表格宽 156 毫米") || len(res.Template) == 0 {
		t.Errorf("the scaling is not said: %v", res.Template)
	}
	// Importing again gives the same file.
	if again := importFile(t, "mbzr-python-docx.docx"); string(again.TOML) != string(res.TOML) {
		t.Error("a second import differs")
	}
}

// A document that is not a form is told apart, in a sentence that says what it is.
func TestNotForms(t *testing.T) {
	for name, words := range map[string]string{
		"letter.docx":  "没有表格",
		"empty.docx":   "是空的",
		"figures.docx": "数字表",
		// 序号 | 学校 | 名额 | 备注 with every row written in: a list, though 备注 is mostly empty
		"notice.docx": "名单或统计表",
		// a letter's head laid out in a table: every cell written
		"letter-table.docx": "几乎没有空白",
	} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		_, err = Import(data, name)
		if !errors.Is(err, ErrNotForm) || !strings.Contains(Message(err), words) {
			t.Errorf("%s: %v, want a NotFormError saying %s", name, err, words)
		}
	}
	for name, data := range map[string][]byte{
		"not a zip":      []byte("hello"),
		"a Word 97 file": []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
	} {
		if _, err := Import(data, "x.docx"); err == nil || errors.Is(err, ErrNotForm) || Message(err) == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A row of labels over a row of their empty cells (姓名 above its blank, the photo beside them)
// is a grid of fields printed the same way: each label above its value cell, as wide; the
// photo over the four rows of the two pairs; not fields named 姓名性别出生年月 nor a table of
// one row.
func TestLabelsAboveValues(t *testing.T) {
	res := importFile(t, "bureau-mxz.docx")
	b := res.Definition.Blocks[0]
	var labels []string
	for _, f := range b.Fields {
		labels = append(labels, fmt.Sprintf("%s@%d", flat(f.Label), f.Row))
		if f.Kind != forms.Picture && !f.LabelAbove {
			t.Errorf("%s: not printed above its value", f.Label)
		}
		if f.Kind == forms.Picture && f.RowSpan != 4 {
			t.Errorf("photo spans %d rows, want 4", f.RowSpan)
		}
	}
	want := "姓名@0 性别@0 出生年月@0 政治面貌@0 职务@0 照片@0 学校名称@2 担任校长年限@2 联系电话@2"
	if got := strings.Join(labels, " "); got != want {
		t.Errorf("fields %s, want %s", got, want)
	}
	if p := res.Definition.RolePath(forms.RoleApplicantName); p != b.Key+".name" {
		t.Errorf("applicant's name is %s", p)
	}
}
