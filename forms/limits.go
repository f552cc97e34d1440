package forms

import (
	"fmt"
	"unicode/utf8"
)

// LimitError says a value holds more characters than its field allows (Field.CharLimit).
// The outputs refuse such a draft even as a --draft: the work of laying out megabytes of
// text is not bounded otherwise, and no cell of the form could hold it.
type LimitError struct {
	Path  string // the field path, as in findings
	Where string // the field named for the user
	N     int    // characters it holds
	Limit int
}

func (e *LimitError) Error() string {
	return fmt.Sprintf("%s有%d个字符，超过了%d个字符的上限：请删减到%d个字符以内后再试", e.Where, e.N, e.Limit, e.Limit)
}

// CheckLimits returns a *LimitError for the first value over its field's character limit,
// nil when every value fits. With block keys, only those blocks are checked.
func (d *Draft) CheckLimits(blocks ...string) error {
	for _, b := range d.Form().Blocks {
		if len(blocks) > 0 && !contains(blocks, b.Key) {
			continue
		}
		rows := 1
		if b.Kind == TableBlock {
			rows = d.Rows(b.Key)
		}
		for row := 1; row <= rows; row++ {
			for _, f := range b.Fields {
				if f.Kind == Picture {
					continue
				}
				v := d.Value(b, f, row)
				if len(v) <= f.CharLimit() { // bytes ≥ characters: the usual case costs nothing
					continue
				}
				if n := utf8.RuneCountInString(v); n > f.CharLimit() {
					return &LimitError{Path: Path(b, f, row), Where: where(b, f, row), N: n, Limit: f.CharLimit()}
				}
			}
		}
	}
	return nil
}

// Clip cuts s to the field's character limit; cut says whether anything was cut. The app
// clips what is typed or pasted, so the draft never holds more than the form can print.
func Clip(f Field, s string) (clipped string, cut bool) {
	if len(s) <= f.CharLimit() {
		return s, false
	}
	n := 0
	for i := range s {
		if n == f.CharLimit() {
			return s[:i], true
		}
		n++
	}
	return s, false
}

// ClipToLimits cuts every value over its field's character limit (a draft made by hand or
// by another program) and says which were cut, for the app: a widget holding megabytes of
// text would freeze the window. The file itself is unchanged until the user saves.
func (d *Draft) ClipToLimits() (cut []*LimitError) {
	for {
		err := d.CheckLimits()
		lim, ok := err.(*LimitError)
		if !ok {
			return cut
		}
		b, f, row := d.locate(lim.Path)
		v, _ := Clip(f, d.Value(b, f, row))
		d.Set(lim.Path, v)
		cut = append(cut, lim)
	}
}

// locate finds the block, field and row of a field path that CheckLimits returned.
func (d *Draft) locate(path string) (Block, Field, int) {
	for _, b := range d.Form().Blocks {
		rows := 1
		if b.Kind == TableBlock {
			rows = d.Rows(b.Key)
		}
		for row := 1; row <= rows; row++ {
			for _, f := range b.Fields {
				if Path(b, f, row) == path {
					return b, f, row
				}
			}
		}
	}
	return Block{}, Field{}, 0
}
