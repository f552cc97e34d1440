package readback

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/photo"
)

// The fixtures are made by testdata/make.sh: our sample exported, saved again by LibreOffice,
// edited with python-docx as in Word, and the bureau's form built from the notice and filled
// by hand.

// TestResavedByLibreOffice: LibreOffice keeps the carried draft; nothing is reported changed.
func TestResavedByLibreOffice(t *testing.T) {
	want := string(forms.Sample(forms.Default()).Marshal())
	for _, name := range []string{"ours.docx", "lo-resaved.docx"} {
		r, err := Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Kind != OurDOCX || len(r.Changes) != 0 {
			t.Errorf("%s: kind %v, changes %+v", name, r.Kind, r.Changes)
		}
		if string(r.Draft.Marshal()) != want {
			t.Errorf("%s: not the sample draft", name)
		}
	}
}

// TestEditedAfterExport: what edit.py changed in the cells wins and is reported, nothing else.
func TestEditedAfterExport(t *testing.T) {
	s := forms.Sample(forms.Default())
	want := map[string]string{
		"host.phone":      "13907720001",
		"members[2].name": "韦小明",
	}
	for _, name := range []string{"edited.docx", "lo-edited.docx"} {
		r, err := Open(filepath.Join("testdata", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := map[string]string{}
		for _, c := range r.Changes {
			got[c.Path] = c.Word
		}
		for p, v := range want {
			if got[p] != v || r.Draft.Get(p) != v {
				t.Errorf("%s: %s changed to %q, draft %q; want %q", name, p, got[p], r.Draft.Get(p), v)
			}
		}
		if _, ok := got["plan"]; !ok || len(got) != len(want)+1 {
			t.Errorf("%s: changes %v, want %v and plan", name, keys(got), keys(want))
		}
		// Paragraph for paragraph: the one the export cut between two rows is whole again.
		if plan, want := r.Draft.Get("plan"), insertAfterFirstPara(s.Get("plan"), "（2024年7月补充）"); plan != want {
			t.Errorf("%s: the plan is not the sample's with the sentence added:\n%s", name, firstDiff(plan, want))
		}
		if r.Draft.Photo == nil || r.Draft.Photo.Data != s.Photo.Data {
			t.Errorf("%s: the carried photo was lost", name)
		}
	}
}

// insertAfterFirstPara adds s at the end of the paragraph that starts with 一、.
func insertAfterFirstPara(text, s string) string {
	out := []rune{}
	done := false
	lines := splitLines(text)
	for i, l := range lines {
		if i > 0 {
			out = append(out, '\n')
		}
		out = append(out, []rune(l)...)
		if !done && len(l) > 0 && squash(l)[:len("一、")] == "一、" {
			out = append(out, []rune(s)...)
			done = true
		}
	}
	return string(out)
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i, c := range s {
		if c == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// TestHandFilledTemplate: the bureau's form, built from the notice independently of our
// writer and filled by hand, is read by its labels into exactly what was typed.
func TestHandFilledTemplate(t *testing.T) {
	for _, name := range []string{"template-beside", "template-below"} {
		r, err := Open(filepath.Join("testdata", name+".docx"))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Kind != FilledDOCX {
			t.Errorf("%s: kind %v", name, r.Kind)
		}
		data, err := os.ReadFile(filepath.Join("testdata", name+".values.json"))
		if err != nil {
			t.Fatal(err)
		}
		var want map[string]string
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Draft.Paths() {
			if _, ok := want[p]; !ok {
				t.Errorf("%s: %s = %q read, nothing typed there", name, p, r.Draft.Get(p))
			}
		}
		if _, typed := want["host.photo"]; typed != (r.Draft.Photo != nil) {
			t.Errorf("%s: photo read %v, a picture in the photo cell %v", name, r.Draft.Photo != nil, typed)
		} else if typed {
			if data, err := forms.PhotoBytes(r.Draft.Photo); err != nil || !photo.Ready(data) {
				t.Errorf("%s: the photo is not as the pipeline stores it (%v)", name, err)
			}
			delete(want, "host.photo")
		}
		for p, v := range want {
			if got := r.Draft.Get(p); got != v {
				t.Errorf("%s: %s = %q, want %q", name, p, got, v)
			}
		}
		// Missing: the form's labels the notice's table does not print (none for the form as
		// the notice has it; a field a clerk adds to the definition is one).
		if want := unprinted(t, filepath.Join("testdata", name+".docx")); fmt.Sprint(r.Missing) != fmt.Sprint(want) {
			t.Errorf("%s: labels reported missing: %v, want %v", name, r.Missing, want)
		}
		// check finds in the file what it finds in the same values typed into a draft.
		typed := forms.New(forms.Default())
		for p, v := range want {
			typed.Set(p, v)
		}
		typed.Photo = r.Draft.Photo
		if got, exp := findings(r.Draft), findings(typed); got != exp {
			t.Errorf("%s: check gives\n%s\nwant, as for the typed draft,\n%s", name, got, exp)
		}
	}
}

// unprinted is the names of the 名班主任 form's fields whose label no cell of the document
// holds, read from its cells apart from the label reader.
func unprinted(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, err := ReadBody(data)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string // each cell's text, and each of its lines
	for _, tb := range body.Tables {
		for _, row := range tb.Rows {
			for _, c := range row.Cells {
				lines = append(lines, norm(c.Text))
				for _, line := range strings.Split(c.Text, "\n") {
					lines = append(lines, norm(line))
				}
			}
		}
	}
	// A label is printed where a cell or a line starts with it (已成立的工作室名称：＿＿＿).
	printed := func(label string) bool {
		return slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, norm(label)) })
	}
	var out []string
	for _, b := range forms.Default().Blocks {
		if b.Kind != forms.FieldsBlock || !b.Stored() {
			continue
		}
		for _, f := range b.Fields {
			if f.Kind != forms.Picture && !printed(f.Label) {
				out = append(out, f.Name())
			}
		}
	}
	return out
}

// firstDiff shows where two texts part.
func firstDiff(a, b string) string {
	ra, rb := []rune(a), []rune(b)
	i := 0
	for i < len(ra) && i < len(rb) && ra[i] == rb[i] {
		i++
	}
	return "got  …" + string(ra[max(0, i-10):min(len(ra), i+20)]) + "\nwant …" + string(rb[max(0, i-10):min(len(rb), i+20)])
}

func findings(d *forms.Draft) string {
	var b strings.Builder
	for _, f := range forms.Check(d, photo.StoredSize) {
		b.WriteString(f.String() + "\n")
	}
	return b.String()
}
