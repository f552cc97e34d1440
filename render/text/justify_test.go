package text

import (
	"math"
	"slices"
	"testing"
)

func TestJustify(t *testing.T) {
	tests := []struct {
		name           string
		line           string
		natural, width float64
		want           []float64
	}{
		{"CJK: every gap between characters", "一二三四", 40, 46, []float64{2, 2, 2, 0}},
		{"already full", "一二三四", 40, 40, []float64{0, 0, 0, 0}},
		{"wider than the width", "一二三四", 40, 30, []float64{0, 0, 0, 0}},
		{"Latin: spaces only", "ab cd ef", 40, 46, []float64{0, 0, 3, 0, 0, 3, 0, 0}},
		{"trailing spaces get nothing", "ab cd ", 25, 31, []float64{0, 0, 6, 0, 0, 0}},
		{"Latin without spaces: between letters", "abcd", 20, 26, []float64{2, 2, 2, 0}},
		{"mixed: CJK gaps and spaces", "用Go写", 30, 34, []float64{2, 0, 2, 0}},
		{"dash pair is not opened", "甲——乙", 40, 46, []float64{3, 0, 3, 0}},
		{"leading indent keeps its width", "\u3000\u3000一二三", 50, 52, []float64{0, 0, 1, 1, 0}},
		{"combining mark stays on its base", "e\u0301f", 10, 12, []float64{0, 2, 0}},
		{"single character", "一", 10, 20, []float64{0}},
		{"empty line", "", 0, 20, []float64{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Justify(tt.line, tt.natural, tt.width)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Justify(%q, %v, %v) = %v, want %v", tt.line, tt.natural, tt.width, got, tt.want)
			}
		})
	}
}

// Justified lines of a real paragraph end exactly at the width.
func TestJustifyFillsWidth(t *testing.T) {
	para := benchParagraph(t, 600)
	const width = 17.5 * size
	for _, l := range Wrap(para, width, 0, size, mono{}) {
		if l.Last {
			continue
		}
		extra := Justify(para[l.Start:l.End], l.Width, width)
		total := l.Width
		for _, e := range extra {
			total += e
		}
		if math.Abs(total-width) > 1e-9 {
			t.Errorf("line %q justified to %v, want %v", para[l.Start:l.End], total, width)
		}
	}
}
