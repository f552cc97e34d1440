package readback

import (
	"errors"
	"os"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// Every shipped form's sample, exported, reads back from its .docx as itself, with no cell
// taken for a change: boxes, periods, notes, declarations and blocks left blank included.
func TestEveryFormReadsBackFromItsDOCX(t *testing.T) {
	defs, err := forms.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range defs {
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
		if diff := Differences(d, r.Draft); len(diff) > 0 {
			t.Errorf("%s: read back differs in %v", def.ID, diff)
		}
		if r.Draft.Form() != def {
			t.Errorf("%s: read as %s", def.ID, r.Draft.Form().ID)
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
	} {
		if got := boxValue(f, in); got != want {
			t.Errorf("boxValue(%q) = %q, want %q", in, got, want)
		}
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
