package render

import "image"

// Page is one printed A4 page: its size and the boxes drawn on it, in drawing order (which is
// also reading order, so text extracted from the PDF reads as the form does).
type Page struct {
	Width, Height float64
	Boxes         []Box
}

// BoxKind says what a Box draws.
type BoxKind int

const (
	// CellBox is a table cell: its rectangle is stroked with RuleWidth lines. Neighbouring
	// cells share edges.
	CellBox BoxKind = iota
	// TextBox is one line (or one run of a line) of text.
	TextBox
	// ImageBox is the photo.
	ImageBox
	// WatermarkBox is 草稿（未通过检查） drawn large, light grey and rotated across the page.
	WatermarkBox
	// TickBox is the tick in the chosen box of a choice printed as boxes (正常 ☑ 破格 □): a
	// filled check mark (TickOutline) inside X, Y, W, H, which is the ink of the □ it ticks.
	// The embedded font has □ but no ☑, so the box stays a character (text extraction reads
	// □, as in the .docx) and the writers draw the tick as a shape.
	TickBox
)

// Box is one thing drawn on a page. Coordinates are points from the page's top-left corner.
type Box struct {
	Kind BoxKind
	// X, Y, W, H: the cell's rectangle, the image's, or a text run's ink box (from the top of
	// the line: W its width including justification, H the font's ascent plus descent). For a
	// watermark, (X, Y) is the centre of the text and W, H its unrotated size.
	X, Y, W, H float64

	// Text, Font, Size, Baseline: TextBox and WatermarkBox. Baseline is the y of the baseline.
	Text     string
	Font     Font
	Size     float64
	Baseline float64
	// Extra is, for a justified line, the space added after each rune of Text (one entry per
	// rune): rune k starts at X + Σ(advance + Extra) of the runes before it. nil: natural
	// spacing.
	Extra []float64
	// Gray is the text colour, 0 black to 1 white (the watermark is light grey).
	Gray float64
	// Angle is the watermark's rotation in degrees, counter-clockwise.
	Angle float64

	// Image is the picture an ImageBox prints, scaled to exactly W × H.
	Image *Image

	// Cell is the index in Page.Boxes of the CellBox holding this text, image or tick; -1 for the
	// title, page numbers and watermark.
	Cell int
	// Path is the field path (forms.Path) whose value this text prints, "" for the form's own
	// text: the preview uses it to jump from a click to the field.
	Path string
}

// Image is the stored photo as printed: the file's bytes, its pixel size, and the part of it
// that is printed (a centred 5:7 crop when the picture has another shape).
type Image struct {
	Data          []byte // the stored file, as is (JPEG or PNG; others are re-encoded by writers)
	Format        string // "jpeg", "png", "gif" … as image.DecodeConfig names it
	Width, Height int    // pixels of the whole picture
	Crop          image.Rectangle
}

// Rect is a box's rectangle.
func (b Box) Rect() (x0, y0, x1, y1 float64) { return b.X, b.Y, b.X + b.W, b.Y + b.H }

// tickShape is the check mark in a unit square (x right, y down): a closed outline, short
// stroke down to the right then a long one up, each about a sixth of the square thick.
var tickShape = [][2]float64{{0.08, 0.52}, {0.22, 0.40}, {0.42, 0.62}, {0.80, 0.06}, {0.95, 0.17}, {0.44, 0.92}}

// TickOutline is a TickBox's check mark as a closed polygon in page points, for the writers to
// fill: the same shape in the PDF and the preview.
func TickOutline(b Box) [][2]float64 {
	out := make([][2]float64, len(tickShape))
	for i, p := range tickShape {
		out[i] = [2]float64{b.X + p[0]*b.W, b.Y + p[1]*b.H}
	}
	return out
}
