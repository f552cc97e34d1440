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
	// Dirs is the folder each file dialog was last used in (dirDraft …): the photos of the
	// stamped pages are seldom where the drafts are.
	Dirs map[string]string `json:"dirs,omitempty"`

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

// The dialogs that remember their own last folder in Dirs. 导出 and the 名单 workbooks have
// theirs in ExportDir and RosterDir.
const (
	dirDraft  = "draft"  // 打开草稿
	dirSaveAs = "saveAs" // 保存草稿 of a draft that has no file yet (else it starts beside it)
	dirPhoto  = "photo"  // 选择照片
	dirScans  = "scans"  // 添加照片或扫描的 PDF
	dirSend   = "send"   // 报送文件夹
)

// lastDir is where dialog key starts: the folder it was last used in while that is still
// there (not on a USB stick since pulled out), else fallback.
func (s *settings) lastDir(key, fallback string) string {
	if d := s.Dirs[key]; d != "" && isDirPath(d) {
		return d
	}
	return fallback
}

// usedDir notes the folder dialog key was last used in.
func (s *settings) usedDir(key, dir string) {
	if dir == "" {
		return
	}
	if s.Dirs == nil {
		s.Dirs = map[string]string{}
	}
	s.Dirs[key] = dir
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
