package pdf

import (
	"os"
	"strings"
	"testing"

	"shenbao/render"
)

// The bureau's checkers run plain pdftotext: its default mode groups words into blocks by
// their geometry and orders the blocks itself, ignoring the content stream's order. Every
// label and value must still come out whole and in the form's order: row by row, left to
// right, exactly as the layout model draws them. Whitespace is ignored (a wrapped value may
// carry a line break), and so is the page furniture (page numbers, the draft mark, labels
// repeated with （续）), which the reader may place anywhere on its page.
func TestPDFTextDefaultModeInFormOrder(t *testing.T) {
	testExtraction(t, "default")
}

// pdftotext -layout keeps the physical lines of the page: it prints every line at the height
// it has on the page, so a cell wrapped onto several lines is cut by whatever stands beside
// its second line (unavoidable in a form of narrow cells). What it can keep: every value
// printed on one line comes out whole, and in the form's order.
func TestPDFTextLayoutModeOneLineValues(t *testing.T) {
	for name, d := range drafts(t) {
		t.Run(name, func(t *testing.T) {
			path, pages := export(t, name, d)
			got := strip(tool(t, "pdftotext", "-layout", "-enc", "UTF-8", path, "-"))
			at := 0
			for _, v := range oneLineValues(pages) {
				k := strings.Index(got[at:], v)
				if k < 0 {
					t.Errorf("one-line value %q missing or out of order in pdftotext -layout", excerpt(v, 0))
					continue
				}
				at += k + len(v)
			}
		})
	}
}

// oneLineValues are the typed values that print as a single line, in the form's order.
func oneLineValues(pages []render.Page) []string {
	count := map[string]int{}
	var order []string
	text := map[string]string{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != render.TextBox || b.Path == "" {
				continue
			}
			if count[b.Path] == 0 {
				order = append(order, b.Path)
			}
			count[b.Path]++
			text[b.Path] = b.Text
		}
	}
	var out []string
	for _, path := range order {
		if count[path] == 1 && strip(text[path]) != "" {
			out = append(out, strip(text[path]))
		}
	}
	return out
}

func testExtraction(t *testing.T, mode string) {
	for name, d := range drafts(t) {
		t.Run(name, func(t *testing.T) {
			path, pages := export(t, name, d)
			args := []string{"-enc", "UTF-8", path, "-"}
			if mode != "default" {
				args = append([]string{mode}, args...)
			}
			got := strip(withoutFurniture(strip(tool(t, "pdftotext", args...))))
			want := strip(withoutFurniture(strip(modelText(pages))))
			if got == want {
				return
			}
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("pdftotext %s differs from the form's order at byte %d of %d:\n got …%s\nwant …%s",
				mode, i, len(want), excerpt(got, i), excerpt(want, i))
			var broken []string
			for _, s := range ordered(d) {
				if !strings.Contains(got, s) {
					broken = append(broken, excerpt(s, 0))
				}
			}
			if len(broken) > 0 {
				t.Errorf("%d of %d labels and values not whole: %q", len(broken), len(ordered(d)), broken)
			}
			if os.Getenv("SHENBAO_TEXT_DEBUG") != "" {
				t.Logf("extracted:\n%s", tool(t, "pdftotext", args...))
			}
		})
	}
}

// modelText is the layout model's text in drawing order: the form's order. The watermark
// across a draft's pages is a picture in the PDF; its words are a text line in the margin.
func modelText(pages []render.Page) string {
	var sb strings.Builder
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox {
				sb.WriteString(b.Text)
				sb.WriteByte('\n')
			}
		}
	}
	return sb.String()
}
