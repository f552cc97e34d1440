package render

import (
	"slices"
	"testing"
)

func TestParagraphs(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"  第一段 \r\n\r\n\u3000\u3000第二段\n\t\n第三段\r", []string{"第一段", "", "第二段", "", "第三段"}},
		{"\n\n第一段\n\n", []string{"第一段"}},
		{"a\tb", []string{"a b"}},
		{"表情\U0001F600", []string{"表情\U0001F600"}},
		{"", nil},
		{" \n\u3000\n", nil},
	}
	for _, tt := range tests {
		if got := Paragraphs(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
