package app

import (
	"crypto/sha256"
	"io"
	"os"
	"time"

	"shenbao/forms"
)

// diskState is a draft file as it was when this window last read or wrote it, to notice a
// change made behind its back (another window, `shenbao photo`, a copy over it) before a save
// would silently undo that change.
type diskState struct {
	known bool
	size  int64
	mod   time.Time
	sum   [sha256.Size]byte
}

// readDiskState notes the file at path now; the zero state for "" or a file not there.
func readDiskState(path string) diskState {
	if path == "" {
		return diskState{}
	}
	st, err := os.Stat(path)
	if err != nil || !st.Mode().IsRegular() {
		return diskState{}
	}
	sum, ok := fileSum(path)
	return diskState{known: ok, size: st.Size(), mod: st.ModTime(), sum: sum}
}

// fileSum hashes a draft file; drafts are at most 20 MB, so reading it whole is bounded.
func fileSum(path string) (sum [sha256.Size]byte, ok bool) {
	f, _, err := forms.OpenRegular(path)
	if err != nil {
		return sum, false
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, 64<<20)); err != nil {
		return sum, false
	}
	copy(sum[:], h.Sum(nil))
	return sum, true
}

// changedOnDisk says whether the file differs from the state noted. Same size and time is
// taken as unchanged without reading it; otherwise the content decides (a copy that only
// touched the time is not a change). A file gone is not a change: saving makes it again.
func (s diskState) changedOnDisk(path string) bool {
	if !s.known {
		return false
	}
	st, err := os.Stat(path)
	if err != nil {
		return false
	}
	if st.Size() == s.size && st.ModTime().Equal(s.mod) {
		return false
	}
	sum, ok := fileSum(path)
	return !ok || sum != s.sum
}

func isFile(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

func modTime(path string) time.Time {
	if st, err := os.Stat(path); err == nil {
		return st.ModTime()
	}
	return time.Time{}
}
