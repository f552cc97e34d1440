package photo

import (
	"bytes"
	"encoding/binary"
)

// jpegSegment is one marker segment before the image data: marker byte and payload.
type jpegSegment struct {
	marker  byte
	payload []byte
	end     int // offset just past the segment
}

// jpegSegments walks the marker segments from SOI up to and including the first SOS (start of
// scan), calling fn for each; fn returns false to stop. It never reads past data and stops
// quietly at anything malformed: the decoder reports real errors.
func jpegSegments(data []byte, fn func(jpegSegment) bool) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return
	}
	i := 2
	for i+4 <= len(data) {
		if data[i] != 0xFF {
			return
		}
		m := data[i+1]
		if m == 0xFF { // fill byte before a marker
			i++
			continue
		}
		if m == 0x01 || (m >= 0xD0 && m <= 0xD8) { // markers without a length
			i += 2
			continue
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return
		}
		seg := jpegSegment{marker: m, payload: data[i+4 : i+2+n], end: i + 2 + n}
		if !fn(seg) || m == 0xDA || m == 0xD9 {
			return
		}
		i = seg.end
	}
}

// jpegOrientation returns the EXIF orientation (1–8) of a JPEG, 1 when absent or unreadable.
// Only the first APP1 "Exif" segment counts, as in cameras and in every viewer.
func jpegOrientation(data []byte) int {
	o := 1
	jpegSegments(data, func(s jpegSegment) bool {
		if s.marker == 0xE1 && bytes.HasPrefix(s.payload, []byte("Exif\x00\x00")) {
			o = tiffOrientation(s.payload[6:])
			return false
		}
		return true
	})
	return o
}

// tiffOrientation reads tag 0x0112 (Orientation) from IFD0 of a TIFF-structured EXIF block.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := int64(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > int64(len(t)) {
		return 1
	}
	count := int64(bo.Uint16(t[ifd:]))
	for k := int64(0); k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > int64(len(t)) {
			return 1
		}
		if bo.Uint16(t[e:]) != 0x0112 {
			continue
		}
		var v int
		switch bo.Uint16(t[e+2:]) { // type: SHORT as it should be; LONG seen in some writers
		case 3:
			v = int(bo.Uint16(t[e+8:]))
		case 4:
			v = int(bo.Uint32(t[e+8:]))
		default:
			return 1
		}
		if v < 1 || v > 8 {
			return 1
		}
		return v
	}
	return 1
}

// jpegSize reads the size from the first frame header (SOFn). Go's jpeg.DecodeConfig reads on
// to the first scan when there is no JFIF segment (phone pictures have EXIF instead), so a file
// cut after its header would look cut rather than too large.
func jpegSize(data []byte) (w, h int, ok bool) {
	jpegSegments(data, func(s jpegSegment) bool {
		m := s.marker
		if m < 0xC0 || m > 0xCF || m == 0xC4 || m == 0xC8 || m == 0xCC {
			return true
		}
		if len(s.payload) >= 6 {
			h, w = int(binary.BigEndian.Uint16(s.payload[1:])), int(binary.BigEndian.Uint16(s.payload[3:]))
			ok = true
		}
		return false
	})
	return w, h, ok
}

// jpegCut tells whether the main image's first scan starts but no end marker (EOI) follows. An
// EXIF thumbnail has its own EOI inside APP1, so the search starts after the main SOS.
func jpegCut(data []byte) bool {
	start := -1
	jpegSegments(data, func(s jpegSegment) bool {
		if s.marker == 0xDA {
			start = s.end
		}
		return true
	})
	return start >= 0 && !bytes.Contains(data[start:], []byte{0xFF, 0xD9})
}
