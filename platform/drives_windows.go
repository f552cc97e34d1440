//go:build windows

package platform

import "golang.org/x/sys/windows"

// Drives lists the drive letters Windows has, named as Explorer names them. Only
// GetDriveType is asked: no drive is opened, so an empty card reader or a network drive whose
// server is away (which can take half a minute to answer) never slows the dialog.
func Drives() []Drive {
	mask, err := windows.GetLogicalDrives()
	if err != nil {
		return nil
	}
	var out []Drive
	for i := range 26 {
		if mask&(1<<i) == 0 {
			continue
		}
		letter := string(rune('A' + i))
		root := letter + `:\`
		p, err := windows.UTF16PtrFromString(root)
		if err != nil {
			continue
		}
		if d, ok := driveOfType(windows.GetDriveType(p), letter, root); ok {
			out = append(out, d)
		}
	}
	return out
}
