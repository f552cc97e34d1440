package app

import (
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shenbao/forms"
	"shenbao/photo"
)

// writePicture writes a w×h PNG: a grey background with a dark disc where a face would be.
func writePicture(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{200, 200, 210, 255}
			if math.Hypot(float64(x-w/3), float64(y-h/2)) < float64(h)/6 {
				c = color.RGBA{60, 40, 30, 255}
			}
			img.Set(x, y, c)
		}
	}
	p := filepath.Join(t.TempDir(), "照片.png")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	return p
}

func (h *harness) cropFrame() *cropFrame {
	h.t.Helper()
	var cf *cropFrame
	for _, o := range h.canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if c, ok := o.(*cropFrame); ok {
				cf = c
			}
		})
	}
	if cf == nil {
		h.t.Fatalf("no crop frame open:\n%s", h.overlayTexts())
	}
	return cf
}

// Choosing a picture works off the UI thread with a busy indicator, opens the 25:35 frame,
// and the framed photo shows on the 主持人 page at once.
func TestChoosePhotoFrameAndShow(t *testing.T) {
	h := newHarness(t, "")
	var queued []func()
	h.u.env.Go = func(f func()) { queued = append(queued, f) } // run when the test says
	run := func() {
		for len(queued) > 0 {
			f := queued[0]
			queued = queued[1:]
			f()
		}
	}
	h.u.Start("")
	h.u.showPage("主持人")
	h.files.open = writePicture(t, 1000, 800)
	test.Tap(h.u.photo.choose)
	if !h.u.photo.busy.Visible() || !h.u.photo.choose.Disabled() {
		t.Fatal("no busy indicator while the picture is read")
	}
	run()
	if h.u.photo.busy.Visible() {
		t.Error("still busy after reading")
	}
	cf := h.cropFrame()
	c := cf.Crop()
	if math.Abs(c.W*1000/(c.H*800)-5.0/7) > 1e-9 {
		t.Fatalf("frame %v is not 5:7 in pixels", c)
	}
	cf.setZoom(0.5)
	cf.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(-1000, 0)}) // to the left edge
	c = cf.Crop()
	if c.X != 0 || math.Abs(c.H-0.6) > 1e-9 { // half way from the whole height to a fifth of it
		t.Fatalf("after zoom and drag: %+v", c)
	}
	h.tapButton("使用这个范围")
	run()
	p := h.u.d.Photo
	if p == nil || p.MIME != photo.MIME {
		t.Fatalf("photo %+v", p)
	}
	if wantH := int(math.Round(c.H * 800)); abs(p.SourceHeight-wantH) > 2 {
		t.Errorf("source height %d, want about %d (the frame)", p.SourceHeight, wantH)
	}
	if h.u.photo.img.Image == nil || h.u.photo.empty.Visible() {
		t.Error("the 主持人 page does not show the photo")
	}
	if !h.u.dirty {
		t.Error("not marked unsaved")
	}
}

func TestRefusedPictureShowsThePipelinesMessage(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	p := filepath.Join(t.TempDir(), "不是图片.jpg")
	os.WriteFile(p, []byte("这不是图片，只是几个字。"), 0o644)
	h.files.open = p
	test.Tap(h.u.photo.choose)
	text := h.overlayTexts()
	if !strings.Contains(text, "不能使用这张照片") || !strings.Contains(text, "不是图片") {
		t.Errorf("dialog:\n%s", text)
	}
	if h.u.d.Photo != nil || h.u.dirty {
		t.Error("a refused picture changed the draft")
	}
}

func TestCropFrameStaysInsideThePicture(t *testing.T) {
	for _, size := range []image.Point{{1000, 800}, {600, 1600}, {413, 413}} {
		cf := newCropFrame(image.NewRGBA(image.Rectangle{Max: size}))
		cf.Resize(fyne.NewSize(400, 400))
		for _, d := range []fyne.Delta{{DX: 5000}, {DY: 5000}, {DX: -9000, DY: -9000}} {
			cf.setZoom(0.7)
			cf.Dragged(&fyne.DragEvent{Dragged: d})
			c := cf.Crop()
			if c.X < 0 || c.Y < 0 || c.X+c.W > 1+1e-9 || c.Y+c.H > 1+1e-9 {
				t.Errorf("%v drag %v: crop %+v outside", size, d, c)
			}
		}
		cf.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10000)})
		if z := cf.zoom(); z != 1 {
			t.Errorf("%v: zoom %v after a long scroll up, want the smallest frame", size, z)
		}
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// The 方框大小 slider grows the frame to the right of the slider, about the frame's centre.
func TestCropSliderGrowsTheFrameAboutItsCentre(t *testing.T) {
	h := newHarness(t, "")
	cf := h.u.cropDialog(image.NewRGBA(image.Rect(0, 0, 1000, 1000)), func(photo.Crop) {})
	if cf.slider.Value != 100 {
		t.Fatalf("slider starts at %v for the largest frame", cf.slider.Value)
	}
	cf.slider.SetValue(20) // small
	c0 := cf.Crop()
	cx, cy := c0.X+c0.W/2, c0.Y+c0.H/2
	cf.slider.SetValue(60) // to the right: larger
	c1 := cf.Crop()
	if c1.H <= c0.H {
		t.Fatalf("to the right the frame shrank: %v → %v", c0.H, c1.H)
	}
	if math.Abs(c1.X+c1.W/2-cx) > 1e-9 || math.Abs(c1.Y+c1.H/2-cy) > 1e-9 {
		t.Errorf("the frame grew off its centre: %+v → %+v", c0, c1)
	}
	cf.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 40)}) // wheel up: smaller
	if cf.slider.Value >= 60 {
		t.Errorf("the slider did not follow the wheel: %v", cf.slider.Value)
	}
}

// A photo framed tightly, saved and opened again can be framed wider: the draft keeps a
// reduced copy of the picture (within its bounds) and the frame on it, and 调整位置和大小…
// opens on that copy where the frame was.
func TestReopenedPhotoCanBeFramedWider(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	h.u.Start("")
	h.u.showPage("主持人")
	h.files.open = writePicture(t, 2400, 1800)
	test.Tap(h.u.photo.choose)
	cf := h.cropFrame()
	cf.setZoom(0.8)
	tight := cf.Crop()
	h.tapButton("使用这个范围")
	src := h.u.d.Photo.Source
	if src == nil {
		t.Fatal("no copy of the picture kept with the photo")
	}
	if got := [4]float64{tight.X, tight.Y, tight.W, tight.H}; math.Abs(got[2]-src.Crop[2]) > 1e-6 || math.Abs(got[3]-src.Crop[3]) > 1e-6 {
		t.Errorf("kept frame %v, chosen %v", src.Crop, got)
	}
	if len(src.Data) > forms.MaxSourceChars {
		t.Errorf("kept copy is %d characters", len(src.Data))
	}
	path := filepath.Join(dir, "草稿.json")
	if err := h.u.d.Save(path); err != nil {
		t.Fatal(err)
	}

	h2 := newHarness(t, "")
	h2.u.Start(path)
	h2.u.showPage("主持人")
	test.Tap(h2.u.photo.adjust)
	cf2 := h2.cropFrame()
	if c := cf2.Crop(); math.Abs(c.H-tight.H) > 0.01 || math.Abs(c.X-tight.X) > 0.01 {
		t.Errorf("reopened frame %+v, was %+v", c, tight)
	}
	cf2.setZoom(0) // the whole height again: wider than the stored photo could give
	wide := cf2.Crop()
	if wide.H < 0.99 {
		t.Fatalf("frame could not be widened: %+v", wide)
	}
	h2.tapButton("使用这个范围")
	if p := h2.u.d.Photo; p == nil || p.Source == nil || p.Source.Crop[3] < 0.99 || p.Source.Data != src.Data {
		t.Errorf("after widening: %+v", p.Source)
	}
}
