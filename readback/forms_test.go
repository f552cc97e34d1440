package readback

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// Every form's sample (the shipped ones and the synthetic one of every kind), exported, reads
// back from its .docx and from its PDF as itself, with no cell of the .docx taken for a
// change: boxes, periods, notes, declarations and blocks left blank included.
func TestEveryFormReadsBackFromItsFiles(t *testing.T) {
	t.Cleanup(forms.ResetRegistered)
	for _, def := range formstest.Definitions(t) {
		forms.Register(def) // the synthetic form, as the forms folder adds one
		d := forms.Sample(def)
		r, err := ReadDOCX(exportDOCX(t, d))
		if err != nil {
			t.Fatalf("%s: %v", def.ID, err)
		}
		if len(r.Changes) > 0 {
			var cs []string
			for _, c := range r.Changes {
				cs = append(cs, c.Path+": "+c.Saved+" → "+c.Word)
			}
			t.Errorf("%s: the unchanged .docx read as changed:\n%s", def.ID, strings.Join(cs, "\n"))
		}
		p, err := ReadPDF(exportPDF(t, d))
		if err != nil {
			t.Fatalf("%s PDF: %v", def.ID, err)
		}
		for kind, got := range map[string]*forms.Draft{"docx": r.Draft, "pdf": p.Draft} {
			if diff := Differences(d, got); len(diff) > 0 {
				t.Errorf("%s %s: read back differs in %v", def.ID, kind, diff)
			}
			if got.Form() != def {
				t.Errorf("%s %s: read as %s", def.ID, kind, got.Form().ID)
			}
		}
	}
}

// Boxes read as the choice ticked, however the tick sits.
func TestBoxValue(t *testing.T) {
	f := forms.Field{Kind: forms.BoxChoice, Choices: []string{"正常", "破格"}}
	for in, want := range map[string]string{
		"正常 ☑ 破格 ☐": "正常",
		"正常 □ 破格 ☑": "破格",
		"☑正常 □破格":   "正常",
		"正常□  破格√":  "破格",
		"正常 □ 破格 □": "",
		"破格":        "破格",
		"正常 ☑ 破格 ☑": "正常 ☑ 破格 ☑",
		// boxes before their choices: the tick goes with the choice after it
		"□正常　☑破格":      "破格",
		"申报类别：☑正常 □破格": "正常",
		"○正常　●破格":      "破格",
	} {
		if got := boxValue(f, in); got != want {
			t.Errorf("boxValue(%q) = %q, want %q", in, got, want)
		}
	}
}

// Every hand-filled template (forms/testdata/handfilled: a blank form filled in Word without
// this program) reads back by its labels into a draft of its form holding exactly what was
// typed, and nothing where nothing was typed.
func TestHandFilledReadsBack(t *testing.T) {
	for _, f := range formstest.HandFilled(t) {
		name := filepath.Base(f.DOCX)
		if f.Form == "" {
			continue // another bureau's form: read as the form imported from it (formimport's test)
		}
		def, ok := forms.ShippedByID(f.Form)
		if !ok {
			t.Fatalf("%s: no shipped form %s", name, f.Form)
		}
		want, err := f.Want(def)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r, err := Open(f.DOCX)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Kind != FilledDOCX || r.Draft.Form() != def {
			t.Fatalf("%s: read as %v of %s, want a hand-filled %s", name, r.Kind, r.Draft.Form().ID, def.ID)
		}
		formstest.CompareTyped(t, name, r.Draft, want)
	}
}

// A label the form prints for two fields (the 江西 form's 姓名 on the cover and in 基本情况)
// reads into the first field where it is met first, into the second where it is met again.
func TestLabelOfTwoFields(t *testing.T) {
	def, ok := forms.ShippedByID("jiangxi-zcps-2017")
	if !ok {
		t.Fatal("no 江西 form")
	}
	var paths []string
	for _, b := range def.Blocks {
		for _, f := range b.Fields {
			if b.Stored() && b.Kind == forms.FieldsBlock && norm(f.Label) == "姓名" {
				paths = append(paths, forms.Path(b, f, 0))
			}
		}
	}
	if len(paths) != 2 {
		t.Fatalf("the test needs a form with two fields labelled 姓名, got %v", paths)
	}
	row := func(l, v string) gridRow { return gridRow{{text: l, col: 0, span: 1}, {text: v, col: 1, span: 1}} }
	c := readCells(labelsOf(def), []gridRow{row("姓名", "第一个"), row("工作单位", "某校"), row("姓 名", "第二个")})
	if c.values[paths[0]] != "第一个" || c.values[paths[1]] != "第二个" {
		t.Errorf("read %s = %q, %s = %q; want 第一个, 第二个", paths[0], c.values[paths[0]], paths[1], c.values[paths[1]])
	}
}

// A .docx or PDF exported from a form this program does not have (a definition file the
// school used, not in this machine's forms folder) is refused with the form's name, as its
// draft is: not as a file with no 申报表 in it, nor with the 名班主任 form's labels.
func TestExportOfAnUnknownFormNamesTheForm(t *testing.T) {
	data, err := os.ReadFile(formstest.EveryKindFile())
	if err != nil {
		t.Fatal(err)
	}
	def, err := forms.ParseDefinition(data, "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := forms.Sample(def)
	files := map[string][]byte{"docx": exportDOCX(t, d), "pdf": exportPDF(t, d)}
	forms.ResetRegistered()
	read := map[string]func([]byte) (*Result, error){"docx": ReadDOCX, "pdf": ReadPDF}
	for kind, data := range files {
		_, err := read[kind](data)
		var unknown *forms.UnknownFormError
		if !errors.As(err, &unknown) || unknown.Format != def.ID {
			t.Errorf("%s of an unknown form: %v, want the form %s named", kind, err, def.ID)
		}
	}
}
