package roster

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/workbook"
	"shenbao/workbook/workbooktest"
)

func templateBytes(t *testing.T) []byte {
	t.Helper()
	return templateOf(t, forms.Default())
}

func templateOf(t *testing.T, def *forms.Definition) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Template(&buf, def); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The template has one sheet per table, each with the form's own column order, the header
// bold and frozen, a choice as a drop-down, the phone and birth columns as text, the rows the
// form holds numbered, and an instruction that states the limits. Over every form: what each
// sheet holds is read from the definition (the header is 序号 and the table's column labels in
// the definition's order).
func TestTemplate(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		t.Run(def.ID, func(t *testing.T) { checkTemplate(t, def) })
	}
	// The 名班主任 form's, as the bureau's tables are named and limited.
	f := workbooktest.Open(t, templateBytes(t))
	if got := f.GetSheetList(); strings.Join(got, ",") != "指导老师,工作室成员" {
		t.Fatalf("sheets %v", got)
	}
	for sheet, limit := range map[string]string{"指导老师": "至少1名、最多2名", "工作室成员": "最多5名"} {
		if instr, _ := f.GetCellValue(sheet, "A1"); !strings.Contains(instr, limit) {
			t.Errorf("%s: instruction %q lacks %q", sheet, instr, limit)
		}
	}
}

func checkTemplate(t *testing.T, def *forms.Definition) {
	f := workbooktest.Open(t, templateOf(t, def))
	var tables []forms.Block
	var sheets []string
	for _, b := range def.Tables() {
		if !b.Stored() {
			continue // the applicant leaves it blank: no list to fill
		}
		tables = append(tables, b)
		name := b.Nav
		if name == "" {
			name = b.Name()
		}
		sheets = append(sheets, workbook.SheetName(name, 0))
	}
	if got := f.GetSheetList(); fmt.Sprint(got) != fmt.Sprint(sheets) {
		t.Fatalf("sheets %v, want %v", got, sheets)
	}
	for i, b := range tables {
		sheet := sheets[i]
		t.Run(sheet, func(t *testing.T) {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			want := headerOf(b)
			if got := fmt.Sprint(rows[headerRow-1]); got != fmt.Sprint(want) {
				t.Errorf("header %s, want %s", got, fmt.Sprint(want))
			}
			instr := rows[instrRow-1][0]
			// A table of people counts 名 and holds 一人 a row; another (获奖, 经历) 条 and 一条.
			unit, per := "名", "每行一人"
			if b.Field("name").Key == "" {
				unit, per = "条", "每行一条"
			}
			limit := fmt.Sprintf("最多%d%s", b.Rows, unit)
			if b.MinRows > 0 {
				limit = fmt.Sprintf("至少%d%s、最多%d%s", b.MinRows, unit, b.Rows, unit)
			}
			says := []string{limit, per}
			for _, fld := range b.Fields {
				switch fld.Kind {
				case forms.Choice:
					says = append(says, fld.Choices...)
				case forms.YearMonth:
					says = append(says, "1985.03")
				case forms.Mobile:
					says = append(says, "11位")
				}
			}
			for _, w := range says {
				if !strings.Contains(instr, w) {
					t.Errorf("instruction %q lacks %q", instr, w)
				}
			}
			for r := 1; r <= b.Rows; r++ {
				if got := rows[headerRow-1+r]; len(got) != 1 || got[0] != fmt.Sprint(r) {
					t.Errorf("row %d: %q, want only its 序号", headerRow+r, got)
				}
			}
			if len(rows) != headerRow+b.Rows {
				t.Errorf("%d rows, want %d", len(rows), headerRow+b.Rows)
			}
			if dim, _ := f.GetSheetDimension(sheet); dim != "A1:"+workbook.Cell(len(want), headerRow+b.Rows) {
				t.Errorf("used range %s", dim)
			}
			workbooktest.HeaderStyle(t, f, sheet, headerRow, len(want))
			workbooktest.Frozen(t, f, sheet, headerRow)
			checkTextColumns(t, f, sheet, b)
			checkChoiceLists(t, f, sheet, b)
			checkWidths(t, f, sheet, b)
		})
	}
}

// checkTextColumns: 出生年月 and 手机号码 are text, whole column and numbered cells alike.
func checkTextColumns(t *testing.T, f *excelize.File, sheet string, b forms.Block) {
	t.Helper()
	isText := func(id int) bool {
		st, err := f.GetStyle(id)
		return err == nil && st.NumFmt == 49
	}
	for i, fld := range b.Fields {
		c := workbook.Col(i + 2)
		colID, _ := f.GetColStyle(sheet, c)
		if textColumn(fld) != isText(colID) {
			t.Errorf("column %s (%s): text format %v, want %v", c, fld.Name(), isText(colID), textColumn(fld))
		}
		for r := firstRow; r < firstRow+b.Rows; r++ {
			id, _ := f.GetCellStyle(sheet, workbook.Cell(i+2, r))
			if textColumn(fld) != isText(id) {
				t.Errorf("cell %s (%s): text format %v", workbook.Cell(i+2, r), fld.Name(), isText(id))
			}
		}
	}
}

// checkChoiceLists: each choice column, and only those, has a drop-down of its choices from
// the first person's row down.
func checkChoiceLists(t *testing.T, f *excelize.File, sheet string, b forms.Block) {
	t.Helper()
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		t.Fatal(err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	n := 0
	for i, fld := range b.Fields {
		if fld.Kind != forms.Choice {
			continue
		}
		n++
		ref := workbook.Cell(i+2, firstRow) + ":" + workbook.Cell(i+2, formatRows)
		list := `"` + strings.Join(fld.Choices, ",") + `"`
		if dv := bySqref[ref]; dv == nil || dv.Type != "list" || dv.Formula1 != list {
			t.Errorf("%s: drop-down %+v, want list %s %s", fld.Name(), dv, ref, list)
		}
	}
	if len(dvs) != n {
		t.Errorf("%d data validations, want one for each of the %d choice columns", len(dvs), n)
	}
}

func checkWidths(t *testing.T, f *excelize.File, sheet string, b forms.Block) {
	t.Helper()
	for i, fld := range b.Fields {
		w, _ := f.GetColWidth(sheet, workbook.Col(i+2))
		if w < workbook.TextWidth(fld.Name())+2 || (fld.Kind == forms.Mobile && w < workbook.TextWidth("13812345678")+2) {
			t.Errorf("column %s is %.1f wide: too narrow", fld.Name(), w)
		}
	}
}

// A draft's tables go to a workbook and come back equal.
func TestRosterRoundTrip(t *testing.T) {
	d := forms.Sample(forms.Default())
	before := d.Marshal()
	var buf bytes.Buffer
	if err := ExportRoster(&buf, d); err != nil {
		t.Fatal(err)
	}
	r, ps, err := ReadRoster(forms.Default(), &buf, "")
	if err != nil || len(ps) != 0 {
		t.Fatalf("reading the export back: %v %v", err, ps)
	}
	if r.Describe() != "指导老师2名，工作室成员5名" {
		t.Errorf("Describe() = %q", r.Describe())
	}
	if got := ApplyRoster(d, r).Marshal(); !bytes.Equal(got, before) {
		t.Errorf("sample → roster → sample changed the draft:\n%s", diffLines(string(before), string(got)))
	}
	if !bytes.Equal(d.Marshal(), before) {
		t.Error("ApplyRoster changed the draft it was given")
	}
	empty := ApplyRoster(forms.New(forms.Default()), r)
	for _, key := range []string{"advisers", "members"} {
		b := mustBlock(t, key)
		for row := 1; row <= b.Rows; row++ {
			for _, f := range b.Fields {
				if got, want := empty.Value(b, f, row), d.Value(b, f, row); got != want {
					t.Errorf("%s: %q, want %q", forms.Path(b, f, row), got, want)
				}
			}
		}
	}
	if empty.Get("host.name") != "" || empty.Photo != nil {
		t.Error("a roster filled more than the tables")
	}
}

// What a teacher typed in any accepted way comes back as the form prints it, blank rows gone;
// more people than the form holds are exported too (nothing dropped) and refused on import.
func TestRosterRoundTripTyped(t *testing.T) {
	d := forms.New(forms.Default())
	d.Set("members[1].name", "王芳")
	d.Set("members[1].birth", "1985-3")
	d.Set("members[1].mobile", "138 1234 5678")
	d.Set("members[3].name", "李强")
	d.Set("members[3].birth", "1979年10月")
	for i := 4; i <= 7; i++ {
		d.Set(fmt.Sprintf("members[%d].name", i), fmt.Sprintf("成员%d", i))
	}
	d.Set("advisers[1].name", "张伟")
	d.Set("advisers[1].mobile", "１５９７７２０６３１８")
	var buf bytes.Buffer
	if err := ExportRoster(&buf, d); err != nil {
		t.Fatal(err)
	}
	r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(buf.Bytes()), "")
	if err != nil {
		t.Fatal(err)
	}
	if !Refused(ps) || r.Count("members") != 6 {
		t.Fatalf("6 members: %d read, problems %v", r.Count("members"), ps)
	}
	got := ApplyRoster(forms.New(forms.Default()), r)
	for path, want := range map[string]string{
		"members[1].birth": "1985.03", "members[1].mobile": "13812345678", "members[2].name": "李强",
		"members[2].birth": "1979.10", "members[6].name": "成员7", "advisers[1].mobile": "15977206318",
	} {
		if got.Get(path) != want {
			t.Errorf("%s = %q, want %q", path, got.Get(path), want)
		}
	}
	if got.Rows("members") != 6 || got.Rows("advisers") != 2 {
		t.Errorf("rows: members %d, advisers %d", got.Rows("members"), got.Rows("advisers"))
	}
}

// A table the roster does not list stays as it was; one it lists is replaced whole.
func TestApplyRosterKeepsUnlistedTables(t *testing.T) {
	d := forms.Sample(forms.Default())
	r := Roster{Tables: map[string][]Row{"members": {{Values: map[string]string{"name": "王芳"}}}}}
	got := ApplyRoster(d, r)
	adv, mem := mustBlock(t, "advisers"), mustBlock(t, "members")
	for _, f := range adv.Fields {
		if got.Value(adv, f, 2) != d.Value(adv, f, 2) {
			t.Errorf("advisers changed: %s", forms.Path(adv, f, 2))
		}
	}
	if n := len(got.FilledRows(mem)); n != 1 || got.Rows("members") != mem.Rows || got.Get("members[1].name") != "王芳" || got.Get("members[1].unit") != "" {
		t.Errorf("members: %d filled of %d, %q", n, got.Rows("members"), got.Get("members[1].name"))
	}
	if got.Get("host.name") != d.Get("host.name") || got.Get("plan") != d.Get("plan") {
		t.Error("the rest of the draft changed")
	}
}

// diffLines shows the lines that differ.
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var sb strings.Builder
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			fmt.Fprintf(&sb, "-%s\n+%s\n", x, y)
		}
	}
	return sb.String()
}
