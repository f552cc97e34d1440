package editor

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"shenbao/render/text"
)

// pos is a place in the document: a paragraph index and a byte offset into that paragraph.
// Positions are kept this way (rather than as one offset into the whole text) so that an edit
// never has to walk the text before it.
type pos struct{ p, off int }

func (a pos) less(b pos) bool { return a.p < b.p || (a.p == b.p && a.off < b.off) }

// order returns a and b sorted.
func order(a, b pos) (pos, pos) {
	if b.less(a) {
		return b, a
	}
	return a, b
}

// para is one paragraph (the text between two '\n') and its wrapped lines at the current width.
// lines is nil while no width is known (before the first layout).
//
// Only lines[:exact] are sure to be the lines a full wrap would give. After typing in the
// middle of a long paragraph, the lines more than a screenful below the edit are the old ones
// shifted (a valid partition of the text, approximately right); they are re-wrapped when
// something needs them (settle): drawing them, moving the caret, editing there.
type para struct {
	s     string
	lines []text.Line
	exact int
	runes int
}

// doc is the text as paragraphs plus their layout. It knows nothing of Fyne: widths come from
// a text.Measurer, so the tests can drive it with a fake font.
type doc struct {
	paras []para
	runes int // runes of the whole text, the '\n' between paragraphs included
	bytes int // bytes of the whole text, likewise

	lay layout
	// ahead is how many lines past an edit must come out exact: the rows in view below the
	// caret and a margin (set by the editor before each edit).
	ahead int

	// first[i] is the index of the first visual line of paragraph i in the whole document;
	// first[len(paras)] is the line count. Entries past firstOK are stale.
	first   []int
	firstOK int
}

func newDoc() *doc {
	d := &doc{ahead: defaultAhead}
	d.setText("")
	return d
}

// normalize turns every line end (CR LF, lone CR) into '\n': a paragraph never holds a CR.
func normalize(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// setText replaces everything, wrapping every paragraph.
func (d *doc) setText(s string) {
	s = normalize(s)
	parts := strings.Split(s, "\n")
	d.paras = make([]para, len(parts))
	for i, t := range parts {
		d.paras[i] = d.newPara(t)
	}
	d.runes = utf8.RuneCountInString(s)
	d.bytes = len(s)
	d.firstOK = 0
}

func (d *doc) newPara(s string) para {
	lines := d.lay.wrap(s)
	return para{s: s, lines: lines, exact: len(lines), runes: utf8.RuneCountInString(s)}
}

// setLayout changes the wrap width or the font (size, measurer) and re-wraps everything. This is
// the one operation whose cost grows with the text: it happens on resize and theme change only.
func (d *doc) setLayout(l layout) {
	if l == d.lay {
		return
	}
	d.lay = l
	for i := range d.paras {
		p := &d.paras[i]
		p.lines = l.wrap(p.s)
		p.exact = len(p.lines)
	}
	d.firstOK = 0
}

// text joins the paragraphs.
func (d *doc) text() string {
	var b strings.Builder
	b.Grow(d.bytes)
	for i, p := range d.paras {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(p.s)
	}
	return b.String()
}

// start and end are the first and last positions of the document.
func (d *doc) start() pos { return pos{} }
func (d *doc) end() pos {
	n := len(d.paras) - 1
	return pos{n, len(d.paras[n].s)}
}

// slice returns the text between a and b (a <= b), paragraphs joined by '\n'.
func (d *doc) slice(a, b pos) string {
	if a.p == b.p {
		return d.paras[a.p].s[a.off:b.off]
	}
	var sb strings.Builder
	sb.WriteString(d.paras[a.p].s[a.off:])
	for i := a.p + 1; i < b.p; i++ {
		sb.WriteByte('\n')
		sb.WriteString(d.paras[i].s)
	}
	sb.WriteByte('\n')
	sb.WriteString(d.paras[b.p].s[:b.off])
	return sb.String()
}

// after returns the position just after s inserted at a.
func after(a pos, s string) pos {
	n := strings.Count(s, "\n")
	if n == 0 {
		return pos{a.p, a.off + len(s)}
	}
	return pos{a.p + n, len(s) - strings.LastIndexByte(s, '\n') - 1}
}

// replace puts s (already normalised) in place of the text between a and b (a <= b) and returns
// the end of the inserted text and the text removed. Only the paragraphs touched are re-wrapped, and a paragraph's
// lines before the edit are kept (see rewrap), so typing costs the same in a short paragraph
// and in a 6000-character one.
func (d *doc) replace(a, b pos, s string) (end pos, removed string) {
	d.exactAt(a.p, a.off)
	d.exactAt(b.p, 0)
	removed = d.slice(a, b)
	d.runes += utf8.RuneCountInString(s) - utf8.RuneCountInString(removed)
	d.bytes += len(s) - len(removed)
	pa, pb := d.paras[a.p], d.paras[b.p]
	head, tail := pa.s[:a.off], pb.s[b.off:]
	pieces := strings.Split(s, "\n")
	last := len(pieces) - 1

	if last == 0 && a.p == b.p { // the common case: typing or deleting inside one paragraph
		ns := head + s + tail
		p := &d.paras[a.p]
		p.lines, p.exact = d.lay.rewrap(p.lines, p.exact, ns, a.off, b.off, a.off+len(s), d.ahead)
		p.s = ns
		p.runes += utf8.RuneCountInString(s) - utf8.RuneCountInString(removed)
		d.touch(a.p)
		return pos{a.p, a.off + len(s)}, removed
	}

	var out []para
	if last == 0 { // paragraphs joined: keep the lines of the longer side
		ns := head + s + tail
		np := para{s: ns, runes: utf8.RuneCountInString(ns)}
		if len(tail) <= len(head) {
			np.lines, np.exact = d.lay.rewrap(pa.lines, pa.exact, ns, a.off, len(pa.s), len(ns), d.ahead)
		} else {
			np.lines, np.exact = d.lay.rewrap(pb.lines, pb.exact, ns, 0, b.off, len(head)+len(s), d.ahead)
		}
		out = []para{np}
	} else {
		out = make([]para, 0, last+1)
		first := para{s: head + pieces[0], runes: utf8.RuneCountInString(head + pieces[0])}
		first.lines, first.exact = d.lay.rewrap(pa.lines, pa.exact, first.s, a.off, len(pa.s), len(first.s), d.ahead)
		out = append(out, first)
		for _, t := range pieces[1:last] {
			out = append(out, d.newPara(t))
		}
		end := para{s: pieces[last] + tail, runes: utf8.RuneCountInString(pieces[last] + tail)}
		end.lines, end.exact = d.lay.rewrap(pb.lines, pb.exact, end.s, 0, b.off, len(pieces[last]), d.ahead)
		out = append(out, end)
	}
	d.paras = append(d.paras[:a.p], append(out, d.paras[b.p+1:]...)...)
	d.touch(a.p)
	return after(a, s), removed
}

// touch marks the line index stale from paragraph p on.
func (d *doc) touch(p int) { d.firstOK = min(d.firstOK, p) }

// index brings first up to date. It walks only the paragraphs from the first one edited:
// paragraphs are few (tens) even in a long text, so this stays negligible.
func (d *doc) index() {
	n := len(d.paras)
	if len(d.first) < n+1 {
		d.first = append(d.first, make([]int, n+1-len(d.first))...)
	}
	d.first = d.first[:n+1]
	d.first[0] = 0
	for i := d.firstOK; i < n; i++ {
		d.first[i+1] = d.first[i] + d.lineCount(i)
	}
	d.firstOK = n
}

// defaultAhead is ahead before the editor knows its height.
const defaultAhead = 40

// exactAt makes sure the line holding byte off of paragraph i, and those before, are exact.
func (d *doc) exactAt(i, off int) {
	p := &d.paras[i]
	if p.exact < len(p.lines) {
		if li := lineIndex(p.lines, off); li >= p.exact {
			d.settleTo(i, li)
		}
	}
}

// settleTo re-wraps stale lines of paragraph i so that line li (and ahead more) is exact.
func (d *doc) settleTo(i, li int) {
	p := &d.paras[i]
	if p.exact >= len(p.lines) || li < p.exact {
		return
	}
	if p.exact == 0 {
		p.lines = d.lay.wrap(p.s)
		p.exact = len(p.lines)
	} else {
		b := p.lines[p.exact-1].Start // an empty edit on the last exact line: wraps on from there
		p.lines, p.exact = d.lay.rewrap(p.lines, p.exact, p.s, b, b, b, li-p.exact+1+d.ahead)
	}
	d.touch(i)
}

// settle re-wraps every stale line of paragraph i.
func (d *doc) settle(i int) { d.settleTo(i, math.MaxInt/2) }

// settleAll re-wraps every stale line, so that the line count (the scroll bar) is exact.
func (d *doc) settleAll() {
	for i := range d.paras {
		d.settle(i)
	}
}

// lineCount is the number of visual lines of paragraph i (counting stale ones).
func (d *doc) lineCount(i int) int { return max(len(d.paras[i].lines), 1) }

// line returns line li of paragraph i, exact (one line before the first layout).
func (d *doc) line(i, li int) text.Line {
	p := &d.paras[i]
	if p.lines == nil {
		return text.Line{End: len(p.s), Last: true}
	}
	if li >= p.exact {
		d.settleTo(i, li)
	}
	return p.lines[min(li, len(p.lines)-1)]
}

// lines returns the visual lines of paragraph i, all exact.
func (d *doc) lines(i int) []text.Line {
	p := &d.paras[i]
	if p.lines == nil {
		return []text.Line{{Start: 0, End: len(p.s), Last: true}}
	}
	d.settle(i)
	return p.lines
}

// totalLines is the number of visual lines of the document.
func (d *doc) totalLines() int {
	d.index()
	return d.first[len(d.paras)]
}

// globalLine is the document-wide index of line li of paragraph p.
func (d *doc) globalLine(p, li int) int {
	d.index()
	return d.first[p] + li
}

// lineAt maps a document-wide line index (clamped) to its paragraph and line in it, the
// paragraph settled if that line was stale.
func (d *doc) lineAt(g int) (p, li int) {
	for {
		d.index()
		g = max(0, min(g, d.first[len(d.paras)]-1))
		p = sort.Search(len(d.paras), func(i int) bool { return d.first[i+1] > g })
		li = g - d.first[p]
		if pa := &d.paras[p]; pa.lines == nil || li < pa.exact {
			return p, li
		}
		d.settleTo(p, li)
	}
}

// lineOf returns the line of paragraph c.p holding c. A position at a wrap point belongs to
// the line it starts, unless upstream asks for the end of the line before (where End puts the
// caret).
func (d *doc) lineOf(c pos, upstream bool) int {
	p := &d.paras[c.p]
	if p.lines == nil {
		return 0
	}
	d.exactAt(c.p, c.off)
	ls := p.lines
	li := lineIndex(ls, c.off)
	if upstream && li > 0 && ls[li].Start == c.off {
		li--
	}
	return li
}

// lineIndex is the index of the last line starting at or before off.
func lineIndex(ls []text.Line, off int) int {
	return max(sort.Search(len(ls), func(i int) bool { return ls[i].Start > off })-1, 0)
}
