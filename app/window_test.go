package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

func TestNavigationListsBlocksThenCheckAndPreview(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	var got []string
	for _, p := range h.u.pages {
		got = append(got, p.nav)
	}
	want := []string{"主持人", "指导老师", "工作室成员", "近5年业绩", "已设工作室", "三年发展规划", "检查", "预览与导出", "报送"}
	if !slices.Equal(got, want) {
		t.Fatalf("pages %v, want %v", got, want)
	}
	for i := range h.u.pages {
		h.u.nav.Select(i)
		var shown []fyne.CanvasObject
		for _, o := range h.u.content.Objects {
			if o.Visible() {
				shown = append(shown, o)
			}
		}
		if h.u.current != i || len(shown) != 1 || shown[0] != h.u.pages[i].obj {
			t.Fatalf("selecting %s did not show its page alone", want[i])
		}
	}
}

// Every input of every block is made from forms.Default().Blocks: one view per field path.
func TestPagesHaveAWidgetForEveryField(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	for i := range h.u.pages {
		h.u.show(i)
	}
	for _, b := range forms.Default().Blocks {
		rows := []int{0}
		if b.Kind == forms.TableBlock {
			rows = []int{1, b.Rows}
		}
		for _, f := range b.Fields {
			for _, r := range rows {
				if h.u.views[forms.Path(b, f, r)] == nil {
					t.Errorf("no widget for %s", forms.Path(b, f, r))
				}
			}
		}
	}
}

func TestChoicesAreSelectsWithChinesePlaceholder(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	for _, path := range []string{"host.gender", "host.partyMember", "host.pairedCounty"} {
		s, ok := h.u.views[path].focus.(*fieldSelect)
		if !ok {
			t.Fatalf("%s is %T, want a Select", path, h.u.views[path].focus)
		}
		if s.PlaceHolder != "请选择" {
			t.Errorf("%s placeholder %q", path, s.PlaceHolder)
		}
	}
	s := h.u.views["host.pairedCounty"].focus.(*fieldSelect)
	if !slices.Equal(s.Options, forms.Default().Counties()) {
		t.Errorf("counties %v", s.Options)
	}
	s.SetSelected("柳江区")
	if got := h.u.d.Get("host.pairedCounty"); got != "柳江区" {
		t.Errorf("draft has %q", got)
	}
	if h.entry("host.birth").PlaceHolder != "如 1985.03" {
		t.Errorf("birth hint %q", h.entry("host.birth").PlaceHolder)
	}
}

func TestTypingChangesTheDraftAndMarksTheTitle(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	if title := h.u.win.Title(); title != "柳州市名班主任工作室申报表 — 新草稿" {
		t.Fatalf("title %q", title)
	}
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "覃晓岚")
	if got := h.u.d.Get("host.name"); got != "覃晓岚" {
		t.Fatalf("draft host.name = %q", got)
	}
	if title := h.u.win.Title(); title != "柳州市名班主任工作室申报表 — *新草稿" {
		t.Errorf("title after typing %q", title)
	}
	// A table cell and a long text go to their paths too.
	h.u.showPage("工作室成员")
	test.Type(h.entry("members[3].mobile"), "13800000000")
	if got := h.u.d.Get("members[3].mobile"); got != "13800000000" {
		t.Errorf("members[3].mobile = %q", got)
	}
	h.u.showPage("近5年业绩")
	lt := h.u.long["achievements"]
	test.Type(lt.editor.Focusable(), "你好 world")
	if got := h.u.d.Get("achievements"); got != "你好 world" {
		t.Errorf("achievements = %q", got)
	}
	if lt.count.Text != "字数：3" {
		t.Errorf("count %q", lt.count.Text)
	}
}

// A 错误 shows on the field once the user leaves it (not while typing), and the 检查 page
// lists it; a click goes back to the field with the cursor in it.
func TestFindingAppearsAndClickJumpsToField(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("主持人")
	years := h.entry("host.years")
	years.SetText("")
	test.Type(years, "3")
	v := h.u.views["host.years"]
	h.clock.Advance(300 * time.Millisecond)
	if v.msg.Text != "" {
		t.Fatalf("marked while typing: %q", v.msg.Text)
	}
	h.canvas().Focus(h.u.views["host.research"].focus) // Tab to the next field
	if !strings.Contains(v.msg.Text, "错误") || !strings.Contains(v.msg.Text, "5年及以上") {
		t.Fatalf("years message %q after leaving", v.msg.Text)
	}
	h.u.showPage("检查")
	var link *tapLabel
	walk(h.u.content, func(o fyne.CanvasObject) {
		if l, ok := o.(*tapLabel); ok && strings.Contains(l.Text, "5年及以上") {
			link = l
		}
	})
	if link == nil {
		t.Fatal("检查 does not list the 年限 error")
	}
	h.canvas().Unfocus()
	test.Tap(link)
	if h.u.pages[h.u.current].nav != "主持人" {
		t.Fatalf("went to %s", h.u.pages[h.u.current].nav)
	}
	if h.canvas().Focused() != v.focus {
		t.Errorf("focus on %T, want the 年限 entry", h.canvas().Focused())
	}
	// Fixing it clears the mark.
	years.SetText("12")
	h.clock.Advance(time.Second)
	if v.msg.Text != "" {
		t.Errorf("still marked: %q", v.msg.Text)
	}
}

// A new draft is not covered in red: "please fill in" shows once the user worked on a field
// or visited 检查.
func TestEmptyFieldsAreNotMarkedUntilTouchedOrChecked(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	h.clock.Advance(time.Second)
	name := h.u.views["host.name"]
	if name.msg.Text != "" {
		t.Fatalf("empty name marked on a new draft: %q", name.msg.Text)
	}
	test.Type(h.entry("host.name"), "a")
	h.entry("host.name").SetText("")
	h.clock.Advance(time.Second)
	h.canvas().Focus(h.u.views["host.gender"].focus)
	h.canvas().Unfocus()
	h.clock.Advance(time.Second)
	if !strings.Contains(name.msg.Text, "请填写主持人的姓名") {
		t.Fatalf("touched empty name not marked after leaving it: %q", name.msg.Text)
	}
	if unit := h.u.views["host.unit"]; unit.msg.Text != "" {
		t.Errorf("untouched unit marked")
	}
	h.u.showPage("检查")
	h.u.showPage("主持人")
	if unit := h.u.views["host.unit"]; unit.msg.Text == "" {
		t.Errorf("unit not marked after 检查")
	}
}

func TestTableRowsAddAndRemoveWithinLimits(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("指导老师")
	b, _ := forms.Default().Block("advisers")
	second := h.u.d.Value(b, b.Fields[0], 2)
	add := findButton(t, h.u.content, "添加一行")
	if !add.Disabled() {
		t.Fatal("添加一行 enabled with 2 of 2 advisers")
	}
	h.u.askRemoveRow(h.tableBody("advisers"), &b, 1)
	h.tapButton("删除")
	if n := h.u.d.Rows("advisers"); n != 1 {
		t.Fatalf("rows %d after removing one", n)
	}
	if got := h.u.d.Value(b, b.Fields[0], 1); got != second {
		t.Errorf("row 1 is %q, want the former row 2 %q", got, second)
	}
	if h.entry("advisers[1].name").Text != second {
		t.Errorf("the page shows %q", h.entry("advisers[1].name").Text)
	}
	add = findButton(t, h.u.content, "添加一行")
	if add.Disabled() {
		t.Fatal("添加一行 disabled with 1 of 2")
	}
	test.Tap(add)
	if n := h.u.d.Rows("advisers"); n != 2 {
		t.Fatalf("rows %d after adding", n)
	}
	if h.canvas().Focused() != h.u.views["advisers[2].name"].focus {
		t.Error("the new row's first cell has no focus")
	}
	if !h.u.dirty {
		t.Error("not marked unsaved")
	}
}

// Each table keeps its own column order, as the definition gives it (the 名班主任 form's
// members have 职称 before 职务, the advisers the other way), on every form.
func TestTableColumnsInEachTablesOrder(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		t.Run(def.ID, func(t *testing.T) {
			h := sampleOf(t, def)
			for _, b := range def.Tables() {
				if !b.Stored() {
					continue // not offered: the applicant leaves it blank
				}
				// 序号, then the table's own columns as the definition orders them
				want := []string{"序号"}
				for _, f := range b.Fields {
					want = append(want, f.Name())
				}
				h.u.showPage(b.Nav)
				header := h.u.tableHeads[b.Key].Objects[0].(*fyne.Container)
				var got []string
				for _, o := range header.Objects {
					if l, ok := o.(*widget.Label); ok && l.Text != "" {
						got = append(got, l.Text)
					}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s header %v, want %v", b.Key, got, want)
				}
			}
		})
	}
}

// Both editors behind TextEditor: the fast one and the stock Entry it replaced.
func TestLongTextCountAndOutline(t *testing.T) {
	for name, make := range map[string]func() TextEditor{
		"editor.Editor": newTextEditor,
		"widget.Entry":  func() TextEditor { return newEntryEditor() },
	} {
		t.Run(name, func(t *testing.T) {
			defer func(old func() TextEditor) { newTextEditor = old }(newTextEditor)
			newTextEditor = make
			testLongText(t)
		})
	}
}

func testLongText(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("三年发展规划")
	lt := h.u.long["plan"]
	if lt.count.Text != "字数：0/3000" {
		t.Fatalf("count %q", lt.count.Text)
	}
	if lt.outline == nil || lt.outline.Disabled() {
		t.Fatal("no outline button on an empty plan")
	}
	test.Tap(lt.outline)
	if got := h.u.d.Get("plan"); !strings.HasPrefix(got, "一、指导思想") || !strings.Contains(got, "五、工作进展步骤和时间分布") {
		t.Fatalf("plan after 插入提纲: %q", got)
	}
	if !lt.outline.Disabled() {
		t.Error("outline still offered on a plan with text")
	}
	long := strings.Repeat("字", 2871)
	lt.editor.SetText(long)
	if lt.count.Text != "字数：2871/3000" || lt.count.Importance == widget.DangerImportance {
		t.Errorf("count %q importance %v", lt.count.Text, lt.count.Importance)
	}
	lt.editor.SetText(long + strings.Repeat("多", 200))
	if lt.count.Text != "字数：3071/3000" || lt.count.Importance != widget.DangerImportance {
		t.Errorf("past the limit: %q importance %v", lt.count.Text, lt.count.Importance)
	}
}

func TestMenuHasDraftShortcuts(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	want := map[string]string{"新建": "CustomDesktop:Control+N", "打开…": "CustomDesktop:Control+O",
		"保存": "CustomDesktop:Control+S", "另存为…": "CustomDesktop:Shift+Control+S"}
	file := h.u.win.MainMenu().Items[0]
	if file.Label != "文件" {
		t.Fatalf("first menu %q", file.Label)
	}
	for _, it := range file.Items {
		if w, ok := want[it.Label]; ok {
			if it.Shortcut == nil || it.Shortcut.ShortcutName() != w {
				t.Errorf("%s shortcut %v, want %s", it.Label, it.Shortcut, w)
			}
			delete(want, it.Label)
		}
	}
	if len(want) > 0 {
		t.Errorf("menu lacks %v", want)
	}
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

// tableBody is the container fillTable fills for a table key.
func (h *harness) tableBody(key string) *fyne.Container {
	h.t.Helper()
	body := h.u.tableBodies[key]
	if body == nil {
		h.t.Fatalf("no table body for %s", key)
	}
	return body
}

// Esc closes a dialog as 取消; Enter gives a question's primary answer.
func TestEscapeAndEnterInDialogs(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.u.newDraft()
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if h.canvas().Overlays().Top() != nil || h.u.d.Get("host.name") != "黎明" {
		t.Fatal("Esc did not cancel")
	}
	h.files.save = filepath.Join(t.TempDir(), "d.json")
	h.u.newDraft()
	h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // 保存, then which form to start
	if len(forms.Known()) > 1 {
		h.u.typedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // 新建: the form selected, the draft's
	}
	if !h.u.d.Empty() {
		t.Error("Enter did not give the primary answer")
	}
	if _, err := os.Stat(h.files.save); err != nil {
		t.Error(err)
	}
}

// A paste past a field's character limit is cut to it, and the user is told (issue 14).
func TestPasteOverLimitIsClipped(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	h.entry("host.name").SetText(strings.Repeat("覃", forms.MaxCharsLine+50))
	shot(t, h, "paste-over-limit.png")
	if got := []rune(h.u.d.Get("host.name")); len(got) != forms.MaxCharsLine {
		t.Errorf("host.name holds %d characters, want %d", len(got), forms.MaxCharsLine)
	}
	h.u.showPage("近5年业绩")
	lt := h.u.long["achievements"]
	lt.editor.SetText(strings.Repeat("a", forms.MaxCharsLong+10))
	if got := len(h.u.d.Get("achievements")); got != forms.MaxCharsLong {
		t.Errorf("achievements holds %d characters, want %d", got, forms.MaxCharsLong)
	}
}

// A draft made elsewhere with a value far past its limit opens with the value cut and a
// message; the file is unchanged until saved (issue 14).
func TestOpenDraftOverLimit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "草稿.json")
	d := forms.Sample(forms.Default())
	d.Set("plan", strings.Repeat("a", 5<<20))
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	h := newHarness(t, "")
	h.u.Start(path)
	shot(t, h, "open-over-limit.png")
	if n := len(h.u.d.Get("plan")); n != forms.MaxCharsLong {
		t.Errorf("plan holds %d characters, want %d", n, forms.MaxCharsLong)
	}
	if !h.u.dirty {
		t.Error("the cut draft is not marked as changed")
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("the file changed on opening")
	}
}

// The window's content never asks for more width than a small screen at a large scaling gives
// (1024×600 at 150 % is 682 units): on every page, the pages scroll sideways instead, so the
// window need not run off the screen.
func TestWindowFitsA1024ScreenAt150Percent(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	const width = 1024 / 1.5
	for i, p := range h.u.pages {
		h.u.nav.Select(i)
		if w := h.u.win.Content().MinSize().Width; w > width {
			t.Errorf("page %s: the window needs %.0f units, more than the %.0f of 1024 px at 150 %%", p.nav, w, width)
		}
	}
}
