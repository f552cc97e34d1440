package roster

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// build makes a workbook in memory the way a test describes it.
func build(t testing.TB, fn func(f *excelize.File)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fn(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// put writes one row from column A; nil leaves a cell empty. Strings become text cells,
// numbers number cells, as Excel stores what people type.
func put(f *excelize.File, sheet string, line int, vals ...any) {
	for i, v := range vals {
		if v == nil {
			continue
		}
		if err := f.SetCellValue(sheet, workbook.Cell(i+1, line), v); err != nil {
			panic(err)
		}
	}
}

// numFmt gives a cell a built-in (id) or custom (code) number format.
func numFmt(f *excelize.File, sheet, ref string, id int, code string) {
	st := &excelize.Style{NumFmt: id}
	if code != "" {
		st = &excelize.Style{CustomNumFmt: &code}
	}
	s, err := f.NewStyle(st)
	if err != nil {
		panic(err)
	}
	if err := f.SetCellStyle(sheet, ref, ref, s); err != nil {
		panic(err)
	}
}

func mustBlock(t testing.TB, key string) forms.Block {
	t.Helper()
	b, ok := forms.Default().Block(key)
	if !ok {
		t.Fatalf("no block %s", key)
	}
	return b
}

// The simulated lists are built from the definition, so that a column added to a table (a
// 学段 between 研究方向 and 手机号码) changes the lists with the form and no test: a list copied
// from the printed form has 序号, then the table's column labels in that table's own order.

// headerOf is a table's printed header, as a user's list copied from the form has it.
func headerOf(b forms.Block) []any {
	h := []any{"序号"}
	for _, f := range b.Fields {
		h = append(h, f.Name())
	}
	return h
}

// row puts a person under headerOf(b): the 序号, then each column's value by key; nil (an
// empty cell) where the person has none.
func row(b forms.Block, seq any, p map[string]string) []any {
	r := []any{seq}
	for _, f := range b.Fields {
		if v, ok := p[f.Key]; ok {
			r = append(r, v)
		} else {
			r = append(r, nil)
		}
	}
	return r
}

// at is the index in headerOf(b) and row(b, …) of the column of field key.
func at(t testing.TB, b forms.Block, key string) int {
	t.Helper()
	for i, f := range b.Fields {
		if f.Key == key {
			return i + 1
		}
	}
	t.Fatalf("%s has no column %s", b.Key, key)
	return 0
}

// col is the sheet column letter of field key under headerOf(b).
func col(t testing.TB, b forms.Block, key string) string { return workbook.Col(at(t, b, key) + 1) }

// lastCol is the letter of the last column of headerOf(b).
func lastCol(b forms.Block) string { return workbook.Col(len(b.Fields) + 1) }

// missing is the 提醒 a list gets on its header line for the table's columns it leaves out
// (those of b not among listed), in the table's order; none when it has them all.
func missing(b forms.Block, sheet string, line int, listed ...string) []want {
	var names []string
	for _, f := range b.Fields {
		if !slices.Contains(listed, f.Key) {
			names = append(names, "“"+f.Name()+"”")
		}
	}
	if len(names) == 0 {
		return nil
	}
	return []want{{W, sheet, line, "名单中没有" + strings.Join(names, "") + "栏目"}}
}

// person is a row's values by field key; the arguments are in no table's order, only named.
func person(name, gender, birth, unit, title, post, research, mobile string) map[string]string {
	m := map[string]string{}
	for k, v := range map[string]string{"name": name, "gender": gender, "birth": birth, "unit": unit,
		"title": title, "post": post, "research": research, "mobile": mobile} {
		if v != "" {
			m[k] = v
		}
	}
	return m
}

// zipOf is a zip file holding one file.
func zipOf(t *testing.T, name, content string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, err := z.Create(name)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(content))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
