package photo

import (
	"encoding/binary"
	"errors"
	"testing"
)

// box builds an ISO box; full boxes take their version and flags as the first 4 content bytes.
func box(typ string, content ...[]byte) []byte {
	n := 8
	for _, c := range content {
		n += len(c)
	}
	out := binary.BigEndian.AppendUint32(nil, uint32(n))
	out = append(out, typ...)
	for _, c := range content {
		out = append(out, c...)
	}
	return out
}

func u32(vs ...uint32) []byte {
	var out []byte
	for _, v := range vs {
		out = binary.BigEndian.AppendUint32(out, v)
	}
	return out
}

// heifMeta builds a HEIF whose primary item 2 has the given properties (indices 1..n).
func heifMeta(props ...[]byte) []byte {
	assoc := []byte{0, 2, byte(len(props))} // ipma v0: item 2, n associations of 1 byte
	for i := range props {
		assoc = append(assoc, 0x80|byte(i+1))
	}
	ipma := box("ipma", u32(0), u32(2), []byte{0, 1, 1, 0x01}, assoc) // item 1 first, then item 2
	ipco := box("ipco", props...)
	meta := box("meta", u32(0), box("hdlr", u32(0, 0), []byte("pict"), u32(0, 0, 0)),
		box("pitm", u32(0), []byte{0, 2}), box("iprp", ipco, ipma))
	return append(box("ftyp", []byte("heic"), u32(0), []byte("mif1heic")), meta...)
}

func TestHEIFSize(t *testing.T) {
	ispe := box("ispe", u32(0, 4032, 3024))
	clap := box("clap", u32(4000, 1, 3000, 1, 0, 1, 0, 1))
	tests := []struct {
		name   string
		file   []byte
		w, h   int
		broken bool
	}{
		{"ispe only", heifMeta(ispe), 4032, 3024, false},
		{"irot 90", heifMeta(ispe, box("irot", []byte{1})), 3024, 4032, false},
		{"irot 180", heifMeta(ispe, box("irot", []byte{2})), 4032, 3024, false},
		{"irot 270 and mirror", heifMeta(ispe, box("irot", []byte{3}), box("imir", []byte{0})), 3024, 4032, false},
		{"clap then irot", heifMeta(ispe, clap, box("irot", []byte{1})), 3000, 4000, false},
		{"no ispe", heifMeta(box("irot", []byte{1})), 0, 0, true},
		{"cut in meta", heifMeta(ispe)[:60], 0, 0, true},
		{"ftyp only", box("ftyp", []byte("heic"), u32(0)), 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h, err := heifSize(tt.file)
			if tt.broken {
				if !errors.Is(err, errHEIFBox) {
					t.Fatalf("err = %v, want errHEIFBox", err)
				}
				return
			}
			if err != nil || w != tt.w || h != tt.h {
				t.Fatalf("heifSize = %d×%d, %v; want %d×%d", w, h, err, tt.w, tt.h)
			}
		})
	}
}

// heifWithProperty returns a HEIF file with one more property box, associated (essential) with
// the primary item, the way a phone adds irot or imir. The media data moves by the size the
// meta box grows, so the item locations (iloc) are moved too.
func heifWithProperty(t *testing.T, file, prop []byte) []byte {
	t.Helper()
	top, _ := isoBoxes(file)
	var metaStart, metaEnd, off int
	for _, b := range top {
		size := len(b.content) + 8
		if b.typ == "meta" {
			metaStart, metaEnd = off, off+size
		}
		off += size
	}
	if metaEnd == 0 {
		t.Fatal("no meta box")
	}
	meta := file[metaStart+8 : metaEnd]
	kids, _ := isoBoxes(meta[4:])
	primary, err := heifPrimary(kids)
	if err != nil {
		t.Fatal(err)
	}
	var rebuilt [][]byte
	for _, k := range kids {
		if k.typ == "iprp" {
			rebuilt = append(rebuilt, box("iprp", withProperty(t, k.content, primary, prop)))
			continue
		}
		rebuilt = append(rebuilt, box(k.typ, k.content))
	}
	newMeta := box("meta", append([][]byte{meta[:4]}, rebuilt...)...)
	shiftILOC(t, newMeta, len(newMeta)-(metaEnd-metaStart))
	out := append([]byte{}, file[:metaStart]...)
	out = append(out, newMeta...)
	return append(out, file[metaEnd:]...)
}

// withProperty appends prop to ipco and its association to the item's ipma entry.
func withProperty(t *testing.T, iprp []byte, item uint32, prop []byte) []byte {
	kids, _ := isoBoxes(iprp)
	ipco, _ := findBox(kids, "ipco")
	props, _ := isoBoxes(ipco.content)
	index := len(props) + 1
	ipma, _ := findBox(kids, "ipma")
	c := ipma.content
	if c[0] != 0 || c[3]&1 != 0 {
		t.Fatal("only ipma version 0 with 1-byte associations is handled")
	}
	out := append([]byte{}, c[:8]...)
	p := c[8:]
	for e := binary.BigEndian.Uint32(c[4:]); e > 0; e-- {
		id, n := uint32(binary.BigEndian.Uint16(p)), int(p[2])
		entry := append([]byte{}, p[:3+n]...)
		if id == item {
			entry[2]++
			entry = append(entry, 0x80|byte(index))
		}
		out = append(out, entry...)
		p = p[3+n:]
	}
	return append(box("ipco", ipco.content, prop), box("ipma", out)...)
}

// shiftILOC adds delta to every extent offset in the iloc box inside meta (ImageMagick's files:
// version 0, 4-byte offsets, no base offset).
func shiftILOC(t *testing.T, meta []byte, delta int) {
	kids, _ := isoBoxes(meta[12:])
	iloc, ok := findBox(kids, "iloc")
	if !ok {
		t.Fatal("no iloc")
	}
	c := iloc.content
	if c[0] != 0 || c[4] != 0x44 || c[5]>>4 != 0 && c[5]>>4 != 4 {
		t.Fatalf("iloc layout %x not handled", c[:6])
	}
	baseSize := int(c[5] >> 4)
	p := c[8:]
	for n := binary.BigEndian.Uint16(c[6:]); n > 0; n-- {
		p = p[4+baseSize:] // item ID, data reference index, base offset
		extents := int(binary.BigEndian.Uint16(p))
		p = p[2:]
		for ; extents > 0; extents-- {
			binary.BigEndian.PutUint32(p, uint32(int(binary.BigEndian.Uint32(p))+delta))
			p = p[8:]
		}
	}
}
