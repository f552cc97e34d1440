package render

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
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

// A one-line heading of a long text (第三阶段：…) is never the last line on a page: it goes on
// to the next page with the paragraph it heads.
func TestHeadingKeepsWithNext(t *testing.T) {
	d := forms.Sample(forms.Default())
	var sb strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&sb, "第%d阶段：工作重点\n%s\n", i, strings.Repeat("开展主题班会课研讨和结对帮扶活动，", 2+i%5))
	}
	d.Set("plan", sb.String())
	pages, err := Layout(d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	moved := 0
	for i, p := range pages[:len(pages)-1] {
		var last Box
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Path == "plan" {
				last = b
			}
		}
		if strings.HasSuffix(last.Text, "工作重点") {
			t.Errorf("page %d ends with the heading %q", i+1, last.Text)
		}
		for _, b := range pages[i+1].Boxes {
			if b.Kind == TextBox && b.Path == "plan" {
				if strings.HasSuffix(b.Text, "工作重点") {
					moved++
				}
				break
			}
		}
	}
	if moved == 0 {
		t.Error("no page starts with a heading: the test no longer tries the rule")
	}
}
