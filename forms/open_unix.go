//go:build unix

package forms

import (
	"os"
	"syscall"
)

// openNoBlock opens for reading without blocking: a FIFO swapped in after the Stat would
// otherwise wait for a writer for ever. For a regular file the flag changes nothing.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
