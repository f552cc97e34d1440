package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A table row grows with a long value and shrinks again when the value is shortened.
func TestTableRowShrinksWithItsText(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("工作室成员")
	v := h.u.views["members[1].unit"]
	e := h.entry("members[1].unit")
	height := func() float32 {
		h.u.win.Content().Refresh() // a frame: the layout follows the cells' new minimum sizes
		return v.obj.Size().Height
	}
	one := height()
	h.canvas().Focus(v.focus)
	test.Type(e, strings.Repeat("柳州市鱼峰区驾鹤中学", 4))
	tall := height()
	if tall <= one*1.5 {
		t.Fatalf("a long 所在单位 did not make the row taller: %v → %v", one, tall)
	}
	for range 30 {
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	}
	if got := height(); got >= tall {
		t.Errorf("the row stayed %v high after the text was shortened (one line: %v)", got, one)
	}
}
