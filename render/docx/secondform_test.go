package docx

import (
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
)

// TestSecondFormDocx reads the 江西 职称评审表's sample .docx: the boxes 正常 ☑ 破格 ☐ in one
// symbol face; the dated table's five columns without 序号 and its periods; the declaration's
// text (first line indented), 本人签字： and the date at the right; and a page break before
// each block that starts a page.
func TestSecondFormDocx(t *testing.T) {
	def, ok := forms.ShippedByID("jiangxi-zcps-2017")
	if !ok {
		t.Fatal("no built-in form jiangxi-zcps-2017")
	}
	doc, _ := documentTree(t, forms.Sample(def), Options{})
	body := doc.child("w:document").child("w:body")

	// 正常 ☑　　破格 ☐, the boxes in Segoe UI Symbol
	var boxes *node
	for _, p := range body.all("w:p") {
		if strings.HasPrefix(p.texts(), "正常 ") {
			boxes = p
		}
	}
	if boxes == nil {
		t.Fatal("no paragraph 正常 …")
	}
	if got := boxes.texts(); got != "正常 "+boxTicked+"\u3000\u3000破格 "+boxEmpty+"\n" {
		t.Errorf("the boxes read %q", got)
	}
	for _, r := range boxes.all("w:r") {
		if t0 := r.texts(); t0 == boxTicked || t0 == boxEmpty {
			if f := r.child("w:rPr").child("w:rFonts"); f == nil || f.attrs["w:eastAsia"] != "Segoe UI Symbol" || f.attrs["w:ascii"] != "Segoe UI Symbol" {
				t.Errorf("box %s not in Segoe UI Symbol", t0)
			}
		}
	}

	// the dated table: 起止时间 · 单位 · 职务 · 从事何专业技术工作 · 证明人, no 序号
	rows := map[string][]string{}
	for _, tr := range body.all("w:tr") {
		var cells []string
		for _, tc := range tr.all("w:tc") {
			cells = append(cells, squeeze(tc.texts()))
		}
		if len(cells) > 0 {
			rows[cells[0]] = cells
		}
	}
	for first, want := range map[string][]string{
		"起止时间":            {"起止时间", "单位", "职务", "从事何专业技术工作", "证明人"},
		"2004.09—2008.07": {"2004.09—2008.07", "赣南师范学院数学与计算机科学学院", "学生", "数学与应用数学专业学习", "王建华"},
		"2013.09—至今":      {"2013.09—至今", "赣州市第七中学", "数学教研组长", "初中数学教学、教研", "陈美玲"},
	} {
		if got := rows[first]; !slices.Equal(got, want) {
			t.Errorf("the row starting %s reads %q, want %q", first, got, want)
		}
	}

	// the declaration: text indented, then 本人签字： and 年  月  日 at the right
	var decl *node
	for _, tc := range body.all("w:tc") {
		if strings.HasPrefix(tc.texts(), "本人承诺所填内容均属实。") {
			decl = tc
		}
	}
	if decl == nil {
		t.Fatal("no cell with the declaration")
	}
	ps := decl.all("w:p")
	var texts []string
	for _, p := range ps {
		texts = append(texts, strings.TrimSuffix(p.texts(), "\n"))
	}
	if !slices.Equal(texts, []string{"本人承诺所填内容均属实。", "本人签字：", def.Date}) {
		t.Fatalf("the declaration's paragraphs %q", texts)
	}
	if ind := ps[0].child("w:pPr").child("w:ind"); ind == nil || ind.attrs["w:firstLineChars"] != "200" {
		t.Error("the declaration's text is not indented two characters")
	}
	for _, p := range ps[1:] {
		if jc := p.child("w:pPr").child("w:jc"); jc == nil || jc.attrs["w:val"] != "right" {
			t.Errorf("%q is not at the right", p.texts())
		}
	}

	// a page break before 填表说明, （一）, （二） and 公示情况, nowhere else
	var starts []string
	for i, c := range body.children {
		if c.name == "w:p" && len(c.all("w:pageBreakBefore")) > 0 && i+1 < len(body.children) {
			starts = append(starts, squeeze(body.children[i+1].child("w:tr").texts()))
		}
	}
	want := []string{"填表说明", "（一）基本情况", "（二）取得现资格以来从事专业技术工作及完成情况", "公示情况"}
	if len(starts) != len(want) {
		t.Fatalf("page breaks before %q, want before %q", starts, want)
	}
	for i := range want {
		if !strings.HasPrefix(starts[i], want[i]) {
			t.Errorf("page break %d before %q, want before %q", i+1, clip(starts[i]), want[i])
		}
	}
}
