package forms

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// tomlShape is what a lenient scan of a TOML text finds. Before the real parser runs it gives
// the bounds that parser's work depends on: how deeply values nest (it recurses on them) and
// how many parts a key has (it handles dotted keys in quadratic time). After the parser has
// accepted the text it gives the line each key is written on, which the parser keeps only for
// the last element of an array of tables.
type tomlShape struct {
	depth int // deepest nesting of arrays and inline tables
	parts int // most parts of one key or table header (a.b.c is 3)
	// lines maps a key's path with array indices ("blocks[2].fields[0].label", parts joined
	// by dots as written) to the line it is defined on, from 1; plain maps the path without
	// indices ("blocks.fields.label") to the lines of every definition, in order.
	lines map[string]int
	plain map[string][]int
}

// Bounds of the scan itself: past them the text is refused anyway, so the scan stops.
const (
	scanMaxDepth = 32
	scanMaxParts = 32
)

// scanTOML scans src in one pass; it never fails and takes time linear in len(src), whatever
// the text holds. On text that is not valid TOML the lines are a best guess.
func scanTOML(src []byte) *tomlShape {
	sc := &tomlScanner{s: src, line: 1, arrays: map[string]int{},
		shape: &tomlShape{lines: map[string]int{}, plain: map[string][]int{}}}
	sc.document()
	return sc.shape
}

type tomlScanner struct {
	s      []byte
	i      int
	line   int
	stop   bool // a bound was passed: the rest is not scanned
	shape  *tomlShape
	arrays map[string]int // indexed path of an array of tables → its elements so far
}

func (sc *tomlScanner) eof() bool { return sc.stop || sc.i >= len(sc.s) }

func (sc *tomlScanner) peek(k int) byte {
	if sc.i+k < len(sc.s) {
		return sc.s[sc.i+k]
	}
	return 0
}

// next consumes one byte, counting lines.
func (sc *tomlScanner) next() {
	if sc.s[sc.i] == '\n' {
		sc.line++
	}
	sc.i++
}

// blanks skips spaces and tabs; with newlines, also line ends and comments.
func (sc *tomlScanner) blanks(newlines bool) {
	for !sc.eof() {
		switch c := sc.s[sc.i]; {
		case c == ' ' || c == '\t' || c == '\r':
			sc.i++
		case newlines && c == '\n':
			sc.next()
		case newlines && c == '#':
			sc.comment()
		default:
			return
		}
	}
}

func (sc *tomlScanner) comment() {
	for !sc.eof() && sc.s[sc.i] != '\n' {
		sc.i++
	}
}

func (sc *tomlScanner) document() {
	context := ""
	for !sc.eof() {
		sc.blanks(true)
		if sc.eof() {
			return
		}
		line := sc.line
		switch sc.s[sc.i] {
		case '[':
			array := sc.peek(1) == '['
			sc.i++
			if array {
				sc.i++
			}
			parts := sc.key()
			for !sc.eof() && sc.s[sc.i] != ']' && sc.s[sc.i] != '\n' {
				sc.i++
			}
			for k := 0; k < 2 && !sc.eof() && sc.s[sc.i] == ']'; k++ {
				sc.i++
			}
			if len(parts) > 0 {
				context = sc.header(parts, array, line)
			}
		default:
			start := sc.i
			parts := sc.key()
			if len(parts) == 0 {
				if sc.i == start {
					sc.next() // not a key: step on, so the scan always ends
				}
				continue
			}
			path := join(context, strings.Join(parts, "."))
			sc.record(path, line)
			sc.blanks(false)
			if !sc.eof() && sc.s[sc.i] == '=' {
				sc.i++
				sc.value(path, 0)
			}
		}
	}
}

// header handles [a.b] and [[a.b]] and returns the indexed path that the keys below belong to.
func (sc *tomlScanner) header(parts []string, array bool, line int) string {
	path := ""
	for i, p := range parts {
		path = join(path, p)
		if i == len(parts)-1 && array {
			n := sc.arrays[path]
			sc.arrays[path] = n + 1
			if n == 0 { // the array's own line is its first element's
				sc.shape.lines[path] = line
			}
			path += "[" + strconv.Itoa(n) + "]"
			break
		}
		if n, ok := sc.arrays[path]; ok {
			path += "[" + strconv.Itoa(n-1) + "]"
		}
	}
	sc.record(path, line)
	return path
}

func (sc *tomlScanner) record(path string, line int) {
	if _, ok := sc.shape.lines[path]; !ok {
		sc.shape.lines[path] = line
	}
	p := stripIndices(path)
	sc.shape.plain[p] = append(sc.shape.plain[p], line)
}

// key reads a key's parts (bare, "basic" or 'literal', joined by dots) and counts them.
func (sc *tomlScanner) key() []string {
	var parts []string
	n := 0
	for {
		sc.blanks(false)
		if sc.eof() {
			break
		}
		var part string
		switch c := sc.s[sc.i]; {
		case c == '"':
			part = sc.basicString()
		case c == '\'':
			part = sc.literalString()
		case bareKeyByte(c):
			start := sc.i
			for !sc.eof() && bareKeyByte(sc.s[sc.i]) {
				sc.i++
			}
			part = string(sc.s[start:sc.i])
		default:
			return parts
		}
		n++
		if n > sc.shape.parts {
			sc.shape.parts = n
		}
		if n > scanMaxParts {
			sc.stop = true
			return parts
		}
		parts = append(parts, part)
		sc.blanks(false)
		if sc.eof() || sc.s[sc.i] != '.' {
			break
		}
		sc.i++
	}
	return parts
}

// bareKeyByte: A-Z a-z 0-9 _ - and, leniently, any byte of a non-ASCII character.
func bareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// value skips one value; arrays and inline tables are entered, to record the keys inside.
func (sc *tomlScanner) value(path string, depth int) {
	sc.blanks(false)
	if sc.eof() {
		return
	}
	switch sc.s[sc.i] {
	case '"':
		sc.basicString()
	case '\'':
		sc.literalString()
	case '[':
		if !sc.deeper(depth + 1) {
			return
		}
		sc.i++
		for idx := 0; !sc.eof(); idx++ {
			sc.blanks(true)
			if sc.eof() || sc.s[sc.i] == ']' {
				break
			}
			start := sc.i
			elem := "" // only arrays and tables hold keys: no path for a number
			if c := sc.s[sc.i]; c == '[' || c == '{' {
				elem = path + "[" + strconv.Itoa(idx) + "]"
			}
			sc.value(elem, depth+1)
			sc.blanks(true)
			if !sc.eof() && sc.s[sc.i] == ',' {
				sc.i++
			} else if sc.i == start || sc.eof() || sc.s[sc.i] != ']' {
				break
			}
		}
		if !sc.eof() && sc.s[sc.i] == ']' {
			sc.i++
		}
	case '{':
		if !sc.deeper(depth + 1) {
			return
		}
		sc.i++
		for !sc.eof() {
			sc.blanks(true)
			if sc.eof() || sc.s[sc.i] == '}' {
				break
			}
			line := sc.line
			parts := sc.key()
			if len(parts) == 0 {
				break
			}
			sub := path + "." + strings.Join(parts, ".")
			sc.record(sub, line)
			sc.blanks(false)
			if sc.eof() || sc.s[sc.i] != '=' {
				break
			}
			sc.i++
			sc.value(sub, depth+1)
			sc.blanks(true)
			if !sc.eof() && sc.s[sc.i] == ',' {
				sc.i++
			}
		}
		if !sc.eof() && sc.s[sc.i] == '}' {
			sc.i++
		}
	default: // a number, boolean or date: up to what ends a value
		for !sc.eof() && !strings.ContainsRune(",]}#\n", rune(sc.s[sc.i])) {
			sc.i++
		}
	}
}

func (sc *tomlScanner) deeper(depth int) bool {
	if depth > sc.shape.depth {
		sc.shape.depth = depth
	}
	if depth > scanMaxDepth {
		sc.stop = true
		return false
	}
	return true
}

// basicString reads "…" or """…""" from the opening quote and returns its text, escapes
// decoded as far as a key needs (keys are looked up by it).
func (sc *tomlScanner) basicString() string {
	multi := sc.peek(1) == '"' && sc.peek(2) == '"'
	if multi {
		sc.i += 3
	} else {
		sc.i++
	}
	var sb strings.Builder
	for !sc.eof() {
		c := sc.s[sc.i]
		switch {
		case c == '\\' && sc.i+1 < len(sc.s):
			sc.i++
			sc.escape(&sb)
			continue
		case c == '"' && !multi:
			sc.i++
			return sb.String()
		case c == '"' && sc.peek(1) == '"' && sc.peek(2) == '"':
			sc.i += 3
			for k := 0; k < 2 && !sc.eof() && sc.s[sc.i] == '"'; k++ {
				sc.i++ // """"" ends with quotes of the text
			}
			return sb.String()
		case c == '\n' && !multi:
			return sb.String()
		}
		sb.WriteByte(c)
		sc.next()
	}
	return sb.String()
}

// escape decodes the escape after a backslash (sc.i at the letter).
func (sc *tomlScanner) escape(sb *strings.Builder) {
	c := sc.s[sc.i]
	if s, ok := simpleEscapes[c]; ok {
		sb.WriteString(s)
		sc.i++
		return
	}
	digits := escapeDigits[c]
	if digits > 0 && sc.i+digits < len(sc.s) {
		if n, err := strconv.ParseUint(string(sc.s[sc.i+1:sc.i+1+digits]), 16, 32); err == nil && n <= utf8.MaxRune {
			sb.WriteRune(rune(n))
			sc.i += 1 + digits
			return
		}
	}
	sc.next() // a line-ending backslash in """…""", or what the parser refuses anyway
}

var (
	simpleEscapes = map[byte]string{'b': "\b", 't': "\t", 'n': "\n", 'f': "\f", 'r': "\r", 'e': "\x1b", '"': "\"", '\\': "\\"}
	escapeDigits  = map[byte]int{'x': 2, 'u': 4, 'U': 8}
)

// literalString reads a literal string, on one line or (three quotes) on several, and returns
// its text.
func (sc *tomlScanner) literalString() string {
	multi := sc.peek(1) == '\'' && sc.peek(2) == '\''
	if multi {
		sc.i += 3
	} else {
		sc.i++
	}
	start := sc.i
	for !sc.eof() {
		c := sc.s[sc.i]
		switch {
		case c == '\'' && !multi:
			sc.i++
			return string(sc.s[start : sc.i-1])
		case c == '\'' && sc.peek(1) == '\'' && sc.peek(2) == '\'':
			end := sc.i
			sc.i += 3
			for k := 0; k < 2 && !sc.eof() && sc.s[sc.i] == '\''; k++ {
				sc.i++
				end++
			}
			return string(sc.s[start:end])
		case c == '\n' && !multi:
			return string(sc.s[start:sc.i])
		}
		sc.next()
	}
	return string(sc.s[start:])
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

// stripIndices drops the [n] of array elements from a path.
func stripIndices(path string) string {
	if !strings.Contains(path, "[") {
		return path
	}
	var sb strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
