package render

import (
	"errors"
	"fmt"
	"math"
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

// Layout lays the whole form out on A4 pages: the title, then the table that BuildTable makes
// of the form and the draft, its rows paginated, page numbers at the foot, and the draft
// watermark when asked. An empty draft gives the blank form.
func Layout(d *forms.Draft, opt Options) ([]Page, error) {
	_, pages, err := Paginate(d, opt)
	return pages, err
}

// Paginate is Layout that also returns the table it laid out, each row's Drop filled in as the
// pages print it: what a writer that paginates on its own (the .docx) needs to break its pages
// where the PDF does.
func Paginate(d *forms.Draft, opt Options) (Table, []Page, error) {
	if d == nil {
		return Table{}, nil, errors.New("render: no draft to lay out")
	}
	t, err := BuildTable(d)
	if err != nil {
		return Table{}, nil, err
	}
	m := opt.Measurer
	if m == nil {
		m = FontMeasurer()
	}
	l := &layouter{ts: typesetter{m}, form: d.Form()}
	l.newPage()
	l.title()
	l.rows(t.Rows)
	return t, l.finish(opt.Draft), nil
}

// rows places the table's rows: rows beside a picture together, a person table's heading and
// column labels with its first row and again on every page the table reaches.
func (l *layouter) rows(rows []Row) {
	for i := 0; i < len(rows); {
		r := rows[i]
		if r.Block != l.headerBlock {
			l.header, l.heads, l.headerBlock = nil, nil, r.Block
		}
		if !r.Repeat && len(l.heads) > 0 { // the table's heading rows are placed: repeat them
			l.header, l.heads = l.heads, nil
		}
		if r.NewPage && !l.fresh() {
			l.newPage()
		}
		if n := spannedFrom(rows, i); n > 1 && i+n <= len(rows) {
			l.spanRows(rows[i : i+n])
			i += n
			continue
		}
		if r.KeepNext && (i == 0 || !rows[i-1].KeepNext) {
			h := 0.0
			for j := i; j < len(rows); j++ {
				h += l.row(rows[j]).height()
				if !rows[j].KeepNext {
					break
				}
			}
			l.ensure(h)
		}
		lr := l.row(r)
		l.drawn, l.drop, l.tail, l.moved, l.moves, l.cut = false, 0, 0, false, nil, 0
		switch {
		case r.Role == BlockRow:
			l.placeLabelRow(lr)
		case r.Separated:
			l.place(separated(lr))
		default:
			l.place(lr)
		}
		if r.Repeat {
			l.heads = append(l.heads, lr)
		}
		rows[i].Drop, rows[i].Tail, rows[i].Break, rows[i].Moves = l.drop, max(l.tail, 0), l.moved, l.moves
		switch {
		case l.cut > 0:
			rows[i].Height = l.cut
		case r.Keep && lr.height() <= l.freshRoom()+eps:
			rows[i].Height = lr.height()
		}
		i++
	}
	l.header = nil
}

// spannedFrom is how many rows from row i are joined by cells covering several rows: those
// of row i, and of the rows they cover (a group's label starting beside the photo).
func spannedFrom(rows []Row, i int) int {
	n := spanned(rows[i])
	for j := i + 1; j < i+n && j < len(rows); j++ {
		n = max(n, j-i+spanned(rows[j]))
	}
	return n
}

// spanned is how many rows a cell of r covers, 1 when none does.
func spanned(r Row) int {
	n := 1
	for _, c := range r.Cells {
		n = max(n, c.RowSpan)
	}
	return n
}

// row types a row of the table.
func (l *layouter) row(r Row) row {
	out := row{min: r.Min, keep: r.Keep, minLines: r.MinLines, label: r.Role == BlockRow}
	for _, c := range r.Cells {
		out.cells = append(out.cells, l.cell(c))
	}
	return out
}

// cell types a cell's content into lines.
func (l *layouter) cell(c Cell) cell {
	in := c.W - 2*PadX
	out := cell{w: c.W, valign: alignTop}
	ct := c.Content
	switch ct.Kind {
	case Label:
		out.lines = l.ts.label(ct.Text, in)
		if ct.More != "" {
			out.repeat = l.ts.label(ct.More, in)
		}
	case Value:
		out.lines = l.ts.value(printable(ct.Text), in, ct.Path)
	case Heading:
		out.lines = l.ts.heading(ct.Text, in)
	case Labelled:
		for i, it := range ct.Items {
			if i > 0 {
				out.lines = append(out.lines, spacer(LineHeight(TableSize, 1)))
			}
			out.lines = append(out.lines, l.ts.labelled(it.Label, printable(it.Value), in, it.Path)...)
		}
	case Long:
		if ct.Text != "" {
			out.lines = l.ts.plain(ct.Text, Regular, TableSize, LineHeight(TableSize, 1), in, alignLeft, "")
		}
		paras := make([]string, len(ct.Paras))
		for i, p := range ct.Paras {
			paras[i] = printable(p)
		}
		out.lines = append(out.lines, l.ts.paragraphs(paras, in, ct.Path)...)
	case Opinion, Declaration:
		out.lines = l.signedLines(ct, in)
	case Boxes:
		out.lines = l.ts.boxes(ct, in)
	case Note:
		for _, p := range ct.Paras {
			if strings.TrimSpace(p) == "" {
				out.lines = append(out.lines, spacer(LineHeight(TableSize, 1)))
				continue
			}
			out.lines = append(out.lines, l.ts.plain(p, Regular, TableSize, LineHeight(TableSize, 1), in, alignLeft, "")...)
		}
	case Photo:
		out.photo, out.path = ct.Image, ct.Path
		if ct.Image == nil {
			out.lines = l.ts.label(ct.Text, in)
		}
	}
	return out
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
	// drop: the row's first cell has its first line standing alone, the other cells' text
	// starts this much lower (separated).
	drop float64
	// move: a part of a split row whose last line, a heading, went on to the next part.
	move *Move
}

func (r row) contentHeight() float64 {
	h := 0.0
	for i, c := range r.cells {
		h = math.Max(h, c.height()+r.staggerIn(i))
	}
	return h
}

func (r row) height() float64 { return math.Max(r.min, r.contentHeight()) }

// heightBeside is the height of the row's cells but its first (the label).
func (r row) heightBeside() float64 {
	h := 0.0
	for i, c := range r.cells[min(1, len(r.cells)):] {
		h = math.Max(h, c.height()+stagger(i+1))
	}
	return h
}

// layouter places rows on pages, top to bottom.
type layouter struct {
	ts          typesetter
	form        *forms.Definition // the form printed: its title, stamp and date lines
	pages       []*Page
	page        *Page
	y           float64 // the top of the next row
	start       float64 // where rows start on this page (below the title or a repeated header)
	header      []row   // a table's heading rows, repeated on every page the table reaches
	heads       []row   // heading rows placed so far, not yet repeated
	headerBlock int     // the block of the rows being placed
	// drawn, drop: whether the row being placed has been drawn (a part of it), and its first
	// part's drop (see row.drop), which Paginate reports as Row.Drop.
	drawn bool
	drop  float64
	// cut: Row.Height of the row being placed when it ends at the page's foot short of its
	// least height.
	cut float64
	// tail, moved: Row.Tail and Row.Break of the row being placed.
	tail  float64
	moved bool
	moves []Move
	// loose: the last row on this page is a label | content row whose content ends within its
	// label's height, so the next one must stand its label's first line alone.
	loose bool
}

func (l *layouter) newPage() {
	l.page = &Page{Width: PageWidth, Height: PageHeight}
	l.pages = append(l.pages, l.page)
	l.y = MarginTop
	l.loose = false
	drawn := l.drawn // the repeated heading rows are not the row being placed
	for _, r := range l.header {
		l.draw(r, r.height())
	}
	l.drawn = drawn
	l.start = l.y
}

func (l *layouter) fresh() bool { return l.y <= l.start+eps }
func (l *layouter) room() float64 {
	return BodyBottom - l.y
}

// freshRoom is the room a new page would give.
func (l *layouter) freshRoom() float64 {
	top := MarginTop
	for _, r := range l.header {
		top += r.height()
	}
	return BodyBottom - top
}

func (l *layouter) add(b Box) int {
	l.page.Boxes = append(l.page.Boxes, b)
	return len(l.page.Boxes) - 1
}

// title prints the form's title, bold 小二, centred above the table.
func (l *layouter) title() {
	w := l.ts.measure(l.form.Title, Bold, TitleSize)
	l.add(textBox(MarginLeft+(TextWidth-w)/2, l.y, seg{text: l.form.Title, font: Bold, w: w}, TitleSize, -1))
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
	split := false
	for {
		need, room := r.height(), l.room()
		switch {
		case need <= room+eps:
			if split {
				l.tail = need - r.heightBeside()
			}
			l.draw(r, need)
			return
		case !r.keep && r.contentHeight() <= room+eps && room >= r.min/2:
			// Only the minimum height overflows: end the cell at the page's foot (the .docx's
			// row is a hair shorter, so that Word's rounding keeps it on the page too).
			l.draw(r, room)
			l.cut = room - cutSlack
			return
		case !l.fresh() && r.keep && need <= l.freshRoom()+eps:
			l.newPage()
			r = r.onNewPage()
			continue
		}
		part, rest, ok := r.split(room, l.fresh())
		if !ok {
			l.moved = l.moved || !l.drawn && !r.keep
			l.newPage()
			r = r.onNewPage()
			continue
		}
		l.draw(part, room)
		if part.move != nil {
			l.moves = append(l.moves, *part.move)
		}
		l.newPage()
		r, split = rest, true
	}
}

// split cuts a row where the page ends: each cell keeps the lines that fit in room, and the
// rest goes on in a row whose label cells print their repeat lines. ok is false when the part
// on this page would be too small (unless force: a fresh page must take something).
func (r row) split(room float64, force bool) (part, rest row, ok bool) {
	avail := room - 2*PadY
	part, rest = r, r
	part.plain, rest.plain = nil, nil
	part.move, rest.move = nil, nil
	rest.drop = 0
	part.cells = make([]cell, len(r.cells))
	rest.cells = make([]cell, len(r.cells))
	rest.min = 0
	progress := false
	for i, c := range r.cells {
		n := fitLines(c.lines, avail-stagger(i))
		if n > 1 && n < len(c.lines) && c.lines[n-1].keepNext {
			n-- // a heading goes on with what follows it
			part.move = &Move{Para: c.lines[n].para - 1, Gap: avail - stagger(i) - linesHeight(c.lines[:n])}
		}
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
	if !l.drawn {
		l.drawn, l.drop = true, r.drop
	}
	x := MarginLeft
	idx := make([]int, len(r.cells))
	for i, c := range r.cells {
		idx[i] = -1
		if !c.span {
			idx[i] = l.drawCellAt(c, x, l.y, h, r.staggerIn(i))
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
		for _, t := range ln.ticks {
			dx, up, w, h := inkBox([]rune(BoxMark)[0], ln.size)
			base := top + BaselineOffset(ln.size)
			p := ""
			if len(ln.segs) > 0 {
				p = ln.segs[0].path
			}
			l.add(Box{Kind: TickBox, X: x + PadX + off + t + dx, Y: base - up, W: w, H: h, Cell: idx, Path: p})
		}
		top += ln.pitch
	}
	if c.photo != nil {
		l.add(Box{Kind: ImageBox, X: x + (c.w-PhotoWidth)/2, Y: y + (h-PhotoHeight)/2,
			W: PhotoWidth, H: PhotoHeight, Image: c.photo, Cell: idx, Path: c.path})
	}
	return idx
}

// spanRows draws rows beside the cells that cover several of them (the photo, a group's label
// over its rows of labels), each drawn after them: the photo's label, printed when there is no
// photo, is then read after them (pdftotext reads a table's rows before a cell beside them).
// Rows grow so that each such cell fits, the photo with 2 mm above and below.
func (l *layouter) spanRows(rows []Row) {
	type tallCell struct {
		c         cell
		x         float64
		from, n   int
		photo     bool
		minHeight float64
	}
	var talls []tallCell
	rs := make([]row, len(rows))
	for i, r := range rows {
		rs[i] = l.row(r)
		for j, c := range r.Cells {
			if c.RowSpan > 1 {
				t := tallCell{c: rs[i].cells[j], x: c.X, from: i, n: min(c.RowSpan, len(rows)-i), photo: c.Content.Kind == Photo}
				t.minHeight = t.c.height()
				if t.photo {
					t.minHeight = PhotoHeight + MM(4)
				}
				talls = append(talls, t)
			}
			if c.RowSpan > 1 || c.Covered {
				rs[i].cells[j] = cell{w: c.W, span: true}
			}
		}
	}
	hs := make([]float64, len(rs))
	for i, r := range rs {
		hs[i] = r.height()
	}
	for _, t := range talls {
		sum := 0.0
		for k := t.from; k < t.from+t.n; k++ {
			sum += hs[k]
		}
		if sum < t.minHeight {
			hs[t.from+t.n-1] += t.minHeight - sum
		}
	}
	total := 0.0
	for _, h := range hs {
		total += h
	}
	if total > l.room()+eps && !l.fresh() {
		l.newPage()
	}
	if total > l.room()+eps {
		// Values so long the rows outgrow a page: print them row by row, each tall cell in its
		// first row, made tall enough for it.
		for i, r := range rs {
			for j := range r.cells {
				if r.cells[j].span {
					r.cells[j] = cell{w: r.cells[j].w}
				}
			}
			for _, t := range talls {
				if t.from != i {
					continue
				}
				for j, c := range rows[i].Cells {
					if c.RowSpan > 1 && c.X == t.x {
						r.cells[j] = t.c
					}
				}
				r.min = math.Max(r.min, t.minHeight)
			}
			l.place(r)
		}
		return
	}
	y0 := l.y
	ys := make([]float64, len(rs)+1)
	for i, r := range rs {
		ys[i] = l.y - y0
		l.draw(r, hs[i])
		rows[i].Height = hs[i]
	}
	ys[len(rs)] = l.y - y0
	for _, t := range talls {
		// A cell at the row's left starts level with the row, the others lower (readorder.go).
		st := Stagger
		if t.x == 0 {
			st = 0
		}
		l.drawCellAt(t.c, MarginLeft+t.x, y0+ys[t.from], ys[t.from+t.n]-ys[t.from], st)
	}
}

// signedLines is an opinion box's or a declaration's content: the sub-label, the set wording
// (each line of it a paragraph, its first line indented two characters), the clear space, then
// at the lower right the signature line, （盖  章） and 年  月  日 as the content has them, a
// blank line between two.
func (l *layouter) signedLines(ct Content, width float64) []line {
	size, pitch := TableSize, LineHeight(TableSize, 1)
	var content []line
	if ct.Text != "" {
		content = append(content, l.ts.plain(ct.Text, Regular, size, pitch, width, alignLeft, "")...)
	}
	content = append(content, l.ts.wording(ct.Paras, width)...)
	content = append(content, spacer(ct.Clear))
	ws, wd := l.ts.measure(l.form.Stamp, Regular, size), l.ts.measure(l.form.Date, Regular, size)
	inset := StampInset
	var foot []line
	if ct.Sign != "" {
		wn := l.ts.measure(ct.Sign, Regular, size)
		foot = append(foot, line{size: size, pitch: pitch, align: alignRight, width: min(wn+SignGap, width),
			segs: []seg{{text: ct.Sign, font: Regular, w: wn}}})
	}
	if ct.Stamp {
		foot = append(foot, line{size: size, pitch: pitch, align: alignRight, width: ws + inset + (wd-ws)/2,
			segs: []seg{{text: l.form.Stamp, font: Regular, w: ws}}})
	}
	if ct.Dated {
		foot = append(foot, line{size: size, pitch: pitch, align: alignRight, width: wd + inset,
			segs: []seg{{text: l.form.Date, font: Regular, w: wd}}})
	}
	for i, ln := range foot {
		if i > 0 {
			content = append(content, spacer(pitch))
		}
		content = append(content, ln)
	}
	return append(content, spacer(MM(2)))
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
