package summary

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/workbook/workbooktest"
)

// A folder holding drafts of several forms gives a summary sheet for each form, each with the
// form's own columns, and a county sheet only for a form with paired counties.
func TestSummaryOfSeveralForms(t *testing.T) {
	dir := t.TempDir()
	defs, err := forms.Shipped()
	if err != nil || len(defs) < 2 {
		t.Fatalf("want two shipped forms: %v", err)
	}
	for _, def := range defs {
		if err := forms.Sample(def).Save(filepath.Join(dir, def.ID+".json")); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	st, err := Summary(&buf, dir)
	if err != nil || st.Drafts != len(defs) {
		t.Fatalf("%+v %v", st, err)
	}
	f := workbooktest.Open(t, buf.Bytes())
	sheets := strings.Join(f.GetSheetList(), " ")
	for _, def := range defs {
		var sheet string
		for _, s := range f.GetSheetList() {
			if strings.HasPrefix(s, SummarySheet) && strings.Contains(s, def.OutputName[:min(len(def.OutputName), 9)]) {
				sheet = s
			}
		}
		if sheet == "" {
			t.Errorf("no summary sheet for %s in %s", def.ID, sheets)
			continue
		}
		rows, _ := f.GetRows(sheet)
		if len(rows) != 2 {
			t.Errorf("%s: %d rows, want the header and one applicant", sheet, len(rows))
			continue
		}
		_, name := forms.Sample(def).Applicant()
		if !strings.Contains(strings.Join(rows[1], " "), name) {
			t.Errorf("%s: row %q lacks %s", sheet, rows[1], name)
		}
	}
	counties := 0
	for _, s := range f.GetSheetList() {
		if strings.HasPrefix(s, CountySheet) {
			counties++
		}
	}
	want := 0
	for _, def := range defs {
		if len(def.Counties()) > 0 {
			want++
		}
	}
	if counties != want {
		t.Errorf("%d county sheets, want %d: %s", counties, want, sheets)
	}
}
