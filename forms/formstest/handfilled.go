package formstest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"unicode"

	"shenbao/forms"
)

// Filled is a blank form filled by hand in Word without this program
// (forms/testdata/handfilled: fill.py typed the entries of a spec into a blank template).
type Filled struct {
	DOCX     string  // the filled document
	Template string  // the blank template it was filled from
	Form     string  // the shipped form it is a template of; "" for another bureau's form (imported only)
	Entries  []Entry // what was typed, in printed order
}

// Entry is one thing typed: a value beside (or below) its label, a box ticked, a long text, a
// value after its label's line in a cell of several lines, or the rows of a table (by its
// heading, then column labels).
type Entry struct {
	Label string              `json:"label"`
	Value string              `json:"value"`
	Tick  string              `json:"tick"`
	Text  string              `json:"text"`
	Line  string              `json:"line"`
	Table string              `json:"table"`
	Rows  []map[string]string `json:"rows"`
}

type manifestEntry struct {
	DOCX     string `json:"docx"`
	Spec     string `json:"spec"`
	Template string `json:"template"` // from the repository's root
	Form     string `json:"form"`
}

func handfilledDir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "testdata", "handfilled")
}

// HandFilled lists the hand-filled documents (handfilled/fixtures.json).
func HandFilled(t testing.TB) []Filled {
	t.Helper()
	dir := handfilledDir()
	var list []manifestEntry
	readJSON(t, filepath.Join(dir, "fixtures.json"), &list)
	var out []Filled
	for _, m := range list {
		var spec struct{ Entries []Entry }
		readJSON(t, filepath.Join(dir, m.Spec), &spec)
		out = append(out, Filled{
			DOCX:     filepath.Join(dir, m.DOCX),
			Template: filepath.Join(dir, "..", "..", "..", filepath.FromSlash(m.Template)),
			Form:     m.Form,
			Entries:  spec.Entries,
		})
	}
	return out
}

func readJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// Want is what a draft of form def read from the document holds: field path → the value typed.
// Each entry's label is looked for among the form's labels after the previous entry's field,
// in printed order, as the person typing worked down the form; so the same spec is resolved
// against a shipped form and against the form imported from its template, whatever keys each
// has.
func (f Filled) Want(def *forms.Definition) (map[string]string, error) {
	slots := labelSlots(def)
	want := map[string]string{}
	at := 0
	for _, e := range f.Entries {
		label := e.Label + e.Text + e.Table + e.Line
		i := at
		for i < len(slots) && !slots[i].is(label) {
			i++
		}
		if i == len(slots) {
			return nil, fmt.Errorf("%s: no label %q after %q", def.ID, label, slots[max(at-1, 0)].label)
		}
		s := slots[i]
		at = i + 1
		switch {
		case e.Table != "":
			if err := tableWant(want, s.block, e.Rows); err != nil {
				return nil, err
			}
		case e.Tick != "":
			want[forms.Path(s.block, s.field, 0)] = e.Tick
		default:
			want[forms.Path(s.block, s.field, 0)] = e.Value
		}
	}
	return want, nil
}

func tableWant(want map[string]string, b forms.Block, rows []map[string]string) error {
	for i, row := range rows {
		for label, v := range row {
			found := false
			for _, f := range b.Fields {
				if Norm(f.Label) == Norm(label) {
					want[forms.Path(b, f, i+1)] = v
					found = true
				}
			}
			if !found {
				return fmt.Errorf("table %s: no column %q", b.Key, label)
			}
		}
	}
	return nil
}

type slot struct {
	label string
	block forms.Block
	field forms.Field
}

// is: the label typed names the slot, alone or after its group's (学历 第一学历).
func (s slot) is(label string) bool {
	return Norm(s.label) == Norm(label) || s.field.Group != "" && Norm(s.field.Group+s.label) == Norm(label)
}

// labelSlots are the labels a draft's values sit beside, in printed order: the fields of the
// blocks of fields (a grid's by row), a long text's block label, a table's heading.
func labelSlots(def *forms.Definition) []slot {
	var out []slot
	for _, b := range def.Blocks {
		if !b.Stored() {
			continue
		}
		switch b.Kind {
		case forms.TextBlock:
			out = append(out, slot{b.Label, b, b.Fields[0]})
		case forms.TableBlock:
			out = append(out, slot{b.Label, b, b.Fields[0]})
		default:
			fields := append([]forms.Field(nil), b.Fields...)
			if b.Grid() {
				sortByRow(fields)
			}
			for _, f := range fields {
				out = append(out, slot{f.Label, b, f})
			}
		}
	}
	return out
}

func sortByRow(fs []forms.Field) {
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Row < fs[j].Row })
}

// Norm is a label as the person typing compared it: no spaces or line breaks, no closing
// colon.
func Norm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, ":：")
}

// CompareTyped reports where draft d does not hold what was typed: a value read where nothing
// was typed, or a path whose value differs.
func CompareTyped(t testing.TB, name string, d *forms.Draft, want map[string]string) {
	t.Helper()
	for _, p := range d.Paths() {
		if _, ok := want[p]; !ok {
			t.Errorf("%s: %s = %q read, nothing typed there", name, p, d.Get(p))
		}
	}
	for p, v := range want {
		if got := d.Get(p); got != v {
			t.Errorf("%s: %s = %q, typed %q", name, p, got, v)
		}
	}
}
