//go:build !windows

package platform

import (
	"os"
	"path/filepath"
)

// Drives lists the USB sticks and cards the desktop has mounted (udisks mounts them under
// /media/USER or /run/media/USER), then the whole computer.
func Drives() []Drive {
	return drivesUnder(os.Getenv("USER"), "/media", "/run/media")
}

func drivesUnder(user string, bases ...string) []Drive {
	var out []Drive
	for _, base := range bases {
		entries, _ := os.ReadDir(filepath.Join(base, user))
		for _, e := range entries {
			if e.IsDir() {
				out = append(out, Drive{Name: "U盘 " + e.Name(), Path: filepath.Join(base, user, e.Name()), Removable: true})
			}
		}
	}
	return append(out, Drive{Name: "计算机", Path: "/"})
}
