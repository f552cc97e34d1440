package render

import (
	"strings"

	"shenbao/fonts"
	"shenbao/render/text"
)

type hAlign int

const (
	alignLeft hAlign = iota
	alignCenter
	alignRight
)

type vAlign int

const (
	alignTop vAlign = iota
	alignMiddle
)

// seg is a run of text in one font on a line, dx from the line's start.
type seg struct {
	text  string
	font  Font
	dx, w float64
	extra []float64 // justification, one entry per rune; nil: natural
	path  string
}

// line is one line of a cell: its font size, its pitch (the height it takes, line spacing
// included), how it is aligned, and its runs. A line without segs is vertical space.
type line struct {
	size, pitch float64
	align       hAlign
	width       float64 // extent used for alignment: the runs plus any right inset
	segs        []seg
	keepNext    bool // a one-line heading of a long text: never the last line on a page
	para        int  // a long text's line: 1 + the index of its paragraph; 0 otherwise
	// ticks: where on the line (from its start) the □ of a chosen box starts, its tick to be
	// drawn in it (TickBox).
	ticks []float64
}

func spacer(h float64) line { return line{pitch: h} }

// linesHeight is the height of a stack of lines.
func linesHeight(ls []line) float64 {
	h := 0.0
	for _, l := range ls {
		h += l.pitch
	}
	return h
}

// typesetter measures and wraps with the layout's Measurer.
type typesetter struct{ m Measurer }

func (t typesetter) measure(s string, f Font, size float64) float64 {
	return text.Measure(s, size, textMeasurer(t.m, f))
}

func (t typesetter) wrap(s string, f Font, size, width, indent float64) []text.Line {
	return text.Wrap(s, width, indent, size, textMeasurer(t.m, f))
}

// trimHanging drops the spaces a line break leaves at the end of a line (text.Line.Width does
// not count them).
func trimHanging(s string) string { return strings.TrimRight(s, " \u3000\t\r\n\v\f\u0085\u2028\u2029") }

// plain sets s (no "\n" inside) as lines of one font, wrapped to width, each aligned.
func (t typesetter) plain(s string, f Font, size, pitch, width float64, align hAlign, path string) []line {
	var out []line
	for _, tl := range t.wrap(s, f, size, width, 0) {
		vis := trimHanging(s[tl.Start:tl.End])
		out = append(out, line{size: size, pitch: pitch, align: align, width: tl.Width,
			segs: []seg{{text: vis, font: f, w: tl.Width, path: path}}})
	}
	return out
}

// label sets a label of the form: bold (regular where the bold subset lacks a character),
// centred, split where the bureau split it ("\n"), and each part wrapped into lines of even
// length (是否/党员 rather than 是否党/员) in a narrow cell.
func (t typesetter) label(s string, width float64) []line {
	f := labelFont(s)
	pitch := LineHeight(TableSize, 1)
	var out []line
	for _, part := range strings.Split(s, "\n") {
		w := t.balancedWidth(part, f, TableSize, width)
		out = append(out, t.plain(part, f, TableSize, pitch, w, alignCenter, "")...)
	}
	return out
}

// labelFont is Bold, or Regular when the bold subset lacks a character of s.
func labelFont(s string) Font {
	for _, r := range s {
		if r != '\n' && !fonts.BoldHas(r) {
			return Regular
		}
	}
	return Bold
}

// balancedWidth is the narrowest width, at most width, that wraps s into as few lines as
// width does, so the lines come out about equally long.
func (t typesetter) balancedWidth(s string, f Font, size, width float64) float64 {
	n := len(t.wrap(s, f, size, width, 0))
	if n <= 1 {
		return width
	}
	lo, hi := width/float64(n+1), width
	for i := 0; i < 14 && hi-lo > 0.25; i++ {
		mid := (lo + hi) / 2
		if len(t.wrap(s, f, size, mid, 0)) == n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// Section headings of the person tables (指导老师基本情况, 工作室成员基本情况): 四号 bold,
// letter-spaced by HeadingTracking, one centred line. Wide and in one piece, such a heading
// keeps text extraction from reading the table below as part of the table above
// (readorder.go); spaced less than one em, its characters stay one block for poppler.
const (
	HeadingSize     = 14.0 // 四号
	HeadingTracking = 0.9  // space after each character but the last, in ems
)

// heading sets a section heading on one line, letter-spaced; a label that would not fit the
// width that way is set as a label (HeadingFits).
func (t typesetter) heading(s string, width float64) []line {
	f := labelFont(s)
	runes := []rune(s)
	extra := make([]float64, len(runes))
	for i := range extra[:max(len(extra)-1, 0)] {
		extra[i] = HeadingTracking * HeadingSize
	}
	w := t.measure(s, f, HeadingSize) + sum(extra)
	if w > width || len(runes) == 0 {
		return t.label(s, width)
	}
	return []line{{size: HeadingSize, pitch: LineHeight(HeadingSize, 1), align: alignCenter, width: w,
		segs: []seg{{text: s, font: f, w: w, extra: extra}}}}
}

// HeadingFits reports whether a section heading prints as one (bold 四号, letter-spaced) in a
// cell cellWidth wide (padding included); one that does not prints as a label, in the .docx
// too.
func HeadingFits(s string, cellWidth float64) bool {
	ls := typesetter{FontMeasurer()}.heading(s, cellWidth-2*PadX)
	return len(ls) == 1 && ls[0].size == HeadingSize
}

// value sets a short typed value: regular 五号, wrapped, centred.
func (t typesetter) value(s string, width float64, path string) []line {
	if s == "" {
		return nil
	}
	return t.plain(s, Regular, TableSize, LineHeight(TableSize, 1), width, alignCenter, path)
}

// BoxMark is the box a choice printed as boxes puts after each choice; BoxGap goes between
// two choices.
const (
	BoxMark = "□"
	BoxGap  = "\u3000\u3000"
)

// BoxItem is one choice as printed with its box: 正常 □.
func BoxItem(choice string) string { return choice + " " + BoxMark }

// BoxItemFirst is one choice as printed with its box before it (BoxFirst): □男.
func BoxItemFirst(choice string) string { return BoxMark + choice }

// boxes sets a choice printed as boxes (ct: Choices, the value in Text, BoxFirst, Prefix):
// each choice followed by its box (or after it), BoxGap between them, as many on a line as
// fit, each line centred, the prefix first; the box of the value, when it is one of the
// choices, is ticked. A value that is none of them (typed elsewhere, imported) is printed
// after the boxes as it is, so nothing written is lost.
func (t typesetter) boxes(ct Content, width float64) []line {
	choices, path := ct.Choices, ct.Path
	size, pitch := TableSize, LineHeight(TableSize, 1)
	value := strings.TrimSpace(ct.Text)
	gap := t.measure(BoxGap, Regular, size)
	box := t.measure(BoxMark, Regular, size)
	var out []line
	var cur *line
	other := value != ""
	// at is where in an item of width w its box is: at its end, or at its start (BoxFirst).
	at := func(w float64) float64 {
		if ct.BoxFirst {
			return 0
		}
		return w - box
	}
	add := func(text string, ticked bool) {
		w := t.measure(text, Regular, size)
		if cur != nil && cur.width+gap+w <= width+1e-9 {
			s := &cur.segs[0]
			if ticked {
				cur.ticks = append(cur.ticks, cur.width+gap+at(w))
			}
			s.text += BoxGap + text
			cur.width += gap + w
			s.w = cur.width
			return
		}
		if w > width { // one choice wider than the cell: wrapped, its box at the end
			ls := t.plain(text, Regular, size, pitch, width, alignCenter, path)
			if last := &ls[len(ls)-1]; ticked && !ct.BoxFirst {
				last.ticks = []float64{last.width - box}
			} else if ticked {
				ls[0].ticks = []float64{0}
			}
			out = append(out, ls...)
			cur = nil
			return
		}
		out = append(out, line{size: size, pitch: pitch, align: alignCenter, width: w,
			segs: []seg{{text: text, font: Regular, w: w, path: path}}})
		cur = &out[len(out)-1]
		if ticked {
			cur.ticks = []float64{at(w)}
		}
	}
	if ct.Prefix != "" {
		add(printable(ct.Prefix), false)
	}
	for _, c := range choices {
		item := BoxItem(c)
		if ct.BoxFirst {
			item = BoxItemFirst(c)
		}
		add(item, c == value)
		other = other && c != value
	}
	if other {
		add(printable(value), false)
	}
	return out
}

// labelled sets "label：value" on one line and wraps the value under it: the label bold, the
// value regular, its first line after the label and the next ones from the left edge.
func (t typesetter) labelled(label, value string, width float64, path string) []line {
	size, pitch := TableSize, LineHeight(TableSize, 1)
	lw := t.measure(label, Bold, size)
	first := line{size: size, pitch: pitch, width: lw, segs: []seg{{text: label, font: Bold, w: lw}}}
	if value == "" {
		return []line{first}
	}
	var out []line
	for i, tl := range t.wrap(value, Regular, size, width, lw) {
		vis := trimHanging(value[tl.Start:tl.End])
		s := seg{text: vis, font: Regular, w: tl.Width, path: path}
		if i == 0 {
			if lw+tl.Width > width+1e-9 { // the label alone fills the line
				out = append(out, first)
				out = append(out, line{size: size, pitch: pitch, width: tl.Width, segs: []seg{s}})
				continue
			}
			s.dx = lw
			first.segs = append(first.segs, s)
			first.width = lw + tl.Width
			out = append(out, first)
			continue
		}
		out = append(out, line{size: size, pitch: pitch, width: tl.Width, segs: []seg{s}})
	}
	return out
}

// paragraphs sets a long text's paragraphs (from Paragraphs): 小四 at 1.5 lines, each
// indented two characters, justified but for its last line; empty ones kept as blank lines.
func (t typesetter) paragraphs(paras []string, width float64, path string) []line {
	size, pitch := LongSize, LineHeight(LongSize, LongSpacing)
	indent := 2 * t.measure("\u3000", Regular, size)
	heads := t.headings(paras, width)
	var out []line
	for k, para := range paras {
		if strings.TrimSpace(para) == "" {
			out = append(out, spacer(pitch))
			continue
		}
		for i, tl := range t.wrap(para, Regular, size, width, indent) {
			vis := trimHanging(para[tl.Start:tl.End])
			dx, avail := 0.0, width
			if i == 0 {
				dx, avail = indent, width-indent
			}
			sg := seg{text: vis, font: Regular, dx: dx, w: tl.Width, path: path}
			if !tl.Last {
				sg.extra = text.Justify(vis, tl.Width, avail)
				sg.w = tl.Width + sum(sg.extra)
			}
			out = append(out, line{size: size, pitch: pitch, width: dx + sg.w, segs: []seg{sg}, keepNext: heads[k], para: k + 1})
		}
	}
	return out
}

// wording sets the set wording of an opinion box or a declaration: 五号, each paragraph's
// first line indented two characters, left aligned.
func (t typesetter) wording(paras []string, width float64) []line {
	size, pitch := TableSize, LineHeight(TableSize, 1)
	indent := 2 * t.measure("\u3000", Regular, size)
	var out []line
	for _, para := range paras {
		para = printable(strings.TrimSpace(para))
		if para == "" {
			out = append(out, spacer(pitch))
			continue
		}
		for i, tl := range t.wrap(para, Regular, size, width, indent) {
			dx := 0.0
			if i == 0 {
				dx = indent
			}
			vis := trimHanging(para[tl.Start:tl.End])
			out = append(out, line{size: size, pitch: pitch, width: dx + tl.Width,
				segs: []seg{{text: vis, font: Regular, dx: dx, w: tl.Width}}})
		}
	}
	return out
}

// headings tells, for each paragraph of a long text set width wide, whether it is a heading
// (第三阶段：…): one line followed by a paragraph of several (a list of one-line items has
// none). A heading never ends a page; it goes on to the next page with what follows.
func (t typesetter) headings(paras []string, width float64) []bool {
	out := make([]bool, len(paras))
	indent := 2 * t.measure("\u3000", Regular, LongSize)
	lines := make([]int, len(paras))
	for k, p := range paras {
		if strings.TrimSpace(p) != "" {
			lines[k] = len(t.wrap(p, Regular, LongSize, width, indent))
		}
	}
	for k := 0; k+1 < len(paras); k++ {
		out[k] = lines[k] == 1 && lines[k+1] > 1
	}
	return out
}

// Headings is headings for the .docx: the paragraphs of a long text in a cell cellWidth wide
// (padding included) that keep with the next one.
func Headings(paras []string, cellWidth float64) []bool {
	ps := make([]string, len(paras))
	for i, p := range paras {
		ps[i] = printable(p)
	}
	return typesetter{FontMeasurer()}.headings(ps, cellWidth-2*PadX)
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// clean prepares typed text for every writer: line ends normalised to "\n", tabs as spaces;
// multiline false turns line ends into spaces too (a short value prints on its lines).
func clean(s string, multiline bool) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r':
			if multiline {
				return '\n'
			}
			return ' '
		case r == '\t':
			return ' '
		}
		return r
	}, s)
}

// printable shows every character of s the embedded font cannot print as □, so a --draft
// export never silently drops what was typed (the checks report those characters as 错误).
// The PDF and the preview print through it; the .docx keeps what was typed, which Word may
// have a font for.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r != '\n' && !fonts.Printable(r) {
			return '□'
		}
		return r
	}, s)
}
