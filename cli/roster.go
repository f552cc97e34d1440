package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/photo"
	"shenbao/roster"
)

// The Excel commands of issue 9: the 名单模板, importing and exporting the advisers and members.

func runTemplate(o options, stdout, stderr io.Writer) int {
	if o.out == "" || len(o.files) > 0 {
		fmt.Fprintln(stderr, "用法：shenbao template -o 名单模板.xlsx [--form 表格]")
		return ExitUnreadable
	}
	form, ok := o.definition(stderr)
	if !ok {
		return ExitUnreadable
	}
	return writeWorkbook(xlsxPath(o.out, "名单模板.xlsx"), func(w io.Writer) error { return roster.Template(w, form) }, stdout, stderr)
}

func runExportRoster(o options, stdout, stderr io.Writer) int {
	if o.out == "" || !o.want(1, stderr, "shenbao export-roster 草稿.json -o 名单.xlsx") {
		if o.out == "" {
			fmt.Fprintln(stderr, "用法：shenbao export-roster 草稿.json -o 名单.xlsx")
		}
		return ExitUnreadable
	}
	d, ok := load(o.files[0], stderr)
	if !ok {
		return ExitUnreadable
	}
	_, host := d.Applicant()
	name := "名单-" + safeName(host) + ".xlsx"
	return writeWorkbook(xlsxPath(o.out, name), func(w io.Writer) error { return roster.ExportRoster(w, d) }, stdout, stderr)
}

// runImportRoster fills the draft's advisers and members from a workbook. Any 错误 in the
// workbook refuses the import and leaves the draft file untouched; 提醒 are printed and the
// import goes on.
func runImportRoster(o options, stdout, stderr io.Writer) int {
	if o.out != "" || !o.want(2, stderr, "shenbao import-roster 草稿.json 名单.xlsx") {
		if o.out != "" {
			fmt.Fprintln(stderr, "用法：shenbao import-roster 草稿.json 名单.xlsx")
		}
		return ExitUnreadable
	}
	draftPath, rosterPath := o.files[0], o.files[1]
	d, saveTo, ok := loadForChange(draftPath, stderr)
	if !ok {
		return ExitUnreadable
	}
	r, problems, err := readRoster(d.Form(), rosterPath)
	if err != nil {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", rosterPath, roster.Message(err))
		return ExitUnreadable
	}
	for _, p := range problems {
		fmt.Fprintln(stderr, p)
	}
	if roster.Refused(problems) {
		fmt.Fprintf(stderr, "没有导入：名单中有 %d 个错误，请改正后再导入。草稿没有改动。\n", countErrors(problems))
		return ExitFindings
	}
	nd := roster.ApplyRoster(d, r)
	if err := nd.Save(saveTo); err != nil {
		fmt.Fprintf(stderr, "无法保存 %s：%s\n", saveTo, forms.Message(err))
		return ExitUnreadable
	}
	savedBeside(draftPath, saveTo, stdout)
	reportImport(stdout, d, nd, r)
	return ExitOK
}

func readRoster(form *forms.Definition, path string) (roster.Roster, []roster.Problem, error) {
	f, _, err := forms.OpenRegular(path) // never a FIFO that would block, nor a device
	if err != nil {
		return roster.Roster{}, nil, err
	}
	defer f.Close()
	return roster.ReadRoster(form, f, "")
}

// reportImport says what changed, table by table, and what the checks now find in the tables.
func reportImport(stdout io.Writer, before, after *forms.Draft, r roster.Roster) {
	for _, b := range after.Form().Tables() {
		if !b.Stored() {
			continue // a table the bureau fills (评议结果): no roster has it
		}
		n := r.Count(b.Key)
		switch old := len(before.FilledRows(b)); {
		case n == 0:
			fmt.Fprintf(stdout, "%s：名单中没有，保持原有的 %d %s。\n", b.Nav, old, b.Counter())
		case old == 0:
			fmt.Fprintf(stdout, "%s：导入 %d %s。\n", b.Nav, n, b.Counter())
		default:
			fmt.Fprintf(stdout, "%s：导入 %d %s，替换了原有的 %d %s。\n", b.Nav, n, b.Counter(), old, b.Counter())
		}
	}
	var left []string
	for _, f := range forms.Check(after, photo.StoredSize) {
		if b, ok := after.Form().Block(f.Block); ok && b.Kind == forms.TableBlock {
			left = append(left, f.String())
		}
	}
	if len(left) > 0 {
		fmt.Fprintln(stdout, "导入后请核对：")
		for _, l := range left {
			fmt.Fprintln(stdout, l)
		}
	}
}

func countErrors(ps []roster.Problem) int {
	n := 0
	for _, p := range ps {
		if p.Severity == forms.Error {
			n++
		}
	}
	return n
}

// writeWorkbook writes a workbook safely and prints its path.
func writeWorkbook(path string, write func(io.Writer) error, stdout, stderr io.Writer) int {
	if err := forms.WriteFile(path, false, write); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", path, forms.Message(err))
		var lim *forms.LimitError
		if errors.As(err, &lim) { // refused for what the draft holds, not for the file
			return ExitFindings
		}
		return ExitUnreadable
	}
	fmt.Fprintln(stdout, path)
	return ExitOK
}

// xlsxPath is where -o asks for a workbook: inside it with a default name when it is a
// folder, with .xlsx added when the name lacks it (Excel will not open it otherwise). A device
// or a FIFO is returned as it is, so the writer refuses it instead of writing /dev/null.xlsx.
func xlsxPath(out, name string) string {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		return filepath.Join(out, name)
	} else if err == nil && !st.Mode().IsRegular() {
		return out
	}
	if !strings.EqualFold(filepath.Ext(out), ".xlsx") {
		return out + ".xlsx"
	}
	return out
}

// safeName makes a typed name usable in a file name on every system.
func safeName(s string) string {
	s = export.CleanName(s)
	// A file name holds at most 255 bytes on Linux and macOS: keep 名单-<姓名>.xlsx and the
	// temporary file's suffix well inside, and drop the trailing dots Windows would drop.
	for len(s) > maxRosterNameBytes {
		_, size := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-size]
	}
	s = strings.TrimRight(s, ". ")
	if s == "" {
		return "未填姓名"
	}
	return s
}

const maxRosterNameBytes = 120
