package readback

import (
	"strings"
	"unicode"

	"shenbao/forms"
)

// merge takes the draft our .docx carries and the cells read from the file: a cell that
// differs from what the export printed for the carried value was changed in Word, and wins.
// Values that print the same (1985-3 printed as 1985.03, a phone's spaces, a long text's
// line ends) keep the carried value exactly as it was typed.
func merge(saved *forms.Draft, c *formCells) (*forms.Draft, []Change) {
	d := saved.Clone()
	var changes []Change
	set := func(path string, f forms.Field, cell string) {
		if old := d.Get(path); !samePrinted(f, cell, old) {
			changes = append(changes, Change{Path: path, Name: f.Name(), Saved: old, Word: cell})
			d.Set(path, cell)
		}
	}
	for _, b := range saved.Form().Blocks {
		switch b.Kind {
		case forms.FieldsBlock, forms.TextBlock:
			for _, f := range b.Fields {
				path := forms.Path(b, f, 0)
				if cell, ok := c.values[path]; ok && f.Kind != forms.Picture {
					set(path, f, cell)
				}
			}
		case forms.TableBlock:
			rows, ok := c.tables[b.Key]
			if !ok {
				continue
			}
			filled := saved.FilledRows(b)
			next := saved.Rows(b.Key)
			for i := 0; i < max(len(filled), len(rows)); i++ {
				r := 0
				if i < len(filled) {
					r = filled[i]
				} else {
					next++
					r = next
				}
				for _, f := range b.Fields {
					if !c.columns[b.Key][f.Key] {
						continue // a column the file has lost: the carried values stay
					}
					cell := ""
					if i < len(rows) {
						cell = rows[i][f.Key]
					}
					set(forms.Path(b, f, r), f, cell)
				}
			}
		}
	}
	return d, changes
}

// samePrinted reports whether a cell shows the value as the export printed it.
func samePrinted(f forms.Field, cell, saved string) bool {
	c := squash(cell)
	return c == squash(saved) || c == squash(forms.Display(f, saved)) ||
		forms.Display(f, cell) == forms.Display(f, saved)
}

// squash drops every space, line end and character a .docx cannot hold.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || unicode.IsControl(r) || r == 0xFFFE || r == 0xFFFF || r == 0xFFFD {
			return -1
		}
		return r
	}, s)
}

// Differences lists the fields whose printed values differ between two drafts of the same
// applicant (a draft, its .docx and its PDF found together): field paths, the table rows
// compared in their printed order. The photo is not compared. Drafts of two forms differ in
// everything: each of a's fields is listed.
func Differences(a, b *forms.Draft) []string {
	var out []string
	for _, blk := range a.Form().Blocks {
		switch blk.Kind {
		case forms.FieldsBlock, forms.TextBlock:
			for _, f := range blk.Fields {
				p := forms.Path(blk, f, 0)
				if f.Kind != forms.Picture && !samePrinted(f, a.Get(p), b.Get(p)) {
					out = append(out, p)
				}
			}
		case forms.TableBlock:
			ra, rb := a.FilledRows(blk), b.FilledRows(blk)
			for i := 0; i < max(len(ra), len(rb)); i++ {
				for _, f := range blk.Fields {
					va, vb := "", ""
					if i < len(ra) {
						va = a.Value(blk, f, ra[i])
					}
					if i < len(rb) {
						vb = b.Value(blk, f, rb[i])
					}
					if !samePrinted(f, va, vb) {
						out = append(out, forms.Path(blk, f, i+1))
					}
				}
			}
		}
	}
	return out
}
