package formimport

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
)

// The importer takes templates from anywhere: whatever the bytes of document.xml, it ends in
// bounded time, never panics, and what it returns always loads (it never writes a definition
// the program refuses). Seeds: the fixtures' document.xml (the zip's checksums would stop the
// fuzzer's changes reaching the XML) and the district's form.
func FuzzImport(f *testing.F) {
	for _, name := range append(append(append(append([]string{}, mbzrTemplates...), jxzcTemplates...), bureauTemplates...), "figures.docx", "letter.docx", "notice.docx") {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(documentOf(f, data))
	}
	f.Add(districtForm())
	f.Fuzz(func(t *testing.T, doc []byte) {
		res, err := fromDocument(doc, "模板.docx")
		if errors.Is(err, ErrBadImport) {
			t.Fatalf("made a definition that does not load: %v", err)
		}
		if err != nil {
			if Message(err) == "" {
				t.Fatalf("an error without a message: %v", err)
			}
			return
		}
		if _, err := forms.ParseDefinition(res.TOML, "模板.toml"); err != nil {
			t.Fatal(err)
		}
	})
}

func documentOf(f testing.TB, data []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range zr.File {
		if e.Name == "word/document.xml" {
			rc, err := e.Open()
			if err != nil {
				f.Fatal(err)
			}
			doc, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				f.Fatal(err)
			}
			return doc
		}
	}
	f.Fatal("no word/document.xml")
	return nil
}
