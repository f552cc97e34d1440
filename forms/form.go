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
	// Group: the text of a label cell over several rows of labels (外语考试情况 over 年度 and
	// 成绩, 学历 over 第一学历 and 最高学历), on every field whose label sits beside that cell.
	// The first of them prints it: a cell GroupMM wide before its label, covering GroupSpan
	// rows from its Row; the fields of the rows below start after the covered part.
	Group     string
	GroupMM   float64
	GroupSpan int
	// LabelAbove: the label is printed in a cell of its own in Row and the value in the cell
	// under it in Row+1, both ValueMM wide (a bureau's form that puts 姓名 above its blank);
	// LabelMM is then 0.
	LabelAbove bool
	// BoxChoice: BoxFirst prints each box before its choice (□男 □女, as many templates do);
	// LabelInside prints the label before the boxes in their own cell (申报类别：□正常 □破格),
	// LabelMM then 0.
	BoxFirst, LabelInside bool

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

// Name is the label on one line, for messages and the UI: after its group's label when it has
// one (外语考试情况（年度）).
func (f Field) Name() string {
	name := strings.ReplaceAll(f.Label, "\n", "")
	if f.Group != "" {
		return strings.ReplaceAll(f.Group, "\n", "") + "（" + name + "）"
	}
	return name
}

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
	// SideMM (TableBlock): the table's label prints in a cell this wide at its left, over the
	// column heads and every row (主要学习经历 merged down beside its table), instead of a
	// heading row across it; 0 for the heading row.
	SideMM  float64
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

// Stamp and Date are printed at the lower right of an opinion box, unless its definition
// says otherwise (stamp, date).
const (
	Stamp = "（盖  章）"
	Date  = "年  月  日"
)

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
