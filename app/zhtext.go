package app

import (
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/render/text"
)

// zhText is a paragraph of Chinese that wraps as the printed form does, through the one line
// breaker of the project (render/text: UAX #14 and the Chinese kinsoku rules): between any two
// characters, but never before a closing mark such as '，', never inside a Latin word, a number
// or an e-mail address. Fyne's own wrapping breaks at spaces only, or anywhere.
type zhText struct {
	widget.RichText
	Text  string              // the text as given; the segment holds it with line breaks added
	color fyne.ThemeColorName // its colour
	size  fyne.ThemeSizeName
	at    float32 // the width it was wrapped at
}

func newZHText(s string) *zhText {
	t := &zhText{Text: s, color: theme.ColorNameForeground, size: theme.SizeNameText}
	t.Scroll = container.ScrollNone // RichText's zero value scrolls
	t.Segments = []widget.RichTextSegment{&widget.TextSegment{}}
	t.ExtendBaseWidget(t)
	t.rewrap(0)
	return t
}

// SetText replaces the text.
func (t *zhText) SetText(s string) {
	t.Text = s
	t.rewrap(t.Size().Width)
	t.Refresh()
}

// setColor sets the text's colour (the error red, the warning orange, the grey of notes).
func (t *zhText) setColor(c fyne.ThemeColorName) {
	t.color = c
	t.rewrap(t.Size().Width)
	t.Refresh()
}

// MinSize is the height of the text as wrapped now; any width will do, as with Fyne's
// wrapping labels: the layout gives the width, Resize wraps to it.
func (t *zhText) MinSize() fyne.Size {
	m := t.RichText.MinSize()
	return fyne.NewSize(min(m.Width, 4*theme.TextSize()), m.Height)
}

func (t *zhText) Resize(s fyne.Size) {
	if s.Width != t.at {
		old := t.RichText.MinSize().Height
		t.rewrap(s.Width)
		t.RichText.Refresh()
		if t.RichText.MinSize().Height != old {
			// Taller or shorter now: the container lays out again on the next frame.
			defer t.Refresh()
		}
	}
	t.RichText.Resize(s)
}

// rewrap breaks the text into lines no wider than width (0: not laid out yet, one line a
// paragraph).
func (t *zhText) rewrap(width float32) {
	t.at = width
	seg := t.Segments[0].(*widget.TextSegment)
	seg.Style = widget.RichTextStyle{ColorName: t.color, SizeName: t.size, Inline: false}
	size := float64(theme.Size(t.size))
	avail := float64(width - 2*theme.Size(theme.SizeNameInnerPadding) - 2)
	if width <= 0 || avail <= 0 {
		seg.Text = t.Text
		return
	}
	var sb strings.Builder
	for i, para := range strings.Split(t.Text, "\n") {
		if i > 0 {
			sb.WriteByte('\n')
		}
		for k, l := range text.Wrap(para, avail, 0, size, fyneMeasurer) {
			if k > 0 {
				sb.WriteByte('\n')
			}
			sb.WriteString(strings.ReplaceAll(strings.TrimRight(para[l.Start:l.End], " "), wordJoiner, ""))
		}
	}
	seg.Text = sb.String()
}

// wordJoiner keeps the characters on both sides on one line (UAX #14 class WJ); zhText uses
// it to wrap and leaves it out of what it draws.
const wordJoiner = "\u2060"

// unbroken joins a phrase that must not be split over two lines, such as a date.
func unbroken(s string) string {
	var sb strings.Builder
	for i, r := range s {
		if i > 0 && r != ' ' && !strings.HasSuffix(sb.String(), " ") {
			sb.WriteString(wordJoiner)
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// zhTime is how the app writes a moment in its messages: 2024年7月10日 09:05, the date and
// the time each kept on one line.
func zhTime(t time.Time) string {
	if t.IsZero() {
		return "时间不详"
	}
	t = t.Local()
	return unbroken(t.Format("2006年1月2日")) + " " + unbroken(t.Format("15:04"))
}

// fyneMeasurer measures runes as Fyne draws them (regular style), cached per rune and size.
var fyneMeasurer = &runeMeasurer{widths: map[runeSize]float64{}}

type runeSize struct {
	r    rune
	size float64
}

type runeMeasurer struct {
	mu     sync.Mutex
	widths map[runeSize]float64
}

func (m *runeMeasurer) Advance(r rune, size float64) float64 {
	m.mu.Lock()
	defer m.mu.Unlock()
	k := runeSize{r, size}
	if w, ok := m.widths[k]; ok {
		return w
	}
	if r == 0x2060 { // wordJoiner: not drawn
		return 0
	}
	w := float64(fyne.MeasureText(string(r), float32(size), fyne.TextStyle{}).Width)
	m.widths[k] = w
	return w
}

// forgetWidths drops the cached widths when the font changes (the full font replaces the UI
// one): Chinese widths are the same, Latin may differ by a hair.
func (m *runeMeasurer) forgetWidths() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.widths = map[runeSize]float64{}
}

// severityColor is the colour of a finding of that severity.
func severityColor(s forms.Severity) fyne.ThemeColorName {
	if s == forms.Error {
		return theme.ColorNameError
	}
	return theme.ColorNameWarning
}
