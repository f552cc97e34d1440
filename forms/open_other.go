//go:build !unix

package forms

import "os"

// openNoBlock: Windows has no FIFOs in the file system; named pipes live under \\.\pipe\ and
// Stat reports them as not regular, so a plain open is enough.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
