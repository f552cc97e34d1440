package pdf

import (
	"bytes"
	"fmt"
	"strconv"
)

// catalogExtras are added to gopdf's catalog, which has no way to take them: readers print
// at actual size and one-sided by default (a reader's "fit to page" would shrink the 25 × 35 mm
// photo and the boxes sized for 42 mm seals; PDF 32000 §12.2, ViewerPreferences), and the
// document's language is Chinese (§14.9.2), for screen readers and text extraction.
const catalogExtras = "  /ViewerPreferences << /PrintScaling /None /Duplex /Simplex >>\n  /Lang (zh-CN)\n"

// extendCatalog returns doc, a PDF as gopdf writes it (one classic cross-reference table),
// with catalogExtras inserted in its catalog, every offset after them moved to match.
func extendCatalog(doc []byte) ([]byte, error) {
	m := reStartXref.FindSubmatchIndex(doc)
	if m == nil {
		return nil, errNotOurs
	}
	xref, _ := strconv.Atoi(string(doc[m[2]:m[3]]))
	trailerAt := bytes.LastIndex(doc, []byte("trailer"))
	if xref <= 0 || xref >= len(doc) || trailerAt < xref {
		return nil, errNotOurs
	}
	_, root, err := trailerNumbers(doc[trailerAt:])
	if err != nil {
		return nil, err
	}
	catalog, err := objectBody(doc, xref, root)
	if err != nil {
		return nil, err
	}
	start := bytes.Index(doc, catalog) // objectBody returns a slice of doc
	end := bytes.LastIndex(catalog, []byte(">>"))
	if start < 0 || end < 0 {
		return nil, errNotOurs
	}
	at := start + end // the catalog's closing >>
	delta := len(catalogExtras)

	h := reXrefHead.FindSubmatchIndex(doc[xref:])
	count, _ := strconv.Atoi(string(doc[xref+h[2] : xref+h[3]]))
	entries := xref + h[1]
	if entries+20*count > trailerAt {
		return nil, errNotOurs
	}
	var b bytes.Buffer
	b.Grow(len(doc) + delta)
	b.Write(doc[:at])
	b.WriteString(catalogExtras)
	b.Write(doc[at:entries])
	for i := 0; i < count; i++ {
		e := doc[entries+20*i : entries+20*i+20]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil {
			return nil, errNotOurs
		}
		if e[17] == 'n' && off > at {
			off += delta
		}
		fmt.Fprintf(&b, "%010d", off)
		b.Write(e[10:])
	}
	b.Write(doc[entries+20*count : m[2]])
	b.WriteString(strconv.Itoa(xref + delta))
	b.Write(doc[m[3]:])
	return b.Bytes(), nil
}
