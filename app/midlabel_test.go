package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// A name too wide is cut in the middle: its end, which tells photos apart, stays.
func TestMiddleCutKeepsTheEnd(t *testing.T) {
	width := func(s string) float32 { return float32(utf8.RuneCountInString(s)) }
	for _, tt := range []struct {
		in   string
		w    float32
		want string
	}{
		{"IMG_20240720_0106.jpg", 30, "IMG_20240720_0106.jpg"},
		{"IMG_20240720_0106.jpg", 16, "IMG_2…0_0106.jpg"},
		{"IMG_20240720_0107.jpg", 16, "IMG_2…0_0107.jpg"},
		{"柳州市名班主任工作室申报表-柳州市第二十九中学-覃晓岚.docx", 20, "柳州市名班主任…九中学-覃晓岚.docx"},
	} {
		got := middleCut(tt.in, tt.w, width)
		if got != tt.want || width(got) > tt.w && got != tt.in {
			t.Errorf("middleCut(%q, %v) = %q, want %q", tt.in, tt.w, got, tt.want)
		}
		if got != tt.in && !strings.HasSuffix(got, tt.in[len(tt.in)-8:]) {
			t.Errorf("%q lost its end", got)
		}
	}
}
