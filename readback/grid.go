package readback

import (
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
)

// The tables of a WordprocessingML document as a grid: each row's cells with the grid column
// they start at and how many they span (w:gridSpan, w:gridBefore), and whether a cell goes on
// a merge from the row above (w:vMerge). Word, WPS and LibreOffice all save tables so;
// nothing here depends on how our writer laid the form out.

type gridCell struct {
	text  string // paragraphs joined by "\n", line breaks as "\n", tabs as "\t"
	col   int    // first grid column
	span  int
	merge bool // w:vMerge continue: part of the cell above
	// goesOn: the cell's first paragraph has no first-line indent (w:ind firstLine="0"): our
	// writer's mark for the second half of a long paragraph it cut between two rows.
	goesOn bool
	images []string // relationship ids of the pictures in the cell (DrawingML, VML)
	// What a template's importer needs as well (body.go): the cell starts a vertical merge
	// (w:vMerge restart), its w:tcW in twips (0 when not given in twips), its paragraphs;
	// hMerge: a continuing part of a legacy horizontal merge (w:hMerge), joined to the cell
	// before it.
	restart bool
	width   int
	paras   int
	hMerge  bool
}

type gridRow []gridCell

// Bounds of the tables read.
const (
	maxRows     = 5000
	maxCells    = 50000
	maxDepth    = 256
	maxCellText = 1 << 20 // bytes of one cell's text
	maxGridCols = 1000    // w:gridCol of one table
)

// WordprocessingML's namespaces, transitional and strict.
const (
	nsMain   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC     = "http://schemas.openxmlformats.org/markup-compatibility/2006"
	nsA      = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsVML    = "urn:schemas-microsoft-com:vml"
)

// tableState is one open table (tables nest inside cells).
type tableState struct {
	row    gridRow
	col    int
	inCell bool
	cell   gridCell
	text   strings.Builder
	paras  int
	// For ParseBody: the table's w:gridCol widths, the current row's w:trHeight, the rows.
	grid   []int
	height int
	exact  bool
	rows   []Row
}

// tableRows reads every row of every table, in document order (a nested table's rows come
// before the row that holds it). The XML is read token by token; gridReader keeps where the
// reading is.
func tableRows(doc []byte) ([]gridRow, error) {
	g, err := readGrid(doc, nil)
	if err != nil {
		return nil, err
	}
	return g.rows, nil
}

// readGrid reads the document's tables, and with body the paragraphs outside them too.
func readGrid(doc []byte, body *bodyReader) (*gridReader, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	g := &gridReader{body: body}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(g.rows) > 0 {
				break // a damaged end: keep what was read
			}
			return nil, ErrBadDOCX
		}
		switch t := tok.(type) {
		case xml.StartElement:
			err = g.start(t)
		case xml.EndElement:
			err = g.end(t)
		case xml.CharData:
			if g.inText && g.fallback == 0 {
				if tb := g.top(); tb != nil {
					write(tb, string(t))
				} else if g.body != nil {
					g.body.write(string(t))
				}
			}
		}
		if err != nil {
			return nil, err
		}
	}
	return g, nil
}

// gridReader is the state of tableRows: the rows read so far, the tables open around the
// current element (innermost last), and the bounds' counters.
type gridReader struct {
	rows     []gridRow
	tables   []*tableState
	depth    int
	inText   bool
	fallback int // inside mc:Fallback: a copy of what mc:Choice holds, skipped
	cells    int
	body     *bodyReader // ParseBody: the paragraphs outside tables and the tables; nil otherwise
}

// top is the innermost open table, nil outside any.
func (g *gridReader) top() *tableState {
	if len(g.tables) == 0 {
		return nil
	}
	return g.tables[len(g.tables)-1]
}

// start handles an opening element: the depth bound, mc:Fallback, pictures in a cell, then
// WordprocessingML's own elements.
func (g *gridReader) start(t xml.StartElement) error {
	if g.depth++; g.depth > maxDepth {
		return ErrTooComplex
	}
	if t.Name.Space == nsMC && t.Name.Local == "Fallback" || g.fallback > 0 {
		g.fallback++
		return nil
	}
	if id := pictureRel(t); id != "" {
		if tb := g.top(); tb != nil && tb.inCell && len(tb.cell.images) < 4 {
			tb.cell.images = append(tb.cell.images, id)
		}
	}
	if !isW(t.Name) {
		return nil
	}
	if t.Name.Local == "tbl" {
		g.tables = append(g.tables, &tableState{})
		return nil
	}
	if tb := g.top(); tb != nil {
		return g.startInTable(tb, t)
	}
	if t.Name.Local == "t" {
		g.inText = true
	}
	if g.body != nil {
		return g.body.start(t)
	}
	return nil
}

// startInTable handles an opening w: element inside a table: rows, cells and their spans
// and merges, paragraphs, text and the characters Word writes as elements.
func (g *gridReader) startInTable(tb *tableState, t xml.StartElement) error {
	switch t.Name.Local {
	case "tr":
		tb.row, tb.col, tb.height, tb.exact = nil, 0, 0, false
	case "gridBefore":
		if !tb.inCell {
			tb.col += intAttr(t, "val", 0)
		}
	case "tc":
		if g.cells++; g.cells > maxCells {
			return ErrTooComplex
		}
		tb.inCell, tb.cell, tb.paras = true, gridCell{col: tb.col, span: 1}, 0
		tb.text.Reset()
	case "gridSpan":
		if tb.inCell {
			tb.cell.span = min(max(1, intAttr(t, "val", 1)), 1000)
		}
	case "vMerge":
		if tb.inCell {
			tb.cell.merge = attr(t, "val") != "restart"
			tb.cell.restart = !tb.cell.merge
		}
	case "hMerge":
		if tb.inCell {
			tb.cell.hMerge = attr(t, "val") != "restart"
		}
	case "tcW":
		if tb.inCell && (attr(t, "type") == "dxa" || attr(t, "type") == "") {
			tb.cell.width = min(intAttr(t, "w", 0), 1<<20)
		}
	case "gridCol":
		if !tb.inCell && len(tb.grid) < maxGridCols {
			tb.grid = append(tb.grid, min(intAttr(t, "w", 0), 1<<20))
		}
	case "trHeight":
		if !tb.inCell {
			tb.height, tb.exact = min(intAttr(t, "val", 0), 1<<20), attr(t, "hRule") == "exact"
		}
	case "p":
		if tb.inCell && tb.paras > 0 {
			tb.text.WriteByte('\n')
		}
		if tb.inCell {
			tb.paras++
		}
	case "t":
		g.inText = true
	case "tab", "ptab":
		write(tb, "\t")
	case "br", "cr":
		write(tb, "\n")
	case "noBreakHyphen":
		write(tb, "-")
	case "ind":
		// LibreOffice saves the same indent as w:hanging="0".
		if tb.inCell && tb.paras == 1 && (attr(t, "firstLine") == "0" || attr(t, "hanging") == "0") {
			tb.cell.goesOn = true
		}
	}
	return nil
}

// end handles a closing element: a cell's text is kept, a row joins the rows read, a table
// closes.
func (g *gridReader) end(t xml.EndElement) error {
	g.depth--
	if g.fallback > 0 {
		g.fallback--
		return nil
	}
	if !isW(t.Name) {
		return nil
	}
	if t.Name.Local == "t" {
		g.inText = false
	}
	tb := g.top()
	if tb == nil {
		if g.body != nil {
			return g.body.end(t)
		}
		return nil
	}
	switch t.Name.Local {
	case "tc":
		if tb.inCell {
			tb.cell.text = strings.TrimRight(tb.text.String(), "\n")
			tb.cell.paras = tb.paras
			if n := len(tb.row); tb.cell.hMerge && n > 0 {
				// the legacy merge's part: one cell with the one before
				tb.row[n-1].span += tb.cell.span
				tb.row[n-1].width += tb.cell.width
			} else {
				tb.row = append(tb.row, tb.cell)
			}
			tb.col += tb.cell.span
			tb.inCell = false
		}
	case "tr":
		if len(g.rows) >= maxRows {
			return ErrTooComplex
		}
		g.rows = append(g.rows, tb.row)
		if g.body != nil {
			tb.rows = append(tb.rows, bodyRow(tb))
		}
		tb.row = nil
	case "tbl":
		g.tables = g.tables[:len(g.tables)-1]
		if g.body != nil && len(g.tables) == 0 {
			g.body.table(tb)
		}
	}
	return nil
}

// pictureRel is the relationship id of a picture element: DrawingML's a:blip r:embed, or
// VML's v:imagedata r:id (older Word and WPS).
func pictureRel(t xml.StartElement) string {
	switch {
	case t.Name.Space == nsA && t.Name.Local == "blip":
		return attr(t, "embed")
	case t.Name.Space == nsVML && t.Name.Local == "imagedata":
		return attr(t, "id")
	}
	return ""
}

func isW(n xml.Name) bool { return n.Space == nsMain || n.Space == nsStrict }

func write(tb *tableState, s string) {
	if tb == nil || !tb.inCell || tb.text.Len()+len(s) > maxCellText {
		return
	}
	tb.text.WriteString(s)
}

func attr(t xml.StartElement, local string) string {
	for _, a := range t.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func intAttr(t xml.StartElement, local string, def int) int {
	n, err := strconv.Atoi(attr(t, local))
	if err != nil || n < 0 {
		return def
	}
	return n
}
