package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
)

// fyneApp is the part of FyneApp.toml this tool reads: Fyne's own keys ([Details],
// [LinuxAndBSD]) and three custom keys under [Release], which Fyne keeps as free-form
// metadata (app.Metadata().Custom in release builds).
type fyneApp struct {
	Details struct {
		Icon, Name, ID, Version string
		Build                   int
	}
	LinuxAndBSD struct {
		GenericName, Comment string
		Categories, Keywords []string
	}
	Release map[string]string
}

// meta is what the packages show: the Windows file properties and the Linux menu entry.
type meta struct {
	ID          string
	Version     string // "0.1.0", the same as `shenbao version`
	Build       int
	IconPath    string // [Details] Icon beside FyneApp.toml; "" when it names none
	ProductName string // 产品名称: 柳州市名班主任工作室申报表填报助手
	Description string // 文件说明 (Task Manager shows it) and the menu entry's name
	Copyright   string // 版权
	GenericName string
	Comment     string
	Categories  []string
	Keywords    []string
}

// Custom keys of [Release].
const (
	keyProduct     = "ProductName"
	keyDescription = "FileDescription"
	keyCopyright   = "Copyright"
)

var versionRE = regexp.MustCompile(`^\d+\.\d+\.\d+$`)

// loadMeta reads FyneApp.toml and checks that everything the packages need is there.
func loadMeta(path string) (meta, error) {
	var f fyneApp
	if _, err := toml.DecodeFile(path, &f); err != nil {
		return meta{}, fmt.Errorf("%s: %w", path, err)
	}
	m := meta{
		ID:          f.Details.ID,
		Version:     f.Details.Version,
		Build:       f.Details.Build,
		ProductName: f.Release[keyProduct],
		Description: f.Release[keyDescription],
		Copyright:   f.Release[keyCopyright],
		GenericName: f.LinuxAndBSD.GenericName,
		Comment:     f.LinuxAndBSD.Comment,
		Categories:  f.LinuxAndBSD.Categories,
		Keywords:    f.LinuxAndBSD.Keywords,
	}
	if f.Details.Icon != "" {
		m.IconPath = filepath.Join(filepath.Dir(path), filepath.FromSlash(f.Details.Icon))
	}
	var missing []string
	for _, kv := range []struct{ key, val string }{
		{"[Details] ID", m.ID}, {"[Details] Version", m.Version},
		{"[Release] " + keyProduct, m.ProductName}, {"[Release] " + keyDescription, m.Description},
		{"[Release] " + keyCopyright, m.Copyright},
	} {
		if strings.TrimSpace(kv.val) == "" {
			missing = append(missing, kv.key)
		}
	}
	if len(missing) > 0 {
		return m, fmt.Errorf("%s: missing %s", path, strings.Join(missing, ", "))
	}
	if !versionRE.MatchString(m.Version) {
		return m, fmt.Errorf("%s: Version %q is not major.minor.patch", path, m.Version)
	}
	if m.Build < 0 || m.Build > 65535 {
		return m, fmt.Errorf("%s: Build %d does not fit a Windows version number", path, m.Build)
	}
	return m, nil
}

// versionQuad is the binary file version Windows compares: major.minor.patch.build.
func (m meta) versionQuad() [4]uint16 {
	var q [4]uint16
	fmt.Sscanf(m.Version, "%d.%d.%d", &q[0], &q[1], &q[2])
	q[3] = uint16(m.Build)
	return q
}
