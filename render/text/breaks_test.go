package text

import (
	"slices"
	"testing"
)

func TestBreaks(t *testing.T) {
	tests := []struct {
		name string
		para string
		want []int // byte offsets
	}{
		{"empty", "", nil},
		{"one character", "你", nil},
		{"CJK, none before the comma", "你好，世界", []int{3, 9, 12}},
		{"Latin breaks after spaces", "hello big world", []int{6, 10}},
		{"quotes hug their text", "“你好”", []int{6}},
		{"number range is one piece", "2024-2027年", []int{9}},
		{"percent stays with its number", "达到80％以上", []int{3, 6, 11, 14}},
		{"dash pair", "甲——乙", []int{9}},
		{"ellipsis pair", "甲……乙", []int{9}},
		{"opening bracket, even before a space", "甲（ 乙）丙", []int{3, 13}},
		{"middle dot in a name", "艾力·买买提", []int{3, 8, 11, 14}},
		{"leading blanks stay with the first word", "  ab cd", []int{5}},
		{"ideographic space never starts a line", "甲\u3000乙", []int{6}},
		{"stray newline is a break", "甲\n乙", []int{4}},
		{"invalid byte keeps offsets", "甲\xff乙", []int{3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Breaks(tt.para); !slices.Equal(got, tt.want) {
				t.Errorf("Breaks(%q) = %v, want %v", tt.para, got, tt.want)
			}
		})
	}
}
