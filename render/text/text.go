// Package text breaks one paragraph into lines for every place shenbao prints or shows text: the
// PDF page layout, the app's page preview and the long-text editor. It knows only runes, widths
// and break rules (UAX #14 plus the Chinese kinsoku rules), never a font file, PDF or Fyne: the
// caller measures through a Measurer in its own unit.
//
// Wrap is the one-shot call. A caller that re-wraps the same paragraph at several widths (the
// preview on every resize) keeps a Prepared instead, so breaks and advances are computed once;
// the editor only re-prepares the paragraph being typed in.
package text

// Measurer gives the advance width of a rune at a font size, in the caller's unit (points for
// PDF, pixels in the app). It must be safe for concurrent use if Wrap is called concurrently.
type Measurer interface {
	Advance(r rune, size float64) float64
}

// Line is one wrapped line of a paragraph: byte offsets into the paragraph, its natural width,
// and whether it ends the paragraph (justification skips the last line).
//
// Width does not count the first-line indent nor the spaces hanging at the line end (they stay
// inside [Start, End) so the lines concatenate back to the paragraph, but are not drawn).
type Line struct {
	Start, End int
	Width      float64
	Last       bool
}

// Measure is the sum of the advances of every rune of s, spaces included.
func Measure(s string, size float64, m Measurer) float64 {
	w := 0.0
	for _, r := range s {
		w += m.Advance(r, size)
	}
	return w
}
