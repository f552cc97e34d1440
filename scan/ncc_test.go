package scan

import (
	"math"
	"testing"
)

// The correlation, masked or not, is one measure: leaving points out equals correlating the
// points kept.
func TestNCC(t *testing.T) {
	a := []float64{1, 5, 2, 8, 3, 9}
	b := []float64{2, 9, 4, 15, 7, 1}
	neg := make([]float64, len(a))
	for i, v := range a {
		neg[i] = -2*v + 3
	}
	skip := []bool{false, false, false, false, true, true}
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"itself", ncc(a, a), 1},
		{"turned over", ncc(a, neg), -1},
		{"flat", ncc(a, []float64{4, 4, 4, 4, 4, 4}), 0},
		{"masked", nccMasked(a, b, skip), ncc(a[:4], b[:4])},
		{"nothing kept", nccMasked(a, b, []bool{true, true, true, true, true, true}), 0},
	} {
		if math.Abs(tt.got-tt.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if got := ncc(a, b); got <= 0 || got >= 1 {
		t.Errorf("two related signals: %v, want between 0 and 1", got)
	}
}
