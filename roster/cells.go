package roster

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// Excel date serials of 1920-01-01 and 2100-01-01: a whole number between them in a 出生年月
// column is a date whose format was lost (pasted as values); below, 1985 is a year.
const (
	serialMin = 7306
	serialMax = 73051
)

// value is one cell as it goes into the draft; msg, when not empty, is an 错误 about it.
// shown is the cell as Excel shows it; numbers and dates are read from the stored value.
func (rd *reader) value(sheet string, line, c int, f forms.Field, shown string) (v, msg string) {
	ref := workbook.Cell(c+1, line)
	if src, ok := rd.source[[2]int{line, c}]; ok {
		ref = src
	}
	switch f.Kind {
	case forms.YearMonth:
		return rd.birth(sheet, ref, f, shown)
	case forms.Mobile, forms.Phone:
		if n, ok := rd.number(sheet, ref); ok && n == math.Trunc(n) && math.Abs(n) < 1e15 {
			// A phone typed into a number cell: 13812345678, never 1.38E+10.
			return strconv.FormatFloat(n, 'f', 0, 64), ""
		}
		return forms.Display(f, cellText(shown)), ""
	case forms.Choice:
		t := cellText(shown)
		if a, ok := f.ValueAliases[t]; ok {
			return a, ""
		}
		return t, ""
	}
	return cellText(shown), ""
}

// number is a cell's stored number, when it is a number cell.
func (rd *reader) number(sheet, ref string) (float64, bool) {
	typ, err := rd.f.GetCellType(sheet, ref)
	if err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
		return 0, false
	}
	raw, err := rd.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
	return n, err == nil && !math.IsInf(n, 0) && !math.IsNaN(n)
}

// birth reads a 出生年月 in whatever way the workbook stores it and returns it as 1985.03;
// a value it cannot read is kept as written, for the checks to report.
func (rd *reader) birth(sheet, ref string, f forms.Field, shown string) (string, string) {
	if typ, _ := rd.f.GetCellType(sheet, ref); typ == excelize.CellTypeDate {
		raw, _ := rd.f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
		raw, _, _ = strings.Cut(raw, "T") // ISO 8601: 1985-03-12T00:00:00Z
		return birthText(raw), ""
	}
	n, ok := rd.number(sheet, ref)
	if !ok {
		return birthText(cellText(shown)), ""
	}
	whole := n == math.Trunc(n)
	switch {
	case rd.isDateCell(sheet, ref) || (whole && n >= serialMin && n < serialMax):
		if t, err := excelize.ExcelDateToTime(n, rd.date1904); err == nil {
			return fmt.Sprintf("%04d.%02d", t.Year(), int(t.Month())), ""
		}
	case !whole && n >= 1900 && n < 2100:
		return yearDotMonth(n, shown)
	}
	return birthText(strconv.FormatFloat(n, 'f', -1, 64)), ""
}

// yearDotMonth reads 1985.03 typed into a number cell. Excel drops trailing zeros, so
// October (1985.10) is stored as 1985.1, the same number as January: unless the cell's format
// shows two decimals, that one cannot be imported without asking.
func yearDotMonth(n float64, shown string) (string, string) {
	s := strings.TrimSpace(shown)
	if _, frac, ok := strings.Cut(s, "."); ok && len(frac) == 2 {
		return birthText(s), ""
	}
	plain := strconv.FormatFloat(n, 'f', -1, 64)
	if strings.HasSuffix(plain, ".1") {
		return plain, fmt.Sprintf("出生年月“%s”存成了数字，分不清是1月还是10月：请把这一列设为文本格式，写成 %s0 或 %s 后再导入。",
			plain, plain, strings.TrimSuffix(plain, "1")+"01")
	}
	return birthText(plain), ""
}

// birthText is a written 出生年月 as the form prints it (1985.03), or as written when it is
// not one; 19850312 is read as a date too.
func birthText(s string) string {
	if y, m, ok := forms.ParseYearMonth(s); ok {
		return fmt.Sprintf("%04d.%02d", y, m)
	}
	if p := forms.Plain(s); len(p) == 8 && isNumber(p) {
		if y, m, ok := forms.ParseYearMonth(p[:4] + "." + p[4:6] + "." + p[6:]); ok {
			return fmt.Sprintf("%04d.%02d", y, m)
		}
	}
	return s
}

// dateFormat reports a built-in number format that shows a date or time (the Chinese built-ins
// 27–36 and 50–58 included).
func dateFormat(id int) bool {
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)
}

// isDateCell reports whether a cell's number format shows a date.
func (rd *reader) isDateCell(sheet, ref string) bool {
	id, err := rd.f.GetCellStyle(sheet, ref)
	if err != nil {
		return false
	}
	if d, ok := rd.dateStyle[id]; ok {
		return d
	}
	d := false
	if st, err := rd.f.GetStyle(id); err == nil {
		if st.CustomNumFmt != nil {
			d = dateCode(*st.CustomNumFmt)
		} else {
			d = dateFormat(st.NumFmt)
		}
	}
	rd.dateStyle[id] = d
	return d
}

// dateCode reports whether a custom number format shows a date: a y, m or d outside quoted
// text, escapes and [..] sections (colours, locales) of its first section.
func dateCode(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal or padding
		case c == ';':
			return false
		case strings.IndexByte("yYmMdD", c) >= 0:
			return true
		}
	}
	return false
}
