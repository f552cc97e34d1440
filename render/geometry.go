// Package render turns a draft into printed pages: a layout model (pages of positioned boxes)
// that the PDF writer and the app's page preview both draw, and the table geometry that the
// .docx writer reproduces, so every output prints the same grid. It and its rooms (pdf, docx, raster, text) draw
// the draft into pages and nothing else: they import forms, photo and fonts, never a reader
// (readback, roster, summary, scan).
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

// BlockMinHeight is the smallest height of a label|content block (blocks 4–9). An opinion
// box is exactly this tall unless its label or its wording needs more: its clear height above
// the stamp lines. A note is as tall as its text.
func BlockMinHeight(b forms.Block) float64 {
	switch b.Kind {
	case forms.TextBlock:
		return LongTextMin
	case forms.OpinionBlock, forms.DeclarationBlock:
		return OpinionHeight(b)
	case forms.NoteBlock:
		return 0
	}
	return StudioMin
}

// OpinionHeight is an opinion box's or a declaration's content height without its set
// wording: padding, the sub-label line if any, the clear space, the lines at the foot (the
// signature line, （盖  章）, 年  月  日, each 五号 with a line between two), padding.
func OpinionHeight(b forms.Block) float64 {
	line := LineHeight(TableSize, 1)
	stamp, dated := footLines(b)
	n := 0
	for _, on := range []bool{b.Sign != "", stamp, dated} {
		if on {
			n++
		}
	}
	h := PadY + BlockClear(b) + PadY + MM(2)
	if n > 0 {
		h += float64(2*n-1) * line
	}
	if b.Sub != "" {
		h += line
	}
	return h
}

// BlockClear is the clear height of an opinion box (OpinionClear unless the definition says)
// or a declaration (what the definition says) above the lines at its foot.
func BlockClear(b forms.Block) float64 {
	switch {
	case b.Kind == forms.OpinionBlock && b.ClearMM == 0:
		return OpinionClear
	case b.Kind == forms.OpinionBlock || b.Kind == forms.DeclarationBlock:
		return MM(b.ClearMM)
	}
	return 0
}

// footLines says which of the stamp and date lines an opinion box or a declaration prints: the
// stamp where a seal goes; the date where a seal goes or someone signs, and on every
// declaration.
func footLines(b forms.Block) (stamp, dated bool) {
	stamp = b.Seal != forms.NoSeal
	return stamp, stamp || b.Sign != "" || b.Kind == forms.DeclarationBlock
}

// SignGap is the room left to sign in, right of a signature line's label (申报人签名：).
var SignGap = MM(35)

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
//   - opinion boxes: the sub-label (regular 五号) at the top left, the set wording (regular
//     五号, first line indented two characters), the block's clear height (OpinionClear unless
//     the definition says), then, a blank line between two, the signature line (its label
//     ending SignGap from the right padding), （盖  章） where a seal goes and 年  月  日,
//     all regular 五号: the date ends StampInset from the right padding, the stamp is centred
//     above the date; a declaration likewise, always with the date;
//   - a choice printed as boxes: each choice, a space and □, two ideographic spaces between
//     choices, centred; the chosen □ has a tick drawn in it (TickBox);
//   - a note: its text regular 五号, left aligned, a line for each line of the definition;
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
