// Package workbook holds what the workbooks of shenbao (the rosters and the bureau's summary)
// write alike: cell names, the width of Chinese text in Excel's units, the A4 landscape print
// set-up. It knows excelize and nothing of ours, so both rooms can use it without leaning on
// each other.
package workbook

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// MaxWidth is the widest a column is set, in Excel's character units: wider, a long value
// would push the rest of the sheet off the printed page.
const MaxWidth = 60

// Col is a column's letters, 1-based; Cell a cell reference. Both are only called with
// positive numbers, for which excelize cannot fail.
func Col(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}

// Cell is the reference of column c, row r (both 1-based), as "B3".
func Cell(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

// TextWidth is a string's width in Excel character units: East Asian characters take two.
func TextWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if Wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// Wide reports an East Asian wide or full-width character.
func Wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) || (r >= 0x2E80 && r <= 0x2FDF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// PrintSetup prints the sheet on A4 landscape, fitted to one page wide, with its first
// headRows rows repeated on every page.
func PrintSetup(f *excelize.File, sheet string, headRows int) error {
	size, landscape, one, zero, fit := 9, "landscape", 1, 0, true // 9 is A4
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", Scope: sheet, RefersTo: fmt.Sprintf("'%s'!$1:$%d", sheet, headRows),
	})
}

// MaxSheetName is the most characters Excel allows in a sheet's name.
const MaxSheetName = 31

// SheetName makes a sheet name Excel accepts from any text (a form's labels come from a
// definition file): the characters Excel refuses, []:*?/\, become _, and the name is cut so
// that reserve more characters (a number to keep it unique) still fit in MaxSheetName.
func SheetName(s string, reserve int) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, s)
	if r := []rune(s); len(r) > MaxSheetName-reserve {
		s = string(r[:max(0, MaxSheetName-reserve)])
	}
	return s
}
