package distcheck

import (
	"bytes"
	"debug/pe"
	"image"
	"image/color"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"
)

// The parsers read back what tc-hib/winres writes, in a small Windows program built here, so
// the checks of the real .exe rest on parsers that are themselves tested.
func TestParsersOnSmallExe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a small Windows program")
	}
	dir := t.TempDir()
	rs := &winres.ResourceSet{}
	img := image.NewNRGBA(image.Rect(0, 0, 32, 32))
	for i := range img.Pix {
		img.Pix[i] = 0xC0
	}
	img.Set(0, 0, color.NRGBA{1, 2, 3, 255})
	small := image.NewNRGBA(image.Rect(0, 0, 16, 16))
	ico, err := winres.NewIconFromImages([]image.Image{img, small})
	if err != nil {
		t.Fatal(err)
	}
	rs.SetIcon(winres.Name("测试图标"), ico)
	vi := version.Info{FileVersion: [4]uint16{1, 2, 3, 4}, ProductVersion: [4]uint16{5, 6, 7, 8}}
	vi.Set(langZhCN, version.ProductName, "测试 产品")
	vi.Set(langZhCN, version.FileVersion, "1.2.3")
	rs.SetVersionInfo(vi)
	rs.Set(winres.RT_MANIFEST, winres.ID(1), 0, []byte(`<assembly><x>UTF-8</x></assembly>`))
	var obj bytes.Buffer
	if err := rs.WriteObject(&obj, winres.ArchAMD64); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		"go.mod":                  "module hello\n\ngo 1.21\n",
		"main.go":                 "package main\n\nfunc main() {}\n",
		"rsrc_windows_amd64.syso": obj.String(),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	exe := filepath.Join(dir, "hello.exe")
	cmd := exec.Command("go", "build", "-ldflags=-H windowsgui", "-o", exe, ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0", "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	f, err := pe.Open(exe)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := resources(f)
	if err != nil {
		t.Fatal(err)
	}

	groups := ofType(res, rtGroupIcon)
	if len(groups) != 1 || groups[0].Name != "测试图标" {
		t.Fatalf("icon groups %v", names(groups))
	}
	entries, err := parseGroupIcon(groups[0].Data)
	if err != nil || len(entries) != 2 || entries[0].Width != 32 || entries[1].Height != 16 || entries[0].BitCount != 32 {
		t.Fatalf("group entries %+v, %v", entries, err)
	}
	var iconNames []string
	for _, r := range ofType(res, rtIcon) {
		iconNames = append(iconNames, r.Name)
		if !isIconImage(r.Data) {
			t.Errorf("icon %s is neither PNG nor DIB", r.Name)
		}
	}
	for _, e := range entries {
		if !slices.Contains(iconNames, "#"+strconv.Itoa(int(e.ID))) {
			t.Errorf("icon #%d missing among %v", e.ID, iconNames)
		}
	}

	vs := ofType(res, rtVersion)
	if len(vs) != 1 || vs[0].Lang != langZhCN {
		t.Fatalf("version resources %v", names(vs))
	}
	got, err := parseVersion(vs[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	if got.FileVersion != [4]uint16{1, 2, 3, 4} || got.ProductVersion != [4]uint16{5, 6, 7, 8} {
		t.Errorf("versions %v %v", got.FileVersion, got.ProductVersion)
	}
	if got.Strings["080404b0"]["ProductName"] != "测试 产品" || got.Strings["080404b0"]["FileVersion"] != "1.2.3" {
		t.Errorf("strings %q", got.Strings)
	}
	if !slices.Equal(got.Translations, []uint32{0x080404b0}) {
		t.Errorf("translations %x", got.Translations)
	}
	if ms := ofType(res, rtManifest); len(ms) != 1 || string(ms[0].Data) != `<assembly><x>UTF-8</x></assembly>` {
		t.Errorf("manifest %v", names(ms))
	}
	if oh := f.OptionalHeader.(*pe.OptionalHeader64); oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d", oh.Subsystem)
	}
}

func TestParseVersionRejects(t *testing.T) {
	good := (&version.Info{FileVersion: [4]uint16{1}}).Bytes()
	for name, b := range map[string][]byte{
		"empty":     nil,
		"truncated": good[:len(good)/2],
		"bad magic": append(append([]byte{}, good[:40]...), append([]byte{0, 0, 0, 0}, good[44:]...)...),
	} {
		if _, err := parseVersion(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := parseVersion(good); err != nil {
		t.Errorf("good: %v", err)
	}
}

func TestParseGroupIconRejects(t *testing.T) {
	for name, b := range map[string][]byte{
		"empty":     nil,
		"cursor":    {0, 0, 2, 0, 1, 0},
		"truncated": {0, 0, 1, 0, 2, 0, 16, 16, 0, 0, 1, 0, 32, 0},
	} {
		if _, err := parseGroupIcon(b); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestCheckImports(t *testing.T) {
	tests := []struct {
		libs []string
		bad  string
	}{
		{[]string{"kernel32.dll", "OPENGL32.DLL", "user32.dll", "msvcrt.dll"}, ""},
		{[]string{"kernel32.dll", "libwinpthread-1.dll"}, "libwinpthread-1.dll"},
		{[]string{"libgcc_s_seh-1.dll"}, "libgcc_s_seh-1.dll"},
		{[]string{"vcruntime140.dll", "user32.dll"}, "vcruntime140.dll"},
		{[]string{"glfw3.dll"}, "glfw3.dll"},
		{[]string{"libGLESv2.dll"}, "libglesv2.dll"},
	}
	for _, tt := range tests {
		err := checkImports(tt.libs)
		if (err == nil) != (tt.bad == "") || err != nil && !strings.Contains(err.Error(), tt.bad) {
			t.Errorf("checkImports(%v) = %v, want bad %q", tt.libs, err, tt.bad)
		}
	}
}
