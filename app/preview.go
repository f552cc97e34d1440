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

	"shenbao/export"
	"shenbao/render"
	"shenbao/render/raster"
)

// Zoom steps of the preview, 25 % to 200 %; 1 is the page at its real size on a 96-dpi
// screen. Between the steps the zoom may be anything 适合页面 or 适合宽度 made it.
var zoomSteps = []float64{0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1, 1.25, 1.5, 2}

// The zoom modes besides a fixed percentage.
const (
	fitPage  = "适合页面" // the whole page in view
	fitWidth = "适合宽度" // the page as wide as the view
)

// percent writes a zoom as the app writes every percentage: 75%.
func percent(z float64) string { return itoa(int(z*100+0.5)) + "%" }

// pxPerPt is Fyne's unit per point at zoom 1 (96 dpi).
const pxPerPt = 96.0 / 72.0

// preview is the 预览与导出 page: the printed pages as render lays them out (the same model
// the PDF writer draws), one at a time, with page turning and zoom.
type preview struct {
	u      *UI
	pages  []render.Page
	index  int
	zoom   float64 // 0.25–2
	fit    string  // fitPage, fitWidth, or "" for a fixed zoom
	seq    int     // bumped for every new drawing; a late one is dropped
	sheet  *pageSheet
	where  *widget.Label
	zoomed *widget.Select // the zoom and the fit modes
	busy   *widget.Activity
	prev   *toolButton
	next   *toolButton
	out    *toolButton
	in     *toolButton
	scroll *container.Scroll
	seen   fyne.Size // the view's size the fit was made for
}

func (u *UI) previewPage() fyne.CanvasObject {
	p := u.pageNamed("预览与导出")
	pv := &preview{u: u, zoom: 0.75, fit: fitWidth}
	pv.sheet = newPageSheet(func(path string) { u.goTo(path) })
	pv.where = widget.NewLabel("正在排版…")
	pv.busy = widget.NewActivity()
	pv.prev = newToolButton(theme.NavigateBackIcon(), "上一页", func() { pv.turn(-1) })
	pv.next = newToolButton(theme.NavigateNextIcon(), "下一页", func() { pv.turn(1) })
	pv.out = newToolButton(theme.ZoomOutIcon(), "缩小", func() { pv.step(-1) })
	pv.in = newToolButton(theme.ZoomInIcon(), "放大", func() { pv.step(1) })
	options := []string{fitPage, fitWidth}
	for _, z := range zoomSteps {
		options = append(options, percent(z))
	}
	pv.zoomed = widget.NewSelect(options, nil)
	pv.zoomed.Selected = pv.fit
	pv.zoomed.OnChanged = pv.choose
	bar := container.NewHBox(pv.prev, pv.where, pv.next, widget.NewSeparator(), pv.out, pv.zoomed, pv.in, pv.busy)
	desk := canvas.NewRectangle(color.NRGBA{0x9a, 0x9a, 0x9a, 0xff}) // the page lies on a grey desk
	pv.scroll = container.NewScroll(container.NewStack(desk, container.NewPadded(container.NewCenter(pv.sheet))))
	u.preview = pv
	pv.layout()
	view := container.New(&resizeWatch{onResize: pv.viewResized}, pv.scroll)
	body := container.NewBorder(bar, nil, nil, container.New(&fixedWidth{w: 330}, u.exportPanel()), view)
	return pageFrame(p, "预览与导出", "下面是打印出来的样子（与导出的 PDF 相同）。双击页面上填写的内容，可以转到那一项去修改。", body, false)
}

// layout lays the draft out again off the UI thread; the draft is copied so typing goes on.
func (pv *preview) layout() {
	d := pv.u.d.Clone()
	draft := export.NeedsDraft(d, pv.u.findings) // what the export would print
	pv.seq++
	seq := pv.seq
	pv.working(true)
	pv.u.env.Go(func() {
		pages, err := render.Layout(d, render.Options{Draft: draft})
		fyne.Do(func() {
			if seq != pv.seq {
				return
			}
			if err != nil {
				pv.working(false)
				pv.where.SetText("排版失败：" + err.Error())
				return
			}
			pv.pages = pages
			pv.index = min(pv.index, len(pages)-1)
			pv.draw()
		})
	})
}

// draw rasterises the current page at the current zoom, off the UI thread.
func (pv *preview) draw() {
	if len(pv.pages) == 0 {
		return
	}
	pv.seq++
	seq := pv.seq
	page := pv.pages[pv.index]
	pv.applyFit(page)
	zoom := pv.zoom
	scale := zoom * pxPerPt * float64(pv.u.win.Canvas().Scale())
	pv.where.SetText("第" + itoa(pv.index+1) + "页，共" + itoa(len(pv.pages)) + "页")
	pv.showZoom()
	pv.prev.Disable()
	pv.next.Disable()
	if pv.index > 0 {
		pv.prev.Enable()
	}
	if pv.index < len(pv.pages)-1 {
		pv.next.Enable()
	}
	pv.working(true)
	pv.u.env.Go(func() {
		var img image.Image
		pic, err := raster.Draw(page, scale)
		if err == nil {
			img = pic
		}
		fyne.Do(func() {
			if seq != pv.seq {
				return
			}
			pv.working(false)
			if err != nil {
				pv.where.SetText("无法显示预览：" + err.Error())
				return
			}
			pv.sheet.set(page, img, zoom*pxPerPt)
			pv.scroll.Refresh()
		})
	})
}

func (pv *preview) turn(by int) {
	i := pv.index + by
	if i >= 0 && i < len(pv.pages) {
		pv.index = i
		pv.scroll.ScrollToTop()
		pv.draw()
	}
}

// step zooms to the next step in (by 1) or out (by -1) from wherever the zoom is now.
func (pv *preview) step(by int) {
	z := pv.zoom
	if by > 0 {
		for _, s := range zoomSteps {
			if s > z+0.001 {
				pv.setZoom(s)
				return
			}
		}
		return
	}
	for i := len(zoomSteps) - 1; i >= 0; i-- {
		if zoomSteps[i] < z-0.001 {
			pv.setZoom(zoomSteps[i])
			return
		}
	}
}

// setZoom shows the page at a fixed zoom (the fit modes end).
func (pv *preview) setZoom(z float64) {
	pv.fit = ""
	pv.zoom = min(max(z, zoomSteps[0]), zoomSteps[len(zoomSteps)-1])
	pv.draw()
}

// choose is the zoom list: a fit mode or a percentage.
func (pv *preview) choose(s string) {
	switch s {
	case fitPage, fitWidth:
		pv.fit = s
		pv.draw()
		return
	}
	for _, z := range zoomSteps {
		if percent(z) == s {
			pv.setZoom(z)
			return
		}
	}
}

// showZoom puts the mode, or the zoom as a percentage, in the list, and greys out the steps
// past the ends.
func (pv *preview) showZoom() {
	shown := pv.fit
	if shown == "" {
		shown = percent(pv.zoom)
	}
	if pv.zoomed.Selected != shown {
		on := pv.zoomed.OnChanged
		pv.zoomed.OnChanged = nil
		pv.zoomed.SetSelected(shown)
		pv.zoomed.OnChanged = on
	}
	pv.out.Enable()
	pv.in.Enable()
	if pv.zoom <= zoomSteps[0]+0.001 {
		pv.out.Disable()
	}
	if pv.zoom >= zoomSteps[len(zoomSteps)-1]-0.001 {
		pv.in.Disable()
	}
}

// applyFit works out the zoom of a fit mode for the view's size now.
func (pv *preview) applyFit(p render.Page) {
	view := pv.scroll.Size()
	pv.seen = view
	if pv.fit == "" || view.Width <= 0 || view.Height <= 0 {
		return
	}
	pad := 2 * theme.Padding() // around the page on the desk
	zw := float64(view.Width-pad-theme.ScrollBarSize()) / (p.Width * pxPerPt)
	zh := float64(view.Height-pad) / (p.Height * pxPerPt)
	z := zw
	if pv.fit == fitPage {
		z = min(zw, zh)
	}
	pv.zoom = min(max(z, zoomSteps[0]), zoomSteps[len(zoomSteps)-1])
}

// viewResized draws the page again when a fit mode no longer fits the view.
func (pv *preview) viewResized(s fyne.Size) {
	if pv.fit != "" && s != pv.seen && len(pv.pages) > 0 {
		pv.draw()
	}
}

// resizeWatch lays its one object over its whole area and says when that area changed.
type resizeWatch struct {
	onResize func(fyne.Size)
	last     fyne.Size
}

func (l *resizeWatch) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
	if size != l.last {
		l.last = size
		l.onResize(size)
	}
}

func (l *resizeWatch) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return s
}

func (pv *preview) working(on bool) {
	if on {
		pv.busy.Show()
		pv.busy.Start()
	} else {
		pv.busy.Stop()
		pv.busy.Hide()
	}
}

// pageSheet shows one page image; a click on a typed value goes to its field.
type pageSheet struct {
	widget.BaseWidget
	img   *canvas.Image
	page  render.Page
	scale float64 // Fyne units per point
	goTo  func(path string)
}

func newPageSheet(goTo func(string)) *pageSheet {
	s := &pageSheet{img: canvas.NewImageFromImage(nil), goTo: goTo}
	s.img.FillMode = canvas.ImageFillStretch
	s.img.ScaleMode = canvas.ImageScaleFastest // drawn at the screen's pixels already
	s.ExtendBaseWidget(s)
	return s
}

func (s *pageSheet) set(p render.Page, img image.Image, scale float64) {
	s.page, s.scale = p, scale
	s.img.Image = img
	size := fyne.NewSize(float32(p.Width*scale), float32(p.Height*scale))
	s.img.SetMinSize(size)
	s.img.Refresh()
	s.Refresh()
}

func (s *pageSheet) MinSize() fyne.Size { return s.img.MinSize() }

func (s *pageSheet) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.img)
}

// DoubleTapped goes to the field of the typed value under the pointer. A single click only
// looks (a teacher clicking to read a page was taken away from it).
func (s *pageSheet) DoubleTapped(e *fyne.PointEvent) {
	if path := s.pathAt(e.Position); path != "" {
		s.goTo(path)
	}
}

func (s *pageSheet) pathAt(pos fyne.Position) string {
	if s.scale == 0 {
		return ""
	}
	x, y := float64(pos.X)/s.scale, float64(pos.Y)/s.scale
	for _, b := range s.page.Boxes {
		if b.Kind != render.CellBox && b.Path != "" && x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H {
			return b.Path
		}
	}
	// A click elsewhere in a cell that holds a value goes to that value's field.
	for i, b := range s.page.Boxes {
		if b.Kind == render.CellBox && x >= b.X && x <= b.X+b.W && y >= b.Y && y <= b.Y+b.H {
			for _, t := range s.page.Boxes {
				if t.Cell == i && t.Path != "" {
					return t.Path
				}
			}
		}
	}
	return ""
}

func (s *pageSheet) Cursor() desktop.Cursor { return desktop.PointerCursor }
