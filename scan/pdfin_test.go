package scan

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"testing"

	"github.com/signintech/gopdf"

	"shenbao/photo"
)

// scannerPDF puts pictures into a PDF as a scanning app does: one picture filling each A4 page.
func scannerPDF(t testing.TB, pics [][]byte) []byte {
	t.Helper()
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	for _, p := range pics {
		h, err := gopdf.ImageHolderByBytes(p)
		if err != nil {
			t.Fatal(err)
		}
		pdf.AddPage()
		if err := pdf.ImageByHolder(h, 0, 0, &gopdf.Rect{W: gopdf.PageSizeA4.W, H: gopdf.PageSizeA4.H}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// scannerShot is a flatbed scan: nearly straight, even light, the white lid around the paper.
func scannerShot(rng *rand.Rand) shot {
	return shot{W: 1240, H: 1754, Rotate: rng.Float64()*4 - 2, Persp: 0.002, Fill: 0.985, Light: 0.04,
		Noise: 2, Quality: 85, Desk: color.NRGBA{235, 235, 235, 255}, Paper: [3]float64{0.93, 0.93, 0.9}}
}

// TestScannerPDF reads a scanning app's PDF with JPEG pages and a PNG (Flate, predictor) page,
// out of order, and gets the pages back in order with the table in place.
func TestScannerPDF(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 3))
	pages := sealed(t, []Opinion{Opinion(0), Opinion(1)}, rng)
	e := engine(t)
	order := []int{8, 0, 7, 1}
	var pics [][]byte
	var truths []homography
	for k, i := range order {
		data, truth := photograph(pages[i], scannerShot(rng), rng)
		if k == 1 { // the second as PNG: gopdf stores it Flate-compressed with PNG predictors
			var buf bytes.Buffer
			if err := png.Encode(&buf, toNRGBA(decodeJPEG(t, data))); err != nil {
				t.Fatal(err)
			}
			data = buf.Bytes()
		}
		pics = append(pics, data)
		truths = append(truths, truth)
	}
	doc := scannerPDF(t, pics)
	for _, f := range []string{"/DCTDecode", "/FlateDecode", "/Predictor"} {
		if !bytes.Contains(doc, []byte(f)) {
			t.Fatalf("the test PDF has no %s picture", f)
		}
	}
	var sts []*Straight
	err := Pictures("扫描.pdf", doc, func(source string, img image.Image) error {
		sts = append(sts, e.Straighten(source, img))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != len(order) {
		t.Fatalf("%d pictures read, want %d", len(sts), len(order))
	}
	for k, st := range sts {
		if st.Page != order[k] {
			t.Errorf("%s: page %d, want %d", st.Source, st.Page+1, order[k]+1)
			continue
		}
		te := tableError(st, e.pages[st.Page], truths[k])
		t.Logf("%s: page %d, table error %.2f mm, fine %.3f", st.Source, st.Page+1, te, st.Fine)
		if te > 1 {
			t.Errorf("%s: table %.2f mm off", st.Source, te)
		}
	}
	r := e.Assemble(sts)
	if r.Pages[0] == nil || r.Pages[0].Source != "扫描.pdf 第2页" || r.Pages[8] == nil || r.Pages[8].Source != "扫描.pdf 第1页" {
		t.Errorf("pages not put in the form's order")
	}
}

func TestPDFRefusals(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"no pictures", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), ErrPDFNoPicture},
		{"encrypted", []byte("%PDF-1.4\ntrailer << /Encrypt 5 0 R >>\n%%EOF"), ErrPDFEncrypted},
		{"JBIG2", []byte("%PDF-1.4\n4 0 obj << /Type /XObject /Subtype /Image /Width 2000 /Height 2800 /BitsPerComponent 1 /Filter /JBIG2Decode /Length 3 >>\nstream\nabc\nendstream endobj\n%%EOF"), ErrPDFPicture},
		{"too many pixels", []byte("%PDF-1.4\n4 0 obj << /Subtype /Image /Width 8000 /Height 8000 /BitsPerComponent 8 /Filter /FlateDecode /Length 3 >>\nstream\nabc\nendstream endobj\n%%EOF"), photo.ErrTooLarge},
		{"flate garbage", []byte("%PDF-1.4\n4 0 obj << /Subtype /Image /Width 2000 /Height 2800 /BitsPerComponent 8 /Filter /FlateDecode /Length 3 >>\nstream\nabc\nendstream endobj\n%%EOF"), ErrPDFPicture},
	}
	for _, tc := range tests {
		err := Pictures("x.pdf", tc.data, func(string, image.Image) error { return nil })
		if !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
}

// FuzzPictures: no PDF or picture makes the reader panic or hang.
func FuzzPictures(f *testing.F) {
	f.Add([]byte("%PDF-1.4\n4 0 obj << /Subtype /Image /Width 600 /Height 600 /BitsPerComponent 8 /Filter /FlateDecode /DecodeParms << /Predictor 15 /Columns 600 >> /Length 3 >>\nstream\nabc\nendstream endobj"))
	f.Add([]byte("%PDF-1.7\n1 0 obj <</Length 2 0 R /Subtype/Image/Filter[/FlateDecode/DCTDecode]/Width 900/Height 900>>stream\r\n\x78\x9c\x03\x00\x00\x00\x00\x01endstream"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_ = Pictures("f", data, func(string, image.Image) error { return nil })
	})
}
