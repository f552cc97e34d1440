package roster

import "bytes"

// maxSheetCells bounds the cells excelize's row iterator makes of one worksheet. Each row
// becomes a slice reaching its last cell, so a 4 MB sheet whose rows each hold one cell in
// column XFD (16 384) is a billion strings: measured, 25 000 such rows took 4 GB and over 20 s.
// A list of 20 000 rows by 20 columns is 400 000.
const maxSheetCells = 2_000_000

// sheetCells is what excelize would make of a worksheet's XML: the sum over its rows of the
// highest column a cell reaches (a cell's r="XFD7", or one past the previous cell when it
// has no reference). It reads tags only; text between them holds no '<' (XML escapes it).
func sheetCells(text []byte) int64 {
	var total int64
	rowMax, col := 0, 0
	for i := bytes.IndexByte(text, '<'); i >= 0; {
		end := bytes.IndexByte(text[i:], '>')
		if end < 0 {
			break
		}
		tag := text[i+1 : i+end]
		switch localName(tag) {
		case "row":
			total += int64(rowMax)
			rowMax, col = 0, 0
		case "c":
			if c, ok := cellColumn(tag); ok {
				col = c
			} else {
				col++
			}
			rowMax = max(rowMax, col)
		}
		next := bytes.IndexByte(text[i+end:], '<')
		if next < 0 {
			break
		}
		i += end + next
	}
	return total + int64(rowMax)
}

// localName is a start tag's name without its namespace prefix ("x:row" → "row").
func localName(tag []byte) string {
	n := bytes.IndexAny(tag, " \t\r\n/")
	if n < 0 {
		n = len(tag)
	}
	name := tag[:n]
	if k := bytes.IndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	return string(name)
}

// cellColumn reads the column of a cell tag's r attribute (r="AB12" → 28).
func cellColumn(tag []byte) (int, bool) {
	for _, q := range []string{` r="`, ` r='`, "\tr=\"", "\nr=\""} {
		k := bytes.Index(tag, []byte(q))
		if k < 0 {
			continue
		}
		col := 0
		for _, b := range tag[k+len(q):] {
			switch {
			case b >= 'A' && b <= 'Z':
				col = col*26 + int(b-'A') + 1
			case b >= 'a' && b <= 'z':
				col = col*26 + int(b-'a') + 1
			default:
				return min(col, 16384), col > 0
			}
			if col > 16384 {
				return 16384, true
			}
		}
	}
	return 0, false
}
