package forms

import (
	"testing"

	"shenbao/fonts"
)

// TestFixedTextInBoldFont: the title and labels print in bold from the subset font; a label
// character missing from the subset would silently vanish from every printed form.
func TestFixedTextInBoldFont(t *testing.T) {
	for _, r := range Default().FixedText() {
		if r == '\n' {
			continue
		}
		if !fonts.BoldHas(r) {
			t.Errorf("label character %q (%U) is not in the bold subset: add it to fonts/bold-chars.txt and run fonts/subset-bold.sh", r, r)
		}
		if !fonts.Printable(r) {
			t.Errorf("label character %q (%U) is not in the regular font", r, r)
		}
	}
}
