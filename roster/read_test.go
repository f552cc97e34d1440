package roster

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// want is an expected problem: its severity, sheet, row and a piece of its message.
type want struct {
	sev   forms.Severity
	sheet string
	line  int
	has   string
}

const (
	E = forms.Error
	W = forms.Warning
)

var (
	wang  = person("王芳", "女", "1985.03", "柳州市第一中学", "中学一级教师", "班主任", "班级管理", "13812345678")
	li    = person("李强", "男", "1979.10", "柳州市第二中学", "中学高级教师", "年级组长", "家校共育", "15977206318")
	zhang = person("张伟", "男", "1990.12", "柳州市第三中学", "中学二级教师", "班主任", "心理健康", "18269351027")
)

// excess is the 错误 on each row of a list of n people beyond the rows the table holds, the
// people named by name(i) (i from 1), the list's first person on line first.
func excess(b forms.Block, sheet string, first, n int, name func(i int) string) []want {
	var w []want
	for i := b.Rows + 1; i <= n; i++ {
		w = append(w, want{E, sheet, first + i - 1, fmt.Sprintf("%s最多%d名，这是第%d名（%s）：请删去多余的%d名", b.Nav, b.Rows, i, name(i), n-b.Rows)})
	}
	return w
}

// The lists are built from the definition (header, row, col in helpers_test.go) and what a
// list leaves out of the form is computed from it (missing): a column added to the form is
// in every list copied from the form, and named as missing from every list that lacks it.
func TestReadRoster(t *testing.T) {
	adv, mem := mustBlock(t, "advisers"), mustBlock(t, "members")
	nth := func(format string) func(int) string { return func(i int) string { return fmt.Sprintf(format, i) } }
	cases := []struct {
		name     string
		book     func(f *excelize.File)
		advisers []map[string]string // nil: the table must be absent
		members  []map[string]string
		lines    []int // the members' rows in the sheet
		problems []want
	}{
		{
			name: "plain list on a sheet named 工作室成员",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				put(f, "工作室成员", 3, row(mem, 2, li)...)
			},
			members: []map[string]string{wang, li}, lines: []int{2, 3},
		},
		{
			name: "phones stored as numbers, in any number format",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "成员")
				put(f, "成员", 1, headerOf(mem)...)
				mobile := at(t, mem, "mobile")
				r := row(mem, 1, wang)
				r[mobile] = 13812345678
				put(f, "成员", 2, r...)
				r = row(mem, 2, li)
				r[mobile] = 15977206318.0
				put(f, "成员", 3, r...)
				numFmt(f, "成员", col(t, mem, "mobile")+"3", 11, "") // 0.00E+00: Excel would show 1.60E+10
			},
			members: []map[string]string{wang, li}, lines: []int{2, 3},
		},
		{
			name: "birth dates as serials, date-formatted cells and text in every accepted form",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "姓名", "出生年月")
				births := []any{
					31118, // 1985-03-12 as a bare serial (pasted as values)
					31118, // the same with the built-in date format 14
					29130, // 1979-10-01 with a custom Chinese format
					time.Date(1990, 12, 5, 0, 0, 0, 0, time.UTC), // excelize writes a date cell
					"1985-3", "1985年3月12日", "1985/03", "１９８５．０３", "19850312", "1985.3",
					1985.03, 1985.12, 198503, // numbers typed as year.month or yyyymm
				}
				for i, b := range births {
					put(f, "工作室成员", i+2, fmt.Sprintf("人%d", i+1), b)
				}
				numFmt(f, "工作室成员", "B3", 14, "")
				numFmt(f, "工作室成员", "B4", 0, `yyyy"年"m"月";@`)
			},
			members: func() []map[string]string {
				out := []map[string]string{}
				for i, b := range []string{"1985.03", "1985.03", "1979.10", "1990.12", "1985.03", "1985.03", "1985.03",
					"1985.03", "1985.03", "1985.03", "1985.03", "1985.12", "1985.03"} {
					out = append(out, map[string]string{"name": fmt.Sprintf("人%d", i+1), "birth": b})
				}
				return out
			}(),
			problems: append(missing(mem, "工作室成员", 1, "name", "birth"), excess(mem, "工作室成员", 2, 13, nth("人%d"))...),
		},
		{
			name: "1985.1 typed as a number cannot be told from October; with two decimals shown it can",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "姓名", "出生年月")
				put(f, "工作室成员", 2, "甲", 1985.1)
				put(f, "工作室成员", 3, "乙", 1985.1)
				numFmt(f, "工作室成员", "B3", 2, "") // 0.00
			},
			members:  []map[string]string{{"name": "甲", "birth": "1985.1"}, {"name": "乙", "birth": "1985.10"}},
			problems: append(missing(mem, "工作室成员", 1, "name", "birth"), want{E, "工作室成员", 2, "分不清是1月还是10月"}),
		},
		{
			name: "columns shuffled, headers spaced, starred, annotated and aliased",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "*手机", "姓  名", "出生日期（年月）", "单位", "性 别", "职务", "职称：", "研究方向")
				for i, p := range []map[string]string{wang, li} {
					put(f, "工作室成员", i+2, p["mobile"], p["name"], p["birth"], p["unit"], p["gender"], p["post"], p["title"], p["research"])
				}
			},
			members: []map[string]string{wang, li}, lines: []int{2, 3},
			problems: missing(mem, "工作室成员", 1, "mobile", "name", "birth", "unit", "gender", "post", "title", "research"),
		},
		{
			name: "merged title rows above the header name the table of a sheet called Sheet1",
			book: func(f *excelize.File) {
				put(f, "Sheet1", 1, "柳州市第一中学名班主任工作室")
				f.MergeCell("Sheet1", "A1", lastCol(mem)+"1")
				put(f, "Sheet1", 2, "工作室成员名单")
				f.MergeCell("Sheet1", "A2", lastCol(mem)+"2")
				put(f, "Sheet1", 4, headerOf(mem)...)
				put(f, "Sheet1", 5, row(mem, 1, wang)...)
			},
			members: []map[string]string{wang}, lines: []int{5},
		},
		{
			name: "8 members: each one beyond the fifth is an error on its row",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				for i := 0; i < 8; i++ {
					p := person(fmt.Sprintf("成员%d", i+1), "女", "1990.01", "某校", "一级", "班主任", "德育", fmt.Sprintf("1381234567%d", i))
					put(f, "工作室成员", i+2, row(mem, i+1, p)...)
				}
			},
			members: func() []map[string]string {
				var out []map[string]string
				for i := 0; i < 8; i++ {
					out = append(out, person(fmt.Sprintf("成员%d", i+1), "女", "1990.01", "某校", "一级", "班主任", "德育", fmt.Sprintf("1381234567%d", i)))
				}
				return out
			}(),
			problems: excess(mem, "工作室成员", 2, 8, nth("成员%d")),
		},
		{
			name: "blank rows and numbered empty rows are skipped, a row without a name is an error",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				put(f, "工作室成员", 4, row(mem, 2, li)...)
				noName := row(mem, 3, zhang)
				noName[at(t, mem, "name")] = "  "
				put(f, "工作室成员", 5, noName...)
				put(f, "工作室成员", 6, 4)
				put(f, "工作室成员", 7, 5)
			},
			members: []map[string]string{wang, li, func() map[string]string {
				m := person("", zhang["gender"], zhang["birth"], zhang["unit"], zhang["title"], zhang["post"], zhang["research"], zhang["mobile"])
				return m
			}()},
			lines:    []int{2, 4, 5},
			problems: []want{{E, "工作室成员", 5, "没有填写姓名"}},
		},
		{
			name: "an extra sheet of notes is left out with a word, an unnamed list is refused",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				f.NewSheet("说明")
				put(f, "说明", 1, "本表由教务处整理")
				f.NewSheet("Sheet3")
				put(f, "Sheet3", 1, headerOf(mem)...)
				put(f, "Sheet3", 2, row(mem, 1, li)...)
				f.NewSheet("Sheet4") // empty: nothing to say
			},
			members: []map[string]string{wang},
			problems: []want{
				{W, "说明", 0, "没有名单"},
				{E, "Sheet3", 1, "不知道是指导老师还是工作室成员"},
			},
		},
		{
			name: "columns the form has no place for are named, 序号 is not",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, append(append([]any{}, headerOf(mem)...), "备注", nil, "身份证号")...)
				put(f, "工作室成员", 2, append(row(mem, 1, wang), "骨干", "x")...)
				put(f, "工作室成员", 3, row(mem, 2, li)...)
			},
			members: []map[string]string{wang, li},
			problems: []want{ // the two columns right of the form's
				{W, "工作室成员", 1, "第" + workbook.Col(len(headerOf(mem))+1) + "列“备注”不是申报表中的栏目"},
				{W, "工作室成员", 1, "第" + workbook.Col(len(headerOf(mem))+2) + "列没有栏目名称"},
			},
		},
		{
			name: "a unit merged down over one school's people is read for each",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				same := person("李强", li["gender"], li["birth"], wang["unit"], li["title"], li["post"], li["research"], li["mobile"])
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				r := row(mem, 2, same)
				r[at(t, mem, "unit")] = nil
				put(f, "工作室成员", 3, r...)
				f.MergeCell("工作室成员", col(t, mem, "unit")+"2", col(t, mem, "unit")+"3")
			},
			members: []map[string]string{wang, person("李强", li["gender"], li["birth"], wang["unit"], li["title"], li["post"], li["research"], li["mobile"])},
		},
		{
			name: "a signature line and a total under the list are not people",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				put(f, "工作室成员", 3, nil, "合计：1人")
				put(f, "工作室成员", 5, "填表人：陈老师    审核人：黄主任")
				f.MergeCell("工作室成员", "A5", lastCol(mem)+"5")
				put(f, "工作室成员", 6, "指导老师签名：")
				f.MergeCell("工作室成员", "A6", lastCol(mem)+"6")
			},
			members: []map[string]string{wang},
			problems: []want{
				{W, "工作室成员", 3, "“合计：1人”不是名单中的一人"},
				{W, "工作室成员", 5, "“填表人：陈老师 审核人：黄主任”不是名单中的一人"},
				{W, "工作室成员", 6, "“指导老师签名：”不是名单中的一人"},
			},
		},
		{
			name: "a row with only a unit that names a table is a person without a name, not a title",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				put(f, "工作室成员", 3, row(mem, 2, map[string]string{"unit": "柳州市德育指导中心"})...)
			},
			members:  []map[string]string{wang, {"unit": "柳州市德育指导中心"}},
			problems: []want{{E, "工作室成员", 3, "没有填写姓名"}},
		},
		{
			name: "the form's two tables copied into one sheet, each under its title",
			book: func(f *excelize.File) {
				put(f, "Sheet1", 1, "指导老师基本情况")
				f.MergeCell("Sheet1", "A1", lastCol(adv)+"1")
				put(f, "Sheet1", 2, headerOf(adv)...)
				put(f, "Sheet1", 3, row(adv, 1, li)...)
				put(f, "Sheet1", 4, 2)
				put(f, "Sheet1", 5, "工作室成员基本情况")
				f.MergeCell("Sheet1", "A5", lastCol(mem)+"5")
				put(f, "Sheet1", 6, headerOf(mem)...)
				put(f, "Sheet1", 7, row(mem, 1, wang)...)
				put(f, "Sheet1", 8, row(mem, 2, zhang)...)
			},
			advisers: []map[string]string{li},
			members:  []map[string]string{wang, zhang}, lines: []int{7, 8},
		},
		{
			name: "padded names, 女性, phones with spaces and full-width digits are tidied",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, person("王  芳", "女性", " 1985.3 ", "柳州市\n第一中学", "中学一级教师", "班主任", "班级管理", "138 1234 5678"))...)
				put(f, "工作室成员", 3, row(mem, 2, person("李　强", "男", "1979.10", "柳州市第二中学", "中学高级教师", "年级组长", "家校共育", "１５９７７２０６３１８"))...)
			},
			members: []map[string]string{wang, li},
		},
		{
			name: "a hidden sheet is not imported, and says so",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
				f.NewSheet("指导老师")
				put(f, "指导老师", 1, headerOf(adv)...)
				put(f, "指导老师", 2, row(adv, 1, map[string]string{"name": "李强"})...)
				f.SetSheetVisible("指导老师", false)
			},
			members:  []map[string]string{wang},
			problems: []want{{W, "指导老师", 0, "隐藏的工作表"}},
		},
		{
			name: "two alias columns for the phone are refused; the label beats an alias",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "姓名", "手机", "电话")
				put(f, "工作室成员", 2, "王芳", "13812345678", "2822733")
				f.NewSheet("指导老师")
				put(f, "指导老师", 1, "姓名", "联系电话", "手机号码")
				put(f, "指导老师", 2, "李强", "0772-2822733", "15977206318")
			},
			advisers: []map[string]string{{"name": "李强", "mobile": "15977206318"}},
			members:  []map[string]string{{"name": "王芳", "mobile": "13812345678"}},
			problems: slices.Concat(
				[]want{{E, "工作室成员", 1, "第B列“手机”和第C列“电话”都是手机号码"}},
				missing(mem, "工作室成员", 1, "name", "mobile"),
				[]want{{W, "指导老师", 1, "第B列“联系电话”没有导入：手机号码已从第C列“手机号码”读取"}},
				missing(adv, "指导老师", 1, "name", "mobile"),
			),
		},
		{
			name: "the 1904 date system of old Mac workbooks",
			book: func(f *excelize.File) {
				yes := true
				f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes})
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "姓名", "出生年月")
				put(f, "工作室成员", 2, "王芳", 29656) // 1985-03-12 counted from 1904
				numFmt(f, "工作室成员", "B2", 14, "")
			},
			members:  []map[string]string{{"name": "王芳", "birth": "1985.03"}},
			problems: missing(mem, "工作室成员", 1, "name", "birth"),
		},
		{
			name: "a header without people: the table is kept as it is",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "指导老师")
				put(f, "指导老师", 1, headerOf(adv)...)
				put(f, "指导老师", 2, 1)
				f.NewSheet("工作室成员")
				put(f, "工作室成员", 1, headerOf(mem)...)
				put(f, "工作室成员", 2, row(mem, 1, wang)...)
			},
			members:  []map[string]string{wang},
			problems: []want{{W, "指导老师", 0, "没有填写指导老师，草稿中的指导老师保持不变"}},
		},
		{
			name: "no list anywhere",
			book: func(f *excelize.File) {
				put(f, "Sheet1", 1, "名字", "年龄")
				put(f, "Sheet1", 2, "王芳", 38)
			},
			problems: []want{
				{E, "", 0, "没有找到指导老师或工作室成员的名单"},
				{W, "Sheet1", 0, "没有名单"},
			},
		},
		{
			name: "a sheet named for a list without a header row",
			book: func(f *excelize.File) {
				f.SetSheetName("Sheet1", "工作室成员")
				put(f, "工作室成员", 1, "王芳", "女", "1985.03")
			},
			problems: []want{{E, "工作室成员", 0, "没有找到栏目名称行"}},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(build(t, tc.book)), "")
			if err != nil {
				t.Fatal(err)
			}
			checkTable(t, r, "advisers", tc.advisers, nil)
			checkTable(t, r, "members", tc.members, tc.lines)
			checkProblems(t, ps, tc.problems)
		})
	}
}

func checkTable(t *testing.T, r Roster, key string, want []map[string]string, lines []int) {
	t.Helper()
	rows, ok := r.Tables[key]
	if want == nil {
		if ok {
			t.Errorf("%s: want none, got %d rows: %v", key, len(rows), rows)
		}
		return
	}
	if len(rows) != len(want) {
		t.Fatalf("%s: want %d rows, got %d: %v", key, len(want), len(rows), rows)
	}
	for i, row := range rows {
		if !reflect.DeepEqual(row.Values, want[i]) {
			t.Errorf("%s row %d (line %d):\n got %v\nwant %v", key, i+1, row.Line, row.Values, want[i])
		}
		if lines != nil && row.Line != lines[i] {
			t.Errorf("%s row %d: line %d, want %d", key, i+1, row.Line, lines[i])
		}
	}
}

func checkProblems(t *testing.T, got []Problem, want []want) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], want[i]
		ok = g.Severity == w.sev && g.Sheet == w.sheet && g.Line == w.line && strings.Contains(g.Message, w.has)
	}
	if ok {
		return
	}
	var sb strings.Builder
	for _, p := range got {
		fmt.Fprintf(&sb, "  %v [%s:%d]\n", p, p.Sheet, p.Line)
	}
	t.Errorf("problems:\n%swant %v", sb.String(), want)
}

// Every problem is Chinese, says where and what to do or what was left out.
func TestProblemWording(t *testing.T) {
	p := Problem{Severity: forms.Error, Sheet: "工作室成员", Line: 8, Message: "这一行没有填写姓名。"}
	if got := p.String(); got != "错误 工作表“工作室成员”第8行：这一行没有填写姓名。" {
		t.Errorf("String() = %q", got)
	}
	if got := (Problem{Severity: forms.Warning, Sheet: "说明"}).Where(); got != "工作表“说明”" {
		t.Errorf("Where() = %q", got)
	}
	if got := (Problem{}).Where(); got != "工作簿" {
		t.Errorf("Where() = %q", got)
	}
	if Refused([]Problem{{Severity: forms.Warning}}) || !Refused([]Problem{{Severity: forms.Warning}, {Severity: forms.Error}}) {
		t.Error("Refused: only an 错误 refuses")
	}
}

// Files that are not workbooks are told apart, each with its own advice.
func TestReadRosterNotAWorkbook(t *testing.T) {
	good := build(t, func(f *excelize.File) { put(f, "Sheet1", 1, "姓名") })
	ole := append([]byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}, make([]byte, 600)...)
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"csv", []byte("姓名,性别\n王芳,女\n"), ErrNotWorkbook},
		{"empty", nil, ErrNotWorkbook},
		{"xls", ole, ErrOldExcel},
		{"password", append(append([]byte{}, ole...), encryptionInfo...), ErrEncrypted},
		{"cut short", good[:len(good)/2], ErrDamaged},
		{"a zip without a workbook", zipOf(t, "word/document.xml", "<w:document/>"), ErrNotWorkbook},
		{"too large", bytes.Repeat([]byte{'P'}, maxWorkbook+1), ErrTooLarge},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := ReadRoster(forms.Default(), bytes.NewReader(tc.data), "")
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if msg := Message(err); msg != tc.want.Error() {
				t.Errorf("Message = %q", msg)
			}
		})
	}
}
