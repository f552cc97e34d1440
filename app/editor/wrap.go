package editor

import (
	"sort"

	"shenbao/render/text"
)

// layout is what wrapping depends on: the width available to a line, the font size and the
// measurer. A zero width means "not laid out yet": paragraphs then keep no lines.
type layout struct {
	width, size float64
	m           text.Measurer
}

// wrap breaks a whole paragraph with the project's one line breaker.
func (l layout) wrap(s string) []text.Line {
	if l.width <= 0 || l.m == nil {
		return nil
	}
	return text.Wrap(s, l.width, 0, l.size, l.m)
}

// Incremental re-wrapping.
//
// An edit replaces bytes [at, oldEnd) of a paragraph by bytes [at, newEnd) of its new text.
// Lines that end well before the edit cannot change, except the one or two just before it (a
// word may move back up when the start of the next line shrinks). So the new text is wrapped
// from the start of the line two lines above the edit (further if lines are very short),
// through a window ending a few old lines after it. As soon as a new line start, past the edit,
// coincides with an old line start shifted by the edit's length change (twice in a row, to be
// sure the break context agrees), the rest of the old lines are reused, shifted. If no such
// point is found the window grows, but only until a screenful past the edit is exact; the lines
// after it stay stale until they are needed (doc.settle). The cost is therefore that of
// wrapping a few lines, whatever the paragraph's length; the tests compare the result with a
// full text.Wrap for random texts and edits.

const (
	// syncAfter is how far (bytes) past the edit a matching line start must lie before it is
	// trusted: UAX #14 looks at a few runes behind a break.
	syncAfter = 16
	// syncBefore is how many bytes before the edit the re-wrap starts at least, whatever the
	// line lengths: the decision where a line ends looks a few runes past that end.
	syncBefore = 48
	// windowSlack is how far (bytes) before the window's artificial end a line start must lie
	// to be trusted, on top of a line length: a line's end depends on the runes up to the first
	// one that overflows it (which lies at the latest at the end of the next line, as there is
	// no break opportunity between the two), and on the break classes a few runes further.
	windowSlack = 64
	// windowLines is how many old lines past the edit the first window covers.
	windowLines = 4
)

// rewrap returns the lines of s, the paragraph after an edit, given old, its lines before, of
// which the first oldExact are exact (the rest a stale but valid partition, see para.exact); the
// edit's line must be exact. It returns the new lines and how many of them are exact: when no
// line start coincides (in Chinese, one character more shifts every later break by a
// character), it stops once ahead lines past the edit's end are exact and keeps the old lines
// after the window as stale ones, so typing in the middle of a 6000-character paragraph wraps
// the lines in view, not the whole rest. It never modifies old (two calls may share it).
func (l layout) rewrap(old []text.Line, oldExact int, s string, at, oldEnd, newEnd, ahead int) ([]text.Line, int) {
	if old == nil || l.width <= 0 || l.m == nil {
		lines := l.wrap(s)
		return lines, len(lines)
	}
	delta := newEnd - oldEnd
	// Start where two whole lines lie before the edit: they must come out unchanged, which
	// checks that the window's break analysis had enough context (see agrees).
	k0 := max(lineIndex(old, at)-2, 0)
	for k0 > 0 && (old[k0+1].End+syncAfter > at || at-old[k0].Start < syncBefore) {
		k0--
	}
	ws := old[k0].Start
	kEnd := lineIndex(old, oldEnd)
	for grow := windowLines; ; {
		j := kEnd + grow
		we := len(s)
		if j < len(old) {
			we = old[j].Start + delta
		} else {
			j = len(old)
		}
		got := text.Wrap(s[ws:we], l.width, 0, l.size, l.m)
		if k0 > 0 && !agrees(got, ws, old[k0:], at, we == len(s)) {
			// The break analysis starting at ws saw less context than the full one did (UAX #14
			// looks behind a break): start further back.
			k0 = max(k0-4, 0)
			ws = old[k0].Start
			continue
		}
		if we == len(s) { // the window reaches the paragraph's end: every line is final
			return splice(old[:k0], got, ws, nil, 0), k0 + len(got)
		}
		trusted := we - windowSlack - longest(got)
		m := 0 // got[:m] are exact: they end at or before trusted
		for i := 1; i < len(got); i++ {
			st := ws + got[i].Start
			if st > trusted {
				break
			}
			m = i
			if st < newEnd+syncAfter || i+1 >= len(got) {
				continue
			}
			q := findStart(old, st-delta)
			if q <= k0 || q >= oldExact || q+1 >= len(old) || old[q+1].Start+delta != ws+got[i+1].Start {
				continue
			}
			return splice(old[:k0], got[:i], ws, old[q:], delta), k0 + i + oldExact - q
		}
		if k0+m > k0+lineIndex(got, newEnd-ws)+ahead { // enough is exact past the edit
			return splice(old[:k0], got, ws, old[j:], delta), k0 + m
		}
		grow = max(2*grow, ahead+3)
	}
}

// splice builds keep + mid (shifted by midAt) + tail (shifted by delta) in a new slice.
func splice(keep, mid []text.Line, midAt int, tail []text.Line, delta int) []text.Line {
	out := make([]text.Line, 0, len(keep)+len(mid)+len(tail))
	out = append(out, keep...)
	for _, ln := range mid {
		ln.Start += midAt
		ln.End += midAt
		if len(tail) > 0 { // a window's last line ends the window, not the paragraph
			ln.Last = false
		}
		out = append(out, ln)
	}
	for _, ln := range tail {
		ln.Start += delta
		ln.End += delta
		out = append(out, ln)
	}
	return out
}

// agrees reports whether the lines got (wrapped from ws) that lie wholly before the edit at at
// equal the old lines from the same start: they must, as the edit cannot reach back that far
// unless the break analysis lacked context.
func agrees(got []text.Line, ws int, old []text.Line, at int, final bool) bool {
	for i, ln := range got {
		if ws+ln.End+syncAfter > at || i >= len(old) || (!final && i == len(got)-1) {
			break
		}
		if ln.Start+ws != old[i].Start || ln.End+ws != old[i].End || ln.Width != old[i].Width {
			return false
		}
	}
	return true
}

// longest is the byte length of the longest line.
func longest(ls []text.Line) int {
	n := 0
	for _, ln := range ls {
		n = max(n, ln.End-ln.Start)
	}
	return n
}

// findStart returns the index of the line starting exactly at off, or -1.
func findStart(ls []text.Line, off int) int {
	i := sort.Search(len(ls), func(i int) bool { return ls[i].Start >= off })
	if i < len(ls) && ls[i].Start == off {
		return i
	}
	return -1
}
