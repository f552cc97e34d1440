// Package workbooktest holds what the tests of the rosters and the summary check alike: the
// workbooks read back by LibreOffice Calc, an independent reader; bold headers; frozen heads.
// Only tests import it.
package workbooktest

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

	"github.com/xuri/excelize/v2"

	"shenbao/workbook"
)

// Calc finds LibreOffice with its spreadsheet part, or says why the test cannot run.
func Calc(t *testing.T) string {
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

// CSV converts workbooks to one CSV per sheet (UTF-8, every sheet) with LibreOffice and
// returns them by "file-sheet". A private profile keeps it apart from any running LibreOffice.
func CSV(t *testing.T, soffice string, books map[string][]byte) map[string][][]string {
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

// Strings prints each value as a cell shows it.
func Strings(vals []any) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = fmt.Sprint(v)
	}
	return out
}

// Compare fails the test when LibreOffice's rows of a sheet differ from the rows wanted.
func Compare(t *testing.T, name string, got, want [][]string) {
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

// HeaderStyle fails the test unless the first n cells of the row are bold.
func HeaderStyle(t *testing.T, f *excelize.File, sheet string, line, n int) {
	t.Helper()
	for c := 1; c <= n; c++ {
		id, _ := f.GetCellStyle(sheet, workbook.Cell(c, line))
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil || !st.Font.Bold {
			t.Errorf("header cell %s is not bold", workbook.Cell(c, line))
		}
	}
}

// Frozen fails the test unless exactly the first rows of the sheet are frozen.
func Frozen(t *testing.T, f *excelize.File, sheet string, rows int) {
	t.Helper()
	p, err := f.GetPanes(sheet)
	if err != nil || !p.Freeze || p.YSplit != rows || p.XSplit != 0 {
		t.Errorf("panes %+v (%v): want the first %d rows frozen", p, err, rows)
	}
}

// Open reads a workbook back with excelize, closed when the test ends.
func Open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
