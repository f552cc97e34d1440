//go:build !windows

package platform

// NativeDialogs is false outside Windows: GTK's and KDE's dialogs would need a toolkit or a
// portal this program does not use; the app shows its own.
const NativeDialogs = false

// OpenFiles returns ErrNoNativeDialog outside Windows.
func OpenFiles(owner uintptr, title string, filters []FileFilter, startDir string, multi bool) ([]string, error) {
	return nil, ErrNoNativeDialog
}

// SaveFile returns ErrNoNativeDialog outside Windows.
func SaveFile(owner uintptr, title string, filters []FileFilter, startDir, name string) (string, error) {
	return "", ErrNoNativeDialog
}

// PickFolder returns ErrNoNativeDialog outside Windows.
func PickFolder(owner uintptr, title, startDir string) (string, error) {
	return "", ErrNoNativeDialog
}
