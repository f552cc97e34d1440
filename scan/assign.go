package scan

import (
	"errors"
	"image"
)

// ErrCannotAssign is returned by Assign for a picture with no straightened page (no table
// found on it, or another draft's page) or a page number the draft does not have.
var ErrCannotAssign = errors.New("scan: the picture cannot be put on that page")

// Assign puts the picture on page i (0-based) by the user's word, over what the matching
// found: a page the matching got wrong, or one it could not tell. The seals are measured
// again in page i's opinion boxes, so that Assemble's findings are about the page the user
// chose. A page kept grey had no red in the boxes of the page it was matched to; its red
// cannot be measured again and counts as none.
func (e *Engine) Assign(st *Straight, i int) error {
	if st == nil || st.Image == nil || i < 0 || i >= len(e.pages) {
		return ErrCannotAssign
	}
	st.Page, st.Manual = i, true
	st.Seal, st.Ring = noSeals(), [MaxSealBoxes]float64{}
	colour, _ := st.Image.(*image.NRGBA)
	for _, o := range e.pages[i].Opinions {
		st.Seal[o.Which] = 0
		if colour != nil {
			st.Seal[o.Which], st.Ring[o.Which] = sealIn(colour, o.Box)
		}
	}
	return nil
}
