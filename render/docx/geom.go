package docx

import (
	"math"

	"shenbao/forms"
	"shenbao/render"
)

// geom is render's table geometry in Word's units: twips (1/20 pt) for lengths, half-points
// for font sizes. The PDF and the .docx read the same numbers, so they print the same grid.
type geom struct {
	pageW, pageH                       int
	marginT, marginB, marginL, marginR int
	headerDist, footerDist             int

	grid  []int                      // w:tblGrid: the union of every row kind's rules
	cells map[render.RowKind][]gcell // each row kind's cells on that grid

	padX, padY int // cell padding, left/right and top/bottom

	hostRowH, unitRowH, headingRowH, personRowH int // least row heights
	opinionClear                                int // clear height above （盖  章）
	tableLine                                   int // one 五号 line, the pitch of the opinion boxes' lines

	titleSize, tableSize, longSize, footerSize, markSize int // half-points
	headingSize                                          int // half-points: the person tables' headings
	headingTracking                                      int // twips between the headings' characters
	titleAfter                                           int // space between the title and the table
	longLine                                             int // long-text line spacing, 240ths of a line
}

// gcell is one cell of a row kind: the first grid column it covers, how many, its width in
// twips and in points (what render measures labels in).
type gcell struct {
	col, span, w int
	pt           float64
}

// geometry converts render's geometry.
func geometry() geom {
	tw := func(pt float64) int { return render.Twips(pt) }
	g := geom{
		pageW: tw(render.PageWidth), pageH: tw(render.PageHeight),
		marginT: tw(render.MarginTop), marginB: tw(render.MarginBottom),
		marginL: tw(render.MarginLeft), marginR: tw(render.MarginRight),
		// Word measures the footer from the page's foot to the bottom of its line; render
		// gives the baseline.
		footerDist: tw(render.PageHeight - render.FooterBaseline - render.FontDescent*render.FooterSize),
		headerDist: tw(render.MM(15)),
		grid:       render.GridTwips(),
		cells:      map[render.RowKind][]gcell{},
		padX:       tw(render.PadX), padY: tw(render.PadY),
		hostRowH: tw(render.HostRowMin), unitRowH: tw(render.UnitRowMin),
		headingRowH: tw(render.HeadingRowMin), personRowH: tw(render.PersonRowMin),
		opinionClear: tw(render.OpinionClear),
		tableLine:    tw(render.LineHeight(render.TableSize, 1)),
		titleSize:    render.HalfPoints(render.TitleSize), tableSize: render.HalfPoints(render.TableSize),
		longSize: render.HalfPoints(render.LongSize), footerSize: render.HalfPoints(render.FooterSize),
		markSize:        render.HalfPoints(render.WatermarkSize),
		headingSize:     render.HalfPoints(render.HeadingSize),
		headingTracking: tw(render.HeadingTracking * render.HeadingSize),
		titleAfter:      tw(render.TitleGap),
		longLine:        int(math.Round(render.LongSpacing * 240)),
	}
	for k := render.HostRow; k <= render.LabelRow; k++ {
		col, pts := 0, render.Columns(k)
		for i, n := range render.Spans(k) {
			w := 0
			for _, cw := range g.grid[col : col+n] {
				w += cw
			}
			g.cells[k] = append(g.cells[k], gcell{col, n, w, pts[i]})
			col += n
		}
	}
	return g
}

// blockH is the least height of a label|content row (blocks 4–9).
func (g geom) blockH(b forms.Block) int { return render.Twips(render.BlockMinHeight(b)) }

// tableWidth is the grid's total width.
func (g geom) tableWidth() int {
	w := 0
	for _, c := range g.grid {
		w += c
	}
	return w
}
