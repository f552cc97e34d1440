//go:build unix

package readback

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"

	"shenbao/forms"
)

// TestFIFO: a named pipe is refused at once, not read (reading one blocks for ever).
func TestFIFO(t *testing.T) {
	for _, name := range []string{"p.docx", "p.pdf", "p.json"} {
		p := filepath.Join(t.TempDir(), name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skip(err)
		}
		if _, err := Open(p); !errors.Is(err, forms.ErrNotRegular) {
			t.Errorf("%s: %v, want ErrNotRegular", name, err)
		}
	}
}
