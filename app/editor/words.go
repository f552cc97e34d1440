package editor

import (
	"unicode"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"
)

// extending reports whether r belongs to the character before it (a combining accent, a
// variation selector, a zero-width joiner): the caret never stops in front of it.
func extending(r rune) bool {
	return unicode.Is(unicode.M, r) || r == '\u200d' || (r >= 0xfe00 && r <= 0xfe0f)
}

// class groups runes for moving by word: a run of one class is one word.
type class uint8

const (
	blankClass class = iota
	punctClass
	hanClass // a run of Chinese characters moves as one, up to punctuation
	wordClass
)

func classOf(r rune) class {
	switch {
	case unicode.IsSpace(r):
		return blankClass
	case unicode.Is(unicode.Han, r):
		return hanClass
	case unicode.IsLetter(r) || unicode.IsDigit(r) || extending(r):
		return wordClass
	}
	return punctClass
}

// wordAfter is where Ctrl+Right goes from off in s: past the run the caret is in, then past
// the blanks after it.
func wordAfter(s string, off int) int {
	r, n := utf8.DecodeRuneInString(s[off:])
	c := classOf(r)
	off += n
	for off < len(s) && c != blankClass {
		r, n := utf8.DecodeRuneInString(s[off:])
		if classOf(r) != c {
			break
		}
		off += n
	}
	for off < len(s) {
		r, n := utf8.DecodeRuneInString(s[off:])
		if classOf(r) != blankClass {
			break
		}
		off += n
	}
	return off
}

// wordBefore is where Ctrl+Left goes from off in s: back over blanks, then to the start of the
// run before them.
func wordBefore(s string, off int) int {
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:off])
		if classOf(r) != blankClass {
			break
		}
		off -= n
	}
	if off == 0 {
		return 0
	}
	r, n := utf8.DecodeLastRuneInString(s[:off])
	c := classOf(r)
	off -= n
	for off > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:off])
		if classOf(r) != c {
			break
		}
		off -= n
	}
	return off
}

// wordWindow bounds the text the word segmenter looks at around a double-click: words are short,
// and a paragraph may be 6000 characters long.
const wordWindow = 256

// wordAt returns the word around byte offset off of s, for a double-click: a word of the Unicode
// word segmenter (UAX #29: a Latin word, a number, a single Chinese character), else the run of
// blanks, else the single character there.
func wordAt(s string, off int) (int, int) {
	if s == "" {
		return 0, 0
	}
	if off >= len(s) {
		_, n := utf8.DecodeLastRuneInString(s)
		off = len(s) - n
	}
	lo, hi := max(off-wordWindow, 0), min(off+wordWindow, len(s))
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	var seg segmenter.Segmenter
	if seg.InitWithString(s[lo:hi]) == nil {
		it := seg.WordIterator()
		for it.Next() {
			w := it.Word()
			start := lo + w.OffsetInBytes
			if start > off {
				break
			}
			if end := start + w.LengthInBytes; off < end {
				return start, end
			}
		}
	}
	r, n := utf8.DecodeRuneInString(s[off:])
	if classOf(r) != blankClass {
		return off, off + n
	}
	start, end := off, off+n
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if classOf(r) != blankClass {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if classOf(r) != blankClass {
			break
		}
		end += n
	}
	return start, end
}
