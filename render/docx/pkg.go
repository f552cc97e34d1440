package docx

import (
	"archive/zip"
	"bytes"
	"hash/crc32"
	"io"
	"time"
)

// part is one file of the package (an OPC part).
type part struct {
	name        string // path inside the zip, no leading slash
	contentType string // registered in [Content_Types].xml as an Override ("" for Default ones)
	data        []byte
	stored      bool // already compressed (the photo): stored, not deflated again
}

// Content types and relationship types of the parts this writer makes (ECMA-376 Part 1 §15,
// Part 2 annex E).
const (
	ctRels      = "application/vnd.openxmlformats-package.relationships+xml"
	ctDocument  = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles    = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings  = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFontTable = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctFooter    = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctHeader    = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
	ctCore      = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp       = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

	relOfficeDoc = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore      = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSettings  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relFontTable = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relFooter    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
	relHeader    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
	relImage     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
)

// rel is one relationship of a relationships part. Targets are relative to the source part's
// folder, as Word writes them.
type rel struct{ id, typ, target string }

// relsXML writes a relationships part.
func relsXML(rels []rel) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, r := range rels {
		b.WriteString(`<Relationship Id="` + r.id + `" Type="` + r.typ + `" Target="` + escaped(r.target) + `"/>`)
	}
	b.WriteString(`</Relationships>`)
	return b.Bytes()
}

// contentTypesXML lists every part: rels and XML by extension, the media by extension, the
// rest by name.
func contentTypesXML(parts []part, media map[string]string) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="` + ctRels + `"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, ext := range []string{"gif", "jpeg", "png"} { // fixed order: same input, same bytes
		if ct, ok := media[ext]; ok {
			b.WriteString(`<Default Extension="` + ext + `" ContentType="` + ct + `"/>`)
		}
	}
	for _, p := range parts {
		if p.contentType != "" {
			b.WriteString(`<Override PartName="/` + escaped(p.name) + `" ContentType="` + p.contentType + `"/>`)
		}
	}
	b.WriteString(`</Types>`)
	return b.Bytes()
}

// zipTime is the modification time of every entry when no creation time is given: the
// earliest an MS-DOS zip time can hold, so the same draft always gives the same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes the parts in the given order ([Content_Types].xml must be first for some
// readers) with one fixed time, so the output depends on nothing but the input.
func writeZip(w io.Writer, parts []part, modified time.Time) error {
	if modified.IsZero() || modified.Before(zipTime) {
		modified = zipTime
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		var f io.Writer
		var err error
		if p.stored {
			// Stored with its CRC and size in the local header: a stored entry followed by a
			// data descriptor is a combination some zip readers refuse. CreateRaw writes the
			// header as given, so the version and the MS-DOS time are filled in here.
			h := &zip.FileHeader{Name: p.name, Method: zip.Store, CreatorVersion: 20, ReaderVersion: 20,
				CRC32: crc32.ChecksumIEEE(p.data), CompressedSize64: uint64(len(p.data)), UncompressedSize64: uint64(len(p.data))}
			h.SetModTime(modified.UTC()) //lint:ignore SA1019 CreateRaw needs the MS-DOS fields set
			f, err = zw.CreateRaw(h)
		} else {
			f, err = zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified.UTC()})
		}
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}
