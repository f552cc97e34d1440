package app

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"shenbao/render/raster"
)

// Switching between blocks (pages already built) must stay well under 50 ms.
func BenchmarkSwitchBlock(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	n := len(h.u.pages) - 2 // the blocks; 检查 and the preview are rebuilt on purpose
	for i := 0; i < n; i++ {
		h.u.show(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.u.show(i % n)
		test.WidgetRenderer(h.u.nav).Layout(h.u.nav.Size())
	}
}

// The first visit of a block builds its page from forms.Default().Blocks.
func BenchmarkFirstVisitOfBlock(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	n := len(h.u.pages) - 2
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%n == 0 {
			h.u.resetViews()
		}
		h.u.show(i % n)
	}
}

// The 检查 page is rebuilt from the findings at each visit.
func BenchmarkCheckPage(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.u.showPage("检查")
	}
}

// A keystroke in a field: the draft, the title, the autosave timer and the debounced check.
func BenchmarkKeystroke(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	h.u.showPage("主持人")
	e := h.entry("host.research")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		test.Type(e, "字")
	}
}

// The checks that run 300 ms after typing stops, with the marks they set.
func BenchmarkRunChecks(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	for i := range h.u.pages[:6] {
		h.u.show(i)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		h.u.runChecks()
	}
}

// Drawing one preview page at 75 % on a 1× screen, off the UI thread.
func BenchmarkRasterPage(b *testing.B) {
	h := newHarness(b, b.TempDir())
	h.u.Start(writeSample(b, b.TempDir()))
	h.u.showPage("预览与导出")
	page := h.u.preview.pages[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := raster.Draw(page, 0.75*pxPerPt); err != nil {
			b.Fatal(err)
		}
	}
}
