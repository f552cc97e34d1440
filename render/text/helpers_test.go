package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// mono is the fake monospace measurer of the tests: a CJK character or full-cell punctuation
// mark is size wide, anything else size/2, combining marks 0.
type mono struct{}

func (mono) Advance(r rune, size float64) float64 {
	switch {
	case r >= 0x300 && r <= 0x36f:
		return 0
	case r >= 0x2e80, r == '“', r == '”', r == '‘', r == '’', r == '…', r == '—', r == '―':
		return size
	}
	return size / 2
}

const size = 10.0 // one CJK character is 10 wide with mono

// texts returns the text of each line.
func texts(para string, lines []Line) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = para[l.Start:l.End]
	}
	return out
}

// trimHanging drops the spaces and line ends that hang at the end of a line.
func trimHanging(s string) string {
	for s != "" {
		r, n := utf8.DecodeLastRuneInString(s)
		if !hangs(r) {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// checkLines asserts the invariants every wrapping must keep, whatever the input.
func checkLines(t *testing.T, para string, lines []Line, width, indent float64) {
	t.Helper()
	if len(lines) == 0 {
		t.Fatalf("no line for %q", para)
	}
	if para == "" {
		if len(lines) != 1 || lines[0] != (Line{Last: true}) {
			t.Fatalf("empty paragraph: got %+v, want one empty last line", lines)
		}
		return
	}
	var b strings.Builder
	prev := -1
	for i, l := range lines {
		if l.Start <= prev || l.End <= l.Start {
			t.Fatalf("line %d %+v: starts not strictly increasing or empty line (%q)", i, l, para)
		}
		if i > 0 && l.Start != lines[i-1].End {
			t.Fatalf("line %d starts at %d, previous ended at %d", i, l.Start, lines[i-1].End)
		}
		prev = l.Start
		s := para[l.Start:l.End]
		b.WriteString(s)
		if want := Measure(trimHanging(s), size, mono{}); l.Width != want {
			t.Errorf("line %d %q: Width %v, measured without hanging spaces %v", i, s, l.Width, want)
		}
		avail := width
		if i == 0 {
			avail = max(avail-indent, 0)
		}
		if l.Width > avail && utf8.RuneCountInString(s) > 1 {
			t.Errorf("line %d %q: width %v > %v and not a single rune", i, s, l.Width, avail)
		}
		r, _ := utf8.DecodeLastRuneInString(s)
		forced := r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029'
		if isLast := i == len(lines)-1; l.Last != (isLast || forced) {
			t.Errorf("line %d %q: Last = %v", i, s, l.Last)
		}
	}
	if b.String() != para {
		t.Fatalf("lines do not concatenate back:\n got %q\nwant %q", b.String(), para)
	}
}
