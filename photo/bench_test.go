package photo

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// phoneLike draws a w×h picture with smooth gradients, a few shapes and sensor-like noise, so
// that it compresses like a photo (a 12-megapixel JPEG at quality 92 is about 4 MB).
func phoneLike(w, h int, noise int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(1, 2))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r := 60 + 120*x/w
			g := 40 + 150*y/h
			b := 200 - 120*(x+y)/(w+h)
			dx, dy := x-w/2, y-h/3
			if dx*dx+dy*dy < (w/5)*(w/5) { // a "face"
				r, g, b = 220-30*y/h, 180, 150
			}
			n := rng.IntN(2*noise+1) - noise
			i := img.PixOffset(x, y)
			img.Pix[i] = clamp8(r + n)
			img.Pix[i+1] = clamp8(g + n)
			img.Pix[i+2] = clamp8(b + n)
			img.Pix[i+3] = 255
		}
	}
	return img
}

func clamp8(v int) uint8 { return uint8(min(max(v, 0), 255)) }

var (
	phoneJPEGOnce sync.Once
	phoneJPEG     []byte
)

// twelveMP returns a 4000×3000 phone-like JPEG, made once.
func twelveMP(tb testing.TB) []byte {
	phoneJPEGOnce.Do(func() {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, phoneLike(4000, 3000, 14), &jpeg.Options{Quality: 92}); err != nil {
			tb.Fatal(err)
		}
		phoneJPEG = buf.Bytes()
	})
	return phoneJPEG
}

// BenchmarkPhoto measures Process on a 12-megapixel phone JPEG (target: ≤ 300 ms).
func BenchmarkPhoto(b *testing.B) {
	data := twelveMP(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Process(data, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "MB-input")
}

// BenchmarkPhoto48MPPNG reports memory for a 48-megapixel PNG: bytes allocated per Process and
// the peak heap in use during one Process above the heap before it (sampled every 2 ms, after
// a collection, so it counts what one call needs at once).
func BenchmarkPhoto48MPPNG(b *testing.B) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, phoneLike(8000, 6000, 2)); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	var worst uint64
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		var peak atomic.Uint64
		stop := make(chan struct{})
		done := make(chan struct{})
		go func() { samplePeak(&peak, stop); close(done) }()
		b.StartTimer()
		if _, err := Process(data, nil); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		close(stop)
		<-done
		worst = max(worst, peak.Load()-min(peak.Load(), before.HeapInuse))
		b.StartTimer()
	}
	b.ReportMetric(float64(len(data))/1e6, "MB-input")
	b.ReportMetric(float64(worst)/1e6, "MB-peak-heap")
}

func samplePeak(peak *atomic.Uint64, stop chan struct{}) {
	var m runtime.MemStats
	for {
		runtime.ReadMemStats(&m)
		if m.HeapInuse > peak.Load() {
			peak.Store(m.HeapInuse)
		}
		select {
		case <-stop:
			return
		case <-time.After(2 * time.Millisecond):
		}
	}
}
