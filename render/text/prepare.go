package text

import (
	"sync"

	"github.com/go-text/typesetting/segmenter"
)

// boundary is what may happen between two runes, weakest first.
type boundary uint8

const (
	// inCluster: inside a grapheme cluster (a base and its accents, an emoji sequence); broken
	// only when a single cluster is wider than the line.
	inCluster boundary = iota
	// cluster: between grapheme clusters where the rules forbid a break; broken only when a
	// piece fits nowhere.
	cluster
	// soft: a break opportunity.
	soft
	// hard: a mandatory break (after \n, \r\n, U+2028 …). A paragraph should hold none, but
	// one that slips in ends its line rather than being drawn as a glyph in mid-line.
	hard
)

// Prepared is a paragraph analysed once: its runes, their byte offsets, their advances at one
// size, and the kind of every boundary. Wrapping it at any width is then a single cheap pass.
// A Prepared is read-only after Prepare and safe for concurrent Wrap calls.
type Prepared struct {
	text  string
	runes []rune
	offs  []int      // offs[i] is the byte offset of rune i; offs[len(runes)] == len(text)
	adv   []float64  // adv[i] is the advance of rune i
	brk   []boundary // brk[i] is the boundary before rune i; brk[0] is never used
}

// segPool recycles segmenters: their buffers grow to the longest paragraph seen, so a preview
// re-preparing every paragraph does not allocate per call.
var segPool = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// Prepare analyses para (one paragraph, without '\n') for wrapping at font size size.
func Prepare(para string, size float64, m Measurer) *Prepared {
	p := &Prepared{}
	p.analyse(para)
	p.measure(size, m)
	return p
}

// analyse fills everything but the advances: it does not depend on the font.
func (p *Prepared) analyse(para string) {
	p.text = para
	p.runes, p.offs = p.runes[:0], p.offs[:0]
	// Decoding ourselves (rather than letting the segmenter do it) keeps byte offsets right even
	// for invalid UTF-8, where each bad byte is one U+FFFD rune of one byte.
	for i, r := range para {
		p.runes = append(p.runes, r)
		p.offs = append(p.offs, i)
	}
	p.offs = append(p.offs, len(para))
	p.brk = grow(p.brk, len(p.runes)+1)
	if len(p.runes) == 0 {
		return
	}
	p.segment()
	p.applyKinsoku()
}

// segment records the grapheme and UAX #14 boundaries.
func (p *Prepared) segment() {
	seg := segPool.Get().(*segmenter.Segmenter)
	defer segPool.Put(seg)
	seg.Init(p.runes)
	for i := range p.brk {
		p.brk[i] = inCluster
	}
	gi := seg.GraphemeIterator()
	for gi.Next() {
		p.brk[gi.Grapheme().Offset] = cluster
	}
	n := len(p.runes)
	li := seg.LineIterator()
	for li.Next() {
		l := li.Line()
		end := l.Offset + len(l.Text)
		if end >= n {
			break
		}
		if l.IsMandatoryBreak {
			p.brk[end] = hard
		} else {
			p.brk[end] = soft
		}
	}
}

// applyKinsoku turns into plain cluster boundaries the UAX #14 breaks the Chinese rules forbid.
func (p *Prepared) applyKinsoku() {
	lead := 0 // the paragraph's leading blanks stay with the first word, never alone on a line
	for lead < len(p.runes) && blank(p.runes[lead]) {
		lead++
	}
	for i := 1; i < len(p.runes); i++ {
		if p.brk[i] == soft && (i <= lead || !p.kinsokuOK(i)) {
			p.brk[i] = cluster
		}
	}
}

// kinsokuOK reports whether the Chinese rules allow a line to end before rune i.
func (p *Prepared) kinsokuOK(i int) bool {
	r := p.runes
	if noStart(r[i]) || hangs(r[i]) || pairHalf(r[i-1], r[i]) {
		return false
	}
	j := i - 1 // an opening bracket followed by spaces still must not end a line
	for j > 0 && blank(r[j]) {
		j--
	}
	return !noEnd(r[j])
}

// measure fills the advances for one size and measurer.
func (p *Prepared) measure(size float64, m Measurer) {
	p.adv = growFloat(p.adv, len(p.runes))
	for i, r := range p.runes {
		p.adv[i] = m.Advance(r, size)
	}
}

// Breaks returns the allowed break positions of para as byte offsets, in increasing order: the
// offsets where a line may start, UAX #14 plus the Chinese rules. 0 and len(para) are not
// listed. Mandatory breaks (a stray '\n') are included.
func Breaks(para string) []int {
	var p Prepared
	p.analyse(para)
	var out []int
	for i := 1; i < len(p.runes); i++ {
		if p.brk[i] >= soft {
			out = append(out, p.offs[i])
		}
	}
	return out
}

// String returns the paragraph p was prepared from.
func (p *Prepared) String() string { return p.text }

// RuneCount is the number of runes of the paragraph (invalid bytes count one each).
func (p *Prepared) RuneCount() int { return len(p.runes) }

func grow(s []boundary, n int) []boundary {
	if cap(s) < n {
		return make([]boundary, n)
	}
	return s[:n]
}

func growFloat(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}
