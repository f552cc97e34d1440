package readback

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"strings"
)

// A document's body as a blank template's importer (package formimport) reads it: the
// paragraphs outside the tables and the tables with their grid, row heights, spans and
// merges. It is read by the same bounded reader as the forms filled by hand (grid.go).

// Body is a document's paragraphs outside tables and its tables, each in document order.
type Body struct {
	Paragraphs []Paragraph
	Tables     []Table // the tables of the body; a table nested in a cell is not among them
}

// Paragraph is a paragraph outside the tables.
type Paragraph struct {
	Text      string // line breaks as "\n", tabs as "\t"
	Tables    int    // how many tables come before it
	Centered  bool   // w:jc center
	Bold      bool   // a run of it is bold
	Size      int    // the largest w:sz of its runs, half-points; 0 when none is given
	PageBreak bool   // it starts a page (w:pageBreakBefore) or breaks one (w:br w:type="page")
}

// Table is one table: its grid (w:tblGrid's w:gridCol widths, twips) and its rows.
type Table struct {
	Grid []int
	Rows []Row
}

// Row is one row: its cells and its w:trHeight (twips, 0 when none; Exact: hRule="exact").
type Row struct {
	Cells  []Cell
	Height int
	Exact  bool
}

// Cell is one cell of a row, at the grid column Col (w:gridBefore counted), over Span grid
// columns (w:gridSpan, a legacy w:hMerge joined). Merge: it goes on a vertical merge from the
// row above (w:vMerge); Restart: it starts one. Width: its w:tcW in twips, 0 when not given
// in twips. Paragraphs: how many it holds; Pictures: how many pictures.
type Cell struct {
	Text           string // paragraphs joined by "\n", line breaks as "\n", tabs as "\t"
	Col, Span      int
	Merge, Restart bool
	Width          int
	Paragraphs     int
	Pictures       int
}

// ReadBody reads the body of a .docx, bounded as ReadDOCX is.
func ReadBody(data []byte) (*Body, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrBadDOCX
	}
	if len(zr.File) > maxZipEntries {
		return nil, ErrTooComplex
	}
	doc, err := readPart(zr, documentPart(zr))
	if errors.Is(err, errNoPart) {
		return nil, ErrBadDOCX
	}
	if err != nil {
		return nil, err
	}
	return ParseBody(doc)
}

// ParseBody reads the body of a word/document.xml.
func ParseBody(doc []byte) (*Body, error) {
	br := &bodyReader{}
	g, err := readGrid(doc, br)
	if err != nil {
		return nil, err
	}
	if len(g.tables) > 0 { // a damaged end inside a table: keep its rows
		br.table(g.tables[0])
	}
	return &br.body, nil
}

// maxParagraphs bounds the paragraphs outside tables that are kept.
const maxParagraphs = 50000

// bodyReader collects what readGrid reads outside the tables.
type bodyReader struct {
	body  Body
	para  *Paragraph
	text  strings.Builder
	depth int // w:p inside w:p (a text box's): one paragraph
}

func (br *bodyReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "p":
		if br.depth++; br.depth == 1 {
			if len(br.body.Paragraphs) >= maxParagraphs {
				return ErrTooComplex
			}
			br.para = &Paragraph{Tables: len(br.body.Tables)}
			br.text.Reset()
		}
	case "jc":
		if br.para != nil && attr(t, "val") == "center" {
			br.para.Centered = true
		}
	case "b":
		if v := attr(t, "val"); br.para != nil && v != "0" && v != "false" && v != "off" {
			br.para.Bold = true
		}
	case "sz":
		if br.para != nil {
			br.para.Size = max(br.para.Size, min(intAttr(t, "val", 0), 10000))
		}
	case "pageBreakBefore":
		if v := attr(t, "val"); br.para != nil && v != "0" && v != "false" && v != "off" {
			br.para.PageBreak = true
		}
	case "br", "cr":
		if br.para != nil && attr(t, "type") == "page" {
			br.para.PageBreak = true
			return nil
		}
		br.write("\n")
	case "tab":
		br.write("\t")
	}
	return nil
}

func (br *bodyReader) end(t xml.EndElement) error {
	if t.Name.Local != "p" || br.depth == 0 {
		return nil
	}
	if br.depth--; br.depth == 0 && br.para != nil {
		br.para.Text = br.text.String()
		br.body.Paragraphs = append(br.body.Paragraphs, *br.para)
		br.para = nil
	}
	return nil
}

func (br *bodyReader) write(s string) {
	if br.para != nil && br.text.Len()+len(s) <= maxCellText {
		br.text.WriteString(s)
	}
}

// table keeps a table of the body once it closes; a paragraph left open around it (a
// damaged file) is dropped.
func (br *bodyReader) table(tb *tableState) {
	br.depth, br.para = 0, nil
	br.body.Tables = append(br.body.Tables, Table{Grid: tb.grid, Rows: tb.rows})
}

// bodyRow is the row tb has just read, as ParseBody gives it.
func bodyRow(tb *tableState) Row {
	r := Row{Height: tb.height, Exact: tb.exact, Cells: make([]Cell, len(tb.row))}
	for i, c := range tb.row {
		r.Cells[i] = Cell{Text: c.text, Col: c.col, Span: c.span, Merge: c.merge, Restart: c.restart,
			Width: c.width, Paragraphs: c.paras, Pictures: len(c.images)}
	}
	return r
}
