package readback

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// zipOf makes a package of the given entries, deflated.
func zipOf(t *testing.T, entries map[string][]byte, extra int) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range entries {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	for i := 0; i < extra; i++ {
		zw.Create(fmt.Sprintf("x/%d", i))
	}
	zw.Close()
	return b.Bytes()
}

// TestBounds: what would take unbounded memory or time is refused as too complex, quickly.
func TestBounds(t *testing.T) {
	doc := func(body string) []byte {
		return []byte(`<w:document xmlns:w="` + nsMain + `"><w:body>` + body + `</w:body></w:document>`)
	}
	bomb := bytes.Repeat([]byte(" "), maxPartBytes+10) // inflates from ~33 KB
	tests := []struct {
		name string
		read func() error
	}{
		{"a document.xml inflating past the limit", func() error {
			_, err := ReadDOCX(zipOf(t, map[string][]byte{"word/document.xml": bomb}, 0))
			return err
		}},
		{"too many entries", func() error {
			_, err := ReadDOCX(zipOf(t, map[string][]byte{"word/document.xml": doc("")}, maxZipEntries))
			return err
		}},
		{"nesting past the depth", func() error {
			_, err := tableRows(doc(strings.Repeat("<w:sdt>", maxDepth+1)))
			return err
		}},
		{"too many cells", func() error {
			_, err := tableRows(doc("<w:tbl><w:tr>" + strings.Repeat("<w:tc/>", maxCells+1) + "</w:tr></w:tbl>"))
			return err
		}},
		{"too many rows", func() error {
			_, err := tableRows(doc("<w:tbl>" + strings.Repeat("<w:tr/>", maxRows+1) + "</w:tbl>"))
			return err
		}},
		{"too many PDF objects", func() error {
			_, err := ReadPDF([]byte("%PDF-1.4\n" + strings.Repeat("1 0 obj\nnull\nendobj\n", maxPDFObjects+1)))
			return err
		}},
	}
	for _, tt := range tests {
		if err := tt.read(); !errors.Is(err, ErrTooComplex) {
			t.Errorf("%s: %v, want ErrTooComplex", tt.name, err)
		}
	}
}

// TestCustomPartBomb: a custom XML part inflating past the limit is passed over (never read
// whole), and the cells are read as usual.
func TestCustomPartBomb(t *testing.T) {
	bomb := bytes.Repeat([]byte(" "), maxPartBytes+10)
	_, err := ReadDOCX(zipOf(t, map[string][]byte{"customXml/item1.xml": bomb, "word/document.xml": []byte("<x/>")}, 0))
	if !errors.Is(err, ErrNoFormDOCX) {
		t.Errorf("%v, want ErrNoFormDOCX", err)
	}
}

// TestPDFStreamBound: an embedded file inflating past a draft's size is not inflated whole.
func TestPDFStreamBound(t *testing.T) {
	var z bytes.Buffer
	zw, _ := zlibWriter(&z)
	zw.Write(bytes.Repeat([]byte("{"), 21<<20))
	zw.Close()
	pdf := fmt.Sprintf("%%PDF-1.4\n1 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length %d >>\nstream\n", z.Len())
	data := append(append([]byte(pdf), z.Bytes()...), []byte("\nendstream\nendobj\n")...)
	if _, err := ReadPDF(data); !errors.Is(err, ErrNoFormPDF) {
		t.Errorf("%v, want ErrNoFormPDF", err)
	}
}

func zlibWriter(b *bytes.Buffer) (*zlib.Writer, error) { return zlib.NewWriterLevel(b, zlib.BestSpeed) }
