package roster

import (
	"archive/zip"
	"bytes"
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

func mustBlock(t *testing.T, key string) forms.Block {
	t.Helper()
	b, ok := forms.Default().Block(key)
	if !ok {
		t.Fatalf("no block %s", key)
	}
	return b
}

// memberHeader and adviserHeader are the tables' printed headers, as a user's list has them.
var (
	memberHeader  = []any{"序号", "姓名", "性别", "出生年月", "所在单位", "职称", "职务", "研究方向", "手机号码"}
	adviserHeader = []any{"序号", "姓名", "性别", "出生年月", "所在单位", "职务", "职称", "研究方向", "手机号码"}
)

// person is a row's values by field key, in the members' column order.
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
