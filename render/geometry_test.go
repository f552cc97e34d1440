package render

import (
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

func TestRowsFillTextWidth(t *testing.T) {
	if got := PtToMM(TextWidth); math.Abs(got-146.5) > 1e-9 {
		t.Fatalf("text width %.4f mm, want 146.5", got)
	}
	for k := HostRow; k <= LabelRow; k++ {
		sum := 0.0
		for _, w := range Columns(k) {
			sum += w
		}
		if math.Abs(sum-TextWidth) > 1e-6 {
			t.Errorf("row kind %d: columns sum to %.3f pt, text width is %.3f", k, sum, TextWidth)
		}
		edges := Edges(k)
		if math.Abs(edges[len(edges)-1]-TextWidth) > 1e-6 {
			t.Errorf("row kind %d: last edge %.3f", k, edges[len(edges)-1])
		}
	}
}

func TestGridSpans(t *testing.T) {
	grid := GridColumns()
	total := 0
	for _, tw := range GridTwips() {
		if tw <= 0 {
			t.Errorf("grid column of %d twips", tw)
		}
		total += tw
	}
	if total != 8306 {
		t.Errorf("grid adds up to %d twips, want 8306 (A4 minus Word's default margins)", total)
	}
	for k := HostRow; k <= LabelRow; k++ {
		spans, cols := Spans(k), Columns(k)
		if len(spans) != len(cols) {
			t.Fatalf("kind %d: %d spans for %d cells", k, len(spans), len(cols))
		}
		g := 0
		for i, s := range spans {
			w := 0.0
			for j := 0; j < s; j++ {
				w += grid[g+j]
			}
			g += s
			if math.Abs(w-cols[i]) > 1e-6 {
				t.Errorf("kind %d cell %d: spans %.3f pt, is %.3f", k, i, w, cols[i])
			}
		}
		if g != len(grid) {
			t.Errorf("kind %d covers %d of %d grid columns", k, g, len(grid))
		}
	}
}

// The widths were chosen for what they must hold; measure the real font.
func TestColumnsHoldTheirText(t *testing.T) {
	m := FontMeasurer()
	inner := func(k RowKind, i int) float64 { return Columns(k)[i] - 2*PadX }
	fits := func(what string, s string, f Font, size, width float64) {
		t.Helper()
		if w := text.Measure(s, size, textMeasurer(m, f)); w > width {
			t.Errorf("%s: %q is %.2f pt wide, cell holds %.2f", what, s, w, width)
		}
	}
	mobile := forms.Form[1].Fields[len(forms.Form[1].Fields)-1]
	if mobile.Kind != forms.Mobile {
		t.Fatalf("last adviser column is %q, want the mobile", mobile.Label)
	}
	fits("widest mobile", "19999999999", Regular, TableSize, inner(PersonRow, 8))
	fits("mobile column label", "手机号码", Bold, TableSize, inner(PersonRow, 8))
	fits("landline", "0772-2822733", Regular, TableSize, inner(HostRow, 5))
	fits("widest mobile in 联系电话", "19999999999", Regular, TableSize, inner(HostRow, 5))
	fits("birth", "1999.09", Regular, TableSize, inner(PersonRow, 3))
	fits("3-character host label", "主持人", Bold, TableSize, inner(HostRow, 0))
	fits("3-character block label", "主持人", Bold, TableSize, inner(LabelRow, 0))
	fits("3-character name in the host rows", "欧阳明", Regular, TableSize, inner(HostRow, 1))
	fits("6-character title", "中学高级教师", Regular, TableSize, inner(HostRow, 3))
	fits("6-character post", "德育处副主任", Regular, TableSize, inner(HostRow, 5))
	fits("3-character name", "欧阳明", Regular, TableSize, inner(PersonRow, 1))
	fits("3 characters of 职务", "德育处", Regular, TableSize, inner(PersonRow, 5))
	fits("3 characters of 职称", "高级教", Regular, TableSize, inner(PersonRow, 6))
	fits("4 characters of 所在单位", "柳州市第", Regular, TableSize, inner(PersonRow, 4))
	fits("3 characters of 研究方向", "班级自", Regular, TableSize, inner(PersonRow, 7))
	fits("手机号码 on one line", "手机号码", Bold, TableSize, inner(PersonRow, 8))
	fits("longest county", "三江侗族自治县", Regular, TableSize, inner(UnitRow, 3))
	fits("序号", SerialLabel, Bold, TableSize, inner(PersonRow, 0))
	fits("性别", "性别", Bold, TableSize, inner(PersonRow, 2))
	if pc := Columns(HostRow)[6]; pc < PhotoWidth+MM(2) {
		t.Errorf("photo column %.1f mm cannot hold a 25 mm photo with padding", PtToMM(pc))
	}
	if h := HostRowsWithPhoto * HostRowMin; h < PhotoHeight+MM(2) {
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

func TestHostLayoutFollowsForm(t *testing.T) {
	rows, unit, photo := HostLayout(forms.Form[0])
	if photo.Kind != forms.Picture {
		t.Fatalf("no photo field")
	}
	var got []string
	for _, r := range rows {
		if len(r) != 3 {
			t.Fatalf("host row of %d fields", len(r))
		}
		for _, f := range r {
			got = append(got, f.Key)
		}
	}
	for _, f := range unit {
		got = append(got, f.Key)
	}
	want := "name gender birth partyMember title post years research phone unit pairedCounty"
	if strings.Join(got, " ") != want {
		t.Errorf("host layout %q, want %q", strings.Join(got, " "), want)
	}
	if len(rows) != HostRowsWithPhoto || len(unit) != 2 {
		t.Errorf("%d rows and %d unit fields", len(rows), len(unit))
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
	cols := Columns(HostRow)
	tests := []struct {
		label string
		width float64
		want  string
	}{
		{"主持人\n姓名", cols[0], "主持人|姓名"},
		{"是否党员", cols[0], "是否|党员"},
		{"从事班主任工作年限", cols[0], "从事班|主任工|作年限"},
		{"结对帮扶县区", Columns(UnitRow)[2], "结对帮|扶县区"},
		{"所在学校\n推荐意见", Columns(LabelRow)[0], "所在|学校|推荐|意见"},
		{"指导老师基本情况", TextWidth, "指导老师基本情况"},
	}
	for _, tt := range tests {
		if got := strings.Join(LabelLines(nil, tt.label, tt.width), "|"); got != tt.want {
			t.Errorf("LabelLines(%q) = %q, want %q", tt.label, got, tt.want)
		}
	}
}
