package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
)

// runChecks judges the draft and marks the fields. It runs 300 ms after the last change
// (debounced), and at once after a structural change (rows, photo, another draft).
func (u *UI) runChecks() {
	u.checks.Cancel()
	u.findings = forms.Check(u.d)
	u.applyMarks()
	u.nav.Refresh()
	u.updateStatus()
	if p := u.pages[u.current]; p.nav == "检查" && p.obj != nil {
		u.show(u.current) // rebuilt from the new findings
	}
}

// visible says whether a finding is shown on its field already: once the user worked on the
// field, or it holds something, or the user asked for every finding (检查, export). A new
// draft is not covered in red before anything was typed.
func (u *UI) visible(f forms.Finding) bool {
	if u.reveal || u.touched[f.Path] {
		return true
	}
	if i := strings.IndexByte(f.Path, ']'); i >= 0 && u.touched[f.Path[:i+1]] {
		return true
	}
	if f.Path == photoPath() {
		return u.d.Photo != nil
	}
	return strings.TrimSpace(u.d.Get(f.Path)) != ""
}

// revealAll shows every finding on its field from now on.
func (u *UI) revealAll() {
	if !u.reveal {
		u.reveal = true
		u.applyMarks()
		u.nav.Refresh()
	}
}

// applyMarks puts each visible finding on its field, row or block.
func (u *UI) applyMarks() {
	first := map[string]*forms.Finding{}
	rows := map[string][]string{}
	blocks := map[string][]forms.Finding{}
	for i := range u.findings {
		f := &u.findings[i]
		if !u.visible(*f) {
			continue
		}
		if old := first[f.Path]; old == nil || (old.Severity != forms.Error && f.Severity == forms.Error) {
			first[f.Path] = f
		}
		if i := strings.IndexByte(f.Path, ']'); i >= 0 {
			rows[f.Path[:i+1]] = append(rows[f.Path[:i+1]], f.Severity.String()+"："+f.Message)
		}
		if f.Path == f.Block {
			blocks[f.Block] = append(blocks[f.Block], *f)
		}
	}
	for path, v := range u.views {
		v.mark(first[path])
	}
	for row, l := range u.rowMsgs {
		if msgs := rows[row]; len(msgs) > 0 {
			setMessage(l, severityOf(msgs), strings.Join(msgs, "\n"))
		} else {
			l.Hide()
		}
	}
	for key, l := range u.blkMsgs {
		fs := blocks[key]
		if len(fs) == 0 {
			l.Hide()
			continue
		}
		var lines []string
		sev := forms.Warning
		for _, f := range fs {
			lines = append(lines, f.Severity.String()+"："+f.Message)
			if f.Severity == forms.Error {
				sev = forms.Error
			}
		}
		setMessage(l, sev, strings.Join(lines, "\n"))
	}
}

func severityOf(msgs []string) forms.Severity {
	for _, m := range msgs {
		if strings.HasPrefix(m, forms.Error.String()) {
			return forms.Error
		}
	}
	return forms.Warning
}

// visibleErrors counts the 错误 of a block shown on its fields (the badge in the list).
func (u *UI) visibleErrors(block string) int {
	n := 0
	for _, f := range u.findings {
		if f.Block == block && f.Severity == forms.Error && u.visible(f) {
			n++
		}
	}
	return n
}

func countFindings(fs []forms.Finding) (errs, warns int) {
	for _, f := range fs {
		if f.Severity == forms.Error {
			errs++
		} else {
			warns++
		}
	}
	return errs, warns
}

// checkPage lists every finding by block; a click goes to the field.
func (u *UI) checkPage() fyne.CanvasObject {
	p := u.pageNamed("检查")
	errs, warns := countFindings(u.findings)
	var summary string
	switch {
	case errs == 0 && warns == 0:
		summary = "没有发现问题，可以到“预览与导出”导出申报表。"
	case errs == 0:
		summary = "没有错误，可以导出申报表。有 " + itoa(warns) + " 个提醒，请看一看是否需要修改。"
	default:
		summary = "有 " + itoa(errs) + " 个错误、" + itoa(warns) + " 个提醒。错误改正之前，只能导出带“草稿（未通过检查）”字样的版本。点一条可以转到要改的地方。"
	}
	box := container.NewVBox(wrapped(summary))
	for _, b := range forms.Form {
		var rows []fyne.CanvasObject
		for _, f := range u.findings {
			if f.Block == b.Key && b.Key != "" {
				rows = append(rows, u.findingRow(f))
			}
		}
		if len(rows) > 0 {
			box.Add(widget.NewSeparator())
			box.Add(heading(b.Nav, theme.SizeNameText))
			box.Add(container.NewVBox(rows...))
		}
	}
	return pageFrame(p, "检查", "按通知和申报表的要求检查草稿。错误必须改正；提醒请自行判断。", box, true)
}

// findingRow is one finding: its severity, its message, and a click that goes to the field.
func (u *UI) findingRow(f forms.Finding) fyne.CanvasObject {
	sev := widget.NewLabel(f.Severity.String())
	sev.Importance = widget.WarningImportance
	if f.Severity == forms.Error {
		sev.Importance = widget.DangerImportance
	}
	path := f.Path
	msg := newTapLabel(f.Message, func() { u.goTo(path) })
	go_ := widget.NewButtonWithIcon("转到", theme.NavigateNextIcon(), func() { u.goTo(path) })
	go_.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, sev, go_, msg)
}

func (u *UI) pageNamed(nav string) *page {
	for _, p := range u.pages {
		if p.nav == nav {
			return p
		}
	}
	return nil
}

// tapLabel is wrapped text that acts like a link.
type tapLabel struct {
	zhText
	onTap func()
}

func newTapLabel(s string, onTap func()) *tapLabel {
	l := &tapLabel{onTap: onTap}
	l.Text, l.color, l.size = s, theme.ColorNameForeground, theme.SizeNameText
	l.Scroll = container.ScrollNone
	l.Segments = []widget.RichTextSegment{&widget.TextSegment{}}
	l.ExtendBaseWidget(l)
	l.rewrap(0)
	return l
}

func (l *tapLabel) Tapped(*fyne.PointEvent) { l.onTap() }

func (l *tapLabel) Cursor() desktop.Cursor { return desktop.PointerCursor }
