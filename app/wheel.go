package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Scrolling that follows the hand. Fyne gives the mouse wheel to the innermost scrollable
// object under the pointer, and every entry holds a scroller of its own (a one-line entry
// scrolls sideways, a table cell not at all), so over an input box, which is most of a form
// page, the wheel did nothing. wheelCatcher lies over a page's whole body: transparent, it
// takes no click, hover or drag (it implements none of them), only the wheel, which it hands
// to the page. Boxes that scroll themselves (the long-text editor, lists) are not on such
// pages.

// wheelCatcher passes the wheel to the page's scroll, wherever the pointer is on the page.
type wheelCatcher struct {
	widget.BaseWidget
	page *container.Scroll
}

func newWheelCatcher(page *container.Scroll) *wheelCatcher {
	w := &wheelCatcher{page: page}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelCatcher) Scrolled(ev *fyne.ScrollEvent) { w.page.Scrolled(ev) }

func (w *wheelCatcher) MinSize() fyne.Size { return fyne.Size{} }

func (w *wheelCatcher) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// revealMargin is the room kept above and below a field scrolled into view, so that its
// label and message line show with it.
const revealMargin = 12

// scrollIntoView scrolls s the least that shows o whole (with a margin): up when o starts
// above the view, down when it ends below it; a field taller than the view shows its top.
func scrollIntoView(s *container.Scroll, o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s.Content).Y
	h, view := o.Size().Height, s.Size().Height
	off := s.Offset.Y
	switch {
	case y-revealMargin < off || h+2*revealMargin > view:
		off = y - revealMargin
	case y+h+revealMargin > off+view:
		off = y + h + revealMargin - view
	default:
		return
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, max(0, off)))
}

// revealField scrolls the field at path fully into view on the current page: focus moved there by
// Tab, Shift+Tab, Enter or 转到 must never leave the caret where the teacher cannot see it.
func (u *UI) revealField(path string) {
	v := u.views[path]
	if v == nil || u.current >= len(u.pages) {
		return
	}
	if s := u.pages[u.current].scroll; s != nil && v.obj != nil && v.obj.Visible() {
		scrollIntoView(s, v.obj)
	}
}
