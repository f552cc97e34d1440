package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
)

// sourceNote prefixes the JPEG comment that records the crop's source size, so that the checks
// can tell, from the draft alone, that a photo was enlarged and will print blurred.
const sourceNote = "shenbao photo: source "

// encode stores img as a baseline YCbCr JPEG of at most MaxStoredBytes, stepping the quality
// down from 90 if needed, with a JFIF header saying 300 dpi and a comment with the source size.
func encode(img image.Image, srcW, srcH int) ([]byte, error) {
	var buf bytes.Buffer
	size := 0
	for q := 90; q >= 30; q -= 10 {
		buf.Reset()
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, fmt.Errorf("photo: encode: %w", err)
		}
		out := withHeaders(buf.Bytes(), srcW, srcH)
		if len(out) <= MaxStoredBytes {
			return out, nil
		}
		size = len(out)
	}
	return nil, errEncode(size)
}

// withHeaders inserts, after SOI, a JFIF APP0 (300 dpi: Word and viewers then show 25×35 mm)
// and a COM segment with the source size. Go's encoder writes neither.
func withHeaders(j []byte, srcW, srcH int) []byte {
	jfif := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0x01, 0x2C, 0x01, 0x2C, 0, 0}
	note := fmt.Appendf(nil, "%s%dx%d", sourceNote, srcW, srcH)
	com := binary.BigEndian.AppendUint16([]byte{0xFF, 0xFE}, uint16(len(note)+2))
	com = append(com, note...)
	out := make([]byte, 0, len(j)+len(jfif)+len(com))
	out = append(out, j[:2]...)
	out = append(out, jfif...)
	out = append(out, com...)
	return append(out, j[2:]...)
}

// StoredInfo describes a photo already kept in a draft.
type StoredInfo struct {
	Format        string // FormatJPEG for a photo made by Process
	Width, Height int
	// The source pixels it was made from (from the note Process writes); equal to Width and
	// Height when the photo carries no note (made elsewhere).
	SourceWidth, SourceHeight int
}

// Blurry tells whether the stored photo will print blurred: made from fewer pixels than it
// prints with, or itself smaller than 295×413.
func (s StoredInfo) Blurry() bool {
	return SourceTooSmall(s.Width, s.Height) || SourceTooSmall(s.SourceWidth, s.SourceHeight)
}

// InspectStored reads the header of a stored photo (no decoding): format, size and the source
// size noted by Process. Errors are Probe's.
func InspectStored(data []byte) (StoredInfo, error) {
	format, w, h, err := Probe(data)
	if err != nil {
		return StoredInfo{}, err
	}
	info := StoredInfo{Format: format, Width: w, Height: h, SourceWidth: w, SourceHeight: h}
	if format == FormatJPEG {
		jpegSegments(data, func(s jpegSegment) bool {
			var sw, sh int
			if s.marker == 0xFE && bytes.HasPrefix(s.payload, []byte(sourceNote)) {
				if _, err := fmt.Sscanf(string(s.payload[len(sourceNote):]), "%dx%d", &sw, &sh); err == nil && sw > 0 && sh > 0 {
					info.SourceWidth, info.SourceHeight = sw, sh
				}
				return false
			}
			return true
		})
	}
	return info, nil
}

// DecodeConfigStored returns the size of a stored photo without decoding it.
func DecodeConfigStored(data []byte) (w, h int, err error) {
	info, err := InspectStored(data)
	return info.Width, info.Height, err
}
