package xlsx

import (
	"bytes"
	"testing"

	"shenbao/forms"
)

// FuzzReadRoster: whatever file a user picks, ReadRoster answers with an error or problems,
// never a panic, and every row it returns has a place in the form.
func FuzzReadRoster(f *testing.F) {
	var tpl, exp bytes.Buffer
	if err := Template(&tpl); err != nil {
		f.Fatal(err)
	}
	if err := ExportRoster(&exp, forms.Sample()); err != nil {
		f.Fatal(err)
	}
	f.Add(tpl.Bytes())
	f.Add(exp.Bytes())
	f.Add([]byte("姓名,性别\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, ps, err := ReadRoster(bytes.NewReader(data))
		if err != nil {
			return
		}
		for key, rows := range r.Tables {
			b, ok := tableByKey(key)
			if !ok {
				t.Fatalf("rows for %q", key)
			}
			if len(rows) > b.Rows && !Refused(ps) {
				t.Fatalf("%d %s accepted", len(rows), key)
			}
		}
	})
}
