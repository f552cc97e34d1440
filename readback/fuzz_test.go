package readback

import (
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
)

// The readers take files from anywhere: they must never panic, and must end in bounded time
// and memory whatever the bytes. Seeds: our files, LibreOffice's, the hand-filled form.

func FuzzReadDOCX(f *testing.F) {
	for _, n := range []string{"ours.docx", "lo-resaved.docx", "template-beside.docx", "template-below.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", n))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadDOCX(data)
		if err == nil && r.Draft == nil {
			t.Fatal("no error and no draft")
		}
	})
}

// FuzzTableRows works on document.xml itself, where the zip's checksums do not stop the
// fuzzer's changes from reaching the XML.
func FuzzTableRows(f *testing.F) {
	f.Add([]byte(`<w:document xmlns:w="` + nsMain + `"><w:body><w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>主持人</w:t><w:br/><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>覃晓岚</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		_, _ = ParseBody(doc)
		rows, err := tableRows(doc)
		if err != nil {
			return
		}
		c := bestCells(rows)
		_ = c.missing()
		if c.isForm() {
			_ = c.draft()
		}
		_, _ = merge(forms.Sample(forms.Default()), c)
	})
}

func FuzzReadPDF(f *testing.F) {
	f.Add(exportPDF(f, forms.Sample(forms.Default())))
	f.Add(scannedPDF(f))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<< /Type /EmbeddedFile /Filter /FlateDecode /Length 3 >>\nstream\nabc\nendstream\nendobj\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ReadPDF(data)
		if err == nil && r.Draft == nil {
			t.Fatal("no error and no draft")
		}
	})
}
