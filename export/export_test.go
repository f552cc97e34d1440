package export

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/render"
)

func TestName(t *testing.T) {
	tests := []struct {
		unit, name, want string
	}{
		{"柳州市第二十九中学", "覃晓岚", "柳州市名班主任工作室申报表-柳州市第二十九中学-覃晓岚"},
		{"", "", "柳州市名班主任工作室申报表-未填写-未填写"},
		{"  ", "\t", "柳州市名班主任工作室申报表-未填写-未填写"},
		{`a<b>c:d"e/f\g|h?i*j`, "王\n五", "柳州市名班主任工作室申报表-a_b_c_d_e_f_g_h_i_j-王 五"},
		{"...", " 李四. ", "柳州市名班主任工作室申报表-未填写-李四"},
		{strings.Repeat("长", 60), "张三", "柳州市名班主任工作室申报表-" + strings.Repeat("长", 40) + "-张三"},
		// Both long: 60 bytes each would pass Windows but not the 255 bytes of Linux and macOS.
		{strings.Repeat("柳州市", 20), strings.Repeat("欧阳", 20), "柳州市名班主任工作室申报表-" + strings.Repeat("柳州市", 10) + "-" + strings.Repeat("欧阳", 15)},
	}
	for _, tt := range tests {
		d := forms.New(forms.Default())
		d.Set("host.unit", tt.unit)
		d.Set("host.name", tt.name)
		got := Name(d)
		if got != tt.want {
			t.Errorf("Name(%q, %q) = %q, want %q", tt.unit, tt.name, got, tt.want)
		}
		if n := len(got + ".docx"); n > 255-16 {
			t.Errorf("Name(%q, %q) is %d bytes with .docx: no room for the temporary file's suffix under 255", tt.unit, tt.name, n)
		}
	}
}

// TestScanName: the scanned PDF is Name's stem with （盖章扫描件）, and still fits 255 bytes
// (with WriteFile's temporary suffix) when 工作单位 and 姓名 are both long.
func TestScanName(t *testing.T) {
	tests := []struct{ unit, name, want string }{
		{"柳州市第二十九中学", "覃晓岚", "柳州市名班主任工作室申报表-柳州市第二十九中学-覃晓岚（盖章扫描件）.pdf"},
		{"", "", "柳州市名班主任工作室申报表-未填写-未填写（盖章扫描件）.pdf"},
		{strings.Repeat("柳州市", 20), strings.Repeat("欧阳", 20), ""},
	}
	for _, tt := range tests {
		d := forms.New(forms.Default())
		d.Set("host.unit", tt.unit)
		d.Set("host.name", tt.name)
		got := ScanName(d)
		if tt.want != "" && got != tt.want {
			t.Errorf("ScanName(%q, %q) = %q, want %q", tt.unit, tt.name, got, tt.want)
		}
		if !strings.HasPrefix(got, "柳州市名班主任工作室申报表-") || !strings.HasSuffix(got, ScanSuffix+".pdf") {
			t.Errorf("ScanName = %q", got)
		}
		if n := len(got); n > 255-16 {
			t.Errorf("ScanName(%q, %q) is %d bytes: no room for the temporary file's suffix under 255", tt.unit, tt.name, n)
		}
	}
}

func TestNeedsDraft(t *testing.T) {
	bad := forms.Sample(forms.Default())
	bad.Set("host.years", "3")
	for _, tt := range []struct {
		name string
		d    *forms.Draft
		want bool
	}{
		{"sample", forms.Sample(forms.Default()), false},
		{"blank form", forms.New(forms.Default()), false},
		{"errors", bad, true},
	} {
		if got := NeedsDraft(tt.d, forms.Check(tt.d, photo.StoredSize)); got != tt.want {
			t.Errorf("%s: NeedsDraft = %v", tt.name, got)
		}
	}
}

// Write writes a .docx that is a zip with the Word document and a PDF that pdftotext reads,
// named by Paths; with Draft the PDF carries the mark.
func TestWrite(t *testing.T) {
	for _, draft := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "新建 文件夹")
		d := forms.Sample(forms.Default())
		paths, err := Write(d, dir, Options{Draft: draft, Creator: "shenbao test", Now: time.Date(2024, 7, 10, 9, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		want := Paths(d, dir)
		if len(paths) != 2 || paths[0] != want[0] || paths[1] != want[1] ||
			!strings.HasSuffix(paths[0], "-柳州市第二十九中学-覃晓岚.docx") || !strings.HasSuffix(paths[1], ".pdf") {
			t.Fatalf("paths %q, want %q", paths, want)
		}
		z, err := zip.OpenReader(paths[0])
		if err != nil {
			t.Fatalf("docx: %v", err)
		}
		found := false
		for _, f := range z.File {
			found = found || f.Name == "word/document.xml"
		}
		z.Close()
		if !found {
			t.Error("docx has no word/document.xml")
		}
		if _, err := exec.LookPath("pdftotext"); err == nil {
			out, err := exec.Command("pdftotext", "-raw", paths[1], "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			txt := strings.Join(strings.Fields(string(out)), "")
			if !strings.Contains(txt, "覃晓岚") || strings.Contains(txt, render.DraftMark) != draft {
				t.Errorf("draft=%v: PDF text %.80q…", draft, txt)
			}
		}
	}
}

func TestWriteIntoAFileFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(forms.Sample(forms.Default()), file, Options{}); err == nil {
		t.Error("exported into a file")
	}
}

// TestDocxReproducible: exporting the same draft twice, at different times, gives a
// byte-identical .docx (issue 6: fixed zip times, stable order).
func TestDocxReproducible(t *testing.T) {
	var docs [][]byte
	for i, now := range []time.Time{time.Date(2024, 7, 10, 9, 0, 0, 0, time.UTC), time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)} {
		dir := filepath.Join(t.TempDir(), fmt.Sprint(i))
		paths, err := Write(forms.Sample(forms.Default()), dir, Options{Creator: "shenbao test", Now: now})
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(paths[0])
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, b)
	}
	if !bytes.Equal(docs[0], docs[1]) {
		t.Error("two exports of the same draft gave different .docx files")
	}
}

// TestWriteRefusesADraftItCannotCarry: a draft another program wrote compact, just under the
// loader's 20 MB with a key of its own, loads, but grows past the limit when the .docx and the
// PDF embed it re-indented; they would not read back, so nothing is written.
func TestWriteRefusesADraftItCannotCarry(t *testing.T) {
	compact, err := json.Marshal(json.RawMessage(forms.Sample(forms.Default()).Marshal()))
	if err != nil {
		t.Fatal(err)
	}
	pad := forms.MaxFileSize - len(compact) - 64
	big := append(compact[:len(compact)-1], []byte(`,"x-other":"`+strings.Repeat("a", pad)+`"}`)...)
	d, err := forms.Parse(big)
	if err != nil {
		t.Fatalf("the compact draft (%d bytes) does not load: %v", len(big), err)
	}
	dir := filepath.Join(t.TempDir(), "out")
	if _, err := Write(d, dir, Options{}); !errors.Is(err, forms.ErrDraftTooLarge) {
		t.Errorf("Write: err = %v, want ErrDraftTooLarge", err)
	}
	if _, err := WriteWord(d, dir, Options{}); !errors.Is(err, forms.ErrDraftTooLarge) {
		t.Errorf("WriteWord: err = %v, want ErrDraftTooLarge", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the folder was made: %v", err)
	}
}
