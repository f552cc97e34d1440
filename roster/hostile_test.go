package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// hostileOut, when set, makes TestHostileWorkbooks write its workbooks there for
// tools/measure-hostile.sh.
var hostileOut = flag.String("hostile-out", "", "write the hostile workbooks to this folder")

// patchPart rewrites one part of a workbook; the others are copied as they are.
func patchPart(t testing.TB, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(r)
		r.Close()
		if f.Name == name {
			content = []byte(edit(string(content)))
		}
		out, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(content)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// memberList is a small valid list on a sheet named 工作室成员, rows 1–3.
func memberList(t testing.TB) []byte {
	mem := mustBlock(t, "members")
	return build(t, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "工作室成员")
		put(f, "工作室成员", 1, headerOf(mem)...)
		put(f, "工作室成员", 2, row(mem, 1, wang)...)
		put(f, "工作室成员", 3, row(mem, 2, li)...)
	})
}

// withMerges adds merged ranges to the first worksheet.
func withMerges(t testing.TB, data []byte, refs ...string) []byte {
	return patchPart(t, data, "xl/worksheets/sheet1.xml", func(s string) string {
		var m strings.Builder
		fmt.Fprintf(&m, `<mergeCells count="%d">`, len(refs))
		for _, r := range refs {
			fmt.Fprintf(&m, `<mergeCell ref="%s"/>`, r)
		}
		m.WriteString("</mergeCells>")
		return strings.Replace(s, "</sheetData>", "</sheetData>"+m.String(), 1)
	})
}

// withRows appends rows to the first worksheet's data, numbered from `from`.
func withRows(t testing.TB, data []byte, from, n int) []byte {
	return patchPart(t, data, "xl/worksheets/sheet1.xml", func(s string) string {
		var b strings.Builder
		for r := from; r < from+n; r++ {
			fmt.Fprintf(&b, `<row r="%d"><c r="B%d" t="inlineStr"><is><t>某%d</t></is></c></row>`, r, r, r)
		}
		return strings.Replace(s, "</sheetData>", b.String()+"</sheetData>", 1)
	})
}

func TestHostileWorkbooks(t *testing.T) {
	var many []string
	for i := range 5000 {
		many = append(many, fmt.Sprintf("K%d:L%d", 2*i+10, 2*i+10))
	}
	for _, tc := range []struct {
		name string
		data func(t testing.TB) []byte
		err  error
		has  string // a problem's text, when the workbook is read
	}{
		{"merged-to-last-row.xlsx", func(t testing.TB) []byte {
			// down a column of the list, and beside it over two columns right of the form's
			mem := mustBlock(t, "members")
			unit, beyond := col(t, mem, "unit"), len(mem.Fields)+3
			return withMerges(t, memberList(t), unit+"3:"+unit+"1048576", workbook.Col(beyond)+"1:"+workbook.Col(beyond+1)+"1048576")
		}, nil, ""},
		{"merges-5000.xlsx", func(t testing.TB) []byte { return withMerges(t, memberList(t), many...) }, ErrTooManyMerges, ""},
		{"million-rows.xlsx", func(t testing.TB) []byte {
			n := 200_000 // 12 MB of sheet: enough to be refused; the measured file has a million
			if *hostileOut != "" {
				n = 1_000_000
			}
			return withRows(t, memberList(t), 4, n)
		}, ErrWorkbookTooLarge, ""},
		{"rows-past-1000.xlsx", func(t testing.TB) []byte { return withRows(t, memberList(t), 1500, 5) }, nil, "超过1000行"},
		{"cell-25mb.xlsx", func(t testing.TB) []byte {
			return build(t, func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				mem := mustBlock(t, "members")
				put(f, "工作室成员", 1, headerOf(mem)...)
				p := maps.Clone(wang)
				p["research"] = strings.Repeat("研", 30000) // a cell holds at most 32 767
				put(f, "工作室成员", 2, row(mem, 1, p)...)
			})
		}, nil, "超过了200个字符"},
		{"far-columns.xlsx", func(t testing.TB) []byte {
			return patchPart(t, memberList(t), "xl/worksheets/sheet1.xml", func(s string) string {
				var b strings.Builder // 200 rows reaching column XFD: 3.3 million cells from 9 KB
				for r := 4; r < 204; r++ {
					fmt.Fprintf(&b, `<row r="%d"><c r="XFD%d"><v>1</v></c></row>`, r, r)
				}
				return strings.Replace(s, "</sheetData>", b.String()+"</sheetData>", 1)
			})
		}, ErrTooManyCells, ""},
		{"last-row-only.xlsx", func(t testing.TB) []byte { return withRows(t, memberList(t), 1048576, 1) }, nil, "超过1000行"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data(t)
			if *hostileOut != "" {
				if err := os.WriteFile(filepath.Join(*hostileOut, tc.name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			tmp := t.TempDir()
			t.Setenv("TMPDIR", tmp)
			r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(data), "")
			if tc.err != nil {
				if !errors.Is(err, tc.err) || !strings.Contains(Message(err), "请") {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tc.has != "" && !hasProblem(ps, tc.has) {
				t.Errorf("no problem says %q: %v", tc.has, ps)
			}
			if tc.has == "" && len(r.Tables["members"]) != 2 {
				t.Errorf("members: %v; problems %v", r.Tables, ps)
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				t.Errorf("left in the temporary folder: %v", left)
			}
		})
	}
}

func hasProblem(ps []Problem, has string) bool {
	for _, p := range ps {
		if strings.Contains(p.Message, has) {
			return true
		}
	}
	return false
}
