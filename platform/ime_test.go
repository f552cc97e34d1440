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
		{"100 %", 200, 150, 20, 1, Caret{X: 200, Y: 150, W: 1, H: 20}, 200, 170},
		{"125 %", 200, 150, 20, 1.25, Caret{X: 250, Y: 187, W: 1, H: 26}, 250, 213}, // 187.5 down, 212.5 up
		{"150 %", 10.5, 33.3, 19.5, 1.5, Caret{X: 15, Y: 49, W: 2, H: 31}, 15, 80},  // 15.75, 49.95, 79.2 → 80−49
		{"fractional", 0.4, 0.4, 0.2, 1, Caret{X: 0, Y: 0, W: 1, H: 1}, 0, 1},
		{"200 %", 1, 2, 3, 2, Caret{X: 2, Y: 4, W: 2, H: 6}, 2, 10},
		{"left of the window", -5, -3, 20, 1, Caret{X: 0, Y: 0, W: 1, H: 17}, 0, 17},
		{"no scale", 100, 50, 20, 0, Caret{X: 100, Y: 50, W: 1, H: 20}, 100, 70},
		{"NaN scale", 100, 50, 20, nan, Caret{X: 100, Y: 50, W: 1, H: 20}, 100, 70},
		{"NaN position", nan, nan, 20, 1, Caret{X: 0, Y: 0, W: 1, H: 1}, 0, 1},
		{"huge", 1e9, 1e9, 20, 1, Caret{X: 1 << 20, Y: 1 << 20, W: 1, H: 1}, 1 << 20, 1<<20 + 1},
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
