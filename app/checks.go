package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/photo"
)

// runChecks judges the draft and marks the fields. It runs 300 ms after the last change
// (debounced), and at once after a structural change (rows, photo, another draft).
func (u *UI) runChecks() {
	u.checks.Cancel()
	u.findings = forms.Check(u.d, photo.StoredSize)
	u.applyMarks()
	for i := range u.form.Blocks {
		if u.form.Blocks[i].Kind == forms.TableBlock {
			u.updateAddButton(&u.form.Blocks[i])
		}
	}
	u.nav.Refresh()
	u.updateStatus()
	if p := u.pages[u.current]; p.nav == "检查" && p.obj != nil {
		u.show(u.current) // rebuilt from the new findings
	}
}

// visible says whether a finding shows on its field. Checks alarm only where the user has
// been: a field (or a whole table row) shows its findings once the user has changed it and
// left it, or when it held something when the draft was opened; every finding shows after
// 检查 or an export. The field being typed in waits until the user leaves it. A new or
// recovered draft is therefore not red all over, and a name typed into an empty row does
// not mark the row's other cells at once.
//
// A limit passed (or, for 字数, close) is the exception: it shows at once, while typing, beside
// the counter and in the status bar, since the user must hear it before typing on.
func (u *UI) visible(f forms.Finding) bool {
	return f.Limit || u.shown[unitOf(f.Path)] && f.Path != u.editing
}

// unitOf is what a finding's visibility goes by: the row of a table cell, else the path
// itself (a field, or a block for findings about the block as a whole).
func unitOf(path string) string {
	if i := strings.IndexByte(path, ']'); i >= 0 {
		return path[:i+1]
	}
	return path
}

// filledUnits are the units whose findings show when a draft is opened: what holds something.
func filledUnits(d *forms.Draft) map[string]bool {
	shown := map[string]bool{}
	for _, b := range d.Form().Blocks {
		switch b.Kind {
		case forms.TableBlock:
			for r := 1; r <= d.Rows(b.Key); r++ {
				if !d.RowEmpty(b, r) {
					shown[fmt.Sprintf("%s[%d]", b.Key, r)] = true
					shown[b.Key] = true
				}
			}
		default:
			for _, f := range b.Fields {
				p := forms.Path(b, f, 0)
				if f.Kind == forms.Picture && d.Photo != nil || strings.TrimSpace(d.Get(p)) != "" {
					shown[p] = true
				}
			}
		}
	}
	return shown
}

// focusIn: the user came to field path (a click, Tab, or typing).
func (u *UI) focusIn(path string) {
	if u.at != "" && u.at != path {
		u.leaveField(u.at, path)
	}
	u.at = path
}

// focusOut: the field lost the keyboard. Where it went is known only a moment later (the next
// field gains it after this one lost it), so the decision waits.
func (u *UI) focusOut(path string) {
	u.env.After(50*time.Millisecond, func() {
		if u.at == path && !u.hasFocus(path) {
			u.leaveField(path, "")
		}
	})
}

func (u *UI) hasFocus(path string) bool {
	v := u.views[path]
	return v != nil && v.focus != nil && u.win.Canvas().Focused() == v.focus
}

// leaveField: the user left field path for next ("" for none). A changed field, or a changed
// table row once the user leaves the row, shows its findings from now on.
func (u *UI) leaveField(path, next string) {
	if u.at == path {
		u.at = ""
	}
	wasEditing := u.editing == path
	if wasEditing {
		u.editing = ""
	}
	unit := unitOf(path)
	if u.edited[unit] && (unit == path || unitOf(next) != unit) {
		delete(u.edited, unit)
		u.shown[unit] = true
		u.shown[blockKeyOf(unit)] = true
	} else if !wasEditing {
		return
	}
	u.applyMarks()
	u.nav.Refresh()
	u.updateStatus()
}

// revealAll shows every finding there is now (检查, export); rows added later wait again.
func (u *UI) revealAll() {
	changed := u.editing != ""
	u.editing = ""
	for _, f := range u.findings {
		if unit := unitOf(f.Path); !u.shown[unit] {
			u.shown[unit] = true
			changed = true
		}
	}
	if changed {
		u.applyMarks()
		u.nav.Refresh()
		u.updateStatus()
	}
}

// applyMarks puts each visible finding on its field, row or block.
func (u *UI) applyMarks() {
	first := map[string]*forms.Finding{}
	rows := map[string][]forms.Finding{}
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
			rows[f.Path[:i+1]] = append(rows[f.Path[:i+1]], *f)
		}
		if f.Path == f.Block {
			blocks[f.Block] = append(blocks[f.Block], *f)
		}
	}
	for path, v := range u.views {
		v.mark(first[path])
	}
	for row, l := range u.rowMsgs {
		if fs := rows[row]; len(fs) > 0 {
			sev, text := u.rowMessage(fs)
			setMessage(l, sev, text)
		} else {
			clearMessage(l)
		}
	}
	for key, l := range u.blkMsgs {
		fs := blocks[key]
		if len(fs) == 0 {
			clearMessage(l)
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

// rowMessage is a table row's findings in few lines: the cells still empty named in one
// line ("还没有填：性别、出生年月、手机号码"), the other findings each on its own. Seven lines of
// "请填写…" would push the rows below down the page.
func (u *UI) rowMessage(fs []forms.Finding) (forms.Severity, string) {
	sev := forms.Warning
	var empty []string
	var lines []string
	for _, f := range fs {
		if f.Severity == forms.Error {
			sev = forms.Error
		}
		if f.Severity == forms.Error && strings.TrimSpace(u.d.Get(f.Path)) == "" {
			if b, ok := u.form.Block(f.Block); ok {
				empty = append(empty, b.Field(f.Path[strings.LastIndexByte(f.Path, '.')+1:]).Name())
				continue
			}
		}
		lines = append(lines, f.Severity.String()+"："+f.Message)
	}
	if len(empty) > 0 {
		lines = append([]string{"错误：这一行还没有填" + strings.Join(empty, "、") + "。"}, lines...)
	}
	return sev, strings.Join(lines, "\n")
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
		summary = "没有错误，可以导出申报表。有" + itoa(warns) + "个提醒，请看一看是否需要修改。"
	default:
		summary = "有" + itoa(errs) + "个错误、" + itoa(warns) + "个提醒。错误改正之前，只能导出带“草稿（未通过检查）”字样的版本。点一条可以转到要改的地方。"
	}
	box := container.NewVBox(wrapped(summary))
	for _, b := range u.form.Blocks {
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
