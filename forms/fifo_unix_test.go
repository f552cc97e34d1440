//go:build unix

package forms

import "syscall"

func mkfifoSys(path string) error { return syscall.Mkfifo(path, 0o600) }
