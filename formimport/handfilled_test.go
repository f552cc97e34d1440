package formimport

import (
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/readback"
)

// A template's hand-filled copy reads back into a draft of the form imported from the
// template (read-back by labels), holding what was typed: the form a teacher makes from a
// bureau's Word file is the form the bureau's filled copies are read as.
func TestHandFilledCopyOfImportedForm(t *testing.T) {
	t.Cleanup(forms.ResetRegistered)
	for _, f := range formstest.HandFilled(t) {
		name := filepath.Base(f.DOCX)
		data, err := os.ReadFile(f.Template)
		if err != nil {
			t.Fatal(err)
		}
		res, err := Import(data, filepath.Base(f.Template))
		if err != nil {
			t.Fatalf("%s: %v", f.Template, err)
		}
		forms.ResetRegistered()
		forms.Register(res.Definition) // as the forms folder or --form does
		want, err := f.Want(res.Definition)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		r, err := readback.Open(f.DOCX)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Draft.Form() != res.Definition {
			t.Fatalf("%s: read as %s, want the imported %s", name, r.Draft.Form().ID, res.Definition.ID)
		}
		formstest.CompareTyped(t, name, r.Draft, want)
	}
}
