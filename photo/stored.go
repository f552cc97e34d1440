package photo

import (
	"bytes"
	"image"
)

// CheckStored reads a stored photo's header and tells whether the outputs can print it:
// refused as Process would refuse it before decoding (not a picture, too large), or cut off.
// A JPEG without its end marker is decoded to be sure, so a complete photo costs no decoding.
func CheckStored(data []byte) (StoredInfo, error) {
	info, err := InspectStored(data)
	if err != nil {
		return StoredInfo{}, err
	}
	hd, err := readHeader(data)
	if err != nil {
		return StoredInfo{}, err
	}
	if int64(len(data)) < minBytes(hd, data) || cutOff(hd.format, data) {
		return StoredInfo{}, ErrTruncated
	}
	if hd.format == FormatJPEG && !jpegEnds(data) {
		if err := load(data, func(header, image.Image) error { return nil }); err != nil {
			return StoredInfo{}, err
		}
	}
	return info, nil
}

// Ready tells whether a stored photo is already what Process stores, so the outputs may print
// its bytes as they are: a whole JPEG of at most MaxStoredBytes and MinWidth×MinHeight pixels,
// without an EXIF turn, 5:7 to within a pixel. A draft written by hand or by another program may hold a sideways phone
// picture, a 100-megapixel PNG or a cut-off file; the outputs pass those through Process.
func Ready(data []byte) bool {
	if len(data) > MaxStoredBytes {
		return false
	}
	hd, err := readHeader(data)
	if err != nil || hd.format != FormatJPEG || hd.orientation != 1 || !jpegEnds(data) {
		return false
	}
	// More pixels than Process stores (a hand-made draft held 8450×11830): re-encoded, so the
	// outputs never carry more than the 25×35 mm photo needs at 300 dpi.
	if hd.w > MinWidth || hd.h > MinHeight {
		return false
	}
	d := hd.w*7 - hd.h*5
	return d >= -7 && d <= 7
}

// jpegEnds tells whether a JPEG ends with its EOI marker (FF D9), allowing trailing padding.
// The marker cannot occur in entropy-coded data, which stuffs every FF with 00.
func jpegEnds(data []byte) bool {
	t := bytes.TrimRight(data, "\x00\r\n ")
	return bytes.HasSuffix(t, []byte{0xFF, 0xD9})
}
