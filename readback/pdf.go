package readback

import (
	"bytes"

	"shenbao/forms"
	"shenbao/pdfobj"
)

// Reading a PDF: our exports carry the draft as an embedded file (render/pdf/attach.go). The
// objects are walked in file order by pdfobj, which finds the embedded file whatever
// cross-reference form a later save used, and tells a scan (pictures, no font anywhere) from
// a PDF with text.
//
// Bounds: the file (MaxPDF), the objects walked (maxPDFObjects), a dictionary's length
// (pdfobj), and what a stream may inflate to (the draft limit, or maxObjStm for object
// streams).

const (
	maxPDFObjects = 200_000
	maxObjStm     = 4 << 20  // one object stream, inflated, looked through for fonts
	maxObjStmAll  = 32 << 20 // all object streams together
)

// pdfScan is what the walk found.
type pdfScan struct {
	drafts    [][]byte // embedded files, inflated
	fonts     bool     // a font dictionary
	text      bool     // a content stream shows text (BT … Tj)
	contents  int      // content streams decoded
	images    bool     // an image XObject
	encrypted bool
}

// hasText: text drawn on a page, or fonts where no content stream could be decoded. A
// scanner's PDF draws pictures only (fonts a writer added unused do not count).
func (s *pdfScan) hasText() bool { return s.text || s.contents == 0 && s.fonts }

// ReadPDF reads the draft a PDF carries.
func ReadPDF(data []byte) (*Result, error) {
	s, err := scanPDF(data)
	if err != nil {
		return nil, err
	}
	for _, raw := range s.drafts {
		if d, err := forms.Parse(raw); err == nil {
			return &Result{Draft: d, Kind: OurPDF}, nil
		} else if refusedDraft(err) {
			return nil, err
		}
	}
	switch {
	case s.encrypted:
		return nil, ErrEncrypted
	case s.images && !s.hasText():
		return nil, ErrScan
	}
	return nil, ErrNoFormPDF
}

func scanPDF(data []byte) (*pdfScan, error) {
	s := &pdfScan{}
	if bytes.Contains(data[max(0, len(data)-4096):], []byte("/Encrypt")) || bytes.Contains(data, []byte("/Encrypt ")) {
		s.encrypted = true
	}
	objStmBudget, contentBudget := maxObjStmAll, maxObjStmAll
	err := pdfobj.Walk(data, maxPDFObjects, func(o pdfobj.Object) bool {
		if o.Dict == nil {
			return true
		}
		s.note(o.Dict)
		if o.Stream == nil {
			return true
		}
		switch dict := o.Dict; {
		case pdfobj.HasName(dict, "Type", "EmbeddedFile"):
			if raw, ok := inflate(o.Stream, dict, forms.MaxFileSize); ok {
				s.drafts = append(s.drafts, raw)
			}
		case pdfobj.HasName(dict, "Type", "ObjStm") && objStmBudget > 0 && !s.fonts:
			if raw, ok := inflate(o.Stream, dict, min(maxObjStm, objStmBudget)); ok {
				objStmBudget -= len(raw)
				s.note(raw)
			}
		case contentStream(dict) && contentBudget > 0 && !s.text:
			if raw, ok := inflate(o.Stream, dict, min(maxObjStm, contentBudget)); ok {
				contentBudget -= len(raw)
				s.contents++
				s.text = showsText(raw)
			}
		}
		return true
	})
	if err != nil {
		return nil, ErrTooComplex
	}
	return s, nil
}

// note records what a dictionary (or an object stream's objects) says about the document.
func (s *pdfScan) note(dict []byte) {
	if pdfobj.HasName(dict, "Type", "Font") || bytes.Contains(dict, []byte("/FontDescriptor")) {
		s.fonts = true
	}
	if pdfobj.HasName(dict, "Subtype", "Image") {
		s.images = true
	}
}

// contentStream: a stream that may be a page's content or a form XObject (not a picture, a
// font program, metadata or the file's own structure).
func contentStream(dict []byte) bool {
	if bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/Length2")) {
		return false // an embedded font program
	}
	for _, t := range []string{"EmbeddedFile", "ObjStm", "XRef", "Metadata", "XObject"} {
		if pdfobj.HasName(dict, "Type", t) && !(t == "XObject" && pdfobj.HasName(dict, "Subtype", "Form")) {
			return false
		}
	}
	return !bytes.Contains(dict, []byte("/Subtype")) || pdfobj.HasName(dict, "Subtype", "Form")
}

// showsText: a text object that shows a string (BT … Tj, TJ, ' or ").
func showsText(content []byte) bool {
	bt := bytes.Index(content, []byte("BT"))
	if bt < 0 {
		return false
	}
	rest := content[bt:]
	return bytes.Contains(rest, []byte("Tj")) || bytes.Contains(rest, []byte("TJ")) ||
		bytes.Contains(rest, []byte("' ")) || bytes.Contains(rest, []byte("\" "))
}

// inflate decodes a stream that is plain or FlateDecode'd, at most limit bytes; false when
// it uses another filter, is damaged, or is larger.
func inflate(stream, dict []byte, limit int) ([]byte, bool) {
	filters := pdfobj.Names(dict, "Filter")
	if len(filters) == 0 {
		return stream, len(stream) <= limit
	}
	if len(filters) != 1 || filters[0] != "FlateDecode" {
		return nil, false
	}
	out, err := pdfobj.Inflate(stream, int64(limit))
	return out, err == nil
}
