package readback

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
)

// Benchmarks of reading what a summary reads by the dozen: our .docx (carried draft and cells),
// the hand-filled form, our PDF, and a 40 MB scan-like PDF (pictures only) that must only be
// walked, never decoded.

func BenchmarkReadOurDOCX(b *testing.B) {
	data := exportDOCX(b, forms.Sample(forms.Default()))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadDOCX(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadHandFilled(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "template-beside.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadDOCX(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadOurPDF(b *testing.B) {
	data := exportPDF(b, forms.Sample(forms.Default()))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadPDF(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadScan40MB(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.4\n")
	rnd := rand.New(rand.NewSource(1))
	page := make([]byte, 4<<20)
	for i := 1; i <= 10; i++ {
		rnd.Read(page)
		fmt.Fprintf(&buf, "%d 0 obj\n<< /Type /XObject /Subtype /Image /Width 2480 /Height 3508 /Filter /DCTDecode /Length %d >>\nstream\n", 2*i, len(page))
		buf.Write(page)
		fmt.Fprintf(&buf, "\nendstream\nendobj\n%d 0 obj\n<< /Length 30 >>\nstream\nq 595 0 0 842 0 0 cm /Im0 Do Q\nendstream\nendobj\n", 2*i+1)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadPDF(data); err != ErrScan {
			b.Fatal(err)
		}
	}
}
