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

	"shenbao/render"
	"shenbao/render/export"
	"shenbao/render/raster"
)

// Zoom steps of the preview; 1 is the page at its real size on a 96-dpi screen.
var zoomSteps = []float64{0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5, 2}

const defaultZoom = 2 // index of 0.75 in zoomSteps: a whole page width fits a 1366 screen

// pxPerPt is Fyne's unit per point at zoom 1 (96 dpi).
const pxPerPt = 96.0 / 72.0

// preview is the 预览与导出 page: the printed pages as render lays them out (the same model
// the PDF writer draws), one at a time, with page turning and zoom.
type preview struct {
	u      *UI
	pages  []render.Page
	index  int
	zoom   int // index in zoomSteps
	seq    int // bumped for every new drawing; a late one is dropped
	sheet  *pageSheet
	where  *widget.Label
	zoomed *widget.Label
	busy   *widget.Activity
	prev   *widget.Button
	next   *widget.Button
	scroll *container.Scroll
}

func (u *UI) previewPage() fyne.CanvasObject {
	p := u.pageNamed("预览与导出")
	pv := &preview{u: u, zoom: defaultZoom}
	pv.sheet = newPageSheet(func(path string) { u.goTo(path) })
	pv.where = widget.NewLabel("正在排版…")
	pv.zoomed = widget.NewLabel("")
	pv.busy = widget.NewActivity()
	pv.prev = widget.NewButtonWithIcon("上一页", theme.NavigateBackIcon(), func() { pv.turn(-1) })
	pv.next = widget.NewButtonWithIcon("下一页", theme.NavigateNextIcon(), func() { pv.turn(1) })
	out := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { pv.setZoom(pv.zoom - 1) })
	in := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { pv.setZoom(pv.zoom + 1) })
	bar := container.NewHBox(pv.prev, pv.where, pv.next, widget.NewSeparator(), out, pv.zoomed, in, pv.busy)
	desk := canvas.NewRectangle(color.NRGBA{0x9a, 0x9a, 0x9a, 0xff}) // the page lies on a grey desk
	pv.scroll = container.NewScroll(container.NewStack(desk, container.NewPadded(container.NewCenter(pv.sheet))))
	u.preview = pv
	pv.layout()
	body := container.NewBorder(bar, nil, nil, container.New(&fixedWidth{w: 330}, u.exportPanel()), pv.scroll)
	return pageFrame(p, "预览与导出", "下面是打印出来的样子（与导出的 PDF 相同）。点页面上填写的内容，可以转到那一项去修改。", body, false)
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
	zoom := zoomSteps[pv.zoom]
	scale := zoom * pxPerPt * float64(pv.u.win.Canvas().Scale())
	pv.where.SetText("第 " + itoa(pv.index+1) + " 页，共 " + itoa(len(pv.pages)) + " 页")
	pv.zoomed.SetText(itoa(int(zoom*100+0.5)) + "%")
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

func (pv *preview) setZoom(z int) {
	if z >= 0 && z < len(zoomSteps) {
		pv.zoom = z
		pv.draw()
	}
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

// Tapped finds the typed value under the pointer.
func (s *pageSheet) Tapped(e *fyne.PointEvent) {
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
