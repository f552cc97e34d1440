package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// toolButton is a button that shows only an icon (delete a row, zoom) and says what it does
// in a tooltip when the mouse rests on it. It does not take the keyboard focus: Tab goes from
// field to field, never onto a button that deletes a row.
type toolButton struct {
	widget.DisableableWidget
	icon  fyne.Resource
	Tip   string // what the tooltip says
	onTap func()

	hovered bool
	bg      *canvas.Rectangle
	tip     []fyne.CanvasObject // the tooltip shown now: its box and its text
	tipSeq  int                 // bumped when the mouse leaves: a tooltip on its way is not shown
}

func newToolButton(icon fyne.Resource, tip string, onTap func()) *toolButton {
	b := &toolButton{icon: icon, Tip: tip, onTap: onTap}
	b.ExtendBaseWidget(b)
	return b
}

func (b *toolButton) Tapped(*fyne.PointEvent) {
	b.hideTip()
	if !b.Disabled() && b.onTap != nil {
		b.onTap()
	}
}

func (b *toolButton) Cursor() desktop.Cursor {
	if b.Disabled() {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// tipDelay is how long the mouse rests on the button before the tooltip shows.
const tipDelay = 600 * time.Millisecond

func (b *toolButton) MouseIn(e *desktop.MouseEvent) {
	b.hovered = true
	b.Refresh()
	b.tipSeq++
	seq, pos := b.tipSeq, e.AbsolutePosition
	time.AfterFunc(tipDelay, func() {
		fyne.Do(func() {
			if seq == b.tipSeq && b.hovered {
				b.showTip(pos)
			}
		})
	})
}

func (b *toolButton) MouseMoved(*desktop.MouseEvent) {}

func (b *toolButton) MouseOut() {
	b.hovered = false
	b.tipSeq++
	b.hideTip()
	b.Refresh()
}

// showTip shows the tooltip under the pointer (pos in the window). It is drawn in the
// window's tip layer, not in a pop-up: a pop-up would take the next click to close itself.
func (b *toolButton) showTip(pos fyne.Position) {
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	layer := tipLayers[c]
	if c == nil || layer == nil || b.Tip == "" {
		return
	}
	b.hideTip()
	l := canvas.NewText(b.Tip, theme.Color(theme.ColorNameForeground))
	l.TextSize = theme.Size(sizeMessage)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.StrokeColor = theme.Color(theme.ColorNameInputBorder)
	bg.StrokeWidth = 1
	pad := theme.InnerPadding() / 2
	size := l.MinSize().Add(fyne.NewSquareSize(2 * pad))
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(layer)
	at := pos.Subtract(origin).Add(fyne.NewPos(0, 24))
	at.X = max(0, min(at.X, layer.Size().Width-size.Width))
	bg.Resize(size)
	bg.Move(at)
	l.Move(at.Add(fyne.NewSquareOffsetPos(pad)))
	b.tip = []fyne.CanvasObject{bg, l}
	layer.Objects = append(layer.Objects, bg, l)
	layer.Refresh()
}

func (b *toolButton) hideTip() {
	if b.tip == nil {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if layer := tipLayers[c]; layer != nil {
		kept := layer.Objects[:0]
		for _, o := range layer.Objects {
			if o != b.tip[0] && o != b.tip[1] {
				kept = append(kept, o)
			}
		}
		layer.Objects = kept
		layer.Refresh()
	}
	b.tip = nil
}

// tipLayers are the windows' layers for tooltips: drawn over the content, taking no clicks.
var tipLayers = map[fyne.Canvas]*fyne.Container{}

func (b *toolButton) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + 2*theme.InnerPadding())
}

func (b *toolButton) CreateRenderer() fyne.WidgetRenderer {
	b.bg = canvas.NewRectangle(theme.Color(theme.ColorNameHover))
	b.bg.CornerRadius = theme.InputRadiusSize()
	icon := widget.NewIcon(b.icon)
	r := &toolRenderer{b: b, icon: icon}
	r.Refresh()
	return r
}

type toolRenderer struct {
	b    *toolButton
	icon *widget.Icon
}

func (r *toolRenderer) Layout(size fyne.Size) {
	r.b.bg.Resize(size)
	s := theme.IconInlineSize()
	r.icon.Resize(fyne.NewSquareSize(s))
	r.icon.Move(fyne.NewPos((size.Width-s)/2, (size.Height-s)/2))
}

func (r *toolRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *toolRenderer) Refresh() {
	r.b.bg.Hidden = !r.b.hovered || r.b.Disabled()
	res := r.b.icon
	if r.b.Disabled() {
		res = theme.NewDisabledResource(res)
	}
	r.icon.SetResource(res)
	r.b.bg.Refresh()
}

func (r *toolRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.b.bg, r.icon}
}

func (r *toolRenderer) Destroy() {}
