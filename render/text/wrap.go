package text

import "sync"

// scratch recycles the Prepared that a one-shot Wrap builds and throws away.
var scratch = sync.Pool{New: func() any { return new(Prepared) }}

// Wrap breaks one paragraph (no '\n' inside) into lines no wider than width (firstIndent applies
// to the first line only: the PDF's 2-character indent). A piece that fits nowhere (a 200-char
// Latin string with no break opportunity, or a single character wider than width) is broken
// anywhere, so no line is ever wider than width (except a single rune wider than the whole
// width, which gets a line of its own). An empty paragraph gives one empty line.
//
// Breaks are greedy: each line ends at the last opportunity that fits. When the Chinese rules
// forbid that break (a '，' would start the next line), the character before it moves down with
// it, so the line may end up to a few characters short: Justify spreads the difference. Spaces
// at a line end hang outside the width. A negative width or an indent wider than the line is
// taken as no room at all (one rune a line). A stray mandatory break ('\n', "\r\n", U+2028)
// ends its line, which is then marked Last too, like a paragraph end.
func Wrap(para string, width, firstIndent, size float64, m Measurer) []Line {
	p := scratch.Get().(*Prepared)
	defer scratch.Put(p)
	p.analyse(para)
	p.measure(size, m)
	lines := p.AppendWrap(nil, width, firstIndent)
	p.text = "" // do not keep the caller's string alive in the pool
	return lines
}

// Wrap is Wrap for a prepared paragraph.
func (p *Prepared) Wrap(width, firstIndent float64) []Line {
	return p.AppendWrap(nil, width, firstIndent)
}

// AppendWrap appends the lines of p wrapped at width to dst and returns it, so a caller laying
// out many paragraphs can reuse one slice.
func (p *Prepared) AppendWrap(dst []Line, width, firstIndent float64) []Line {
	n := len(p.runes)
	if n == 0 {
		return append(dst, Line{Last: true})
	}
	width = max(width, 0)
	avail := max(width-firstIndent, 0) // an indent wider than the line leaves room for nothing
	for start := 0; start < n; {
		end, w, last := p.nextLine(start, avail)
		dst = append(dst, Line{Start: p.offs[start], End: p.offs[end], Width: w, Last: last})
		start = end
		avail = width
	}
	return dst
}

// nextLine finds the end of the line starting at rune start (greedy: the last break
// opportunity that fits), its width, and whether it ends the paragraph or a forced break.
// It always takes at least one rune, so wrapping terminates whatever the widths.
func (p *Prepared) nextLine(start int, avail float64) (end int, width float64, last bool) {
	// Widths are summed from the line start in rune order, exactly as Measure would sum the
	// line's text, so a caller re-measuring a line gets the same float.
	w, content := 0.0, 0.0 // w counts hanging spaces met so far, content stops before them
	brkAt, brkW := -1, 0.0
	for i := start; i < len(p.runes); i++ {
		if i > start {
			switch p.brk[i] {
			case hard:
				return i, content, true
			case soft:
				brkAt, brkW = i, content
			}
		}
		if hangs(p.runes[i]) {
			w += p.adv[i]
			continue
		}
		nw := w + p.adv[i]
		if nw > avail {
			if brkAt > start {
				return brkAt, brkW, false
			}
			end = p.emergencyEnd(start, i)
			return end, p.width(start, end), end == len(p.runes)
		}
		w, content = nw, nw
	}
	return len(p.runes), content, true
}

// emergencyEnd picks where to cut a piece that has no break opportunity within the line: runes
// [start, limit) fit. It prefers, from the right, a cluster boundary the Chinese rules accept,
// then any cluster boundary, then the rune boundary at limit; a first rune wider than the line
// gets a line of its own.
func (p *Prepared) emergencyEnd(start, limit int) int {
	if limit == start {
		return start + 1
	}
	for j := limit; j > start; j-- {
		if p.brk[j] >= cluster && p.kinsokuOK(j) {
			return j
		}
	}
	for j := limit; j > start; j-- {
		if p.brk[j] >= cluster {
			return j
		}
	}
	return limit
}

// width is the width of runes [start, end) without the spaces hanging at their end.
func (p *Prepared) width(start, end int) float64 {
	w, content := 0.0, 0.0
	for i := start; i < end; i++ {
		w += p.adv[i]
		if !hangs(p.runes[i]) {
			content = w
		}
	}
	return content
}
