package forms

import "unicode"

// CountWords counts a text as Microsoft Word's 字数 does (FORM.md §5): each East Asian
// character is 1, each run of other non-space characters between spaces and East Asian
// characters is 1, and white space is 0. The bureau checks the 3000 limit with Word, so the
// program must agree with it exactly.
func CountWords(s string) int {
	n := 0
	inWord := false
	for _, r := range s {
		switch {
		case r > 0x3000 && r <= 0x9FFF: // the common case, CJK text: skips the full test
			n++
			inWord = false
		case r < 0x80 && r != ' ' && (r < '\t' || r > '\r'): // ASCII letters, digits, punctuation
			if !inWord {
				n++
				inWord = true
			}
		case IsEastAsian(r):
			n++
			inWord = false
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			n++
			inWord = true
		}
	}
	return n
}

// IsEastAsian reports whether Word counts r as one East Asian character: CJK ideographs of
// every extension, CJK and full-width punctuation, curly quotes, the dash and the ellipsis,
// kana, bopomofo and full-width letters and digits. U+3000 (the ideographic space) is white
// space and counts 0.
func IsEastAsian(r rune) bool {
	switch {
	case r < 0x2000:
		return false
	case r == 0x3000:
		return false
	case r >= 0x2018 && r <= 0x201F, // ‘ ’ ‚ ‛ “ ” „ ‟
		r == 0x2014 || r == 0x2015 || r == 0x2026 || r == 0x2025, // — ― … ‥
		r >= 0x2E80 && r <= 0x2FDF,                               // CJK radicals, Kangxi radicals
		r >= 0x2FF0 && r <= 0x9FFF,                               // description chars, CJK symbols & punctuation, kana, bopomofo, enclosed, ext. A, unified
		r >= 0xF900 && r <= 0xFAFF,                               // compatibility ideographs
		r >= 0xFE10 && r <= 0xFE1F,                               // vertical forms
		r >= 0xFE30 && r <= 0xFE6F,                               // compatibility forms, small forms
		r >= 0xFF01 && r <= 0xFFEF,                               // full-width and half-width forms
		r >= 0x20000 && r <= 0x3FFFF:                             // extensions B and later, compatibility supplement
		return true
	}
	return false
}
