package pdf

import (
	"bytes"
	"os"
	"regexp"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// The catalog asks for printing at actual size, one-sided, and names the language; qpdf
// finds the file sound, with and without the attached draft, and the info kept.
func TestCatalogExtras(t *testing.T) {
	pages, err := render.Layout(forms.Sample(forms.Default()), render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, draft := range [][]byte{nil, []byte(`{"format":"liuzhou-mbzr-shenbao","version":1}`)} {
		var buf bytes.Buffer
		if err := Write(&buf, pages, Info{Title: forms.Default().Title, Draft: draft}); err != nil {
			t.Fatal(err)
		}
		path := t.TempDir() + "/f.pdf"
		writeFile(t, path, buf.Bytes())
		tool(t, "qpdf", "--check", path)
		trailer := tool(t, "qpdf", "--show-object=trailer", path)
		root := regexp.MustCompile(`/Root (\d+) 0 R`).FindStringSubmatch(trailer)
		if root == nil {
			t.Fatalf("no /Root in %s", trailer)
		}
		catalog := tool(t, "qpdf", "--show-object="+root[1], path)
		for _, want := range []string{"/Lang (zh-CN)", "/PrintScaling /None", "/Duplex /Simplex", "/Pages 2 0 R"} {
			if !bytes.Contains([]byte(catalog), []byte(want)) {
				t.Errorf("draft %v: catalog lacks %s: %s", draft != nil, want, catalog)
			}
		}
		if (draft != nil) != bytes.Contains([]byte(catalog), []byte("/EmbeddedFiles")) {
			t.Errorf("draft %v: catalog %s", draft != nil, catalog)
		}
	}
	if _, err := extendCatalog([]byte("%PDF-1.4\nnot gopdf's")); err == nil {
		t.Error("a PDF not as gopdf writes it was extended")
	}
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
