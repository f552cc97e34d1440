package platform

import (
	"errors"
	"strings"
)

// The system's own file dialogs (Windows: the Common Item Dialog, IFileOpenDialog and
// IFileSaveDialog, as Explorer and Office show them, with the places, search and previews a
// teacher knows). OpenFiles, SaveFile and PickFolder show one and wait for the answer; where
// there is none (Linux) they return ErrNoNativeDialog and the app uses its own dialog.

// ErrNoNativeDialog: this system has no file dialog of its own that the program can use.
var ErrNoNativeDialog = errors.New("no native file dialog")

// FileFilter is one entry of a dialog's list of file types: its name as shown, with the
// patterns ("草稿 (*.json)"), and the patterns ("*.json").
type FileFilter struct {
	Name     string
	Patterns []string
}

// spec is the patterns as a Windows file-type filter wants them: "*.jpg;*.jpeg;*.png".
func (f FileFilter) spec() string { return strings.Join(f.Patterns, ";") }

// defaultExtension is the extension a saved name gets when the user types none: the first
// filter's first pattern without "*.", "" when it is not of that form.
func defaultExtension(filters []FileFilter) string {
	if len(filters) == 0 || len(filters[0].Patterns) == 0 {
		return ""
	}
	ext, ok := strings.CutPrefix(filters[0].Patterns[0], "*.")
	if !ok || strings.ContainsAny(ext, "*?;") {
		return ""
	}
	return ext
}

// dialogKind is what a dialog asks for.
type dialogKind int

const (
	openDialog dialogKind = iota
	saveDialog
	folderDialog
)

// FILEOPENDIALOGOPTIONS (shobjidl_core.h)
const (
	fosOverwritePrompt  = 0x00000002
	fosStrictFileTypes  = 0x00000004
	fosNoChangeDir      = 0x00000008
	fosPickFolders      = 0x00000020
	fosForceFileSystem  = 0x00000040
	fosAllowMultiSelect = 0x00000200
	fosPathMustExist    = 0x00000800
	fosFileMustExist    = 0x00001000
)

// dialogOptions are the options added to the dialog's own: only real files and folders (not a
// phone's or a library's virtual items), the process's current folder left alone; a file to
// open must exist, a file to save over is asked about and gets the filter's extension.
func dialogOptions(kind dialogKind, multi bool) uint32 {
	o := uint32(fosForceFileSystem | fosPathMustExist | fosNoChangeDir)
	switch kind {
	case openDialog:
		o |= fosFileMustExist
		if multi {
			o |= fosAllowMultiSelect
		}
	case saveDialog:
		o |= fosOverwritePrompt | fosStrictFileTypes
	case folderDialog:
		o |= fosPickFolders
	}
	return o
}
