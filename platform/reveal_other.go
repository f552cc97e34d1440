//go:build !windows

package platform

import (
	"errors"
	"os/exec"
	"path/filepath"
)

// Reveal opens the folder holding the files in the file manager. (Selecting them needs the
// file manager's D-Bus interface, which not every desktop has; the folder is enough.)
func Reveal(paths []string, env []string) error {
	if len(paths) == 0 {
		return nil
	}
	return OpenPath(filepath.Dir(paths[0]), env)
}

// xdgFailed reads xdg-open's exit code: 3 (a tool it needs is missing) and 4 (the action
// failed, which is what it says when no program takes the file type) mean nothing can open it.
func xdgFailed(err error) error {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if c := ee.ExitCode(); c == 3 || c == 4 {
			return ErrNoProgram
		}
	}
	return err
}
