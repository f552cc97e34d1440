package roster

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"shenbao/forms"
	"shenbao/workbook"
)

// header is a row of column names and what each column fills.
type header struct {
	line      int
	cols      map[int]string // column index (0-based) → field key
	ignored   map[int]bool   // 序号 and the like
	unknown   map[int]string // column index → its name, for columns the form has no place for
	foreign   map[int]bool   // of them, columns only another table of the form has
	shadowed  map[int]string // a second column for a field already read elsewhere → what to say
	conflicts []string       // two columns that could each be the same field
	names     []string       // the tables' name columns it has (ix.nameKeys)
}

func (h header) has(key string) bool {
	for _, k := range h.cols {
		if k == key {
			return true
		}
	}
	return false
}

// headerKey is what a normalised header text stands for.
type headerKey struct {
	key   string
	exact bool // the form's own label, not an alias
}

// formIndex is what reading a workbook needs to know of a form: its person tables, every
// column any of them has (the union, in printed order: the tables need not have the same
// columns), and what each normalised header text stands for.
type formIndex struct {
	form   *forms.Definition
	tables []forms.Block
	fields []forms.Field        // every table's columns, each key once, in printed order
	keys   map[string]headerKey // normalised header text → field key: labels, then aliases
}

func newFormIndex(form *forms.Definition) *formIndex {
	ix := &formIndex{form: form, tables: filledTables(form), keys: map[string]headerKey{}}
	seen := map[string]bool{}
	for _, b := range ix.tables {
		for _, f := range b.Fields {
			if !seen[f.Key] {
				seen[f.Key] = true
				ix.fields = append(ix.fields, f)
			}
			ix.keys[normHeader(f.Name())] = headerKey{f.Key, true}
		}
	}
	for _, b := range ix.tables {
		for _, f := range b.Fields {
			for _, n := range f.Aliases {
				if _, taken := ix.keys[normHeader(n)]; !taken {
					ix.keys[normHeader(n)] = headerKey{f.Key, false}
				}
			}
		}
	}
	return ix
}

// nameKeys are the keys of the columns that name a row, one per table (姓名; 起止时间 in a
// table of dated entries): a list without its table's is no list. The tables need not share
// one: a sheet of members is a list though the form's first table is the 工作经历.
func (ix *formIndex) nameKeys() []string {
	var out []string
	for _, b := range ix.tables {
		if k := b.NameColumn().Key; k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// nameKey is the column that names a row of the section's table; of the header's own name
// columns the first when the table is not known.
func (ix *formIndex) nameKey(table string, h header) string {
	if b, ok := tableByKey(ix.form, table); ok {
		return b.NameColumn().Key
	}
	if len(h.names) > 0 {
		return h.names[0]
	}
	return ""
}

// nameLabels quote the name columns' labels for a message: “姓名”, or “姓名”或“起止时间”.
func (ix *formIndex) nameLabels() string {
	var out []string
	for _, k := range ix.nameKeys() {
		if n := "“" + ix.fieldOf(k).Name() + "”"; !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return strings.Join(out, "或")
}

// fieldOf is a table column with the key, from the first table that has it.
func (ix *formIndex) fieldOf(key string) forms.Field {
	for _, f := range ix.fields {
		if f.Key == key {
			return f
		}
	}
	return forms.Field{Key: key}
}

// parseHeader reads a row as a header: it is one when it names a table's name column (姓名)
// and at least one more of the form's columns.
func (ix *formIndex) parseHeader(line int, cells []string) (header, bool) {
	h := header{line: line, cols: map[int]string{}, ignored: map[int]bool{}, unknown: map[int]string{}, foreign: map[int]bool{}, shadowed: map[int]string{}}
	exact := map[string][]int{}
	alias := map[string][]int{}
	for i, c := range cells {
		n := normHeader(c)
		switch hk, ok := ix.keys[n]; {
		case n == "":
		case ignoredHeaders[n]:
			h.ignored[i] = true
		case !ok:
			h.unknown[i] = strings.TrimSpace(c)
		case hk.exact:
			exact[hk.key] = append(exact[hk.key], i)
		default:
			alias[hk.key] = append(alias[hk.key], i)
		}
	}
	for _, k := range ix.nameKeys() {
		if len(exact[k])+len(alias[k]) > 0 {
			h.names = append(h.names, k)
		}
	}
	if len(h.names) == 0 || len(exact)+len(alias) < 2 {
		return header{}, false
	}
	for _, f := range ix.fields {
		h.choose(f, exact[f.Key], alias[f.Key], cells)
	}
	return h, true
}

// choose picks the column for a field: its own label before an alias; two candidates of the
// same rank cannot be told apart.
func (h *header) choose(f forms.Field, exact, alias []int, cells []string) {
	cands := exact
	if len(cands) == 0 {
		cands = alias
		alias = nil
	}
	if len(cands) == 0 {
		return
	}
	h.cols[cands[0]] = f.Key
	if len(cands) > 1 {
		var names []string
		for i, c := range cands {
			if i > 0 {
				h.ignored[c] = true // the conflict below says it all
			}
			names = append(names, fmt.Sprintf("第%s列“%s”", workbook.Col(c+1), strings.TrimSpace(cells[c])))
		}
		h.conflicts = append(h.conflicts, fmt.Sprintf("%s都是%s，不知道该用哪一列：请只保留一列后再导入。", strings.Join(names, "和"), f.Name()))
	}
	for _, c := range alias {
		h.shadowed[c] = fmt.Sprintf("第%s列“%s”没有导入：%s已从第%s列“%s”读取。",
			workbook.Col(c+1), strings.TrimSpace(cells[c]), f.Name(), workbook.Col(cands[0]+1), strings.TrimSpace(cells[cands[0]]))
	}
}

// normHeader reduces a header cell to what names the column: no spaces ("姓  名"), no notes
// in brackets ("出生年月（如1985.03）"), no required-marks or colons ("*姓名：").
func normHeader(s string) string {
	var sb strings.Builder
	depth := 0
	for _, r := range s {
		switch {
		case r == '（' || r == '(' || r == '【' || r == '[':
			depth++
		case r == '）' || r == ')' || r == '】' || r == ']':
			if depth > 0 {
				depth--
			}
		case depth > 0, unicode.IsSpace(r):
		default:
			sb.WriteRune(r)
		}
	}
	return strings.Trim(sb.String(), "*＊:：")
}
