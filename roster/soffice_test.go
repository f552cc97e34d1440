package roster

import (
	"bytes"
	"fmt"
	"testing"

	"shenbao/forms"
	"shenbao/workbook/workbooktest"
)

// LibreOffice, an independent reader, sees the template and an export as meant: the labels,
// the numbered rows, phones as digits and birth dates as 1985.03.
func TestWorkbooksInLibreOffice(t *testing.T) {
	soffice := workbooktest.Calc(t)
	var export bytes.Buffer
	if err := ExportRoster(&export, forms.Sample(forms.Default())); err != nil {
		t.Fatal(err)
	}
	sheets := workbooktest.CSV(t, soffice, map[string][]byte{"template": templateBytes(t), "export": export.Bytes()})

	sample := forms.Sample(forms.Default())
	for _, b := range forms.Default().Tables() {
		rows := sheets["template-"+b.Nav]
		wantTemplate := [][]string{{instruction(b)}, workbooktest.Strings(append([]any{seqLabel}, labels(b)...))}
		for r := 1; r <= b.Rows; r++ {
			wantTemplate = append(wantTemplate, []string{fmt.Sprint(r)})
		}
		workbooktest.Compare(t, "template-"+b.Nav, rows, wantTemplate)

		wantExport := wantTemplate[:2:2]
		for r := 1; r <= b.Rows; r++ {
			row := []string{fmt.Sprint(r)}
			for _, f := range b.Fields {
				row = append(row, sample.Value(b, f, r))
			}
			wantExport = append(wantExport, row)
		}
		workbooktest.Compare(t, "export-"+b.Nav, sheets["export-"+b.Nav], wantExport)
	}
}
