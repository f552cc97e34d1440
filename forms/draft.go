package forms

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// Format and Version name the draft file format of FORM.md §3.
const (
	Format  = "liuzhou-mbzr-shenbao"
	Version = 1
)

// Photo is the stored 1-inch photo, kept exactly as given: MIME type and base64 text.
// SourceWidth and SourceHeight, when known, are the pixels of the picture area it was made
// from; a small area prints blurred even after scaling up.
type Photo struct {
	MIME         string
	Data         string
	SourceWidth  int
	SourceHeight int
	Source       *PhotoSource // the picture it was cut from, reduced; nil when not kept
}

// PhotoSource is a reduced copy of the picture a photo was cut from (photo.Source: at most
// 1600 pixels a side, 400 KB) and where the photo's frame lies on it, in fractions (0..1) of
// the picture: X, Y, W, H. With it the frame can be widened again later.
type PhotoSource struct {
	MIME string
	Data string // base64
	Crop [4]float64
}

// MaxSourceChars bounds a kept source picture's base64 in a draft file: 400 KB as base64,
// with room for line breaks. A larger one is not read as a source (it stays an unknown key).
const MaxSourceChars = 560_000

// Draft is everything the user typed, valid or not: every value is a string exactly as typed.
// Values are addressed by field path (see Path); the form definition says which exist.
type Draft struct {
	form   *Definition // the form the draft is of: what its paths mean
	values map[string]string
	rows   map[string]int // table key → rows present, filled or not
	Photo  *Photo
	// extra keeps unknown JSON keys by object path ("" the top, "host", "host.photo",
	// "advisers[1]" …) so that a newer program's additions survive a round trip.
	extra map[string]map[string]rawJSON
}

// New returns an empty draft of the form, with the rows every table prints.
func New(form *Definition) *Draft {
	d := &Draft{form: form, values: map[string]string{}, rows: map[string]int{}, extra: map[string]map[string]rawJSON{}}
	for _, b := range form.Blocks {
		if b.Kind == TableBlock {
			d.rows[b.Key] = b.Rows
		}
	}
	return d
}

// Form is the form the draft is of.
func (d *Draft) Form() *Definition { return d.form }

// Get returns the value at a field path, "" when there is none.
func (d *Draft) Get(path string) string { return d.values[path] }

// Set stores a value at a field path, exactly as typed. Setting a cell of a row beyond the
// table's present rows adds rows up to it.
func (d *Draft) Set(path, value string) {
	if table, row, ok := splitRowPath(path); ok && row > d.rows[table] {
		d.rows[table] = row
	}
	if value == "" {
		delete(d.values, path)
		return
	}
	d.values[path] = value
}

// Value returns the value of field f of block b (row is 1-based, ignored outside tables).
func (d *Draft) Value(b Block, f Field, row int) string { return d.Get(Path(b, f, row)) }

// Rows is the number of rows a table holds, filled or not.
func (d *Draft) Rows(table string) int { return d.rows[table] }

// AddRow appends an empty row to a table and returns its 1-based number.
func (d *Draft) AddRow(table string) int {
	d.rows[table]++
	return d.rows[table]
}

// RemoveRow deletes row (1-based) of a table; the rows below move up.
func (d *Draft) RemoveRow(table string, row int) {
	n := d.rows[table]
	if row < 1 || row > n {
		return
	}
	b, _ := d.form.Block(table)
	for r := row; r < n; r++ {
		for _, f := range b.Fields {
			d.Set(Path(b, f, r), d.Value(b, f, r+1))
		}
		d.setExtra(rowPath(table, r), d.extra[rowPath(table, r+1)])
	}
	for _, f := range b.Fields {
		delete(d.values, Path(b, f, n))
	}
	delete(d.extra, rowPath(table, n))
	d.rows[table] = n - 1
}

// RowEmpty reports whether every cell of a table row is blank.
func (d *Draft) RowEmpty(b Block, row int) bool {
	for _, f := range b.Fields {
		if strings.TrimSpace(d.Value(b, f, row)) != "" {
			return false
		}
	}
	return true
}

// FilledRows returns the 1-based numbers of a table's rows that hold anything.
func (d *Draft) FilledRows(b Block) []int {
	var rows []int
	for r := 1; r <= d.Rows(b.Key); r++ {
		if !d.RowEmpty(b, r) {
			rows = append(rows, r)
		}
	}
	return rows
}

// Empty reports whether nothing at all has been typed (the blank form).
func (d *Draft) Empty() bool {
	for _, v := range d.values {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return d.Photo == nil || d.Photo.Data == ""
}

// Clone returns a deep copy, so a background task can read a draft the UI goes on editing.
func (d *Draft) Clone() *Draft {
	c := New(d.form)
	for k, v := range d.values {
		c.values[k] = v
	}
	for k, v := range d.rows {
		c.rows[k] = v
	}
	for k, m := range d.extra {
		c.setExtra(k, m)
	}
	if d.Photo != nil {
		p := *d.Photo
		if p.Source != nil {
			src := *p.Source
			p.Source = &src
		}
		c.Photo = &p
	}
	return c
}

// Paths lists every path that holds a value, sorted; for tests and debugging.
func (d *Draft) Paths() []string {
	paths := make([]string, 0, len(d.values))
	for k := range d.values {
		paths = append(paths, k)
	}
	sort.Strings(paths)
	return paths
}

func (d *Draft) setExtra(path string, m map[string]rawJSON) {
	if len(m) == 0 {
		delete(d.extra, path)
		return
	}
	c := make(map[string]rawJSON, len(m))
	for k, v := range m {
		c[k] = v
	}
	d.extra[path] = c
}

func rowPath(table string, row int) string { return fmt.Sprintf("%s[%d]", table, row) }

// splitRowPath splits "advisers[2].name" into ("advisers", 2).
func splitRowPath(path string) (table string, row int, ok bool) {
	open := strings.IndexByte(path, '[')
	end := strings.IndexByte(path, ']')
	if open < 0 || end < open {
		return "", 0, false
	}
	n, err := strconv.Atoi(path[open+1 : end])
	if err != nil || n < 1 {
		return "", 0, false
	}
	return path[:open], n, true
}
