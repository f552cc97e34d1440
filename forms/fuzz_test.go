package forms

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"shenbao/photo"
)

// FuzzParse: Parse never panics, refuses only with the package's errors, and whatever it
// reads saves and reads back to the very same bytes (and can be checked).
func FuzzParse(f *testing.F) {
	f.Add(Sample(Default()).Marshal())
	f.Add(New(Default()).Marshal())
	files, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"format":"liuzhou-mbzr-shenbao","version":1,"":{"a":[1e400]},"host":{"photo":{"sourceWidth":1e3}}}`))
	f.Add([]byte(`{"format":"liuzhou-mbzr-shenbao","version":1.0,"advisers":[null,{"x":"\ud800"}],"members":[]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			if d != nil {
				t.Fatal("Parse returned a draft and an error")
			}
			if !knownError(err) {
				t.Fatalf("Parse: unexpected error %v", err)
			}
			return
		}
		first := d.Marshal()
		d2, err := Parse(first)
		if err != nil {
			t.Fatalf("what Marshal wrote does not parse: %v\n%s", err, first)
		}
		if second := d2.Marshal(); !bytes.Equal(first, second) {
			t.Fatalf("Marshal → Parse → Marshal differs:\n%s", firstDiff(first, second))
		}
		CheckAt(d, checkDay, photo.StoredSize)
	})
}

// knownError: every refusal is one of the errors the user gets a message for.
func knownError(err error) bool {
	for _, e := range []error{ErrNotDraft, ErrLaterVersion, ErrTooLarge, ErrTruncated, ErrNotUTF8, ErrBadJSON} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}
