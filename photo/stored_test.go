package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image/png"
	"testing"
)

// TestStored: what a draft written by hand or by another program may hold as its photo, and
// whether the outputs may print it as it is (Ready) or can print it at all (CheckStored).
func TestStored(t *testing.T) {
	stored, err := Process(encodeJPEG(t, upright(600, 840, false), 90), nil)
	if err != nil {
		t.Fatal(err)
	}
	landscape := encodeJPEG(t, upright(840, 600, false), 90)
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, upright(295, 413, false)); err != nil {
		t.Fatal(err)
	}
	noisy := encodeJPEG(t, upright(1000, 1400, false), 95)
	for _, tc := range []struct {
		name    string
		data    []byte
		ready   bool
		wantErr error
	}{
		{"made by Process", stored.JPEG, true, nil},
		{"295×413 JPEG from elsewhere", encodeJPEG(t, upright(295, 413, false), 90), true, nil},
		// More pixels than Process stores (a hand-made draft held an 8450×11830 one): re-encoded.
		{"5:7 JPEG larger than stored", encodeJPEG(t, upright(500, 700, false), 90), false, nil},
		{"5:7 JPEG far larger than stored", encodeJPEG(t, upright(1000, 1400, false), 80), false, nil},
		{"sideways phone picture", insertAfterSOI(encodeJPEG(t, upright(700, 500, false), 90), exifAPP1(6, binary.LittleEndian)), false, nil},
		{"landscape", landscape, false, nil},
		{"PNG", pngBuf.Bytes(), false, nil},
		{"JPEG cut off", noisy[:len(noisy)*2/3], false, ErrTruncated},
		{"not a picture", []byte("hello, world"), false, ErrNotPicture},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Ready(tc.data); got != tc.ready {
				t.Errorf("Ready = %v, want %v", got, tc.ready)
			}
			_, err := CheckStored(tc.data)
			if tc.wantErr == nil && err != nil || tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
				t.Errorf("CheckStored: %v, want %v", err, tc.wantErr)
			}
		})
	}
}
