package editor

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"shenbao/fonts"
	"shenbao/render/text"
)

// notoTheme is the default theme drawing text in the embedded Noto Serif SC, as the app does.
type notoTheme struct{ fyne.Theme }

var notoRegular = fyne.NewStaticResource("NotoSerifSC-Regular.ttf", fonts.Regular)

func (notoTheme) Font(fyne.TextStyle) fyne.Resource { return notoRegular }

// newTestApp starts a test app with the embedded font.
func newTestApp(t testing.TB) fyne.App {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(notoTheme{theme.DefaultTheme()})
	return a
}

// editorSize is the size of the editor in the widget tests: about 25 Chinese characters wide.
var editorSize = fyne.NewSize(400, 300)

// newTestEditor returns an editor alone in a test window, laid out at editorSize, with a fake
// clock for undo steps.
func newTestEditor(t testing.TB) (*Editor, fyne.Window) {
	newTestApp(t)
	e := New()
	w := test.NewWindow(e)
	w.SetPadded(false)
	w.Resize(editorSize)
	e.Resize(editorSize)
	w.Canvas().Focus(e)
	clock := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	e.now = func() time.Time { clock = clock.Add(10 * time.Millisecond); return clock }
	t.Cleanup(w.Close)
	return e, w
}

// pause makes the fake clock jump past the undo merge pause.
func pause(e *Editor) {
	now := e.now
	jumped := false
	e.now = func() time.Time {
		t := now()
		if !jumped {
			jumped = true
		}
		return t.Add(2 * mergePause)
	}
}

// runeOff is the position c as a rune offset into Text().
func runeOff(e *Editor, c pos) int {
	n := 0
	for i := range c.p {
		n += e.d.paras[i].runes + 1
	}
	return n + utf8.RuneCountInString(e.d.paras[c.p].s[:c.off])
}

// posAt is the position of rune offset n of Text().
func posAt(e *Editor, n int) pos {
	for p, pa := range e.d.paras {
		if n <= pa.runes {
			off := 0
			for range n {
				_, k := utf8.DecodeRuneInString(pa.s[off:])
				off += k
			}
			return pos{p, off}
		}
		n -= pa.runes + 1
	}
	return e.d.end()
}

// setCaret puts the caret (no selection) at rune offset n.
func setCaret(e *Editor, n int) {
	c := posAt(e, n)
	e.moveTo(c, false, false)
}

// point is where, in the editor, position c is drawn (the middle of its row's height).
func point(e *Editor, c pos) fyne.Position {
	g := e.d.globalLine(c.p, e.d.lineOf(c, false))
	ln := e.d.lines(c.p)[e.d.lineOf(c, false)]
	x := e.xIn(c.p, ln.Start, c.off)
	return fyne.NewPos(e.m.pad+float32(x)+0.5, e.m.pad+float32(g)*e.m.rowH+e.m.rowH/2-e.r.scroll.Offset.Y)
}

// checkDoc asserts the model's invariants: the exact lines of every paragraph are those a full
// wrap gives, the stale ones still partition the text, the counters and the line index agree
// with the paragraphs. With settle, it then settles everything and checks every line.
func checkDoc(t *testing.T, d *doc, settle bool) {
	t.Helper()
	runes, bytes, lines := 0, 0, 0
	for i, p := range d.paras {
		if strings.Contains(p.s, "\n") {
			t.Fatalf("paragraph %d holds a line break: %q", i, p.s)
		}
		if d.lay.width > 0 {
			want := text.Wrap(p.s, d.lay.width, 0, d.lay.size, d.lay.m)
			if p.exact > len(p.lines) || p.exact > len(want) || !slices.Equal(p.lines[:p.exact], want[:p.exact]) {
				t.Fatalf("paragraph %d %q: exact lines %v, a full wrap gives %v", i, p.s, p.lines[:min(p.exact, len(p.lines))], want)
			}
			end := 0
			for k, ln := range p.lines {
				if ln.Start != end || (ln.End <= ln.Start && p.s != "") || (k == len(p.lines)-1) != ln.Last {
					t.Fatalf("paragraph %d: line %d %+v breaks the partition %v", i, k, ln, p.lines)
				}
				end = ln.End
			}
			if end != len(p.s) {
				t.Fatalf("paragraph %d: lines end at %d of %d", i, end, len(p.s))
			}
		}
		if p.runes != utf8.RuneCountInString(p.s) {
			t.Fatalf("paragraph %d: runes %d, has %d", i, p.runes, utf8.RuneCountInString(p.s))
		}
		d.index()
		if d.first[i] != lines {
			t.Fatalf("paragraph %d: first line %d, want %d", i, d.first[i], lines)
		}
		runes += p.runes
		bytes += len(p.s)
		lines += d.lineCount(i)
	}
	runes += len(d.paras) - 1
	bytes += len(d.paras) - 1
	if d.runes != runes || d.bytes != bytes || d.totalLines() != lines {
		t.Fatalf("counters runes %d bytes %d lines %d, want %d %d %d", d.runes, d.bytes, d.totalLines(), runes, bytes, lines)
	}
	if settle {
		d.settleAll()
		for i, p := range d.paras {
			if p.exact != len(p.lines) {
				t.Fatalf("paragraph %d: %d exact lines of %d after settling", i, p.exact, len(p.lines))
			}
		}
		checkDoc(t, d, false)
	}
}

// cjk returns n characters of Chinese prose with punctuation, from the sample plan.
func cjk(n int) string {
	src := []rune(strings.ReplaceAll(samplePlan, "\n", ""))
	out := make([]rune, n)
	for i := range out {
		out[i] = src[i%len(src)]
	}
	return string(out)
}

const samplePlan = `工作室以“立德树人、专业成长”为宗旨，围绕班主任专业素养提升，开展主题研修、课例研讨和课题研究。` +
	`三年内，工作室将培养骨干班主任十名，形成可推广的班级管理案例集一部，开发家校共育微课程二十节；` +
	`每学期组织不少于四次集中研修活动，邀请专家进行专题讲座，并通过“送教下乡”辐射县区学校。` +
	`成员须结合自身实际制定个人三年发展规划（含阅读、写作、课题三个方面），按月记录成长档案……`
