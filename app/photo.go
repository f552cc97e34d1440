package app

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	_ "image/jpeg" // the stored photo
	_ "image/png"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/photo"
)

// Sizes of the photo on screen: 25×35 mm, as printed.
const (
	photoW = 125
	photoH = 175
	// previewSide bounds the picture shown in the crop frame: enough to judge a face,
	// small enough to move smoothly.
	previewSide = 1200
	// maxPictureFile is the largest picture file read at all; photo refuses beyond 50 MB
	// anyway, this only keeps a wrong choice (a video) from filling the memory.
	maxPictureFile = 64 << 20
)

// photoPanel is the 近期1寸照片 cell of the 主持人 page: the photo as stored, and buttons to
// choose a picture, adjust its frame and remove it.
type photoPanel struct {
	u      *UI
	path   string
	frame  *fyne.Container
	img    *canvas.Image
	empty  fyne.CanvasObject
	busy   *widget.Activity
	msg    *msgLine
	choose *widget.Button
	adjust *widget.Button
	remove *widget.Button
}

// photoState is the photo work of the session, kept by the UI so that a picture dropped on
// the window works before the 主持人 page was ever shown.
type photoState struct {
	source  []byte // the picture chosen in this session: re-framing starts from it
	working bool   // a picture is being read or processed
}

func (u *UI) newPhotoPanel(b *forms.Block, f forms.Field) fyne.CanvasObject {
	pp := &photoPanel{u: u, path: forms.Path(*b, f, 0)}
	pp.img = canvas.NewImageFromImage(nil)
	pp.img.FillMode = canvas.ImageFillContain
	pp.img.ScaleMode = canvas.ImageScaleSmooth
	border := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	border.StrokeColor = theme.Color(theme.ColorNameForeground)
	border.StrokeWidth = 1
	placeholder := widget.NewLabel(f.Label) // 近期 / 1寸照片, as the empty cell prints it
	placeholder.Alignment = fyne.TextAlignCenter
	pp.empty = container.NewCenter(placeholder)
	pp.busy = widget.NewActivity()
	pp.busy.Hide()
	pp.frame = container.New(&fixedSize{fyne.NewSize(photoW, photoH)}, border, pp.img, pp.empty, container.NewCenter(pp.busy))
	pp.choose = widget.NewButtonWithIcon("选择照片…", theme.FileImageIcon(), u.pickPhoto)
	pp.choose.Importance = widget.HighImportance
	pp.adjust = widget.NewButtonWithIcon("调整位置和大小…", theme.ViewFullScreenIcon(), u.reframePhoto)
	pp.remove = widget.NewButtonWithIcon("删除照片", theme.DeleteIcon(), u.askRemovePhoto)
	pp.msg = messageLabel()
	u.photo = pp
	u.views[pp.path] = &fieldView{path: pp.path, obj: pp.frame, focus: pp.choose, msg: pp.msg}
	pp.refresh()
	title := widget.NewLabel(f.Name())
	title.Alignment = fyne.TextAlignCenter
	box := container.NewVBox(title, container.NewCenter(pp.frame), pp.choose, pp.adjust, pp.remove, pp.msg,
		note("照片会裁成 25×35 毫米（宽:高 = 5:7）。也可以把图片文件拖到窗口里。"))
	return container.New(&fixedWidth{w: 250}, box)
}

// refresh shows the draft's photo and the buttons that apply.
func (pp *photoPanel) refresh() {
	img := storedPhoto(pp.u.d.Photo)
	pp.img.Image = img
	pp.img.Refresh()
	if img == nil {
		pp.empty.Show()
	} else {
		pp.empty.Hide()
	}
	for _, b := range []*widget.Button{pp.choose, pp.adjust, pp.remove} {
		b.Enable()
	}
	working := pp.u.photoWork.working
	if img == nil || working {
		pp.adjust.Disable()
		pp.remove.Disable()
	}
	if working {
		pp.choose.Disable()
		pp.busy.Show()
		pp.busy.Start()
	} else {
		pp.busy.Stop()
		pp.busy.Hide()
	}
}

// storedPhoto decodes the draft's photo for the screen; nil when there is none or it is not
// a picture (the checks say so).
func storedPhoto(p *forms.Photo) image.Image {
	if p == nil || p.Data == "" {
		return nil
	}
	data, err := forms.PhotoBytes(p)
	if err != nil {
		return nil
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return img
}

func (u *UI) pickPhoto() {
	u.env.Files.OpenFile(u.win, "选择照片", u.set.lastDir(dirPhoto, u.set.OpenDir), pictureFiles, func(path string) {
		if path != "" {
			u.usedDir(dirPhoto, filepath.Dir(path))
			u.loadPicture(path)
		}
	})
}

// loadPicture reads a picture off the UI thread (a 40-megapixel HEIC takes seconds), then
// lets the user frame it.
func (u *UI) loadPicture(path string) {
	u.photoBusy(true)
	done := u.reading("正在读取照片“" + filepath.Base(path) + "”…")
	u.env.Go(func() {
		data, err := readPicture(path)
		var preview image.Image
		if err == nil {
			preview, err = photo.DecodePreview(data, previewSide)
		}
		fyne.Do(func() { done(); u.pictureRead(data, preview, err) })
	})
}

// reading shows what is being read, with a moving bar, until the returned func is called: a
// large photo takes seconds to decode, and a spinner alone says nothing.
func (u *UI) reading(what string) func() {
	busy := widget.NewProgressBarInfinite()
	wait := newModal(u.win, "请稍候", container.NewVBox(widget.NewLabel(what), busy), nil, fyne.NewSize(380, 0))
	wait.show()
	return func() {
		busy.Stop()
		wait.hide()
	}
}

// pictureRead opens the frame on a picture that was read, or says why it cannot be used.
func (u *UI) pictureRead(data []byte, preview image.Image, err error) {
	u.pictureShown(data, preview, nil, nil, err)
}

// pictureShown opens the frame on a picture, at a frame chosen before (nil: the centre); kept
// is the reduced copy the draft holds when data is that copy (nil: data is the picture itself,
// and a copy of it is made for the draft).
func (u *UI) pictureShown(data []byte, preview image.Image, at *photo.Crop, kept *forms.PhotoSource, err error) {
	u.photoBusy(false)
	if err != nil {
		showMessage(u.win, "不能使用这张照片", photoMessage(err))
		return
	}
	if kept == nil {
		u.photoWork.source = data
	}
	u.cropDialogAt(preview, at, func(c photo.Crop) { u.processPhoto(data, &c, kept) })
}

func readPicture(path string) ([]byte, error) {
	data, err := forms.ReadRegular(path, maxPictureFile) // never a FIFO, a device or a folder
	if errors.Is(err, forms.ErrFileTooLarge) {
		return nil, photo.ErrTooLarge
	}
	return data, err
}

// photoMessage is the pipeline's Chinese message, or the file's for a file that cannot be read.
func photoMessage(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fileProblem(err)
	}
	return photo.Message(err)
}

// reframePhoto opens the frame again, where it was: on the picture chosen in this session,
// else on the reduced copy of it the draft keeps (so the frame can be made wider again),
// else, for a draft from before copies were kept, on the stored photo itself.
func (u *UI) reframePhoto() {
	data := u.photoWork.source
	var at *photo.Crop
	var kept *forms.PhotoSource
	if p := u.d.Photo; p != nil && p.Source != nil {
		c := p.Source.Crop
		at = &photo.Crop{X: c[0], Y: c[1], W: c[2], H: c[3]}
		if data == nil {
			if d, err := base64.StdEncoding.DecodeString(p.Source.Data); err == nil {
				data, kept = d, p.Source
			}
		}
	}
	if data == nil {
		d, err := forms.PhotoBytes(u.d.Photo)
		if err != nil || len(d) == 0 {
			return
		}
		data, at = d, nil
	}
	u.photoBusy(true)
	done := u.reading("正在读取照片…")
	u.env.Go(func() {
		preview, err := photo.DecodePreview(data, previewSide)
		fyne.Do(func() { done(); u.pictureShown(data, preview, at, kept, err) })
	})
}

// processPhoto makes the stored photo from the picture and the frame, off the UI thread, and
// keeps a reduced copy of the picture with the frame on it (kept: the copy data already is).
func (u *UI) processPhoto(data []byte, c *photo.Crop, kept *forms.PhotoSource) {
	u.photoBusy(true)
	u.env.Go(func() {
		res, err := photo.Process(data, c)
		var src *forms.PhotoSource
		if err == nil {
			src = keptSource(data, kept, *c)
		}
		fyne.Do(func() {
			u.photoBusy(false)
			if err != nil {
				showMessage(u.win, "不能使用这张照片", photoMessage(err))
				return
			}
			u.setPhoto(&forms.Photo{MIME: photo.MIME, Data: base64.StdEncoding.EncodeToString(res.JPEG),
				SourceWidth: res.SourceWidth, SourceHeight: res.SourceHeight, Source: src})
		})
	})
}

// keptSource is the reduced copy of the picture to keep with its new frame: the one kept
// already, or one made now. nil when none can be made (the photo is kept without it).
func keptSource(data []byte, kept *forms.PhotoSource, c photo.Crop) *forms.PhotoSource {
	frame := [4]float64{c.X, c.Y, c.W, c.H}
	if kept != nil {
		return &forms.PhotoSource{MIME: kept.MIME, Data: kept.Data, Crop: frame}
	}
	small, err := photo.Source(data)
	if err != nil {
		return nil
	}
	return &forms.PhotoSource{MIME: photo.MIME, Data: base64.StdEncoding.EncodeToString(small), Crop: frame}
}

func (u *UI) askRemovePhoto() {
	ask(u.win, "删除照片？", wrapped("要从草稿中删除照片吗？"),
		choice{text: "取消"}, choice{text: "删除", primary: true, do: func() {
			u.photoWork.source = nil
			u.setPhoto(nil)
		}})
}

func (u *UI) photoBusy(on bool) {
	u.photoWork.working = on
	if u.photo != nil {
		u.photo.refresh()
	}
}

// setPhoto stores a new photo (nil: none) in the draft.
func (u *UI) setPhoto(p *forms.Photo) {
	u.d.Photo = p
	u.shown[u.photoPath()] = true // a photo is set in one step: its findings show at once
	if u.photo != nil {
		u.photo.refresh()
	}
	u.changed()
	u.runChecks()
}

// photoPath is the path of the form's Picture field ("<block>.<field>"), "" when it has none.
func (u *UI) photoPath() string {
	for _, b := range u.form.Blocks {
		for _, f := range b.Fields {
			if f.Kind == forms.Picture {
				return forms.Path(b, f, 0)
			}
		}
	}
	return ""
}

// fixedSize gives every object the same fixed size.
type fixedSize struct{ s fyne.Size }

func (l *fixedSize) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	for _, o := range objs {
		o.Resize(l.s)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return l.s }
