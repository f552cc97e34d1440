package xlsx

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
)

// calc finds LibreOffice with its spreadsheet part, or says why the test cannot run.
func calc(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: not starting LibreOffice")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("SKIP: soffice (LibreOffice) is not installed: the workbooks are not checked with an independent reader")
	}
	// Debian splits Calc from the core (libreoffice-calc-nogui); its library sits beside soffice.
	if real, err := filepath.EvalSymlinks(soffice); err == nil && runtime.GOOS == "linux" {
		if _, err := os.Stat(filepath.Join(filepath.Dir(real), "libsclo.so")); os.IsNotExist(err) {
			t.Skip("SKIP: LibreOffice Calc is not installed (Debian: libreoffice-calc-nogui)")
		}
	}
	return soffice
}

// toCSV converts workbooks to one CSV per sheet (UTF-8, every sheet) with LibreOffice and
// returns them by "file-sheet". A private profile keeps it apart from any running LibreOffice.
func toCSV(t *testing.T, soffice string, books map[string][]byte) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", filepath.Join(dir, "out")}
	for name, data := range books {
		path := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "*.csv"))
	sheets := map[string][][]string{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sheets[strings.TrimSuffix(filepath.Base(f), ".csv")] = trimRows(rows)
	}
	if len(sheets) == 0 {
		t.Fatalf("LibreOffice converted nothing: it could not read the workbooks\n%s", out)
	}
	return sheets
}

// trimRows drops the empty cells at the end of each row, as excelize's GetRows does.
func trimRows(rows [][]string) [][]string {
	for i, r := range rows {
		for len(r) > 0 && r[len(r)-1] == "" {
			r = r[:len(r)-1]
		}
		rows[i] = r
	}
	return rows
}

// LibreOffice, an independent reader, sees the template, an export and a summary as meant:
// the labels, the numbered rows, phones as digits and birth dates as 1985.03.
func TestWorkbooksInLibreOffice(t *testing.T) {
	soffice := calc(t)
	var export, summary bytes.Buffer
	if err := ExportRoster(&export, forms.Sample()); err != nil {
		t.Fatal(err)
	}
	dir := summaryFolder(t)
	if _, err := Summary(&summary, dir); err != nil {
		t.Fatal(err)
	}
	sheets := toCSV(t, soffice, map[string][]byte{"template": templateBytes(t), "export": export.Bytes(), "summary": summary.Bytes()})

	sample := forms.Sample()
	for _, b := range tables() {
		rows := sheets["template-"+b.Nav]
		wantTemplate := [][]string{{instruction(b)}, toStrings(append([]any{seqLabel}, labels(b)...))}
		for r := 1; r <= b.Rows; r++ {
			wantTemplate = append(wantTemplate, []string{fmt.Sprint(r)})
		}
		compare(t, "template-"+b.Nav, rows, wantTemplate)

		wantExport := wantTemplate[:2:2]
		for r := 1; r <= b.Rows; r++ {
			row := []string{fmt.Sprint(r)}
			for _, f := range b.Fields {
				row = append(row, sample.Value(b, f, r))
			}
			wantExport = append(wantExport, row)
		}
		compare(t, "export-"+b.Nav, sheets["export-"+b.Nav], wantExport)
	}
	compare(t, "summary-"+SummarySheet, sheets["summary-"+SummarySheet], summaryWant(t, dir))
	compare(t, "summary-"+CountySheet, sheets["summary-"+CountySheet], countyWant)
	compare(t, "summary-"+UnreadableSheet, sheets["summary-"+UnreadableSheet], unreadableWant())
}

func toStrings(vals []any) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = fmt.Sprint(v)
	}
	return out
}

func compare(t *testing.T, name string, got, want [][]string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s: no such sheet in LibreOffice's output", name)
		return
	}
	// The CSV export ends a row at its last non-empty cell.
	trimmed := make([][]string, len(want))
	for i, row := range want {
		for len(row) > 0 && row[len(row)-1] == "" {
			row = row[:len(row)-1]
		}
		trimmed[i] = row
	}
	if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", trimmed) {
		t.Errorf("%s as LibreOffice reads it:\n got %q\nwant %q", name, got, want)
	}
}
