package photo

import (
	"encoding/binary"
	"testing"
)

func TestJPEGOrientation(t *testing.T) {
	base := encodeJPEG(t, upright(16, 16, false), 80)
	xmp := append([]byte{0xFF, 0xE1, 0, 31}, "http://ns.adobe.com/xap/1.0/\x00"...)
	long := exifAPP1(6, binary.LittleEndian)
	binary.LittleEndian.PutUint16(long[4+6+8+2+12+2:], 4) // Orientation typed LONG, as some writers do
	tests := []struct {
		name string
		data []byte
		want int
	}{
		{"no EXIF", base, 1},
		{"orientation 8", insertAfterSOI(base, exifAPP1(8, binary.BigEndian)), 8},
		{"after an XMP segment", insertAfterSOI(base, xmp, exifAPP1(3, binary.LittleEndian)), 3},
		{"typed LONG", insertAfterSOI(base, long), 6},
		{"out of range", insertAfterSOI(base, exifAPP1(9, binary.LittleEndian)), 1},
		{"EXIF cut short", insertAfterSOI(base, exifAPP1(6, binary.LittleEndian)[:20]), 1},
		{"not a JPEG", []byte("hello"), 1},
	}
	for _, tt := range tests {
		if got := jpegOrientation(tt.data); got != tt.want {
			t.Errorf("%s: orientation %d, want %d", tt.name, got, tt.want)
		}
	}
}

func FuzzTIFFOrientation(f *testing.F) {
	f.Add(exifAPP1(6, binary.LittleEndian)[10:])
	f.Add(exifAPP1(7, binary.BigEndian)[10:])
	f.Fuzz(func(t *testing.T, b []byte) {
		if o := tiffOrientation(b); o < 1 || o > 8 {
			t.Fatalf("orientation %d", o)
		}
	})
}
