package app

import (
	"path/filepath"
	"testing"
	"time"
)

// TestSpecialFilesNotOpened: a FIFO named like a picture (in the photo dialog's folder, or
// chosen as a sealed page) is refused at once; os.Open of it waited for a writer for ever and
// held a thumbnail worker or the 报送 page's reader.
func TestSpecialFilesNotOpened(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "照片.jpg")
	if err := mkfifo(p); err != nil {
		t.Skip(err)
	}
	done := make(chan bool, 2)
	go func() { done <- makeThumbnail(p) == nil }()
	go func() { _, err := readScanFile(p); done <- err != nil }()
	for range 2 {
		select {
		case ok := <-done:
			if !ok {
				t.Error("a FIFO was read as a picture")
			}
		case <-time.After(10 * time.Second): // a hang, not a timing target
			t.Fatal("opening a FIFO did not return")
		}
	}
}
