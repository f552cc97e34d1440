package render

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"shenbao/forms"
)

// Table is the form's one table as a model: rows of cells on one column grid, built from the
// form definition and a draft. The layout (PDF and preview) types its cells and paginates
// its rows; the .docx writer turns the same rows into WordprocessingML and lets Word
// paginate. Nothing about which field sits where is decided outside forms and this file.
type Table struct {
	Form *forms.Definition // the form the table is of: its title, stamp and date lines
	// Edges are the x offsets of every vertical rule any row has, in points from the table's
	// left edge, ascending: 0 … TextWidth. A cell covers the grid columns between two edges.
	Edges []float64
	Rows  []Row
}

// RowRole says what a row is to pagination and to Word.
type RowRole int

const (
	// GridRow: a row of label and value cells (the host block), or of a table's values.
	GridRow RowRole = iota
	// SectionRow: one full-width cell, a person table's section heading.
	SectionRow
	// HeaderRow: a person table's column labels.
	HeaderRow
	// BlockRow: a block's label cell and one content cell (blocks 4–9).
	BlockRow
	// FullRow: one full-width cell of the form's own text: a note or a declaration without a
	// label.
	FullRow
)

// Row is one row of the table.
type Row struct {
	Role  RowRole
	Cells []Cell
	Block int     // index of the block in the form
	Min   float64 // least height, points
	// Keep: the row moves to the next page whole rather than split (Word: cantSplit). A row
	// whose content outgrows a page splits regardless.
	Keep bool
	// KeepNext: the row stays on the page of the row below it (the heading and column labels
	// of a person table with its first row).
	KeepNext bool
	// Repeat: the row heads its table (its block's rows) on every page the table reaches:
	// a person table's section heading and column labels (Word: tblHeader).
	Repeat bool
	// MinLines: where a row splits, each cell keeps at least this many lines on the page.
	MinLines int
	// Separated: the first line of the row's first cell stands alone, for text extraction
	// (readorder.go).
	Separated bool
	// Drop: set by Paginate where the PDF prints the row so (Separated, or a label | content
	// row below one whose content ends within its label's height): the first line of its
	// first cell stands alone, SeparatorGap above the rest, and the other cells' text starts
	// Drop lower. 0 for the other rows.
	Drop float64
	// Tail: set by Paginate for a row split over pages whose last part the PDF prints taller
	// than its content (the label + （续） it repeats is taller): the height that adds.
	Tail float64
	// Break: set by Paginate for a row that may split but that the PDF moved whole to the
	// next page (its label would have been cut).
	Break bool
	// Moves: set by Paginate for a long text whose headings the PDF moved on to the next page
	// rather than end a page with them.
	Moves []Move
	// NewPage: the row is the first of a block that starts a new page (Block.PageBreak): the
	// PDF starts a page before it, Word breaks the page before its table.
	NewPage bool
	// Height: set by Paginate for a row the PDF prints whole on one page: its height there,
	// points, for the .docx to give the row instead of Min (Word and LibreOffice then break
	// its pages where the PDF does): a row the PDF ends at the page's foot short of Min gets
	// that height (less cutSlack). 0 for a row that may split.
	Height float64
}

// cutSlack: how much shorter than the room left on the page the .docx sets a row the PDF ends
// at the page's foot (about a millimetre), so that what Word and LibreOffice round and add on the
// rows above it does not move it to the next page.
const cutSlack = 3.0

// Move is a heading of a long text (a paragraph of Content.Paras) that the PDF moved on to
// the next page, leaving Gap points empty at the foot of the page before.
type Move struct {
	Para int
	Gap  float64
}

// Cell is one cell of a row.
type Cell struct {
	X, W      float64 // points from the table's left edge
	Col, Span int     // the grid columns it covers (Table.Edges)
	// RowSpan > 1: the cell covers this many rows from this one (the photo). Covered: the
	// cell is the part of such a cell in a row below (Word: vMerge continue); it holds
	// nothing.
	RowSpan int
	Covered bool
	Content Content
}

// ContentKind says how a cell's content prints.
type ContentKind int

const (
	Empty    ContentKind = iota
	Label                // a label of the form: bold 五号, centred, broken as LabelLines
	Value                // a short typed value: regular 五号, centred
	Heading              // a section heading: bold 四号, letter-spaced, centred
	Labelled             // lines "label：value" (已设工作室), a blank line between them
	Long                 // a long text: the form's hint (五号), then paragraphs in 小四
	Opinion              // an opinion box: sub-label, wording, room, signature, （盖  章）, 年  月  日
	Photo                // the photo, or its label when there is none
	// Boxes: a choice printed as boxes, each choice followed by □, the chosen one ticked
	// (正常 ☑　　破格 □); Text is the value, ticked when it is one of Choices.
	Boxes
	// Note: fixed text of the form (填表说明), 五号, left aligned, a line for each "\n".
	Note
	// Declaration: set wording (本人承诺 …) with a first-line indent, clear room, then the
	// signature line and the date at the right, as an opinion box's.
	Declaration
)

// Content is what a cell prints.
type Content struct {
	Kind ContentKind
	// Text: Label, Value, Heading and Photo (the label printed without a photo); Long: the
	// form's hint; Opinion: the sub-label; Boxes: the value.
	Text string
	// Paras: Long's paragraphs, from Paragraphs; Opinion's, Declaration's and Note's set
	// wording, a paragraph for each line of the definition's text.
	Paras []string
	// Choices: Boxes' choices, in printed order; BoxFirst: each box before its choice (□男);
	// Prefix: printed before the boxes in the cell (申报类别：).
	Choices  []string
	BoxFirst bool
	Prefix   string
	// Opinion and Declaration: Clear is the clear height (points) above the lines at the
	// foot: Sign (the signature line's label, 申报人签名：) when not "", the form's stamp line
	// when Stamp, its date line when Dated.
	Clear        float64
	Sign         string
	Stamp, Dated bool
	// Items: Labelled's lines.
	Items []Item
	Path  string // the field path whose value this prints ("" for the form's own text)
	Image *Image // Photo: the picture as printed; nil: none
	// More: a block's label: what it prints where its row goes on over a page (the label
	// + （续）); a label with More is never cut between pages.
	More string
}

// Item is one line of a Labelled cell.
type Item struct{ Label, Value, Path string }

// BuildTable builds the table of the draft's form for the draft.
func BuildTable(d *forms.Draft) (Table, error) {
	tb := &tableBuilder{d: d}
	tb.t.Form = d.Form()
	form := d.Form().Blocks
	for i, b := range form {
		n := len(tb.t.Rows)
		var err error
		switch {
		case b.Kind == forms.FieldsBlock && b.Grid():
			err = tb.grid(b)
		case b.Kind == forms.FieldsBlock:
			tb.labelRow(b, Content{Kind: Labelled, Items: tb.items(b)}, true, 0)
		case b.Kind == forms.TableBlock:
			err = tb.table(b)
		case b.Kind == forms.TextBlock:
			tb.labelRow(b, tb.long(b), false, 3)
		case b.Kind == forms.OpinionBlock, b.Kind == forms.DeclarationBlock:
			tb.labelRow(b, signed(b), true, 0)
		case b.Kind == forms.NoteBlock:
			tb.labelRow(b, Content{Kind: Note, Paras: setLines(b.Text)}, true, 0)
		default:
			err = fmt.Errorf("block of unknown kind %d", b.Kind)
		}
		if err != nil {
			return Table{}, fmt.Errorf("render: block %q: %w", b.Name(), err)
		}
		for r := n; r < len(tb.t.Rows); r++ {
			tb.t.Rows[r].Block = i
		}
		if b.PageBreak && n < len(tb.t.Rows) {
			tb.t.Rows[n].NewPage = true
		}
	}
	tb.t.Edges = tb.edges()
	for r := range tb.t.Rows {
		for c := range tb.t.Rows[r].Cells {
			cl := &tb.t.Rows[r].Cells[c]
			cl.Col, cl.Span = tb.t.column(cl.X), tb.t.column(cl.X+cl.W)-tb.t.column(cl.X)
		}
	}
	return tb.t, nil
}

type tableBuilder struct {
	d     *forms.Draft
	t     Table
	photo *Image
	read  bool
}

// value is a field's value as printed: on one line, through forms.Display; nothing in a block
// the applicant leaves blank.
func (tb *tableBuilder) value(b forms.Block, f forms.Field, row int) string {
	if b.LeaveBlank {
		return ""
	}
	return clean(forms.Display(f, tb.d.Value(b, f, row)), false)
}

// path is a field's path as the printed value's (the preview's click goes there); "" in a
// block the applicant leaves blank, which the app does not offer.
func path(b forms.Block, f forms.Field, row int) string {
	if b.LeaveBlank {
		return ""
	}
	return forms.Path(b, f, row)
}

// cellsAt lays cells of the given widths (millimetres) side by side from x (points).
func cellsAt(x float64, widths ...float64) []Cell {
	out := make([]Cell, len(widths))
	for i, w := range widths {
		out[i] = Cell{X: x, W: MM(w)}
		x += MM(w)
	}
	return out
}

// grid builds a block of label and value cells in the rows its fields name; a Picture covers
// its column in RowSpan rows.
func (tb *tableBuilder) grid(b forms.Block) error {
	nrows := 0
	for _, f := range b.Fields {
		nrows = max(nrows, f.Row+max(f.RowSpan, 1))
		if f.LabelAbove {
			nrows = max(nrows, f.Row+2)
		}
	}
	if nrows > 50 {
		return fmt.Errorf("%d rows", nrows)
	}
	rows := make([]Row, nrows)
	type cover struct {
		x, w float64
		from int
	}
	var covers []cover
	for _, f := range b.Fields {
		r := &rows[f.Row]
		x := nextX(*r)
		if f.Kind == forms.Picture {
			span := max(f.RowSpan, 1)
			img := tb.photoImage()
			c := Cell{X: x, W: MM(f.ValueMM), RowSpan: span,
				Content: Content{Kind: Photo, Image: img, Path: forms.Path(b, f, 0)}}
			if img == nil {
				c.Content.Text = f.Label
			}
			r.Cells = append(r.Cells, c)
			covers = append(covers, cover{x, MM(f.ValueMM), f.Row})
			for k := 1; k < span; k++ {
				below := &rows[f.Row+k]
				// the covered part goes where this row reaches the picture's column
				below.Cells = append(below.Cells, Cell{X: x, W: MM(f.ValueMM), Covered: true})
			}
			continue
		}
		if f.LabelAbove { // the label's cell here, the value's in the same place in the row below
			c := cellsAt(x, f.ValueMM, f.ValueMM)
			c[1].X = x
			c[0].Content = Content{Kind: Label, Text: f.Label}
			c[1].Content = tb.valueContent(b, f)
			r.Cells = append(r.Cells, c[0])
			rows[f.Row+1].Cells = append(rows[f.Row+1].Cells, c[1])
			continue
		}
		if f.GroupSpan > 0 { // a label cell over the labels of GroupSpan rows (外语考试情况)
			span := min(f.GroupSpan, nrows-f.Row)
			r.Cells = append(r.Cells, Cell{X: x, W: MM(f.GroupMM), RowSpan: span, Content: Content{Kind: Label, Text: f.Group}})
			for k := 1; k < span; k++ {
				rows[f.Row+k].Cells = append(rows[f.Row+k].Cells, Cell{X: x, W: MM(f.GroupMM), Covered: true})
			}
			x += MM(f.GroupMM)
		}
		c := cellsAt(x, f.LabelMM, f.ValueMM)
		c[0].Content = Content{Kind: Label, Text: f.Label}
		c[1].Content = tb.valueContent(b, f)
		if f.LabelMM == 0 {
			c = c[1:]
		}
		r.Cells = append(r.Cells, c...)
	}
	beside := 0 // rows a picture covers
	for _, cv := range covers {
		beside = max(beside, cv.from+1)
	}
	for i := range rows {
		sort.SliceStable(rows[i].Cells, func(a, b int) bool { return rows[i].Cells[a].X < rows[i].Cells[b].X })
		if err := checkRow(rows[i]); err != nil {
			return fmt.Errorf("row %d: %w", i+1, err)
		}
		rows[i].Role, rows[i].Keep, rows[i].Min = GridRow, true, UnitRowMin
		if photoRow(rows, i) {
			rows[i].Min = HostRowMin
		} else if i > 0 && photoRow(rows, i-1) {
			rows[i].Separated = true // 工作 stands alone: read after the rows above (readorder.go)
		}
	}
	tb.t.Rows = append(tb.t.Rows, rows...)
	return nil
}

// valueContent is what a grid field's value cell prints: the value, or its boxes.
func (tb *tableBuilder) valueContent(b forms.Block, f forms.Field) Content {
	ct := Content{Kind: Value, Text: tb.value(b, f, 0), Path: path(b, f, 0)}
	if f.Kind == forms.BoxChoice {
		ct.Kind, ct.Choices, ct.BoxFirst = Boxes, f.Choices, f.BoxFirst
		if f.LabelInside {
			ct.Prefix = strings.ReplaceAll(f.Label, "\n", "") + "："
		}
	}
	return ct
}

// photoRow: row i of a grid has a picture or the part of one.

// photoRow: row i of a grid has a picture or the part of one (a group's label over rows is
// not one).
func photoRow(rows []Row, i int) bool {
	for k := i; k >= 0; k-- {
		for _, c := range rows[k].Cells {
			if c.RowSpan > i-k && c.Content.Kind == Photo {
				return true
			}
		}
	}
	return false
}

// nextX is where the next cell of r starts: after the cells joined from the left edge, a
// picture's covered part from above among them.
func nextX(r Row) float64 {
	x := 0.0
	for moved := true; moved; {
		moved = false
		for _, c := range r.Cells {
			if math.Abs(c.X-x) < 0.01 {
				x, moved = c.X+c.W, true
			}
		}
	}
	return x
}

// checkRow: a printed row fills the table's width, without gaps or overlaps.
func checkRow(r Row) error {
	x := 0.0
	for _, c := range r.Cells {
		if math.Abs(c.X-x) > 0.01 || c.W <= 0 {
			return fmt.Errorf("cells do not join at %.1f mm (widths in forms: LabelMM, ValueMM)", PtToMM(x))
		}
		x += c.W
	}
	if math.Abs(x-TextWidth) > 0.01 {
		return fmt.Errorf("cells are %.1f mm wide, the table %.1f mm", PtToMM(x), PtToMM(TextWidth))
	}
	return nil
}

// SerialLabel is the first column of the person tables, which the form prints but does not
// store.
const SerialLabel = "序号"

// table builds a person table: its heading, the column labels, then every filled row and
// blank rows up to the number the form prints, numbered 1, 2, … as printed when the form has
// a 序号 column (LabelMM > 0; a table of dated entries may have none). A table the applicant
// leaves blank prints its rows empty.
func (tb *tableBuilder) table(b forms.Block) error {
	var widths []float64
	serial := 0 // the columns before the fields: 1 with a 序号 column, one more with a side label
	if b.SideMM > 0 {
		widths, serial = append(widths, b.SideMM), 1
	}
	if b.LabelMM > 0 {
		widths, serial = append(widths, b.LabelMM), serial+1
	}
	for _, f := range b.Fields {
		widths = append(widths, f.ValueMM)
	}
	heading := Row{Role: SectionRow, Keep: true, KeepNext: true, Repeat: true, Min: HeadingRowMin,
		Cells: []Cell{{W: TextWidth, Content: Content{Kind: Heading, Text: b.Label}}}}
	header := Row{Role: HeaderRow, Keep: true, KeepNext: true, Repeat: true, Min: PersonRowMin, Cells: cellsAt(0, widths...)}
	if b.LabelMM > 0 {
		header.Cells[serial-1].Content = Content{Kind: Label, Text: SerialLabel}
	}
	for i, f := range b.Fields {
		header.Cells[serial+i].Content = Content{Kind: Label, Text: f.Label}
	}
	if err := checkRow(header); err != nil {
		return err
	}
	var filled []int
	if !b.LeaveBlank {
		filled = tb.d.FilledRows(b)
	}
	n := max(len(filled), b.Rows)
	if b.SideMM > 0 {
		// The label beside the heads and the rows, over all of them: printed with them on one
		// page (a row of its own repeated on the next page would not be the form's).
		header.Cells[0] = Cell{X: 0, W: MM(b.SideMM), RowSpan: 1 + n, Content: Content{Kind: Label, Text: b.Label}}
		header.Repeat = false
		tb.t.Rows = append(tb.t.Rows, header)
	} else {
		tb.t.Rows = append(tb.t.Rows, heading, header)
	}
	for i := 0; i < n; i++ {
		r := Row{Role: GridRow, Keep: true, Min: PersonRowMin, Cells: cellsAt(0, widths...)}
		if b.SideMM > 0 {
			r.Cells[0] = Cell{X: 0, W: MM(b.SideMM), Covered: true}
		}
		if b.LabelMM > 0 {
			r.Cells[serial-1].Content = Content{Kind: Value, Text: strconv.Itoa(i + 1)}
		}
		for j, f := range b.Fields {
			c := &r.Cells[serial+j].Content
			if i < len(filled) {
				*c = Content{Kind: Value, Text: tb.value(b, f, filled[i]), Path: forms.Path(b, f, filled[i])}
			}
			if f.Kind == forms.BoxChoice { // boxes to tick by hand in the rows left empty too
				c.Kind, c.Choices, c.BoxFirst = Boxes, f.Choices, f.BoxFirst
			}
		}
		tb.t.Rows = append(tb.t.Rows, r)
	}
	return nil
}

// labelRow adds a label | content row; a row that may split prints its label + （续） where
// it goes on. A block without a label (a note, a declaration) is one full-width cell.
func (tb *tableBuilder) labelRow(b forms.Block, content Content, keep bool, minLines int) {
	if b.Label == "" {
		tb.t.Rows = append(tb.t.Rows, Row{Role: FullRow, Keep: keep, MinLines: minLines, Min: BlockMinHeight(b),
			Cells: []Cell{{W: TextWidth, Content: content}}})
		return
	}
	r := Row{Role: BlockRow, Keep: keep, MinLines: minLines, Min: BlockMinHeight(b),
		Cells: cellsAt(0, b.LabelMM, PtToMM(TextWidth)-b.LabelMM)}
	r.Cells[0].Content = Content{Kind: Label, Text: b.Label, More: b.Label + Continued}
	r.Cells[1].Content = content
	tb.t.Rows = append(tb.t.Rows, r)
}

// signed is an opinion box's or a declaration's content: its set wording, the clear height
// and the lines at its foot (BlockClear, footLines).
func signed(b forms.Block) Content {
	c := Content{Kind: Opinion, Text: b.Sub, Paras: setLines(b.Text), Clear: BlockClear(b), Sign: b.Sign}
	if b.Kind == forms.DeclarationBlock {
		c.Kind = Declaration
	}
	c.Stamp, c.Dated = footLines(b)
	return c
}

// setLines is a definition's set text (a note, a declaration, an opinion's wording) as the
// lines it was written in, line ends unified; nil when there is none.
func setLines(s string) []string {
	s = strings.Trim(clean(s, true), "\n")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func (tb *tableBuilder) items(b forms.Block) []Item {
	var out []Item
	for _, f := range b.Fields {
		out = append(out, Item{Label: f.Label, Value: strings.TrimSpace(tb.value(b, f, 0)), Path: path(b, f, 0)})
	}
	return out
}

func (tb *tableBuilder) long(b forms.Block) Content {
	c := Content{Kind: Long, Text: b.Hint}
	if len(b.Fields) > 0 {
		f := b.Fields[0]
		c.Paras, c.Path = Paragraphs(tb.d.Value(b, f, 0)), forms.Path(b, f, 0)
	}
	return c
}

// Paragraphs is the one cleaner of a long text for every writer: line ends unified, tabs
// as spaces, the text trimmed of leading and
// trailing line ends, one paragraph per line, the blanks typed to indent dropped (the
// first-line indent replaces them) and trailing blanks dropped; blank lines are kept as empty
// paragraphs. nil when the text is blank.
func Paragraphs(s string) []string {
	s = strings.Trim(clean(s, true), "\n")
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, line := range strings.Split(s, "\n") {
		out = append(out, strings.Trim(line, " \u3000"))
	}
	return out
}

// photoImage is the draft's photo as printed, nil when there is none or it cannot be read.
func (tb *tableBuilder) photoImage() *Image {
	if !tb.read {
		tb.read = true
		if img, err := photoImage(tb.d.Photo); err == nil {
			tb.photo = img
		}
	}
	return tb.photo
}

// edges is the union of every row's rule positions, rounded to 1/1000 mm.
func (tb *tableBuilder) edges() []float64 {
	seen := map[float64]bool{}
	var xs []float64
	add := func(v float64) {
		k := math.Round(PtToMM(v)*1000) / 1000
		if !seen[k] {
			seen[k] = true
			xs = append(xs, MM(k))
		}
	}
	add(0)
	for _, r := range tb.t.Rows {
		for _, c := range r.Cells {
			add(c.X + c.W)
		}
	}
	sort.Float64s(xs)
	return xs
}

// column is the index of the edge at x.
func (t Table) column(x float64) int {
	best, d := 0, math.Inf(1)
	for i, e := range t.Edges {
		if v := math.Abs(e - x); v < d {
			best, d = i, v
		}
	}
	return best
}

// GridTwips is the grid's column widths in twips, rounded at the rule positions (not width by
// width) so the columns add up to the table's width exactly.
func (t Table) GridTwips() []int {
	out := make([]int, len(t.Edges)-1)
	for i := 1; i < len(t.Edges); i++ {
		out[i-1] = Twips(t.Edges[i]) - Twips(t.Edges[i-1])
	}
	return out
}
