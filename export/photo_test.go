package export

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"

	"shenbao/forms"
)

// sideways is a phone picture stored on its side: w×h pixels, the left half red and the right
// half blue, with EXIF orientation 6 (turn 90° clockwise to view), so upright its top is red.
func sideways(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 0, 0, 255}
			if x >= w/2 {
				c = color.RGBA{0, 0, 255, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	tiff := []byte("II*\x00\x08\x00\x00\x00\x01\x00")
	tiff = binary.LittleEndian.AppendUint16(tiff, 0x0112)
	tiff = binary.LittleEndian.AppendUint16(tiff, 3)
	tiff = binary.LittleEndian.AppendUint32(tiff, 1)
	tiff = binary.LittleEndian.AppendUint32(tiff, 6)
	tiff = binary.LittleEndian.AppendUint32(tiff, 0)
	payload := append([]byte("Exif\x00\x00"), tiff...)
	app1 := binary.BigEndian.AppendUint16([]byte{0xFF, 0xE1}, uint16(len(payload)+2))
	j := buf.Bytes()
	return append(append(append([]byte{}, j[:2]...), append(app1, payload...)...), j[2:]...)
}

func pngOf(t *testing.T, w, h int) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPrintablePhoto: a photo the pipeline did not make is turned upright, cropped and made
// small before it is printed; one it made is printed as it is; one it refuses is left out.
func TestPrintablePhoto(t *testing.T) {
	sample := forms.Sample(forms.Default())
	for _, tc := range []struct {
		name   string
		data   []byte
		same   bool // printed as stored
		none   bool // left out
		redTop bool
		wantW  int
	}{
		{name: "sample", data: mustBytes(t, sample.Photo), same: true},
		{name: "sideways phone picture", data: sideways(t, 1400, 1000), redTop: true, wantW: 295},
		{name: "landscape PNG", data: pngOf(t, 1200, 600), wantW: 295},
		{name: "not a picture", data: []byte("hello"), none: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sample.Clone()
			d.Photo = &forms.Photo{MIME: "image/jpeg", Data: base64.StdEncoding.EncodeToString(tc.data)}
			before := d.Photo.Data
			got := printablePhoto(d)
			if d.Photo == nil || d.Photo.Data != before {
				t.Fatal("the draft's own photo changed")
			}
			switch {
			case tc.same:
				if got != d {
					t.Error("a photo the pipeline made was processed again")
				}
				return
			case tc.none:
				if got.Photo != nil {
					t.Errorf("an unreadable photo is printed: %+v", got.Photo.MIME)
				}
				return
			}
			if got.Photo == nil {
				t.Fatal("the photo was dropped")
			}
			img, err := jpeg.Decode(bytes.NewReader(mustBytes(t, got.Photo)))
			if err != nil {
				t.Fatalf("printed photo is not a JPEG: %v", err)
			}
			b := img.Bounds()
			if b.Dx() != tc.wantW || b.Dx()*7 != b.Dy()*5 {
				t.Errorf("printed photo is %v, want %d wide at 5:7", b.Size(), tc.wantW)
			}
			if tc.redTop {
				r, _, bl, _ := img.At(b.Dx()/2, 5).RGBA()
				if r < bl {
					t.Error("the sideways picture is not turned upright: its top is not red")
				}
			}
		})
	}
}

func mustBytes(t *testing.T, p *forms.Photo) []byte {
	b, err := forms.PhotoBytes(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
