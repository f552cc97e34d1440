package app

import (
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"

	"shenbao/forms"
)

// maxRecent is how many drafts the 最近的草稿 menu lists.
const maxRecent = 8

// settings are remembered between runs in the user's configuration folder.
type settings struct {
	Recent    []string    `json:"recent"`    // draft files, most recent first
	OpenDir   string      `json:"openDir"`   // where the last draft or picture was chosen
	ExportDir string      `json:"exportDir"` // where the last export went
	RosterDir string      `json:"rosterDir"` // where the last Excel 名单 was opened or saved
	Window    windowPlace `json:"window"`    // the window's place and size when last closed

	file string
}

func loadSettings(dir string) *settings {
	s := &settings{file: filepath.Join(dir, "settings.json")}
	if data, err := os.ReadFile(s.file); err == nil {
		// A damaged file only loses the recent list: never a reason to refuse to start.
		_ = json.Unmarshal(data, s)
	}
	return s
}

// save writes the settings; a failure is not worth troubling the user with (the next
// change writes again), so it is only logged by the caller.
func (s *settings) save() error {
	data, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(s.file), 0o700); err != nil {
		return err
	}
	return forms.WriteFile(s.file, false, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// addRecent puts path first in the recent list.
func (s *settings) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	s.Recent = slices.DeleteFunc(s.Recent, func(p string) bool { return p == path })
	s.Recent = append([]string{path}, s.Recent...)
	if len(s.Recent) > maxRecent {
		s.Recent = s.Recent[:maxRecent]
	}
	s.OpenDir = filepath.Dir(path)
}

// dropRecent removes a draft that could not be opened any more.
func (s *settings) dropRecent(path string) {
	s.Recent = slices.DeleteFunc(s.Recent, func(p string) bool { return p == path })
}
