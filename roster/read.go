package roster

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// maxWorkbook bounds what ReadRoster reads: a roster is a few KB, a whole school's list a
// few hundred; 20 MB is something else.
const maxWorkbook = 20 << 20

// Bounds on what a workbook may unpack to, checked from the zip directory before excelize
// reads anything: a 2 KB file can declare merged cells down to row 1,048,576 and a 20 MB one
// a million rows, which excelize would hold in memory as gigabytes.
const (
	maxUnzipped  = 64 << 20 // all parts together (pictures included)
	maxSheetXML  = 4 << 20  // one worksheet, or the shared strings: some 20 000 rows of a list
	maxSheets    = 50
	maxMerges    = 1000 // merged ranges in one worksheet (excelize compares every pair)
	maxSheetRows = 1000 // rows read of one sheet: a roster needs a few dozen
)

// maxExcessReported caps the per-row messages about people beyond the form's rows, for a
// whole school's list imported by mistake; one more message counts the rest.
const maxExcessReported = 20

var (
	oleMagic       = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}
	encryptionInfo = []byte("E\x00n\x00c\x00r\x00y\x00p\x00t\x00i\x00o\x00n\x00I\x00n\x00f\x00o\x00")
)

// ReadRoster reads the advisers and members from a workbook: the template, or the lists people
// really keep (headers found by name in any order and under title rows, phones stored as
// numbers, birth dates as Excel dates). It never changes a draft; see ApplyRoster. The error is
// for a file that is not a readable workbook at all (ErrNotWorkbook, ErrOldExcel, …); what is
// wrong inside one is told by the problems, each with its sheet and row.
//
// The lists are read as the form's tables. only is the table the user asked to import into
// (the app's 导入名单 on that table's page), "" for any: a list whose sheet and title name
// no table goes there.
func ReadRoster(form *forms.Definition, r io.Reader, only string) (Roster, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxWorkbook+1))
	if err != nil {
		return Roster{}, nil, fmt.Errorf("read roster: %w", err)
	}
	if len(data) > maxWorkbook {
		return Roster{}, nil, ErrTooLarge
	}
	f, err := openWorkbook(data)
	if err != nil {
		return Roster{}, nil, err
	}
	defer f.Close()
	rd := &reader{f: f, ix: newFormIndex(form), only: only, dateStyle: map[int]bool{}}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		rd.date1904 = *p.Date1904
	}
	var secs []*section
	for _, sheet := range f.GetSheetList() {
		s, err := rd.readSheet(sheet)
		if err != nil {
			return Roster{}, nil, fmt.Errorf("%w (%s: %v)", ErrDamaged, sheet, err)
		}
		secs = append(secs, s...)
	}
	roster := rd.assemble(secs)
	rd.sortProblems()
	return roster, rd.problems, nil
}

// openWorkbook tells the files people pick by mistake (an old .xls, a protected workbook, a
// CSV or Word file) from a damaged workbook before handing the bytes to excelize.
func openWorkbook(data []byte) (*excelize.File, error) {
	switch {
	case bytes.HasPrefix(data, oleMagic) && bytes.Contains(data, encryptionInfo):
		return nil, ErrEncrypted
	case bytes.HasPrefix(data, oleMagic):
		return nil, ErrOldExcel
	case !bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil, ErrNotWorkbook
	}
	if z, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		if !hasWorkbook(z) {
			return nil, ErrNotWorkbook // a .docx or .ods is a zip file too
		}
		if err := checkParts(z); err != nil {
			return nil, err
		}
	}
	// Every part stays in memory (UnzipXMLSizeLimit = UnzipSizeLimit): excelize would put a
	// larger one in a temporary file, which a killed program leaves behind.
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxUnzipped})
	if err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrDamaged, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, ErrNotWorkbook
	}
	return f, nil
}

// checkParts refuses, from the zip directory and the worksheets' text, a workbook too large
// to be a roster: what it unpacks to, its worksheets, their merged ranges.
func checkParts(z *zip.Reader) error {
	var total uint64
	sheets := 0
	for _, f := range z.File {
		total += f.UncompressedSize64
		if total > maxUnzipped {
			return ErrWorkbookTooLarge
		}
		sheet := strings.HasPrefix(f.Name, "xl/worksheets/") && strings.HasSuffix(f.Name, ".xml")
		if !sheet && f.Name != "xl/sharedStrings.xml" {
			continue
		}
		if f.UncompressedSize64 > maxSheetXML {
			return ErrWorkbookTooLarge
		}
		if !sheet {
			continue
		}
		if sheets++; sheets > maxSheets {
			return ErrTooManySheets
		}
		if n, cells, err := countMerges(f); err != nil {
			return fmt.Errorf("%w (%v)", ErrDamaged, err)
		} else if n > maxMerges {
			return ErrTooManyMerges
		} else if cells > maxSheetCells {
			return ErrTooManyCells
		}
	}
	return nil
}

// countMerges counts the merged ranges a worksheet declares and the cells excelize would make
// of it (sheetCells), reading at most maxSheetXML bytes (the zip reader refuses a part longer
// than its directory says).
func countMerges(f *zip.File) (merges int, cells int64, err error) {
	r, err := f.Open()
	if err != nil {
		return 0, 0, err
	}
	defer r.Close()
	text, err := io.ReadAll(io.LimitReader(r, maxSheetXML+1))
	if err != nil {
		return 0, 0, err
	}
	merges = bytes.Count(text, []byte("<mergeCell ")) + bytes.Count(text, []byte(":mergeCell "))
	return merges, sheetCells(text), nil
}

// hasWorkbook reports whether a zip file holds a spreadsheet's workbook part.
func hasWorkbook(z *zip.Reader) bool {
	for _, f := range z.File {
		if strings.HasPrefix(f.Name, "xl/") {
			return true
		}
	}
	return false
}

type reader struct {
	f         *excelize.File
	ix        *formIndex
	only      string // the table a list that names none fills ("" none)
	date1904  bool
	dateStyle map[int]bool      // style ID → its number format shows a date
	source    map[[2]int]string // this sheet's cells filled down from a merged range → the range's first cell
	problems  []Problem
	sheets    []string // in workbook order, to sort problems
}

func (rd *reader) add(sev forms.Severity, sheet string, line int, format string, args ...any) {
	rd.problems = append(rd.problems, Problem{Severity: sev, Sheet: sheet, Line: line, Message: fmt.Sprintf(format, args...)})
}

// sortProblems puts the problems in reading order: the workbook's first, then sheet by sheet
// and row by row.
func (rd *reader) sortProblems() {
	order := map[string]int{"": -1}
	for i, s := range rd.sheets {
		order[s] = i
	}
	sort.SliceStable(rd.problems, func(i, j int) bool {
		a, b := rd.problems[i], rd.problems[j]
		if order[a.Sheet] != order[b.Sheet] {
			return order[a.Sheet] < order[b.Sheet]
		}
		return a.Line < b.Line
	})
}

// section is one list in a sheet: its header row and the people under it, up to the next
// header. A sheet usually holds one; a copy of the printed form holds both tables.
type section struct {
	sheet string
	head  header
	title string // the title row above it ("工作室成员基本情况"), if any
	table string // the table it fills, "" when it cannot be told
	rows  []Row
	used  map[int]bool // columns that hold something in a person's row
}

// rowKind is what a row under a header is.
type rowKind int

const (
	blankRow  rowKind = iota // nothing the form holds
	titleRow                 // names a table: "工作室成员基本情况"
	noteRow                  // a remark, total or signature line across the table
	personRow                // one person
)

func (rd *reader) readSheet(sheet string) ([]*section, error) {
	rd.sheets = append(rd.sheets, sheet)
	grid, more, err := rd.rows(sheet)
	if err != nil {
		return nil, err
	}
	if more {
		rd.add(forms.Error, sheet, maxSheetRows+1, "这个工作表超过%d行（名单只需几十行），第%d行以后的内容没有读取：请删去名单以外的内容，或把名单复制到名单模板中后再导入。", maxSheetRows, maxSheetRows)
	}
	if visible, err := rd.f.GetSheetVisible(sheet); err == nil && !visible {
		if hasContent(grid) {
			rd.add(forms.Warning, sheet, 0, "这是隐藏的工作表，没有导入：如需导入，请在 Excel 或 WPS 中取消隐藏后再导入。")
		}
		return nil, nil
	}
	var heads []header
	for i, cells := range grid {
		if h, ok := rd.ix.parseHeader(i+1, cells); ok {
			heads = append(heads, h)
		}
	}
	if len(heads) == 0 {
		rd.noHeader(sheet, grid)
		return nil, nil
	}
	merged, err := rd.merges(sheet, grid)
	if err != nil {
		return nil, err
	}
	secs := make([]*section, len(heads))
	title := rd.ix.lastTitle(grid[:heads[0].line-1])
	for k, h := range heads {
		end := len(grid)
		if k+1 < len(heads) {
			end = heads[k+1].line - 1
		}
		s := &section{sheet: sheet, head: h, title: title, used: map[int]bool{}}
		title = ""
		for line := h.line + 1; line <= end; line++ {
			cells := grid[line-1]
			kind, text := rd.ix.classify(cells, h, merged[line])
			if kind == titleRow && k == len(heads)-1 {
				kind = noteRow // no list follows it: a remark that happens to name a table
			}
			switch kind {
			case titleRow:
				title = text
			case noteRow:
				rd.add(forms.Warning, sheet, line, "“%s”不是名单中的一人，这一行没有导入。", clip(strings.Join(strings.Fields(text), " ")))
			case personRow:
				s.rows = append(s.rows, rd.person(sheet, line, cells, h, s.used))
			}
		}
		secs[k] = s
	}
	for _, s := range secs {
		s.table = rd.ix.tableOf(sheet, s.title, len(secs) == 1)
		if s.table == "" && rd.only != "" {
			s.table = rd.only
		}
		rd.keepTableColumns(s)
		rd.unnamed(s)
		rd.columnProblems(s)
	}
	return secs, nil
}

// rows reads a sheet's first maxSheetRows rows through excelize's row iterator, as GetRows
// would (trailing empty rows dropped), and tells whether anything follows them. Rows that are
// not in the file (a gap down to row 1,048,576) cost nothing: they are not materialised.
func (rd *reader) rows(sheet string) (grid [][]string, more bool, err error) {
	it, err := rd.f.Rows(sheet)
	if err != nil {
		return nil, false, err
	}
	defer it.Close()
	last := 0
	for it.Next() {
		cols, err := it.Columns()
		if err != nil {
			return nil, false, err
		}
		if len(grid) == maxSheetRows {
			if hasContent([][]string{cols}) {
				more = true
				break
			}
			continue // bounded: the sheet's text is at most maxSheetXML
		}
		grid = append(grid, cols)
		if len(cols) > 0 {
			last = len(grid)
		}
	}
	if err := it.Error(); err != nil {
		return nil, false, err
	}
	return grid[:last], more, nil
}

// noHeader explains a sheet with content but no header row: an error when its name says it is
// one of the lists, a note otherwise (an instruction sheet, a leftover Sheet2).
func (rd *reader) noHeader(sheet string, grid [][]string) {
	if !hasContent(grid) {
		return
	}
	if t := rd.ix.tableFromText(sheet); t != "" {
		b, _ := tableByKey(rd.ix.form, t)
		rd.add(forms.Error, sheet, 0, "没有找到栏目名称行（含%s等栏目的一行）：请保留模板中的栏目名称后再导入。", quotedLabels(b, 2))
		return
	}
	rd.add(forms.Warning, sheet, 0, "这个工作表中没有名单（没有%s栏目），没有导入。", rd.ix.nameLabels())
}

// person reads one person's row. used collects the columns that hold something, so that
// columns the form has no place for are reported.
func (rd *reader) person(sheet string, line int, cells []string, h header, used map[int]bool) Row {
	row := Row{Sheet: sheet, Line: line, Values: map[string]string{}}
	for i, c := range cells {
		if strings.TrimSpace(c) == "" {
			continue
		}
		used[i] = true
		key, ok := h.cols[i]
		if !ok {
			continue
		}
		if f := rd.ix.fieldOf(key); utf8.RuneCountInString(c) > f.CharLimit() {
			rd.add(forms.Error, sheet, line, "第%s列“%s”有%d个字符，超过了%d个字符的上限：请删减后再导入。", workbook.Col(i+1), f.Name(), utf8.RuneCountInString(c), f.CharLimit())
			continue
		}
		v, msg := rd.value(sheet, line, i, rd.ix.fieldOf(key), c)
		if msg != "" {
			rd.add(forms.Error, sheet, line, "%s", msg)
		}
		if v != "" {
			row.Values[key] = v
		}
	}
	return row
}

// unnamed reports, once the section's table is known, the rows without its name column (姓名).
func (rd *reader) unnamed(s *section) {
	key := rd.ix.nameKey(s.table, s.head)
	name := rd.ix.fieldOf(key).Name()
	if b, ok := tableByKey(rd.ix.form, s.table); ok {
		name = b.NameColumn().Name()
	}
	for _, row := range s.rows {
		if row.Values[key] == "" {
			rd.add(forms.Error, s.sheet, row.Line, "这一行没有填写%s：请补上%s，或删去这一行后再导入。", name, name)
		}
	}
}

// keepTableColumns drops, once the section's table is known, the columns only another table
// has (a 学段 column of the members read in a list of advisers): they are told as columns the
// table has no place for.
func (rd *reader) keepTableColumns(s *section) {
	b, ok := tableByKey(rd.ix.form, s.table)
	if !ok {
		return
	}
	for c, key := range s.head.cols {
		if b.Field(key).Key == "" {
			delete(s.head.cols, c)
			s.head.unknown[c] = rd.ix.fieldOf(key).Name()
			s.head.foreign[c] = true
			for _, row := range s.rows {
				delete(row.Values, key)
			}
		}
	}
}

// columnProblems reports the columns of a section whose content is not imported, and the
// form's columns it lacks.
func (rd *reader) columnProblems(s *section) {
	if len(s.rows) == 0 {
		return
	}
	for _, msg := range s.head.conflicts {
		rd.add(forms.Error, s.sheet, s.head.line, "%s", msg)
	}
	cols := make([]int, 0, len(s.used))
	for c := range s.used {
		cols = append(cols, c)
	}
	sort.Ints(cols)
	for _, c := range cols {
		switch {
		case s.head.cols[c] != "" || s.head.ignored[c]:
		case s.head.shadowed[c] != "":
			rd.add(forms.Warning, s.sheet, s.head.line, "%s", s.head.shadowed[c])
		case s.head.unknown[c] != "":
			rd.add(forms.Warning, s.sheet, s.head.line, "第%s列“%s”不是%s中的栏目，这一列没有导入。", workbook.Col(c+1), clip(s.head.unknown[c]), rd.tableName(s.table, s.head.foreign[c]))
		default:
			rd.add(forms.Warning, s.sheet, s.head.line, "第%s列没有栏目名称，这一列没有导入：如需导入，请在第%d行写上栏目名称（如“研究方向”）。", workbook.Col(c+1), s.head.line)
		}
	}
	b, ok := tableByKey(rd.ix.form, s.table)
	if !ok {
		return
	}
	var missing []string
	for _, f := range b.Fields {
		if !s.head.has(f.Key) {
			missing = append(missing, "“"+f.Name()+"”")
		}
	}
	if len(missing) > 0 {
		rd.add(forms.Warning, s.sheet, s.head.line, "名单中没有%s栏目：导入后这些项是空的，请在程序中补填。", strings.Join(missing, ""))
	}
}

// assemble gives each table the one section that lists it, and reports what cannot go in:
// lists that belong to no table, a table listed twice, more people than the form holds.
func (rd *reader) assemble(secs []*section) Roster {
	r := Roster{form: rd.ix.form, Tables: map[string][]Row{}}
	from := map[string]*section{}
	seen := map[string]bool{}
	for _, s := range secs {
		if s.table == "" {
			if len(s.rows) > 0 {
				rd.add(forms.Error, s.sheet, s.head.line, "这份名单不知道是%s：请把工作表改名为%s后再导入。", rd.ix.navList("还是"), rd.ix.quotedNavs("或"))
			}
			continue
		}
		seen[s.table] = true
		if len(s.rows) == 0 {
			continue
		}
		if prev, dup := from[s.table]; dup {
			b, _ := tableByKey(rd.ix.form, s.table)
			rd.add(forms.Error, s.sheet, s.head.line, "工作表“%s”第%d行起已有一份%s名单，这里又有一份：请合并成一份后再导入。", prev.sheet, prev.head.line, b.Nav)
			continue
		}
		from[s.table] = s
		r.Tables[s.table] = s.rows
	}
	for _, b := range rd.ix.tables {
		rd.excess(b, r.Tables[b.Key])
		if seen[b.Key] && len(r.Tables[b.Key]) == 0 {
			sheet := ""
			for _, s := range secs {
				if s.table == b.Key {
					sheet = s.sheet
					break
				}
			}
			rd.add(forms.Warning, sheet, 0, "没有填写%s，草稿中的%s保持不变。", b.Nav, b.Nav)
		}
	}
	if len(r.Tables) == 0 && !Refused(rd.problems) {
		if len(seen) > 0 {
			rd.add(forms.Error, "", 0, "名单中还没有填写任何人：请填写后再导入。")
		} else {
			rd.add(forms.Error, "", 0, "没有找到%s的名单：名单要有一行栏目名称（%s……），工作表名为%s。可先导出名单模板，填好后再导入。", rd.ix.navList("或"), rd.ix.firstLabels(3), rd.ix.quotedNavs("或"))
		}
	}
	return r
}

// excess reports every person beyond the rows the form prints.
func (rd *reader) excess(b forms.Block, rows []Row) {
	extra := len(rows) - b.Rows
	for i := b.Rows; i < len(rows); i++ {
		if i-b.Rows == maxExcessReported {
			rd.add(forms.Error, rows[i].Sheet, rows[i].Line, "从这一行起还有%d名%s超出申报表的行数，也请删去。", len(rows)-i, b.Nav)
			return
		}
		rd.add(forms.Error, rows[i].Sheet, rows[i].Line, "%s最多%d名，这是第%d名（%s）：请删去多余的%d名后再导入。",
			b.Nav, b.Rows, i+1, rows[i].Values[b.NameColumn().Key], extra)
	}
}

// navList names the tables joined by a word: 指导老师还是工作室成员.
func (ix *formIndex) navList(join string) string {
	var out []string
	for _, b := range ix.tables {
		out = append(out, b.Nav)
	}
	return strings.Join(out, join)
}

// quotedNavs names the tables' sheets in quotes: “指导老师”或“工作室成员”.
func (ix *formIndex) quotedNavs(join string) string {
	var out []string
	for _, b := range ix.tables {
		out = append(out, "“"+b.Nav+"”")
	}
	return strings.Join(out, join)
}

// quotedLabels are a table's first n column labels, its name column first, for a message:
// “姓名”“性别”.
func quotedLabels(b forms.Block, n int) string {
	name := b.NameColumn()
	out := "“" + name.Name() + "”"
	for _, f := range b.Fields {
		if n <= 1 {
			break
		}
		if f.Key != name.Key {
			out += "“" + f.Name() + "”"
			n--
		}
	}
	return out
}

// firstLabels are the first n column labels of the first table, for a message: 姓名、性别、出生年月.
func (ix *formIndex) firstLabels(n int) string {
	var out []string
	for _, f := range ix.fields[:min(n, len(ix.fields))] {
		out = append(out, f.Name())
	}
	return strings.Join(out, "、")
}

// tableName names where a column has no place: the table (“工作室成员”表) when another table
// of the form has the column, else the form (申报表).
func (rd *reader) tableName(key string, foreign bool) string {
	if b, ok := tableByKey(rd.ix.form, key); ok && foreign {
		return "“" + b.Nav + "”表"
	}
	return "申报表"
}

// classify says what a row under a header is. A row merged across the table, or one lone cell
// naming a table or reading like a remark, is not a person.
func (ix *formIndex) classify(cells []string, h header, merged bool) (rowKind, string) {
	var texts []string
	mapped, other, first := 0, false, -1
	for i, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		if first < 0 {
			first = i
		}
		texts = append(texts, c)
		switch {
		case h.cols[i] != "":
			mapped++
		case h.ignored[i] && !isNumber(c):
			other = true // text in the 序号 column: a line written across the table
		}
	}
	text := strings.Join(texts, " ")
	switch {
	case len(texts) == 0:
		return blankRow, ""
	case (merged || mapped == 0 || len(texts) == 1 && first == 0) && ix.tableFromText(text) != "":
		// A title in column A or across the table; a lone 所在单位 "德育指导中心" is not one.
		return titleRow, text
	case merged:
		return noteRow, text
	case mapped == 0 && other:
		return noteRow, text
	case mapped == 0:
		return blankRow, "" // only 序号 or unnamed columns: told by the column checks
	case len(texts) == 1 && isRemark(text):
		return noteRow, text
	}
	return personRow, text
}

// remarkWords start or mark the lines under a list that are not people.
var remarkWords = []string{"填表", "制表", "审核", "说明", "注：", "注:", "备注", "合计", "总计", "共计", "盖章", "联系人"}

func isRemark(s string) bool {
	for _, w := range remarkWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// tableFromText is the table a sheet name or title names, "" for none or both.
// A table is named by its Nav or one of its Aliases (指导, 导师).
func (ix *formIndex) tableFromText(s string) string {
	found := ""
	for _, b := range ix.tables {
		for _, w := range append([]string{b.Nav}, b.Aliases...) {
			if strings.Contains(s, w) {
				if found != "" && found != b.Key {
					return ""
				}
				found = b.Key
				break
			}
		}
	}
	return found
}

// tableOf decides which table a section fills: by the sheet's name when the sheet holds one
// list, else by the title above the list.
func (ix *formIndex) tableOf(sheet, title string, only bool) string {
	byName, byTitle := ix.tableFromText(sheet), ix.tableFromText(title)
	if only && byName != "" {
		return byName
	}
	if byTitle != "" {
		return byTitle
	}
	return byName
}

// lastTitle is the last row above a header that names a table ("工作室成员名单").
func (ix *formIndex) lastTitle(grid [][]string) string {
	title := ""
	for _, cells := range grid {
		text := strings.TrimSpace(strings.Join(cells, " "))
		if ix.tableFromText(text) != "" {
			title = text
		}
	}
	return title
}

// merges finds the rows where a merged range spans several columns (spanLines): titles and
// remarks.
// A range down one column (所在单位 merged over the people of one school) is filled down
// instead, each cell reading the stored value of the range's first cell (rd.source).
func (rd *reader) merges(sheet string, grid [][]string) (spanLines map[int]bool, err error) {
	ranges, err := rd.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	spanLines = map[int]bool{}
	rd.source = map[[2]int]string{}
	for _, m := range ranges {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		switch {
		case err1 != nil || err2 != nil:
		case c2 > c1:
			spanLines[r1] = true
		case r2 > r1 && r1 <= len(grid) && c1 <= len(grid[r1-1]):
			for r := r1 + 1; r <= min(r2, len(grid)); r++ {
				for len(grid[r-1]) < c1 {
					grid[r-1] = append(grid[r-1], "")
				}
				grid[r-1][c1-1] = grid[r1-1][c1-1]
				rd.source[[2]int{r, c1 - 1}] = m.GetStartAxis()
			}
		}
	}
	return spanLines, nil
}

func hasContent(grid [][]string) bool {
	for _, cells := range grid {
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				return true
			}
		}
	}
	return false
}

func isNumber(s string) bool {
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// clip shortens a cell's text for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 30 {
		return string(r[:30]) + "……"
	}
	return s
}
