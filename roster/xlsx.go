// Package roster reads and writes the Excel rosters of the 申报表's tables: the 名单模板 for
// the advisers and members (template, export), and the teacher's own list read back into a
// draft (import). Columns, labels and row limits all come from the form; this package adds
// only what Excel needs on top (widths, header aliases that people really use, cell formats).
// It imports forms and workbook only.
package roster

import (
	"strings"
	"unicode"

	"shenbao/forms"
	"shenbao/workbook"
)

// seqLabel is the 序号 column the bureau prints before every table's fields. It is not a field:
// export numbers the rows, import ignores it.
const seqLabel = "序号"

// tableByKey finds a table block of the form by its key.
func tableByKey(form *forms.Definition, key string) (forms.Block, bool) {
	b, ok := form.Block(key)
	return b, ok && b.Kind == forms.TableBlock
}

// tableKeys are the keys of the form's tables the applicant fills, for the limits a workbook
// must keep.
func tableKeys(form *forms.Definition) []string {
	var out []string
	for _, b := range filledTables(form) {
		out = append(out, b.Key)
	}
	return out
}

// filledTables are the form's tables the applicant fills (a table left blank for the bureau
// has no roster).
func filledTables(form *forms.Definition) []forms.Block {
	var out []forms.Block
	for _, b := range form.Tables() {
		if b.Stored() {
			out = append(out, b)
		}
	}
	return out
}

// sheetName is the sheet a table is written to: the name the app uses for it (b.Nav).
func sheetName(b forms.Block) string {
	name := b.Nav
	if name == "" {
		name = b.Name()
	}
	return workbook.SheetName(name, 0)
}

// ignoredHeaders are columns that belong to such a list but not to the form's fields: they
// are skipped without a word (the 序号 is re-numbered by the form itself).
var ignoredHeaders = map[string]bool{seqLabel: true, "编号": true, "序": true, "No.": true, "NO.": true, "no.": true}

const seqWidth = 6

// widthOf is a column's width in Excel's character units: the field's SheetWidth, or its
// label's width with room to spare, and for a mobile number room for its 11 digits (手机号码
// alone gives 12, a digit short: a definition need not know Excel's units to get a column
// that shows what it asks for).
func widthOf(f forms.Field) float64 {
	if f.SheetWidth > 0 {
		return f.SheetWidth
	}
	w := workbook.TextWidth(f.Name()) + 4
	if f.Kind == forms.Mobile {
		w = max(w, workbook.TextWidth("13812345678")+2)
	}
	return w
}

// cellText is one cell's text trimmed and tidied for the draft: line breaks and runs of
// spaces (full-width too) become one space, and a space between two Chinese characters goes
// (lists pad two-character names, "王  芳", to line them up).
func cellText(s string) string {
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	var sb strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := lastRune(fields[i-1])
			next := []rune(f)[0]
			if !(workbook.Wide(prev) && workbook.Wide(next)) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(f)
	}
	return sb.String()
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}
