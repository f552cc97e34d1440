package summary

import (
	"bytes"
	"testing"

	"shenbao/workbook/workbooktest"
)

// LibreOffice, an independent reader, sees the summary's sheets as meant.
func TestSummaryInLibreOffice(t *testing.T) {
	soffice := workbooktest.Calc(t)
	var summary bytes.Buffer
	dir := summaryFolder(t)
	if _, err := Summary(&summary, dir); err != nil {
		t.Fatal(err)
	}
	sheets := workbooktest.CSV(t, soffice, map[string][]byte{"summary": summary.Bytes()})
	workbooktest.Compare(t, "summary-"+SummarySheet, sheets["summary-"+SummarySheet], summaryWant(t, dir))
	workbooktest.Compare(t, "summary-"+CountySheet, sheets["summary-"+CountySheet], countyWant)
	workbooktest.Compare(t, "summary-"+UnreadableSheet, sheets["summary-"+UnreadableSheet], unreadableWant())
}
