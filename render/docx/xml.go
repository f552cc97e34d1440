package docx

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xmlHeader starts every XML part. standalone="yes" is what Word writes; it changes nothing
// for a reader without a DTD.
const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xmlChar reports whether XML 1.0 may hold r (Char production of XML 1.0 §2.2). C1 controls
// and DEL are legal XML but no one means them in a form: they are dropped too, so Word and
// WPS never meet them.
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20, r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= utf8.MaxRune
}

// writeEscaped writes s as XML character data or an attribute value: markup characters
// escaped, characters XML cannot hold dropped, invalid UTF-8 replaced by U+FFFD.
func writeEscaped(b *bytes.Buffer, s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII fast path
			i++
			switch c {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			case '\'':
				b.WriteString("&apos;")
			case '\t', '\n', '\r':
				// In attributes a reader would normalise them to spaces; keep them as they are.
				b.WriteString("&#" + strconv.Itoa(int(c)) + ";")
			default:
				if xmlChar(rune(c)) {
					b.WriteByte(c)
				}
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == utf8.RuneError && n == 1 {
			b.WriteRune(utf8.RuneError)
			continue
		}
		if xmlChar(r) {
			b.WriteString(s[i-n : i])
		}
	}
}

// escaped returns writeEscaped's output as a string, for attribute values.
func escaped(s string) string {
	var b bytes.Buffer
	writeEscaped(&b, s)
	return b.String()
}

// cleanText returns typed text ready to be laid out: line ends unified to "\n" and the
// characters XML cannot hold removed (so they also don't count as text when deciding whether
// a value is empty).
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || xmlChar(r) {
			return r
		}
		return -1
	}, strings.ToValidUTF8(s, "\uFFFD"))
}
