package photo

import (
	"encoding/binary"
	"errors"
)

// HEIF (ISO/IEC 23008-12) keeps the picture's size and its turning in the meta box: the primary
// item (pitm) has properties (ipco, listed per item in ipma): ispe = coded size, clap = clean
// aperture crop, irot = rotation anticlockwise in quarter turns, imir = mirror. libheif applies
// clap, irot and imir while decoding (iPhones store the sensor picture plus irot, and an EXIF
// orientation that must then be ignored), so the decoded picture is already upright. We read
// these boxes ourselves only to know the upright size before decoding, to refuse huge pictures
// without handing them to the decoder.

var errHEIFBox = errors.New("heif: malformed box")

// isoBox is one box: its type and content (after the header).
type isoBox struct {
	typ     string
	content []byte
}

// isoBoxes splits b into boxes. truncated is set when a box claims more bytes than b holds.
func isoBoxes(b []byte) (boxes []isoBox, truncated bool) {
	for len(b) >= 8 {
		size := uint64(binary.BigEndian.Uint32(b))
		typ := string(b[4:8])
		hdr := uint64(8)
		switch size {
		case 0: // to the end
			size = uint64(len(b))
		case 1: // 64-bit size follows
			if len(b) < 16 {
				return boxes, true
			}
			size, hdr = binary.BigEndian.Uint64(b[8:]), 16
		}
		if size < hdr {
			return boxes, false
		}
		if size > uint64(len(b)) {
			return boxes, true
		}
		boxes = append(boxes, isoBox{typ: typ, content: b[hdr:size]})
		b = b[size:]
	}
	return boxes, false
}

func findBox(boxes []isoBox, typ string) (isoBox, bool) {
	for _, b := range boxes {
		if b.typ == typ {
			return b, true
		}
	}
	return isoBox{}, false
}

// heifTruncated tells whether a top-level box runs past the end of the file.
func heifTruncated(data []byte) bool {
	_, t := isoBoxes(data)
	return t
}

// heifSize returns the upright size of the primary picture: ispe, cut by clap, with width and
// height swapped by a quarter-turn irot.
func heifSize(data []byte) (w, h int, err error) {
	top, _ := isoBoxes(data)
	meta, ok := findBox(top, "meta")
	if !ok || len(meta.content) < 4 {
		return 0, 0, errHEIFBox
	}
	inner, _ := isoBoxes(meta.content[4:]) // meta is a full box: skip version and flags
	primary, err := heifPrimary(inner)
	if err != nil {
		return 0, 0, err
	}
	props, err := heifProperties(inner, primary)
	if err != nil {
		return 0, 0, err
	}
	return heifApply(props)
}

func heifPrimary(inner []isoBox) (uint32, error) {
	pitm, ok := findBox(inner, "pitm")
	if !ok || len(pitm.content) < 6 {
		return 0, errHEIFBox
	}
	if pitm.content[0] == 0 {
		return uint32(binary.BigEndian.Uint16(pitm.content[4:])), nil
	}
	if len(pitm.content) < 8 {
		return 0, errHEIFBox
	}
	return binary.BigEndian.Uint32(pitm.content[4:]), nil
}

// heifProperties returns the boxes associated with item, in the order ipma lists them (the
// order in which transformations apply).
func heifProperties(inner []isoBox, item uint32) ([]isoBox, error) {
	iprp, ok := findBox(inner, "iprp")
	if !ok {
		return nil, errHEIFBox
	}
	kids, _ := isoBoxes(iprp.content)
	ipco, ok1 := findBox(kids, "ipco")
	ipma, ok2 := findBox(kids, "ipma")
	if !ok1 || !ok2 || len(ipma.content) < 8 {
		return nil, errHEIFBox
	}
	all, _ := isoBoxes(ipco.content)
	version, flags := ipma.content[0], ipma.content[3]
	p := ipma.content[4:]
	count := binary.BigEndian.Uint32(p)
	p = p[4:]
	for e := uint32(0); e < count; e++ {
		var id uint32
		if version < 1 {
			if len(p) < 3 {
				return nil, errHEIFBox
			}
			id, p = uint32(binary.BigEndian.Uint16(p)), p[2:]
		} else {
			if len(p) < 5 {
				return nil, errHEIFBox
			}
			id, p = binary.BigEndian.Uint32(p), p[4:]
		}
		n := int(p[0])
		p = p[1:]
		var out []isoBox
		for a := 0; a < n; a++ {
			var idx int
			if flags&1 != 0 {
				if len(p) < 2 {
					return nil, errHEIFBox
				}
				idx, p = int(binary.BigEndian.Uint16(p)&0x7FFF), p[2:]
			} else {
				if len(p) < 1 {
					return nil, errHEIFBox
				}
				idx, p = int(p[0]&0x7F), p[1:]
			}
			if idx >= 1 && idx <= len(all) {
				out = append(out, all[idx-1])
			}
		}
		if id == item {
			return out, nil
		}
	}
	return nil, errHEIFBox
}

// heifApply turns the properties into the upright size.
func heifApply(props []isoBox) (w, h int, err error) {
	ispe, ok := findBox(props, "ispe")
	if !ok || len(ispe.content) < 12 {
		return 0, 0, errHEIFBox
	}
	w = int(binary.BigEndian.Uint32(ispe.content[4:]))
	h = int(binary.BigEndian.Uint32(ispe.content[8:]))
	for _, p := range props {
		switch p.typ {
		case "clap":
			w, h = clapSize(p.content, w, h)
		case "irot":
			if len(p.content) >= 1 && (p.content[0]&3 == 1 || p.content[0]&3 == 3) {
				w, h = h, w
			}
		}
	}
	return w, h, nil
}

// clapSize reads the clean aperture's width and height (rationals); a malformed clap keeps the
// coded size, which is only ever larger, so the size limit stays safe.
func clapSize(c []byte, w, h int) (int, int) {
	if len(c) < 16 {
		return w, h
	}
	rat := func(i int) (int64, bool) {
		n := int64(int32(binary.BigEndian.Uint32(c[i:])))
		d := int64(int32(binary.BigEndian.Uint32(c[i+4:])))
		if d <= 0 || n <= 0 {
			return 0, false
		}
		return (n + d/2) / d, true
	}
	cw, ok1 := rat(0)
	ch, ok2 := rat(8)
	if !ok1 || !ok2 || cw > int64(w) || ch > int64(h) {
		return w, h
	}
	return int(cw), int(ch)
}
