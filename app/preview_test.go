package app

import (
	"image"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/raster"
)

func TestPreviewTurnsPagesAndZooms(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("预览与导出")
	pv := h.u.preview
	if len(pv.pages) < 2 {
		t.Fatalf("%d pages", len(pv.pages))
	}
	want := "第1页，共" + itoa(len(pv.pages)) + "页"
	if pv.where.Text != want || !pv.prev.Disabled() || pv.next.Disabled() {
		t.Fatalf("%q prev %v next %v", pv.where.Text, pv.prev.Disabled(), pv.next.Disabled())
	}
	size := pv.sheet.MinSize()
	test.Tap(pv.next)
	if pv.index != 1 || !strings.HasPrefix(pv.where.Text, "第2页") {
		t.Errorf("after 下一页: %q", pv.where.Text)
	}
	pv.step(1)
	if got := pv.sheet.MinSize(); got.Width <= size.Width || pv.fit != "" || !strings.HasSuffix(pv.zoomed.Selected, "%") {
		t.Errorf("zoomed in: %v (was %v), %q", got, size, pv.zoomed.Selected)
	}
	img := pv.sheet.img.Image.(*image.RGBA)
	if img.Bounds().Dx() < int(render.PageWidth) {
		t.Errorf("page drawn %d px wide", img.Bounds().Dx())
	}
}

// A double click on a typed value in the preview goes to its field; a single click stays.
func TestPreviewClickGoesToField(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("预览与导出")
	pv := h.u.preview
	var box *render.Box
	for i, b := range pv.pages[0].Boxes {
		if b.Kind == render.TextBox && b.Path == "host.unit" {
			box = &pv.pages[0].Boxes[i]
			break
		}
	}
	if box == nil {
		t.Fatal("no host.unit on page 1")
	}
	s := pv.sheet.scale
	at := fyne.NewPos(float32((box.X+box.W/2)*s), float32((box.Y+box.H/2)*s))
	if tap, ok := any(pv.sheet).(fyne.Tappable); ok {
		test.TapAt(tap, at)
	}
	if h.u.pages[h.u.current].nav != "预览与导出" {
		t.Fatalf("a single click went to %s", h.u.pages[h.u.current].nav)
	}
	pv.sheet.DoubleTapped(&fyne.PointEvent{Position: at})
	if h.u.pages[h.u.current].nav != "主持人" || h.canvas().Focused() != h.u.views["host.unit"].focus {
		t.Errorf("went to %s, focus %T", h.u.pages[h.u.current].nav, h.canvas().Focused())
	}
}

// The preview of a draft with 错误 carries the watermark the export will print.
func TestPreviewOfDraftWithErrorsIsMarked(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.d.Set("host.years", "2")
	h.u.runChecks()
	h.u.showPage("预览与导出")
	found := false
	for _, b := range h.u.preview.pages[0].Boxes {
		found = found || b.Kind == render.WatermarkBox
	}
	if !found {
		t.Error("no watermark on a draft with 错误")
	}
	if !strings.Contains(texts(h.u.content), "还有1个错误") {
		t.Errorf("the export panel does not say what blocks:\n%s", texts(h.u.content))
	}
	// The page shown draws both marks as the PDF prints them: the words in the top margin in
	// their grey, the watermark light grey along the page's diagonal.
	img := h.u.preview.sheet.img.Image.(*image.RGBA)
	scale := float64(img.Bounds().Dx()) / render.PageWidth
	for _, b := range h.u.preview.pages[0].Boxes {
		switch {
		case b.Kind == render.TextBox && b.Text == render.DraftMark:
			checkGreyText(t, img, scale, b)
		case b.Kind == render.WatermarkBox:
			checkWatermark(t, img, scale, b)
		}
	}
}

// grey is the 8-bit value the rasteriser inks a Box.Gray with.
func grey(g float64) uint8 { return uint8(g*255 + 0.5) }

// checkGreyText: a grey text line is inked, and never darker than its grey (black text would
// be).
func checkGreyText(t *testing.T, img *image.RGBA, scale float64, b render.Box) {
	t.Helper()
	if b.Gray <= 0 {
		t.Fatalf("the draft words line is black (Gray %v)", b.Gray)
	}
	darkest, inked := uint8(255), 0
	for y := int(b.Y * scale); y < int((b.Y+b.H)*scale); y++ {
		for x := int(b.X * scale); x < int((b.X+b.W)*scale); x++ {
			c := img.RGBAAt(x, y)
			darkest = min(darkest, c.R)
			if c.R < 250 {
				inked++
			}
		}
	}
	if inked < 50 || darkest < grey(b.Gray)-2 || darkest > grey(b.Gray)+40 {
		t.Errorf("draft words: %d inked pixels, darkest %d, want its grey %d", inked, darkest, grey(b.Gray))
	}
}

// checkWatermark: pixels of exactly the watermark's grey lie in its box turned by its angle
// about its centre, along the whole length of the box; hardly any lie elsewhere (only where
// the edge of black text happens to take that value).
func checkWatermark(t *testing.T, img *image.RGBA, scale float64, b render.Box) {
	t.Helper()
	g := grey(b.Gray)
	a := b.Angle * math.Pi / 180
	cos, sin := math.Cos(a), math.Sin(a)
	in, out := 0, 0
	lo, hi := math.Inf(1), math.Inf(-1) // extent along the text direction, points from the centre
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			if c := img.RGBAAt(x, y); c.R != g || c.G != g || c.B != g {
				continue
			}
			dx, dy := float64(x)/scale-b.X, float64(y)/scale-b.Y
			// The page's y grows downwards; the text turns counter-clockwise.
			along, across := dx*cos-dy*sin, dx*sin+dy*cos
			if math.Abs(along) <= b.W/2+2 && math.Abs(across) <= b.H/2+2 {
				in++
				lo, hi = min(lo, along), max(hi, along)
			} else {
				out++
			}
		}
	}
	if in < 5000 || out*20 > in {
		t.Errorf("watermark: %d pixels of its grey %d inside its turned box, %d outside", in, g, out)
	}
	if lo > -0.4*b.W || hi < 0.4*b.W {
		t.Errorf("watermark inked from %.0f to %.0f pt along its line, want about ±%.0f", lo, hi, b.W/2)
	}
}

// The rasteriser inks where the layout put text and lines, and nowhere in the margins.
func TestRasterDrawsTheBoxes(t *testing.T) {
	pages, err := render.Layout(forms.Sample(forms.Default()), render.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	const scale = 1.5
	img, err := raster.Draw(pages[0], scale)
	if err != nil {
		t.Fatal(err)
	}
	dark := func(x0, y0, x1, y1 float64) int {
		n := 0
		for y := int(y0 * scale); y < int(y1*scale); y++ {
			for x := int(x0 * scale); x < int(x1*scale); x++ {
				if c := img.RGBAAt(x, y); c.R < 128 {
					n++
				}
			}
		}
		return n
	}
	for _, b := range pages[0].Boxes {
		if b.Kind == render.TextBox && b.Text == "柳州市首批“名班主任工作室”申报表" {
			if n := dark(b.X, b.Y, b.X+b.W, b.Y+b.H); n < 200 {
				t.Errorf("title drawn with %d dark pixels", n)
			}
		}
	}
	if n := dark(0, 0, render.MarginLeft-5, render.PageHeight); n != 0 {
		t.Errorf("%d dark pixels in the left margin", n)
	}
	grey := 0
	for _, c := range img.Pix {
		if c > 180 && c < 230 {
			grey++
		}
	}
	if grey < 10000 {
		t.Errorf("watermark grey on %d channel values", grey)
	}
}

// texts is every label and button text inside o.
func texts(o fyne.CanvasObject) string {
	var sb strings.Builder
	walk(o, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *tapLabel:
			sb.WriteString(w.Text + "\n")
		case *widget.Label:
			sb.WriteString(w.Text + "\n")
		case *zhText:
			sb.WriteString(w.Text + "\n")
		case *widget.Button:
			sb.WriteString("[" + w.Text + "]\n")
		}
	})
	return sb.String()
}

// The zoom goes from 25 % to 200 % in steps; 适合宽度 makes the page as wide as the view and
// 适合页面 shows all of it, also after the window changed size.
func TestPreviewZoomRangeAndFit(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("预览与导出")
	pv := h.u.preview
	if pv.zoomed.Selected != fitWidth {
		t.Fatalf("first shown as %q", pv.zoomed.Selected)
	}
	view := pv.scroll.Size()
	if w := pv.sheet.MinSize().Width; w > view.Width || w < view.Width-40 {
		t.Errorf("适合宽度: page %v wide in a view %v wide", w, view.Width)
	}
	pv.zoomed.SetSelected(fitPage)
	if s := pv.sheet.MinSize(); s.Height > view.Height || s.Width > view.Width {
		t.Errorf("适合页面: page %v in a view %v", s, view)
	}
	for i := 0; i < 20; i++ {
		test.Tap(pv.out)
	}
	if pv.zoomed.Selected != "25%" || !pv.out.Disabled() || pv.in.Disabled() {
		t.Errorf("zoomed out to %q (out disabled %v)", pv.zoomed.Selected, pv.out.Disabled())
	}
	for i := 0; i < 20; i++ {
		test.Tap(pv.in)
	}
	if pv.zoomed.Selected != "200%" || !pv.in.Disabled() {
		t.Errorf("zoomed in to %q", pv.zoomed.Selected)
	}
	pv.zoomed.SetSelected(fitPage)
	h.u.win.Resize(fyne.NewSize(1024, 600))
	view = pv.scroll.Size()
	if s := pv.sheet.MinSize(); s.Height > view.Height || s.Width > view.Width {
		t.Errorf("适合页面 after a resize: page %v in a view %v", s, view)
	}
	for _, b := range []*toolButton{pv.prev, pv.next, pv.out, pv.in} {
		if b.Tip == "" {
			t.Error("an icon button without a tooltip")
		}
	}
}
