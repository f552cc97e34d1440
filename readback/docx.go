package readback

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/render/docx"
)

// Reading a .docx: the draft our export carries (a custom XML part), and the form's table read
// by its labels. When both are there the cells win, field by field, and the differences are
// reported: the teacher may have corrected the Word file after exporting it.

// Bounds of a .docx (a zip: count its entries, cap what each inflates to).
const (
	maxZipEntries = 5000
	maxPartBytes  = 32 << 20 // word/document.xml or a custom XML part, inflated
)

// ReadDOCX reads the draft in a .docx.
func ReadDOCX(data []byte) (*Result, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrBadDOCX
	}
	if len(zr.File) > maxZipEntries {
		return nil, ErrTooComplex
	}
	saved, err := carriedDraft(zr)
	if err != nil {
		return nil, err
	}
	docPart := documentPart(zr)
	doc, err := readPart(zr, docPart)
	if err != nil {
		if saved != nil {
			return &Result{Draft: saved, Kind: OurDOCX}, nil
		}
		if errors.Is(err, errNoPart) {
			return nil, ErrNoFormDOCX
		}
		return nil, err
	}
	rows, err := tableRows(doc)
	if err != nil {
		return nil, err
	}
	if saved != nil {
		cells := readCells(labelsOf(saved.Form()), rows)
		d, changes := merge(saved, cells)
		return &Result{Draft: d, Kind: OurDOCX, Changes: changes}, nil
	}
	cells := bestCells(rows)
	if !cells.isForm() {
		return nil, ErrNoFormDOCX
	}
	r := &Result{Draft: cells.draft(), Kind: FilledDOCX, Missing: cells.missing()}
	if cells.photo != "" {
		r.Draft.Photo, r.PhotoProblem = cellPhoto(zr, docPart, cells.photo)
	}
	return r, nil
}

// cellPhoto reads the picture in the form's photo cell through the photo pipeline, as if
// the teacher had chosen it in the app: turned upright, cut to 5:7, stored as the JPEG the
// form prints. A picture the pipeline refuses is left out, with the reason.
func cellPhoto(zr *zip.Reader, docPart, id string) (*forms.Photo, string) {
	rels, err := readPart(zr, path.Join(path.Dir(docPart), "_rels", path.Base(docPart)+".rels"))
	if err != nil {
		return nil, ""
	}
	var target string
	for _, r := range parseRelsWithID(rels) {
		if r.id == id && strings.HasSuffix(r.typ, "/image") {
			target = path.Join(path.Dir(docPart), r.target)
		}
	}
	if target == "" {
		return nil, ""
	}
	data, err := readPart(zr, strings.TrimPrefix(target, "/"))
	if err != nil {
		return nil, ""
	}
	res, err := photo.Process(data, nil)
	if err != nil {
		return nil, photo.Message(err)
	}
	return &forms.Photo{MIME: photo.MIME, Data: base64.StdEncoding.EncodeToString(res.JPEG),
		SourceWidth: res.SourceWidth, SourceHeight: res.SourceHeight}, ""
}

var errNoPart = errors.New("part not in the package")

// documentPart is the main document's name: from the package relationships, as Word finds
// it, or word/document.xml.
func documentPart(zr *zip.Reader) string {
	rels, err := readPart(zr, "_rels/.rels")
	if err != nil {
		return "word/document.xml"
	}
	for _, r := range parseRels(rels) {
		if strings.HasSuffix(r.typ, "/officeDocument") {
			return strings.TrimPrefix(path.Clean("/"+r.target), "/")
		}
	}
	return "word/document.xml"
}

type relation struct{ id, typ, target string }

func parseRels(data []byte) []relation { return parseRelsWithID(data) }

func parseRelsWithID(data []byte) []relation {
	var doc struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Type   string `xml:"Type,attr"`
			Target string `xml:"Target,attr"`
			Mode   string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &doc) != nil {
		return nil
	}
	var out []relation
	for _, r := range doc.Rels {
		if r.Mode == "External" {
			continue // a linked picture is not in the file, and is never fetched
		}
		out = append(out, relation{r.ID, r.Type, r.Target})
	}
	return out
}

// readPart reads one entry, bounded; errNoPart when the package has none of that name.
func readPart(zr *zip.Reader, name string) ([]byte, error) {
	for _, f := range zr.File {
		if !strings.EqualFold(f.Name, name) {
			continue
		}
		if f.UncompressedSize64 > maxPartBytes {
			return nil, ErrTooComplex
		}
		rc, err := f.Open()
		if err != nil {
			return nil, ErrBadDOCX
		}
		defer rc.Close()
		data, err := io.ReadAll(io.LimitReader(rc, maxPartBytes+1))
		if err != nil {
			return nil, ErrBadDOCX
		}
		if len(data) > maxPartBytes {
			return nil, ErrTooComplex
		}
		return data, nil
	}
	return nil, errNoPart
}

// carriedDraft finds the draft among the custom XML parts (customXml/item*.xml; Word and
// LibreOffice renumber them when they save). nil when there is none. A draft from a later
// version of the program, or of a form this program does not have, is an error, not a reason
// to read the cells instead.
func carriedDraft(zr *zip.Reader) (*forms.Draft, error) {
	for _, f := range zr.File {
		name := strings.ToLower(f.Name)
		if !strings.HasPrefix(name, "customxml/item") || strings.HasPrefix(name, "customxml/itemprops") || !strings.HasSuffix(name, ".xml") {
			continue
		}
		data, err := readPart(zr, f.Name)
		if err != nil {
			continue
		}
		json, ok := draftText(data)
		if !ok {
			continue
		}
		d, err := forms.Parse([]byte(json))
		if refusedDraft(err) {
			return nil, err
		}
		if err == nil {
			return d, nil
		}
	}
	return nil, nil
}

// draftText is the text of the draft element of render/docx's custom XML part.
func draftText(data []byte) (string, bool) {
	if !bytes.Contains(data, []byte(docx.DraftNamespace)) {
		return "", false
	}
	var el struct {
		XMLName xml.Name
		Text    string `xml:",chardata"`
	}
	if xml.Unmarshal(data, &el) != nil || el.XMLName.Space != docx.DraftNamespace || el.XMLName.Local != "draft" {
		return "", false
	}
	return el.Text, true
}
