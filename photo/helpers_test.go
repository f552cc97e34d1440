package photo

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"testing"
)

// Colours of the test pictures: the upright picture is red on top, blue at the bottom, with a
// green marker in the top-left corner, so a turn or a mirror shows.
var (
	red   = color.NRGBA{230, 20, 20, 255}
	blue  = color.NRGBA{20, 40, 220, 255}
	green = color.NRGBA{20, 200, 40, 255}
	white = color.NRGBA{255, 255, 255, 255}
)

// upright draws the w×h test picture; the marker is the top-left quarter of the top half.
// With transparent set, the marker is fully transparent instead of green.
func upright(w, h int, transparent bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := red
			switch {
			case y >= h/2:
				c = blue
			case x < w/4 && y < h/4 && transparent:
				c = color.NRGBA{0, 0, 0, 0}
			case x < w/4 && y < h/4:
				c = green
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

// probe is a point of the stored photo (in fractions) and the colour it must have.
type probe struct {
	x, y float64
	want color.NRGBA
}

// uprightProbes says what an upright test picture looks like once stored.
func uprightProbes(marker color.NRGBA) []probe {
	return []probe{
		{0.08, 0.08, marker}, // top left: the marker (gone if mirrored or turned)
		{0.92, 0.08, red},    // top right
		{0.5, 0.38, red},     // upper middle
		{0.5, 0.8, blue},     // lower middle
		{0.08, 0.92, blue},   // bottom left
		{0.92, 0.92, blue},   // bottom right
	}
}

// nearest names the closest of our colours, so lossy formats still pass.
func nearest(c color.Color) color.NRGBA {
	r, g, b, _ := c.RGBA()
	best, bestD := white, math.MaxFloat64
	for _, p := range []color.NRGBA{red, blue, green, white, {0, 0, 0, 255}} {
		d := sq(float64(r>>8)-float64(p.R)) + sq(float64(g>>8)-float64(p.G)) + sq(float64(b>>8)-float64(p.B))
		if d < bestD {
			best, bestD = p, d
		}
	}
	return best
}

func sq(v float64) float64 { return v * v }

// checkStored decodes a stored photo, checks its form (baseline YCbCr JPEG, 295×413,
// ≤ 300 KB, JFIF) and the colours at the probes.
func checkStored(t *testing.T, res Result, probes []probe) {
	t.Helper()
	data := res.JPEG
	if len(data) > MaxStoredBytes {
		t.Errorf("stored photo is %d bytes, more than %d", len(data), MaxStoredBytes)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("stored photo does not decode: %v", err)
	}
	if cfg.Width != MinWidth || cfg.Height != MinHeight || res.Width != cfg.Width || res.Height != cfg.Height {
		t.Errorf("stored photo %dx%d (Result says %dx%d), want %dx%d", cfg.Width, cfg.Height, res.Width, res.Height, MinWidth, MinHeight)
	}
	if cfg.ColorModel != color.YCbCrModel {
		t.Errorf("stored photo colour model %v, want YCbCr", cfg.ColorModel)
	}
	if !baseline(data) {
		t.Errorf("stored photo is not a baseline JPEG")
	}
	if !bytes.Contains(data[:40], []byte("JFIF\x00")) {
		t.Errorf("stored photo has no JFIF header")
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("stored photo does not decode: %v", err)
	}
	b := img.Bounds()
	for _, p := range probes {
		x, y := b.Min.X+int(p.x*float64(b.Dx())), b.Min.Y+int(p.y*float64(b.Dy()))
		if got := nearest(img.At(x, y)); got != p.want {
			t.Errorf("at (%.2f, %.2f) colour %v is nearest %v, want %v", p.x, p.y, img.At(x, y), got, p.want)
		}
	}
}

// baseline tells whether a JPEG's frame is SOF0 (baseline DCT), the kind every reader takes.
func baseline(data []byte) bool {
	sof := byte(0)
	jpegSegments(data, func(s jpegSegment) bool {
		if s.marker >= 0xC0 && s.marker <= 0xCF && s.marker != 0xC4 && s.marker != 0xC8 && s.marker != 0xCC {
			sof = s.marker
			return false
		}
		return true
	})
	return sof == 0xC0
}

// byteOrder is what binary.LittleEndian and binary.BigEndian both are.
type byteOrder interface {
	binary.ByteOrder
	binary.AppendByteOrder
}

// exifAPP1 is the APP1 segment a camera writes, reduced to IFD0 with a Make tag (a string
// stored after the directory) and the Orientation tag.
func exifAPP1(o int, bo byteOrder) []byte {
	tiff := []byte("II")
	if bo.String() == binary.BigEndian.String() {
		tiff = []byte("MM")
	}
	tiff = bo.AppendUint16(tiff, 42)
	tiff = bo.AppendUint32(tiff, 8)
	tiff = bo.AppendUint16(tiff, 2) // two entries
	maker := []byte("Phone\x00")
	tiff = bo.AppendUint16(tiff, 0x010F) // Make, ASCII, stored at offset 8+2+2*12+4 = 38
	tiff = bo.AppendUint16(tiff, 2)
	tiff = bo.AppendUint32(tiff, uint32(len(maker)))
	tiff = bo.AppendUint32(tiff, 38)
	tiff = bo.AppendUint16(tiff, 0x0112) // Orientation, SHORT, 1 value in the entry
	tiff = bo.AppendUint16(tiff, 3)
	tiff = bo.AppendUint32(tiff, 1)
	tiff = bo.AppendUint16(tiff, uint16(o))
	tiff = bo.AppendUint16(tiff, 0)
	tiff = bo.AppendUint32(tiff, 0) // no next IFD
	tiff = append(tiff, maker...)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1}
	seg = binary.BigEndian.AppendUint16(seg, uint16(len(payload)+2))
	return append(seg, payload...)
}

// insertAfterSOI puts segments right after a JPEG's SOI marker.
func insertAfterSOI(j []byte, segs ...[]byte) []byte {
	out := append([]byte{}, j[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, j[2:]...)
}

func encodeJPEG(t testing.TB, img image.Image, q int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("fixture %s: %v (see testdata/README.md)", name, err)
	}
	return data
}
