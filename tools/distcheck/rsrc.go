package distcheck

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
)

// Resource types (winuser.h).
const (
	rtIcon      = 3
	rtGroupIcon = 14
	rtVersion   = 16
	rtManifest  = 24
)

// resource is one leaf of the .exe's resource tree: type / name / language → data.
type resource struct {
	Type uint32 // the type ID (all the types checked here have numeric IDs)
	Name string // "#1" for numeric IDs
	Lang uint32
	Data []byte
}

// resources walks the PE resource directory (IMAGE_DIRECTORY_ENTRY_RESOURCE) of f.
func resources(f *pe.File) ([]resource, error) {
	oh, ok := f.OptionalHeader.(*pe.OptionalHeader64)
	if !ok {
		return nil, errors.New("not a 64-bit image")
	}
	dir := oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
	if dir.VirtualAddress == 0 {
		return nil, errors.New("no resource directory")
	}
	sec := sectionAt(f, dir.VirtualAddress)
	if sec == nil {
		return nil, errors.New("resource directory outside every section")
	}
	data, err := sec.Data()
	if err != nil {
		return nil, err
	}
	r := rsrcReader{f: f, data: data[dir.VirtualAddress-sec.VirtualAddress:]}
	var out []resource
	types, err := r.dir(0)
	if err != nil {
		return nil, err
	}
	for _, t := range types {
		names, err := r.dir(t.offset)
		if err != nil {
			return nil, err
		}
		for _, n := range names {
			langs, err := r.dir(n.offset)
			if err != nil {
				return nil, err
			}
			for _, l := range langs {
				d, err := r.leaf(l.offset)
				if err != nil {
					return nil, err
				}
				out = append(out, resource{Type: t.id, Name: n.name, Lang: l.id, Data: d})
			}
		}
	}
	return out, nil
}

func sectionAt(f *pe.File, rva uint32) *pe.Section {
	for _, s := range f.Sections {
		if rva >= s.VirtualAddress && rva < s.VirtualAddress+max(s.VirtualSize, s.Size) {
			return s
		}
	}
	return nil
}

type rsrcReader struct {
	f    *pe.File
	data []byte // from the resource directory's start
}

type rsrcEntry struct {
	id     uint32
	name   string // "#<id>" or the string name
	offset uint32 // of the subdirectory or data entry
}

// dir reads an IMAGE_RESOURCE_DIRECTORY and its entries.
func (r rsrcReader) dir(off uint32) ([]rsrcEntry, error) {
	if int(off)+16 > len(r.data) {
		return nil, fmt.Errorf("resource directory at %#x out of bounds", off)
	}
	named := binary.LittleEndian.Uint16(r.data[off+12:])
	ids := binary.LittleEndian.Uint16(r.data[off+14:])
	var out []rsrcEntry
	for i := uint32(0); i < uint32(named)+uint32(ids); i++ {
		e := off + 16 + 8*i
		if int(e)+8 > len(r.data) {
			return nil, errors.New("resource entry out of bounds")
		}
		nameField := binary.LittleEndian.Uint32(r.data[e:])
		entry := rsrcEntry{offset: binary.LittleEndian.Uint32(r.data[e+4:]) &^ 0x80000000}
		if nameField&0x80000000 != 0 {
			s, err := r.str(nameField &^ 0x80000000)
			if err != nil {
				return nil, err
			}
			entry.name = s
		} else {
			entry.id = nameField
			entry.name = fmt.Sprintf("#%d", nameField)
		}
		out = append(out, entry)
	}
	return out, nil
}

// str reads an IMAGE_RESOURCE_DIR_STRING_U: a length in UTF-16 units, then the units.
func (r rsrcReader) str(off uint32) (string, error) {
	if int(off)+2 > len(r.data) {
		return "", errors.New("resource name out of bounds")
	}
	n := int(binary.LittleEndian.Uint16(r.data[off:]))
	if int(off)+2+2*n > len(r.data) {
		return "", errors.New("resource name out of bounds")
	}
	return decodeUTF16(r.data[off+2 : int(off)+2+2*n]), nil
}

// leaf reads an IMAGE_RESOURCE_DATA_ENTRY and returns the bytes its RVA points to.
func (r rsrcReader) leaf(off uint32) ([]byte, error) {
	if int(off)+16 > len(r.data) {
		return nil, errors.New("resource data entry out of bounds")
	}
	rva := binary.LittleEndian.Uint32(r.data[off:])
	size := binary.LittleEndian.Uint32(r.data[off+4:])
	sec := sectionAt(r.f, rva)
	if sec == nil {
		return nil, fmt.Errorf("resource data at RVA %#x outside every section", rva)
	}
	d, err := sec.Data()
	if err != nil {
		return nil, err
	}
	start := rva - sec.VirtualAddress
	if uint64(start)+uint64(size) > uint64(len(d)) {
		return nil, fmt.Errorf("resource data at RVA %#x, %d bytes, out of bounds", rva, size)
	}
	return d[start : start+size], nil
}

func decodeUTF16(b []byte) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		u[i] = binary.LittleEndian.Uint16(b[2*i:])
	}
	return string(utf16.Decode(u))
}

// groupIconEntry is one image of an RT_GROUP_ICON (GRPICONDIRENTRY).
type groupIconEntry struct {
	Width, Height int // 256 for the stored 0
	BitCount      int
	Bytes         int
	ID            uint16
}

func parseGroupIcon(b []byte) ([]groupIconEntry, error) {
	if len(b) < 6 || binary.LittleEndian.Uint16(b[2:]) != 1 {
		return nil, errors.New("not an icon group (GRPICONDIR type 1)")
	}
	n := int(binary.LittleEndian.Uint16(b[4:]))
	if len(b) < 6+14*n {
		return nil, fmt.Errorf("icon group says %d images in %d bytes", n, len(b))
	}
	var out []groupIconEntry
	for i := 0; i < n; i++ {
		e := b[6+14*i:]
		dim := func(v byte) int {
			if v == 0 {
				return 256
			}
			return int(v)
		}
		out = append(out, groupIconEntry{
			Width: dim(e[0]), Height: dim(e[1]),
			BitCount: int(binary.LittleEndian.Uint16(e[6:])),
			Bytes:    int(binary.LittleEndian.Uint32(e[8:])),
			ID:       binary.LittleEndian.Uint16(e[12:]),
		})
	}
	return out, nil
}

// versionInfo is what a VS_VERSIONINFO resource holds.
type versionInfo struct {
	FileVersion, ProductVersion [4]uint16
	Strings                     map[string]map[string]string // "080404b0" → key → value
	Translations                []uint32                     // lang<<16 | code page
}

// vsNode is one node of the version resource: wLength, wValueLength, wType, szKey, Value,
// Children, each part aligned to 4 bytes.
type vsNode struct {
	key      string
	text     bool
	value    []byte
	children []vsNode
}

func parseVSNode(b []byte) (vsNode, int, error) {
	if len(b) < 6 {
		return vsNode{}, 0, errors.New("version node too short")
	}
	length := int(binary.LittleEndian.Uint16(b))
	valueLen := int(binary.LittleEndian.Uint16(b[2:]))
	n := vsNode{text: binary.LittleEndian.Uint16(b[4:]) == 1}
	if length < 6 || length > len(b) {
		return n, 0, fmt.Errorf("version node length %d of %d bytes", length, len(b))
	}
	b = b[:length]
	pos := 6
	for ; pos+1 < len(b); pos += 2 {
		if b[pos] == 0 && b[pos+1] == 0 {
			break
		}
	}
	n.key = decodeUTF16(b[6:pos])
	pos = align4(pos + 2)
	if n.text {
		valueLen *= 2 // in UTF-16 units, with the NUL
	}
	if pos+valueLen > len(b) {
		return n, 0, fmt.Errorf("version node %q: value out of bounds", n.key)
	}
	n.value = b[pos : pos+valueLen]
	pos = align4(pos + valueLen)
	for pos < len(b) {
		c, size, err := parseVSNode(b[pos:])
		if err != nil {
			return n, 0, err
		}
		n.children = append(n.children, c)
		pos = align4(pos + size)
	}
	return n, length, nil
}

func align4(n int) int { return (n + 3) &^ 3 }

// parseVersion reads a VS_VERSIONINFO resource.
func parseVersion(b []byte) (versionInfo, error) {
	var vi versionInfo
	root, _, err := parseVSNode(b)
	if err != nil {
		return vi, err
	}
	if root.key != "VS_VERSION_INFO" || len(root.value) != 52 {
		return vi, fmt.Errorf("root %q with %d value bytes, want VS_VERSION_INFO and a VS_FIXEDFILEINFO", root.key, len(root.value))
	}
	le := binary.LittleEndian
	if le.Uint32(root.value) != 0xFEEF04BD {
		return vi, errors.New("VS_FIXEDFILEINFO signature missing")
	}
	quad := func(ms, ls uint32) [4]uint16 {
		return [4]uint16{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
	}
	vi.FileVersion = quad(le.Uint32(root.value[8:]), le.Uint32(root.value[12:]))
	vi.ProductVersion = quad(le.Uint32(root.value[16:]), le.Uint32(root.value[20:]))
	vi.Strings = map[string]map[string]string{}
	for _, c := range root.children {
		switch c.key {
		case "StringFileInfo":
			for _, table := range c.children {
				m := map[string]string{}
				for _, s := range table.children {
					m[s.key] = strings.TrimRight(decodeUTF16(s.value), "\x00")
				}
				vi.Strings[strings.ToLower(table.key)] = m
			}
		case "VarFileInfo":
			for _, v := range c.children {
				if v.key != "Translation" {
					continue
				}
				for i := 0; i+4 <= len(v.value); i += 4 {
					vi.Translations = append(vi.Translations, uint32(le.Uint16(v.value[i:]))<<16|uint32(le.Uint16(v.value[i+2:])))
				}
			}
		}
	}
	return vi, nil
}

// pngSignature starts every PNG; icon images are either PNG or a BITMAPINFOHEADER (40).
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

func isIconImage(b []byte) bool {
	return bytes.HasPrefix(b, pngSignature) || len(b) > 40 && binary.LittleEndian.Uint32(b) == 40
}
