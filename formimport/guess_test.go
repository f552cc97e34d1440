package formimport

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"shenbao/forms"
)

// A template written here as WordprocessingML: a row is its height (twips) and its cells; a
// cell is its text ("\n" a new paragraph, "|" a line break), its span over the grid's columns
// and its vertical merge ("restart", "continue").

type tcell struct {
	text  string
	span  int
	merge string
}

type trow struct {
	height int
	cells  []tcell
}

func c(text string, span int) tcell { return tcell{text: text, span: span} }

func documentXML(before, after []string, grid []int, rows ...trow) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para := func(s string) {
		b.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">` + s + `</w:t></w:r></w:p>`)
	}
	for _, p := range before {
		para(p)
	}
	b.WriteString(`<w:tbl><w:tblGrid>`)
	for _, g := range grid {
		fmt.Fprintf(&b, `<w:gridCol w:w="%d"/>`, g)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, r := range rows {
		fmt.Fprintf(&b, `<w:tr><w:trPr><w:trHeight w:val="%d"/></w:trPr>`, r.height)
		for _, c := range r.cells {
			b.WriteString(`<w:tc><w:tcPr>`)
			if c.span > 1 {
				fmt.Fprintf(&b, `<w:gridSpan w:val="%d"/>`, c.span)
			}
			switch c.merge {
			case "restart":
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case "continue":
				b.WriteString(`<w:vMerge/>`)
			}
			b.WriteString(`</w:tcPr>`)
			for _, p := range strings.Split(c.text, "\n") {
				b.WriteString(`<w:p><w:r>`)
				for i, l := range strings.Split(p, "|") {
					if i > 0 {
						b.WriteString(`<w:br/>`)
					}
					b.WriteString(`<w:t xml:space="preserve">` + l + `</w:t>`)
				}
				b.WriteString(`</w:r></w:p>`)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	for _, p := range after {
		para(p)
	}
	b.WriteString(`</w:body></w:document>`)
	return []byte(b.String())
}

// districtForm is a district's form with what the 名班主任 form lacks: the photo in the
// middle of the grid, boxes, an e-mail, counts, a dated-entry table without 序号, long texts
// with the other hints, a declaration, an opinion with a signature, the issuing bureau's own
// box.
func districtForm() []byte {
	// Eight columns of 1000 twips (17.6 mm): the table is 141.1 mm, scaled to 146.5.
	grid := []int{1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000}
	return documentXML([]string{"附件2", "城中区优秀教师推荐表", "推荐单位（盖章）：      填表日期：    年  月  日"},
		[]string{"填表说明：一式两份。"}, grid,
		trow{600, []tcell{c("姓  名", 1), c("", 2), {text: "照片", span: 2, merge: "restart"}, c("民族", 1), c("", 2)}},
		trow{600, []tcell{c("是否|党员", 1), c("", 2), {span: 2, merge: "continue"}, c("电子邮箱", 1), c("", 2)}},
		trow{600, []tcell{c("教龄", 1), c("", 2), {span: 2, merge: "continue"}, c("手机号码", 1), c("", 2)}},
		trow{600, []tcell{c("参加工作时间", 2), c("", 2), c("学生人数", 2), c("", 2)}},
		trow{600, []tcell{c("申报类别", 2), c("□正常  □破格", 6)}},
		trow{500, []tcell{c("主要学习和工作经历", 8)}},
		trow{500, []tcell{c("起止时间", 2), c("学习或工作单位", 3), c("职务", 2), c("证明人", 1)}},
		trow{500, []tcell{c("", 2), c("", 3), c("", 2), c("", 1)}},
		trow{500, []tcell{c("", 2), c("", 3), c("", 2), c("", 1)}},
		trow{3000, []tcell{c("主要事迹（不超过2000字）", 1), c("", 7)}},
		trow{2000, []tcell{c("个人简介", 1), c("（300字以内）", 7)}},
		trow{2000, []tcell{c("工作设想", 1), c("（一千五百字左右）", 7)}},
		trow{2000, []tcell{c("个人承诺", 1), c("本人承诺以上内容真实。\n\n申报人签名：\n年  月  日", 7)}},
		trow{3000, []tcell{c("学校意见", 1), c("\n\n负责人签名：\n（盖章）\n年  月  日", 7)}},
		trow{3000, []tcell{c("区教育局|意见", 1), c("\n\n（盖章）\n年  月  日", 7)}},
	)
}

// A district's form with what the 名班主任 form lacks: the photo in the middle of the grid,
// boxes, an e-mail, counts, a dated-entry table without 序号, long texts with the other hints,
// a declaration, an opinion with a signature, the issuing bureau's own box.
func TestGuesses(t *testing.T) {
	doc := districtForm()
	res, err := fromDocument(doc, "某区推荐表.docx")
	if err != nil {
		t.Fatal(err)
	}
	d := res.Definition
	if d.Title != "城中区优秀教师推荐表" {
		t.Errorf("title %q", d.Title)
	}
	type fieldWant struct {
		key     string
		kind    forms.Kind
		choices []string
		row     int
		labelMM float64
		valueMM float64
	}
	w := forms.TextMM / 8
	wantHost := []fieldWant{
		{"name", forms.Text, nil, 0, w, 2 * w},
		{"photo", forms.Picture, nil, 0, 0, 2 * w},
		{"ethnicity", forms.Text, nil, 0, w, 2 * w},
		{"partyMember", forms.Choice, []string{"是", "否"}, 1, w, 2 * w},
		{"email", forms.Text, nil, 1, w, 2 * w},
		{"teachingYears", forms.WholeNumber, nil, 2, w, 2 * w},
		{"mobile", forms.Mobile, nil, 2, w, 2 * w},
		{"workSince", forms.YearMonth, nil, 3, 2 * w, 2 * w},
		{"count", forms.WholeNumber, nil, 3, 2 * w, 2 * w},
		{"category", forms.BoxChoice, []string{"正常", "破格"}, 4, 2 * w, 6 * w},
	}
	kinds := []forms.BlockKind{forms.FieldsBlock, forms.TableBlock, forms.TextBlock, forms.TextBlock, forms.TextBlock,
		forms.DeclarationBlock, forms.OpinionBlock, forms.OpinionBlock}
	if len(d.Blocks) != len(kinds) {
		t.Fatalf("blocks %v", blockNames(d))
	}
	for i, k := range kinds {
		if d.Blocks[i].Kind != k {
			t.Errorf("block %d is %v, want %v", i+1, d.Blocks[i].Kind, k)
		}
	}
	host := d.Blocks[0]
	if len(host.Fields) != len(wantHost) {
		t.Fatalf("host fields %+v", host.Fields)
	}
	for i, wf := range wantHost {
		f := host.Fields[i]
		if f.Key != wf.key || f.Kind != wf.kind || !reflect.DeepEqual(f.Choices, wf.choices) || f.Row != wf.row ||
			!near1(f.LabelMM, wf.labelMM) || !near1(f.ValueMM, wf.valueMM) {
			t.Errorf("field %d: %s %v %v row %d %g+%g, want %+v", i, f.Key, f.Kind, f.Choices, f.Row, f.LabelMM, f.ValueMM, wf)
		}
	}
	if p := host.Field("photo"); p.RowSpan != 3 || p.Label != "照片" {
		t.Errorf("photo %+v", p)
	}
	if got := host.Field("name").Label; got != "姓  名" {
		t.Errorf("name label %q", got)
	}
	career := d.Blocks[1]
	if career.Label != "主要学习和工作经历" || career.Rows != 2 || career.LabelMM != 0 || len(career.Fields) != 4 ||
		career.Fields[0].Kind != forms.Period || career.Fields[3].Key != "witness" {
		t.Errorf("career %+v", career)
	}
	for i, want := range []int{2000, 300, 1500} {
		if got := d.Blocks[2+i].Fields[0].MaxWords; got != want {
			t.Errorf("%s: max_words %d, want %d", d.Blocks[2+i].Name(), got, want)
		}
	}
	if b := d.Blocks[3]; b.Hint != "（300字以内）" {
		t.Errorf("hint %q", b.Hint)
	}
	if b := d.Blocks[5]; b.Label != "个人承诺" || b.Text != "本人承诺以上内容真实。" || b.Sign != "申报人签名：" || b.Seal != forms.NoSeal {
		t.Errorf("declaration %+v", b)
	}
	if b := d.Blocks[6]; b.Seal != forms.SchoolSeal || !b.SealNeeded || b.Sign != "负责人签名：" || b.LeaveBlank {
		t.Errorf("school %+v", b)
	}
	if b := d.Blocks[7]; b.Seal != forms.CountySeal || b.SealNeeded || !b.LeaveBlank || b.Label != "区教育局\n意见" {
		t.Errorf("the bureau's own box %+v", b)
	}
	if d.Stamp != "（盖章）" {
		t.Errorf("stamp %q", d.Stamp)
	}
	// Unsure: the date kind of 参加工作时间, 1500字左右, the table without 序号, the boxes'
	// label; what was left out is said.
	inFile(t, res)
	for _, want := range []string{"第4行第2格：按年月（year_month）处理", "按不超过 1500 字处理", "第7行：表格第一列不是“序号”"} {
		if !hasNote(res, want) {
			t.Errorf("no note %q in %v", want, res.Notes)
		}
	}
	for _, want := range []string{"推荐单位", "填表说明", "模板的表格宽 141.1 毫米"} {
		if !strings.Contains(strings.Join(res.Template, "\n"), want) {
			t.Errorf("the template's notes %v do not say %s", res.Template, want)
		}
	}
}

// inFile: every guess is in the file as a comment too.
func inFile(t *testing.T, res *Result) {
	t.Helper()
	for _, n := range res.Notes {
		if !strings.Contains(string(res.TOML), n.String()) {
			t.Errorf("note %q is not in the file", n)
		}
	}
}

func near1(a, b float64) bool { return a-b < 0.1 && b-a < 0.1 }

func hasNote(res *Result, s string) bool {
	for _, n := range res.Notes {
		if strings.Contains(n.String(), s) {
			return true
		}
	}
	return false
}

func TestMaxWords(t *testing.T) {
	for _, tt := range []struct {
		hint  string
		n     int
		limit bool
	}{
		{"（字数要求：3000字内）", 3000, true},
		{"不超过2000字", 2000, true},
		{"300字以内", 300, true},
		{"（限1500字）", 1500, true},
		{"字数：800字", 800, true},
		{"三千字以内", 3000, true},
		{"两千五百字以内", 2500, true},
		{"一千字左右", 1000, false},
		{"１０００字以内", 1000, true},
		{"（可另附页）", 0, false},
	} {
		n, limit, ok := maxWords(tt.hint)
		if n != tt.n || limit != tt.limit || ok != (tt.n > 0) {
			t.Errorf("%s: %d %v %v, want %d %v", tt.hint, n, limit, ok, tt.n, tt.limit)
		}
	}
}

func TestGuessKind(t *testing.T) {
	for label, want := range map[string]forms.Kind{
		"出生年月": forms.YearMonth, "手机号码": forms.Mobile, "联系电话": forms.Phone, "性别": forms.Choice,
		"是否党员": forms.Choice, "是否骨干教师": forms.Choice, "从事班主任工作年限": forms.WholeNumber, "教龄": forms.WholeNumber,
		"学生人数": forms.WholeNumber, "电子邮箱": forms.Text, "起止时间": forms.Period, "职称": forms.Text,
	} {
		if g := guessKind(label); g.kind != want || !g.sure {
			t.Errorf("%s: %v (sure %v), want %v", label, g.kind, g.sure, want)
		}
	}
	for _, label := range []string{"结对帮扶县区", "获奖情况说明", "任现职时间"} {
		if g := guessKind(label); g.sure {
			t.Errorf("%s: sure of %v", label, g.kind)
		}
	}
}

// Shapes of other bureaus' forms: boxes after their label in one cell, lines to fill with
// underscores, a label and its cell over two rows, a table whose label is merged down its
// left side, a box across the table with its seal.
func TestOtherShapes(t *testing.T) {
	grid := []int{1200, 1200, 1200, 1200, 1200, 1200}
	doc := documentXML([]string{"柳州市优秀班主任申报表"}, nil, grid,
		trow{600, []tcell{c("姓名", 1), c("", 2), c("是否党员：□是 □否", 3)}},
		trow{600, []tcell{c("性别", 1), c("男□  女□", 2), c("手机", 1), c("", 2)}},
		trow{600, []tcell{{text: "学历", span: 1, merge: "restart"}, c("全日制", 1), c("", 1), c("毕业院校", 1), c("", 2)}},
		trow{600, []tcell{{span: 1, merge: "continue"}, c("在职", 1), c("", 1), c("毕业院校", 1), c("", 2)}},
		trow{600, []tcell{c("通讯地址", 1), c("邮编：______\n地址：______", 5)}},
		trow{1500, []tcell{{text: "主要|事迹", span: 1, merge: "restart"}, {text: "（1000字以内）", span: 5, merge: "restart"}}},
		trow{1500, []tcell{{span: 1, merge: "continue"}, {span: 5, merge: "continue"}}},
		trow{500, []tcell{{text: "获奖|情况", span: 1, merge: "restart"}, c("时间", 1), c("奖项名称", 3), c("颁奖单位", 1)}},
		trow{500, []tcell{{span: 1, merge: "continue"}, c("", 1), c("", 3), c("", 1)}},
		trow{500, []tcell{{span: 1, merge: "continue"}, c("", 1), c("", 3), c("", 1)}},
		trow{2500, []tcell{c("推荐单位意见：\n\n\n（盖章）\n年  月  日", 6)}},
		trow{600, []tcell{c("填表说明", 1), c("1．本表一式两份。\n2．照片贴在右上角。", 5)}},
	)
	res, err := fromDocument(doc, "优秀班主任.docx")
	if err != nil {
		t.Fatal(err)
	}
	d := res.Definition
	kinds := []forms.BlockKind{forms.FieldsBlock, forms.FieldsBlock, forms.TextBlock, forms.TableBlock, forms.DeclarationBlock, forms.NoteBlock}
	if len(d.Blocks) != len(kinds) {
		t.Fatalf("blocks %v", blockNames(d))
	}
	for i, k := range kinds {
		if d.Blocks[i].Kind != k {
			t.Errorf("block %d is %v, want %v", i+1, d.Blocks[i].Kind, k)
		}
	}
	host := d.Blocks[0]
	if f := host.Field("partyMember"); f.Kind != forms.BoxChoice || !reflect.DeepEqual(f.Choices, []string{"是", "否"}) || f.LabelMM != 0 {
		t.Errorf("是否党员 %+v", f)
	}
	if f := host.Field("gender"); f.Kind != forms.BoxChoice || !reflect.DeepEqual(f.Choices, []string{"男", "女"}) {
		t.Errorf("性别 %+v", f)
	}
	if f := host.Field("mobile"); f.Kind != forms.Mobile {
		t.Errorf("手机 %+v", f)
	}
	// 学历 merged over two rows, 全日制 and 在职 beside it: a group over the two fields, printed
	// by the first (its cell over both rows), named in both.
	w1 := forms.TextMM / 6
	if f := host.Fields[len(host.Fields)-4]; f.Label != "全日制" || f.Row != 2 || f.Group != "学历" || f.GroupSpan != 2 ||
		!near1(f.GroupMM, w1) || !near1(f.LabelMM, w1) {
		t.Errorf("全日制 %+v", f)
	}
	if f := host.Fields[len(host.Fields)-2]; f.Label != "在职" || f.Row != 3 || f.Group != "学历" || f.GroupSpan != 0 || !near1(f.LabelMM, w1) {
		t.Errorf("在职 %+v", f)
	}
	if b := d.Blocks[1]; b.Grid() || len(b.Fields) != 2 || b.Fields[0].Label != "邮编：" || b.Fields[1].Key != "address" {
		t.Errorf("lines %+v", b)
	}
	if b := d.Blocks[2]; b.Label != "主要\n事迹" || b.Fields[0].MaxWords != 1000 {
		t.Errorf("text %+v", b)
	}
	w := forms.TextMM / 6
	// 获奖|情况 merged down the table's left: printed there (side_mm), its line break kept.
	if b := d.Blocks[3]; b.Label != "获奖\n情况" || b.Rows != 2 || !near1(b.SideMM, w) || b.LabelMM != 0 || len(b.Fields) != 3 ||
		b.Fields[0].Kind != forms.YearMonth || !near1(b.Fields[1].ValueMM, 3*w) {
		t.Errorf("table %+v", b)
	}
	if b := d.Blocks[4]; b.Seal != forms.SchoolSeal || b.Text != "推荐单位意见：" {
		t.Errorf("declaration %+v", b)
	}
	if b := d.Blocks[5]; b.Label != "填表说明" || b.Text != "1．本表一式两份。\n2．照片贴在右上角。" || !near1(b.LabelMM, w) {
		t.Errorf("note %+v", b)
	}
	inFile(t, res)
	for _, want := range []string{"第1行第3格：“是否党员”和方框在同一格", "第8行第1格：“获奖情况”是表格左边跨3行的名称格", "第11行第1格：整行的一格里有盖章",
		"第3行第1格：名称格“学历”跨2行，右边各行另有名称格：按跨行的名称格（group）处理"} {
		if !hasNote(res, want) {
			t.Errorf("no note %q in %v", want, res.Notes)
		}
	}
}

// The title: above the table, not 附件, not a line to fill in; set on two lines, one title;
// none above, the table's first row across it; none at all, the file's name.
func TestTitle(t *testing.T) {
	grid := []int{1000, 3000}
	rows := []trow{{600, []tcell{c("姓名", 1), c("", 1)}}, {600, []tcell{c("单位", 1), c("", 1)}}}
	for _, tt := range []struct {
		before []string
		first  *trow
		want   string
	}{
		{[]string{"附件1", "某某申报表", "申报单位：        "}, nil, "某某申报表"},
		{[]string{"柳州市首批“名班主任工作室”", "申报表"}, nil, "柳州市首批“名班主任工作室”申报表"},
		{nil, &trow{600, []tcell{c("某某推荐表", 2)}}, "某某推荐表"},
		{nil, nil, "某某模板"},
	} {
		rs := rows
		if tt.first != nil {
			rs = append([]trow{*tt.first}, rows...)
		}
		res, err := fromDocument(documentXML(tt.before, nil, grid, rs...), "某某模板.docx")
		if err != nil {
			t.Fatal(err)
		}
		if res.Definition.Title != tt.want || len(res.Definition.Blocks) != 1 {
			t.Errorf("%v: title %q, blocks %v; want %q", tt.before, res.Definition.Title, blockNames(res.Definition), tt.want)
		}
	}
}

// A block's nav name is short and whole words: the note in brackets, 情况 and a trailing 的
// dropped, a long name cut before 或 / 及 … or after its last 的, never mid-word when a cut
// point exists.
func TestNavOf(t *testing.T) {
	for _, tc := range []struct{ label, want string }{
		{"指导老师基本情况", "指导老师"},
		{"工作室未来三年发展规划（3000字内）", "工作室未来三年发展规划"},
		{"已设立有名班主任工作室或名班主任网络工作室的情况", "已设立有名班主任工作室"},
		{"主持人近5年从事班主任工作方面的主要业绩及成果", "主要业绩及成果"},
		{"主要专业技术工作经历（含学习经历）", "主要专业技术工作经历"},
	} {
		if got := navOf(tc.label); got != tc.want {
			t.Errorf("navOf(%q) = %q, want %q", tc.label, got, tc.want)
		}
	}
}
