package photo

import (
	"bytes"
	"fmt"
	"image/jpeg"
)

// Bounds of the reduced copy of the picture a photo was cut from, kept in the draft so that
// the frame can be widened later (the stored photo alone can only be cut tighter).
const (
	SourceMaxSide  = 1600
	SourceMaxBytes = 400_000
)

// Source is the reduced copy of a picture kept beside its photo: upright (EXIF applied), its
// longer side at most SourceMaxSide pixels (shrunk by whole blocks, as DecodePreview), a JPEG
// of at most SourceMaxBytes. Crop fractions of the picture apply to it unchanged.
func Source(data []byte) ([]byte, error) {
	img, err := DecodePreview(data, SourceMaxSide)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	for q := 85; q >= 35; q -= 10 {
		buf.Reset()
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, fmt.Errorf("photo: source: %w", err)
		}
		if buf.Len() <= SourceMaxBytes {
			return buf.Bytes(), nil
		}
	}
	return nil, fmt.Errorf("photo: source: %d bytes at the lowest quality", buf.Len())
}
