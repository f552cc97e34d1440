package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// TestPhotoTooLargeFileSaysItsSize: a picture file over the pipeline's 50 MB is refused with
// its real size (only the first 50 MB are read, which the message used to report), and the
// draft stays byte-identical.
func TestPhotoTooLargeFileSaysItsSize(t *testing.T) {
	dir := t.TempDir()
	draft := filepath.Join(dir, "草稿.json")
	if err := forms.Sample(forms.Default()).Save(draft); err != nil {
		t.Fatal(err)
	}
	pic := filepath.Join(dir, "大照片.png")
	f, err := os.Create(pic)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("\x89PNG\r\n\x1a\n"))
	if err := f.Truncate(240 << 20); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	before := hash(t, draft)
	code, _, errs := run(t, nil, "photo", draft, pic)
	if code != ExitFindings || !strings.Contains(errs, "240.0 MB") || !strings.Contains(errs, "50 MB") {
		t.Errorf("exit %d, %q: want 1 and the file's size, 240.0 MB", code, errs)
	}
	if hash(t, draft) != before {
		t.Error("the draft changed")
	}
}
