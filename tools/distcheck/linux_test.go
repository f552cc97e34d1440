package distcheck

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"debug/elf"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/cli"
)

const tarPath = "../../dist/shenbao-linux-amd64.tar.gz"

// readTarball returns the tarball's regular files by name, and their headers.
func readTarball(t *testing.T) (map[string][]byte, map[string]*tar.Header) {
	t.Helper()
	f, err := os.Open(tarPath)
	if err != nil {
		t.Skipf("%s is not built: run `make linux` first", tarPath)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	files, headers := map[string][]byte{}, map[string]*tar.Header{}
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, headers
		}
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(h.Name, "/") || strings.Contains(h.Name, "..") {
			t.Errorf("unsafe path %q in the tarball", h.Name)
		}
		headers[h.Name] = h
		if h.Typeflag == tar.TypeReg {
			data, err := io.ReadAll(tr)
			if err != nil {
				t.Fatal(err)
			}
			files[h.Name] = data
		}
	}
}

func TestLinuxTarball(t *testing.T) {
	files, headers := readTarball(t)
	id := loadToml(t).Details.ID
	want := []string{
		"bin/shenbao",
		"share/applications/" + id + ".desktop",
		"share/icons/hicolor/256x256/apps/" + id + ".png",
	}
	if len(files) != len(want) {
		var got []string
		for n := range files {
			got = append(got, n)
		}
		t.Errorf("files %v, want %v", got, want)
	}
	for _, n := range want {
		if files[n] == nil {
			t.Fatalf("%s missing from the tarball", n)
		}
		if h := headers[n]; h.Uid != 0 || h.Gid != 0 {
			t.Errorf("%s owned by %d:%d, want root", n, h.Uid, h.Gid)
		}
	}

	bin := files[want[0]]
	if headers[want[0]].Mode&0o111 == 0 {
		t.Errorf("bin/shenbao not executable: %o", headers[want[0]].Mode)
	}
	e, err := elf.NewFile(bytes.NewReader(bin))
	if err != nil || e.Machine != elf.EM_X86_64 || e.Type != elf.ET_EXEC && e.Type != elf.ET_DYN {
		t.Errorf("bin/shenbao is not an x86-64 program: %v", err)
	}

	entry := desktopKeys(t, string(files[want[1]]))
	for k, v := range map[string]string{
		"Type": "Application", "Name": "柳州市名班主任工作室申报表", "Icon": id, "Terminal": "false",
	} {
		if entry[k] != v {
			t.Errorf("desktop %s = %q, want %q", k, entry[k], v)
		}
	}
	if !strings.HasPrefix(entry["Exec"], "shenbao ") || !strings.Contains(entry["Categories"], "Office;") {
		t.Errorf("desktop Exec %q, Categories %q", entry["Exec"], entry["Categories"])
	}

	img, err := png.Decode(bytes.NewReader(files[want[2]]))
	if err != nil || img.Bounds().Dx() != 256 || img.Bounds().Dy() != 256 {
		t.Errorf("icon: %v", err)
	}

	// The packaged program runs and says the same version as the source.
	exe := filepath.Join(t.TempDir(), "shenbao")
	if err := os.WriteFile(exe, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(exe, "version").Output()
	if err != nil || strings.TrimSpace(string(out)) != "shenbao "+cli.Version {
		t.Errorf("shenbao version: %q, %v", out, err)
	}
}

// desktopKeys reads the [Desktop Entry] group of a desktop file.
func desktopKeys(t *testing.T, s string) map[string]string {
	t.Helper()
	lines := strings.Split(s, "\n")
	if lines[0] != "[Desktop Entry]" {
		t.Fatalf("desktop file starts %q", lines[0])
	}
	out := map[string]string{}
	for _, l := range lines[1:] {
		if strings.HasPrefix(l, "[") {
			break
		}
		if k, v, ok := strings.Cut(l, "="); ok {
			out[k] = v
		}
	}
	return out
}
