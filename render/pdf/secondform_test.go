package pdf

import (
	"image"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// secondForm is the 江西 职称评审表's sample: the form that uses the kinds the 名班主任 form
// does not.
func secondForm(t *testing.T) *forms.Draft {
	t.Helper()
	def, ok := forms.ShippedByID("jiangxi-zcps-2017")
	if !ok {
		t.Fatal("no built-in form jiangxi-zcps-2017")
	}
	return forms.Sample(def)
}

// TestSecondFormPDF reads the second form's PDF back as poppler does: the boxes 正常 □ 破格 □
// on the cover with the tick in the first; the dated table of 起止时间 · 单位 · 职务 · 从事何专业
// 技术工作 · 证明人 without 序号, its periods as 2004.09—2008.07 and 2013.09—至今; the
// declaration's text, then 本人签字： and the date; and the blocks that start their pages.
func TestSecondFormPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	d := secondForm(t)
	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	path := writePages(t, "jiangxi", pages)
	page := func(n int) string {
		return tool(t, "pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-enc", "UTF-8", path, "-")
	}
	raw := strip(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))

	if p1 := strip(page(1)); !strings.Contains(p1, "类别正常□破格□姓名刘雨晴") {
		t.Errorf("page 1 reads %q: no 类别 正常 □ 破格 □", clipText(p1))
	}
	// the tick: inside 正常's □, none in 破格's
	var line render.Box
	for _, b := range pages[0].Boxes {
		if b.Kind == render.TextBox && strings.HasPrefix(b.Text, "正常 "+render.BoxMark) {
			line = b
		}
	}
	if line.Text == "" {
		t.Fatal("no line 正常 □ … on page 1")
	}
	const dpi = 150
	for _, c := range []struct {
		choice string
		ticked bool
	}{{"正常", true}, {"破格", false}} {
		x := line.X + measure(line.Text[:strings.Index(line.Text, c.choice+" ")+len(c.choice+" ")], line.Size)
		box := measure(render.BoxMark, line.Size)
		s := dpi / 72.0
		in := image.Rect(int((x+box*0.3)*s), int((line.Baseline-line.Size*0.6)*s), int((x+box*0.7)*s), int((line.Baseline-line.Size*0.2)*s))
		n := inked(t, path, 1, dpi, in)
		if area := in.Dx() * in.Dy(); c.ticked && n < area/8 || !c.ticked && n > 0 {
			t.Errorf("%s's □: %d of %d pixels inked, ticked %v", c.choice, n, area, c.ticked)
		}
	}

	for _, want := range []string{
		"起止时间单位职务从事何专业技术工作证明人2004.09—2008.07赣南师范学院数学与计算机科学学院学生数学与应用数学专业学习王建华",
		"2013.09—至今赣州市第七中学数学教研组长初中数学教学、教研陈美玲",
		"本人承诺本人承诺所填内容均属实。本人签字：年月日",
		"公示情况经公示（公示期为年月日至日，张贴地点），材料真实，符合职务任职资格申报条件，同意推荐。学校（单位）负责人签字：（盖章）年月日",
	} {
		if !strings.Contains(raw, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Contains(raw, render.SerialLabel) {
		t.Errorf("the PDF prints %s: none of the form's tables has it", render.SerialLabel)
	}
	starts := map[int]string{2: "填表说明", 3: "（一）基本情况", 4: "（二）取得现资格以来从事专业技术工作及完成情况", len(pages): "公示情况"}
	for n, want := range starts {
		if first := strings.SplitN(strings.TrimSpace(page(n)), "\n", 2)[0]; strip(first) != want {
			t.Errorf("page %d starts with %q, want %q", n, first, want)
		}
	}
}

func measure(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		w += render.FontMeasurer().Advance(render.Regular, r, size)
	}
	return w
}

func clipText(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
