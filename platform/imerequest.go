package platform

import "unsafe"

// Windows 11's Microsoft Pinyin (and other input methods built on TSF that serve an IMM32
// program) does not read the forms ImmSetCandidateWindow set: it asks the window where the
// caret is, with WM_IME_REQUEST, and a window that does not answer gets the candidates at its
// corner. ime_windows.go answers from the caret MoveIME was last told; the answers are made
// here, from plain values, so they are the same code on every system and tested on Linux.

// imm.h and winuser.h
const (
	wmIMERequest         = 0x0288
	imrCompositionWindow = 0x0001
	imrCandidateWindow   = 0x0002
	imrQueryCharPosition = 0x0006

	cfsPoint        = 0x0002
	cfsCandidatePos = 0x0040
	cfsExclude      = 0x0080
)

type point struct{ X, Y int32 }
type rect struct{ Left, Top, Right, Bottom int32 }

// compositionForm is COMPOSITIONFORM.
type compositionForm struct {
	Style uint32
	Pos   point
	Area  rect
}

// candidateForm is CANDIDATEFORM.
type candidateForm struct {
	Index uint32
	Style uint32
	Pos   point
	Area  rect
}

// imeCharPosition is IMECHARPOSITION (36 bytes: every member is 4 bytes, as in imm.h).
type imeCharPosition struct {
	Size       uint32 // set by the input method: the size of the structure it passed
	CharPos    uint32 // which character of the composition it asks about
	Pt         point  // the character's top-left, screen pixels
	LineHeight uint32
	Document   rect // the text's area, screen pixels
}

// imeView is what an answer is made from: the caret (client pixels), where the client area's
// top-left is on the screen (ClientToScreen) and the client area's size (GetClientRect). The
// program is per-monitor DPI aware (its manifest), so all three are the same device pixels
// and nothing is scaled here: CaretPixels applied the display scaling already.
type imeView struct {
	caret  Caret
	origin point
	client Rect
}

func (r Rect) win32() rect {
	return rect{int32(r.X), int32(r.Y), int32(r.X + r.W), int32(r.Y + r.H)}
}

func (r rect) offset(p point) rect {
	return rect{r.Left + p.X, r.Top + p.Y, r.Right + p.X, r.Bottom + p.Y}
}

// caretRect is the caret's line in client pixels.
func (c Caret) caretRect() rect { return Rect{c.X, c.Y, c.W, c.H}.win32() }

// compositionFormAt puts the composition window at the caret (CFS_POINT, client pixels).
func compositionFormAt(c Caret) compositionForm {
	return compositionForm{Style: cfsPoint, Pos: point{int32(c.X), int32(c.Y)}}
}

// candidateFormAt puts candidate list index just below the caret's line and keeps it off that
// line (CFS_EXCLUDE, client pixels): with no room below, the input method puts it above.
func candidateFormAt(index uint32, c Caret) candidateForm {
	x, y := c.CandidatePoint()
	return candidateForm{Index: index, Style: cfsExclude, Pos: point{int32(x), int32(y)}, Area: c.caretRect()}
}

// charPosition answers IMR_QUERYCHARPOSITION in screen pixels: the caret's top-left, its line
// height, and the focused field's box (the whole client area when the field is not known). It
// is the same for every character of the composition: the input method draws the composition
// itself (GLFW does not), starting at the caret.
func (v imeView) charPosition() (pt point, lineHeight uint32, document rect) {
	pt = point{v.origin.X + int32(v.caret.X), v.origin.Y + int32(v.caret.Y)}
	area := v.caret.Field
	if area.Empty() {
		area = Rect{W: v.client.W, H: v.client.H}
	}
	return pt, uint32(v.caret.H), area.win32().offset(v.origin)
}

// answerIMERequest fills the structure at p that WM_IME_REQUEST's request req asks for and
// reports whether it did; false leaves the request (and p) to the window's own procedure: a
// request not about the caret, no structure, or an IMECHARPOSITION smaller than it should be.
func answerIMERequest(req uintptr, p unsafe.Pointer, v imeView) bool {
	if p == nil {
		return false
	}
	switch req {
	case imrCompositionWindow:
		*(*compositionForm)(p) = compositionFormAt(v.caret)
	case imrCandidateWindow:
		f := (*candidateForm)(p)
		*f = candidateFormAt(f.Index, v.caret)
	case imrQueryCharPosition:
		q := (*imeCharPosition)(p)
		if q.Size < uint32(unsafe.Sizeof(*q)) {
			return false
		}
		q.Pt, q.LineHeight, q.Document = v.charPosition()
	default:
		return false
	}
	return true
}
