package render

import "math"

// Reading order for text extraction.
//
// The bureau checks the PDF with plain pdftotext, whose default mode ignores the order of the
// content stream: poppler groups words into blocks by their geometry and then orders the
// blocks with the rules of Breuel's "High Performance Document Layout Analysis" plus a table
// heuristic. What the layout does so that every label and value comes out whole and in the
// form's order:
//
//   - Each cell is one block or a stack of blocks: neighbouring cells' text is always at least
//     2·PadX (10.8 pt) apart, more than poppler's 1 em for joining words into a line.
//   - Every cell's text is top-aligned. A row's cells then start on one baseline, so poppler
//     meets them left to right, and a grid of cells (host rows, person tables) lines up the way
//     poppler's table heuristic recognises: inside a table it reads row by row, left to right.
//   - Outside tables a block to the left is read before a block to the right, even one lower
//     down, unless some block lower than the right one and higher than the left one spans both
//     columns. A block spans columns when nothing beside it shares its height: poppler then
//     widens it over everything below. So between a label|content row whose content ends
//     within its label's height and the next such row, the next row's label first line stands
//     alone (separated): its content starts one line lower. That line is read after the row
//     above and before the rest of its own row.
//   - The two section headings (指导老师基本情况, 工作室成员基本情况) are set large and letter-
//     spaced: a block as wide as that stands between the adviser and member tables in every
//     column poppler might otherwise bridge, where a table without filled rows would be read
//     as part of the table above (see heading in cells.go).
//   - The 工作单位 row does the same with 工作: so it is read after the three host rows and the
//     photo cell's label, and never as part of their table. Its 结对帮扶县区 column is offset
//     from the host rows' third label column for the same reason (see columnsMM).

// Stagger is how much lower than a row's first cell the text of its other cells starts. Top-
// aligned cells start on one line, but the PDF rounds positions to 0.01 pt and text of two
// sizes (a label beside 小四 text) then starts a hair higher or lower at random; where poppler
// compares two blocks' tops, the cell on the left must be the higher one.
const Stagger = 0.25

func stagger(cell int) float64 {
	if cell == 0 {
		return 0
	}
	return Stagger
}

// staggerIn is stagger for cell i of r: beside a cell spanning rows at the row's left (a
// table's label at its side, a group's label), which starts level with its first row, the
// row's own first cell starts Stagger lower and the others lower again.
func (r row) staggerIn(i int) float64 {
	if i > 0 && len(r.cells) > 0 && r.cells[0].span {
		if i == 1 {
			return Stagger
		}
		return 2 * Stagger
	}
	return stagger(i)
}

// SeparatorGap is the extra space under a label's first line when that line stands alone: the
// next line's baseline is then more than 1.5 em lower, so poppler starts a new block, and the
// content beside the label starts below the line's descent.
const SeparatorGap = 1.5

// separated returns r with the first line of its first cell standing alone: the first cell's
// other lines, and every other cell's text, start SeparatorGap below it.
func separated(r row) row {
	out := r
	out.cells = make([]cell, len(r.cells))
	copy(out.cells, r.cells)
	if len(r.cells) == 0 || len(r.cells[0].lines) == 0 {
		return out
	}
	first := r.cells[0].lines[0]
	out.drop = first.pitch + SeparatorGap
	out.cells[0].lines = append([]line{first, spacer(SeparatorGap)}, r.cells[0].lines[1:]...)
	drop := first.pitch + SeparatorGap
	for i := 1; i < len(out.cells); i++ {
		if c := out.cells[i]; len(c.lines) > 0 {
			out.cells[i].lines = append([]line{spacer(drop)}, c.lines...)
		}
	}
	return out
}

// contentBelowLabel tells whether a label|content row, as drawn, has a block of content text
// entirely below its label: poppler widens such a block over the label column, which keeps
// the next row's label after this row's content. A row without content text needs nothing.
func contentBelowLabel(label, content []Box) bool {
	if len(content) == 0 {
		return true
	}
	bottom := math.Inf(-1)
	for _, b := range label {
		bottom = math.Max(bottom, b.Y+b.H)
	}
	for _, top := range blockTops(content) {
		if top > bottom+0.5 {
			return true
		}
	}
	return false
}

// blockTops groups a cell's text lines (in drawing order, top to bottom) the way poppler
// groups them into blocks — a line joins the block above when its size is within 5 % and its
// baseline at most 1.5 em below the block's last line — and returns the top of each block.
func blockTops(texts []Box) []float64 {
	var tops []float64
	var size, base float64
	for i, b := range texts {
		switch {
		case i > 0 && b.Baseline == base:
			// another run of the same line
		case i > 0 && math.Abs(b.Size-size) < 0.05*size && b.Baseline-base <= 1.5*size:
			base = b.Baseline
		default:
			tops = append(tops, b.Y)
			size, base = b.Size, b.Baseline
		}
	}
	return tops
}
