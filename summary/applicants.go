package summary

import (
	"fmt"
	"path/filepath"

	"github.com/xuri/excelize/v2"
	"sort"
	"strings"
	"unicode"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/readback"
)

// What schools send is rarely one draft per applicant: the .docx and the PDF, sometimes the
// draft too, sometimes the bureau's Word form filled by hand. The summary reads them all
// (readback) and makes one row per applicant, matched by 工作单位 and 姓名; where the
// files disagree the row says in which fields. A person in two studios is a 提醒.

// isApplicationFile: the files summary reads. Word's lock files (~$名字.docx) are not ones.
func isApplicationFile(name string) bool {
	if strings.HasPrefix(name, "~$") {
		return false
	}
	switch strings.ToLower(name[strings.LastIndexByte(name, '.')+1:]) {
	case "json", "docx", "pdf":
		return strings.Contains(name, ".")
	}
	return false
}

// kindRank orders the files of one applicant: the one whose values the row shows first. The
// Word file is what the bureau is sent (and read with the cells edited in Word winning), then
// the draft, our PDF, and a hand-filled form; of two of one kind, the newer.
func kindRank(k readback.Kind) int {
	switch k {
	case readback.OurDOCX:
		return 0
	case readback.DraftFile:
		return 1
	case readback.OurPDF:
		return 2
	}
	return 3
}

// applicantKey matches the files of one applicant: 工作单位 and 姓名 without spaces. Files
// without either are rows of their own.
func applicantKey(a application) string {
	u, n := a.d.Applicant()
	unit, name := squashed(u), squashed(n)
	if unit == "" || name == "" {
		return "\x00" + a.rel
	}
	return a.d.Form().DraftFormat + "\x00" + unit + "\x00" + name
}

// squashed is a name or unit as people are matched by it: without spaces of any kind nor
// invisible format characters (a zero-width space or a bidi mark pasted into 姓名 made the
// same person a second applicant, in another studio of hers).
func squashed(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// mergeApplicants folds the files of each applicant into one application: the first by
// kindRank gives the values and findings, every file is listed, and the fields where another
// file differs from it are noted.
func mergeApplicants(apps []application) []application {
	groups := map[string][]application{}
	var order []string
	for _, a := range apps {
		k := applicantKey(a)
		if groups[k] == nil {
			order = append(order, k)
		}
		groups[k] = append(groups[k], a)
	}
	out := make([]application, 0, len(order))
	for _, k := range order {
		g := groups[k]
		sort.SliceStable(g, func(i, j int) bool {
			if ri, rj := kindRank(g[i].kind), kindRank(g[j].kind); ri != rj {
				return ri < rj
			}
			if !g[i].modified.Equal(g[j].modified) {
				return g[i].modified.After(g[j].modified) // the newer Word file
			}
			return g[i].rel < g[j].rel
		})
		main := g[0]
		main.files = []string{main.rel}
		for _, other := range g[1:] {
			main.files = append(main.files, other.rel)
			if diff := readback.Differences(main.d, other.d); len(diff) > 0 {
				main.conflicts = append(main.conflicts, fmt.Sprintf("%s 与 %s 不同：%s", other.rel, main.rel, strings.Join(diff, "、")))
			}
		}
		out = append(out, main)
	}
	return out
}

// studioPerson is someone named in an application, for the two-studios check.
type studioPerson struct {
	app  int    // index of the application
	role string // 主持人, 指导老师, 成员
	path string // field path of the name
	name string
}

// crossStudio notes, in each application, the people who are also in another applicant's
// studio: a member in two, or the host of one a member or adviser of another. Advising two
// studios is allowed. People are matched by name and mobile number, as check matches them
// inside one form.
func crossStudio(apps []application) {
	byKey := map[string][]studioPerson{}
	add := func(i int, role, path, name, phone string) {
		n := squashed(name)
		m, ok := forms.ParseMobile(phone)
		if n == "" || !ok {
			return
		}
		byKey[n+"\x00"+m] = append(byKey[n+"\x00"+m], studioPerson{i, role, path, name})
	}
	shared := map[string]bool{} // roles that may be in several applications
	for i, a := range apps {
		form := a.d.Form()
		if form.Group == "" {
			continue
		}
		if hb, hname, ok := form.RoleField(forms.RoleApplicantName); ok {
			add(i, hb.Nav, form.RolePath(forms.RoleApplicantName), a.d.Value(hb, hname, 0), a.d.Get(form.RolePath(forms.RoleApplicantPhone)))
		}
		for _, b := range form.Tables() {
			name, mobile := b.NameColumn(), b.Field("mobile")
			shared[b.Person] = shared[b.Person] || b.Shared
			for _, r := range a.d.FilledRows(b) {
				add(i, b.Person, forms.Path(b, name, r), a.d.Value(b, name, r), a.d.Value(b, mobile, r))
			}
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		ps := byKey[k]
		for _, p := range ps {
			var others []string
			for _, q := range ps {
				if p.app == q.app || p.role == q.role && shared[p.role] {
					continue
				}
				o := apps[q.app].d
				unit, name := o.Applicant()
				others = append(others, fmt.Sprintf("%s（%s）%s的%s", name, unit, o.Form().Group, q.role))
			}
			if len(others) > 0 {
				apps[p.app].cross = append(apps[p.app].cross, fmt.Sprintf("提醒 %s: %s（同名、同手机号）也是%s，请核实是否为同一人、能否同时参加。",
					p.path, strings.TrimSpace(p.name), strings.Join(others, "、")))
			}
		}
	}
	for i := range apps {
		apps[i].warns += len(apps[i].cross)
	}
}

// writeFindings lists every finding of every applicant, one a row, as check prints them, in
// the summary's order; the 提醒 about people in two studios with them.
func writeFindings(f *excelize.File, apps []application, st summaryStyles) error {
	grid := [][]any{{"姓名", "工作单位", "文件", "类别", "栏目", "说明"}}
	for _, a := range apps {
		row := func(severity, path, msg string) {
			_, name := a.d.Applicant()
			grid = append(grid, []any{name, a.unit, a.rel, severity, path, msg})
		}
		for _, fd := range a.findings {
			row(fd.Severity.String(), fd.Path, fd.Message)
		}
		for _, c := range a.cross {
			// "提醒 members[2].name: …" as crossStudio writes it
			head, msg, _ := strings.Cut(strings.TrimPrefix(c, "提醒 "), ": ")
			row("提醒", head, msg)
		}
	}
	shaded := func(r int) bool { return r > 0 && grid[r][3] == forms.Error.String() }
	return writeTable(f, FindingsSheet, grid, st, shaded)
}

// matchScans gives each scan named as `shenbao scans` names it (export.ScanName: the
// applicant's unit and name) to its applicant: listed with the applicant's files, and its
// owner said on the 扫描件 sheet.
func matchScans(apps []application, scans []unreadable) {
	byName := map[string]int{}
	for i, a := range apps {
		byName[export.ScanName(a.d)] = i
	}
	for k := range scans {
		i, ok := byName[filepath.Base(scans[k].rel)]
		if !ok {
			continue
		}
		a := &apps[i]
		a.files = append(a.files, scans[k].rel)
		_, name := a.d.Applicant()
		scans[k].owner = fmt.Sprintf(" %s（%s）", name, a.unit)
	}
}
