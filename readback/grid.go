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
}

type gridRow []gridCell

// Bounds of the tables read.
const (
	maxRows     = 5000
	maxCells    = 50000
	maxDepth    = 256
	maxCellText = 1 << 20 // bytes of one cell's text
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
}

// tableRows reads every row of every table, in document order (a nested table's rows come
// before the row that holds it).
func tableRows(doc []byte) ([]gridRow, error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	var (
		rows     []gridRow
		tables   []*tableState
		depth    int
		inText   bool
		fallback int // inside mc:Fallback: a copy of what mc:Choice holds
		cells    int
	)
	top := func() *tableState {
		if len(tables) == 0 {
			return nil
		}
		return tables[len(tables)-1]
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(rows) > 0 {
				break // a damaged end: keep what was read
			}
			return nil, ErrBadDOCX
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxDepth {
				return nil, ErrTooComplex
			}
			if t.Name.Space == nsMC && t.Name.Local == "Fallback" || fallback > 0 {
				fallback++
				continue
			}
			if id := pictureRel(t); id != "" {
				if tb := top(); tb != nil && tb.inCell && len(tb.cell.images) < 4 {
					tb.cell.images = append(tb.cell.images, id)
				}
			}
			if !isW(t.Name) {
				continue
			}
			tb := top()
			switch t.Name.Local {
			case "tbl":
				tables = append(tables, &tableState{})
			case "tr":
				if tb != nil {
					tb.row, tb.col = nil, 0
				}
			case "gridBefore":
				if tb != nil && !tb.inCell {
					tb.col += intAttr(t, "val", 0)
				}
			case "tc":
				if tb != nil {
					if cells++; cells > maxCells {
						return nil, ErrTooComplex
					}
					tb.inCell, tb.cell, tb.paras = true, gridCell{col: tb.col, span: 1}, 0
					tb.text.Reset()
				}
			case "gridSpan":
				if tb != nil && tb.inCell {
					tb.cell.span = min(max(1, intAttr(t, "val", 1)), 1000)
				}
			case "vMerge":
				if tb != nil && tb.inCell {
					tb.cell.merge = attr(t, "val") != "restart"
				}
			case "p":
				if tb != nil && tb.inCell && tb.paras > 0 {
					tb.text.WriteByte('\n')
				}
				if tb != nil && tb.inCell {
					tb.paras++
				}
			case "t":
				inText = true
			case "tab", "ptab":
				write(tb, "\t")
			case "br", "cr":
				write(tb, "\n")
			case "noBreakHyphen":
				write(tb, "-")
			case "ind":
				// LibreOffice saves the same indent as w:hanging="0".
				if tb != nil && tb.inCell && tb.paras == 1 && (attr(t, "firstLine") == "0" || attr(t, "hanging") == "0") {
					tb.cell.goesOn = true
				}
			}
		case xml.EndElement:
			depth--
			if fallback > 0 {
				fallback--
				continue
			}
			if !isW(t.Name) {
				continue
			}
			tb := top()
			switch t.Name.Local {
			case "t":
				inText = false
			case "tc":
				if tb != nil && tb.inCell {
					tb.cell.text = strings.TrimRight(tb.text.String(), "\n")
					tb.row = append(tb.row, tb.cell)
					tb.col += tb.cell.span
					tb.inCell = false
				}
			case "tr":
				if tb != nil {
					if len(rows) >= maxRows {
						return nil, ErrTooComplex
					}
					rows = append(rows, tb.row)
					tb.row = nil
				}
			case "tbl":
				if tb != nil {
					tables = tables[:len(tables)-1]
				}
			}
		case xml.CharData:
			if inText && fallback == 0 {
				write(top(), string(t))
			}
		}
	}
	return rows, nil
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
