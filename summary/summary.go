// Package summary makes the bureau's workbook of many applications: every draft, exported
// .docx or PDF and scan in a folder, read by readback, one row per applicant, the findings,
// the counties and what could not be read. It imports forms, photo, readback, export (the
// names scans are sent under) and workbook.
package summary

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/readback"
	"shenbao/workbook"
)

// Sheet names of the summary workbook.
const (
	SummarySheet    = "申报汇总"
	CountySheet     = "县区统计"
	UnreadableSheet = "无法读取"
	ScanSheet       = "扫描件"
	FindingsSheet   = "检查结果"
)

// County groups besides the form's counties (the choices of its paired_county field).
const (
	countyNone  = "未填写"
	countyOther = "其他"
)

// Stats is what Summary found.
type Stats struct {
	Drafts     int // readable drafts, one row each
	WithErrors int // of them, drafts with at least one 错误
	Unreadable int // files listed on the 无法读取 sheet
	Files      int // files read (several may be one applicant's)
	Scans      int // scanned PDFs, listed on the 扫描件 sheet
}

// application is one readable draft in the summary.
type application struct {
	rel          string // path below the folder
	kind         readback.Kind
	modified     time.Time // the file's time: of two files of one kind, the newer is shown
	files        []string  // every file of this applicant (applicants.go)
	conflicts    []string  // fields where they differ
	cross        []string  // 提醒: people also in another studio
	findings     []forms.Finding
	d            *forms.Draft
	errs, warns  int
	county, unit string
}

// unreadable is a file that is not a readable draft, and why, in the user's words.
type unreadable struct {
	rel, reason string
	scan        bool   // a scanned PDF: listed as such, not as an error
	owner       string // a scan named as `shenbao scans` names it: whose it is
}

// splitScans takes the scanned PDFs out of the unreadable files.
func splitScans(all []unreadable) (bad, scans []unreadable) {
	for _, u := range all {
		if u.scan {
			scans = append(scans, u)
		} else {
			bad = append(bad, u)
		}
	}
	sort.Slice(scans, func(i, j int) bool { return scans[i].rel < scans[j].rel })
	return bad, scans
}

// Summary writes one workbook about every draft (*.json) in dir and below: a row per
// application sorted by 结对帮扶县区 (in the notice's order) then 工作单位 (by pinyin), the
// count per county, and the files that could not be read with the reason. One bad file never
// stops it; the error is for dir itself or the writer.
func Summary(w io.Writer, dir string) (Stats, error) {
	if st, err := os.Stat(dir); err != nil {
		return Stats{}, fmt.Errorf("summary %s: %w", dir, err)
	} else if !st.IsDir() {
		return Stats{}, fmt.Errorf("summary %s: %w", dir, ErrNotFolder)
	}
	paths, bad, err := findDrafts(dir)
	if err != nil {
		return Stats{}, fmt.Errorf("summary %s: %w", dir, err)
	}
	apps, more := loadAll(dir, paths)
	files := len(apps)
	bad, scans := splitScans(append(bad, more...))
	apps = mergeApplicants(apps)
	crossStudio(apps)
	matchScans(apps, scans)
	sortApplications(apps)
	sort.Slice(bad, func(i, j int) bool { return bad[i].rel < bad[j].rel })
	st := Stats{Drafts: len(apps), Unreadable: len(bad), Files: files, Scans: len(scans)}
	for _, a := range apps {
		if a.errs > 0 {
			st.WithErrors++
		}
	}
	return st, writeSummary(w, apps, bad, scans)
}

// findDrafts lists the .json files below dir. Hidden files and folders (the safe writer's
// temporary files, macOS "._" copies on USB sticks) and the app's autosave folder are
// skipped; *.bak backups do not end in .json. A folder that cannot be read is listed as
// unreadable.
func findDrafts(dir string) (paths []string, bad []unreadable, err error) {
	err = filepath.WalkDir(dir, func(path string, e fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return err
			}
			bad = append(bad, unreadable{rel: rel(dir, path), reason: forms.Message(err)})
			return nil
		}
		name := e.Name()
		if path != dir && (strings.HasPrefix(name, ".") || e.IsDir() && isAutosave(name)) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !e.IsDir() && isApplicationFile(name) && !isAutosave(name) {
			if t := e.Type(); t&fs.ModeType != 0 && t&fs.ModeSymlink == 0 {
				// A FIFO would block the reader for ever, a device never end: listed, not read.
				bad = append(bad, unreadable{rel: rel(dir, path), reason: forms.Message(forms.ErrNotRegular)})
				return nil
			}
			paths = append(paths, path)
		}
		return nil
	})
	return paths, bad, err
}

// isAutosave reports the app's autosave folder or copy, which duplicates a draft.
func isAutosave(name string) bool {
	n := strings.ToLower(name)
	return strings.Contains(n, "autosave") || strings.Contains(n, "自动保存")
}

// autosaveKind marks the app's autosave copies (app/autosave.go), wherever they are found:
// they wrap a draft that is not yet saved, and are not applications of their own.
const autosaveKind = "shenbao-autosave"

// errAutosave says a file is an autosave copy, to be passed over.
var errAutosave = errors.New("autosave copy")

func autosaveCopy(path string) bool {
	data, err := forms.ReadRegular(path, forms.MaxFileSize)
	if err != nil {
		return false
	}
	var head struct {
		Kind string `json:"kind"`
	}
	return json.Unmarshal(data, &head) == nil && head.Kind == autosaveKind
}

func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil {
		return r
	}
	return path
}

// loadAll reads and checks the drafts on every core: reading and checking 500 drafts with
// their photos is most of the summary's time.
func loadAll(dir string, paths []string) ([]application, []unreadable) {
	type result struct {
		app *application
		bad *unreadable
	}
	results := make([]result, len(paths))
	next := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				a, err := loadOne(paths[i])
				if errors.Is(err, errAutosave) {
					continue
				}
				if err != nil {
					results[i].bad = &unreadable{rel: rel(dir, paths[i]), reason: readback.Message(err), scan: readback.IsScan(err)}
					continue
				}
				a.rel = rel(dir, paths[i])
				results[i].app = a
			}
		})
	}
	for i := range paths {
		next <- i
	}
	close(next)
	wg.Wait()
	var apps []application
	var bad []unreadable
	for _, r := range results {
		switch {
		case r.app != nil:
			apps = append(apps, *r.app)
		case r.bad != nil:
			bad = append(bad, *r.bad)
		}
	}
	return apps, bad
}

func modTime(path string) time.Time {
	if st, err := os.Stat(path); err == nil {
		return st.ModTime()
	}
	return time.Time{}
}

func loadOne(path string) (*application, error) {
	r, err := readback.Open(path)
	if errors.Is(err, forms.ErrNotDraft) && autosaveCopy(path) {
		return nil, errAutosave
	}
	if err != nil {
		return nil, err
	}
	d := r.Draft
	unit, _ := d.Applicant()
	a := &application{d: d, kind: r.Kind, modified: modTime(path), county: countyOf(d.Form(), d.Get(d.Form().RolePath(forms.RolePairedCounty))), unit: unit}
	a.findings = forms.Check(d, photo.StoredSize)
	for _, f := range a.findings {
		if f.Severity == forms.Error {
			a.errs++
		} else {
			a.warns++
		}
	}
	return a, nil
}

// countyOf is the county group of a 结对帮扶县区 value.
func countyOf(form *forms.Definition, v string) string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return countyNone
	case countyRank(form, v) < len(form.Counties()):
		return v
	}
	return countyOther
}

// countyRank orders the groups: the counties as the notice lists them, then 其他, then 未填写.
func countyRank(form *forms.Definition, c string) int {
	counties := form.Counties()
	for i, k := range counties {
		if k == c {
			return i
		}
	}
	if c == countyOther {
		return len(counties)
	}
	return len(counties) + 1
}

// sortApplications sorts by form (in the order Known lists them), county, then 工作单位 and
// 姓名 by pinyin as Chinese Excel does, then file, so that the order never depends on the
// folder's.
func sortApplications(apps []application) {
	col := collate.New(language.SimplifiedChinese)
	rank := formRanks()
	sort.SliceStable(apps, func(i, j int) bool {
		a, b := apps[i], apps[j]
		if fa, fb := rank[a.d.Form().DraftFormat], rank[b.d.Form().DraftFormat]; fa != fb {
			return fa < fb
		}
		if ra, rb := countyRank(a.d.Form(), a.county), countyRank(b.d.Form(), b.county); ra != rb {
			return ra < rb
		}
		if c := col.CompareString(a.unit, b.unit); c != 0 {
			return c < 0
		}
		_, na := a.d.Applicant()
		_, nb := b.d.Applicant()
		if c := col.CompareString(na, nb); c != 0 {
			return c < 0
		}
		return a.rel < b.rel
	})
}

// formRanks orders the forms as Known lists them.
func formRanks() map[string]int {
	rank := map[string]int{}
	for i, f := range forms.Known() {
		rank[f.DraftFormat] = i
	}
	return rank
}

// summaryColumn is one column of the 申报汇总 sheet.
type summaryColumn struct {
	label string
	value func(a application) any // string, or int for counts
}

// summaryColumns: the applicant's fields with a summary place (labels from the form), then a
// count for each table and long text the form gives a summary label, then the counts and the
// file.
func summaryColumns(form *forms.Definition) []summaryColumn {
	type placed struct {
		b forms.Block
		f forms.Field
	}
	var fields []placed
	for _, b := range form.Blocks {
		if b.Kind != forms.FieldsBlock {
			continue
		}
		for _, f := range b.Fields {
			if f.Summary > 0 {
				fields = append(fields, placed{b, f})
			}
		}
	}
	slices.SortStableFunc(fields, func(a, b placed) int { return a.f.Summary - b.f.Summary })
	var cols []summaryColumn
	for _, p := range fields { // in the order of Field.Summary
		cols = append(cols, hostColumn(p.b, p.f))
	}
	for _, b := range form.Blocks {
		switch {
		case b.SummaryLabel == "":
		case b.Kind == forms.TableBlock:
			cols = append(cols, summaryColumn{b.SummaryLabel, func(a application) any { return len(a.d.FilledRows(b)) }})
		case b.Kind == forms.TextBlock:
			cols = append(cols, summaryColumn{b.SummaryLabel, func(a application) any { return forms.CountWords(a.d.Get(b.Key)) }})
		}
	}
	cols = append(cols,
		summaryColumn{"错误数", func(a application) any { return a.errs }},
		summaryColumn{"提醒数", func(a application) any { return a.warns }},
		summaryColumn{"文件", func(a application) any { return strings.Join(a.files, "\n") }},
	)
	if form.Group != "" {
		cols = append(cols, summaryColumn{"文件间不一致", func(a application) any { return strings.Join(a.conflicts, "\n") }},
			summaryColumn{"跨" + form.Group + "提醒", func(a application) any { return strings.Join(a.cross, "\n") }})
	} else {
		cols = append(cols, summaryColumn{"文件间不一致", func(a application) any { return strings.Join(a.conflicts, "\n") }})
	}
	return cols
}

// hostColumn is an applicant's field as the outputs print it, its label without the block's
// name (主持人姓名 → 姓名); a 年限 that is a number is a number cell, so that it sorts and
// filters as one.
func hostColumn(host forms.Block, f forms.Field) summaryColumn {
	label := strings.TrimPrefix(f.Name(), host.Nav)
	return summaryColumn{label, func(a application) any {
		v := a.d.Value(host, f, 0)
		if f.Kind == forms.WholeNumber {
			if n, ok := forms.ParseWhole(v); ok {
				return n
			}
		}
		return forms.Display(f, v)
	}}
}

type summaryStyles struct{ header, body, shaded int }

func newSummaryStyles(f *excelize.File) (summaryStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "A0A0A0", Style: 1}, {Type: "right", Color: "A0A0A0", Style: 1},
		{Type: "top", Color: "A0A0A0", Style: 1}, {Type: "bottom", Color: "A0A0A0", Style: 1},
	}
	defs := []*excelize.Style{
		{Font: &excelize.Font{Bold: true}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}},
		{Border: border, Alignment: &excelize.Alignment{Vertical: "center"}},
		{Border: border, Alignment: &excelize.Alignment{Vertical: "center"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4E4"}}},
	}
	var ids [3]int
	for i, s := range defs {
		id, err := f.NewStyle(s)
		if err != nil {
			return summaryStyles{}, err
		}
		ids[i] = id
	}
	return summaryStyles{ids[0], ids[1], ids[2]}, nil
}

func writeSummary(w io.Writer, apps []application, bad, scans []unreadable) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	groups := byForm(apps)
	sheets := sheetNames(groups)
	for i, g := range groups {
		if i == 0 {
			if err := f.SetSheetName(f.GetSheetName(0), sheets[i].summary); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheets[i].summary); err != nil {
			return err
		}
		if err := writeApplications(f, sheets[i].summary, g, st); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(FindingsSheet); err != nil {
		return err
	}
	if err := writeFindings(f, apps, st); err != nil {
		return err
	}
	for i, g := range groups {
		if sheets[i].county == "" {
			continue
		}
		if _, err := f.NewSheet(sheets[i].county); err != nil {
			return err
		}
		if err := writeCounties(f, sheets[i].county, g, st); err != nil {
			return err
		}
	}
	for _, s := range []string{UnreadableSheet, ScanSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	if err := writeUnreadable(f, bad, st); err != nil {
		return err
	}
	if err := writeScans(f, scans, st); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// formGroup is the applications of one form, in the summary's order.
type formGroup struct {
	form *forms.Definition
	apps []application
}

// byForm splits the sorted applications by form; with none, the built-in form's empty sheet.
func byForm(apps []application) []formGroup {
	var out []formGroup
	for _, a := range apps {
		if n := len(out); n > 0 && out[n-1].form == a.d.Form() {
			out[n-1].apps = append(out[n-1].apps, a)
			continue
		}
		out = append(out, formGroup{a.d.Form(), []application{a}})
	}
	if len(out) == 0 {
		out = append(out, formGroup{form: forms.Default()})
	}
	return out
}

// groupSheets names the sheets of one form's group: 申报汇总 and 县区统计 when the folder holds
// one form, each followed by the form's name when it holds several (a county sheet only for a
// form with paired counties).
type groupSheets struct{ summary, county string }

func sheetNames(groups []formGroup) []groupSheets {
	out := make([]groupSheets, len(groups))
	for i, g := range groups {
		out[i] = groupSheets{summary: SummarySheet}
		if len(g.form.Counties()) > 0 {
			out[i].county = CountySheet
		}
		if len(groups) > 1 {
			name := g.form.OutputName
			out[i].summary = sheetName(SummarySheet+"-"+name, i)
			if out[i].county != "" {
				out[i].county = sheetName(CountySheet+"-"+name, i)
			}
		}
	}
	return out
}

// sheetName fits a sheet name into Excel's 31 characters without the characters Excel
// refuses, numbered to stay unique.
func sheetName(s string, i int) string {
	suffix := fmt.Sprintf("%d", i+1)
	return workbook.SheetName(s, len(suffix)) + suffix
}

func writeApplications(f *excelize.File, sheet string, g formGroup, st summaryStyles) error {
	apps := g.apps
	cols := summaryColumns(g.form)
	grid := make([][]any, 0, len(apps)+1)
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = c.label
	}
	grid = append(grid, head)
	for _, a := range apps {
		row := make([]any, len(cols))
		for i, c := range cols {
			row[i] = c.value(a)
		}
		grid = append(grid, row)
	}
	shaded := func(r int) bool { return r > 0 && apps[r-1].errs > 0 }
	// The filter first: excelize's AutoFilter replaces the sheet properties that printSetup sets.
	if err := f.AutoFilter(sheet, "A1:"+workbook.Cell(len(cols), len(grid)), nil); err != nil {
		return err
	}
	return writeTable(f, sheet, grid, st, shaded)
}

// writeCounties counts the applications per county: all six of the notice, 0 included, then
// 其他 and 未填写 when there are any, and the total.
func writeCounties(f *excelize.File, sheet string, g formGroup, st summaryStyles) error {
	apps, counties := g.apps, g.form.Counties()
	all, withErr := map[string]int{}, map[string]int{}
	for _, a := range apps {
		all[a.county]++
		if a.errs > 0 {
			withErr[a.county]++
		}
	}
	_, field, _ := g.form.RoleField(forms.RolePairedCounty)
	grid := [][]any{{field.Name(), "申报数", "其中有错误"}}
	groups := append(append([]string{}, counties...), countyOther, countyNone)
	errTotal := 0
	for i, c := range groups {
		if i >= len(counties) && all[c] == 0 {
			continue
		}
		grid = append(grid, []any{c, all[c], withErr[c]})
		errTotal += withErr[c]
	}
	grid = append(grid, []any{"合计", len(apps), errTotal})
	return writeTable(f, sheet, grid, st, nil)
}

// writeScans lists the scanned PDFs: the stamped copies schools send with the Word file.
func writeScans(f *excelize.File, scans []unreadable, st summaryStyles) error {
	grid := [][]any{{"文件", "说明"}}
	for _, s := range scans {
		note := "扫描件（只有图片）：内容请以同一申请人的 Word 文件或草稿为准"
		if s.owner != "" {
			note = "盖章扫描件，属于" + s.owner + "的申报表"
		}
		grid = append(grid, []any{s.rel, note})
	}
	return writeTable(f, ScanSheet, grid, st, nil)
}

func writeUnreadable(f *excelize.File, bad []unreadable, st summaryStyles) error {
	grid := [][]any{{"文件", "原因"}}
	for _, b := range bad {
		grid = append(grid, []any{b.rel, b.reason})
	}
	return writeTable(f, UnreadableSheet, grid, st, nil)
}

// writeTable writes a header row and rows with borders, the header bold and frozen, columns
// sized to their content; rows for which shaded says so get a light red fill.
func writeTable(f *excelize.File, sheet string, grid [][]any, st summaryStyles, shaded func(r int) bool) error {
	ncol := len(grid[0])
	widths := make([]float64, ncol)
	for r, row := range grid {
		if err := f.SetSheetRow(sheet, workbook.Cell(1, r+1), &row); err != nil {
			return err
		}
		style := st.body
		switch {
		case r == 0:
			style = st.header
		case shaded != nil && shaded(r):
			style = st.shaded
		}
		if err := f.SetCellStyle(sheet, workbook.Cell(1, r+1), workbook.Cell(ncol, r+1), style); err != nil {
			return err
		}
		for c, v := range row {
			widths[c] = max(widths[c], workbook.TextWidth(fmt.Sprint(v)))
		}
	}
	// excelize leaves the used range at A1; readers that trust it (openpyxl's read-only mode)
	// would see one cell.
	if err := f.SetSheetDimension(sheet, "A1:"+workbook.Cell(ncol, len(grid))); err != nil {
		return err
	}
	for c, w := range widths {
		name := workbook.Col(c + 1)
		if err := f.SetColWidth(sheet, name, name, min(max(w+3, 8), workbook.MaxWidth)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	return workbook.PrintSetup(f, sheet, 1)
}
