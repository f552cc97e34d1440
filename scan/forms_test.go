package scan

import (
	"testing"

	"shenbao/forms"
)

// The boxes the scan step looks for seals in are the form's own (Definition.Sealed), each
// found on the printed pages with its name and whether its seal must be there.
func TestSealBoxesComeFromTheForm(t *testing.T) {
	defs, err := forms.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range defs {
		pages, err := models(forms.Sample(def))
		if err != nil {
			t.Fatalf("%s: %v", def.ID, err)
		}
		var got []opinionBox
		for _, p := range pages {
			got = append(got, p.Opinions...)
		}
		want := def.Sealed()
		if len(got) != len(want) {
			t.Fatalf("%s: %d boxes with a seal found on the pages, the form has %d", def.ID, len(got), len(want))
		}
		for i, b := range want {
			if got[i].Name != b.Name() || got[i].Needed != b.SealNeeded || got[i].Blank != b.LeaveBlank || got[i].Which != Opinion(i) {
				t.Errorf("%s box %d: %+v, want %s (needed %v, blank %v)", def.ID, i, got[i].SealBox, b.Name(), b.SealNeeded, b.LeaveBlank)
			}
		}
	}
}
