package summary

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/workbook"
	"shenbao/workbook/workbooktest"
)

// summaryFolder writes a folder of good, bad and empty files, and files to pass over.
func summaryFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	n := 0
	draft := func(rel string, values map[string]string) {
		n++
		d := forms.Sample(forms.Default())
		// Each applicant's members their own: the same person in two studios is a 提醒
		// (TestSummaryOfWhatSchoolsSend).
		for r := 1; r <= 5 && rel != "覃晓岚.json"; r++ {
			d.Set(fmt.Sprintf("members[%d].mobile", r), fmt.Sprintf("139%02d%06d", n, r))
		}
		for k, v := range values {
			d.Set(k, v)
		}
		path := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := d.Save(path); err != nil {
			t.Fatal(err)
		}
	}
	raw := func(rel, content string) {
		path := filepath.Join(dir, rel)
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	draft("覃晓岚.json", nil) // 融水苗族自治县, 柳州市第二十九中学
	draft("b.json", map[string]string{"host.name": "甲", "host.unit": "柳州市第一中学", "host.pairedCounty": "柳城县", "host.years": "8"})
	draft(filepath.Join("柳城", "c.JSON"), map[string]string{"host.name": "乙", "host.unit": "柳城县实验中学", "host.pairedCounty": "柳城县"})
	draft("d.json", map[string]string{"host.name": "丙", "host.unit": "柳州市第三中学", "host.pairedCounty": "", "host.years": "三年",
		"members[4].name": "", "members[5].name": "", "members[4].gender": "", "members[5].gender": "",
		"members[4].birth": "", "members[5].birth": "", "members[4].unit": "", "members[5].unit": "",
		"members[4].title": "", "members[5].title": "", "members[4].post": "", "members[5].post": "",
		"members[4].research": "", "members[5].research": "", "members[4].mobile": "", "members[5].mobile": ""})
	draft("e.json", map[string]string{"host.name": "丁", "host.unit": "柳州市第四中学", "host.pairedCounty": "柳州市", "plan": "你好 world"})
	d := forms.Sample(forms.Default())
	raw("bad.json", string(d.Marshal()[:200]))
	raw("notdraft.json", `{"name": "package"}`)
	raw("empty.json", "")
	raw(filepath.Join("子", "later.json"), `{"format": "liuzhou-mbzr-shenbao", "version": 2}`)
	// Passed over: backups, hidden and temporary files, the autosave, other files.
	raw("b.json.bak", "x")
	raw(".b.json.123.tmp", "x")
	raw("._b.json", "x")
	raw(filepath.Join(".git", "x.json"), "x")
	raw("autosave.json", "x")
	raw(filepath.Join("autosave", "session-1.json"), "x")
	raw("session-2.json", `{"kind": "shenbao-autosave", "path": "", "draft": {}}`)
	raw("说明.txt", "x")
	return dir
}

func summaryOf(t *testing.T, dir string) (*excelize.File, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := Summary(&buf, dir)
	if err != nil {
		t.Fatal(err)
	}
	return workbooktest.Open(t, buf.Bytes()), st
}

func checkCounts(t *testing.T, path string) (errs, warns int) {
	t.Helper()
	d, err := forms.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range forms.Check(d, photo.StoredSize) {
		if f.Severity == forms.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

func TestSummary(t *testing.T) {
	dir := summaryFolder(t)
	f, st := summaryOf(t, dir)
	if st != (Stats{Drafts: 5, WithErrors: 2, Unreadable: 4, Files: 5}) {
		t.Errorf("stats %+v", st)
	}
	if got := strings.Join(f.GetSheetList(), ","); got != "申报汇总,检查结果,县区统计,无法读取,扫描件" {
		t.Fatalf("sheets %s", got)
	}
	want := summaryWant(t, dir)
	checkSheet(t, f, SummarySheet, want)
	// Numbers are number cells, so that they sort and add up; the odd 年限 stays text.
	for ref, want := range map[string]excelize.CellType{"E3": excelize.CellTypeUnset, "E6": excelize.CellTypeSharedString, "I2": excelize.CellTypeUnset, "K2": excelize.CellTypeUnset, "H2": excelize.CellTypeSharedString} {
		if typ, _ := f.GetCellType(SummarySheet, ref); typ != want {
			t.Errorf("%s is of type %v, want %v", ref, typ, want)
		}
	}
	checkShaded(t, f, []bool{false, false, false, true, true})
	workbooktest.Frozen(t, f, SummarySheet, 1)
	workbooktest.HeaderStyle(t, f, SummarySheet, 1, 16)
	checkAutoFilter(t, f, "A1:P6")
	if dim, _ := f.GetSheetDimension(SummarySheet); dim != "A1:P6" {
		t.Errorf("used range %s", dim)
	}

	checkSheet(t, f, CountySheet, countyWant)
	checkSheet(t, f, UnreadableSheet, unreadableWant())
}

// summaryWant is the 申报汇总 sheet of summaryFolder, cell by cell.
func summaryWant(t *testing.T, dir string) [][]string {
	t.Helper()
	counts := map[string][2]int{}
	for _, rel := range []string{"覃晓岚.json", "b.json", filepath.Join("柳城", "c.JSON"), "d.json", "e.json"} {
		e, w := checkCounts(t, filepath.Join(dir, rel))
		counts[rel] = [2]int{e, w}
	}
	cnt := func(rel string, i int) string { return fmt.Sprint(counts[rel][i]) }
	row := func(name, unit, years, county, members, words, rel string) []string {
		return []string{name, unit, "中学高级教师", "德育处副主任", years, "是", county, "13877215630", "2", members, words, cnt(rel, 0), cnt(rel, 1), rel, "", ""}
	}
	sampleWords := fmt.Sprint(forms.CountWords(forms.Sample(forms.Default()).Get("plan")))
	want := [][]string{
		{"姓名", "工作单位", "职称", "职务", "从事班主任工作年限", "是否党员", "结对帮扶县区", "联系电话", "指导老师数", "成员数", "规划字数", "错误数", "提醒数", "文件", "文件间不一致", "跨工作室提醒"},
		// 柳城县 first (the notice's order), its units by pinyin: 柳城 (liu cheng) before 柳州 (liu zhou).
		row("乙", "柳城县实验中学", "16", "柳城县", "5", sampleWords, filepath.Join("柳城", "c.JSON")),
		row("甲", "柳州市第一中学", "8", "柳城县", "5", sampleWords, "b.json"),
		row("覃晓岚", "柳州市第二十九中学", "16", "融水苗族自治县", "5", sampleWords, "覃晓岚.json"),
		row("丁", "柳州市第四中学", "16", "柳州市", "5", "3", "e.json"),      // 其他
		row("丙", "柳州市第三中学", "三年", "", "3", sampleWords, "d.json"), // 未填写 last
	}
	if counts["d.json"][0] == 0 || counts["e.json"][0] == 0 || counts["b.json"][0] != 0 {
		t.Fatalf("the fixture's errors are not as meant: %v", counts)
	}
	return want
}

var countyWant = [][]string{
	{"结对帮扶县区", "申报数", "其中有错误"},
	{"柳城县", "2", "0"}, {"鹿寨县", "0", "0"}, {"融安县", "0", "0"}, {"融水苗族自治县", "1", "0"},
	{"三江侗族自治县", "0", "0"}, {"柳江区", "0", "0"}, {"其他", "1", "1"}, {"未填写", "1", "1"}, {"合计", "5", "2"},
}

func unreadableWant() [][]string {
	return [][]string{
		{"文件", "原因"},
		{"bad.json", forms.ErrTruncated.Error()},
		{"empty.json", forms.ErrNotDraft.Error()},
		{"notdraft.json", forms.ErrNotDraft.Error()},
		{filepath.Join("子", "later.json"), (&forms.LaterVersionError{Title: forms.Default().Title, Have: forms.Default().Version, Want: 2}).Error()},
	}
}

// An empty folder gives the three sheets, every county at 0.
func TestSummaryEmptyFolder(t *testing.T) {
	f, st := summaryOf(t, t.TempDir())
	if st != (Stats{}) {
		t.Errorf("stats %+v", st)
	}
	rows, _ := f.GetRows(CountySheet)
	if len(rows) != len(forms.Default().Counties())+2 || rows[len(rows)-1][1] != "0" {
		t.Errorf("county sheet %v", rows)
	}
	if rows, _ := f.GetRows(SummarySheet); len(rows) != 1 {
		t.Errorf("summary sheet %v", rows)
	}
}

func TestSummaryNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a.json")
	os.WriteFile(file, []byte("{}"), 0o600)
	var buf bytes.Buffer
	if _, err := Summary(&buf, file); !errors.Is(err, ErrNotFolder) {
		t.Errorf("a file: %v", err)
	}
	if _, err := Summary(&buf, filepath.Join(t.TempDir(), "none")); !errors.Is(err, os.ErrNotExist) || !strings.Contains(Message(err), "找不到") {
		t.Errorf("a missing folder: %v (%s)", err, Message(err))
	}
}

func checkSheet(t *testing.T, f *excelize.File, sheet string, want [][]string) {
	t.Helper()
	got, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows, want %d:\n%q", sheet, len(got), len(want), got)
	}
	for r := 0; r < min(len(got), len(want)); r++ {
		for c := 0; c < max(len(got[r]), len(want[r])); c++ {
			var g, w string
			if c < len(got[r]) {
				g = got[r][c]
			}
			if c < len(want[r]) {
				w = want[r][c]
			}
			if g != w {
				t.Errorf("%s!%s = %q, want %q", sheet, workbook.Cell(c+1, r+1), g, w)
			}
		}
	}
}

// checkShaded: rows of drafts with 错误 are filled, the others not, across every column.
func checkShaded(t *testing.T, f *excelize.File, shaded []bool) {
	t.Helper()
	for i, want := range shaded {
		for c := 1; c <= 14; c++ {
			id, _ := f.GetCellStyle(SummarySheet, workbook.Cell(c, i+2))
			st, _ := f.GetStyle(id)
			got := st != nil && len(st.Fill.Color) > 0
			if got != want {
				t.Errorf("%s shaded %v, want %v", workbook.Cell(c, i+2), got, want)
				break
			}
		}
	}
}

func checkAutoFilter(t *testing.T, f *excelize.File, ref string) {
	t.Helper()
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" && strings.HasSuffix(strings.ReplaceAll(dn.RefersTo, "$", ""), "!"+ref) {
			return
		}
	}
	t.Errorf("no autofilter on %s: %+v", ref, f.GetDefinedName())
}
