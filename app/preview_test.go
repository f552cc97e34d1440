package app

import (
	"image"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/render"
)

func TestPreviewTurnsPagesAndZooms(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("预览与导出")
	pv := h.u.preview
	if len(pv.pages) < 2 {
		t.Fatalf("%d pages", len(pv.pages))
	}
	want := "第 1 页，共 " + itoa(len(pv.pages)) + " 页"
	if pv.where.Text != want || !pv.prev.Disabled() || pv.next.Disabled() {
		t.Fatalf("%q prev %v next %v", pv.where.Text, pv.prev.Disabled(), pv.next.Disabled())
	}
	size := pv.sheet.MinSize()
	test.Tap(pv.next)
	if pv.index != 1 || !strings.HasPrefix(pv.where.Text, "第 2 页") {
		t.Errorf("after 下一页: %q", pv.where.Text)
	}
	pv.setZoom(pv.zoom + 1)
	if got := pv.sheet.MinSize(); got.Width <= size.Width || pv.zoomed.Text != "90%" {
		t.Errorf("zoomed in: %v (was %v), %q", got, size, pv.zoomed.Text)
	}
	img := pv.sheet.img.Image.(*image.RGBA)
	if img.Bounds().Dx() < int(render.PageWidth) {
		t.Errorf("page drawn %d px wide", img.Bounds().Dx())
	}
}

// A click on a typed value in the preview goes to its field.
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
	test.TapAt(pv.sheet, fyne.NewPos(float32((box.X+box.W/2)*s), float32((box.Y+box.H/2)*s)))
	if h.u.pages[h.u.current].nav != "主持人" || h.canvas().Focused() != h.entry("host.unit") {
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
	if !strings.Contains(texts(h.u.content), "还有 1 个错误") {
		t.Errorf("the export panel does not say what blocks:\n%s", texts(h.u.content))
	}
}

// The rasteriser inks where the layout put text and lines, and nowhere in the margins.
func TestRasterDrawsTheBoxes(t *testing.T) {
	pages, err := render.Layout(forms.Sample(), render.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	r, err := pageRasterizer()
	if err != nil {
		t.Fatal(err)
	}
	const scale = 1.5
	img := r.draw(pages[0], scale)
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
