package docx

import (
	"bytes"
	"strconv"
	"strings"

	"shenbao/render"
	"shenbao/render/text"
)

// Relationship ids of word/document.xml.
const (
	ridStyles    = "rId1"
	ridSettings  = "rId2"
	ridFontTable = "rId3"
	ridFooter    = "rId4"
	ridHeader    = "rId5"
	ridPhoto     = "rId6"
)

// body writes word/document.xml: the title and the one table that runs through the form.
type body struct {
	b     bytes.Buffer
	g     geom
	t     render.Table
	grid  []int // w:tblGrid, twips
	photo *photo
	draft bool
	// photoAt is the grid column of the photo's cell once written, so that its parts in the
	// rows below are centred as it is (a group's label over rows is not).
	photoAt   int
	photoSeen bool
}

func (bd *body) photoCol(c render.Cell) bool { return bd.photoSeen && c.Col == bd.photoAt }

func newBody(g geom, t render.Table, p *photo, draft bool) *body {
	return &body{g: g, t: t, grid: t.GridTwips(), photo: p, draft: draft}
}

func (bd *body) xml() []byte {
	b := &bd.b
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	bd.para(styleTitle, "", bd.t.Form.Title)
	bd.tables()
	// Word needs a paragraph after a table; a 1 pt one cannot push a blank page out.
	b.WriteString(spacerPara(""))
	bd.sectPr()
	b.WriteString(`</w:body></w:document>`)
	return b.Bytes()
}

func (bd *body) sectPr() {
	g := bd.g
	b := &bd.b
	b.WriteString(`<w:sectPr>`)
	if bd.draft {
		b.WriteString(`<w:headerReference w:type="default" r:id="` + ridHeader + `"/>`)
	}
	b.WriteString(`<w:footerReference w:type="default" r:id="` + ridFooter + `"/>`)
	b.WriteString(`<w:pgSz w:w="` + itoa(g.pageW) + `" w:h="` + itoa(g.pageH) + `"/>`)
	b.WriteString(`<w:pgMar w:top="` + itoa(g.marginT) + `" w:right="` + itoa(g.marginR) + `" w:bottom="` + itoa(g.marginB) +
		`" w:left="` + itoa(g.marginL) + `" w:header="` + itoa(g.headerDist) + `" w:footer="` + itoa(g.footerDist) + `" w:gutter="0"/>`)
	b.WriteString(`<w:cols w:space="425"/></w:sectPr>`)
}

func itoa(i int) string { return strconv.Itoa(i) }

// spacerPara is a paragraph 1/10 pt high: what Word needs after a table and between two
// tables (two tables with nothing between them are one table to Word).
func spacerPara(pPr string) string {
	return `<w:p><w:pPr>` + pPr + `<w:spacing w:before="0" w:after="0" w:line="2" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`
}

// tables writes render's table. Its rows are one w:tbl but for each person table, a w:tbl of
// its own: Word and LibreOffice repeat heading rows (tblHeader) only at the top of a table,
// and a person table's heading and column labels head every page it reaches, as in the PDF.
// Between two tables a paragraph 1/10 pt high keeps them apart. A long text that the PDF
// moves whole to the next page (its label would be cut) starts a table after a page break
// (Word and LibreOffice cut a label cell line by line), and so does a block that starts a new
// page (Row.NewPage): the paragraph between the tables has pageBreakBefore.
func (bd *body) tables() {
	rows := bd.t.Rows
	start := 0
	for i := 1; i <= len(rows); i++ {
		if i < len(rows) && !tableBreak(rows, start, i) {
			continue
		}
		if start > 0 {
			pPr := keepIf(rows[start-1].KeepNext)
			if rows[start].Break || rows[start].NewPage {
				pPr += `<w:pageBreakBefore/>`
			}
			bd.b.WriteString(spacerPara(pPr))
		}
		bd.table(rows[start:i])
		start = i
	}
}

// tableBreak: a new w:tbl starts at row i, the current one having started at row start.
func tableBreak(rows []render.Row, start, i int) bool {
	if rows[i].Repeat && !rows[i-1].Repeat || rows[i].Break || rows[i].NewPage {
		return true
	}
	return rows[start].Repeat && rows[i].Block != rows[start].Block
}

func keepIf(keep bool) string {
	if keep {
		return `<w:keepNext/>`
	}
	return ""
}

// table writes rows as one w:tbl on the whole grid.
func (bd *body) table(rows []render.Row) {
	b := &bd.b
	g := bd.g
	w := 0
	for _, c := range bd.grid {
		w += c
	}
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + styleTable + `"/><w:tblW w:w="` + itoa(w) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	b.WriteString(`<w:tblBorders>` + borders("top", "left", "bottom", "right", "insideH", "insideV") + `</w:tblBorders>`)
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="` + itoa(g.padY) + `" w:type="dxa"/><w:left w:w="` + itoa(g.padX) +
		`" w:type="dxa"/><w:bottom w:w="` + itoa(g.padY) + `" w:type="dxa"/><w:right w:w="` + itoa(g.padX) + `" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, cw := range bd.grid {
		b.WriteString(`<w:gridCol w:w="` + itoa(cw) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		bd.row(r)
	}
	b.WriteString(`</w:tbl>`)
}

// row writes one row of the table: at least its least height; kept on one page when render
// keeps it (unless Word would have to cut it off); a column-label row repeated on every page.
func (bd *body) row(r render.Row) {
	b := &bd.b
	b.WriteString(`<w:tr><w:trPr>`)
	if r.Keep && bd.keepWhole(r) {
		b.WriteString(`<w:cantSplit/>`)
	}
	// The PDF's height of a row it prints whole, so that the pages break where the PDF's do;
	// at least: Word grows the row if its font sets the text on more lines.
	h := r.Min
	if r.Height > 0 {
		h = r.Height
	}
	if h > 0 {
		b.WriteString(`<w:trHeight w:val="` + itoa(render.Twips(h)) + `" w:hRule="atLeast"/>`)
	}
	if r.Repeat {
		b.WriteString(`<w:tblHeader/>`)
	}
	b.WriteString(`</w:trPr>`)
	keep := keepIf(r.KeepNext)
	for i := range r.Cells {
		bd.cell(r, i, keep)
	}
	b.WriteString(`</w:tr>`)
}

// dropPara is an empty paragraph drop points high: the PDF starts the cell's text that much
// lower (render.Row.Drop).
func dropPara(drop float64) string {
	return `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="` + itoa(render.Twips(drop)) + `" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`
}

// keepWhole reports whether a row may be kept on one page (cantSplit): Word cuts off a row
// that may not split but is taller than a page, so a row whose text would fill more than two
// thirds of one (a pasted essay in a name field) is let split.
func (bd *body) keepWhole(r render.Row) bool {
	m := regular{render.FontMeasurer()}
	lineH := render.LineHeight(render.TableSize, 1)
	limit := (render.PageHeight - render.MarginTop - render.MarginBottom) * 2 / 3
	for _, c := range r.Cells {
		var texts []string
		switch c.Content.Kind {
		case render.Value:
			texts = []string{c.Content.Text}
		case render.Labelled:
			for _, it := range c.Content.Items {
				texts = append(texts, it.Label+it.Value, "")
			}
		}
		n := 0
		for _, s := range texts {
			n += max(1, len(text.Wrap(s, c.W-2*render.PadX, 0, render.TableSize, m)))
		}
		if float64(n)*lineH+2*render.PadY > limit {
			return false
		}
	}
	return true
}

// Vertical alignment of a cell's text (w:vAlign). Every cell's text starts at its top, as in
// the PDF (render/geometry.go, "How cells print"); only the photo is centred in its cell.
const (
	vTop    = "top"
	vCentre = "center"
)

// cellStart opens a cell. vMerge is "", "restart" or "continue"; vAlign vTop or vCentre.
//
// Two things the PDF does only for text extraction (render/readorder.go) are not copied
// here: the 工作单位 row's values and some label|content rows' content starting one line
// below the label's first line. Word's text is read in document order, so it needs neither.
func (bd *body) cellStart(c render.Cell, vMerge, vAlign string) {
	b := &bd.b
	w := 0
	for _, cw := range bd.grid[c.Col : c.Col+c.Span] {
		w += cw
	}
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(w) + `" w:type="dxa"/>`)
	if c.Span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + itoa(c.Span) + `"/>`)
	}
	if vMerge == "" && c.RowSpan > 1 { // a cell over several rows: the photo, a group's label
		vMerge = "restart"
	}
	switch vMerge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(`<w:vAlign w:val="` + vAlign + `"/></w:tcPr>`)
}

// cell writes cell i of row r as render's model has it; keep (keepNext or "") goes into its
// paragraphs.
func (bd *body) cell(r render.Row, i int, keep string) {
	c := r.Cells[i]
	ct := c.Content
	// What Paginate says of the row (render.Row): the content cells start Drop lower, the
	// label's first line stands alone; the content cell ends Tail lower; its headings moved.
	alone := r.Drop > 0 && i == 0
	drop, tail := 0.0, 0.0
	var moves []render.Move
	if i > 0 {
		drop = r.Drop
	}
	if i == 1 {
		tail, moves = r.Tail, r.Moves
	}
	switch {
	case alone && ct.Kind == render.Label:
		// the label's first line stands alone, SeparatorGap above the rest (render.Row.Drop)
		bd.cellStart(c, "", vTop)
		lines := render.LabelLines(nil, ct.Text, c.W)
		bd.para(styleLabel, keep, lines[0])
		if len(lines) > 1 {
			gap := `<w:spacing w:before="` + itoa(render.Twips(render.SeparatorGap)) + `" w:after="0" w:line="` + itoa(bd.g.tableLine) + `" w:lineRule="exact"/>`
			bd.para(styleLabel, keep+gap, strings.Join(lines[1:], "\n"))
		}
	case (drop > 0 || tail > 0) && !c.Covered && ct.Kind != render.Photo && ct.Kind != render.Empty:
		bd.cellStart(c, "", vTop)
		if drop > 0 {
			bd.b.WriteString(dropPara(drop))
		}
		bd.content(c, keep, moves)
		if tail > 0 { // the PDF's last part of the row is as tall as its label + （续）
			bd.b.WriteString(dropPara(tail))
		}
	case c.Covered: // the part of the photo or of a group's label in a row below
		va := vTop
		if bd.photo != nil && bd.photoCol(c) {
			va = vCentre
		}
		bd.cellStart(c, "continue", va)
		bd.para(styleCell, "", "")
	case ct.Kind == render.Photo:
		bd.photoCell(c)
	default:
		bd.cellStart(c, "", vTop)
		bd.content(c, keep, moves)
	}
	bd.b.WriteString(`</w:tc>`)
}

// content writes a cell's paragraphs; a cell ends with a paragraph, whatever it holds.
func (bd *body) content(c render.Cell, keep string, moves []render.Move) {
	ct := c.Content
	switch ct.Kind {
	case render.Label:
		bd.para(styleLabel, keep, labelText(ct.Text, c.W))
	case render.Value:
		bd.para(styleCell, keep, ct.Text)
	case render.Heading:
		if !render.HeadingFits(ct.Text, c.W) { // as the PDF prints it: a label
			bd.para(styleLabel, keep, labelText(ct.Text, c.W))
			break
		}
		bd.heading(keep, ct.Text)
	case render.Labelled:
		for i, it := range ct.Items {
			if i > 0 {
				bd.para(styleCellLeft, "", "")
			}
			bd.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCellLeft + `"/></w:pPr>`)
			bd.run(`<w:b/><w:bCs/>`, it.Label)
			bd.run("", it.Value)
			bd.b.WriteString(`</w:p>`)
		}
	case render.Long:
		if ct.Text != "" {
			bd.para(styleCellLeft, "", ct.Text)
		}
		heads := render.Headings(ct.Paras, c.W) // a one-line heading stays with what follows
		for i, p := range ct.Paras {
			for _, m := range moves {
				// LibreOffice keeps no paragraph with the next one in a table cell: fill the
				// foot of the page as the PDF leaves it, so the heading starts the next page
				// there too (2 pt short, for rounding).
				if m.Para == i && m.Gap > 2 {
					bd.b.WriteString(dropPara(m.Gap - 2))
				}
			}
			bd.para(styleLong, keepIf(heads[i]), p)
		}
		if ct.Text == "" && len(ct.Paras) == 0 {
			bd.para(styleLong, "", "")
		}
	case render.Opinion, render.Declaration:
		bd.signed(ct)
	case render.Boxes:
		bd.boxes(keep, ct)
	case render.Note:
		for _, p := range ct.Paras {
			bd.para(styleCellLeft, "", p)
		}
	default:
		bd.para(styleCell, keep, "")
	}
}

// labelText is a label broken into the lines the PDF prints (render.LabelLines: the bureau's
// breaks and even line lengths), so Word breaks it in the same places whatever its font.
func labelText(label string, cellWidth float64) string {
	return strings.Join(render.LabelLines(nil, label, cellWidth), "\n")
}

// photoCell is the cell that spans the host rows: the photo at 25 × 35 mm centred in it, or
// the label 近期 / 1寸照片 at its top when there is none, as the PDF prints them.
func (bd *body) photoCell(c render.Cell) {
	bd.photoAt, bd.photoSeen = c.Col, true
	vMerge := ""
	if c.RowSpan > 1 {
		vMerge = "restart"
	}
	if bd.photo == nil {
		bd.cellStart(c, vMerge, vTop)
		bd.para(styleLabel, "", labelText(c.Content.Text, c.W))
		return
	}
	bd.cellStart(c, vMerge, vCentre)
	// A line as tall as the photo: the style's exact pitch would clip it.
	bd.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCell + `"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>`)
	bd.photo.writeInline(&bd.b, ridPhoto)
	bd.b.WriteString(`</w:p>`)
}

// heading is a person table's section heading (指导老师基本情况, 工作室成员基本情况) in the
// heading style: bold 四号, letter-spaced. Word adds the spacing after every character, the
// PDF only between them; the last character goes in a run of its own without it, so the
// heading is centred where the PDF centres it.
func (bd *body) heading(pPrExtra, text string) {
	b := &bd.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleHeading + `"/>` + pPrExtra + `</w:pPr>`)
	runes := []rune(text)
	if n := len(runes); n > 0 {
		bd.run("", string(runes[:n-1]))
		bd.run(`<w:spacing w:val="0"/>`, string(runes[n-1:]))
	}
	b.WriteString(`</w:p>`)
}

// signed writes an opinion box's or a declaration's content as the PDF prints it
// (render.OpinionHeight): the sub-label line if any, the set wording (first lines indented two
// characters), the clear space (Content.Clear), then the lines at the foot, a line between
// two: the signature line (its label ending SignGap from the right), （盖  章）, 年  月  日.
func (bd *body) signed(ct render.Content) {
	g := bd.g
	if ct.Text != "" {
		bd.para(styleCellLeft, "", ct.Text)
	}
	for _, p := range ct.Paras {
		bd.para(styleCellLeft, `<w:ind w:firstLineChars="200" w:firstLine="`+itoa(2*g.tableSize*10)+`"/>`, strings.TrimSpace(p))
	}
	right := `<w:ind w:rightChars="200" w:right="` + itoa(2*g.tableSize*10) + `"/><w:jc w:val="right"/>`
	line := `w:line="` + itoa(g.tableLine) + `" w:lineRule="exact"/>`
	type footLine struct{ ind, text string }
	var foot []footLine
	if ct.Sign != "" {
		foot = append(foot, footLine{`<w:ind w:right="` + itoa(render.Twips(render.SignGap)) + `"/><w:jc w:val="right"/>`, ct.Sign})
	}
	if ct.Stamp {
		foot = append(foot, footLine{right, bd.t.Form.Stamp})
	}
	if ct.Dated {
		foot = append(foot, footLine{right, bd.t.Form.Date})
	}
	if len(foot) == 0 && ct.Clear > 0 {
		bd.b.WriteString(dropPara(ct.Clear))
	}
	for i, f := range foot {
		before := g.tableLine
		if i == 0 {
			before = render.Twips(ct.Clear)
		}
		bd.para(styleCell, `<w:spacing w:before="`+itoa(before)+`" w:after="0" `+line+f.ind, f.text)
	}
}

// boxes writes a choice printed as boxes as the PDF prints it: each choice, a space and its
// box, render.BoxGap between them; the chosen box ☑, the others ☐. 宋体 has neither (nor has
// the PDF's font ☑, which draws the tick as a shape), so both are set in a symbol face that
// has them, Segoe UI Symbol (in Windows since Windows 7; elsewhere Word, WPS and LibreOffice
// take them from a face of the system that has them): the two boxes then come from one face
// and look alike. What else was tried prints worse: √ in a character border is a tall narrow
// box, √ drawn back over □ (negative spacing) and Word's enclosed character (EQ \o\ac) are
// not honoured by LibreOffice, and Wingdings prints letters where it is missing.
func (bd *body) boxes(pPrExtra string, ct render.Content) {
	b := &bd.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCell + `"/>` + pPrExtra + `</w:pPr>`)
	value := strings.TrimSpace(ct.Text)
	other := value != ""
	if ct.Prefix != "" {
		bd.run("", ct.Prefix+render.BoxGap)
	}
	for i, c := range ct.Choices {
		if i > 0 {
			bd.run("", render.BoxGap)
		}
		box := boxEmpty
		if c == value {
			box, other = boxTicked, false
		}
		if ct.BoxFirst { // □男
			bd.run(boxFont, box)
			bd.run("", c)
			continue
		}
		bd.run("", strings.TrimSuffix(render.BoxItem(c), render.BoxMark))
		bd.run(boxFont, box)
	}
	if other {
		bd.run("", render.BoxGap+value)
	}
	b.WriteString(`</w:p>`)
}

// The .docx's boxes and the face they are set in.
const (
	boxEmpty  = "☐"
	boxTicked = "☑"
	boxFont   = `<w:rFonts w:ascii="` + fontSymbol + `" w:eastAsia="` + fontSymbol + `" w:hAnsi="` + fontSymbol + `" w:cs="` + fontSymbol + `"/>`
)

// regular measures runes in render's regular face, as the PDF's line breaker does.
type regular struct{ m render.Measurer }

func (r regular) Advance(ru rune, size float64) float64 { return r.m.Advance(render.Regular, ru, size) }

// para writes one paragraph; "\n" in text becomes a line break, a tab a tab. pPrExtra goes
// after the style, already in schema order.
func (bd *body) para(style, pPrExtra, text string) {
	b := &bd.b
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + style + `"/>` + pPrExtra + `</w:pPr>`)
	bd.run("", text)
	b.WriteString(`</w:p>`)
}

// run writes text as one run with the given run properties: lines joined by <w:br/>, tabs
// as <w:tab/>.
func (bd *body) run(rPr, text string) {
	text = cleanText(text)
	if text == "" {
		return
	}
	b := &bd.b
	b.WriteString(`<w:r>`)
	if rPr != "" {
		b.WriteString(`<w:rPr>` + rPr + `</w:rPr>`)
	}
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				b.WriteString(`<w:tab/>`)
			}
			if piece == "" {
				continue
			}
			b.WriteString(`<w:t`)
			if needsPreserve(piece) {
				b.WriteString(` xml:space="preserve"`)
			}
			b.WriteString(`>`)
			writeEscaped(b, piece)
			b.WriteString(`</w:t>`)
		}
	}
	b.WriteString(`</w:r>`)
}

// needsPreserve: without xml:space="preserve" Word drops leading, trailing and doubled spaces.
func needsPreserve(s string) bool {
	return strings.HasPrefix(s, " ") || strings.HasSuffix(s, " ") || strings.Contains(s, "  ")
}
