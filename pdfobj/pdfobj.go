// Package pdfobj walks the objects of a PDF file in file order, bounded, without parsing the
// document as a whole: the one PDF reader of shenbao. readback finds the draft our PDFs carry
// and tells a scan from a PDF with text; scan finds the page pictures of a scanner's PDF.
// Walking the objects finds them whatever cross-reference form a later save used (streams
// never sit inside object streams), and a damaged table costs nothing. No PDF library in the
// served modules reads this little without a whole PDF engine, and ours must stay bounded.
//
// Bounds: the objects walked (the caller's limit), a dictionary's length (MaxDictBytes), and
// what a stream may inflate to (the caller's limit). It imports nothing of ours.
package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"io"
	"regexp"
	"strconv"
)

// MaxDictBytes is the longest dictionary read: a page's or a picture's is a few hundred bytes.
const MaxDictBytes = 64 << 10

// ErrTooManyObjects: the file has more objects than the caller allows.
var ErrTooManyObjects = errors.New("pdf: too many objects")

// Object is one "N G obj" of the file: its number, its dictionary (nil when the object is no
// dictionary or a malformed one) and its stream's bytes, still encoded (nil when none).
type Object struct {
	Num    int
	Dict   []byte
	Stream []byte
}

var reObj = regexp.MustCompile(`(\d{1,10})\s+(\d{1,5})\s+obj\b`)

// Walk calls each for the objects of data in file order, at most maxObjects of them; each
// returns false to stop. A stream's data is skipped over, so bytes inside it are never taken
// for objects.
func Walk(data []byte, maxObjects int, each func(Object) bool) error {
	pos, count := 0, 0
	for pos < len(data) {
		loc := reObj.FindSubmatchIndex(data[pos:])
		if loc == nil {
			return nil
		}
		if count++; count > maxObjects {
			return ErrTooManyObjects
		}
		num, _ := strconv.Atoi(string(data[pos+loc[2] : pos+loc[3]]))
		start := pos + loc[1]
		dict, after := readDict(data, start)
		pos = max(after, start)
		if dict == nil {
			if !each(Object{Num: num}) {
				return nil
			}
			continue
		}
		stream, end := streamData(data, after, dict)
		if stream != nil {
			pos = end
		}
		if !each(Object{Num: num, Dict: dict, Stream: stream}) {
			return nil
		}
	}
	return nil
}

// HasName reports /key /value in a dictionary, with or without the space between them.
func HasName(dict []byte, key, value string) bool {
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

var (
	reInt     = regexp.MustCompile(`^\s*(\d{1,10})(\s+\d{1,5}\s+R)?`)
	reNames   = regexp.MustCompile(`^\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)`)
	reOneName = regexp.MustCompile(`/([^\s/\[\]<>()]+)`)
)

// value finds what follows /key as a whole name (not /key2); nil when absent.
func value(dict []byte, key string) []byte {
	k := []byte("/" + key)
	for i := 0; ; {
		j := bytes.Index(dict[i:], k)
		if j < 0 {
			return nil
		}
		rest := dict[i+j+len(k):]
		if len(rest) == 0 || !isRegular(rest[0]) {
			return rest
		}
		i += j + len(k)
	}
}

// Int is a direct whole number under /key; false when absent or an indirect reference.
func Int(dict []byte, key string) (int, bool) {
	m := reInt.FindSubmatch(value(dict, key))
	if m == nil || m[2] != nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// Ref is the object number of an indirect reference under /key (/SMask 12 0 R).
func Ref(dict []byte, key string) (int, bool) {
	m := reInt.FindSubmatch(value(dict, key))
	if m == nil || m[2] == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// Names is the name or array of names under /key (/Filter /FlateDecode, /Filter [/A /B]).
func Names(dict []byte, key string) []string {
	m := reNames.FindSubmatch(value(dict, key))
	if m == nil {
		return nil
	}
	var out []string
	for _, n := range reOneName.FindAllSubmatch(m[1], -1) {
		out = append(out, string(n[1]))
	}
	return out
}

// ErrTooLarge: a stream inflates past the caller's limit.
var ErrTooLarge = errors.New("pdf: stream too large")

// ErrDamaged: a stream's compressed data cannot be read.
var ErrDamaged = errors.New("pdf: damaged stream")

// Inflate decodes zlib (FlateDecode) data, at most limit bytes. A stream cut short keeps what
// was read (scanners' files often end a stream early).
func Inflate(stream []byte, limit int64) ([]byte, error) {
	zr, err := zlib.NewReader(bytes.NewReader(stream))
	if err != nil {
		return nil, ErrDamaged
	}
	defer zr.Close()
	out, err := io.ReadAll(io.LimitReader(zr, limit+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, ErrDamaged
	}
	if int64(len(out)) > limit {
		return nil, ErrTooLarge
	}
	return out, nil
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
	for i < len(data) && i-start < MaxDictBytes {
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
	if n, ok := Int(dict, "Length"); ok && n >= 0 && i+n <= len(data) {
		rest := bytes.TrimLeft(data[i+n:], " \t\r\n")
		if bytes.HasPrefix(rest, []byte("endstream")) {
			return data[i : i+n], i + n
		}
	}
	end := bytes.Index(data[i:], []byte("endstream"))
	if end < 0 {
		return nil, len(data)
	}
	return bytes.TrimRight(data[i:i+end], "\r\n"), i + end
}
