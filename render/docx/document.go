package docx

import (
	"bytes"
	"math"
	"strconv"
	"strings"

	"shenbao/forms"
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
	d     *forms.Draft
	photo *photo
	draft bool
}

func newBody(g geom, d *forms.Draft, p *photo, draft bool) *body {
	return &body{g: g, d: d, photo: p, draft: draft}
}

func (bd *body) xml() []byte {
	b := &bd.b
	b.WriteString(xmlHeader)
	b.WriteString(`<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP + `" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	bd.para(styleTitle, "", forms.Title)
	bd.table()
	// Word needs a paragraph after a table; a 1 pt one cannot push a blank page out.
	b.WriteString(`<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`)
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
	b.WriteString(`<w:cols w:space="425"/><w:docGrid w:linePitch="312"/></w:sectPr>`)
}

func itoa(i int) string { return strconv.Itoa(i) }

// table writes the form's one table, block by block from forms.Form.
func (bd *body) table() {
	b := &bd.b
	g := bd.g
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="` + styleTable + `"/><w:tblW w:w="` + itoa(g.tableWidth()) + `" w:type="dxa"/><w:jc w:val="center"/>`)
	b.WriteString(`<w:tblBorders>` + borders("top", "left", "bottom", "right", "insideH", "insideV") + `</w:tblBorders>`)
	b.WriteString(`<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="` + itoa(g.padY) + `" w:type="dxa"/><w:left w:w="` + itoa(g.padX) +
		`" w:type="dxa"/><w:bottom w:w="` + itoa(g.padY) + `" w:type="dxa"/><w:right w:w="` + itoa(g.padX) + `" w:type="dxa"/></w:tblCellMar>`)
	b.WriteString(`<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range g.grid {
		b.WriteString(`<w:gridCol w:w="` + itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, blk := range forms.Form {
		switch blk.Kind {
		case forms.FieldsBlock:
			if hasPicture(blk) {
				bd.hostRows(blk)
			} else {
				bd.linesRow(blk)
			}
		case forms.TableBlock:
			bd.personTable(blk)
		case forms.TextBlock:
			bd.textRow(blk)
		case forms.OpinionBlock:
			bd.opinionRow(blk)
		}
	}
	b.WriteString(`</w:tbl>`)
}

func hasPicture(blk forms.Block) bool {
	for _, f := range blk.Fields {
		if f.Kind == forms.Picture {
			return true
		}
	}
	return false
}

// rowStart starts a table row at least minH twips high. Rows that hold long text may break
// across pages as Word flows text; every other row stays whole.
func (bd *body) rowStart(minH int, cantSplit bool) {
	bd.b.WriteString(`<w:tr><w:trPr>`)
	if cantSplit {
		bd.b.WriteString(`<w:cantSplit/>`)
	}
	if minH > 0 {
		bd.b.WriteString(`<w:trHeight w:val="` + itoa(minH) + `" w:hRule="atLeast"/>`)
	}
	bd.b.WriteString(`</w:trPr>`)
}

func (bd *body) rowEnd() { bd.b.WriteString(`</w:tr>`) }

// keepWhole reports whether a row of short values may be kept on one page (cantSplit): Word
// cuts off a row that may not split but is taller than a page, so a row whose values would
// fill more than two thirds of one (a pasted essay in a name field) is let split.
func keepWhole(cells []gcell, values []string) bool {
	m := regular{render.FontMeasurer()}
	lineH := render.LineHeight(render.TableSize, 1)
	limit := (render.PageHeight - render.MarginTop - render.MarginBottom) * 2 / 3
	for i, v := range values {
		n := 0
		for _, para := range strings.Split(v, "\n") {
			n += max(1, len(text.Wrap(para, cells[i].pt-2*render.PadX, 0, render.TableSize, m)))
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

// cellStart opens a cell. vMerge is "", "restart" or "continue"; vAlign vTop or vCentre;
// borders is "" or w:tcBorders and w:tcMar elements, which come between vMerge and vAlign.
//
// Two things the PDF does only for text extraction (render/readorder.go) are not copied
// here: the 工作单位 row's values and some label|content rows' content starting one line
// below the label's first line. Word's text is read in document order, so it needs neither.
func (bd *body) cellStart(c gcell, vMerge, vAlign, borders string) {
	b := &bd.b
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + itoa(c.w) + `" w:type="dxa"/>`)
	if c.span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + itoa(c.span) + `"/>`)
	}
	switch vMerge {
	case "restart":
		b.WriteString(`<w:vMerge w:val="restart"/>`)
	case "continue":
		b.WriteString(`<w:vMerge/>`)
	}
	b.WriteString(borders)
	b.WriteString(`<w:vAlign w:val="` + vAlign + `"/></w:tcPr>`)
}

func (bd *body) cellEnd() { bd.b.WriteString(`</w:tc>`) }

// textCell is a whole cell holding one paragraph at its top.
func (bd *body) textCell(c gcell, style, pPrExtra, text string) {
	bd.cellStart(c, "", vTop, "")
	bd.para(style, pPrExtra, text)
	bd.cellEnd()
}

// labelText is a label broken into the lines the PDF prints (render.LabelLines: the bureau's
// breaks and even line lengths), so Word breaks it in the same places whatever its font.
func labelText(label string, c gcell) string {
	return strings.Join(render.LabelLines(nil, label, c.pt), "\n")
}

// label is a cell holding a label, bold, centred on its top line.
func (bd *body) label(c gcell, pPrExtra, text string) {
	bd.textCell(c, styleLabel, pPrExtra, labelText(text, c))
}

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

// value is a field's value as printed: one line (line ends and tabs as spaces, as the PDF
// prints them), through forms.Display.
func (bd *body) value(blk forms.Block, f forms.Field, row int) string {
	v := strings.NewReplacer("\n", " ", "\t", " ").Replace(cleanText(bd.d.Value(blk, f, row)))
	return forms.Display(f, v)
}

// hostRows writes block 1 as render.HostLayout arranges it: rows of three label|value pairs
// beside the photo cell, which spans them, then the unit row.
func (bd *body) hostRows(blk forms.Block) {
	g := bd.g
	rows, unit, pic := render.HostLayout(blk)
	cells := g.cells[render.HostRow]
	for r, fields := range rows {
		var vals []string
		var vcells []gcell
		for i, f := range fields {
			vals, vcells = append(vals, bd.value(blk, f, 0)), append(vcells, cells[2*i+1])
		}
		bd.rowStart(g.hostRowH, keepWhole(vcells, vals))
		for i, f := range fields {
			bd.label(cells[2*i], "", f.Label)
			bd.textCell(cells[2*i+1], styleCell, "", bd.value(blk, f, 0))
		}
		bd.photoCell(cells[len(cells)-1], r == 0, pic)
		bd.rowEnd()
	}
	cells = g.cells[render.UnitRow]
	var vals []string
	for _, f := range unit {
		vals = append(vals, bd.value(blk, f, 0))
	}
	bd.rowStart(g.unitRowH, keepWhole([]gcell{cells[1], cells[3]}, vals))
	for i, f := range unit {
		bd.label(cells[2*i], "", f.Label)
		bd.textCell(cells[2*i+1], styleCell, "", bd.value(blk, f, 0))
	}
	bd.rowEnd()
}

// photoCell is the cell that spans the host rows: the photo at 25 × 35 mm centred in it, or
// the label 近期 / 1寸照片 at its top when there is none, as the PDF prints them.
func (bd *body) photoCell(c gcell, first bool, pic forms.Field) {
	valign := vTop
	if bd.photo != nil {
		valign = vCentre
	}
	if !first {
		bd.cellStart(c, "continue", valign, "")
		bd.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCell + `"/></w:pPr></w:p>`)
		bd.cellEnd()
		return
	}
	bd.cellStart(c, "restart", valign, "")
	if bd.photo == nil {
		bd.para(styleLabel, "", labelText(pic.Label, c))
	} else {
		bd.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCell + `"/></w:pPr>`)
		bd.photo.writeInline(&bd.b, ridPhoto)
		bd.b.WriteString(`</w:p>`)
	}
	bd.cellEnd()
}

// personTable writes blocks 2 and 3: heading, column labels, and the rows — the filled ones
// in order, numbered 1, 2, …, then empty ones up to the number the form prints. As in the
// PDF, the heading and the column labels stay on the page of the first row (keepNext).
func (bd *body) personTable(blk forms.Block) {
	g := bd.g
	const keep = `<w:keepNext/>`
	bd.rowStart(g.headingRowH, true)
	bd.heading(g.cells[render.HeadingRow][0], keep, blk.Label)
	bd.rowEnd()

	cells := g.cells[render.PersonRow]
	bd.rowStart(g.personRowH, true)
	bd.label(cells[0], keep, render.SerialLabel)
	for i, f := range blk.Fields {
		bd.label(cells[i+1], keep, f.Label)
	}
	bd.rowEnd()

	filled := bd.d.FilledRows(blk)
	for i := 0; i < max(len(filled), blk.Rows); i++ {
		vals := []string{itoa(i + 1)}
		for _, f := range blk.Fields {
			v := ""
			if i < len(filled) {
				v = bd.value(blk, f, filled[i])
			}
			vals = append(vals, v)
		}
		bd.rowStart(g.personRowH, keepWhole(cells, vals))
		for j, v := range vals {
			bd.textCell(cells[j], styleCell, "", v)
		}
		bd.rowEnd()
	}
}

// heading is a person table's section heading (指导老师基本情况, 工作室成员基本情况) in the
// heading style: bold 四号, letter-spaced. Word adds the spacing after every character, the
// PDF only between them; the last character goes in a run of its own without it, so the
// heading is centred where the PDF centres it.
func (bd *body) heading(c gcell, pPrExtra, text string) {
	b := &bd.b
	bd.cellStart(c, "", vTop, "")
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleHeading + `"/>` + pPrExtra + `</w:pPr>`)
	runes := []rune(cleanText(text))
	if n := len(runes); n > 0 {
		bd.run("", string(runes[:n-1]))
		bd.run(`<w:spacing w:val="0"/>`, string(runes[n-1:]))
	}
	b.WriteString(`</w:p>`)
	bd.cellEnd()
}

// labelCell writes a block's label cell, the left one of a label|content row.
func (bd *body) labelCell(blk forms.Block) {
	c := bd.g.cells[render.LabelRow][0]
	bd.cellStart(c, "", vTop, "")
	bd.para(styleLabel, "", labelText(blk.Label, c))
	bd.cellEnd()
}

// contentCell opens the right cell of a label|content row.
func (bd *body) contentCell() {
	bd.cellStart(bd.g.cells[render.LabelRow][1], "", vTop, "")
}

// linesRow writes block 5: its fields as lines "label value" in the content cell, the label
// bold, a blank line between them (room to write by hand).
func (bd *body) linesRow(blk forms.Block) {
	var text string
	for _, f := range blk.Fields {
		text += f.Label + bd.value(blk, f, 0) + "\n\n"
	}
	bd.rowStart(bd.g.blockH(blk), keepWhole(bd.g.cells[render.LabelRow][1:], []string{text}))
	bd.labelCell(blk)
	bd.contentCell()
	for i, f := range blk.Fields {
		if i > 0 {
			bd.para(styleCellLeft, "", "")
		}
		bd.b.WriteString(`<w:p><w:pPr><w:pStyle w:val="` + styleCellLeft + `"/></w:pPr>`)
		bd.run(`<w:b/><w:bCs/>`, f.Label)
		bd.run("", bd.value(blk, f, 0))
		bd.b.WriteString(`</w:p>`)
	}
	bd.cellEnd()
	bd.rowEnd()
}

// textRow writes a long text (blocks 4 and 6): the form's hint first, then one paragraph per
// typed paragraph, flowing over pages as Word flows text.
//
// The PDF never splits a block's label over a page, but Word and LibreOffice split a label
// cell line by line with its row (LibreOffice ignores keepLines in cells). So the block is
// two rows: the head row, which may not split, holds the label and the first lines of text,
// as many as the label is tall; the rest row goes on below with the label cell merged into
// the head's and no rule between the two content cells, so it reads as one cell.
func (bd *body) textRow(blk forms.Block) {
	var paras []string
	for _, f := range blk.Fields {
		paras = append(paras, paragraphs(bd.d.Value(blk, f, 0))...)
	}
	head, rest, headH := bd.splitHead(blk, paras)
	split := len(rest) > 0
	minH := bd.g.blockH(blk)
	if split { // the least height is the block's: the rest row makes up what the head lacks
		minH = 0
	}
	bd.rowStart(minH, true)
	bd.labelCellMerged(blk, map[bool]string{true: "restart", false: ""}[split])
	bd.longCell(split, false)
	if blk.Hint != "" {
		bd.para(styleCellLeft, "", blk.Hint)
	}
	bd.longParas(head)
	if blk.Hint == "" && len(head) == 0 { // a cell must end with a paragraph
		bd.para(styleLong, "", "")
	}
	bd.cellEnd()
	bd.rowEnd()
	if !split {
		return
	}
	bd.rowStart(max(0, bd.g.blockH(blk)-render.Twips(headH)), false)
	bd.labelCellMerged(blk, "continue")
	bd.longCell(false, true)
	bd.longParas(rest)
	bd.cellEnd()
	bd.rowEnd()
}

// longPara is a paragraph of a long text; cont marks the second half of a paragraph that the
// head row cut, which goes on without the first-line indent.
type longPara struct {
	text string
	cont bool
}

func (bd *body) longParas(ps []longPara) {
	for _, p := range ps {
		extra := ""
		if p.cont {
			extra = `<w:ind w:firstLineChars="0" w:firstLine="0"/>`
		}
		bd.para(styleLong, extra, p.text)
	}
}

// splitHead chooses the head row's text: whole paragraphs while they are shorter than the
// label, then the first lines of the next one, cut where the PDF's line breaker ends a line,
// so that the head is as tall as the label. Heights are render's (Noto Serif SC, whose lines
// are taller than SimSun's, so the head is not shorter than the label in Word). It returns
// the head's estimated height in points.
func (bd *body) splitHead(blk forms.Block, paras []string) (head, rest []longPara, height float64) {
	m := regular{render.FontMeasurer()}
	c := bd.g.cells[render.LabelRow]
	width := c[1].pt - 2*render.PadX
	tableLine := render.LineHeight(render.TableSize, 1)
	longLine := render.LineHeight(render.LongSize, render.LongSpacing)
	indent := 2 * m.Advance('\u3000', render.LongSize)
	need := float64(len(render.LabelLines(m.m, blk.Label, c[0].pt))) * tableLine
	h := 0.0
	if blk.Hint != "" {
		h += float64(len(text.Wrap(blk.Hint, width, 0, render.TableSize, m))) * tableLine
	}
	for i, p := range paras {
		if h >= need {
			return head, toLong(paras[i:]), h
		}
		lines := text.Wrap(p, width, indent, render.LongSize, m)
		n := max(1, len(lines))
		k := int(math.Ceil((need - h) / longLine)) // lines still wanted
		if n <= k+2 {                              // whole: a paragraph barely longer than wanted is not cut
			head = append(head, longPara{text: p})
			h += float64(n) * longLine
			continue
		}
		cut := lines[k-1].End
		head = append(head, longPara{text: strings.TrimRight(p[:cut], " ")})
		rest = append([]longPara{{text: p[cut:], cont: true}}, toLong(paras[i+1:])...)
		return head, rest, h + float64(k)*longLine
	}
	return head, nil, h
}

func toLong(ps []string) []longPara {
	out := make([]longPara, len(ps))
	for i, p := range ps {
		out[i] = longPara{text: p}
	}
	return out
}

// regular measures runes in render's regular face, as the PDF's line breaker does.
type regular struct{ m render.Measurer }

func (r regular) Advance(ru rune, size float64) float64 { return r.m.Advance(render.Regular, ru, size) }

// labelCellMerged is labelCell for a block of two rows: vMerge "restart" on the head row,
// "continue" on the rest row (an empty cell), "" for a block of one row.
func (bd *body) labelCellMerged(blk forms.Block, vMerge string) {
	c := bd.g.cells[render.LabelRow][0]
	bd.cellStart(c, vMerge, vTop, "")
	if vMerge == "continue" {
		bd.para(styleLabel, "", "")
	} else {
		bd.para(styleLabel, "", labelText(blk.Label, c))
	}
	bd.cellEnd()
}

// longCell opens the content cell of a long-text row. Between the head and the rest row the
// rule and the padding are taken away, so the two read as one cell and the lines run on at
// their usual pitch.
func (bd *body) longCell(openBottom, openTop bool) {
	var borders string
	switch {
	case openBottom:
		borders = `<w:tcBorders><w:bottom w:val="nil"/></w:tcBorders><w:tcMar><w:bottom w:w="0" w:type="dxa"/></w:tcMar>`
	case openTop:
		borders = `<w:tcBorders><w:top w:val="nil"/></w:tcBorders><w:tcMar><w:top w:w="0" w:type="dxa"/></w:tcMar>`
	}
	bd.cellStart(bd.g.cells[render.LabelRow][1], "", vTop, borders)
}

// paragraphs splits a long text into its paragraphs as the PDF does: the text trimmed of
// leading and trailing line ends, one paragraph per line, the spaces typed to indent dropped
// (the first-line indent replaces them), blank lines kept as empty paragraphs. nil when the
// text is blank.
func paragraphs(s string) []string {
	s = strings.Trim(cleanText(s), "\n")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.ReplaceAll(line, "\t", " ")
		out = append(out, strings.TrimRight(strings.TrimLeft(line, " \u3000"), " \u3000"))
	}
	return out
}

// opinionRow writes blocks 7–9 as render.OpinionHeight measures them: the sub-label line if
// any, OpinionClear of space for the seal, （盖  章）, a line, 年  月  日. Lines are at an exact
// pitch so the box is as high as the PDF's; it never splits across pages.
func (bd *body) opinionRow(blk forms.Block) {
	g := bd.g
	bd.rowStart(g.blockH(blk), true)
	bd.labelCell(blk)
	bd.contentCell()
	line := `w:line="` + itoa(g.tableLine) + `" w:lineRule="exact"/>`
	if blk.Sub != "" {
		bd.para(styleCellLeft, `<w:spacing w:before="0" w:after="0" `+line, blk.Sub)
	}
	right := `<w:ind w:rightChars="200" w:right="` + itoa(2*g.tableSize*10) + `"/><w:jc w:val="right"/>`
	bd.para(styleCell, `<w:spacing w:before="`+itoa(g.opinionClear)+`" w:after="0" `+line+right, forms.Stamp)
	bd.para(styleCell, `<w:spacing w:before="`+itoa(g.tableLine)+`" w:after="0" `+line+right, forms.Date)
	bd.cellEnd()
	bd.rowEnd()
}
