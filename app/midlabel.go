package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// midLabel is a one-line label that, when its text is too wide, cuts it in the middle and
// keeps the end: IMG_20240720_0106.jpg and IMG_20240720_0107.jpg stay told apart
// (IMG_2024…0106.jpg), where an ellipsis at the end left both IMG_20240720_010….
type midLabel struct {
	widget.Label
	full string
	at   float32 // the width the shown text was fitted to
}

func newMidLabel() *midLabel {
	l := &midLabel{}
	l.ExtendBaseWidget(l)
	return l
}

// SetFull sets the whole text; what shows is fitted to the label's width.
func (l *midLabel) SetFull(s string) {
	l.full = s
	l.fit(l.Size().Width)
}

func (l *midLabel) Resize(s fyne.Size) {
	if s.Width != l.at {
		l.fit(s.Width)
	}
	l.Label.Resize(s)
}

// MinSize is a few characters wide: the label gives way to its neighbours, and cuts.
func (l *midLabel) MinSize() fyne.Size {
	m := l.Label.MinSize()
	m.Width = min(m.Width, fyne.MeasureText("国国国国…国国国国", theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding())
	return m
}

func (l *midLabel) fit(width float32) {
	l.at = width
	text := l.full
	if width > 0 {
		text = middleCut(l.full, width-2*theme.InnerPadding(), func(s string) float32 {
			return fyne.MeasureText(s, theme.TextSize(), l.TextStyle).Width
		})
	}
	if text != l.Text {
		l.SetText(text)
	}
}

// middleCut shortens s to fit width, cutting in the middle and keeping at most the last 12
// characters whole (the part that tells files apart: 0106.jpg).
func middleCut(s string, width float32, measure func(string) float32) string {
	if measure(s) <= width {
		return s
	}
	r := []rune(s)
	tail := min(12, len(r)/2)
	best := string(r[:1]) + "…" + string(r[len(r)-tail:])
	for lo, hi := 1, len(r)-tail; lo <= hi; {
		mid := (lo + hi) / 2
		cand := string(r[:mid]) + "…" + string(r[len(r)-tail:])
		if measure(cand) <= width {
			best, lo = cand, mid+1
		} else {
			hi = mid - 1
		}
	}
	return best
}
