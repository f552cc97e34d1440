//go:build windows

package platform

import (
	"os"

	"golang.org/x/sys/windows"
)

// LockFileEx locks belong to the handle: a second handle in the same process conflicts too,
// and Windows releases them when the handle closes or the process ends.
func lockHandle(f *os.File) error {
	var ol windows.Overlapped
	return windows.LockFileEx(windows.Handle(f.Fd()),
		windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
}

func unlockHandle(f *os.File) {
	var ol windows.Overlapped
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
