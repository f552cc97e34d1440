package app

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileList is the file dialog's list with Windows' habits: one click selects, a double click
// or Enter opens, the arrow keys move the selection, Esc cancels.
type fileList struct {
	widget.List
	f *fileDialog
}

func newFileList(f *fileDialog) *fileList {
	l := &fileList{f: f}
	l.Length = func() int { return len(f.items) }
	l.CreateItem = func() fyne.CanvasObject { return newFileRow(f) }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) { f.updateRow(i, o.(*fileRow)) }
	l.OnSelected = f.selected
	l.ExtendBaseWidget(l)
	return l
}

func (l *fileList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if l.f.sel >= 0 {
			l.f.activate(l.f.sel)
		} else {
			l.f.confirm()
		}
	case fyne.KeyEscape:
		l.f.close("")
	case fyne.KeyDown:
		l.move(1)
	case fyne.KeyUp:
		l.move(-1)
	default:
		l.List.TypedKey(ev)
	}
}

// TypedShortcut takes Ctrl+A: every file, in a dialog for many.
func (l *fileList) TypedShortcut(s fyne.Shortcut) {
	if _, ok := s.(*fyne.ShortcutSelectAll); ok {
		l.f.pickAll()
	}
}

// move selects the item n places below (above) the selected one.
func (l *fileList) move(n int) {
	if len(l.f.items) == 0 {
		return
	}
	i := min(max(l.f.sel+n, 0), len(l.f.items)-1)
	if l.f.sel < 0 {
		i = 0
	}
	l.Select(i)
	l.ScrollTo(i)
}

// fileRow is one item: its icon or a thumbnail of the picture, the name, date and size; in a
// dialog for many files a picked row is drawn in the selection colour.
type fileRow struct {
	widget.BaseWidget
	f     *fileDialog
	id    widget.ListItemID
	mod   fyne.KeyModifier // the keys held when the mouse button went down
	bg    *canvas.Rectangle
	img   *canvas.Image
	name  *midLabel
	info  *widget.Label
	shown fyne.Resource // the icon shown, to skip redrawing the same one
}

func newFileRow(f *fileDialog) *fileRow {
	r := &fileRow{f: f, name: newMidLabel(), info: widget.NewLabel(""), bg: canvas.NewRectangle(nil)}
	r.info.Importance = widget.LowImportance
	r.img = canvas.NewImageFromResource(theme.FileIcon())
	r.img.FillMode = canvas.ImageFillContain
	side := theme.IconInlineSize()
	if f.thumbs != nil {
		side = thumbSide
	}
	r.img.SetMinSize(fyne.NewSquareSize(side))
	r.ExtendBaseWidget(r)
	return r
}

func (r *fileRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg,
		container.NewBorder(nil, nil, container.NewCenter(r.img), r.info, r.name)))
}

func (r *fileRow) setPicked(on bool) {
	var c color.Color // none: the list's own background shows
	if on {
		c = r.Theme().Color(theme.ColorNameSelection, fyne.CurrentApp().Settings().ThemeVariant())
	}
	if c != r.bg.FillColor {
		r.bg.FillColor = c
		r.bg.Refresh()
	}
}

func (r *fileRow) setIcon(res fyne.Resource) {
	if r.shown == res && r.img.Image == nil {
		return
	}
	r.shown, r.img.Image, r.img.Resource = res, nil, res
	r.img.Refresh()
}

func (r *fileRow) setImage(img image.Image) {
	if r.img.Image == img {
		return
	}
	r.shown, r.img.Resource, r.img.Image = nil, nil, img
	r.img.Refresh()
}

// Tapped selects the item, or with Ctrl or Shift held adds to the files picked. (The list
// would select it itself, but a row that takes double clicks takes single ones too.)
func (r *fileRow) Tapped(*fyne.PointEvent) {
	r.f.click(r.id, r.mod)
	r.mod = 0
	r.f.win.Canvas().Focus(r.f.list)
}

// MouseDown notes the keys held: the tap that follows does not carry them.
func (r *fileRow) MouseDown(ev *desktop.MouseEvent) { r.mod = ev.Modifier }

func (r *fileRow) MouseUp(*desktop.MouseEvent) {}

// DoubleTapped opens the item.
func (r *fileRow) DoubleTapped(*fyne.PointEvent) {
	r.f.list.Select(r.id)
	r.f.activate(r.id)
}

// keyEntry is a one-line entry where Esc cancels the dialog it is in (Fyne's entry keeps Esc
// to itself, so the window's handler never sees it).
type keyEntry struct {
	widget.Entry
	onEsc func()
}

func newKeyEntry(onEsc func()) *keyEntry {
	e := &keyEntry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(ev)
}
