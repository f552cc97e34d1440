//go:build !unix

package forms

import "errors"

func mkfifoSys(string) error { return errors.New("no FIFOs") }
