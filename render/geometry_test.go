package render

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"shenbao/fonts"
	"shenbao/forms"
	"shenbao/render/text"
)

// width is the printed width in points of a field's value cell (label: its label cell), or
// of a block's label cell (key "").
func width(t *testing.T, block, key string, label bool) float64 {
	t.Helper()
	b, ok := forms.Default().Block(block)
	if !ok {
		t.Fatalf("no block %q", block)
	}
	if key == "" {
		return MM(b.LabelMM)
	}
	f := b.Field(key)
	if f.Key == "" {
		t.Fatalf("no field %s.%s", block, key)
	}
	if label {
		return MM(f.LabelMM)
	}
	return MM(f.ValueMM)
}

func TestRowsFillTextWidth(t *testing.T) {
	if got := PtToMM(TextWidth); math.Abs(got-forms.TextMM) > 1e-9 {
		t.Fatalf("text width %.4f mm, want %g", got, forms.TextMM)
	}
	tb, err := BuildTable(forms.Sample(forms.Default()))
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range tb.Rows {
		if err := checkRow(r); err != nil {
			t.Errorf("row %d: %v", i, err)
		}
	}
	// A form whose row is too wide is refused with the row named, not printed off the page.
	bad := append([]forms.Block(nil), forms.Default().Blocks...)
	host := bad[0]
	host.Fields = append(append([]forms.Field(nil), host.Fields...), forms.Field{Key: "x", Label: "x", Row: 3, LabelMM: 10, ValueMM: 10})
	bad[0] = host
	if _, err := BuildTable(forms.New(forms.Default().WithBlocks(bad))); err == nil || !strings.Contains(err.Error(), "row 4") {
		t.Errorf("a host row 20 mm too wide: err %v", err)
	}
}

func TestGridSpans(t *testing.T) {
	tb, err := BuildTable(forms.Sample(forms.Default()))
	if err != nil {
		t.Fatal(err)
	}
	grid := tb.GridTwips()
	total := 0
	for _, tw := range grid {
		if tw <= 0 {
			t.Errorf("grid column of %d twips", tw)
		}
		total += tw
	}
	if total != 8306 {
		t.Errorf("grid adds up to %d twips, want 8306 (A4 minus Word's default margins)", total)
	}
	for i, r := range tb.Rows {
		g := 0
		for j, c := range r.Cells {
			if c.Col != g {
				t.Errorf("row %d cell %d starts at grid column %d, want %d", i, j, c.Col, g)
			}
			w := tb.Edges[c.Col+c.Span] - tb.Edges[c.Col]
			if math.Abs(w-c.W) > 1e-3 {
				t.Errorf("row %d cell %d: spans %.3f pt, is %.3f", i, j, w, c.W)
			}
			g += c.Span
		}
		if g != len(grid) {
			t.Errorf("row %d covers %d of %d grid columns", i, g, len(grid))
		}
	}
}

// The widths were chosen for what they must hold; measure the real font.
func TestColumnsHoldTheirText(t *testing.T) {
	m := FontMeasurer()
	inner := func(block, key string, label bool) float64 { return width(t, block, key, label) - 2*PadX }
	fits := func(what string, s string, f Font, size, width float64) {
		t.Helper()
		if w := text.Measure(s, size, textMeasurer(m, f)); w > width {
			t.Errorf("%s: %q is %.2f pt wide, cell holds %.2f", what, s, w, width)
		}
	}
	fits("widest mobile", "19999999999", Regular, TableSize, inner("advisers", "mobile", false))
	fits("mobile column label", "手机号码", Bold, TableSize, inner("members", "mobile", false))
	fits("landline", "0772-2822733", Regular, TableSize, inner("host", "phone", false))
	fits("widest mobile in 联系电话", "19999999999", Regular, TableSize, inner("host", "phone", false))
	fits("birth", "1999.09", Regular, TableSize, inner("members", "birth", false))
	fits("3-character host label", "主持人", Bold, TableSize, inner("host", "name", true))
	fits("3-character block label", "主持人", Bold, TableSize, inner("plan", "", false))
	fits("3-character name in the host rows", "欧阳明", Regular, TableSize, inner("host", "name", false))
	fits("6-character title", "中学高级教师", Regular, TableSize, inner("host", "title", false))
	fits("6-character post", "德育处副主任", Regular, TableSize, inner("host", "post", false))
	fits("3-character name", "欧阳明", Regular, TableSize, inner("members", "name", false))
	fits("3 characters of 职务", "德育处", Regular, TableSize, inner("advisers", "post", false))
	fits("3 characters of 职称", "高级教", Regular, TableSize, inner("advisers", "title", false))
	fits("4 characters of 所在单位", "柳州市第", Regular, TableSize, inner("members", "unit", false))
	fits("3 characters of 研究方向", "班级自", Regular, TableSize, inner("members", "research", false))
	fits("longest county", "三江侗族自治县", Regular, TableSize, inner("host", "pairedCounty", false))
	fits("序号", SerialLabel, Bold, TableSize, inner("members", "", false))
	fits("性别", "性别", Bold, TableSize, inner("members", "gender", false))
	if pc := width(t, "host", "photo", false); pc < PhotoWidth+MM(2) {
		t.Errorf("photo column %.1f mm cannot hold a 25 mm photo with padding", PtToMM(pc))
	}
	if h := float64(forms.Default().Blocks[0].Field("photo").RowSpan) * HostRowMin; h < PhotoHeight+MM(2) {
		t.Errorf("photo rows %.1f mm cannot hold a 35 mm photo", PtToMM(h))
	}
}

func TestFontMetricsMatchEmbeddedFont(t *testing.T) {
	f, err := sfnt.Parse(fonts.Regular)
	if err != nil {
		t.Fatal(err)
	}
	upm := int(f.UnitsPerEm())
	met, err := f.Metrics(nil, fixed.I(upm), font.HintingNone)
	if err != nil {
		t.Fatal(err)
	}
	asc, desc := float64(met.Ascent)/64/float64(upm), float64(met.Descent)/64/float64(upm)
	if math.Abs(asc-FontAscent) > 1e-9 || math.Abs(desc-FontDescent) > 1e-9 {
		t.Errorf("font ascent/descent %.4f/%.4f, constants %.4f/%.4f", asc, desc, FontAscent, FontDescent)
	}
}

// The host block prints as FORM.md §1a draws it: three rows of three label | value pairs,
// the photo beside them spanning all three, then 工作单位 | 结对帮扶县区 (rows a clerk adds to
// the definition come after them).
func TestHostGridFollowsForm(t *testing.T) {
	tb, err := BuildTable(forms.New(forms.Default()))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tb.Rows {
		if r.Block != 0 {
			break
		}
		var cells []string
		for _, c := range r.Cells {
			switch {
			case c.Covered:
				cells = append(cells, "^")
			case c.Content.Kind == Photo:
				cells = append(cells, fmt.Sprintf("photo×%d", c.RowSpan))
			case c.Content.Kind == Label:
				cells = append(cells, strings.ReplaceAll(c.Content.Text, "\n", ""))
			default:
				cells = append(cells, "_")
			}
		}
		got = append(got, strings.Join(cells, " "))
	}
	want := []string{
		"主持人姓名 _ 性别 _ 出生年月 _ photo×3",
		"是否党员 _ 职称 _ 职务 _ ^",
		"从事班主任工作年限 _ 研究方向 _ 联系电话 _ ^",
		"工作单位 _ 结对帮扶县区 _",
	}
	if len(got) < len(want) || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Errorf("host rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestConversions(t *testing.T) {
	tests := []struct {
		name      string
		got, want float64
	}{
		{"25.4 mm", MM(25.4), 72},
		{"72 pt", PtToMM(72), 25.4},
		{"margin twips", float64(Twips(MarginLeft)), 1800},
		{"A4 width twips", float64(Twips(PageWidth)), 11906},
		{"五号 half-points", float64(HalfPoints(TableSize)), 21},
		{"1 pt EMU", float64(EMU(1)), 12700},
	}
	for _, tt := range tests {
		if math.Abs(tt.got-tt.want) > 1e-9 {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestLabelLines(t *testing.T) {
	host := func(key string) float64 { return width(t, "host", key, true) }
	tests := []struct {
		label string
		width float64
		want  string
	}{
		{"主持人\n姓名", host("name"), "主持人|姓名"},
		{"是否党员", host("partyMember"), "是否|党员"},
		{"从事班主任工作年限", host("years"), "从事班|主任工|作年限"},
		{"结对帮扶县区", host("pairedCounty"), "结对帮|扶县区"},
		{"所在学校\n推荐意见", width(t, "plan", "", false), "所在|学校|推荐|意见"},
		{"指导老师基本情况", TextWidth, "指导老师基本情况"},
	}
	for _, tt := range tests {
		if got := strings.Join(LabelLines(nil, tt.label, tt.width), "|"); got != tt.want {
			t.Errorf("LabelLines(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
