package render

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"shenbao/forms"
)

// Options tune Layout.
type Options struct {
	// Draft prints 草稿（未通过检查） across every page (export --draft of a draft with 错误).
	Draft bool
	// Measurer measures text; nil uses the embedded fonts (FontMeasurer).
	Measurer Measurer
}

// Continued is added to a block's label where the block goes on over a page break.
const Continued = "（续）"

// DraftMark is the watermark of a --draft export.
const DraftMark = "草稿（未通过检查）"

// eps absorbs floating-point noise when comparing heights.
const eps = 1e-6

// Layout lays the whole form out on A4 pages: the title, then the nine blocks of FORM.md §1 in
// the bureau's order with its labels and the draft's values, page numbers at the foot, and the
// draft watermark when asked. An empty draft gives the blank form.
func Layout(d *forms.Draft, opt Options) ([]Page, error) {
	if d == nil {
		return nil, errors.New("render: no draft to lay out")
	}
	m := opt.Measurer
	if m == nil {
		m = FontMeasurer()
	}
	l := &layouter{d: d, ts: typesetter{m}}
	l.newPage()
	l.title()
	for _, b := range forms.Form {
		switch b.Kind {
		case forms.FieldsBlock:
			if hasPhoto(b) {
				l.host(b)
			} else {
				l.fieldLines(b)
			}
		case forms.TableBlock:
			l.table(b)
		case forms.TextBlock:
			l.longText(b)
		case forms.OpinionBlock:
			l.opinion(b)
		default:
			return nil, fmt.Errorf("render: block %q of unknown kind %d", b.Name(), b.Kind)
		}
	}
	return l.finish(opt.Draft), nil
}

func hasPhoto(b forms.Block) bool {
	for _, f := range b.Fields {
		if f.Kind == forms.Picture {
			return true
		}
	}
	return false
}

// cell is one cell of a row: its width, its lines, and for a label cell the lines it prints
// where the row goes on over a page break.
type cell struct {
	w      float64
	lines  []line
	valign vAlign
	repeat []line // label cells: printed instead on the continuation (label + （续）)
	span   bool   // the photo column: drawn once over several rows, not by the row
	photo  *Image // the photo, centred in the cell
	path   string // the photo's field path
}

func (c cell) height() float64 { return linesHeight(c.lines) + 2*PadY }

// row is one row of the table.
type row struct {
	cells []cell
	min   float64
	keep  bool // move to the next page rather than split (unless taller than a page)
	// minLines: a split leaves at least this many lines of each cell on the page
	minLines int
	// label: a label | content row (blocks 4–9), whose drawing tells whether the next one
	// must start with its label's first line standing alone (see readorder.go).
	label bool
	// plain is the row without that standing-alone first line, used instead when the row
	// starts a new page.
	plain *row
}

func (r row) contentHeight() float64 {
	h := 0.0
	for i, c := range r.cells {
		h = math.Max(h, c.height()+stagger(i))
	}
	return h
}

func (r row) height() float64 { return math.Max(r.min, r.contentHeight()) }

// newRow makes a row of kind k from cells whose widths it fills in.
func newRow(k RowKind, cells ...cell) row {
	for i, w := range Columns(k) {
		cells[i].w = w
	}
	return row{cells: cells, min: MinHeight(k), keep: true}
}

// layouter places rows on pages, top to bottom.
type layouter struct {
	d      *forms.Draft
	ts     typesetter
	pages  []*Page
	page   *Page
	y      float64 // the top of the next row
	start  float64 // where rows start on this page (below the title or a repeated header)
	header *row    // a table's column-label row, repeated on every page the table reaches
	photo  *Image  // the photo as printed, read once
	read   bool
	// loose: the last row on this page is a label | content row whose content ends within its
	// label's height, so the next one must stand its label's first line alone.
	loose bool
}

func (l *layouter) newPage() {
	l.page = &Page{Width: PageWidth, Height: PageHeight}
	l.pages = append(l.pages, l.page)
	l.y = MarginTop
	l.loose = false
	if l.header != nil {
		h := l.header.height()
		l.draw(*l.header, h)
	}
	l.start = l.y
}

func (l *layouter) fresh() bool { return l.y <= l.start+eps }
func (l *layouter) room() float64 {
	return BodyBottom - l.y
}

// freshRoom is the room a new page would give.
func (l *layouter) freshRoom() float64 {
	top := MarginTop
	if l.header != nil {
		top += l.header.height()
	}
	return BodyBottom - top
}

func (l *layouter) add(b Box) int {
	l.page.Boxes = append(l.page.Boxes, b)
	return len(l.page.Boxes) - 1
}

// title prints the form's title, bold 小二, centred above the table.
func (l *layouter) title() {
	w := l.ts.measure(forms.Title, Bold, TitleSize)
	l.add(textBox(MarginLeft+(TextWidth-w)/2, l.y, seg{text: forms.Title, font: Bold, w: w}, TitleSize, -1))
	l.y += LineHeight(TitleSize, 1) + TitleGap
	l.start = l.y
}

func textBox(x, top float64, s seg, size float64, cellIdx int) Box {
	return Box{Kind: TextBox, X: x, Y: top, W: s.w, H: (FontAscent + FontDescent) * size,
		Text: s.text, Font: s.font, Size: size, Baseline: top + BaselineOffset(size),
		Extra: s.extra, Cell: cellIdx, Path: s.path}
}

// ensure starts a new page unless h fits below the current position.
func (l *layouter) ensure(h float64) {
	if h > l.room()+eps && !l.fresh() {
		l.newPage()
	}
}

// place puts a row on the page, moving it to the next page or splitting it over pages as
// needed.
func (l *layouter) place(r row) {
	for {
		need, room := r.height(), l.room()
		switch {
		case need <= room+eps:
			l.draw(r, need)
			return
		case !r.keep && r.contentHeight() <= room+eps && room >= r.min/2:
			// Only the minimum height overflows: end the cell at the page's foot.
			l.draw(r, room)
			return
		case !l.fresh() && r.keep && need <= l.freshRoom()+eps:
			l.newPage()
			r = r.onNewPage()
			continue
		}
		part, rest, ok := r.split(room, l.fresh())
		if !ok {
			l.newPage()
			r = r.onNewPage()
			continue
		}
		l.draw(part, room)
		l.newPage()
		r = rest
	}
}

// split cuts a row where the page ends: each cell keeps the lines that fit in room, and the
// rest goes on in a row whose label cells print their repeat lines. ok is false when the part
// on this page would be too small (unless force: a fresh page must take something).
func (r row) split(room float64, force bool) (part, rest row, ok bool) {
	avail := room - 2*PadY
	part, rest = r, r
	part.plain, rest.plain = nil, nil
	part.cells = make([]cell, len(r.cells))
	rest.cells = make([]cell, len(r.cells))
	rest.min = 0
	progress := false
	for i, c := range r.cells {
		n := fitLines(c.lines, avail-stagger(i))
		pc, rc := c, c
		pc.lines, rc.lines = c.lines[:n], nil
		rc.photo = nil // printed once, in the first part
		switch {
		case c.repeat != nil && n < len(c.lines) && !force:
			return r, r, false // a label must print whole
		case c.repeat != nil:
			rc.lines = c.repeat
		case n < len(c.lines):
			need := min(max(r.minLines, 1), len(c.lines))
			if n < need && !force {
				return r, r, false
			}
			rc.lines = c.lines[n:]
			pc.valign, rc.valign = alignTop, alignTop
		}
		if n > 0 && c.repeat == nil {
			progress = true
		}
		part.cells[i], rest.cells[i] = pc, rc
	}
	if !progress && !force {
		return r, r, false
	}
	if !progress { // a single line taller than a page: give it a page of its own regardless
		for i, c := range r.cells {
			if c.repeat == nil && len(c.lines) > 0 {
				part.cells[i].lines, rest.cells[i].lines = c.lines[:1], c.lines[1:]
			}
		}
	}
	return part, rest, true
}

// fitLines is how many of ls, from the top, fit in height h.
func fitLines(ls []line, h float64) int {
	y := 0.0
	for i, ln := range ls {
		y += ln.pitch
		if y > h+eps {
			return i
		}
	}
	return len(ls)
}

// onNewPage is the row to place at the top of a new page: without a standing-alone first
// line, which only matters below another row.
func (r row) onNewPage() row {
	if r.plain != nil {
		return *r.plain
	}
	return r
}

// draw puts row r at the current position with height h and moves below it.
func (l *layouter) draw(r row, h float64) {
	x := MarginLeft
	idx := make([]int, len(r.cells))
	for i, c := range r.cells {
		idx[i] = -1
		if !c.span {
			idx[i] = l.drawCellAt(c, x, l.y, h, stagger(i))
		}
		x += c.w
	}
	l.y += h
	l.loose = r.label && len(idx) == 2 && !contentBelowLabel(l.texts(idx[0]), l.texts(idx[1]))
}

// texts returns the text boxes of the cell at index cell on the current page.
func (l *layouter) texts(cell int) []Box {
	var out []Box
	for _, b := range l.page.Boxes[cell+1:] {
		if b.Kind == TextBox && b.Cell == cell {
			out = append(out, b)
		}
	}
	return out
}

// drawCell adds a cell's rectangle and its lines.
func (l *layouter) drawCell(c cell, x, y, h float64) int { return l.drawCellAt(c, x, y, h, 0) }

// drawCellAt draws a cell whose text starts drop below its top padding.
func (l *layouter) drawCellAt(c cell, x, y, h, drop float64) int {
	idx := l.add(Box{Kind: CellBox, X: x, Y: y, W: c.w, H: h, Cell: -1})
	top := y + PadY + drop
	if c.valign == alignMiddle {
		top += (h - 2*PadY - linesHeight(c.lines)) / 2
	}
	avail := c.w - 2*PadX
	for _, ln := range c.lines {
		off := 0.0
		switch ln.align {
		case alignCenter:
			off = (avail - ln.width) / 2
		case alignRight:
			off = avail - ln.width
		}
		for _, s := range ln.segs {
			if s.text == "" {
				continue
			}
			l.add(textBox(x+PadX+off+s.dx, top, s, ln.size, idx))
		}
		top += ln.pitch
	}
	if c.photo != nil {
		l.add(Box{Kind: ImageBox, X: x + (c.w-PhotoWidth)/2, Y: y + (h-PhotoHeight)/2,
			W: PhotoWidth, H: PhotoHeight, Image: c.photo, Cell: idx, Path: c.path})
	}
	return idx
}

// value returns a field's value as printed, made printable.
func (l *layouter) value(b forms.Block, f forms.Field, row int) string {
	return printable(forms.Display(f, l.d.Value(b, f, row)), f.Kind == forms.LongText)
}

func (l *layouter) labelCell(label string, w float64) cell {
	return cell{lines: l.ts.label(label, w-2*PadX), valign: alignTop}
}

func (l *layouter) valueCell(b forms.Block, f forms.Field, row int, w float64) cell {
	return cell{lines: l.ts.value(l.value(b, f, row), w-2*PadX, forms.Path(b, f, row)), valign: alignTop}
}

// host lays out the 主持人 block: three rows of three label|value pairs beside the photo
// cell, then 工作单位 | 结对帮扶县区.
func (l *layouter) host(b forms.Block) {
	rows, unit, photo := HostLayout(b)
	cols := Columns(HostRow)
	var rs []row
	for _, fs := range rows {
		var cells []cell
		for i, f := range fs {
			cells = append(cells, l.labelCell(f.Label, cols[2*i]), l.valueCell(b, f, 0, cols[2*i+1]))
		}
		cells = append(cells, cell{span: true})
		rs = append(rs, newRow(HostRow, cells...))
	}
	l.hostRows(rs, b, photo)
	if len(unit) == 2 {
		// 工作 stands alone so that the row is read after the host rows (readorder.go).
		ucols := Columns(UnitRow)
		l.place(separated(newRow(UnitRow,
			l.labelCell(unit[0].Label, ucols[0]), l.valueCell(b, unit[0], 0, ucols[1]),
			l.labelCell(unit[1].Label, ucols[2]), l.valueCell(b, unit[1], 0, ucols[3]))))
	}
}

// hostRows draws the photo rows with the photo cell spanning them. The rows grow (the last
// one) so the photo fits with 2 mm above and below.
func (l *layouter) hostRows(rs []row, b forms.Block, photo forms.Field) {
	hs := make([]float64, len(rs))
	total := 0.0
	for i, r := range rs {
		hs[i] = r.height()
		total += hs[i]
	}
	if need := PhotoHeight + MM(4); total < need && len(hs) > 0 {
		hs[len(hs)-1] += need - total
		total = need
	}
	if total > l.room()+eps && !l.fresh() {
		l.newPage()
	}
	if total > l.room()+eps || len(rs) == 0 {
		// Values so long the rows outgrow a page: print them row by row, the photo in a
		// first row made tall enough for it.
		for i, r := range rs {
			if i == 0 {
				r.min = math.Max(r.min, PhotoHeight+MM(4))
				r.cells[len(r.cells)-1] = l.photoCell(b, photo, r.cells[len(r.cells)-1].w)
			} else {
				r.cells[len(r.cells)-1] = cell{w: r.cells[len(r.cells)-1].w}
			}
			l.place(r)
		}
		return
	}
	// The photo cell is drawn after the rows it spans: its label, printed when there is no
	// photo, is read after them (pdftotext reads a table's rows before a cell beside them).
	x := MarginLeft + TextWidth - Columns(HostRow)[len(Columns(HostRow))-1]
	y0 := l.y
	for i, r := range rs {
		l.draw(r, hs[i])
	}
	l.drawCellAt(l.photoCell(b, photo, Columns(HostRow)[len(Columns(HostRow))-1]), x, y0, total, Stagger)
}

// photoCell is the photo column's cell: the photo (centred), or the label 近期 / 1寸照片 at
// its top when there is none: within the first row's height, where it does not disturb
// how text extraction sees the rows beside it (readorder.go).
func (l *layouter) photoCell(b forms.Block, photo forms.Field, w float64) cell {
	c := cell{w: w, valign: alignTop, photo: l.photoImage(), path: forms.Path(b, photo, 0)}
	if c.photo == nil {
		c.lines = l.ts.label(photo.Label, w-2*PadX)
	}
	return c
}

// photoImage is the draft's photo as printed, nil when there is none or it cannot be read.
func (l *layouter) photoImage() *Image {
	if !l.read {
		l.read = true
		if img, err := photoImage(l.d.Photo); err == nil {
			l.photo = img
		}
	}
	return l.photo
}

// table lays out a person table: its heading, the column labels, then every filled row and
// blank rows up to the number the form prints. Rows are numbered 1, 2, … as printed.
func (l *layouter) table(b forms.Block) {
	cols := Columns(PersonRow)
	heading := newRow(HeadingRow, cell{lines: l.ts.heading(b.Label, TextWidth-2*PadX)})
	head := []cell{l.labelCell(SerialLabel, cols[0])}
	for i, f := range b.Fields {
		head = append(head, l.labelCell(f.Label, cols[i+1]))
	}
	header := newRow(PersonRow, head...)
	filled := l.d.FilledRows(b)
	n := max(len(filled), b.Rows)
	rows := make([]row, n)
	for i := range rows {
		src := -1 // a blank row beyond the filled ones
		if i < len(filled) {
			src = filled[i]
		}
		cells := []cell{{lines: l.ts.value(strconv.Itoa(i+1), cols[0]-2*PadX, ""), valign: alignTop}}
		for j, f := range b.Fields {
			c := cell{valign: alignTop}
			if src > 0 {
				c = l.valueCell(b, f, src, cols[j+1])
			}
			cells = append(cells, c)
		}
		rows[i] = newRow(PersonRow, cells...)
	}
	// The heading, the column labels and the first row stay together.
	l.ensure(heading.height() + header.height() + rows[0].height())
	l.place(heading)
	l.place(header)
	l.header = &header
	for _, r := range rows {
		l.place(r)
	}
	l.header = nil
}

// labelRow makes a label | content row of blocks 4–9.
func (l *layouter) labelRow(b forms.Block, content []line, valign vAlign) row {
	cols := Columns(LabelRow)
	lc := l.labelCell(b.Label, cols[0])
	lc.repeat = l.ts.label(b.Label+Continued, cols[0]-2*PadX)
	r := newRow(LabelRow, lc, cell{lines: content, valign: valign})
	r.min = BlockMinHeight(b)
	r.label = true
	return r
}

// placeLabelRow places a label | content row, its label's first line standing alone when the
// row above on this page needs it (readorder.go).
func (l *layouter) placeLabelRow(r row) {
	if l.loose && !l.fresh() {
		plain := r
		r = separated(r)
		r.plain = &plain
	}
	l.place(r)
}

func contentWidth() float64 { return Columns(LabelRow)[1] - 2*PadX }

// fieldLines lays out a block of labelled lines (已成立的工作室名称：… / 批准设立部门：…), a
// blank line between them as the form leaves room to write by hand.
func (l *layouter) fieldLines(b forms.Block) {
	var content []line
	for i, f := range b.Fields {
		if i > 0 {
			content = append(content, spacer(LineHeight(TableSize, 1)))
		}
		content = append(content, l.ts.labelled(f.Label, strings.TrimSpace(l.value(b, f, 0)), contentWidth(), forms.Path(b, f, 0))...)
	}
	l.placeLabelRow(l.labelRow(b, content, alignTop))
}

// longText lays out 业绩 or 规划: the form's hint first (五号), then the text; it flows over
// as many pages as it needs, the label repeated with （续）.
func (l *layouter) longText(b forms.Block) {
	w := contentWidth()
	var content []line
	if b.Hint != "" {
		content = append(content, l.ts.plain(b.Hint, Regular, TableSize, LineHeight(TableSize, 1), w, alignLeft, "")...)
	}
	f := b.Fields[0]
	if v := strings.Trim(l.value(b, f, 0), "\n"); strings.TrimSpace(v) != "" {
		content = append(content, l.ts.paragraphs(v, w, forms.Path(b, f, 0))...)
	}
	r := l.labelRow(b, content, alignTop)
	r.keep = false
	r.minLines = 3
	l.placeLabelRow(r)
}

// opinion lays out an opinion box: the sub-label, at least OpinionClear of clear space,
// then （盖  章） and 年  月  日 at the lower right. Never split.
func (l *layouter) opinion(b forms.Block) {
	size, pitch := TableSize, LineHeight(TableSize, 1)
	var content []line
	if b.Sub != "" {
		content = append(content, l.ts.plain(b.Sub, Regular, size, pitch, contentWidth(), alignLeft, "")...)
	}
	ws, wd := l.ts.measure(forms.Stamp, Regular, size), l.ts.measure(forms.Date, Regular, size)
	inset := StampInset
	content = append(content,
		spacer(OpinionClear),
		line{size: size, pitch: pitch, align: alignRight, width: ws + inset + (wd-ws)/2,
			segs: []seg{{text: forms.Stamp, font: Regular, w: ws}}},
		spacer(pitch),
		line{size: size, pitch: pitch, align: alignRight, width: wd + inset,
			segs: []seg{{text: forms.Date, font: Regular, w: wd}}},
		spacer(MM(2)),
	)
	r := l.labelRow(b, content, alignTop)
	r.keep = true
	l.placeLabelRow(r)
}

// finish adds the page numbers and, for a --draft export, the watermark under everything.
func (l *layouter) finish(draft bool) []Page {
	out := make([]Page, len(l.pages))
	for i, p := range l.pages {
		// The page number ends at the right margin: a block of text with nothing beside it
		// (a blank row's 序号, a label's first line standing alone) is then widened by
		// poppler to the right edge of the text, which is what keeps it ordered after the
		// cells above it (readorder.go).
		foot := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(l.pages))
		w := l.ts.measure(foot, Regular, FooterSize)
		top := FooterBaseline - BaselineOffset(FooterSize)
		p.Boxes = append(p.Boxes, textBox(MarginLeft+TextWidth-w, top, seg{text: foot, font: Regular, w: w}, FooterSize, -1))
		if draft {
			p.Boxes = append([]Box{l.watermark(), l.draftHeader()}, p.Boxes...)
			for j := range p.Boxes {
				if p.Boxes[j].Cell >= 0 {
					p.Boxes[j].Cell += 2
				}
			}
		}
		out[i] = *p
	}
	return out
}

// DraftHeaderBaseline is the baseline of the draft mark's text line, centred in the top
// margin.
var DraftHeaderBaseline = MM(15)

// draftHeader is 草稿（未通过检查） as a line of text in the top margin. The watermark across
// the page is a picture for text extraction (the PDF draws it as one: its characters would
// scatter through the extracted text); this line is what pdftotext reads, first on the page.
func (l *layouter) draftHeader() Box {
	w := l.ts.measure(DraftMark, Regular, FooterSize)
	b := textBox(MarginLeft+(TextWidth-w)/2, DraftHeaderBaseline-BaselineOffset(FooterSize),
		seg{text: DraftMark, font: Regular, w: w}, FooterSize, -1)
	b.Gray = 0.35
	return b
}

// watermark is 草稿（未通过检查） across the page along its diagonal, light grey.
func (l *layouter) watermark() Box {
	f := Bold
	w := l.ts.measure(DraftMark, f, WatermarkSize)
	return Box{Kind: WatermarkBox, X: PageWidth / 2, Y: PageHeight / 2, W: w,
		H: (FontAscent + FontDescent) * WatermarkSize, Text: DraftMark, Font: f, Size: WatermarkSize,
		Gray: 0.82, Angle: math.Atan2(PageHeight, PageWidth) * 180 / math.Pi, Cell: -1}
}
