package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// framed lists the cells of a row whose frame shows a finding.
func (h *harness) framed(row string) []string {
	var out []string
	for path, v := range h.u.views {
		if strings.HasPrefix(path, row+".") && v.frame != nil && v.frame.border.Visible() {
			out = append(out, path)
		}
	}
	return out
}

// A name typed into an empty adviser row marks nothing while the user is in the row; once the
// row is left, its findings show: on the cells and in the row's line.
func TestRowFindingsShowOnceTheRowIsLeft(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("指导老师")
	name := h.u.views["advisers[1].name"]
	h.canvas().Focus(name.focus)
	test.Type(h.entry("advisers[1].name"), "陈嘉言")
	h.clock.Advance(time.Second)
	if f := h.framed("advisers[1]"); len(f) > 0 || h.u.rowMsgs["advisers[1]"].Text != "" {
		t.Fatalf("marked while typing in the row: %v %q", f, h.u.rowMsgs["advisers[1]"].Text)
	}
	h.canvas().Focus(h.u.views["advisers[1].birth"].focus) // Tab within the row
	h.clock.Advance(time.Second)
	if f := h.framed("advisers[1]"); len(f) > 0 {
		t.Fatalf("marked on moving within the row: %v", f)
	}
	h.canvas().Unfocus() // a click outside the table
	h.clock.Advance(time.Second)
	if f := h.framed("advisers[1]"); len(f) != 7 {
		t.Errorf("after leaving the row %d cells framed, want the 7 empty ones: %v", len(f), f)
	}
	if msg := h.u.rowMsgs["advisers[1]"].Text; !strings.Contains(msg, "错误") || !strings.Contains(msg, "性别、出生年月") ||
		!strings.Contains(msg, "手机号码") || strings.Contains(msg, "\n") {
		t.Errorf("row message, want the empty cells named in one line: %q", msg)
	}
	for _, f := range h.framed("advisers[1]") {
		if f == "advisers[1].name" {
			t.Error("the filled name is framed")
		}
	}
}

// The status bar counts what the list's badges show, and says how many findings wait for
// fields not yet filled; after 检查 they all show and both agree again.
func TestOneCountForListAndStatusBar(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	badges := func() int {
		n := 0
		for _, p := range h.u.pages {
			if p.block != nil {
				n += h.u.visibleErrors(p.block.Key)
			}
		}
		return n
	}
	e, _ := countFindings(h.u.findings)
	if e == 0 {
		t.Fatal("a blank draft has no 错误 to hide")
	}
	if got := h.u.counts.Text; !strings.HasPrefix(got, "0个错误") || !strings.Contains(got, "待填写") || badges() != 0 {
		t.Errorf("blank draft: status %q, badges %d", got, badges())
	}
	h.u.showPage("检查")
	want := itoa(e) + "个错误"
	if got := h.u.counts.Text; !strings.HasPrefix(got, want) || strings.Contains(got, "待填写") || badges() != e {
		t.Errorf("after 检查: status %q, badges %d, want %s", got, badges(), want)
	}
}

// A recovered new draft shows the findings of what was typed, not every empty field in red.
func TestRecoveredDraftIsNotRedAllOver(t *testing.T) {
	config := t.TempDir()
	h := newHarness(t, config)
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	test.Type(h.entry("host.years"), "3")
	h.u.saver.Flush()
	h.u.saver.lock.Drop()
	h2 := newHarness(t, config)
	h2.u.Start("")
	h2.tapButton("恢复")
	h2.u.showPage("主持人")
	if msg := h2.u.views["host.unit"].msg.Text; msg != "" {
		t.Errorf("an empty field is marked after recovery: %q", msg)
	}
	if msg := h2.u.views["host.years"].msg.Text; !strings.Contains(msg, "5年及以上") {
		t.Errorf("the typed 年限 is not checked after recovery: %q", msg)
	}
}

// A message coming or going moves no field: the line under each field is kept.
func TestMessagesDoNotMoveFields(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("主持人")
	below := h.u.views["host.research"].obj
	content := h.u.pages[h.u.current].scroll.Content
	pos := func() fyne.Position { // on the page, whatever the page is scrolled to
		d := fyne.CurrentApp().Driver()
		return d.AbsolutePositionForObject(below).Subtract(d.AbsolutePositionForObject(content))
	}
	before := pos()
	years := h.u.views["host.years"]
	h.canvas().Focus(years.focus)
	years.entry.SetText("3")
	h.canvas().Focus(h.u.views["host.unit"].focus)
	h.clock.Advance(time.Second)
	if !strings.Contains(years.msg.Text, "5年及以上") {
		t.Fatalf("no message: %q", years.msg.Text)
	}
	if after := pos(); after != before {
		t.Errorf("the field below moved from %v to %v when a message appeared", before, after)
	}
	years.entry.SetText("12")
	h.clock.Advance(time.Second)
	if years.msg.Text != "" {
		t.Fatalf("message stays: %q", years.msg.Text)
	}
	if after := pos(); after != before {
		t.Errorf("the field below moved from %v to %v when the message went", before, after)
	}
}

// Every value of a table row is readable: a long 所在单位 wraps onto more lines and the row
// grows; phone numbers and dates keep all their digits even at 1024×600.
func TestTableValuesAreReadable(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
		h := newHarness(t, "")
		h.u.win.Resize(size)
		h.u.Start(writeSample(t, t.TempDir()))
		h.u.showPage("指导老师")
		long := "广西壮族自治区柳州市柳北区第二十五中学教育集团德育研究中心"
		h.entry("advisers[1].unit").SetText(long)
		h.u.win.Resize(size) // lay out
		cell := h.u.views["advisers[1].unit"].focus.(*cellEntry)
		if cell.rows < 2 {
			t.Errorf("%v: a %d-character unit shows on %d line(s)", size, len([]rune(long)), cell.rows)
		}
		phone := h.u.views["advisers[1].mobile"].focus.(*cellEntry)
		if cell.rows != wrappedRows(long, cell.Size().Width) || cell.MinSize().Height <= phone.MinSize().Height {
			t.Errorf("%v: cell of %v shows %d lines, its text takes %d", size, cell.Size(), cell.rows, wrappedRows(long, cell.Size().Width))
		}
		if phone.rows != 1 {
			t.Errorf("%v: the phone number wraps onto %d lines (cell %v)", size, phone.rows, phone.Size())
		}
		birth := h.u.views["advisers[1].birth"].focus.(*cellEntry)
		if birth.rows != 1 {
			t.Errorf("%v: the birth date wraps onto %d lines", size, birth.rows)
		}
		gender := h.u.views["advisers[1].gender"].focus.(*fieldSelect)
		if w := fyne.MeasureText(gender.PlaceHolder, 15, fyne.TextStyle{}).Width; gender.Size().Width < w+40 {
			t.Errorf("%v: 性别 is %v wide for %q", size, gender.Size().Width, gender.PlaceHolder)
		}
	}
}

// Enter in a cell goes on to the next cell; a pasted line break becomes a space.
func TestCellsStayOneLine(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("指导老师")
	cell := h.u.views["advisers[1].unit"].focus.(*cellEntry)
	h.canvas().Focus(cell)
	cell.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if h.canvas().Focused() == cell {
		t.Error("Enter stayed in the cell")
	}
	h.canvas().Focus(cell)
	clip := test.NewClipboard()
	clip.SetContent("柳州市\n第一中学")
	cell.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if got := h.u.d.Get("advisers[1].unit"); got != "柳州市 第一中学" {
		t.Errorf("pasted %q", got)
	}
}

// Tab from a row's last cell goes to the next row, never onto the delete button.
func TestTabSkipsTheDeleteButton(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("指导老师")
	h.canvas().Focus(h.u.views["advisers[1].mobile"].focus)
	h.canvas().FocusNext()
	if got := h.canvas().Focused(); got != h.u.views["advisers[2].name"].focus {
		t.Errorf("Tab from the last cell went to %T", got)
	}
}

// Deleting a row asks with 取消 as the default: Enter keeps the row.
func TestDeleteRowDefaultsToCancel(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("指导老师")
	b, _ := forms.Default().Block("advisers")
	var del *toolButton
	walk(h.tableBody("advisers"), func(o fyne.CanvasObject) {
		if tb, ok := o.(*toolButton); ok && del == nil {
			del = tb
		}
	})
	if del == nil || del.Tip != "删除第1行" {
		t.Fatalf("delete button %v", del)
	}
	test.Tap(del)
	if !strings.Contains(h.overlayTexts(), "删除这一行") {
		t.Fatal("no question")
	}
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if n := h.u.d.Rows(b.Key); n != 2 || h.canvas().Overlays().Top() != nil {
		t.Errorf("Enter: %d rows, dialog %v", n, h.canvas().Overlays().Top())
	}
}

// 添加一行 puts the cursor in the first empty row before it adds one.
func TestAddRowFillsTheFirstEmptyRow(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("工作室成员")
	rows := h.u.d.Rows("members")
	h.entry("members[1].name").SetText("甲")
	test.Tap(findButton(t, h.u.content, "添加一行"))
	if h.u.d.Rows("members") != rows || h.canvas().Focused() != h.u.views["members[2].name"].focus {
		t.Errorf("rows %d (was %d), focus %T", h.u.d.Rows("members"), rows, h.canvas().Focused())
	}
}

// One highlight in the list: going to a page by a link (the status bar's count, a finding)
// while the list has the keyboard takes the list's focus mark away from the old item.
func TestOneHighlightInTheList(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.canvas().Focus(h.u.nav)
	test.Tap(h.u.counts) // → 检查
	if h.canvas().Focused() == h.u.nav {
		t.Error("the list keeps its focus mark on 主持人 beside the selected 检查")
	}
	if h.u.pages[h.u.current].nav != "检查" {
		t.Errorf("on %s", h.u.pages[h.u.current].nav)
	}
}

// A tooltip is drawn in the window's tip layer (no pop-up that would eat the next click) and
// goes when the mouse leaves.
func TestToolButtonTooltip(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("指导老师")
	var del *toolButton
	walk(h.tableBody("advisers"), func(o fyne.CanvasObject) {
		if tb, ok := o.(*toolButton); ok && del == nil {
			del = tb
		}
	})
	layer := tipLayers[h.canvas()]
	del.MouseIn(&desktop.MouseEvent{})
	del.showTip(fyne.NewPos(100, 100))
	var shown string
	for _, o := range layer.Objects {
		if tx, ok := o.(*canvas.Text); ok {
			shown = tx.Text
		}
	}
	if shown != "删除第1行" || h.canvas().Overlays().Top() != nil {
		t.Errorf("tooltip %q, overlay %v", shown, h.canvas().Overlays().Top())
	}
	del.MouseOut()
	if len(layer.Objects) != 0 {
		t.Errorf("the tooltip stays after the mouse left: %d objects", len(layer.Objects))
	}
}

// Typing past a limit is said at once, before the field is left and before the checks'
// pause: beside the counter, in the block's badge and in the status bar, and the three agree.
// A plan close to its limit is a 提醒 that shows too, never a field "待填写".
func TestLimitPassedWhileTypingShowsAtOnce(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("三年发展规划")
	lt := h.u.long["plan"]
	h.canvas().Focus(lt.editor.Focusable())
	plan := h.u.views["plan"]
	for _, tt := range []struct {
		words  int
		status string
		badge  int
		msgHas string
	}{
		{3349, "1个错误，0个提醒", 1, "超过了3000字"},
		{2920, "0个错误，1个提醒", 0, "接近3000字"},
		{2000, "0个错误，0个提醒", 0, ""},
	} {
		lt.editor.SetText(strings.Repeat("字", tt.words)) // no clock advanced: still typing
		if got := h.u.counts.Text; got != tt.status {
			t.Errorf("%d 字: status bar %q, want %q", tt.words, got, tt.status)
		}
		if got := h.u.visibleErrors("plan"); got != tt.badge {
			t.Errorf("%d 字: badge %d, want %d", tt.words, got, tt.badge)
		}
		if got := plan.msg.Text; tt.msgHas != "" && !strings.Contains(got, tt.msgHas) || tt.msgHas == "" && got != "" {
			t.Errorf("%d 字: message beside the counter %q, want %q", tt.words, got, tt.msgHas)
		}
	}
}

// The wheel scrolls the page wherever the pointer is: over an input box, a table cell or the
// space between them (Fyne gave it to the box under the pointer, which did nothing).
func TestWheelScrollsThePageOverInputs(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.win.Resize(fyne.NewSize(900, 420))
	for _, tt := range []struct{ page, over string }{
		{"主持人", "host.unit"},
		{"工作室成员", "members[2].unit"},
	} {
		h.u.showPage(tt.page)
		s := h.u.pages[h.u.current].scroll
		s.ScrollToTop()
		v := h.u.views[tt.over]
		d := fyne.CurrentApp().Driver()
		at := d.AbsolutePositionForObject(v.focus.(fyne.CanvasObject)).Add(fyne.NewPos(5, 5))
		test.Scroll(h.canvas(), at, 0, -60)
		if s.Offset.Y <= 0 {
			t.Errorf("%s: the wheel over %s left the page at %v", tt.page, tt.over, s.Offset)
		}
	}
}

// Tab into a field below the visible part of the page scrolls it fully into view: from the
// next-to-last column of the last row of each form's longest table into its last column.
func TestTabScrollsTheFieldIntoView(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		t.Run(def.ID, func(t *testing.T) {
			var b forms.Block
			for _, tb := range def.Tables() {
				if tb.Stored() && len(tb.Fields) >= 2 && tb.Rows > b.Rows {
					b = tb
				}
			}
			if b.Key == "" {
				t.Skip("no table of two columns")
			}
			h := sampleOf(t, def)
			h.u.win.Resize(fyne.NewSize(900, 480))
			h.u.showPage(b.Nav)
			s := h.u.pages[h.u.current].scroll
			s.ScrollToTop()
			row := h.u.d.Rows(b.Key)
			n := len(b.Fields)
			last := h.u.views[forms.Path(b, b.Fields[n-1], row)]
			h.canvas().Focus(h.u.views[forms.Path(b, b.Fields[n-2], row)].focus)
			h.canvas().FocusNext()
			if h.canvas().Focused() != last.focus {
				t.Fatalf("Tab went to %v", h.canvas().Focused())
			}
			d := fyne.CurrentApp().Driver()
			top := d.AbsolutePositionForObject(last.obj).Y - d.AbsolutePositionForObject(s).Y
			if top < 0 || top+last.obj.Size().Height > s.Size().Height {
				t.Errorf("the focused cell is at %v..%v of a %v-high view", top, top+last.obj.Size().Height, s.Size().Height)
			}
		})
	}
}
