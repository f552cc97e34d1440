package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/render/text"
)

// msgLine is the line under a field or a table row that holds its findings: in a smaller
// size, without the padding of a label, wrapped by the project's line breaker. It keeps the
// height of one line when empty, and of the tallest message it has shown at this width, so a
// message coming or going moves nothing under the mouse.
type msgLine struct {
	widget.BaseWidget
	Text  string
	color fyne.ThemeColorName

	lines    []string // Text wrapped at the width below
	at       float32
	keep     int  // most lines shown at this width
	collapse bool // no height when empty (a block's line: its findings come with a row removed or 检查)
}

func newMsgLine() *msgLine {
	m := &msgLine{color: theme.ColorNameError}
	m.ExtendBaseWidget(m)
	return m
}

// SetText shows a message ("" for none) in a colour.
func (m *msgLine) set(s string, c fyne.ThemeColorName) {
	if s == m.Text && c == m.color {
		return
	}
	m.Text, m.color = s, c
	m.wrap(m.at)
	m.Refresh()
}

func msgSize() float32 { return theme.Size(sizeMessage) }

func msgLineHeight() float32 {
	return fyne.MeasureText("国", msgSize(), fyne.TextStyle{}).Height
}

func (m *msgLine) wrap(width float32) {
	m.at = width
	m.lines = m.lines[:0]
	if m.Text == "" {
		return
	}
	size := float64(msgSize())
	for _, para := range strings.Split(m.Text, "\n") {
		if width <= 0 {
			m.lines = append(m.lines, para)
			continue
		}
		for _, l := range text.Wrap(para, float64(width), 0, size, fyneMeasurer) {
			m.lines = append(m.lines, strings.TrimRight(para[l.Start:l.End], " "))
		}
	}
	m.keep = max(m.keep, len(m.lines))
}

func (m *msgLine) Resize(s fyne.Size) {
	if s.Width != m.at {
		m.keep = 0
		m.wrap(s.Width)
		defer m.Refresh() // its height may differ at the new width
	}
	m.BaseWidget.Resize(s)
}

func (m *msgLine) MinSize() fyne.Size {
	if m.collapse && m.Text == "" {
		return fyne.NewSize(0, 0)
	}
	n := max(1, m.keep, len(m.lines))
	return fyne.NewSize(4*msgSize(), float32(n)*msgLineHeight())
}

func (m *msgLine) CreateRenderer() fyne.WidgetRenderer {
	return &msgRenderer{m: m}
}

type msgRenderer struct {
	m     *msgLine
	texts []*canvas.Text
}

func (r *msgRenderer) Layout(fyne.Size) {
	h := msgLineHeight()
	for i, t := range r.texts {
		t.Move(fyne.NewPos(0, float32(i)*h))
		t.Resize(fyne.NewSize(r.m.Size().Width, h))
	}
}

func (r *msgRenderer) MinSize() fyne.Size { return r.m.MinSize() }

func (r *msgRenderer) Refresh() {
	for len(r.texts) < len(r.m.lines) {
		r.texts = append(r.texts, canvas.NewText("", nil))
	}
	c := theme.Color(r.m.color)
	for i, t := range r.texts {
		if i < len(r.m.lines) {
			t.Text = r.m.lines[i]
			t.Show()
		} else {
			t.Text = ""
			t.Hide()
		}
		t.Color = c
		t.TextSize = msgSize()
		t.Refresh()
	}
	r.Layout(r.m.Size())
}

func (r *msgRenderer) Objects() []fyne.CanvasObject {
	out := make([]fyne.CanvasObject, len(r.texts))
	for i, t := range r.texts {
		out[i] = t
	}
	return out
}

func (r *msgRenderer) Destroy() {}
