package editor

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"shenbao/render/text"
)

// The editor draws like widget.Entry: a rounded input background, a border that turns to the
// primary colour with the focus, and inside a vertical scroll whose content is the text area.
// The text area (view) is as tall as all the lines, but holds canvas objects for the lines in
// view only: a pool of canvas.Text, one selection rectangle per row and the caret. Scrolling
// or editing re-assigns the pool (place), which costs the same for 100 or 6000 characters.

// CreateRenderer is part of fyne.Widget.
func (e *Editor) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	e.readMetrics()
	r := &renderer{e: e}
	r.box = canvas.NewRectangle(e.m.background)
	r.border = canvas.NewRectangle(color.Transparent)
	r.caret = canvas.NewRectangle(e.m.primary)
	r.caret.Hide()
	r.view = &view{r: r}
	r.view.ExtendBaseWidget(r.view)
	r.scroll = container.NewVScroll(r.view)
	r.scroll.OnScrolled = func(fyne.Position) { r.place() }
	r.objects = []fyne.CanvasObject{r.box, r.border, r.scroll}
	r.viewObjs = []fyne.CanvasObject{r.caret}
	e.r = r
	r.applyTheme()
	return r
}

type renderer struct {
	e           *Editor
	box, border *canvas.Rectangle
	scroll      *container.Scroll
	view        *view

	rows     []*canvas.Text
	sels     []*canvas.Rectangle
	caret    *canvas.Rectangle
	objects  []fyne.CanvasObject
	viewObjs []fyne.CanvasObject // selections under the rows, then the caret on top
	height   float32             // the content height the scroll last saw
	placing  bool                // place is running (a scroll refresh inside it calls it again)

	ph      []text.Line // the placeholder wrapped, for phFor at the current layout
	phFor   string
	phWidth float64
}

func (r *renderer) Destroy() {}

func (r *renderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize holds the minimum rows of text and about ten characters across.
func (r *renderer) MinSize() fyne.Size {
	m := r.e.m
	return fyne.NewSize(10*m.charW+2*m.pad, float32(r.e.minRows)*m.rowH+2*m.pad)
}

func (r *renderer) Layout(size fyne.Size) {
	m := r.e.m
	r.border.Resize(fyne.NewSize(size.Width-m.border-.5, size.Height-m.border-.5))
	r.border.Move(fyne.NewSquareOffsetPos(m.border / 2))
	r.box.Resize(size.Subtract(fyne.NewSquareSize(2 * m.border)))
	r.box.Move(fyne.NewSquareOffsetPos(m.border))
	r.e.relayout(size.Width)
	r.scroll.Move(fyne.NewPos(0, m.border))
	r.scroll.Resize(fyne.NewSize(size.Width, size.Height-2*m.border))
	r.e.updateView(false)
}

// Refresh re-reads the theme (colours, sizes, font) and redraws.
func (r *renderer) Refresh() {
	r.e.readMetrics()
	r.e.relayout(r.e.Size().Width)
	r.applyTheme()
	r.box.Refresh()
	r.border.Refresh()
	for _, t := range r.rows {
		t.TextSize = r.e.m.textSize
	}
	r.e.updateView(false)
	canvas.Refresh(r.e)
}

// applyTheme sets the frame's colours for the theme and the focus and disabled states.
func (r *renderer) applyTheme() {
	e := r.e
	m := e.m
	r.box.FillColor = m.background
	r.box.CornerRadius = m.radius
	r.border.FillColor = color.Transparent
	r.border.StrokeWidth = m.border
	r.border.CornerRadius = m.radius
	switch {
	case e.Disabled():
		r.border.StrokeColor = m.disabled
	case e.focused:
		r.border.StrokeColor = m.primary
	default:
		r.border.StrokeColor = m.inputBorder
	}
	r.caret.FillColor = m.primary
}

// top is the y of the first line in the view: the Entry's inner padding less the border the
// scroll already sits below.
func (r *renderer) top() float32 { return r.e.m.pad - r.e.m.border }

func (r *renderer) contentHeight() float32 {
	n := r.e.d.totalLines()
	if r.showPlaceholder() {
		n = max(n, len(r.placeholder()))
	}
	return 2*r.top() + float32(n)*r.e.m.rowH
}

func (r *renderer) showPlaceholder() bool {
	return r.e.d.bytes == 0 && r.e.placeHolder != ""
}

// placeholder returns the placeholder's lines, wrapped like the text.
func (r *renderer) placeholder() []text.Line {
	l := r.e.d.lay
	if r.ph == nil || r.phFor != r.e.placeHolder || r.phWidth != l.width {
		r.ph, r.phFor, r.phWidth = l.wrap(r.e.placeHolder), r.e.placeHolder, l.width
		if r.ph == nil {
			r.ph = []text.Line{{End: len(r.e.placeHolder), Last: true}}
		}
	}
	return r.ph
}

// scrollTo scrolls the view to offset y (clamped) and re-places the rows.
func (r *renderer) scrollTo(y float32) {
	y = min(y, r.height-r.scroll.Size().Height)
	y = max(y, 0)
	if y != r.scroll.Offset.Y {
		r.scroll.ScrollToOffset(fyne.NewPos(0, y))
	}
}

// ensureCaretVisible scrolls the least that shows the caret's row whole.
func (r *renderer) ensureCaretVisible() {
	e := r.e
	rowH := e.m.rowH
	g := float32(e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream)))
	y0 := r.top() + g*rowH
	y1 := y0 + rowH
	off, h := r.scroll.Offset.Y, r.scroll.Size().Height
	switch {
	case y0-r.top() < off:
		r.scrollTo(y0 - r.top())
	case y1+r.top() > off+h:
		r.scrollTo(y1 + r.top() - h)
	}
}

// updateView brings the scroll's content size, the scroll offset (when the caret must stay in
// view) and the rows up to date after a change.
func (e *Editor) updateView(showCaret bool) {
	r := e.r
	if r == nil {
		return
	}
	if h := r.contentHeight(); h != r.height {
		r.height = h
		r.scroll.Refresh() // resizes the view and the scroll bar
	}
	if showCaret {
		r.ensureCaretVisible()
	}
	r.place()
}

// place puts the pooled objects on the rows in view.
func (r *renderer) place() {
	e := r.e
	if e.m.rowH <= 0 || r.placing {
		return
	}
	r.placing = true
	defer func() { r.placing = false }()
	for r.settleVisible() {
		// the lines in view were stale: the line count may have changed
		if h := r.contentHeight(); h != r.height {
			r.height = h
			r.scroll.Refresh()
		}
	}
	r.placeRows()
}

// visible returns the range of document lines in view.
func (r *renderer) visible() (g0, g1 int) {
	e := r.e
	top, rowH := r.top(), e.m.rowH
	off, h := r.scroll.Offset.Y, r.scroll.Size().Height
	n := e.d.totalLines()
	if r.showPlaceholder() {
		n = len(r.placeholder())
	}
	g0 = max(0, min(int(math.Floor(float64((off-top)/rowH))), n))
	g1 = max(g0, min(int(math.Ceil(float64((off+h-top)/rowH))), n))
	return g0, g1
}

// settleVisible re-wraps the stale lines in view, if any, and reports whether it did.
func (r *renderer) settleVisible() bool {
	d := r.e.d
	if r.showPlaceholder() {
		return false
	}
	g0, g1 := r.visible()
	if g0 == g1 {
		return false
	}
	p, li := d.lineAt(g0)
	for g := g0; g < g1 && p < len(d.paras); g++ {
		if pa := &d.paras[p]; pa.lines != nil && li >= pa.exact {
			d.settleTo(p, li+g1-g)
			return true
		}
		if li++; li >= d.lineCount(p) {
			p, li = p+1, 0
		}
	}
	return false
}

func (r *renderer) placeRows() {
	e := r.e
	m := e.m
	top := r.top()
	width := r.view.Size().Width
	g0, g1 := r.visible()
	r.grow(g1 - g0)
	ph := r.showPlaceholder()
	col := m.fg
	if e.Disabled() {
		col = m.disabled
	}
	if ph {
		col = m.placeholder
	}
	a, b, hasSel := e.selection()
	hasSel = hasSel && e.focused
	p, li := 0, 0
	if !ph {
		p, li = e.d.lineAt(g0)
	}
	for i := range g1 - g0 {
		y := top + float32(g0+i)*m.rowH
		var s string
		var ln text.Line
		if ph {
			ln, s = r.ph[g0+i], e.placeHolder
		} else {
			ln, s = e.d.line(p, li), e.d.paras[p].s
		}
		t := r.rows[i]
		if str := s[ln.Start:ln.End]; t.Text != str || t.Color != col || t.TextSize != m.textSize || t.Hidden {
			t.Text, t.Color, t.TextSize, t.Hidden = str, col, m.textSize, false
			t.Refresh()
		}
		t.Move(fyne.NewPos(m.pad, y))
		t.Resize(fyne.NewSize(max(width-m.pad, 0), m.rowH))
		r.placeSelection(r.sels[i], hasSel && !ph, a, b, p, ln, y)
		if !ph {
			if li++; li == e.d.lineCount(p) {
				p, li = p+1, 0
			}
		}
	}
	for i := g1 - g0; i < len(r.rows); i++ {
		r.rows[i].Hide()
		r.sels[i].Hide()
	}
	r.placeCaret(g0, g1)
}

// placeSelection shows rect over the selected part [a, b) of line ln of paragraph p, if any.
// A line whose paragraph end is selected shows a little more, for the line break.
func (r *renderer) placeSelection(rect *canvas.Rectangle, on bool, a, b pos, p int, ln text.Line, y float32) {
	lo, hi := pos{p, ln.Start}, pos{p, ln.End}
	breakSel := ln.Last && b.p > p && !hi.less(a) // the paragraph's line break is selected
	if !on || !lo.less(b) || (!a.less(hi) && !breakSel) {
		rect.Hide()
		return
	}
	from, to := ln.Start, ln.End
	if a.p == p && a.off > from {
		from = a.off
	}
	if b.p == p && b.off < to {
		to = b.off
	}
	e := r.e
	x0 := float32(e.xIn(p, ln.Start, from))
	x1 := float32(e.xIn(p, ln.Start, to))
	if breakSel {
		x1 += e.m.charW / 2
	}
	if x1 <= x0 {
		rect.Hide()
		return
	}
	rect.FillColor = e.m.sel
	rect.Move(fyne.NewPos(e.m.pad+x0, y))
	rect.Resize(fyne.NewSize(x1-x0, e.m.rowH))
	rect.Show()
	rect.Refresh()
}

// placeCaret shows the caret when the editor has the focus and the caret's row is in view.
func (r *renderer) placeCaret(g0, g1 int) {
	e := r.e
	if !e.focused || e.Disabled() {
		r.caret.Hide()
		return
	}
	g := e.d.globalLine(e.caret.p, e.d.lineOf(e.caret, e.upstream))
	if g < g0 || g >= g1 {
		r.caret.Hide()
		return
	}
	x := float32(e.caretX())
	x = min(x, r.view.Size().Width-2*e.m.pad) // hanging spaces may run past the edge
	r.caret.Move(fyne.NewPos(e.m.pad+x-e.m.border/2, r.top()+float32(g)*e.m.rowH))
	r.caret.Resize(fyne.NewSize(e.m.border, e.m.rowH))
	if !r.caret.Visible() {
		r.caret.Show()
		r.caret.Refresh()
	}
}

// grow makes the pool hold at least n rows.
func (r *renderer) grow(n int) {
	if n <= len(r.rows) {
		return
	}
	for len(r.rows) < n {
		t := canvas.NewText("", r.e.m.fg)
		t.TextSize = r.e.m.textSize
		r.rows = append(r.rows, t)
		s := canvas.NewRectangle(r.e.m.sel)
		s.Hide()
		r.sels = append(r.sels, s)
	}
	objs := make([]fyne.CanvasObject, 0, 2*len(r.rows)+1)
	for _, s := range r.sels {
		objs = append(objs, s)
	}
	for _, t := range r.rows {
		objs = append(objs, t)
	}
	r.viewObjs = append(objs, r.caret)
	canvas.Refresh(r.view)
}

// view is the scroll's content: the text area, as tall as all the lines.
type view struct {
	widget.BaseWidget
	r *renderer
}

func (v *view) CreateRenderer() fyne.WidgetRenderer { return viewRenderer{v.r} }

// MinSize is the height of all the lines (the width follows the scroll).
func (v *view) MinSize() fyne.Size { return fyne.NewSize(0, v.r.height) }

// Dragged forwards a drag that starts on the text to the editor: the scroll (under the text)
// would otherwise take it, and on a desktop the scroll ignores drags.
func (v *view) Dragged(ev *fyne.DragEvent) {
	d := *ev
	d.Position = ev.Position.Add(v.Position()).Add(v.r.scroll.Position())
	v.r.e.Dragged(&d)
}

// DragEnd forwards the end of a drag to the editor.
func (v *view) DragEnd() { v.r.e.DragEnd() }

type viewRenderer struct{ r *renderer }

func (vr viewRenderer) Destroy()                     {}
func (vr viewRenderer) Layout(fyne.Size)             { vr.r.place() }
func (vr viewRenderer) MinSize() fyne.Size           { return fyne.NewSize(0, vr.r.height) }
func (vr viewRenderer) Objects() []fyne.CanvasObject { return vr.r.viewObjs }
func (vr viewRenderer) Refresh()                     { vr.r.place() }

// Caret is where the caret is drawn, relative to the editor's top-left, and its height, for
// the input method's candidate window (see app/ime.go). ok is false when no caret is shown:
// the editor has no focus or the caret's line is scrolled out of view.
func (e *Editor) Caret() (pos fyne.Position, height float32, ok bool) {
	r := e.r
	if r == nil || !e.focused || !r.caret.Visible() {
		return fyne.Position{}, 0, false
	}
	// The view is the scroll's content, moved up by the scroll offset.
	pos = r.scroll.Position().Add(r.view.Position()).Add(r.caret.Position())
	return pos, r.caret.Size().Height, true
}
