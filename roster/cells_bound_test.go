package roster

import "testing"

func TestSheetCells(t *testing.T) {
	for _, tc := range []struct {
		xml  string
		want int64
	}{
		{``, 0},
		{`<sheetData></sheetData>`, 0},
		{`<row r="1"><c r="A1"/><c r="C1" t="s"><v>1</v></c></row>`, 3},
		{`<row r="1"><c r="B1"/></row><row r="2"><c r="XFD2"><v>1</v></c></row>`, 2 + 16384},
		{`<row><c/><c/><c/></row><row><c><v>1</v></c></row>`, 3 + 1},               // no references: one after another
		{`<x:row r="1"><x:c s="1" r="AA1"></x:c></x:row>`, 27},                     // a namespace prefix, r not first
		{`<row r="1"><c r='Z1'/><c/></row>`, 27},                                   // single quotes, then one more
		{`<row r="1"><c r="ZZZZ1"/></row>`, 16384},                                 // past Excel's last column: capped
		{`<cols><col min="1" max="16384"/></cols><row r="1"><c r="B1"/></row>`, 2}, // <col> is not a cell
	} {
		if got := sheetCells([]byte(tc.xml)); got != tc.want {
			t.Errorf("sheetCells(%s) = %d, want %d", tc.xml, got, tc.want)
		}
	}
}
