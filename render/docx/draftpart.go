package docx

import (
	"bytes"

	"shenbao/forms"
)

// The .docx carries the draft it was made from as a custom XML part (ECMA-376 Part 1 §22.5),
// so that `shenbao FILE.docx` can continue where the teacher left off: Word, WPS and
// LibreOffice keep custom XML parts when they save the document again.
//
//	word/document.xml ─customXml→ customXml/item1.xml ─customXmlProps→ customXml/itemProps1.xml
//
// item1.xml holds the draft file's JSON (FORM.md §3) as the text of one element.

// DraftNamespace names the element that holds the draft; readers look for it.
const DraftNamespace = "urn:liuzhou-mbzr-shenbao:draft"

// DraftPart is the custom XML part's name inside the package.
const DraftPart = "customXml/item1.xml"

const (
	ridDraft         = "rIdShenbaoDraft" // an id no other relationship of the document uses
	relCustomXML     = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
	relCustomXMLProp = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
	ctCustomXMLProp  = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
	nsCustomXML      = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"
	// draftItemID is fixed, so the same draft still gives the same bytes.
	draftItemID = "{5A4B3C2D-1E0F-4A9B-8C7D-6E5F4A3B2C1D}"
)

// draftRel is the document's relationship to the draft part.
var draftRel = rel{ridDraft, relCustomXML, "../" + DraftPart}

// draftParts are the parts that carry d.
func draftParts(d *forms.Draft) []part {
	return []part{
		{name: DraftPart, data: DraftXML(d.Form().DraftFormat, d.Marshal())},
		{name: "customXml/itemProps1.xml", contentType: ctCustomXMLProp, data: draftPropsXML()},
		{name: "customXml/_rels/item1.xml.rels", data: relsXML([]rel{{"rId1", relCustomXMLProp, "itemProps1.xml"}})},
	}
}

// DraftXML wraps a draft file's JSON in the element readers look for. The JSON holds only
// ASCII outside its strings, and Marshal escapes control characters, so escaping the markup
// characters keeps it whole; the two non-characters XML cannot hold become JSON escapes.
func DraftXML(format string, json []byte) []byte {
	var b bytes.Buffer
	b.WriteString(xmlHeader)
	b.WriteString(`<draft xmlns="` + DraftNamespace + `" format="` + escaped(format) + `">`)
	s := bytes.NewBuffer(nil)
	for _, r := range string(json) {
		switch r {
		case 0xFFFE:
			s.WriteString(`\ufffe`)
		case 0xFFFF:
			s.WriteString(`\uffff`)
		default:
			s.WriteRune(r)
		}
	}
	writeEscaped(&b, s.String())
	b.WriteString(`</draft>`)
	return b.Bytes()
}

func draftPropsXML() []byte {
	return []byte(xmlHeader + `<ds:datastoreItem ds:itemID="` + draftItemID + `" xmlns:ds="` + nsCustomXML + `">` +
		`<ds:schemaRefs><ds:schemaRef ds:uri="` + DraftNamespace + `"/></ds:schemaRefs></ds:datastoreItem>`)
}
