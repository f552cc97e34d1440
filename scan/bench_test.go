package scan

import (
	"fmt"
	"image"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// benchPhotos are n phone photos w×h of the sample's pages, sealed, taken as a teacher
// takes them every day (slight curl, mild lens, uneven light, a little yaw, phone JPEG).
func benchPhotos(b *testing.B, n, w, h int) [][]byte {
	ef := effectNamed(b, "everyday: curl, lens, light, JPEG")
	ef.ink = sealInk{}
	var photos [][]byte
	for i := range n {
		rng := rand.New(rand.NewPCG(3, uint64(i)))
		data, _ := phoneShot(b, ef, i%engine(b).Pages(), w, h, rng)
		photos = append(photos, data)
		if debugDir != "" { // the photos, for timing `shenbao scans` on them
			if err := os.WriteFile(filepath.Join(debugDir, fmt.Sprintf("bench-%dx%d-%02d.jpg", w, h, i+1)), data, 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	return photos
}

// straightenTwoAtATime decodes and straightens the photos two at a time, as `shenbao scans`
// does on a machine with two cores, and writes the PDF.
func straightenTwoAtATime(b *testing.B, e *Engine, photos [][]byte) (Result, int) {
	sts := make([]*Straight, len(photos))
	var wg sync.WaitGroup
	slots := make(chan struct{}, 2)
	for i, data := range photos {
		slots <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-slots; wg.Done() }()
			err := Pictures(fmt.Sprint(i), data, func(source string, img image.Image) error {
				sts[i] = e.Straighten(source, img)
				return nil
			})
			if err != nil {
				b.Error(err)
			}
		}()
	}
	wg.Wait()
	r := e.Assemble(sts)
	var w discard
	if err := r.WritePDF(&w, PDFInfo{}); err != nil {
		b.Fatal(err)
	}
	return r, w.n
}

// BenchmarkNinePhotos straightens nine 12-MP phone photos (3000×4000 JPEG) of the sample's
// pages, decoding included, two at a time, as `shenbao scans` does: the issue asks for at
// most 10 s.
func BenchmarkNinePhotos(b *testing.B) {
	e := engine(b)
	photos := benchPhotos(b, 9, 3000, 4000)
	b.ResetTimer()
	for range b.N {
		r, n := straightenTwoAtATime(b, e, photos)
		b.ReportMetric(float64(n)/(1<<20), "MB-pdf")
		b.ReportMetric(float64(r.Present()), "pages")
	}
}

// BenchmarkTwo48MPPhotos straightens two 48-MP photos (6000×8000 JPEG), decoding included:
// the time and memory stay bounded (they are decoded shrunk to MaxPhotoSide).
func BenchmarkTwo48MPPhotos(b *testing.B) {
	e := engine(b)
	photos := benchPhotos(b, 2, 6000, 8000)
	b.ResetTimer()
	for range b.N {
		r, _ := straightenTwoAtATime(b, e, photos)
		b.ReportMetric(float64(r.Present()), "pages")
	}
}

type discard struct{ n int }

func (d *discard) Write(p []byte) (int, error) { d.n += len(p); return len(p), nil }
