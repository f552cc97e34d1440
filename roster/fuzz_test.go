package roster

import (
	"bytes"
	"testing"
	"time"

	"shenbao/forms"
)

// FuzzReadRoster: whatever file a user picks, ReadRoster answers with an error or problems,
// never a panic, and every row it returns has a place in the form.
func FuzzReadRoster(f *testing.F) {
	var tpl, exp bytes.Buffer
	if err := Template(&tpl, forms.Default()); err != nil {
		f.Fatal(err)
	}
	if err := ExportRoster(&exp, forms.Sample(forms.Default())); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add(exp.Bytes())
	f.Add([]byte("姓名,性别\n"))
	// Hostile shapes, small: merged ranges to the last row, too many merges, a row past the
	// bound (issue 14).
	f.Add(withMerges(f, memberList(f), "E3:E1048576", "K1:L1048576"))
	f.Add(withMerges(f, memberList(f), "A5:B6", "A6:B7", "A7:B8"))
	f.Add(withRows(f, memberList(f), 1048576, 1))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(data), "")
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("took %v", took)
		}
		if err != nil {
			return
		}
		for _, p := range ps {
			if p.Line > maxSheetRows+1 {
				t.Fatalf("a problem beyond the rows read: %v", p)
			}
		}
		for key, rows := range r.Tables {
			b, ok := tableByKey(forms.Default(), key)
			if !ok {
				t.Fatalf("rows for %q", key)
			}
			if len(rows) > b.Rows && !Refused(ps) {
				t.Fatalf("%d %s accepted", len(rows), key)
			}
		}
	})
}
