package docx

import "shenbao/render"

// geom is render's table geometry in Word's units: twips (1/20 pt) for lengths, half-points
// for font sizes. The PDF and the .docx read the same numbers, so they print the same grid.
type geom struct {
	pageW, pageH                       int
	marginT, marginB, marginL, marginR int
	headerDist, footerDist             int

	padX, padY int // cell padding, left/right and top/bottom

	tableLine   int // one 五号 line: the exact pitch of the table's short text
	headingLine int // one 四号 line: the exact pitch of the section headings
	titleLine   int // one 小二 line: the title's exact pitch

	titleSize, tableSize, longSize, footerSize, markSize int // half-points
	headingSize                                          int // half-points: the person tables' headings
	headingTracking                                      int // twips between the headings' characters
	titleAfter                                           int // space between the title and the table
	longLine                                             int // long-text line pitch, exact, twips
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
		// LibreOffice counts a row's ½ pt rules into its height, the PDF draws them on the cell
		// edges: the top and bottom margins are a quarter point less, so that a row set by its
		// text is no taller than the PDF's (its height, trHeight, is the PDF's).
		padX: tw(render.PadX), padY: tw(render.PadY - render.RuleWidth/2),
		tableLine:   tw(render.LineHeight(render.TableSize, 1)),
		headingLine: tw(render.LineHeight(render.HeadingSize, 1)),
		titleLine:   tw(render.LineHeight(render.TitleSize, 1)),
		titleSize:   render.HalfPoints(render.TitleSize), tableSize: render.HalfPoints(render.TableSize),
		longSize: render.HalfPoints(render.LongSize), footerSize: render.HalfPoints(render.FooterSize),
		markSize:        render.HalfPoints(render.WatermarkSize),
		headingSize:     render.HalfPoints(render.HeadingSize),
		headingTracking: tw(render.HeadingTracking * render.HeadingSize),
		titleAfter:      tw(render.TitleGap),
		longLine:        tw(render.LineHeight(render.LongSize, render.LongSpacing)),
	}
	return g
}
