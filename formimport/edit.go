package formimport

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"shenbao/forms"
)

// Correcting an import before it is kept: the app lists the guessed form, a person changes a
// field's kind, whether it is required, its limits, a table's rows, the title and the id, and
// Apply writes the definition again with those changes. The file is the importer's own
// writer's output, so every comment (where each field is in the template, each guess) is
// written again; the fields changed say so beside them, and what was guessed about them
// stays as "原先的猜测" for the clerk who reads the file later.

// Edits are the changes to an imported form. Fields and Tables address the blocks and fields
// by their index in Result.Definition (the order they print in).
type Edits struct {
	Title  string // "" keeps the title
	ID     string // "" keeps the id
	Fields []FieldEdit
	Tables []TableEdit
}

// FieldEdit is one field as the person wants it.
type FieldEdit struct {
	Block, Field int
	Kind         forms.Kind
	Choices      []string // Choice, BoxChoice: the values offered
	Required     bool
	MaxChars     int // 0: the kind's default (forms.Field.CharLimit)
	MaxWords     int // LongText: the 字数 limit, 0 for none
}

// TableEdit is a table's rows as the person wants them.
type TableEdit struct {
	Block   int
	Rows    int // rows printed, the most that may be filled (1–200)
	MinRows int // rows that must be filled (0: none); written as a rows rule
}

// EditError is an edit the format cannot take, said for the person who made it. Block and
// Field say where (-1 for the form itself, Field -1 for the block).
type EditError struct {
	Block, Field int
	Msg          string
}

func (e *EditError) Error() string { return e.Msg }

// Kinds a field of the given block may be changed to, in the order the app offers them. A
// long text lives only in a text block and a photo only where the template had its cell, so
// those keep their kind.
func Kinds(blockKind forms.BlockKind, now forms.Kind) []forms.Kind {
	switch {
	case now == forms.Picture:
		return []forms.Kind{forms.Picture}
	case blockKind == forms.TextBlock || now == forms.LongText:
		return []forms.Kind{forms.LongText}
	}
	return []forms.Kind{forms.Text, forms.Choice, forms.BoxChoice, forms.YearMonth, forms.Period,
		forms.Phone, forms.Mobile, forms.WholeNumber}
}

// KindName is a field kind in the user's words.
func KindName(k forms.Kind) string {
	switch k {
	case forms.Text:
		return "单行文字"
	case forms.Choice:
		return "选择（下拉列表）"
	case forms.BoxChoice:
		return "选择（印成□打勾）"
	case forms.YearMonth:
		return "年月"
	case forms.Period:
		return "起止年月"
	case forms.Phone:
		return "电话号码"
	case forms.Mobile:
		return "手机号码"
	case forms.WholeNumber:
		return "整数"
	case forms.LongText:
		return "长文字"
	case forms.Picture:
		return "照片"
	}
	return k.String()
}

// Where is the place of block b (field -1) or of its field in the template: 第1—4行,
// 第3行第2格.
func (r *Result) Where(b, field int) string {
	blk := r.block(b)
	switch {
	case blk == nil:
		return ""
	case field < 0:
		return blk.rows
	case field < len(blk.fwhere):
		return blk.fwhere[field]
	}
	return ""
}

// NotesAt are the guesses about block b (field -1) or its field, as the file's comments
// say them (with the place in the template).
func (r *Result) NotesAt(b, field int) []string {
	blk := r.block(b)
	switch {
	case blk == nil:
		return nil
	case field < 0:
		return blk.notes
	case field < len(blk.fnotes):
		return blk.fnotes[field]
	}
	return nil
}

// OtherNotes are the guesses written at the file's head: not about one block or field.
func (r *Result) OtherNotes() []string {
	if r.def == nil {
		return nil
	}
	return append(r.def.loose(), r.def.roleNotes...)
}

func (r *Result) block(i int) *block {
	if r.def == nil || i < 0 || i >= len(r.def.blocks) {
		return nil
	}
	return r.def.blocks[i]
}

var idPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`) })

// Apply writes the definition again with the edits and reads it back; r is unchanged. An edit
// the format cannot take is an *EditError; a file that would not load is never returned.
func (r *Result) Apply(e Edits) (*Result, error) {
	if r.def == nil {
		return nil, fmt.Errorf("apply: %w", ErrBadImport)
	}
	d := r.def.clone()
	if err := d.retitle(e.Title, e.ID); err != nil {
		return nil, err
	}
	for _, fe := range e.Fields {
		if err := d.editField(fe); err != nil {
			return nil, err
		}
	}
	for _, te := range e.Tables {
		if err := d.editTable(te); err != nil {
			return nil, err
		}
	}
	if err := d.reroles(); err != nil {
		return nil, err
	}
	data := d.toml()
	parsed, err := forms.ParseDefinition(data, d.fileName())
	if err != nil {
		return nil, &EditError{Block: -1, Field: -1, Msg: "改过的表格没有通过检查：\n" + forms.Message(err)}
	}
	return &Result{TOML: data, Definition: parsed, Notes: d.guesses, Template: r.Template, def: d}, nil
}

// FileName is the name the definition is best kept under: its id and .toml.
func (r *Result) FileName() string {
	if r.def == nil {
		return r.Definition.ID + ".toml"
	}
	return r.def.fileName()
}

func (d *draftDef) fileName() string { return d.id() + ".toml" }

// clone copies what an edit may change: the blocks and their fields.
func (d *draftDef) clone() *draftDef {
	c := *d
	c.blocks = make([]*block, len(d.blocks))
	for i, b := range d.blocks {
		nb := *b
		nb.Fields = slices.Clone(b.Fields)
		for j := range nb.Fields {
			nb.Fields[j].Choices = slices.Clone(nb.Fields[j].Choices)
		}
		nb.fedits = slices.Clone(b.fedits)
		c.blocks[i] = &nb
	}
	c.roleList = slices.Clone(d.roleList)
	c.roleNotes = slices.Clone(d.roleNotes)
	c.guesses = slices.Clone(d.guesses)
	return &c
}

func (d *draftDef) retitle(title, id string) error {
	if title = strings.TrimSpace(title); title != "" && title != d.title {
		if strings.ContainsAny(title, "\r\n\t") || utf8.RuneCountInString(title) > 100 {
			return &EditError{Block: -1, Field: -1, Msg: "标题要写在一行里，不超过 100 个字。"}
		}
		d.title = title
		d.edits++
	}
	if id = strings.TrimSpace(id); id != "" && id != d.id() {
		if len(id) > 64 || !idPattern().MatchString(id) {
			return &EditError{Block: -1, Field: -1, Msg: "编号只能用小写英文字母、数字和连字符（-），以字母或数字开头，不超过 64 个字符，如 liuzhou-yxbzr-2025。"}
		}
		d.fixedID = id
		d.edits++
	}
	return nil
}

// editField applies one field's edit, noting in the file what changed.
func (d *draftDef) editField(fe FieldEdit) error {
	if fe.Block < 0 || fe.Block >= len(d.blocks) || fe.Field < 0 || fe.Field >= len(d.blocks[fe.Block].Fields) {
		return &EditError{Block: fe.Block, Field: fe.Field, Msg: "没有这个字段（程序的问题）。"}
	}
	b := d.blocks[fe.Block]
	f := &b.Fields[fe.Field]
	bad := func(format string, args ...any) error {
		return &EditError{Block: fe.Block, Field: fe.Field, Msg: "“" + f.Name() + "”：" + fmt.Sprintf(format, args...)}
	}
	if !slices.Contains(Kinds(b.Kind, f.Kind), fe.Kind) {
		return bad("不能改为%s。", KindName(fe.Kind))
	}
	choices, err := cleanChoices(fe.Kind, fe.Choices)
	if err != "" {
		return bad("%s", err)
	}
	switch {
	case fe.MaxChars < 0 || fe.MaxChars > forms.MaxCharsLong:
		return bad("最多字数应在 1 到 %d 之间（不限就留空）。", forms.MaxCharsLong)
	case fe.MaxWords < 0 || fe.MaxWords > forms.MaxCharsLong:
		return bad("字数上限应在 1 到 %d 之间（不限就留空）。", forms.MaxCharsLong)
	case fe.MaxWords > 0 && fe.Kind != forms.LongText:
		return bad("只有长文字有字数上限。")
	}
	var changed []string
	if fe.Kind != f.Kind || !slices.Equal(choices, f.Choices) {
		changed = append(changed, fmt.Sprintf("kind 由 %s 改为 %s", kindWithChoices(f.Kind, f.Choices), kindWithChoices(fe.Kind, choices)))
	}
	if fe.Required != f.Required {
		changed = append(changed, fmt.Sprintf("required 改为 %v", fe.Required))
	}
	if fe.MaxChars != f.MaxChars {
		changed = append(changed, fmt.Sprintf("max_chars 改为 %s", limitText(fe.MaxChars, "默认")))
	}
	if fe.MaxWords != f.MaxWords {
		changed = append(changed, fmt.Sprintf("max_words 改为 %s", limitText(fe.MaxWords, "不限")))
	}
	if len(changed) == 0 {
		return nil
	}
	f.Kind, f.Choices, f.Required, f.MaxChars, f.MaxWords = fe.Kind, choices, fe.Required, fe.MaxChars, fe.MaxWords
	if f.Kind != forms.LongText {
		f.WarnWords = 0
	}
	b.noteEdit(fe.Field, strings.Join(changed, "，"))
	d.edits++
	return nil
}

// cleanChoices are a choice's values as the format takes them: trimmed, none empty, none
// twice, 1–100 of at most 100 characters; no values for the other kinds. The second result
// says what is wrong, "" when nothing.
func cleanChoices(k forms.Kind, in []string) ([]string, string) {
	if k != forms.Choice && k != forms.BoxChoice {
		return nil, ""
	}
	var out []string
	for _, c := range in {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
			continue
		case slices.Contains(out, c):
			return nil, fmt.Sprintf("可选的值“%s”写了两次。", c)
		case utf8.RuneCountInString(c) > 100 || strings.ContainsAny(c, "\r\n\t"):
			return nil, "每个可选的值要在一行里，不超过 100 个字。"
		}
		out = append(out, c)
	}
	switch {
	case len(out) == 0:
		return nil, "选择要写出可选的值（用顿号或逗号隔开，如：男、女）。"
	case len(out) > 100:
		return nil, "可选的值最多 100 个。"
	}
	return out, ""
}

// SplitChoices reads values typed on one line, separated by 、，, or spaces.
func SplitChoices(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == '；' || r == ';' || r == ' ' || r == '\u3000' || r == '/' || r == '／'
	})
}

func kindWithChoices(k forms.Kind, choices []string) string {
	if len(choices) == 0 {
		return k.String()
	}
	return k.String() + "（" + strings.Join(choices, "、") + "）"
}

func limitText(n int, none string) string {
	if n == 0 {
		return none
	}
	return fmt.Sprint(n)
}

func (d *draftDef) editTable(te TableEdit) error {
	if te.Block < 0 || te.Block >= len(d.blocks) || d.blocks[te.Block].Kind != forms.TableBlock {
		return &EditError{Block: te.Block, Field: -1, Msg: "这一栏不是表格（程序的问题）。"}
	}
	b := d.blocks[te.Block]
	bad := func(format string, args ...any) error {
		return &EditError{Block: te.Block, Field: -1, Msg: "“" + b.Name() + "”：" + fmt.Sprintf(format, args...)}
	}
	switch {
	case te.Rows < 1 || te.Rows > 200:
		return bad("印出的行数应在 1 到 200 之间。")
	case te.MinRows < 0 || te.MinRows > te.Rows:
		return bad("至少要填的行数（%d）不能多于印出的行数（%d）。", te.MinRows, te.Rows)
	}
	var changed []string
	if te.Rows != b.Rows {
		changed = append(changed, fmt.Sprintf("rows 由 %d 改为 %d", b.Rows, te.Rows))
	}
	if te.MinRows != b.MinRows {
		changed = append(changed, fmt.Sprintf("至少填 %d 行（见文末的 [[rules]]）", te.MinRows))
	}
	if len(changed) == 0 {
		return nil
	}
	b.Rows, b.MinRows = te.Rows, te.MinRows
	b.edited = strings.Join(changed, "，")
	d.edits++
	return nil
}

// noteEdit says beside field j what the person changed.
func (b *block) noteEdit(j int, what string) {
	if len(b.fedits) < len(b.Fields) {
		b.fedits = append(b.fedits, make([]string, len(b.Fields)-len(b.fedits))...)
	}
	b.fedits[j] = what
}

// reroles names the applicant's fields again: a kind changed may have made the name field
// something else. The guesses about the roles are replaced by the new ones.
func (d *draftDef) reroles() error {
	old := map[string]bool{}
	for _, n := range d.roleNotes {
		old[n] = true
	}
	d.guesses = slices.DeleteFunc(d.guesses, func(n Note) bool { return old[n.String()] })
	d.roleList, d.roleNotes = nil, nil
	bd := &builder{}
	err := d.roles(bd)
	if err != nil {
		return &EditError{Block: -1, Field: -1, Msg: "表格以外至少要留一个“单行文字”的字段作申报人的姓名（导出的文件名用它）：请把“姓名”一栏改回单行文字。"}
	}
	d.guesses = append(d.guesses, bd.guesses...)
	return nil
}
