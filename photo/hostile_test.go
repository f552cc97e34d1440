package photo

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"flag"
	"hash/crc32"
	"image"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode"
)

// hostileOut, when set, makes TestHostilePictures write the full-size hostile files there
// for tools/measure-hostile.sh (the tests themselves use them in memory).
var hostileOut = flag.String("hostile-out", "", "write the hostile pictures to this folder")

// jpegBits writes entropy-coded JPEG data, stuffing a 00 after every FF.
type jpegBits struct {
	buf []byte
	acc byte
	n   uint
}

func (b *jpegBits) put(v uint32, n uint) {
	for i := n; i > 0; i-- {
		b.acc = b.acc<<1 | byte(v>>(i-1)&1)
		if b.n++; b.n == 8 {
			b.buf = append(b.buf, b.acc)
			if b.acc == 0xFF {
				b.buf = append(b.buf, 0)
			}
			b.acc, b.n = 0, 0
		}
	}
}

func (b *jpegBits) flush() []byte {
	for b.n != 0 {
		b.put(1, 1)
	}
	return b.buf
}

func segment(marker byte, payload ...byte) []byte {
	return append([]byte{0xFF, marker, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}, payload...)
}

// hostileJPEG is a progressive JPEG of w×h with comps components (1×1 sampling): one DC scan
// (one bit a block), then acScans scans of component 1's AC coefficients that are nothing but
// end-of-band runs, a few bytes each. Go's decoder still walks every block in each of them.
func hostileJPEG(w, h, comps, acScans int) []byte {
	out := []byte{0xFF, 0xD8}
	out = append(out, segment(0xDB, append([]byte{0}, bytes.Repeat([]byte{1}, 64)...)...)...)
	sof := []byte{8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), byte(comps)}
	for c := 1; c <= comps; c++ {
		sof = append(sof, byte(c), 0x11, 0)
	}
	out = append(out, segment(0xC2, sof...)...)
	// One code of one bit in each table: DC "difference 0", AC "a run of 2^14+ blocks".
	counts := make([]byte, 16)
	counts[0] = 1
	out = append(out, segment(0xC4, append(append([]byte{0x00}, counts...), 0x00)...)...)
	out = append(out, segment(0xC4, append(append([]byte{0x10}, counts...), 0xE0)...)...)
	blocks := ceilDiv(w, 8) * ceilDiv(h, 8)
	dc := []byte{byte(comps)}
	for c := 1; c <= comps; c++ {
		dc = append(dc, byte(c), 0x00)
	}
	out = append(out, segment(0xDA, append(dc, 0, 0, 0)...)...)
	var bw jpegBits
	for range blocks * comps {
		bw.put(0, 1)
	}
	out = append(out, bw.flush()...)
	var ac jpegBits
	for left := blocks; left > 0; {
		run := min(left, 1<<15-1)
		ac.put(0, 1)
		ac.put(uint32(run-1<<14), 14) // runs below 2^14 do not occur but for the last one
		left -= run
	}
	acData := ac.flush()
	for range acScans {
		out = append(out, segment(0xDA, 1, 1, 0x00, 1, 63, 0)...)
		out = append(out, acData...)
	}
	return append(out, 0xFF, 0xD9)
}

// pngChunk returns a PNG chunk with its CRC.
func pngChunk(typ string, data []byte) []byte {
	out := binary.BigEndian.AppendUint32(nil, uint32(len(data)))
	out = append(out, typ...)
	out = append(out, data...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// hostilePNG is a 16-bit RGB interlaced PNG of w×h whose pixels are all zero: the zlib stream
// of zero rows shrinks about 1000:1. With full false, only the first rows are written.
func hostilePNG(tb testing.TB, w, h int, full bool) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 16, 2, 0, 0, 1)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	raw := int64(h) * (1 + int64(w)*6) // about what the seven passes hold together
	if !full {
		raw = 1 << 16
	}
	if _, err := io.CopyN(zw, zeros{}, raw); err != nil {
		tb.Fatal(err)
	}
	zw.Close()
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", z.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// hostileCase is a picture made to take minutes or gigabytes in an unbounded decoder.
type hostileCase struct {
	name string
	data func(tb testing.TB) []byte
	kind error
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{"scans.jpg", func(testing.TB) []byte { return hostileJPEG(4000, 4000, 1, 5000) }, ErrUnsupported},
		{"scans-100.jpg", func(testing.TB) []byte { return hostileJPEG(10000, 10000, 1, 99) }, ErrTooLarge},
		{"cmyk-progressive-100mp.jpg", func(testing.TB) []byte { return hostileJPEG(10000, 10000, 4, 0) }, ErrTooLarge},
		{"png16-interlaced-100mp.png", func(tb testing.TB) []byte { return hostilePNG(tb, 10000, 10000, *hostileOut != "") }, ErrTooLarge},
		{"heic-7000.heic", func(tb testing.TB) []byte { return readFixture(tb, "hostile-7000.heic") }, ErrTooLarge},
	}
}

// hasHan tells whether a message is a Chinese sentence.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// TestHostilePictures: each hostile picture is refused from its headers, by Probe (header
// only) and by Process, with our Chinese message. How long and how much memory the whole
// program takes on them is measured by tools/measure-hostile.sh, not here.
func TestHostilePictures(t *testing.T) {
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data(t)
			if *hostileOut != "" {
				if err := os.WriteFile(filepath.Join(*hostileOut, tc.name), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if _, _, _, err := Probe(data); !errors.Is(err, tc.kind) {
				t.Errorf("Probe: %v, want %v", err, tc.kind)
			}
			done := make(chan error, 1)
			go func() { _, err := Process(data, nil); done <- err }()
			select {
			case err := <-done:
				if !errors.Is(err, tc.kind) || !hasHan(Message(err)) {
					t.Errorf("Process: %v, want %v", err, tc.kind)
				}
			case <-time.After(20 * time.Second): // a hang, not a timing target
				t.Fatal("Process did not end")
			}
		})
	}
}

// TestHostileJPEGIsValid: the hostile JPEG maker writes a file Go's decoder reads, so that the
// refusals above are about cost, not a broken file.
func TestHostileJPEGIsValid(t *testing.T) {
	data := hostileJPEG(64, 48, 1, 3)
	res, err := Process(data, nil)
	if err != nil {
		t.Fatalf("a small hostile-shaped JPEG: %v", err)
	}
	if res.SourceWidth == 0 {
		t.Error("no source size")
	}
	if c := jpegCost(data, 64, 48); c.scans != 4 || c.visits != 4*48 {
		t.Errorf("cost %+v, want 4 scans visiting 192 blocks", c)
	}
}

// TestNearLimitPictures writes, with -hostile-out, pictures just inside the bounds, which the
// pipeline decodes: tools/measure-hostile.sh measures that they too end within 10 s and 1 GB.
// Without the flag it only checks that Probe accepts the smaller ones.
func TestNearLimitPictures(t *testing.T) {
	near := hostileJPEG(6000, 6000, 1, 40) // 41 scans over 562 500 blocks: 23 million visits
	if _, _, _, err := Probe(near); err != nil {
		t.Fatalf("a progressive JPEG just inside the bounds: %v", err)
	}
	if *hostileOut == "" {
		return
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(*hostileOut, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("near-progressive-6000.jpg", near)
	big := image.NewYCbCr(image.Rect(0, 0, 10000, 10000), image.YCbCrSubsampleRatio420)
	for i := range big.Y {
		big.Y[i] = uint8(i % 251)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, big, &jpeg.Options{Quality: 50}); err != nil {
		t.Fatal(err)
	}
	write("near-baseline-100mp.jpg", buf.Bytes())
	write("near-png8-rgba-100mp.png", zeroPNG(t, 10000, 10000, 8, 6))
}

// zeroPNG is a non-interlaced PNG of w×h whose pixels are all zero.
func zeroPNG(tb testing.TB, w, h int, depth, colour byte) []byte {
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, depth, colour, 0, 0, 0)
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if _, err := io.CopyN(zw, zeros{}, int64(h)*(1+int64(w)*4*int64(depth)/8)); err != nil {
		tb.Fatal(err)
	}
	zw.Close()
	out := []byte("\x89PNG\r\n\x1a\n")
	out = append(out, pngChunk("IHDR", ihdr)...)
	out = append(out, pngChunk("IDAT", z.Bytes())...)
	return append(out, pngChunk("IEND", nil)...)
}
