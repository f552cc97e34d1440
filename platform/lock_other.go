//go:build !windows

package platform

import (
	"os"
	"syscall"
)

// flock locks belong to the open file, not the process: a second open in the same process
// conflicts too, and the kernel releases them when the last descriptor closes.
func lockHandle(f *os.File) error {
	return syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
}

func unlockHandle(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
