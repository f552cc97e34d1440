package distcheck

import (
	"bytes"
	"debug/pe"
	"encoding/xml"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	xdraw "golang.org/x/image/draw"

	"shenbao/cli"
)

const (
	exePath  = "../../dist/shenbao-windows-amd64.exe"
	tomlPath = "../../FyneApp.toml"
	maxSize  = 90 << 20
	langZhCN = 0x0804
)

// allowedDLLs are the DLLs the .exe may import: all in System32 of every Windows 10 and 11
// (msvcrt.dll is the MinGW C runtime's, part of Windows since XP).
var allowedDLLs = []string{
	"advapi32.dll", "bcrypt.dll", "bcryptprimitives.dll", "comdlg32.dll", "crypt32.dll",
	"dwmapi.dll", "gdi32.dll", "imm32.dll", "kernel32.dll", "msvcrt.dll", "ntdll.dll",
	"ole32.dll", "oleaut32.dll", "opengl32.dll", "powrprof.dll", "shcore.dll", "shell32.dll",
	"shlwapi.dll", "user32.dll", "userenv.dll", "uxtheme.dll", "version.dll", "winmm.dll",
	"ws2_32.dll", "mswsock.dll", "iphlpapi.dll", "dnsapi.dll", "netapi32.dll", "secur32.dll",
	"setupapi.dll", "hid.dll", "xinput1_4.dll", "dinput8.dll",
}

// foreignDLL would have to be shipped beside the .exe: the runtimes of MinGW and Visual C++.
// (GLFW's optional libEGL, libGLESv2, libOSMesa and vulkan-1, and libheif, are only loaded
// when present; the program does not need them.)
var foreignDLL = regexp.MustCompile(`(?i)^(libgcc|libwinpthread|libstdc\+\+|libssp|libgomp|msvcp\d|vcruntime|msvcr\d)`)

func openExe(t *testing.T) *pe.File {
	t.Helper()
	if _, err := os.Stat(exePath); err != nil {
		t.Skipf("%s is not built: run `make windows` first (this test checks it statically)", exePath)
	}
	f, err := pe.Open(exePath)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWindowsHeaders(t *testing.T) {
	f := openExe(t)
	if f.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		t.Errorf("machine %#x, want AMD64", f.Machine)
	}
	if f.Characteristics&pe.IMAGE_FILE_EXECUTABLE_IMAGE == 0 || f.Characteristics&pe.IMAGE_FILE_DLL != 0 {
		t.Errorf("characteristics %#x: not an executable", f.Characteristics)
	}
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		t.Fatalf("not PE32+")
	}
	if oh.Subsystem != pe.IMAGE_SUBSYSTEM_WINDOWS_GUI {
		t.Errorf("subsystem %d, want WINDOWS_GUI (%d): a console window would open on double-click", oh.Subsystem, pe.IMAGE_SUBSYSTEM_WINDOWS_GUI)
	}
	if oh.MajorSubsystemVersion > 10 || oh.MajorSubsystemVersion < 6 {
		t.Errorf("subsystem version %d.%d", oh.MajorSubsystemVersion, oh.MinorSubsystemVersion)
	}
	for _, c := range []struct {
		flag uint16
		name string
	}{{pe.IMAGE_DLLCHARACTERISTICS_NX_COMPAT, "NX_COMPAT"}, {pe.IMAGE_DLLCHARACTERISTICS_DYNAMIC_BASE, "DYNAMIC_BASE"}} {
		if oh.DllCharacteristics&c.flag == 0 {
			t.Logf("note: %s not set (DllCharacteristics %#x)", c.name, oh.DllCharacteristics)
		}
	}
	if f.NumberOfSymbols != 0 {
		t.Errorf("%d COFF symbols: not stripped (-s -w)", f.NumberOfSymbols)
	}
	st, err := os.Stat(exePath)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("size %d bytes (%.1f MB), subsystem %d.%d, DllCharacteristics %#x",
		st.Size(), float64(st.Size())/(1<<20), oh.MajorSubsystemVersion, oh.MinorSubsystemVersion, oh.DllCharacteristics)
	if st.Size() > maxSize {
		t.Errorf("size %d > %d bytes", st.Size(), maxSize)
	}
}

func TestWindowsImports(t *testing.T) {
	f := openExe(t)
	libs, err := importedDLLs(f)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(libs)
	t.Logf("import table: %s", strings.Join(libs, " "))
	if err := checkImports(libs); err != nil {
		t.Error(err)
	}
	if !slices.Contains(libs, "opengl32.dll") {
		t.Errorf("opengl32.dll not imported: is Fyne (the app) linked in?")
	}
	// DLLs loaded at run time (LoadLibrary) do not appear in the import table; their names do
	// appear in the program's data.
	data, err := os.ReadFile(exePath)
	if err != nil {
		t.Fatal(err)
	}
	var runtime []string
	for _, m := range dllName.FindAll(data, -1) {
		name := strings.ToLower(string(m))
		if !slices.Contains(runtime, name) && !slices.Contains(libs, name) {
			runtime = append(runtime, name)
		}
	}
	slices.Sort(runtime)
	t.Logf("DLL names in the data, loaded on demand if at all (a heuristic: Go packs strings together, so some carry a neighbour's letters): %s", strings.Join(runtime, " "))
	for _, n := range runtime {
		if foreignDLL.MatchString(n) {
			t.Errorf("the program loads %s, which Windows does not have", n)
		}
	}
}

// importedDLLs lists the import table's DLLs, lower case and sorted. (debug/pe's
// ImportedLibraries is a stub returning nothing; ImportedSymbols gives "symbol:dll".)
func importedDLLs(f *pe.File) ([]string, error) {
	syms, err := f.ImportedSymbols()
	if err != nil {
		return nil, err
	}
	var libs []string
	for _, s := range syms {
		_, dll, ok := strings.Cut(s, ":")
		if dll = strings.ToLower(dll); ok && !slices.Contains(libs, dll) {
			libs = append(libs, dll)
		}
	}
	return libs, nil
}

var dllName = regexp.MustCompile(`(?i)\b[a-z][a-z0-9_+\-]{1,40}\.dll\b`)

// checkImports refuses any DLL not on allowedDLLs, and the runtimes of MinGW and Visual C++.
func checkImports(libs []string) error {
	var bad []string
	for _, l := range libs {
		l = strings.ToLower(l)
		if !slices.Contains(allowedDLLs, l) || foreignDLL.MatchString(l) {
			bad = append(bad, l)
		}
	}
	if len(bad) > 0 {
		return &importError{bad}
	}
	return nil
}

type importError struct{ dlls []string }

func (e *importError) Error() string {
	return "imports DLLs that are not part of every Windows 10: " + strings.Join(e.dlls, ", ")
}

// fyneApp is the part of FyneApp.toml the .exe must repeat.
type fyneApp struct {
	Details struct {
		Icon, ID, Version string
		Build             int
	}
	Release map[string]string
}

func loadToml(t *testing.T) fyneApp {
	t.Helper()
	var m fyneApp
	if _, err := toml.DecodeFile(tomlPath, &m); err != nil {
		t.Fatal(err)
	}
	if m.Details.Version != cli.Version {
		t.Fatalf("FyneApp.toml version %s, cli.Version %s", m.Details.Version, cli.Version)
	}
	return m
}

func exeResources(t *testing.T) []resource {
	t.Helper()
	rs, err := resources(openExe(t))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func ofType(rs []resource, typ uint32) []resource {
	var out []resource
	for _, r := range rs {
		if r.Type == typ {
			out = append(out, r)
		}
	}
	return out
}

func TestWindowsVersionInfo(t *testing.T) {
	rs := exeResources(t)
	m := loadToml(t)
	vs := ofType(rs, rtVersion)
	if len(vs) != 1 || vs[0].Name != "#1" || vs[0].Lang != langZhCN {
		t.Fatalf("RT_VERSION resources %+v, want one: #1 in zh-CN (0x0804)", names(vs))
	}
	vi, err := parseVersion(vs[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	var maj, min, patch int
	if _, err := fmt.Sscanf(m.Details.Version, "%d.%d.%d", &maj, &min, &patch); err != nil {
		t.Fatal(err)
	}
	want := [4]uint16{uint16(maj), uint16(min), uint16(patch), uint16(m.Details.Build)}
	if vi.FileVersion != want || vi.ProductVersion != want {
		t.Errorf("fixed versions %v / %v, want %v", vi.FileVersion, vi.ProductVersion, want)
	}
	table, ok := vi.Strings["080404b0"]
	if !ok {
		t.Fatalf("no string table 080404b0 (zh-CN, UTF-16); tables: %v", vi.Strings)
	}
	for key, val := range map[string]string{
		"ProductName":     "柳州市名班主任工作室申报表填报助手",
		"FileDescription": m.Release["FileDescription"],
		"FileVersion":     cli.Version,
		"ProductVersion":  cli.Version,
		"LegalCopyright":  m.Release["Copyright"],
	} {
		if table[key] != val || val == "" {
			t.Errorf("%s = %q, want %q", key, table[key], val)
		}
	}
	if table["ProductName"] != m.Release["ProductName"] {
		t.Errorf("ProductName differs from FyneApp.toml")
	}
	if !slices.Contains(vi.Translations, 0x080404b0) {
		t.Errorf("Translation %x, want 0804 04b0", vi.Translations)
	}
	t.Logf("version information: %v, %q", vi.FileVersion, table)
}

func TestWindowsIcon(t *testing.T) {
	rs := exeResources(t)
	groups := ofType(rs, rtGroupIcon)
	if len(groups) != 1 {
		t.Fatalf("%d icon groups, want 1: %v", len(groups), names(groups))
	}
	entries, err := parseGroupIcon(groups[0].Data)
	if err != nil {
		t.Fatal(err)
	}
	icons := map[string][]byte{}
	for _, r := range ofType(rs, rtIcon) {
		icons[r.Name] = r.Data
	}
	sizes := map[int]image.Image{}
	for _, e := range entries {
		data, ok := icons["#"+strconv.Itoa(int(e.ID))]
		if !ok {
			t.Errorf("icon group names RT_ICON #%d, which is missing", e.ID)
			continue
		}
		if len(data) != e.Bytes || !isIconImage(data) {
			t.Errorf("icon #%d: %d bytes (group says %d), PNG or DIB: %v", e.ID, len(data), e.Bytes, isIconImage(data))
			continue
		}
		if bytes.HasPrefix(data, pngSignature) {
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Errorf("icon #%d: %v", e.ID, err)
				continue
			}
			if b := img.Bounds(); b.Dx() != e.Width || b.Dy() != e.Height {
				t.Errorf("icon #%d is %v, group says %d×%d", e.ID, b, e.Width, e.Height)
			}
			sizes[e.Width] = img
		}
	}
	for _, s := range []int{16, 24, 32, 48, 256} {
		if sizes[s] == nil {
			t.Errorf("no %d×%d icon image", s, s)
		}
	}
	t.Logf("icon group %s: %d images", groups[0].Name, len(entries))

	// The large image is the project's icon, not a placeholder.
	m := loadToml(t)
	src := filepath.Join(filepath.Dir(tomlPath), m.Details.Icon)
	if m.Details.Icon == "" || sizes[256] == nil {
		return
	}
	fh, err := os.Open(src)
	if err != nil {
		t.Logf("%s absent: the .exe has the drawn stand-in icon", src)
		return
	}
	defer fh.Close()
	orig, err := png.Decode(fh)
	if err != nil {
		t.Fatal(err)
	}
	if d := meanDiff(scale(orig, 256), sizes[256]); d > 6 {
		t.Errorf("the 256×256 icon differs from %s by %.1f per channel on average", src, d)
	}
}

func TestWindowsManifest(t *testing.T) {
	rs := exeResources(t)
	ms := ofType(rs, rtManifest)
	if len(ms) != 1 || ms[0].Name != "#1" {
		t.Fatalf("RT_MANIFEST %v, want one with ID 1 (CREATEPROCESS_MANIFEST_RESOURCE_ID)", names(ms))
	}
	got := manifestValues(t, ms[0].Data)
	for key, want := range map[string]string{
		"activeCodePage":          "UTF-8",
		"dpiAware":                "true/pm",
		"dpiAwareness":            "PerMonitorV2, PerMonitor",
		"requestedExecutionLevel": "asInvoker",
		"dependentAssembly":       "Microsoft.Windows.Common-Controls 6.0.0.0",
	} {
		if got[key] != want {
			t.Errorf("manifest %s = %q, want %q", key, got[key], want)
		}
	}
}

// manifestValues reads the manifest settings checked: element text, or for
// requestedExecutionLevel its level and for dependentAssembly the name and version.
func manifestValues(t *testing.T, data []byte) map[string]string {
	t.Helper()
	out := map[string]string{}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []string
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				return out
			}
			t.Fatalf("manifest is not XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			stack = append(stack, e.Name.Local)
			attr := func(n string) string {
				for _, a := range e.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch e.Name.Local {
			case "requestedExecutionLevel":
				out[e.Name.Local] = attr("level")
			case "assemblyIdentity":
				if slices.Contains(stack, "dependentAssembly") {
					out["dependentAssembly"] = attr("name") + " " + attr("version")
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if s := strings.TrimSpace(string(e)); s != "" && len(stack) > 0 {
				out[stack[len(stack)-1]] = s
			}
		}
	}
}

func names(rs []resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Name+"/"+strconv.Itoa(int(r.Lang)))
	}
	return out
}

func scale(img image.Image, size int) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, img.Bounds(), draw.Src, nil)
	return dst
}

// meanDiff is the mean absolute difference of two same-size images' premultiplied 8-bit
// channels.
func meanDiff(a, b image.Image) float64 {
	r := a.Bounds()
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			r1, g1, b1, a1 := a.At(x, y).RGBA()
			r2, g2, b2, a2 := b.At(x-r.Min.X+b.Bounds().Min.X, y-r.Min.Y+b.Bounds().Min.Y).RGBA()
			for _, d := range [][2]uint32{{r1, r2}, {g1, g2}, {b1, b2}, {a1, a2}} {
				diff := float64(d[0]>>8) - float64(d[1]>>8)
				if diff < 0 {
					diff = -diff
				}
				sum += diff
				n++
			}
		}
	}
	return sum / n
}
