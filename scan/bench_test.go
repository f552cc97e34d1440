package scan

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"shenbao/photo"
)

// BenchmarkTenPhotos straightens ten 12-MP phone photos (4000×3000 JPEG) of the sample's pages,
// decoding included, as `shenbao scans` does: the issue asks for at most 10 s.
func BenchmarkTenPhotos(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	pages := sealed(b, []Opinion{School, County}, rng)
	e := engine(b)
	var photos [][]byte
	for i := range 10 {
		data, _ := photograph(pages[i%len(pages)], randomShot(rng, 3000, 4000), rng)
		photos = append(photos, data)
		if debugDir != "" { // the photos, for timing `shenbao scans` on them
			if err := os.WriteFile(filepath.Join(debugDir, fmt.Sprintf("bench-%02d.jpg", i+1)), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ResetTimer()
	for range b.N {
		var sts []*Straight
		for i, data := range photos {
			img, err := photo.Decode(data)
			if err != nil {
				b.Fatal(err)
			}
			sts = append(sts, e.Straighten(fmt.Sprint(i), img))
		}
		r := e.Assemble(sts)
		var w discard
		if err := r.WritePDF(&w, PDFInfo{}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(w.n)/(1<<20), "MB-pdf")
	}
}

type discard struct{ n int }

func (d *discard) Write(p []byte) (int, error) { d.n += len(p); return len(p), nil }
