package photo

import (
	"bytes"
	"encoding/binary"
	"image/jpeg"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/gen2brain/heic"
)

// FuzzProcess feeds the pipeline anything: it must never panic (process has no safety net, so
// a panic here is a bug of ours or an unguarded decoder), never take long, and either refuse
// with one of our errors or return a well-formed photo.
func FuzzProcess(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed, 0.0, 0.0, 0.0, 0.0)
	}
	f.Add(encodeJPEG(f, upright(70, 98, false), 80), 0.1, 0.2, 0.5, 0.5)
	f.Fuzz(func(t *testing.T, data []byte, x, y, w, h float64) {
		var crop *Crop
		if w != 0 || h != 0 {
			crop = &Crop{x, y, w, h}
		}
		start := time.Now()
		res, err := process(data, crop)
		if took := time.Since(start); took > 10*time.Second {
			t.Errorf("took %v", took)
		}
		if err != nil {
			if !isOurs(err) {
				t.Fatalf("error not ours: %v", err)
			}
			return
		}
		cfg, derr := jpeg.DecodeConfig(bytes.NewReader(res.JPEG))
		if derr != nil || cfg.Width != MinWidth || cfg.Height != MinHeight || len(res.JPEG) > MaxStoredBytes {
			t.Fatalf("bad photo: %v %dx%d %d bytes", derr, cfg.Width, cfg.Height, len(res.JPEG))
		}
	})
}

// fuzzSeeds: the committed fixtures and small pictures of every kind the tests make.
func fuzzSeeds(tb testing.TB) [][]byte {
	var seeds [][]byte
	files, _ := filepath.Glob(filepath.Join("testdata", "*.*"))
	for _, name := range files {
		if filepath.Ext(name) == ".md" || filepath.Ext(name) == ".sh" {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		seeds = append(seeds, data)
	}
	small := upright(50, 70, true)
	return append(seeds,
		insertAfterSOI(encodeJPEG(tb, storedByCamera(upright(50, 70, false), 6), 80), exifAPP1(6, binary.BigEndian)),
		encodePNG(tb, small),
		encodePNG(tb, paletted(small)),
		encodeGIF(tb, paletted(small)),
		encodeBMP(tb, small),
		pngHeader(20000, 20000),
		jpegHeader(9000, 9000),
		webpVP8XHeader(16000, 16000),
		heifMeta(box("ispe", u32(0, 4032, 3024)), box("irot", []byte{1})),
		[]byte("%PDF-1.4\n"),
	)
}

// FuzzProbe: reading a picture's headers (the size, the scans, the decode cost) is fast
// whatever the bytes, and whatever Probe accepts is within every bound a decode checks.
func FuzzProbe(f *testing.F) {
	for _, seed := range fuzzSeeds(f) {
		f.Add(seed)
	}
	f.Add(hostileJPEG(64, 48, 1, 3))
	f.Add(hostileJPEG(64, 48, 4, 0))
	f.Add(hostilePNG(f, 64, 48, true))
	// A HEIC file our box reader cannot size goes to libheif, whose WebAssembly module
	// compiles once per process (some 3 s on a busy machine): compile it before timing.
	heic.DecodeConfig(bytes.NewReader(readFixture(f, "upright.heic")))
	f.Fuzz(func(t *testing.T, data []byte) {
		start := time.Now()
		hd, err := readHeader(data)
		if took := time.Since(start); took > time.Second {
			t.Errorf("reading the headers took %v", took)
		}
		if err != nil {
			if !isOurs(err) {
				t.Fatalf("error not ours: %v", err)
			}
			return
		}
		c := cost(hd, data)
		if c.bytes > maxDecodeBytes || c.scans > maxScans || c.visits > maxBlockVisits ||
			int64(hd.w)*int64(hd.h) > MaxPixels || hd.w > MaxSide || hd.h > MaxSide {
			t.Fatalf("accepted %dx%d at cost %+v", hd.w, hd.h, c)
		}
	})
}
