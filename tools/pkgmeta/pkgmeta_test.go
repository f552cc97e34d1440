package main

import (
	"bytes"
	"debug/pe"
	"encoding/json"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tc-hib/winres"
	"github.com/tc-hib/winres/version"

	"shenbao/cli"
)

// The project's own FyneApp.toml must hold everything and agree with `shenbao version`.
func TestProjectMeta(t *testing.T) {
	m, err := loadMeta("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != cli.Version {
		t.Errorf("FyneApp.toml version %s, cli.Version %s", m.Version, cli.Version)
	}
	if m.ProductName != "柳州市名班主任工作室申报表填报助手" || m.Description != "柳州市名班主任工作室申报表" {
		t.Errorf("names: %q, %q", m.ProductName, m.Description)
	}
}

func TestLoadMetaErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"testdata/missing.toml", "missing [Release] ProductName, [Release] FileDescription, [Release] Copyright"},
		{"testdata/badversion.toml", `Version "1.2" is not major.minor.patch`},
		{"testdata/nonexistent.toml", "no such file"},
	}
	for _, tt := range tests {
		if _, err := loadMeta(tt.file); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("loadMeta(%s) = %v, want %q", tt.file, err, tt.want)
		}
	}
}

// The icon is FyneApp.toml's file, read as it is; a missing file is an error naming the fix.
func TestAppIcon(t *testing.T) {
	m, err := loadMeta("testdata/minimal.toml")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := appIcon(m); err == nil || !strings.Contains(err.Error(), "make icon.png") {
		t.Errorf("missing icon: err = %v", err)
	}
	if _, err := appIcon(meta{}); err == nil || !strings.Contains(err.Error(), "[Details] Icon") {
		t.Errorf("no icon named: err = %v", err)
	}
	want := testIcon(300)
	var buf bytes.Buffer
	if err := png.Encode(&buf, want); err != nil {
		t.Fatal(err)
	}
	m.IconPath = filepath.Join(t.TempDir(), "icon.png")
	if err := os.WriteFile(m.IconPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := appIcon(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []image.Point{{0, 0}, {299, 0}, {150, 150}, {7, 291}} {
		if g, w := color.NRGBAModel.Convert(got.At(p.X, p.Y)), want.At(p.X, p.Y); g != w {
			t.Errorf("pixel %v: %v, want %v", p, g, w)
		}
	}
}

// testIcon is a size×size picture whose every corner differs, so a wrong copy or scale shows.
func testIcon(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			img.SetNRGBA(x, y, color.NRGBA{uint8(x * 255 / size), uint8(y * 255 / size), 0x80, 0xFF})
		}
	}
	return img
}

func TestAppIconRejectsSmallOrOblong(t *testing.T) {
	dir := t.TempDir()
	for name, rect := range map[string]image.Rectangle{
		"small.png":  image.Rect(0, 0, 64, 64),
		"oblong.png": image.Rect(0, 0, 512, 300),
	} {
		var buf bytes.Buffer
		png.Encode(&buf, image.NewNRGBA(rect))
		p := filepath.Join(dir, name)
		os.WriteFile(p, buf.Bytes(), 0o644)
		if _, err := appIcon(meta{IconPath: p}); err == nil || !strings.Contains(err.Error(), "square") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

func TestResources(t *testing.T) {
	m, err := loadMeta("testdata/minimal.toml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := resources(m, testIcon(256))
	if err != nil {
		t.Fatal(err)
	}
	ico, err := rs.GetIconTranslation(iconName, winres.LCIDNeutral)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ico.SaveICO(&buf); err != nil {
		t.Fatal(err)
	}
	if n := int(buf.Bytes()[4]); n != len(iconSizes) {
		t.Errorf("icon has %d images, want %d", n, len(iconSizes))
	}

	data := rs.Get(winres.RT_VERSION, winres.ID(1), langZhCN)
	if data == nil {
		t.Fatal("no RT_VERSION in zh-CN")
	}
	vi, err := version.FromBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	if vi.FileVersion != [4]uint16{1, 2, 3, 7} || vi.ProductVersion != [4]uint16{1, 2, 3, 7} {
		t.Errorf("fixed versions %v %v", vi.FileVersion, vi.ProductVersion)
	}
	js, _ := vi.MarshalJSON()
	var parsed struct{ Info map[string]map[string]string }
	if err := json.Unmarshal(js, &parsed); err != nil {
		t.Fatal(err)
	}
	got := parsed.Info["0804"]
	for k, want := range map[string]string{
		version.ProductName: "测试 产品", version.FileDescription: "测试 说明 <&>",
		version.FileVersion: "1.2.3", version.ProductVersion: "1.2.3",
		version.LegalCopyright: "© 测试", version.OriginalFilename: exeName,
	} {
		if got[k] != want {
			t.Errorf("%s = %q, want %q", k, got[k], want)
		}
	}

	man := rs.Get(winres.RT_MANIFEST, winres.ID(1), winres.LCIDNeutral)
	if err := xml.Unmarshal(man, new(struct{})); err != nil {
		t.Fatalf("manifest is not XML: %v\n%s", err, man)
	}
	for _, s := range []string{">UTF-8</activeCodePage>", "PerMonitorV2", "Microsoft.Windows.Common-Controls",
		`level="asInvoker"`, "<description>测试 产品</description>"} {
		if !bytes.Contains(man, []byte(s)) {
			t.Errorf("manifest lacks %s", s)
		}
	}
}

// The object file is a COFF object for amd64 with one .rsrc section, as `go build` expects.
func TestSysoIsAMD64Object(t *testing.T) {
	m, _ := loadMeta("testdata/minimal.toml")
	var buf bytes.Buffer
	if err := writeSyso(&buf, m, testIcon(256)); err != nil {
		t.Fatal(err)
	}
	f, err := pe.NewFile(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 || len(f.Sections) != 1 || f.Sections[0].Name != ".rsrc" {
		t.Errorf("machine %#x, sections %d", f.Machine, len(f.Sections))
	}
}

func TestDesktopEntry(t *testing.T) {
	m, err := loadMeta("../../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := desktopEntry(&buf, m); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, line := range []string{"[Desktop Entry]\n", "Type=Application\n", "Name=柳州市名班主任工作室申报表\n",
		"Exec=shenbao %f\n", "Icon=" + m.ID + "\n", "Categories=Office;\n", "Terminal=false\n"} {
		if !strings.Contains(s, line) {
			t.Errorf("desktop entry lacks %q:\n%s", line, s)
		}
	}
	validate, err := exec.LookPath("desktop-file-validate")
	if err != nil {
		t.Log("desktop-file-validate not installed (apt-get install desktop-file-utils); syntax not validated")
		return
	}
	p := filepath.Join(t.TempDir(), m.ID+".desktop")
	os.WriteFile(p, buf.Bytes(), 0o644)
	if out, err := exec.Command(validate, p).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("desktop-file-validate: %v\n%s", err, out)
	}
}

func TestEscapeDesktop(t *testing.T) {
	if got := escapeDesktop("a\\b\nc\td"); got != `a\\b\nc\td` {
		t.Errorf("escapeDesktop = %q", got)
	}
}

func TestRunRefusesOtherVersion(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "FyneApp.toml")
	data, _ := os.ReadFile("testdata/minimal.toml")
	os.WriteFile(p, data, 0o644)
	err := run([]string{"id", "-toml", p}, new(bytes.Buffer))
	if err == nil || !strings.Contains(err.Error(), "cli.Version is "+cli.Version) {
		t.Errorf("run with version 1.2.3: %v", err)
	}
	var out bytes.Buffer
	if err := run([]string{"id", "-toml", "../../FyneApp.toml"}, &out); err != nil || strings.TrimSpace(out.String()) == "" {
		t.Errorf("run id: %q, %v", out.String(), err)
	}
	if err := run([]string{"bogus", "-toml", "../../FyneApp.toml"}, &out); err == nil {
		t.Errorf("unknown command accepted")
	}
}
