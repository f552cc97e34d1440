package forms_test

import (
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// A table's column is asked for in a row that holds anything only when the definition says
// required (docs/form-format.md): in a row where every other column is filled, an empty
// required column is a missing 错误, an empty column not required is no finding at all.
func TestTableColumnsRequiredAsDefined(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		for _, b := range def.Blocks {
			if b.Kind != forms.TableBlock || !b.Stored() {
				continue
			}
			for _, empty := range b.Fields {
				d := forms.Sample(def)
				for _, f := range b.Fields {
					d.Set(forms.Path(b, f, 1), sampleValue(def, b, f))
				}
				p := forms.Path(b, empty, 1)
				d.Set(p, "")
				var found *forms.Finding
				for _, fd := range forms.Check(d, nil) {
					if fd.Path == p {
						found = &fd
					}
				}
				switch {
				case empty.Required && (found == nil || !found.Missing || found.Severity != forms.Error):
					t.Errorf("%s: %s left empty in a filled row: %v, want a missing 错误", def.ID, p, found)
				case !empty.Required && found != nil:
					t.Errorf("%s: %s is not required, left empty: %v", def.ID, p, found)
				}
			}
		}
	}
}

// sampleValue is a value the sample gives the column in some row, or one the check takes.
func sampleValue(def *forms.Definition, b forms.Block, f forms.Field) string {
	s := forms.Sample(def)
	for row := 1; row <= s.Rows(b.Key); row++ {
		if v := s.Value(b, f, row); v != "" {
			return v
		}
	}
	if len(f.Choices) > 0 {
		return f.Choices[0]
	}
	return "1"
}
