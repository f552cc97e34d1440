// Package forms holds the 申报表's definition, the draft model and file, the checks and the
// 字数 counter. It knows only the standard library and the embedded fonts: the app, the
// command line and the writers all read the one definition below.
//
// It imports the standard library, package fonts and the TOML parser (definition files) only:
// no picture is decoded here (the photo check asks a PhotoReader, which the photo pipeline
// gives), so every room may read a draft without pulling in the decoders. The import plan is
// checked by house_test.go.
package forms

import (
	"fmt"
	"strings"
)

// Kind says what sort of value a field holds; it picks the UI widget, the checks and how the
// value is printed.
type Kind int

const (
	Text        Kind = iota // one line of free text
	Choice                  // one of Field.Choices
	YearMonth               // 出生年月: a year and a month, printed as 1985.03
	Phone                   // 联系电话: a mobile or a landline
	Mobile                  // 手机号码: an 11-digit mainland mobile
	WholeNumber             // 年限: a whole number with a minimum
	LongText                // several paragraphs, counted in 字数
	Picture                 // the 1-inch photo
)

// BlockKind says how a block is laid out and stored.
type BlockKind int

const (
	FieldsBlock  BlockKind = iota // labelled fields, stored as a JSON object under Block.Key
	TableBlock                    // a table of rows, stored as a JSON array under Block.Key
	TextBlock                     // one long text, stored as a string under Block.Key
	OpinionBlock                  // filled by hand after printing; not stored
)

// Field is one thing the user fills in.
type Field struct {
	Key     string   // JSON key inside its block ("name"); empty for a TextBlock's one field
	Label   string   // as the bureau printed it; "\n" where the printed form breaks the line
	Kind    Kind     //
	Choices []string // Choice: the allowed values, in the order to offer them
	// Required: an empty value is a 错误. Table columns are required once the row has
	// anything in it (a half-filled row is an error; an empty row is just unused).
	Required  bool
	Min       int // WholeNumber: the smallest accepted value
	MaxWords  int // LongText: the most 字数 allowed (0: no limit)
	WarnWords int // LongText: past this many 字数 a 提醒 says the limit is close
	// MaxChars: the most characters (Unicode code points) a value may hold, a 错误 beyond it;
	// 0 means the kind's default (CharLimit). It bounds the work of every output, as 字数
	// cannot: a run of Latin letters counts as one 字 whatever its length.
	MaxChars int
	Hint     string // shown in the UI as a placeholder or help

	// Where the field prints in its block's grid (the host block; a table's columns).
	// Row is the block's printed row, from 0; LabelMM and ValueMM are the widths of the
	// field's label cell and value cell in millimetres, left to right in the order of
	// Fields; a table column has only ValueMM (its label heads the column). A Picture is one
	// cell, ValueMM wide, covering RowSpan rows from Row; the rows below keep its column
	// free. Every printed row adds up to TextMM.
	Row              int
	LabelMM, ValueMM float64
	RowSpan          int

	// Spreadsheets (roster, summary). Aliases: other headers people's own workbooks use for this
	// column (its label always matches). SheetWidth: the column's width in Excel's character
	// units (0: from the label). Summary: the field's place among the host's columns of the
	// summary workbook, from 1 (0: not there). ValueAliases: other words people write for a
	// choice (男性 for 男).
	Aliases      []string
	SheetWidth   float64
	Summary      int
	ValueAliases map[string]string
}

// Default character limits: a one-line value fills a cell of the printed form well below
// 200 characters; a long text of 3000 字 with Latin words and spacing stays under 20 000.
const (
	MaxCharsLine = 200
	MaxCharsLong = 20000
)

// CharLimit is the most characters a value of the field may hold.
func (f Field) CharLimit() int {
	switch {
	case f.MaxChars > 0:
		return f.MaxChars
	case f.Kind == LongText:
		return MaxCharsLong
	}
	return MaxCharsLine
}

// Name is the label on one line, for messages and the UI.
func (f Field) Name() string { return strings.ReplaceAll(f.Label, "\n", "") }

// Block is one part of the printed form, in the bureau's order.
type Block struct {
	Key   string    // JSON key of the block's data ("host", "advisers", …); empty for opinions
	Label string    // the block's label as printed; "\n" where the printed form breaks the line
	Nav   string    // short name in the app's list of blocks
	Kind  BlockKind //
	// Fields: FieldsBlock's fields in printed order; TableBlock's columns in that table's
	// own printed order; TextBlock's one field.
	Fields   []Field
	Rows     int    // TableBlock: rows printed, and the most the user may fill
	MinRows  int    // TableBlock: rows that must be filled (a 错误 below)
	WarnRows int    // TableBlock: fewer filled rows than this give a 提醒
	Hint     string // TextBlock: the hint the form prints as the first line of the cell
	Sub      string // OpinionBlock: the sub-label printed in the cell
	// LabelMM: the width of the block's label cell, left of its content, in millimetres
	// (TextBlock, OpinionBlock, a FieldsBlock without a grid); TableBlock: the 序号 column.
	LabelMM float64
	Aliases []string // TableBlock: words that name the table in people's workbooks (sheet names, titles)
	Person  string   // TableBlock: what one row is called (成员), in messages and the summary
	Outline []string // TextBlock: headings the app offers as a start while the text is empty
	Help    string   // the line of help the app shows under the block's heading ("" : from its fields)
	// Shared (TableBlock): one person may be listed in several applications (an adviser may
	// advise two studios), so the summary does not warn about it.
	Shared bool
	// What related forms need (issue 22; docs/form-format.md), read from a definition file.
	PageBreak  bool    // the block starts a new page
	LeaveBlank bool    // the applicant leaves it blank: not offered, not stored, printed empty
	Text       string  // set wording: a NoteBlock's instructions, a DeclarationBlock's 承诺, an opinion's
	Sign       string  // DeclarationBlock, OpinionBlock: the signature line's label (申报人签名：)
	Seal       Seal    // OpinionBlock: whose seal goes in the box (NoSeal: none, no stamp line)
	SealNeeded bool    // the seal must be there on the scanned pages (the scan step says so if not)
	ClearMM    float64 // OpinionBlock, DeclarationBlock: clear height kept for the seal or signature
	// SummaryLabel: the summary workbook's column for the block: a table's filled rows, a
	// text's 字数 ("" for none).
	SummaryLabel string
}

// TextMM is the printed table's width in millimetres: A4 less Word's default margins.
const TextMM = 146.5

// Grid reports whether the block prints its fields in a grid of label and value cells (the
// host block) rather than as lines in one content cell.
func (b Block) Grid() bool {
	if b.Kind != FieldsBlock {
		return false
	}
	for _, f := range b.Fields {
		if f.ValueMM > 0 {
			return true
		}
	}
	return false
}

// Name is the block label on one line.
func (b Block) Name() string { return strings.ReplaceAll(b.Label, "\n", "") }

// NameColumn is a person table's column that names the person: the one keyed "name", else the
// first. A list read into the table needs it; the same-person checks compare it.
func (b Block) NameColumn() Field {
	if f := b.Field("name"); f.Key != "" || len(b.Fields) == 0 {
		return f
	}
	return b.Fields[0]
}

// Field finds one of the block's fields by its key; the zero Field when there is none.
func (b Block) Field(key string) Field {
	for _, f := range b.Fields {
		if f.Key == key {
			return f
		}
	}
	return Field{}
}

// Title is the form's title, with the curly quotes of the original.
const Title = "柳州市首批“名班主任工作室”申报表"

// Counties are the six 县区 of the notice (八（五）) that a studio pairs with.
var Counties = []string{"柳城县", "鹿寨县", "融安县", "融水苗族自治县", "三江侗族自治县", "柳江区"}

// Stamp and Date are printed at the lower right of every opinion box.
const (
	Stamp = "（盖  章）"
	Date  = "年  月  日"
)

// PlanOutline is the plan's skeleton from the form's hint, offered when the plan is empty.
var PlanOutline = []string{"一、指导思想", "二、工作目标", "三、工作室制度", "四、研究内容", "五、工作进展步骤和时间分布"}

// Columns of the two tables. The bureau printed 职务 before 职称 for advisers and the other way
// round for members: each table keeps its own order.
func personColumns(postFirst bool) []Field {
	post := Field{Key: "post", Label: "职务", Kind: Text, Required: true, ValueMM: 15,
		Aliases: []string{"行政职务", "现任职务", "担任职务"}, SheetWidth: 18}
	title := Field{Key: "title", Label: "职称", Kind: Text, Required: true, ValueMM: 15,
		Aliases: []string{"专业技术职称", "专业技术职务", "职称等级"}, SheetWidth: 16}
	mid := []Field{title, post}
	if postFirst {
		mid = []Field{post, title}
	}
	cols := []Field{
		{Key: "name", Label: "姓名", Kind: Text, Required: true, ValueMM: 15, Aliases: []string{"名字"}, SheetWidth: 11},
		{Key: "gender", Label: "性别", Kind: Choice, Choices: []string{"男", "女"}, Required: true, ValueMM: 11.3, SheetWidth: 7,
			ValueAliases: map[string]string{"男性": "男", "女性": "女"}},
		{Key: "birth", Label: "出生年月", Kind: YearMonth, Required: true, Hint: "如 1985.03", ValueMM: 17.2,
			Aliases: []string{"出生日期", "出生年月日", "生日"}, SheetWidth: 11},
		{Key: "unit", Label: "所在单位", Kind: Text, Required: true, ValueMM: 19.5,
			Aliases: []string{"单位", "工作单位", "学校", "所在学校", "任教学校", "单位名称"}, SheetWidth: 30},
	}
	cols = append(cols, mid...)
	return append(cols,
		Field{Key: "research", Label: "研究方向", Kind: Text, Required: true, ValueMM: 15.8,
			Aliases: []string{"研究领域", "研究专长", "研究方向及专长"}, SheetWidth: 28},
		Field{Key: "mobile", Label: "手机号码", Kind: Mobile, Required: true, Hint: "11位手机号码", ValueMM: 26.4,
			Aliases: []string{"手机", "手机号", "联系电话", "电话", "电话号码", "联系方式", "手机电话", "移动电话"}, SheetWidth: 15},
	)
}

// Form is the whole 申报表, block by block, as FORM.md §1 lays it out.
var Form = []Block{
	// The host block's grid, as the bureau printed it (FORM.md §1a). Why these widths, with
	// 1.9 mm padding each side and 五号 text (one Chinese character is 3.70 mm):
	//   - label cells 15.5 mm hold 3 characters a line (主持人, 从事班/主任工/作年限; four-
	//     character labels print as 是否/党员, like the bureau's 主持人/姓名);
	//   - the photo cell 28 mm holds the 25 mm photo with 1.5 mm either side;
	//   - 姓名 holds 3 characters (15 mm), 职称 and 职务 6 characters;
	//   - 联系电话 (27.8 mm) holds 0772-2822733 and every mobile on one line, 出生年月 1999.09;
	//   - 结对帮扶县区 starts off the third label column above it (text extraction reads the
	//     工作单位 row apart from the rows above: render/readorder.go).
	{Key: "host", Label: "主持人", Nav: "主持人", Kind: FieldsBlock, Fields: []Field{
		{Key: "name", Label: "主持人\n姓名", Kind: Text, Required: true, Row: 0, LabelMM: 15.5, ValueMM: 15, Summary: 1},
		{Key: "gender", Label: "性别", Kind: Choice, Choices: []string{"男", "女"}, Required: true, Row: 0, LabelMM: 15.5, ValueMM: 29.2},
		{Key: "birth", Label: "出生年月", Kind: YearMonth, Required: true, Hint: "如 1985.03", Row: 0, LabelMM: 15.5, ValueMM: 27.8},
		{Key: "photo", Label: "近期\n1寸照片", Kind: Picture, Required: true, Row: 0, ValueMM: 28, RowSpan: 3},
		{Key: "partyMember", Label: "是否党员", Kind: Choice, Choices: []string{"是", "否"}, Required: true, Row: 1, LabelMM: 15.5, ValueMM: 15, Summary: 6},
		{Key: "title", Label: "职称", Kind: Text, Required: true, Hint: "如 中学高级教师", Row: 1, LabelMM: 15.5, ValueMM: 29.2, Summary: 3},
		{Key: "post", Label: "职务", Kind: Text, Required: true, Hint: "如 年级组长、德育主任", Row: 1, LabelMM: 15.5, ValueMM: 27.8, Summary: 4},
		{Key: "years", Label: "从事班主任工作年限", Kind: WholeNumber, Min: 5, Required: true, Hint: "整数，单位：年", Row: 2, LabelMM: 15.5, ValueMM: 15, Summary: 5},
		{Key: "research", Label: "研究方向", Kind: Text, Required: true, Row: 2, LabelMM: 15.5, ValueMM: 29.2},
		{Key: "phone", Label: "联系电话", Kind: Phone, Required: true, Hint: "手机或座机，如 0772-2822733", Row: 2, LabelMM: 15.5, ValueMM: 27.8, Summary: 8},
		{Key: "unit", Label: "工作单位", Kind: Text, Required: true, Row: 3, LabelMM: 15.5, ValueMM: 64.7, Summary: 2},
		{Key: "pairedCounty", Label: "结对帮扶县区", Kind: Choice, Choices: Counties, Required: true, Row: 3, LabelMM: 15.5, ValueMM: 50.8, Summary: 7},
	}},
	{Key: "advisers", Label: "指导老师基本情况", Nav: "指导老师", Kind: TableBlock,
		Fields: personColumns(true), Rows: 2, MinRows: 1, LabelMM: 11.3, Aliases: []string{"指导", "导师"},
		Person: "指导老师", Shared: true, SummaryLabel: "指导老师数"},
	{Key: "members", Label: "工作室成员基本情况", Nav: "工作室成员", Kind: TableBlock,
		Fields: personColumns(false), Rows: 5, WarnRows: 5, LabelMM: 11.3, Aliases: []string{"成员"},
		Person: "成员", SummaryLabel: "成员数"},
	{Key: "achievements", Label: "主持人近5年从事班主任工作方面的主要业绩及成果", Nav: "近5年业绩", Kind: TextBlock, LabelMM: 15.5,
		Fields: []Field{{Label: "主持人近5年从事班主任工作方面的主要业绩及成果", Kind: LongText, Required: true}}},
	{Key: "existingStudio", Label: "已设立有名班主任工作室或名班主任网络工作室的情况", Nav: "已设工作室", Kind: FieldsBlock, LabelMM: 15.5,
		Help: "没有已设立的工作室时，这两项可以不填。",
		Fields: []Field{
			{Key: "name", Label: "已成立的工作室名称：", Kind: Text, Hint: "没有可不填"},
			{Key: "approvedBy", Label: "批准设立部门：", Kind: Text, Hint: "没有可不填"},
		}},
	{Key: "plan", Label: "工作室未来三年发展规划", Nav: "三年发展规划", Kind: TextBlock, LabelMM: 15.5,
		Hint:         "（大概内容：指导思想，工作目标，工作室制度，研究内容，工作进展步骤和时间分布等。字数要求：3000字内。可另附纸。）",
		Fields:       []Field{{Label: "工作室未来三年发展规划", Kind: LongText, Required: true, MaxWords: 3000, WarnWords: 2800}},
		SummaryLabel: "规划字数", Outline: PlanOutline},
	{Label: "所在学校\n推荐意见", Kind: OpinionBlock, Sub: "（名班主任工作室主持人所在单位）", LabelMM: 15.5},
	{Label: "所在县区教育行政部门意见", Kind: OpinionBlock, LabelMM: 15.5},
	{Label: "柳州市教育局意见", Kind: OpinionBlock, LabelMM: 15.5},
}

// Path is a field's path in the draft and in messages: "host.years", "advisers[1].mobile"
// (rows 1-based), "plan". row is ignored outside tables.
func Path(b Block, f Field, row int) string {
	switch b.Kind {
	case TableBlock:
		return fmt.Sprintf("%s[%d].%s", b.Key, row, f.Key)
	case TextBlock:
		return b.Key
	default:
		return b.Key + "." + f.Key
	}
}
