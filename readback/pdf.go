package readback

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"strconv"

	"shenbao/forms"
)

// Reading a PDF: our exports carry the draft as an embedded file (render/pdf/attach.go). A
// PDF is not parsed as a whole: its objects are walked in file order, which finds the
// embedded file whatever cross-reference form a later save used (streams never sit inside
// object streams), and tells a scan (pictures, no font anywhere) from a PDF with text.
//
// Bounds: the file (MaxPDF), the objects walked (maxPDFObjects), a dictionary's length, and
// what a stream may inflate to (the draft limit, or maxObjStm for object streams).

const (
	maxPDFObjects = 200_000
	maxDictBytes  = 64 << 10
	maxObjStm     = 4 << 20  // one object stream, inflated, looked through for fonts
	maxObjStmAll  = 32 << 20 // all object streams together
)

var reObj = regexp.MustCompile(`(\d{1,10})\s+(\d{1,5})\s+obj\b`)

// pdfScan is what the walk found.
type pdfScan struct {
	drafts    [][]byte // embedded files, inflated
	fonts     bool     // a font dictionary
	text      bool     // a content stream shows text (BT … Tj)
	contents  int      // content streams decoded
	images    bool     // an image XObject
	encrypted bool
}

// hasText: text drawn on a page, or fonts where no content stream could be decoded. A
// scanner's PDF draws pictures only (fonts a writer added unused do not count).
func (s *pdfScan) hasText() bool { return s.text || s.contents == 0 && s.fonts }

// ReadPDF reads the draft a PDF carries.
func ReadPDF(data []byte) (*Result, error) {
	s, err := scanPDF(data)
	if err != nil {
		return nil, err
	}
	for _, raw := range s.drafts {
		if d, err := forms.Parse(raw); err == nil {
			return &Result{Draft: d, Kind: OurPDF}, nil
		} else if err == forms.ErrLaterVersion {
			return nil, err
		}
	}
	switch {
	case s.encrypted:
		return nil, ErrEncrypted
	case s.images && !s.hasText():
		return nil, ErrScan
	}
	return nil, ErrNoFormPDF
}

func scanPDF(data []byte) (*pdfScan, error) {
	s := &pdfScan{}
	if bytes.Contains(data[max(0, len(data)-4096):], []byte("/Encrypt")) || bytes.Contains(data, []byte("/Encrypt ")) {
		s.encrypted = true
	}
	objStmBudget, contentBudget := maxObjStmAll, maxObjStmAll
	pos, count := 0, 0
	for pos < len(data) {
		loc := reObj.FindIndex(data[pos:])
		if loc == nil {
			break
		}
		if count++; count > maxPDFObjects {
			return nil, ErrTooComplex
		}
		start := pos + loc[1]
		dict, after := readDict(data, start)
		pos = max(after, start)
		if dict == nil {
			continue
		}
		s.note(dict)
		stream, end := streamData(data, after, dict)
		if stream == nil {
			continue
		}
		pos = end
		switch {
		case hasName(dict, "Type", "EmbeddedFile"):
			if raw, ok := inflate(stream, dict, forms.MaxFileSize); ok {
				s.drafts = append(s.drafts, raw)
			}
		case hasName(dict, "Type", "ObjStm") && objStmBudget > 0 && !s.fonts:
			if raw, ok := inflate(stream, dict, min(maxObjStm, objStmBudget)); ok {
				objStmBudget -= len(raw)
				s.note(raw)
			}
		case contentStream(dict) && contentBudget > 0 && !s.text:
			if raw, ok := inflate(stream, dict, min(maxObjStm, contentBudget)); ok {
				contentBudget -= len(raw)
				s.contents++
				s.text = showsText(raw)
			}
		}
	}
	return s, nil
}

// note records what a dictionary (or an object stream's objects) says about the document.
func (s *pdfScan) note(dict []byte) {
	if hasName(dict, "Type", "Font") || bytes.Contains(dict, []byte("/FontDescriptor")) {
		s.fonts = true
	}
	if hasName(dict, "Subtype", "Image") {
		s.images = true
	}
}

// contentStream: a stream that may be a page's content or a form XObject (not a picture, a
// font program, metadata or the file's own structure).
func contentStream(dict []byte) bool {
	if bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/Length2")) {
		return false // an embedded font program
	}
	for _, t := range []string{"EmbeddedFile", "ObjStm", "XRef", "Metadata", "XObject"} {
		if hasName(dict, "Type", t) && !(t == "XObject" && hasName(dict, "Subtype", "Form")) {
			return false
		}
	}
	return !bytes.Contains(dict, []byte("/Subtype")) || hasName(dict, "Subtype", "Form")
}

// showsText: a text object that shows a string (BT … Tj, TJ, ' or ").
func showsText(content []byte) bool {
	bt := bytes.Index(content, []byte("BT"))
	if bt < 0 {
		return false
	}
	rest := content[bt:]
	return bytes.Contains(rest, []byte("Tj")) || bytes.Contains(rest, []byte("TJ")) ||
		bytes.Contains(rest, []byte("' ")) || bytes.Contains(rest, []byte("\" "))
}

// hasName reports /key /value in a dictionary, with or without the space between them.
func hasName(dict []byte, key, value string) bool {
	k := []byte("/" + key)
	for i := 0; ; {
		j := bytes.Index(dict[i:], k)
		if j < 0 {
			return false
		}
		rest := bytes.TrimLeft(dict[i+j+len(k):], " \t\r\n")
		if bytes.HasPrefix(rest, []byte("/"+value)) {
			after := rest[len(value)+1:]
			if len(after) == 0 || !isRegular(after[0]) {
				return true
			}
		}
		i += j + len(k)
	}
}

// isRegular: a byte that goes on a PDF name (not whitespace or a delimiter).
func isRegular(c byte) bool {
	return !bytes.ContainsRune([]byte(" \t\r\n\f\x00()<>[]{}/%"), rune(c))
}

// readDict reads the dictionary that starts after an "obj" keyword: balanced << >>, strings
// and comments skipped. nil when the object is no dictionary or is malformed; the second
// value is where reading stopped.
func readDict(data []byte, at int) ([]byte, int) {
	i := at
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if !bytes.HasPrefix(data[i:], []byte("<<")) {
		return nil, i
	}
	start, depth := i, 0
	for i < len(data) && i-start < maxDictBytes {
		switch c := data[i]; {
		case c == '<' && i+1 < len(data) && data[i+1] == '<':
			depth++
			i += 2
			continue
		case c == '>' && i+1 < len(data) && data[i+1] == '>':
			depth--
			i += 2
			if depth == 0 {
				return data[start:i], i
			}
			continue
		case c == '(':
			i = skipString(data, i)
			continue
		case c == '%':
			for i < len(data) && data[i] != '\n' && data[i] != '\r' {
				i++
			}
			continue
		}
		i++
	}
	return nil, i
}

// skipString skips a literal string with its nested parentheses and escapes.
func skipString(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return i
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0
}

var reLength = regexp.MustCompile(`/Length\s+(\d{1,10})(\s+\d+\s+R)?`)

// streamData returns a stream's bytes when "stream" follows the dictionary, and where its
// object ends. The /Length is used when it is a direct number that lands on "endstream";
// otherwise the data runs to the next "endstream".
func streamData(data []byte, at int, dict []byte) ([]byte, int) {
	i := at
	for i < len(data) && isSpace(data[i]) {
		i++
	}
	if !bytes.HasPrefix(data[i:], []byte("stream")) {
		return nil, at
	}
	i += len("stream")
	if i < len(data) && data[i] == '\r' {
		i++
	}
	if i < len(data) && data[i] == '\n' {
		i++
	}
	if m := reLength.FindSubmatch(dict); m != nil && m[2] == nil {
		if n, err := strconv.Atoi(string(m[1])); err == nil && n >= 0 && i+n <= len(data) {
			rest := bytes.TrimLeft(data[i+n:], " \t\r\n")
			if bytes.HasPrefix(rest, []byte("endstream")) {
				return data[i : i+n], i + n
			}
		}
	}
	end := bytes.Index(data[i:], []byte("endstream"))
	if end < 0 {
		return nil, len(data)
	}
	return bytes.TrimRight(data[i:i+end], "\r\n"), i + end
}

// inflate decodes a stream that is plain or FlateDecode'd, at most limit bytes; false when
// it uses another filter, is damaged, or is larger.
func inflate(stream, dict []byte, limit int) ([]byte, bool) {
	flate := hasName(dict, "Filter", "FlateDecode") || bytes.Contains(dict, []byte("[/FlateDecode]")) ||
		bytes.Contains(dict, []byte("[ /FlateDecode ]"))
	if !flate {
		if bytes.Contains(dict, []byte("/Filter")) || len(stream) > limit {
			return nil, false
		}
		return stream, true
	}
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		return nil, false
	}
	out, err := io.ReadAll(io.LimitReader(zr, int64(limit)+1))
	if err != nil || len(out) > limit {
		return nil, false
	}
	return out, true
}
