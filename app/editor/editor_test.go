package editor

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// key types a named key.
func key(e *Editor, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }

// shiftKey types a named key with Shift held.
func shiftKey(e *Editor, name fyne.KeyName) {
	e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	key(e, name)
	e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// ctrl types Ctrl(+Shift)+name as the desktop driver reports it.
func ctrl(e *Editor, name fyne.KeyName, shift bool) {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	e.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: m})
}

// caretAt returns the caret as a rune offset of Text().
func caretAt(e *Editor) int { return runeOff(e, e.caret) }

func TestTypingAndCallbacks(t *testing.T) {
	e, _ := newTestEditor(t)
	var got []string
	edited := 0
	e.OnChanged = func(s string) { got = append(got, s) }
	e.OnEdited = func() { edited++ }
	test.Type(e, "ab中文")
	if e.Text() != "ab中文" || e.Len() != 4 {
		t.Fatalf("Text %q Len %d, want ab中文 and 4", e.Text(), e.Len())
	}
	want := []string{"a", "ab", "ab中", "ab中文"}
	if strings.Join(got, "|") != strings.Join(want, "|") || edited != 4 {
		t.Fatalf("OnChanged got %q, OnEdited %d times; want %q, 4", got, edited, want)
	}
	if caretAt(e) != 4 {
		t.Fatalf("caret at %d, want 4", caretAt(e))
	}
	e.TypedRune('\x01') // a control character is not text
	if e.Text() != "ab中文" {
		t.Fatalf("control character typed: %q", e.Text())
	}
}

func TestSetText(t *testing.T) {
	e, _ := newTestEditor(t)
	calls := 0
	e.OnChanged = func(string) { calls++ }
	e.SetText("一\r\n二\r三")
	if e.Text() != "一\n二\n三" || len(e.d.paras) != 3 || calls != 1 {
		t.Fatalf("Text %q, %d paragraphs, %d calls; want CR LF and CR as breaks, 3, 1", e.Text(), len(e.d.paras), calls)
	}
	e.SetText("一\n二\n三")
	if calls != 1 {
		t.Fatalf("SetText of the same text called OnChanged")
	}
	test.Type(e, "x")
	if e.Text() != "x一\n二\n三" {
		t.Fatalf("after SetText the caret is not at the start: %q", e.Text())
	}
	e.SetText("新")
	e.Undo()
	if e.Text() != "新" {
		t.Fatalf("SetText can be undone: %q", e.Text())
	}
	checkDoc(t, e.d, true)
}

// An input method commits a whole string, which Fyne delivers rune by rune: one undo step.
func TestInputMethodString(t *testing.T) {
	e, _ := newTestEditor(t)
	test.Type(e, "工作室")
	pause(e)
	for _, r := range "名班主任" {
		e.TypedRune(r)
	}
	if e.Text() != "工作室名班主任" {
		t.Fatalf("Text %q", e.Text())
	}
	e.Undo()
	if e.Text() != "工作室" {
		t.Fatalf("undo after the pause: %q, want 工作室", e.Text())
	}
}

func TestDeleteKeys(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		caret     int
		key       fyne.KeyName
		want      string
		wantCaret int
	}{
		{"backspace", "一二三", 2, fyne.KeyBackspace, "一三", 1},
		{"backspace at start", "一二三", 0, fyne.KeyBackspace, "一二三", 0},
		{"backspace joins paragraphs", "一\n二", 2, fyne.KeyBackspace, "一二", 1},
		{"delete", "一二三", 1, fyne.KeyDelete, "一三", 1},
		{"delete at end", "一二三", 3, fyne.KeyDelete, "一二三", 3},
		{"delete joins paragraphs", "一\n二", 1, fyne.KeyDelete, "一二", 1},
		{"delete takes the accent along", "ae\u0301b", 1, fyne.KeyDelete, "ab", 1},
		{"backspace removes the accent only", "ae\u0301b", 3, fyne.KeyBackspace, "aeb", 2},
		{"enter splits", "一二", 1, fyne.KeyReturn, "一\n二", 2},
		{"numpad enter splits", "一二", 2, fyne.KeyEnter, "一二\n", 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t)
			e.SetText(tt.text)
			setCaret(e, tt.caret)
			key(e, tt.key)
			if e.Text() != tt.want || caretAt(e) != tt.wantCaret {
				t.Fatalf("Text %q caret %d, want %q %d", e.Text(), caretAt(e), tt.want, tt.wantCaret)
			}
			checkDoc(t, e.d, true)
		})
	}
}

func TestSelectionReplacedOrDeleted(t *testing.T) {
	for _, k := range []fyne.KeyName{fyne.KeyBackspace, fyne.KeyDelete} {
		e, _ := newTestEditor(t)
		e.SetText("一二三\n四五")
		e.anchor, e.caret = posAt(e, 1), posAt(e, 5)
		key(e, k)
		if e.Text() != "一五" {
			t.Fatalf("%s over a selection across paragraphs: %q, want 一五", k, e.Text())
		}
	}
	e, _ := newTestEditor(t)
	e.SetText("一二三\n四五")
	e.anchor, e.caret = posAt(e, 5), posAt(e, 1) // selected leftwards
	test.Type(e, "X")
	if e.Text() != "一X五" || caretAt(e) != 2 {
		t.Fatalf("typing over a selection: %q caret %d, want 一X五 2", e.Text(), caretAt(e))
	}
}

func TestTabMovesFocus(t *testing.T) {
	newTestApp(t)
	e := New()
	other := widget.NewEntry()
	w := test.NewWindow(container.NewVBox(e, other))
	defer w.Close()
	w.Canvas().Focus(e)
	test.Type(e, "一")
	key(e, fyne.KeyTab)
	if e.Text() != "一" {
		t.Fatalf("Tab went into the text: %q", e.Text())
	}
	if w.Canvas().Focused() != other {
		t.Fatalf("Tab did not move the focus to the next field")
	}
	if e.focused {
		t.Fatalf("editor still thinks it has the focus")
	}
}

// A long paragraph of Chinese: each visual line holds the same number of characters, so the
// caret's column tells whether Up/Down kept its x.
func TestArrowKeys(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("一二三\n四五六")
	setCaret(e, 0)
	key(e, fyne.KeyLeft)
	if caretAt(e) != 0 {
		t.Fatalf("Left at the start moved to %d", caretAt(e))
	}
	for range 4 {
		key(e, fyne.KeyRight)
	}
	if caretAt(e) != 4 || e.caret != (pos{1, 0}) {
		t.Fatalf("Right crosses into the next paragraph: caret %d %v", caretAt(e), e.caret)
	}
	key(e, fyne.KeyLeft)
	if e.caret != (pos{0, len("一二三")}) {
		t.Fatalf("Left goes back to the end of the paragraph: %v", e.caret)
	}
	setCaret(e, 7)
	key(e, fyne.KeyRight)
	if caretAt(e) != 7 {
		t.Fatalf("Right at the end moved to %d", caretAt(e))
	}
}

func TestUpDownKeepColumn(t *testing.T) {
	e, _ := newTestEditor(t)
	long := cjk(200)
	e.SetText(long + "\n短\n" + long)
	ls := e.d.lines(0)
	if len(ls) < 3 {
		t.Fatalf("the paragraph does not wrap: %v", ls)
	}
	perLine := utf8.RuneCountInString(long[ls[0].Start:ls[0].End])
	col := 5
	setCaret(e, col)
	x := e.caretX()
	key(e, fyne.KeyDown)
	if g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream)); g != 1 {
		t.Fatalf("Down went to line %d, want 1", g)
	}
	if dx := e.caretX() - x; dx > float64(e.m.textSize)/2 || dx < -float64(e.m.textSize)/2 {
		t.Fatalf("Down moved x by %v (col %d of %d per line)", dx, caretAt(e)-perLine, perLine)
	}
	// down to the last line of the paragraph, then the short one, then back into the long one
	for e.caret.p == 0 {
		key(e, fyne.KeyDown)
	}
	if e.caret != (pos{1, len("短")}) {
		t.Fatalf("Down onto a short line: %v, want its end", e.caret)
	}
	key(e, fyne.KeyDown)
	if e.caret.p != 2 || e.caretX() < x-float64(e.m.textSize) {
		t.Fatalf("Down after a short line lost the column: %v x %v want %v", e.caret, e.caretX(), x)
	}
	key(e, fyne.KeyUp)
	key(e, fyne.KeyUp)
	if e.caret.p != 0 {
		t.Fatalf("Up twice from paragraph 3 is at %v", e.caret)
	}
	setCaret(e, 3)
	key(e, fyne.KeyUp)
	if caretAt(e) != 0 {
		t.Fatalf("Up on the first line goes to the start, caret %d", caretAt(e))
	}
	ctrl(e, fyne.KeyEnd, false)
	n := e.Len()
	key(e, fyne.KeyDown)
	if caretAt(e) != n {
		t.Fatalf("Down on the last line goes to the end")
	}
}

func TestHomeEnd(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText(cjk(100))
	ls := e.d.lines(0)
	mid := ls[1].Start + 3*3 // the 4th character of line 2
	e.moveTo(pos{0, mid}, false, false)
	key(e, fyne.KeyHome)
	if e.caret != (pos{0, ls[1].Start}) {
		t.Fatalf("Home: %v, want the line start %d", e.caret, ls[1].Start)
	}
	key(e, fyne.KeyEnd)
	if e.caret != (pos{0, ls[1].End}) || !e.upstream {
		t.Fatalf("End: %v upstream %v, want the line end %d drawn on that line", e.caret, e.upstream, ls[1].End)
	}
	if g := e.d.globalLine(0, e.d.lineOf(e.caret, e.upstream)); g != 1 {
		t.Fatalf("after End the caret is drawn on line %d, want 1", g)
	}
	key(e, fyne.KeyEnd) // again: stays
	if e.caret != (pos{0, ls[1].End}) {
		t.Fatalf("End twice moved to %v", e.caret)
	}
	key(e, fyne.KeyHome)
	if e.caret != (pos{0, ls[1].Start}) {
		t.Fatalf("Home after End: %v", e.caret)
	}
	ctrl(e, fyne.KeyEnd, false)
	if caretAt(e) != e.Len() {
		t.Fatalf("Ctrl+End: %d", caretAt(e))
	}
	ctrl(e, fyne.KeyHome, true)
	if caretAt(e) != 0 || e.SelectedText() != e.Text() {
		t.Fatalf("Ctrl+Shift+Home did not select to the start")
	}
}

func TestPageKeysAndScrolling(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetText(cjk(3000))
	rows := int(e.r.scroll.Size().Height / e.m.rowH)
	key(e, fyne.KeyPageDown)
	g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream))
	if g < rows-2 || g > rows {
		t.Fatalf("PageDown moved to line %d, want about %d", g, rows-1)
	}
	if e.r.scroll.Offset.Y <= 0 {
		t.Fatalf("PageDown did not scroll")
	}
	key(e, fyne.KeyPageUp)
	if g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream)); g != 0 || e.r.scroll.Offset.Y != 0 {
		t.Fatalf("PageUp: line %d offset %v", g, e.r.scroll.Offset.Y)
	}
	ctrl(e, fyne.KeyEnd, false)
	checkCaretVisible(t, e)
	if e.r.scroll.Offset.Y == 0 {
		t.Fatalf("Ctrl+End did not scroll")
	}
	test.Type(e, "末")
	checkCaretVisible(t, e)
	ctrl(e, fyne.KeyHome, false)
	checkCaretVisible(t, e)
	if e.r.scroll.Offset.Y != 0 {
		t.Fatalf("Ctrl+Home left the view at %v", e.r.scroll.Offset.Y)
	}
	// the wheel scrolls without moving the caret, and the rows follow
	before := e.caret
	test.Scroll(w.Canvas(), fyne.NewPos(100, 100), 0, -200)
	if e.r.scroll.Offset.Y == 0 || e.caret != before {
		t.Fatalf("wheel: offset %v caret %v (was %v)", e.r.scroll.Offset.Y, e.caret, before)
	}
	checkRows(t, e)
}

// checkRows asserts the pooled rows show exactly the lines in view, at their places.
func checkRows(t *testing.T, e *Editor) {
	t.Helper()
	g0, g1 := e.r.visible()
	shown := 0
	for i, row := range e.r.rows {
		if !row.Visible() {
			continue
		}
		shown++
		g := g0 + i
		p, li := e.d.lineAt(g)
		ln := e.d.line(p, li)
		if want := e.d.paras[p].s[ln.Start:ln.End]; row.Text != want {
			t.Fatalf("row %d (line %d) shows %q, want %q", i, g, row.Text, want)
		}
		if y := e.r.top() + float32(g)*e.m.rowH; row.Position().Y != y {
			t.Fatalf("row %d at y %v, want %v", i, row.Position().Y, y)
		}
	}
	if shown != g1-g0 {
		t.Fatalf("%d rows shown, %d lines in view", shown, g1-g0)
	}
	if g1-g0 > int(e.r.scroll.Size().Height/e.m.rowH)+2 {
		t.Fatalf("%d rows drawn for a view of %v: not virtualised", g1-g0, e.r.scroll.Size().Height)
	}
}

// checkCaretVisible asserts the caret's row lies wholly in the scrolled view and is drawn.
func checkCaretVisible(t *testing.T, e *Editor) {
	t.Helper()
	g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream))
	y := e.r.top() + float32(g)*e.m.rowH
	off, h := e.r.scroll.Offset.Y, e.r.scroll.Size().Height
	if y < off || y+e.m.rowH > off+h {
		t.Fatalf("caret row %d at y %v not in view [%v, %v]", g, y, off, off+h)
	}
	if e.focused && !e.r.caret.Visible() {
		t.Fatalf("caret not drawn")
	}
}

// time2s is longer than any double-click delay.
const time2s = 2 * time.Second

func mouseDown(e *Editor, at fyne.Position, mod fyne.KeyModifier) {
	e.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary, Modifier: mod})
	e.MouseUp(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: at}, Button: desktop.MouseButtonPrimary})
}

func TestClickPlacesCaret(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText(cjk(200) + "\n第二段")
	for _, n := range []int{0, 7, 40, 60, 150, 203} {
		c := posAt(e, n)
		at := point(e, c)
		e.moveTo(e.d.start(), false, false)
		mouseDown(e, at, 0)
		if caretAt(e) != n {
			t.Fatalf("click at %v (rune %d): caret %d", at, n, caretAt(e))
		}
		e.lastClick = e.lastClick.Add(-time2s) // not a double click
	}
	// a click right of a wrapped line's end puts the caret at that end, on that line
	ln := e.d.line(0, 0)
	mouseDown(e, fyne.NewPos(e.Size().Width-3, point(e, pos{0, 0}).Y), 0)
	if e.caret != (pos{0, ln.End}) || !e.upstream {
		t.Fatalf("click past the line end: %v upstream %v, want %d on line 0", e.caret, e.upstream, ln.End)
	}
	// below the text: the last line, at the pointer's x
	e.lastClick = e.lastClick.Add(-time2s)
	mouseDown(e, fyne.NewPos(e.m.pad+1, e.Size().Height-5), 0)
	if caretAt(e) != e.Len()-3 {
		t.Fatalf("click below the text at the left: caret %d, want the last line's start %d", caretAt(e), e.Len()-3)
	}
	e.lastClick = e.lastClick.Add(-time2s)
	mouseDown(e, fyne.NewPos(e.Size().Width-5, e.Size().Height-5), 0)
	if caretAt(e) != e.Len() {
		t.Fatalf("click below the text at the right: caret %d, want the end %d", caretAt(e), e.Len())
	}
	// Tapped alone (touch, tests) places the caret too; after a MouseDown it does nothing
	test.TapAt(e, point(e, posAt(e, 3)))
	if caretAt(e) != e.Len() {
		t.Fatalf("the Tapped following a MouseDown moved the caret to %d", caretAt(e))
	}
	test.TapAt(e, point(e, posAt(e, 3)))
	if caretAt(e) != 3 {
		t.Fatalf("tap: caret %d, want 3", caretAt(e))
	}
}

func TestShiftClickExtends(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("一二三四五\n六七八")
	setCaret(e, 1)
	mouseDown(e, point(e, posAt(e, 8)), fyne.KeyModifierShift)
	if e.SelectedText() != "二三四五\n六七" {
		t.Fatalf("Shift+click selected %q", e.SelectedText())
	}
}

func TestDragSelectsAcrossParagraphs(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetText("一二三四五\n六七八\n九十")
	from, to := point(e, posAt(e, 2)), point(e, posAt(e, 11))
	// test.Drag sends one event at the pointer's place, having moved by the delta (as the
	// desktop driver does): the drag started at from
	test.Drag(w.Canvas(), to, to.X-from.X, to.Y-from.Y)
	if got := e.SelectedText(); got != "三四五\n六七八\n九" {
		t.Fatalf("drag selected %q", got)
	}
	// a selection across paragraphs draws a rectangle on each line, the line breaks included
	shown := 0
	for _, r := range e.r.sels {
		if r.Visible() {
			shown++
		}
	}
	if shown != 3 {
		t.Fatalf("%d selection rectangles, want 3", shown)
	}
	test.Type(e, "X")
	if e.Text() != "一二X十" {
		t.Fatalf("typing over the selection: %q", e.Text())
	}
	e.Undo()
	if e.Text() != "一二三四五\n六七八\n九十" || e.SelectedText() != "三四五\n六七八\n九" {
		t.Fatalf("undo: %q selection %q", e.Text(), e.SelectedText())
	}
	checkDoc(t, e.d, true)
}

func TestDragFromMouseDown(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("一二三四五六")
	mouseDown(e, point(e, posAt(e, 1)), 0)
	to := point(e, posAt(e, 4))
	e.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(40, 0)})
	e.DragEnd()
	if e.SelectedText() != "二三四" {
		t.Fatalf("press then drag selected %q", e.SelectedText())
	}
}

func TestDoubleAndTripleClick(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		at    int
		click int
		want  string
	}{
		{"latin word", "hello world again", 8, 2, "world"},
		{"number", "共 2024 年", 3, 2, "2024"},
		{"chinese character", "柳州市名班主任", 2, 2, "市"},
		{"blank run", "ab   cd", 3, 2, "   "},
		{"punctuation", "好，好", 1, 2, "，"},
		{"paragraph", "第一段\n第二段内容，很长\n第三段", 7, 3, "第二段内容，很长"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, _ := newTestEditor(t)
			e.SetText(tt.text)
			at := point(e, posAt(e, tt.at))
			for range tt.click {
				mouseDown(e, at, 0)
			}
			if e.SelectedText() != tt.want {
				t.Fatalf("%d clicks selected %q, want %q", tt.click, e.SelectedText(), tt.want)
			}
			e.DoubleTapped(&fyne.PointEvent{Position: at}) // what the driver sends after: no change
			if e.SelectedText() != tt.want {
				t.Fatalf("DoubleTapped after the clicks changed the selection to %q", e.SelectedText())
			}
		})
	}
	e, _ := newTestEditor(t)
	e.SetText("hello world")
	test.DoubleTap(e) // no MouseDown: DoubleTapped selects by itself
	if e.SelectedText() != "hello" {
		t.Fatalf("DoubleTap selected %q", e.SelectedText())
	}
}

func TestShiftKeysSelect(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("一二三\n四五六")
	setCaret(e, 1)
	shiftKey(e, fyne.KeyRight)
	shiftKey(e, fyne.KeyRight)
	if e.SelectedText() != "二三" {
		t.Fatalf("Shift+Right×2: %q", e.SelectedText())
	}
	shiftKey(e, fyne.KeyDown)
	if e.SelectedText() != "二三\n四五六" {
		t.Fatalf("Shift+Down: %q", e.SelectedText())
	}
	shiftKey(e, fyne.KeyHome)
	if e.SelectedText() != "二三\n" {
		t.Fatalf("Shift+Home: %q", e.SelectedText())
	}
	shiftKey(e, fyne.KeyEnd)
	shiftKey(e, fyne.KeyLeft)
	if e.SelectedText() != "二三\n四五" {
		t.Fatalf("Shift+End, Shift+Left: %q", e.SelectedText())
	}
	key(e, fyne.KeyLeft) // collapses to the start of the selection
	if e.SelectedText() != "" || caretAt(e) != 1 {
		t.Fatalf("Left collapses to the start: caret %d selection %q", caretAt(e), e.SelectedText())
	}
	shiftKey(e, fyne.KeyRight)
	key(e, fyne.KeyRight)
	if e.SelectedText() != "" || caretAt(e) != 2 {
		t.Fatalf("Right collapses to the end: caret %d", caretAt(e))
	}
	ctrl(e, fyne.KeyEnd, true)
	if e.SelectedText() != "三\n四五六" {
		t.Fatalf("Ctrl+Shift+End: %q", e.SelectedText())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	if e.SelectedText() != e.Text() {
		t.Fatalf("Ctrl+A selected %q", e.SelectedText())
	}
}

func TestWordKeys(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("hello  world，工作室 2024")
	setCaret(e, 0)
	var stops []int
	for range 6 {
		ctrl(e, fyne.KeyRight, false)
		stops = append(stops, caretAt(e))
	}
	if want := []int{7, 12, 13, 17, 21, 21}; !slices.Equal(stops, want) {
		t.Fatalf("Ctrl+Right stops %v, want %v", stops, want)
	}
	ctrl(e, fyne.KeyLeft, false)
	if caretAt(e) != 17 {
		t.Fatalf("Ctrl+Left: %d", caretAt(e))
	}
	ctrl(e, fyne.KeyBackspace, false)
	if e.Text() != "hello  world，2024" {
		t.Fatalf("Ctrl+Backspace: %q", e.Text())
	}
	setCaret(e, 0)
	ctrl(e, fyne.KeyDelete, false)
	if e.Text() != "world，2024" {
		t.Fatalf("Ctrl+Delete: %q", e.Text())
	}
}

func TestClipboard(t *testing.T) {
	e, _ := newTestEditor(t)
	clip := fyne.CurrentApp().Clipboard()
	e.SetText("一二三\n四五六")
	e.anchor, e.caret = posAt(e, 1), posAt(e, 5)
	e.TypedShortcut(&fyne.ShortcutCopy{}) // no Clipboard in the shortcut: the app's
	if clip.Content() != "二三\n四" {
		t.Fatalf("copy put %q", clip.Content())
	}
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	if e.Text() != "一五六" || clip.Content() != "二三\n四" || caretAt(e) != 1 {
		t.Fatalf("cut: text %q clipboard %q caret %d", e.Text(), clip.Content(), caretAt(e))
	}
	clip.SetContent("甲\r\n乙")
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text() != "一甲\n乙五六" || caretAt(e) != 4 {
		t.Fatalf("paste: %q caret %d, want CR LF pasted as a line break and the caret after it", e.Text(), caretAt(e))
	}
	e.anchor, e.caret = posAt(e, 0), posAt(e, 2)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text() != "甲\n乙\n乙五六" {
		t.Fatalf("paste over a selection: %q", e.Text())
	}
	e.moveTo(e.caret, false, false)
	clip.SetContent("")
	before := e.Text()
	e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip}) // nothing selected: nothing cut
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Text() != before || clip.Content() != "" {
		t.Fatalf("cut without selection or empty paste changed things: %q %q", e.Text(), clip.Content())
	}
	checkDoc(t, e.d, true)
}

func TestUndoSteps(t *testing.T) {
	e, _ := newTestEditor(t)
	type op struct {
		do   func()
		want string // text after do
	}
	clip := fyne.CurrentApp().Clipboard()
	steps := []op{
		// a word with the blanks or punctuation after it is one step
		{func() { test.Type(e, "hello ") }, "hello "},
		{func() { test.Type(e, "world，") }, "hello world，"},
		{func() { test.Type(e, "工作室") }, "hello world，工作室"},
		{func() { pause(e); test.Type(e, "规划") }, "hello world，工作室规划"}, // after a pause
		{func() { key(e, fyne.KeyBackspace); key(e, fyne.KeyBackspace) }, "hello world，工作室"},
		{func() { clip.SetContent("粘贴的文字"); e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip}) }, "hello world，工作室粘贴的文字"},
		{func() { test.Type(e, "尾") }, "hello world，工作室粘贴的文字尾"}, // typing never merges into a paste
		{func() { key(e, fyne.KeyHome); key(e, fyne.KeyDelete); key(e, fyne.KeyDelete) }, "llo world，工作室粘贴的文字尾"},
		{func() {
			e.anchor, e.caret = posAt(e, 0), posAt(e, 3)
			e.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
		}, " world，工作室粘贴的文字尾"},
	}
	var texts []string
	for _, s := range steps {
		texts = append(texts, e.Text())
		s.do()
		if e.Text() != s.want {
			t.Fatalf("doing: %q, want %q", e.Text(), s.want)
		}
	}
	for i := len(steps) - 1; i >= 0; i-- {
		e.TypedShortcut(&fyne.ShortcutUndo{})
		if e.Text() != texts[i] {
			t.Fatalf("undo %d: %q, want %q", len(steps)-i, e.Text(), texts[i])
		}
	}
	e.Undo() // nothing left: no change
	if e.Text() != "" {
		t.Fatalf("undo past the start: %q", e.Text())
	}
	for i, s := range steps {
		if i%2 == 0 {
			e.TypedShortcut(&fyne.ShortcutRedo{}) // Ctrl+Y
		} else {
			ctrl(e, fyne.KeyZ, true) // Ctrl+Shift+Z
		}
		if e.Text() != s.want {
			t.Fatalf("redo %d: %q, want %q", i+1, e.Text(), s.want)
		}
	}
	ctrl(e, fyne.KeyZ, false) // undoing the cut selects the text again…
	test.Type(e, "新")         // …so typing replaces it
	e.Redo()                  // a new edit forgets what was undone
	if e.Text() != "新 world，工作室粘贴的文字尾" {
		t.Fatalf("redo after a new edit: %q", e.Text())
	}
	checkDoc(t, e.d, true)
}

func TestUndoAfterPasteRestoresSelection(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText(cjk(3000))
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(cjk(3000))
	e.anchor, e.caret = posAt(e, 100), posAt(e, 200)
	selected := e.SelectedText()
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	if e.Len() != 5900 || caretAt(e) != 3100 {
		t.Fatalf("paste over 100 characters: Len %d caret %d", e.Len(), caretAt(e))
	}
	checkCaretVisible(t, e)
	e.Undo()
	if e.Text() != cjk(3000) || e.SelectedText() != selected {
		t.Fatalf("undo after paste: Len %d, selection %d runes", e.Len(), utf8.RuneCountInString(e.SelectedText()))
	}
	e.Redo()
	if e.Len() != 5900 {
		t.Fatalf("redo of the paste: Len %d", e.Len())
	}
	checkDoc(t, e.d, true)
}

func TestMovesEndTypingStep(t *testing.T) {
	e, _ := newTestEditor(t)
	test.Type(e, "abc")
	key(e, fyne.KeyLeft)
	key(e, fyne.KeyRight)
	test.Type(e, "def")
	e.Undo()
	if e.Text() != "abc" {
		t.Fatalf("typing after a caret move merged with the earlier typing: %q", e.Text())
	}
}

func TestLook(t *testing.T) {
	e, w := newTestEditor(t)
	r := e.r
	if r.border.StrokeColor != e.m.primary || !r.caret.Visible() {
		t.Fatalf("focused: border %v caret %v, want the primary colour and a caret", r.border.StrokeColor, r.caret.Visible())
	}
	w.Canvas().Unfocus()
	if r.border.StrokeColor != e.m.inputBorder || r.caret.Visible() {
		t.Fatalf("unfocused: border %v caret %v", r.border.StrokeColor, r.caret.Visible())
	}
	if r.box.FillColor != e.m.background {
		t.Fatalf("background %v, want the input background %v", r.box.FillColor, e.m.background)
	}
	e.SetPlaceHolder("在此输入工作室三年发展规划")
	if !r.rows[0].Visible() || r.rows[0].Text != "在此输入工作室三年发展规划" || r.rows[0].Color != e.m.placeholder {
		t.Fatalf("placeholder row %q colour %v", r.rows[0].Text, r.rows[0].Color)
	}
	test.Type(e, "一")
	if r.rows[0].Text != "一" || r.rows[0].Color != e.m.fg {
		t.Fatalf("text row %q colour %v", r.rows[0].Text, r.rows[0].Color)
	}
	e.Disable()
	if r.border.StrokeColor != e.m.disabled || r.rows[0].Color != e.m.disabled {
		t.Fatalf("disabled: border %v text %v", r.border.StrokeColor, r.rows[0].Color)
	}
	e.Enable()
	if r.rows[0].Color != e.m.fg {
		t.Fatalf("enabled again: text %v", r.rows[0].Color)
	}
	min := e.MinSize()
	if min.Height < 6*e.m.rowH || min.Width < 10*e.m.charW {
		t.Fatalf("MinSize %v too small for a text area", min)
	}
	if e.Cursor() != desktop.TextCursor {
		t.Fatalf("pointer %v", e.Cursor())
	}
}

func TestDisabled(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText("一二三")
	e.Disable()
	test.Type(e, "x")
	key(e, fyne.KeyBackspace)
	key(e, fyne.KeyReturn)
	e.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	if e.Text() != "一二三" {
		t.Fatalf("a disabled editor was edited: %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedShortcut(&fyne.ShortcutCut{})
	if e.Text() != "一二三" {
		t.Fatalf("cut in a disabled editor: %q", e.Text())
	}
	e.TypedShortcut(&fyne.ShortcutCopy{})
	if fyne.CurrentApp().Clipboard().Content() != "一二三" {
		t.Fatalf("copy from a disabled editor did not work")
	}
}

// On screen, lines break by the PDF's rules: no line starts with closing punctuation.
func TestKinsokuOnScreen(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText(cjk(3000))
	for g := range e.d.totalLines() {
		p, li := e.d.lineAt(g)
		ln := e.d.line(p, li)
		r, _ := utf8.DecodeRuneInString(e.d.paras[p].s[ln.Start:])
		if strings.ContainsRune("，。、；：？！”）》…", r) {
			t.Fatalf("line %d starts with %q", g, r)
		}
	}
	checkRows(t, e)
}

func TestContextMenu(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetText("一二三")
	e.SelectAll()
	test.TapSecondaryAt(e, fyne.NewPos(20, 10))
	if e.popUp == nil || !e.popUp.Visible() {
		t.Fatalf("no context menu")
	}
	var labels []string
	for _, it := range e.menu.Items {
		if !it.IsSeparator {
			labels = append(labels, it.Label)
		}
	}
	if strings.Join(labels, " ") != "撤销 重做 剪切 复制 粘贴 全选" {
		t.Fatalf("menu %v", labels)
	}
	for _, it := range e.menu.Items {
		if it.Label == "剪切" {
			it.Action()
		}
	}
	if e.Text() != "" || fyne.CurrentApp().Clipboard().Content() != "一二三" {
		t.Fatalf("menu cut: %q", e.Text())
	}
	_ = w
}

// Only the rows in view have canvas objects, however long the text.
func TestVirtualised(t *testing.T) {
	e, _ := newTestEditor(t)
	e.SetText(cjk(6000))
	ctrl(e, fyne.KeyEnd, false)
	view := int(e.r.scroll.Size().Height/e.m.rowH) + 2
	if len(e.r.rows) > view || len(e.r.view.r.viewObjs) > 2*view+1 {
		t.Fatalf("%d rows, %d objects for %d lines in view of %d", len(e.r.rows), len(e.r.viewObjs), view, e.d.totalLines())
	}
	if e.r.height < float32(e.d.totalLines())*e.m.rowH {
		t.Fatalf("the scroll content is %v high for %d lines", e.r.height, e.d.totalLines())
	}
	checkRows(t, e)
}

// The caret reported for the input method is where a click put it, scrolled with the text,
// and absent without the focus.
func TestCaretForInputMethod(t *testing.T) {
	e, w := newTestEditor(t)
	e.SetText(cjk(200) + strings.Repeat("\n段", 40))
	for _, n := range []int{0, 7, 40, 150} {
		at := point(e, posAt(e, n))
		e.lastClick = e.lastClick.Add(-time2s)
		mouseDown(e, at, 0)
		p, h, ok := e.Caret()
		if !ok || at.Y < p.Y || at.Y >= p.Y+h || abs32(at.X-p.X) > e.m.charW {
			t.Fatalf("rune %d clicked at %v: caret %v height %v ok %v", n, at, p, h, ok)
		}
	}
	e.moveTo(e.d.end(), false, false) // the last line: the view scrolls down to it
	p, h, ok := e.Caret()
	if !ok || p.Y < 0 || p.Y+h > e.Size().Height || p.Y+h < e.Size().Height-3*h {
		t.Fatalf("caret at the end of a scrolled text: %v height %v ok %v (editor %v)", p, h, ok, e.Size())
	}
	w.Canvas().Unfocus()
	if _, _, ok := e.Caret(); ok {
		t.Fatal("a caret reported without the focus")
	}
}

func abs32(v float32) float32 { return max(v, -v) }
