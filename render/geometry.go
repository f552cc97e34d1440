// Package render turns a draft into printed pages: a layout model (pages of positioned boxes)
// that the PDF writer and the app's page preview both draw, and the table geometry that the
// .docx writer reproduces, so every output prints the same grid.
//
// Units: points (1/72 inch), origin at the top-left corner of the page, y growing downwards.
package render

import (
	"math"

	"shenbao/forms"
)

// Unit conversions. The .docx writer needs twips (1/20 pt), half-points for font sizes and
// EMU for pictures; everything here is points.
const (
	ptPerMM   = 72 / 25.4
	emuPerPt  = 12700
	twipPerPt = 20
)

// MM converts millimetres to points.
func MM(mm float64) float64 { return mm * ptPerMM }

// PtToMM converts points to millimetres.
func PtToMM(pt float64) float64 { return pt / ptPerMM }

// Twips converts points to twips, rounded.
func Twips(pt float64) int { return int(math.Round(pt * twipPerPt)) }

// HalfPoints is a font size as .docx writes it (w:sz).
func HalfPoints(size float64) int { return int(math.Round(size * 2)) }

// EMU converts points to English Metric Units (pictures in .docx).
func EMU(pt float64) int64 { return int64(math.Round(pt * emuPerPt)) }

// The page: A4 portrait with Word's default margins. Word shows them as 2.54 cm and 3.18 cm;
// they are exactly 1440 and 1800 twips (1 in and 1.25 in), which is what Word writes and what
// we use, so the .docx and the PDF share one text width: 146.5 mm (8306 twips).
var (
	PageWidth    = MM(210)
	PageHeight   = MM(297)
	MarginTop    = 72.0
	MarginBottom = 72.0
	MarginLeft   = 90.0
	MarginRight  = 90.0
	TextWidth    = PageWidth - MarginLeft - MarginRight
	// BodyBottom is the lowest y the table may reach.
	BodyBottom = PageHeight - MarginBottom
)

// Font sizes, by their Chinese names: 小二 for the title, 五号 for the table, 小四 for long
// texts, 小五 for page numbers.
const (
	TitleSize  = 18.0 // 小二, bold
	TableSize  = 10.5 // 五号: labels and values of the table
	LongSize   = 12.0 // 小四: 业绩 and 规划
	FooterSize = 9.0  // 小五: 第 N 页 共 M 页
	// LongSpacing is the line spacing of long texts (Word's "1.5 lines").
	LongSpacing = 1.5
	// WatermarkSize is the size of 草稿（未通过检查） across a --draft page.
	WatermarkSize = 60.0
)

// FontAscent and FontDescent are Noto Serif SC's ascender and descender (hhea) in ems; Word's
// "single" line is their sum times the size. A test holds them to the embedded font.
const (
	FontAscent  = 1.151
	FontDescent = 0.286
)

// LineHeight is the height of one line of text at size with a line spacing factor (1 single,
// 1.5 for Word's "1.5 lines").
func LineHeight(size, spacing float64) float64 {
	return (FontAscent + FontDescent) * size * spacing
}

// BaselineOffset is where the baseline sits below the top of a line of height LineHeight(size,
// spacing): Word puts the extra spacing below the text, so the ascent alone is above it.
func BaselineOffset(size float64) float64 { return FontAscent * size }

// Table rules and cell padding. PadX is Word's default left and right cell margin (0.19 cm,
// 108 twips), which is also what keeps the form's text readable by text extraction: pdftotext
// (poppler) puts words closer than one em (10.5 pt at 五号) on one line into one block, so
// the text of two neighbouring cells must always be at least 2·PadX = 10.8 pt apart, or the
// wrapped lines of narrow cells interleave when the PDF is read back.
var (
	RuleWidth = 0.5     // Word's default single border, ½ pt
	PadX      = MM(1.9) // left and right cell margin (108 twips)
	PadY      = MM(1.0) // top and bottom cell margin
)

// Title placement: the title line and the space between it and the table.
var TitleGap = MM(4)

// Footer placement: the baseline of 第 N 页 共 M 页, centred in the bottom margin.
var FooterBaseline = PageHeight - MM(14)

// The photo: exactly 1 inch photo size, centred in its cell.
var (
	PhotoWidth  = MM(25)
	PhotoHeight = MM(35)
)

// OpinionClear is the clear height of an opinion box above （盖  章）: room for a 42 mm seal
// and a signature. FORM.md asks for at least 50 mm.
var OpinionClear = MM(52)

// RowKind is one of the row shapes of the form's single table.
type RowKind int

const (
	// HostRow: label | value | label | value | label | value | photo (the photo cell spans
	// the first HostRowsWithPhoto rows).
	HostRow RowKind = iota
	// UnitRow: 工作单位 | value | 结对帮扶县区 | value; its boundaries are the host grid's.
	UnitRow
	// HeadingRow: one full-width cell (指导老师基本情况, 工作室成员基本情况).
	HeadingRow
	// PersonRow: the 9 columns of the adviser and member tables (序号 + 8 fields), for the
	// column-label row and the data rows alike.
	PersonRow
	// LabelRow: label | content, blocks 4–9.
	LabelRow
)

// HostRowsWithPhoto is how many host rows the photo cell spans.
const HostRowsWithPhoto = 3

// columnsMM are the cell widths of each row kind in millimetres, left to right; each sums to
// the text width (146.5 mm). Why these widths, with 1.9 mm padding each side and 五号 text
// (one Chinese character is 3.70 mm):
//   - label columns 15.5 mm hold 3 characters a line (主持人, 从事班/主任工/作年限; four-
//     character labels print as 是否/党员, like the bureau's 主持人/姓名);
//   - the photo column 28 mm holds the 25 mm photo with 1.5 mm either side;
//   - 姓名 holds 3 characters (15 mm), 职称 and 职务 6 characters in the host rows;
//   - 联系电话 (27.8 mm) holds 0772-2822733 and every mobile on one line, 手机号码 (26.4 mm) an
//     11-digit mobile, 出生年月 (17.2 mm) 1999.09 (measured on Noto Serif SC, tested);
//   - in the person tables 序号 and 性别 hold their two-character labels, 姓名, 职务 and 职称
//     three characters a line, 所在单位 four and 研究方向 three.
var columnsMM = map[RowKind][]float64{
	HostRow:    {15.5, 15, 15.5, 29.2, 15.5, 27.8, 28},
	UnitRow:    {15.5, 64.7, 15.5, 50.8},
	HeadingRow: {146.5},
	PersonRow:  {11.3, 15, 11.3, 17.2, 19.5, 15, 15, 15.8, 26.4},
	LabelRow:   {15.5, 131},
}

// Columns returns the widths in points of the cells of a row of kind k, left to right.
func Columns(k RowKind) []float64 {
	mm := columnsMM[k]
	out := make([]float64, len(mm))
	for i, w := range mm {
		out[i] = MM(w)
	}
	return out
}

// Edges returns the x offsets (points, from the table's left edge) of the vertical rules of a
// row of kind k: 0, then the right edge of every cell.
func Edges(k RowKind) []float64 {
	edges := []float64{0}
	x := 0.0
	for _, w := range columnsMM[k] {
		x += w
		edges = append(edges, MM(x))
	}
	return edges
}

// GridColumns is the table's column grid for .docx (w:tblGrid): the union of every row kind's
// rule positions, as widths in points. Spans says how many of them each cell covers.
func GridColumns() []float64 {
	xs := gridEdgesMM()
	out := make([]float64, len(xs)-1)
	for i := 1; i < len(xs); i++ {
		out[i-1] = MM(xs[i] - xs[i-1])
	}
	return out
}

// GridTwips is GridColumns in twips, rounded at the rule positions (not width by width) so
// the columns add up to the text width exactly.
func GridTwips() []int {
	xs := gridEdgesMM()
	out := make([]int, len(xs)-1)
	for i := 1; i < len(xs); i++ {
		out[i-1] = Twips(MM(xs[i])) - Twips(MM(xs[i-1]))
	}
	return out
}

// Spans returns, for each cell of a row of kind k, how many GridColumns it covers (w:gridSpan).
func Spans(k RowKind) []int {
	xs := gridEdgesMM()
	var spans []int
	i, x := 0, 0.0
	for _, w := range columnsMM[k] {
		x += w
		n := 0
		for i < len(xs)-1 && xs[i] < x-1e-6 {
			i++
			n++
		}
		spans = append(spans, n)
	}
	return spans
}

// gridEdgesMM is the sorted union of every row kind's rule positions, in millimetres.
func gridEdgesMM() []float64 {
	seen := map[float64]bool{}
	var xs []float64
	for k := HostRow; k <= LabelRow; k++ {
		x := 0.0
		add := func(v float64) {
			v = math.Round(v*1000) / 1000
			if !seen[v] {
				seen[v] = true
				xs = append(xs, v)
			}
		}
		add(0)
		for _, w := range columnsMM[k] {
			x += w
			add(x)
		}
	}
	sortFloats(xs)
	return xs
}

func sortFloats(xs []float64) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

// Minimum row heights (points). A row grows to hold its text; it never shrinks below these.
var (
	// HostRowMin: the three photo rows together hold the 35 mm photo with 2 mm above and below.
	HostRowMin    = MM(13)
	UnitRowMin    = MM(10)
	HeadingRowMin = MM(9)
	PersonRowMin  = MM(9)
	// StudioMin: 已设立…的情况, two lines with room to write by hand.
	StudioMin = MM(24)
	// LongTextMin: 业绩 and 规划 leave this much room even when empty (the blank form is
	// filled by hand).
	LongTextMin = MM(60)
)

// MinHeight is the smallest height of a row of kind k. LabelRow's depends on the block:
// use BlockMinHeight.
func MinHeight(k RowKind) float64 {
	switch k {
	case HostRow:
		return HostRowMin
	case UnitRow:
		return UnitRowMin
	case HeadingRow:
		return HeadingRowMin
	case PersonRow:
		return PersonRowMin
	}
	return 0
}

// BlockMinHeight is the smallest height of a label|content block (blocks 4–9). An opinion
// box is exactly this tall unless its label needs more: OpinionClear above the stamp lines.
func BlockMinHeight(b forms.Block) float64 {
	switch b.Kind {
	case forms.TextBlock:
		return LongTextMin
	case forms.OpinionBlock:
		return OpinionHeight(b)
	}
	return StudioMin
}

// OpinionHeight is an opinion box's content height: padding, the sub-label line if any, the
// clear space, （盖  章）, 年  月  日, padding. The stamp and date lines are 五号 text with a
// line between them.
func OpinionHeight(b forms.Block) float64 {
	line := LineHeight(TableSize, 1)
	h := PadY + OpinionClear + 3*line + PadY + MM(2)
	if b.Sub != "" {
		h += line
	}
	return h
}

// HostLayout arranges the host block's fields as the bureau printed them: the photo field
// apart, the next nine fields three to a row in HostRowsWithPhoto rows, the last two
// (工作单位, 结对帮扶县区) in the UnitRow.
func HostLayout(b forms.Block) (rows [][]forms.Field, unit []forms.Field, photo forms.Field) {
	var rest []forms.Field
	for _, f := range b.Fields {
		if f.Kind == forms.Picture {
			photo = f
			continue
		}
		rest = append(rest, f)
	}
	for i := 0; i < HostRowsWithPhoto && len(rest) >= 3; i++ {
		rows = append(rows, rest[:3])
		rest = rest[3:]
	}
	return rows, rest, photo
}

// SerialLabel is the first column of the person tables, which the form prints but does not
// store.
const SerialLabel = "序号"

// How cells print, for writers that rebuild the table themselves (.docx). Every cell's text is
// top-aligned (readorder.go says why; Word's default too):
//   - labels: bold 五号, centred horizontally, at the top of the cell; the line splits of
//     LabelLines (the bureau's "\n" plus even-length lines, 从事班/主任工/作年限);
//   - short values (host, person tables, 序号): regular 五号, centred horizontally, at the top;
//   - the section headings 指导老师基本情况 and 工作室成员基本情况: bold 四号 (HeadingSize),
//     HeadingTracking em between characters, centred;
//   - the photo cell: the photo centred; without one, its label at the top, centred;
//   - the 工作单位 row: 工作 on the first line, 单位 and the row's other cells one line (plus
//     SeparatorGap) lower;
//   - 已成立的工作室名称：/ 批准设立部门：: the label bold then the value regular, left
//     aligned, a blank 五号 line between the two;
//   - 业绩 and 规划: the plan's hint in regular 五号, left aligned; the text in 小四 at 1.5
//     lines, first-line indent 2 characters (24 pt), justified;
//   - opinion boxes: the sub-label (regular 五号) at the top left, OpinionClear of space, then
//     （盖  章） and, a blank line below, 年  月  日, both regular 五号: the date ends
//     StampInset from the right padding, the stamp is centred above the date;
//   - a label | content row (blocks 4–9) below one whose content ends within its label's
//     height starts with its label's first line alone, its content one line lower;
//   - the page number 第 N 页 共 M 页 ends at the right margin;
//   - a table row that does not fit moves to the next page, where the person table's
//     column-label row is repeated; 业绩/规划 split over pages with the label repeated + （续）;
//     opinion boxes never split.

// StampInset is the space between the end of 年  月  日 and the cell's right padding.
const StampInset = 2 * TableSize

// LabelLines returns the lines a label prints as in a cell of width cellWidth (points, the
// whole cell: padding is taken off here), measured with m (nil: the embedded fonts).
func LabelLines(m Measurer, label string, cellWidth float64) []string {
	if m == nil {
		m = FontMeasurer()
	}
	var out []string
	for _, ln := range (typesetter{m}).label(label, cellWidth-2*PadX) {
		for _, s := range ln.segs {
			out = append(out, s.text)
		}
	}
	return out
}
