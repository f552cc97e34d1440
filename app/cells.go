package app

import (
	"image/color"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// focusHooks tell the window which field the user is in: a field's (or a table row's)
// findings show once the user has left it, not while typing.
type focusHooks struct {
	in, out func()
}

func (h focusHooks) gained() {
	if h.in != nil {
		h.in()
	}
}

func (h focusHooks) lost() {
	if h.out != nil {
		h.out()
	}
}

// fieldEntry is a one-line field outside the tables.
type fieldEntry struct {
	widget.Entry
	hooks focusHooks
}

func newFieldEntry() *fieldEntry {
	e := &fieldEntry{}
	e.Wrapping = fyne.TextWrapOff
	e.Scroll = container.ScrollHorizontalOnly
	e.ExtendBaseWidget(e)
	return e
}

func (e *fieldEntry) baseEntry() *widget.Entry { return &e.Entry }
func (e *cellEntry) baseEntry() *widget.Entry  { return &e.Entry }

func (e *fieldEntry) FocusGained() { e.Entry.FocusGained(); e.hooks.gained() }
func (e *fieldEntry) FocusLost()   { e.Entry.FocusLost(); e.hooks.lost() }

// fieldSelect is a choice, in or outside a table.
type fieldSelect struct {
	widget.Select
	hooks focusHooks
}

func newFieldSelect(options []string) *fieldSelect {
	s := &fieldSelect{}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

func (s *fieldSelect) FocusGained() { s.Select.FocusGained(); s.hooks.gained() }
func (s *fieldSelect) FocusLost()   { s.Select.FocusLost(); s.hooks.lost() }

// cellEntry is a table cell: one value that wraps onto as many lines as it needs, so that the
// whole of a long 所在单位 or 研究方向 is readable and nothing stays scrolled out of sight.
// The row grows with it. It stays a one-line value: Enter and Tab go to the next cell, and
// line breaks pasted in become spaces.
type cellEntry struct {
	widget.Entry
	hooks focusHooks
	rows  int     // lines shown now
	at    float32 // the width rows was counted at
}

func newCellEntry() *cellEntry {
	e := &cellEntry{rows: 1}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapBreak // Chinese has no spaces: break between any characters
	e.Scroll = container.ScrollNone
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(1)
	return e
}

func (e *cellEntry) FocusGained() { e.Entry.FocusGained(); e.hooks.gained() }
func (e *cellEntry) FocusLost()   { e.Entry.FocusLost(); e.hooks.lost() }

// AcceptsTab: Tab leaves the cell, as in a one-line entry.
func (e *cellEntry) AcceptsTab() bool { return false }

func (e *cellEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter {
		if c := fyne.CurrentApp().Driver().CanvasForObject(e); c != nil {
			c.FocusNext()
		}
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut pastes text with its line breaks made spaces: a cell holds one line.
func (e *cellEntry) TypedShortcut(s fyne.Shortcut) {
	if p, ok := s.(*fyne.ShortcutPaste); ok && p.Clipboard != nil {
		e.Entry.TypedShortcut(&fyne.ShortcutPaste{Clipboard: oneLineClipboard{p.Clipboard}})
		return
	}
	e.Entry.TypedShortcut(s)
}

type oneLineClipboard struct{ fyne.Clipboard }

func (c oneLineClipboard) Content() string { return oneLine(c.Clipboard.Content()) }

// oneLine makes line breaks spaces.
func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", " ")
	return strings.NewReplacer("\r", " ", "\n", " ").Replace(s)
}

// SetText shows a value and fits the cell's height to it.
func (e *cellEntry) SetText(s string) {
	e.Entry.SetText(s)
	e.fit()
}

func (e *cellEntry) Resize(s fyne.Size) {
	if s.Width != e.at {
		e.at = s.Width
		e.fit()
	}
	e.Entry.Resize(s)
}

// fit shows as many lines as the text takes at the cell's width; the row's layout follows
// on the next frame, as for any widget whose minimum size changed.
func (e *cellEntry) fit() {
	s := e.Text
	if s == "" {
		s = e.PlaceHolder // it must not scroll either
	}
	n := wrappedRows(s, e.at)
	if n != e.rows {
		e.rows = n
		e.SetMinRowsVisible(n)
	}
}

// wrappedRows counts the lines Fyne's entry breaks text into at that width, measured by a
// RichText set up as the entry's own (same style, wrapping and padding).
func wrappedRows(text string, width float32) int {
	if text == "" || width <= 0 {
		return 1
	}
	// Most values fit on one line: a single measurement says so without laying out a
	// RichText (the tables hold up to 40 cells, each measured at every width change).
	pad := 2*theme.InnerPadding() + 2
	if fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width+pad <= width {
		return 1
	}
	rowMeter.mu.Lock()
	defer rowMeter.mu.Unlock()
	if rowMeter.rt == nil {
		rowMeter.rt = widget.NewRichTextWithText("")
		rowMeter.rt.Wrapping = fyne.TextWrapBreak
		rowMeter.one = rowMeter.rt.MinSize().Height
		rowMeter.rt.Segments[0].(*widget.TextSegment).Text = "国\n国"
		rowMeter.rt.Refresh()
		rowMeter.line = rowMeter.rt.MinSize().Height - rowMeter.one
	}
	seg := rowMeter.rt.Segments[0].(*widget.TextSegment)
	seg.Text = text
	rowMeter.rt.Resize(fyne.NewSize(width, rowMeter.one))
	rowMeter.rt.Refresh()
	h := rowMeter.rt.MinSize().Height
	if rowMeter.line <= 0 {
		return 1
	}
	return max(1, 1+int((h-rowMeter.one)/rowMeter.line+0.5))
}

var rowMeter struct {
	mu        sync.Mutex
	rt        *widget.RichText
	one, line float32 // the height of one line, and of each further line
}

// cellFrame draws a table cell's finding as a coloured frame around it, without Fyne's
// validation icon, which would take the width of two digits from every cell.
type cellFrame struct {
	widget.BaseWidget
	content fyne.CanvasObject
	border  *canvas.Rectangle
}

func newCellFrame(content fyne.CanvasObject) *cellFrame {
	f := &cellFrame{content: content, border: canvas.NewRectangle(color.Transparent)}
	f.border.StrokeWidth = 2
	f.border.CornerRadius = theme.InputRadiusSize()
	f.border.Hide()
	f.ExtendBaseWidget(f)
	return f
}

// mark frames the cell in the colour of a finding's severity, or clears it with "".
func (f *cellFrame) mark(c fyne.ThemeColorName) {
	if c == "" {
		f.border.Hide()
		return
	}
	f.border.StrokeColor = theme.Color(c)
	f.border.Show()
	f.border.Refresh()
}

func (f *cellFrame) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(f.content, f.border))
}
