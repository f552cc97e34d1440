package platform

import (
	"math"
	"testing"
)

func TestCaretPixels(t *testing.T) {
	nan := float32(math.NaN())
	tests := []struct {
		name         string
		x, y, h, s   float32
		want         Caret
		candX, candY int
	}{
		{"100 %", 200, 150, 20, 1, Caret{200, 150, 1, 20}, 200, 170},
		{"125 %", 200, 150, 20, 1.25, Caret{250, 187, 1, 26}, 250, 213}, // 187.5 down, 212.5 up
		{"150 %", 10.5, 33.3, 19.5, 1.5, Caret{15, 49, 2, 31}, 15, 80},  // 15.75, 49.95, 79.2 → 80−49
		{"fractional", 0.4, 0.4, 0.2, 1, Caret{0, 0, 1, 1}, 0, 1},
		{"200 %", 1, 2, 3, 2, Caret{2, 4, 2, 6}, 2, 10},
		{"left of the window", -5, -3, 20, 1, Caret{0, 0, 1, 17}, 0, 17},
		{"no scale", 100, 50, 20, 0, Caret{100, 50, 1, 20}, 100, 70},
		{"NaN scale", 100, 50, 20, nan, Caret{100, 50, 1, 20}, 100, 70},
		{"NaN position", nan, nan, 20, 1, Caret{0, 0, 1, 1}, 0, 1},
		{"huge", 1e9, 1e9, 20, 1, Caret{1 << 20, 1 << 20, 1, 1}, 1 << 20, 1<<20 + 1},
	}
	for _, tt := range tests {
		got := CaretPixels(tt.x, tt.y, tt.h, tt.s)
		if got != tt.want {
			t.Errorf("%s: CaretPixels(%v, %v, %v, %v) = %+v, want %+v", tt.name, tt.x, tt.y, tt.h, tt.s, got, tt.want)
		}
		if x, y := got.CandidatePoint(); x != tt.candX || y != tt.candY {
			t.Errorf("%s: CandidatePoint = %d,%d, want %d,%d", tt.name, x, y, tt.candX, tt.candY)
		}
	}
}
