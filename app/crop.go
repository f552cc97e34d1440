package app

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/photo"
)

// The photo's shape: 25 × 35 mm.
const photoAspect = 5.0 / 7.0

// cropDialog lets the user place a 25:35 frame on the picture; done gets the frame.
func (u *UI) cropDialog(img image.Image, done func(photo.Crop)) *cropFrame {
	return u.cropDialogAt(img, nil, done)
}

// cropDialogAt is cropDialog with the frame where it was last time (nil: the largest 5:7 part
// of the centre).
func (u *UI) cropDialogAt(img image.Image, at *photo.Crop, done func(photo.Crop)) *cropFrame {
	cf := newCropFrame(img)
	if at != nil {
		cf.place(*at)
	}
	preview := canvas.NewImageFromImage(cf.cropped())
	preview.FillMode = canvas.ImageFillStretch
	preview.ScaleMode = canvas.ImageScaleSmooth
	// The slider is the frame's size, as its label says: to the right the frame grows, about
	// its centre (it moves only where the picture's edge stops it).
	slider := widget.NewSlider(0, 100)
	slider.Value = 100
	syncing := false
	slider.OnChanged = func(v float64) {
		if !syncing {
			cf.setZoom(1 - v/100)
		}
	}
	cf.onChange = func() {
		preview.Image = cf.cropped()
		preview.Refresh()
		syncing = true
		slider.SetValue((1 - cf.zoom()) * 100)
		syncing = false
	}
	cf.slider = slider
	help := wrapped("拖动方框，把头像放在框里；滚动鼠标滚轮或拖动下面的滑块改变方框大小。框里的部分就是打印出来的照片。")
	right := container.NewVBox(widget.NewLabel("打印效果"),
		container.New(&fixedSize{fyne.NewSize(photoW, photoH)}, preview))
	bottom := container.NewBorder(nil, nil, widget.NewLabel("方框大小"), nil, slider)
	content := container.NewBorder(help, bottom, nil, container.NewPadded(right), cf)
	var m *modal
	use := func() {
		m.hide()
		done(cf.Crop())
	}
	ok := widget.NewButtonWithIcon("使用这个范围", theme.ConfirmIcon(), use)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("取消", theme.CancelIcon(), func() { m.hide() })
	m = newModal(u.win, "调整照片", content, []fyne.CanvasObject{cancel, ok}, fyne.NewSize(820, 600))
	m.primary = use
	m.show()
	return cf
}

// cropFrame shows the whole picture with a 5:7 frame over it, the rest dimmed. Dragging moves
// the frame; the mouse wheel or setZoom sizes it.
type cropFrame struct {
	widget.BaseWidget
	img     image.Image
	iw, ih  float64
	x, y, h float64        // the frame in picture pixels; its width is h × 5/7
	slider  *widget.Slider // 方框大小, for tests
	// onChange is called after every move or resize, on the UI thread.
	onChange func()
}

func newCropFrame(img image.Image) *cropFrame {
	b := img.Bounds()
	c := &cropFrame{img: img, iw: float64(b.Dx()), ih: float64(b.Dy())}
	c.h = c.maxH()
	c.x, c.y = (c.iw-c.w())/2, (c.ih-c.h)/2
	c.ExtendBaseWidget(c)
	return c
}

func (c *cropFrame) w() float64 { return c.h * photoAspect }

// place puts the frame where a crop (fractions of the picture) says, kept inside the picture
// and within the sizes offered.
func (c *cropFrame) place(cr photo.Crop) {
	c.h = min(max(cr.H*c.ih, c.minH()), c.maxH())
	c.x = min(max(cr.X*c.iw, 0), c.iw-c.w())
	c.y = min(max(cr.Y*c.ih, 0), c.ih-c.h)
}

// maxH is the tallest 5:7 frame that fits the picture; minH the smallest offered, a fifth.
func (c *cropFrame) maxH() float64 { return min(c.ih, c.iw/photoAspect) }
func (c *cropFrame) minH() float64 { return c.maxH() / 5 }

// Crop is the frame in fractions of the picture, as photo.Process takes it.
func (c *cropFrame) Crop() photo.Crop {
	return photo.Crop{X: c.x / c.iw, Y: c.y / c.ih, W: c.w() / c.iw, H: c.h / c.ih}
}

// zoom is 0 for the largest frame and 1 for the smallest.
func (c *cropFrame) zoom() float64 { return (c.maxH() - c.h) / (c.maxH() - c.minH()) }

// setZoom resizes the frame about its centre.
func (c *cropFrame) setZoom(z float64) {
	z = min(max(z, 0), 1)
	cx, cy := c.x+c.w()/2, c.y+c.h/2
	c.h = c.maxH() - z*(c.maxH()-c.minH())
	c.x, c.y = cx-c.w()/2, cy-c.h/2
	c.changed()
}

// moveBy moves the frame by screen pixels.
func (c *cropFrame) moveBy(dx, dy float32) {
	s, _, _ := c.fit(c.Size())
	if s <= 0 {
		return
	}
	c.x += float64(dx) / s
	c.y += float64(dy) / s
	c.changed()
}

func (c *cropFrame) changed() {
	c.x = min(max(c.x, 0), c.iw-c.w())
	c.y = min(max(c.y, 0), c.ih-c.h)
	c.Refresh()
	if c.onChange != nil {
		c.onChange()
	}
}

func (c *cropFrame) Dragged(e *fyne.DragEvent) { c.moveBy(e.Dragged.DX, e.Dragged.DY) }
func (c *cropFrame) DragEnd()                  {}

// Scrolled: the wheel up makes the frame smaller (zooms in on the face).
func (c *cropFrame) Scrolled(e *fyne.ScrollEvent) { c.setZoom(c.zoom() + float64(e.Scrolled.DY)/400) }

// cropped is the part of the picture inside the frame, for the live preview.
func (c *cropFrame) cropped() image.Image {
	b := c.img.Bounds()
	r := image.Rect(int(c.x), int(c.y), int(c.x+c.w()), int(c.y+c.h)).Add(b.Min).Intersect(b)
	if si, ok := c.img.(interface {
		SubImage(image.Rectangle) image.Image
	}); ok {
		return si.SubImage(r)
	}
	return c.img
}

// fit is the scale and offset that show the whole picture in size.
func (c *cropFrame) fit(size fyne.Size) (s float64, ox, oy float32) {
	if c.iw == 0 || c.ih == 0 {
		return 0, 0, 0
	}
	s = min(float64(size.Width)/c.iw, float64(size.Height)/c.ih)
	return s, (size.Width - float32(c.iw*s)) / 2, (size.Height - float32(c.ih*s)) / 2
}

func (c *cropFrame) MinSize() fyne.Size { return fyne.NewSize(360, 360) }

func (c *cropFrame) CreateRenderer() fyne.WidgetRenderer {
	r := &cropRenderer{c: c, img: canvas.NewImageFromImage(c.img)}
	r.img.FillMode = canvas.ImageFillStretch
	r.img.ScaleMode = canvas.ImageScaleSmooth
	dim := color.NRGBA{0, 0, 0, 140}
	for i := range r.shade {
		r.shade[i] = canvas.NewRectangle(dim)
	}
	r.border = canvas.NewRectangle(color.Transparent)
	r.border.StrokeColor = theme.Color(theme.ColorNamePrimary) // visible on light and dark pictures
	r.border.StrokeWidth = 3
	return r
}

type cropRenderer struct {
	c      *cropFrame
	img    *canvas.Image
	shade  [4]*canvas.Rectangle
	border *canvas.Rectangle
}

func (r *cropRenderer) Layout(size fyne.Size) {
	s, ox, oy := r.c.fit(size)
	pw, ph := float32(r.c.iw*s), float32(r.c.ih*s)
	r.img.Move(fyne.NewPos(ox, oy))
	r.img.Resize(fyne.NewSize(pw, ph))
	fx, fy := ox+float32(r.c.x*s), oy+float32(r.c.y*s)
	fw, fh := float32(r.c.w()*s), float32(r.c.h*s)
	place := func(o fyne.CanvasObject, x, y, w, h float32) {
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(max(w, 0), max(h, 0)))
	}
	place(r.shade[0], ox, oy, pw, fy-oy)          // above the frame
	place(r.shade[1], ox, fy+fh, pw, oy+ph-fy-fh) // below
	place(r.shade[2], ox, fy, fx-ox, fh)          // left
	place(r.shade[3], fx+fw, fy, ox+pw-fx-fw, fh) // right
	place(r.border, fx, fy, fw, fh)
}

func (r *cropRenderer) MinSize() fyne.Size { return r.c.MinSize() }

func (r *cropRenderer) Refresh() {
	r.Layout(r.c.Size())
	// The picture itself does not change: refreshing it would upload it again at every step
	// of a drag.
	for _, o := range r.shade {
		o.Refresh()
	}
	r.border.Refresh()
}

func (r *cropRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.img, r.shade[0], r.shade[1], r.shade[2], r.shade[3], r.border}
}

func (r *cropRenderer) Destroy() {}
