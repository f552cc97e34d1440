package readback

import (
	"archive/zip"
	"bytes"
	"errors"
	"image"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/docx"
	"shenbao/render/pdf"
)

// exportDOCX and exportPDF write d as the export does.
func exportDOCX(t testing.TB, d *forms.Draft) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := docx.Write(&b, d, docx.Options{Creator: "test"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func exportPDF(t testing.TB, d *forms.Draft) []byte {
	t.Helper()
	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, pages, pdf.Info{Title: forms.Default().Title, Created: time.Unix(0, 0), Draft: d.Marshal()}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeTemp(t testing.TB, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func testDrafts(t testing.TB) map[string]*forms.Draft {
	special := forms.Sample(forms.Default())
	special.Set("plan", "<&>\"]]>\uFFFE\uFFFF\u0007\u2028 𠮷😀 end")
	special.Set("host.name", "覃 <b>晓岚</b>")
	out := map[string]*forms.Draft{"sample": forms.Sample(forms.Default()), "blank": forms.New(forms.Default()), "special": special}
	for _, n := range []string{"longest", "short-lines", "emoji"} {
		d, err := forms.Load(filepath.Join("..", "render", "testdata", "drafts", n+".json"))
		if err != nil {
			t.Fatal(err)
		}
		out[n] = d
	}
	return out
}

// TestOurFiles: our .docx and PDF give back the very draft they were made from, byte for
// byte once saved, with no change reported.
func TestOurFiles(t *testing.T) {
	for name, d := range testDrafts(t) {
		want := string(d.Marshal())
		for _, f := range []struct {
			ext  string
			data []byte
			kind Kind
		}{{".docx", exportDOCX(t, d), OurDOCX}, {".pdf", exportPDF(t, d), OurPDF}} {
			r, err := Open(writeTemp(t, "x"+f.ext, f.data))
			if err != nil {
				t.Fatalf("%s%s: %v", name, f.ext, err)
			}
			if r.Kind != f.kind {
				t.Errorf("%s%s: kind %v, want %v", name, f.ext, r.Kind, f.kind)
			}
			if got := string(r.Draft.Marshal()); got != want {
				t.Errorf("%s%s: draft differs from the exported one", name, f.ext)
			}
			if len(r.Changes) > 0 {
				t.Errorf("%s%s: changes reported in an unedited file: %+v", name, f.ext, r.Changes)
			}
		}
	}
}

// withoutDraft removes the carried draft from a .docx: what is left is read by its labels.
func withoutDraft(t testing.TB, data []byte) []byte {
	return rezip(t, data, func(name string, b []byte) ([]byte, bool) {
		return b, !strings.HasPrefix(name, "customXml/")
	})
}

// rezip rewrites a package entry by entry; edit returns the new bytes and whether to keep it.
func rezip(t testing.TB, data []byte, edit func(name string, b []byte) ([]byte, bool)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		b, keep := edit(f.Name, b)
		if !keep {
			continue
		}
		w, _ := zw.Create(f.Name)
		w.Write(b)
	}
	zw.Close()
	return out.Bytes()
}

// TestCellsOfOurDOCX: the label reader alone finds every value our .docx prints, in its field.
func TestCellsOfOurDOCX(t *testing.T) {
	for name, d := range testDrafts(t) {
		if name == "blank" {
			continue
		}
		r, err := ReadDOCX(withoutDraft(t, exportDOCX(t, d)))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if r.Kind != FilledDOCX {
			t.Errorf("%s: kind %v", name, r.Kind)
		}
		compareDrafts(t, name, d, r.Draft)
	}
}

// compareDrafts checks that got holds what want prints, field by field, the filled table rows
// in order.
func compareDrafts(t *testing.T, name string, want, got *forms.Draft) {
	t.Helper()
	for _, b := range forms.Default().Blocks {
		switch b.Kind {
		case forms.FieldsBlock, forms.TextBlock:
			for _, f := range b.Fields {
				if f.Kind == forms.Picture {
					continue
				}
				p := forms.Path(b, f, 0)
				if !samePrinted(f, got.Get(p), want.Get(p)) {
					t.Errorf("%s: %s = %q, want %q", name, p, short(got.Get(p)), short(want.Get(p)))
				}
			}
		case forms.TableBlock:
			wr, gr := want.FilledRows(b), got.FilledRows(b)
			if len(wr) != len(gr) {
				t.Errorf("%s: %s has %d rows, want %d", name, b.Key, len(gr), len(wr))
				continue
			}
			for i := range wr {
				for _, f := range b.Fields {
					w, g := want.Value(b, f, wr[i]), got.Value(b, f, gr[i])
					if !samePrinted(f, g, w) {
						t.Errorf("%s: %s row %d %s = %q, want %q", name, b.Key, i+1, f.Key, g, w)
					}
				}
			}
		}
	}
}

// TestEditedDOCX: cells changed in Word win over the carried draft, and are reported.
func TestEditedDOCX(t *testing.T) {
	d := forms.Sample(forms.Default())
	data := rezip(t, exportDOCX(t, d), func(name string, b []byte) ([]byte, bool) {
		if name == "word/document.xml" {
			b = bytes.Replace(b, []byte(d.Get("host.phone")), []byte("13907720001"), 1)
			b = bytes.Replace(b, []byte(d.Get("members[2].name")), []byte("韦小明"), 1)
		}
		return b, true
	})
	r, err := ReadDOCX(data)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, c := range r.Changes {
		got[c.Path] = c.Word
	}
	want := map[string]string{"host.phone": "13907720001", "members[2].name": "韦小明"}
	if len(got) != len(want) {
		t.Errorf("changes %+v, want %v", r.Changes, want)
	}
	for p, v := range want {
		if got[p] != v || r.Draft.Get(p) != v {
			t.Errorf("%s: change %q, draft %q, want %q", p, got[p], r.Draft.Get(p), v)
		}
	}
	if r.Draft.Photo == nil || r.Draft.Photo.Data != d.Photo.Data {
		t.Error("the carried photo was lost")
	}
}

// TestRefused: files with no form in them say what they are.
func TestRefused(t *testing.T) {
	var zipNoForm bytes.Buffer
	zw := zip.NewWriter(&zipNoForm)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="` + nsMain + `"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	zw.Close()
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"letter.docx", zipNoForm.Bytes(), ErrNoFormDOCX},
		{"old.doc", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), ErrOldDoc},
		{"cut.docx", []byte("PK\x03\x04 not really"), ErrBadDOCX},
		{"text.pdf", textPDF(t), ErrNoFormPDF},
		{"scan.pdf", scannedPDF(t), ErrScan},
		{"notpdf.pdf", []byte("hello"), ErrNoFormPDF},
		{"empty.docx", nil, ErrBadDOCX},
		{"empty.pdf", nil, ErrNoFormPDF},
		{"draft.json", []byte(`{"format":"other"}`), forms.ErrNotDraft},
	}
	for _, tt := range tests {
		_, err := Open(writeTemp(t, tt.name, tt.data))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
		if Message(err) == "" || strings.Contains(Message(err), "open ") {
			t.Errorf("%s: message %q", tt.name, Message(err))
		}
	}
}

// textPDF is a PDF with text and no draft; scanPDF one with only a picture, as a scanner makes.
func textPDF(t testing.TB) []byte {
	pages, err := render.Layout(forms.Sample(forms.Default()), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, pages[:1], pdf.Info{Title: "x"}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func scannedPDF(t testing.TB) []byte {
	p, err := forms.PhotoBytes(forms.Sample(forms.Default()).Photo)
	if err != nil {
		t.Fatal(err)
	}
	img := &render.Image{Data: p, Format: "jpeg", Width: 295, Height: 413, Crop: image.Rect(0, 0, 295, 413)}
	page := render.Page{Width: 595, Height: 842, Boxes: []render.Box{{Kind: render.ImageBox, X: 0, Y: 0, W: 595, H: 833, Image: img}}}
	var b bytes.Buffer
	if err := pdf.Write(&b, []render.Page{page}, pdf.Info{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestAround(t *testing.T) {
	long := strings.Repeat("甲", 50) + "乙" + strings.Repeat("丙", 50)
	tests := []struct{ a, b, wantA, wantB string }{
		{"13877215630", "13907720001", "13877215630", "13907720001"},
		{long, strings.Replace(long, "乙", "丁丁", 1), "…甲甲甲甲甲甲甲甲乙丙丙丙丙丙丙丙丙…", "…甲甲甲甲甲甲甲甲丁丁丙丙丙丙丙丙丙丙…"},
	}
	for _, tt := range tests {
		if a, b := around(tt.a, tt.b); a != tt.wantA || b != tt.wantB {
			t.Errorf("around: %q, %q; want %q, %q", a, b, tt.wantA, tt.wantB)
		}
	}
}
