package roster

import (
	"fmt"
	"strings"

	"shenbao/forms"
)

// Roster is what a workbook holds for the form's tables, ready for ApplyRoster.
type Roster struct {
	form *forms.Definition // the form the lists were read as
	// Tables maps a table's key (the form's block key) to the people read, in sheet order.
	// A table the workbook does not list (no sheet for it, or nobody on it) is absent, and
	// ApplyRoster leaves that table of the draft as it is.
	Tables map[string][]Row
}

// Row is one person as read from a sheet.
type Row struct {
	Sheet  string
	Line   int               // the row number Excel shows
	Values map[string]string // field key → value as it goes into the draft; empty cells absent
}

// Count is the number of people read for a table.
func (r Roster) Count(table string) int { return len(r.Tables[table]) }

// Describe says in Chinese what the roster holds: "指导老师2名，工作室成员5名".
func (r Roster) Describe() string {
	var parts []string
	if r.form == nil {
		return "没有可导入的人员"
	}
	for _, b := range filledTables(r.form) {
		if n := r.Count(b.Key); n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d名", b.Nav, n))
		}
	}
	if len(parts) == 0 {
		return "没有可导入的人员"
	}
	return strings.Join(parts, "，")
}

// Problem is something about a workbook the user must hear of. An 错误 means importing would
// put something wrong or too much into the draft: the command line then refuses, and the app
// should only import when the user has read it. A 提醒 says what was left out on purpose
// (a 备注 column, an instruction sheet), so that nothing is dropped without a word.
type Problem struct {
	Severity forms.Severity
	Sheet    string // "" for the workbook as a whole
	Line     int    // the sheet's row number; 0 for the sheet as a whole
	Message  string
}

// Where is the problem's place in words: 工作表“工作室成员”第8行.
func (p Problem) Where() string {
	switch {
	case p.Sheet == "":
		return "工作簿"
	case p.Line == 0:
		return "工作表“" + p.Sheet + "”"
	}
	return fmt.Sprintf("工作表“%s”第%d行", p.Sheet, p.Line)
}

func (p Problem) String() string { return p.Severity.String() + " " + p.Where() + "：" + p.Message }

// Refused reports whether any problem is an 错误.
func Refused(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == forms.Error {
			return true
		}
	}
	return false
}

// ApplyRoster returns a copy of the draft whose advisers and members are the roster's: every
// table the roster lists replaces that table's rows (a table is padded with empty rows to the
// rows the form prints); tables it does not list are kept. The draft passed in is not
// changed, so cancelling leaves what was there.
func ApplyRoster(d *forms.Draft, r Roster) *forms.Draft {
	c := d.Clone()
	for _, b := range filledTables(d.Form()) {
		rows := r.Tables[b.Key]
		if len(rows) == 0 {
			continue
		}
		for c.Rows(b.Key) > 0 {
			c.RemoveRow(b.Key, c.Rows(b.Key))
		}
		for i, row := range rows {
			for _, f := range b.Fields {
				c.Set(forms.Path(b, f, i+1), row.Values[f.Key])
			}
		}
		for c.Rows(b.Key) < b.Rows {
			c.AddRow(b.Key)
		}
	}
	return c
}
