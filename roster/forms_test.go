package roster

import (
	"bytes"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// Every form's tables go to a workbook and come back: the template, then the sample's rows
// exported and imported again, each table with its own columns. The synthetic form's first
// table is a list of dated entries with no 姓名 column: the other tables' sheets must still be
// found by their own name column.
func TestEveryFormsRosterRoundTrip(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		var tpl bytes.Buffer
		if err := Template(&tpl, def); err != nil {
			t.Fatalf("%s: template: %v", def.ID, err)
		}
		d := forms.Sample(def)
		var buf bytes.Buffer
		if err := ExportRoster(&buf, d); err != nil {
			t.Fatalf("%s: export: %v", def.ID, err)
		}
		r, ps, err := ReadRoster(def, &buf, "")
		if err != nil || Refused(ps) {
			t.Fatalf("%s: reading the export back: %v %v", def.ID, err, ps)
		}
		back := ApplyRoster(forms.New(def), r)
		for _, b := range def.Tables() {
			if b.LeaveBlank {
				continue
			}
			want, got := d.FilledRows(b), back.FilledRows(b)
			if len(got) != len(want) {
				t.Errorf("%s %s: %d rows back, want %d", def.ID, b.Key, len(got), len(want))
				continue
			}
			for i := range want {
				for _, f := range b.Fields {
					if g, w := forms.Display(f, back.Value(b, f, got[i])), forms.Display(f, d.Value(b, f, want[i])); g != w {
						t.Errorf("%s %s row %d %s: %q, want %q", def.ID, b.Key, i+1, f.Key, g, w)
					}
				}
			}
		}
	}
}
