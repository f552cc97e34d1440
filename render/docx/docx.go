// Package docx writes the 申报表 as a Word document (.docx): WordprocessingML written by hand
// from render's table model (the same rows the PDF prints, as render.Paginate breaks them), so
// the teacher can still edit it in Word, WPS or LibreOffice and Word paginates as the PDF.
//
// Every part is valid against the ECMA-376 transitional schemas (tested with xmllint), and the
// same draft and options always give the same bytes.
package docx

import (
	"io"
	"time"

	"shenbao/forms"
	"shenbao/render"
)

// Options are what the document says about itself besides the form.
type Options struct {
	Draft   bool      // print 草稿（未通过检查） at the top of every page
	Author  string    // dc:creator and lastModifiedBy; "" leaves them out
	Creator string    // the writing program and version, e.g. "shenbao 0.1.0"
	Created time.Time // creation time of the document and of every zip entry; zero: 1980-01-01, no date in the properties
}

// Write writes the draft as a .docx to w. An empty draft gives the blank form.
func Write(w io.Writer, d *forms.Draft, opt Options) error {
	parts, err := buildParts(d, opt)
	if err != nil {
		return err
	}
	return writeZip(w, parts, opt.Created)
}

// buildParts returns the package's parts in the order they are zipped.
func buildParts(d *forms.Draft, opt Options) ([]part, error) {
	// The table as the PDF paginates it: where the PDF lowers a row's content (Row.Drop),
	// the .docx does too, so Word breaks its pages where the PDF does.
	t, _, err := render.Paginate(d, render.Options{})
	if err != nil {
		return nil, err
	}
	g := geometry()
	p := loadPhoto(t)

	docRels := []rel{
		{ridStyles, relStyles, "styles.xml"},
		{ridSettings, relSettings, "settings.xml"},
		{ridFontTable, relFontTable, "fontTable.xml"},
		{ridFooter, relFooter, "footer1.xml"},
	}
	if opt.Draft {
		docRels = append(docRels, rel{ridHeader, relHeader, "header1.xml"})
	}
	media := map[string]string{}
	if p != nil {
		docRels = append(docRels, rel{ridPhoto, relImage, "media/photo." + p.ext})
		media[p.ext] = p.mime
	}
	docRels = append(docRels, draftRel) // the draft rides along (draftpart.go)

	parts := []part{
		{name: "_rels/.rels", data: relsXML([]rel{
			{"rId1", relOfficeDoc, "word/document.xml"},
			{"rId2", relCore, "docProps/core.xml"},
			{"rId3", relApp, "docProps/app.xml"},
		})},
		{name: "docProps/core.xml", contentType: ctCore, data: coreXML(d, opt)},
		{name: "docProps/app.xml", contentType: ctApp, data: appXML(opt)},
		{name: "word/document.xml", contentType: ctDocument, data: newBody(g, t, p, opt.Draft).xml()},
		{name: "word/_rels/document.xml.rels", data: relsXML(docRels)},
		{name: "word/styles.xml", contentType: ctStyles, data: stylesXML(g)},
		{name: "word/settings.xml", contentType: ctSettings, data: settingsXML()},
		{name: "word/fontTable.xml", contentType: ctFontTable, data: fontTableXML()},
		{name: "word/footer1.xml", contentType: ctFooter, data: footerXML()},
	}
	if opt.Draft {
		parts = append(parts, part{name: "word/header1.xml", contentType: ctHeader, data: headerXML(g)})
	}
	if p != nil {
		parts = append(parts, part{name: "word/media/photo." + p.ext, data: p.data, stored: true})
	}
	parts = append(parts, draftParts(d)...)
	ct := part{name: "[Content_Types].xml", data: contentTypesXML(parts, media)}
	return append([]part{ct}, parts...), nil
}
