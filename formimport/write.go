package formimport

import (
	"bytes"
	"fmt"
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"shenbao/forms"
)

// Writing the definition file as docs/form-format.md shows it: the head, [roles], the blocks
// in printed order, each with where it is in the template and the guesses about it as
// comments.

func (d *draftDef) toml() []byte {
	var w bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&w, format, args...) }
	p("# %s —— 由 shenbao form import 从空白模板 %s 导入的申报表定义文件\n", d.title, comment(filepath.Base(d.name)))
	p("#\n# 程序按模板的表格猜出了下面各栏；标有“猜测”的地方它拿不准，请对照模板核对、改正。\n")
	p("# 通知里的申报条件（年限、年龄、县区、人数……）模板里没有：请照 docs/form-format.md 写成 [[rules]]。\n")
	p("# required（必填）都按 true 写出，请按通知改；改完用 shenbao form check 本文件 检查。\n")
	if d.edits > 0 {
		p("# 导入后在 shenbao 程序里核对、改过 %d 处（下面标有“在程序里改过”）。\n", d.edits)
	}
	for _, n := range d.notes {
		p("# %s\n", comment(n))
	}
	for _, n := range d.loose() {
		p("# 猜测：%s\n", comment(n))
	}
	p("\nformat = \"shenbao-form\"\nformat_version = 1\n\n")
	p("id = %s\nversion = 1\ntitle = %s\n", str(d.id()), str(d.title))
	p("source = %s\n", str(clip("由空白模板 "+filepath.Base(d.name)+" 导入", 500)))
	if d.stamp != "" && d.stamp != forms.Stamp {
		p("stamp = %s   # 模板上盖章处的字\n", str(d.stamp))
	}
	if d.date != "" && d.date != forms.Date {
		p("date = %s   # 模板上的日期\n", str(d.date))
	}
	p("\n[roles]\n")
	for _, n := range d.roleNotes {
		p("# 猜测：%s\n", comment(n))
	}
	for _, r := range d.roleList {
		p("%s = %s\n", r[0], str(r[1]))
	}
	for i, b := range d.blocks {
		p("\n# %d %s：%s\n", i+1, b.rows, describe(b))
		guessed := "猜测"
		if b.edited != "" {
			p("# 在程序里改过：%s\n", comment(b.edited))
			guessed = "原先的猜测"
		}
		for _, n := range b.notes {
			p("# %s：%s\n", guessed, comment(n))
		}
		p("[[blocks]]\n")
		if b.Key != "" {
			p("key = %s\n", str(b.Key))
		}
		if b.Label != "" {
			p("label = %s", str(b.Label))
			if b.Kind == forms.FieldsBlock && b.Grid() {
				p("   # 不印在表上：程序的栏目列表和提示用它")
			}
			p("\n")
		}
		if b.Stored() {
			p("nav = %s\n", str(b.Nav))
		}
		p("kind = %s\n", str(blockKindName(b.Kind)))
		if b.LabelMM > 0 {
			p("label_mm = %s\n", num(b.LabelMM))
		}
		if b.SideMM > 0 {
			p("side_mm = %s   # 表格的名称印在左边一格里，跨表头和各行\n", num(b.SideMM))
		}
		if b.Kind == forms.TableBlock {
			p("rows = %d\n", b.Rows)
			if b.Person != "" {
				p("person = %s\n", str(b.Person))
			}
		}
		if b.Hint != "" {
			p("hint = %s\n", str(b.Hint))
		}
		if b.Sub != "" {
			p("sub = %s\n", str(b.Sub))
		}
		if b.Text != "" {
			p("text = %s\n", str(b.Text))
		}
		if b.Sign != "" {
			p("sign = %s\n", str(b.Sign))
		}
		if b.Seal != forms.NoSeal {
			p("seal = %s   # %s的公章\n", str(string(b.Seal)), b.Seal.Name())
			if !b.SealNeeded {
				p("seal_required = false\n")
			}
		}
		if b.LeaveBlank {
			p("leave_blank = true\n")
		}
		if b.PageBreak {
			p("page_break = true   # 模板上这一栏从新的一页开始\n")
		}
		for j, f := range b.Fields {
			p("\n  # %s\n", b.fwhere[j])
			guessed := "猜测"
			if j < len(b.fedits) && b.fedits[j] != "" {
				p("  # 在程序里改过：%s\n", comment(b.fedits[j]))
				guessed = "原先的猜测"
			}
			for _, n := range b.fnotes[j] {
				p("  # %s：%s\n", guessed, comment(n))
			}
			d.field(&w, b, f)
		}
	}
	d.rowRules(&w)
	return w.Bytes()
}

// rowRules are the tables' least rows a person set (Apply), as the format says them: a rows
// rule of error severity.
func (d *draftDef) rowRules(w *bytes.Buffer) {
	for _, b := range d.blocks {
		if b.Kind != forms.TableBlock || b.MinRows == 0 {
			continue
		}
		fmt.Fprintf(w, "\n# 在程序里改过：“%s”至少要填 %d 行\n[[rules]]\nkind = \"rows\"\ntables = [%s]\nmin = %d\n", comment(b.Name()), b.MinRows, str(b.Key), b.MinRows)
		fmt.Fprintf(w, "message = %s\n", str("{table}只填了{n}行，至少要填{min}行：请补上。"))
	}
}

// loose are the guesses not written beside a block or a field: about a cell merged into
// another, labels joined, the seal lines.
func (d *draftDef) loose() []string {
	placed := map[string]bool{}
	for _, n := range d.roleNotes {
		placed[n] = true
	}
	for _, b := range d.blocks {
		for _, n := range b.notes {
			placed[n] = true
		}
		for _, ns := range b.fnotes {
			for _, n := range ns {
				placed[n] = true
			}
		}
	}
	var out []string
	for _, n := range d.guesses {
		if s := n.String(); !placed[s] {
			placed[s] = true
			out = append(out, s)
		}
	}
	return out
}

func (d *draftDef) field(w *bytes.Buffer, b *block, f forms.Field) {
	p := func(format string, args ...any) { fmt.Fprintf(w, "  "+format, args...) }
	p("[[blocks.fields]]\n")
	if b.Kind != forms.TextBlock {
		p("key = %s\n", str(f.Key))
	}
	p("label = %s\n", str(f.Label))
	p("kind = %s\n", str(f.Kind.String()))
	if len(f.Choices) > 0 {
		var cs []string
		for _, c := range f.Choices {
			cs = append(cs, str(c))
		}
		p("choices = [%s]\n", strings.Join(cs, ", "))
	}
	if f.Required {
		p("required = true\n")
	}
	if f.Hint != "" {
		p("hint = %s\n", str(f.Hint))
	}
	if f.MaxWords > 0 {
		p("max_words = %d\n", f.MaxWords)
	}
	if f.MaxChars > 0 {
		p("max_chars = %d\n", f.MaxChars)
	}
	if b.Kind == forms.FieldsBlock && b.Grid() {
		p("row = %d\n", f.Row)
		if f.LabelMM > 0 {
			p("label_mm = %s\n", num(f.LabelMM))
		}
	}
	if f.ValueMM > 0 {
		p("value_mm = %s\n", num(f.ValueMM))
	}
	if f.Kind == forms.Picture && f.RowSpan > 1 {
		p("row_span = %d\n", f.RowSpan)
	}
	if f.GroupSpan > 0 {
		p("group = %s\n", str(f.Group))
		p("group_mm = %s\n", num(f.GroupMM))
		p("group_span = %d\n", f.GroupSpan)
	}
	if f.BoxFirst {
		p("box_first = true   # 方框印在选项前面：□%s\n", f.Choices[0])
	}
	if f.LabelInside {
		p("label_inside = true   # 名称印在方框前面、同一格里\n")
	}
	if f.LabelAbove {
		p("label_above = true   # 名称印在上面一格，填写格在它下面\n")
	}
}

// describe says what a block is, for the comment above it.
func describe(b *block) string {
	switch b.Kind {
	case forms.FieldsBlock:
		if b.Grid() {
			for _, f := range b.Fields {
				if f.Kind == forms.Picture {
					return "按格子排的字段（名称格 + 填写格），有照片格"
				}
			}
			return "按格子排的字段（名称格 + 填写格）"
		}
		return "一个内容格里一行一个的字段"
	case forms.TableBlock:
		return fmt.Sprintf("表格，印 %d 行", b.Rows)
	case forms.TextBlock:
		return "长文字"
	case forms.OpinionBlock:
		return "意见栏（打印后手写、盖章）"
	case forms.DeclarationBlock:
		return "承诺与签名"
	case forms.NoteBlock:
		return "说明文字"
	}
	return ""
}

func blockKindName(k forms.BlockKind) string { return k.String() }

// str is a TOML basic string.
func str(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			sb.WriteString(`\"`)
		case r == '\\':
			sb.WriteString(`\\`)
		case r == '\n':
			sb.WriteString(`\n`)
		case r == '\t':
			sb.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, `\u%04X`, r)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}

// comment is a text on one comment line.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// num is a width in millimetres, to 0.1.
func num(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}
