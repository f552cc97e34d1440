package text

import "unicode"

// Justify returns, for each rune of line (the text para[l.Start:l.End] of a wrapped line that is
// not Last), the extra space to add after that rune so the line's visible part, of natural width
// natural (l.Width), fills width (the width available to that line). A PDF writer places runes
// one by one: x += advance + extra[k].
//
// Where the space goes, as Chinese word processors do it:
//   - a line with CJK characters spreads it evenly over every gap beside a CJK character or
//     punctuation mark, and after every inner space;
//   - a line without CJK spreads it over the inner spaces (between words);
//   - a line with neither (a long string broken anywhere) spreads it between its characters.
//
// Nothing is added after the last visible rune, to hanging spaces, to a leading indent of
// blanks, inside —— or ……, or before a combining mark.
// The result has one entry per rune (invalid bytes count one each) and is all zero when the
// line already fills width or has no gap.
func Justify(line string, natural, width float64) []float64 {
	runes := []rune(line)
	extra := make([]float64, len(runes))
	slack := width - natural
	if !(slack > 0) {
		return extra
	}
	vis := len(runes) // runes[:vis] is the visible part, without hanging spaces
	for vis > 0 && hangs(runes[vis-1]) {
		vis--
	}
	lead := 0 // a paragraph's leading blanks are an indent: they keep their width
	for lead < vis && blank(runes[lead]) {
		lead++
	}
	hasCJK := false
	for _, r := range runes[:vis] {
		if strongCJK(r) {
			hasCJK = true
			break
		}
	}
	for _, pick := range []func(a, b rune) bool{
		func(a, b rune) bool { return blank(a) || (hasCJK && !blank(b) && (cjkGap(a) || cjkGap(b))) },
		func(a, b rune) bool { return true },
	} {
		if spread(extra, runes[:vis], lead, slack, pick) {
			break
		}
	}
	return extra
}

// spread shares slack equally among the gaps after runes[k], k >= from, that pick accepts, and
// reports whether there was any.
func spread(extra []float64, runes []rune, from int, slack float64, pick func(a, b rune) bool) bool {
	gaps := 0
	for k := from; k+1 < len(runes); k++ {
		if stretchable(runes[k], runes[k+1]) && pick(runes[k], runes[k+1]) {
			gaps++
		}
	}
	if gaps == 0 {
		return false
	}
	each := slack / float64(gaps)
	for k := from; k+1 < len(runes); k++ {
		if stretchable(runes[k], runes[k+1]) && pick(runes[k], runes[k+1]) {
			extra[k] = each
		}
	}
	return true
}

// stretchable reports whether space may open between a and b without tearing a character
// apart: not before a combining mark or variation selector, not around a zero-width joiner, not
// inside a —— or …… drawn as one line.
func stretchable(a, b rune) bool {
	if a == '\u200d' || b == '\u200d' || pairHalf(a, b) {
		return false
	}
	if (b >= 0xfe00 && b <= 0xfe0f) || (b >= 0xe0100 && b <= 0xe01ef) {
		return false
	}
	return !unicode.In(b, unicode.Mn, unicode.Me, unicode.Mc)
}

// strongCJK reports whether r makes a line a CJK line: ideographs, kana, hangul, bopomofo and
// full-width forms.
func strongCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		(r >= 0xff01 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)
}

// cjkGap reports whether a gap beside r may stretch in a CJK line: CJK characters and the
// punctuation a Chinese font draws in a full cell (“ ” ‘ ’ — … ·).
func cjkGap(r rune) bool {
	if strongCJK(r) || (r >= 0x3000 && r <= 0x303f) {
		return true
	}
	switch r {
	case '“', '”', '‘', '’', '—', '―', '…', '·':
		return true
	}
	return false
}
