// Package formimport makes a form definition (docs/form-format.md) from a bureau's blank Word
// template: the title above the table, then, in printed order, the grid of label and empty
// cells with its photo cell, the person tables headed 序号, the long texts with their 字数
// limits, the opinion boxes with their seals. Widths come from the template's own grid,
// scaled to the format's 146.5 mm. Every guess it is unsure of is said, in the file as a
// comment and in Result.Notes, so that a person can correct it; what it writes always loads
// (forms.ParseDefinition is run on it here).
//
// It reads the template through readback's bounded .docx reader and imports forms; the
// command line (shenbao form import) and the app call it.
package formimport

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"shenbao/forms"
	"shenbao/readback"
)

// Result is a template imported.
type Result struct {
	TOML       []byte            // the definition file, with its comments
	Definition *forms.Definition // TOML as the program reads it
	Notes      []Note            // the guesses it is unsure of, in printed order
	Template   []string          // about the template as a whole: its width, what was left out
	def        *draftDef         // what TOML was written from, for Apply
}

// ErrNotForm is what errors.Is finds in a *NotFormError.
var ErrNotForm = errors.New("这不是空白的申报表模板")

// NotFormError says why a document is not a blank form to import, in the user's words.
type NotFormError struct{ Reason string }

func (e *NotFormError) Error() string        { return e.Reason }
func (e *NotFormError) Is(target error) bool { return target == ErrNotForm }

// ErrBadImport: the definition made did not load. It is the importer's mistake, never
// written to a file.
var ErrBadImport = errors.New("导入的定义文件没有通过检查（这是程序的问题，请把模板发给开发者）")

// Import reads a blank template (.docx bytes); name is the template's file name, for the
// definition's id, source and comments.
func Import(data []byte, name string) (*Result, error) {
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
		return nil, fmt.Errorf("import %s: %w", name, readback.ErrOldDoc)
	}
	body, err := readback.ReadBody(data)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	return fromBody(body, name)
}

// fromDocument imports a word/document.xml (the fuzz target's way in).
func fromDocument(doc []byte, name string) (*Result, error) {
	body, err := readback.ParseBody(doc)
	if err != nil {
		return nil, err
	}
	return fromBody(body, name)
}

// Message is the Chinese sentence for an error of Import.
func Message(err error) string {
	var nf *NotFormError
	var ee *EditError
	switch {
	case errors.As(err, &nf):
		return nf.Reason
	case errors.As(err, &ee):
		return ee.Msg
	case errors.Is(err, ErrBadImport):
		return err.Error()
	}
	return readback.Message(err)
}

func fromBody(body *readback.Body, name string) (*Result, error) {
	if err := isForm(body); err != nil {
		return nil, err
	}
	sh := newSheet(body)
	if err := sheetIsForm(sh); err != nil {
		return nil, err
	}
	bd := &builder{sh: sh, counts: map[string]int{}, keys: map[string]bool{}}
	var titleNotes []string
	bd.title, titleNotes = findTitle(body, sh, name)
	bd.notes = append(bd.notes, sh.notes...)
	bd.notes = append(bd.notes, titleNotes...)
	bd.build()
	stored := 0
	for _, b := range bd.blocks {
		if b.Stored() {
			stored++
		}
	}
	if stored == 0 {
		return nil, &NotFormError{"表格里找不到要填写的栏目（名称格旁边的空白格、序号表格、长文字格）：这不像空白的申报表模板。"}
	}
	def := &draftDef{title: bd.title, name: name, blocks: bd.blocks, notes: bd.notes}
	if err := def.roles(bd); err != nil {
		return nil, err
	}
	def.seals(bd)
	def.guesses = bd.guesses
	data := def.toml()
	parsed, err := forms.ParseDefinition(data, tomlName(name))
	if err != nil {
		return nil, fmt.Errorf("import %s: %w: %v", name, ErrBadImport, err)
	}
	return &Result{TOML: data, Definition: parsed, Notes: bd.guesses, Template: bd.notes, def: def}, nil
}

// tomlName is the definition file's name beside the template: 模板.toml.
func tomlName(name string) string {
	base := filepath.Base(name)
	return strings.TrimSuffix(base, filepath.Ext(base)) + ".toml"
}

// isForm tells a document with no table from a form: empty, or a letter.
func isForm(body *readback.Body) error {
	text := 0
	for _, p := range body.Paragraphs {
		if strings.TrimSpace(p.Text) != "" {
			text++
		}
	}
	cells := 0
	for _, t := range body.Tables {
		for _, r := range t.Rows {
			cells += len(r.Cells)
		}
	}
	switch {
	case text == 0 && cells == 0:
		return &NotFormError{"这个 Word 文件是空的（没有文字，也没有表格）：请选择教育局发布的空白申报表（Word 文件）。"}
	case cells == 0:
		return &NotFormError{fmt.Sprintf("这个 Word 文件里没有表格，只有 %d 段文字：像是一封信、通知或文章，不是申报表。申报表是一张有名称格和空白填写格的表格：请选择通知附件中的申报表。", text)}
	}
	return nil
}

var figure = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[0-9０-９,，.．]+[%％‰]?$`) })

// sheetIsForm tells a table of figures, or a table filled in, from a blank form: a form has
// cells left empty to fill in.
func sheetIsForm(sh *sheet) error {
	empty, filled, figures := 0, 0, 0
	for _, r := range sh.rows {
		for _, c := range r.cells {
			switch {
			case c.merge:
			case c.flat == "":
				empty++
			default:
				filled++
				if figure().MatchString(c.flat) {
					figures++
				}
			}
		}
	}
	switch {
	case filled > 0 && figures*10 >= filled*4 && empty*5 < empty+filled:
		return &NotFormError{fmt.Sprintf("这个 Word 文件里的表格是一张数字表（%d 个格子里有 %d 个是数字，空白格只有 %d 个）：不是空白的申报表模板。请选择通知附件中的申报表。", filled+empty, figures, empty)}
	case empty < 2 || empty*8 < empty+filled:
		return &NotFormError{fmt.Sprintf("这个 Word 文件里的表格几乎没有空白的填写格（%d 个格子里只有 %d 个是空的）：像是填好的表格或普通的表格，不是空白的申报表模板。", empty+filled, empty)}
	}
	if n, example := filledList(sh); n > 0 {
		return &NotFormError{fmt.Sprintf("这个 Word 文件里的表格有 %d 行编了号，每行都已填好内容（如“%s”），没有留空的一列：像是名单或统计表（如名额分配表），不是空白的申报表模板。请选择通知附件中的申报表。", n, short(example))}
	}
	return nil
}

// filledList finds a list filled in: numbered rows (1, 2, 3 in the first cell) that carry text
// in other cells, with no column left empty in all of them. A blank form's numbered rows are
// empty to fill, or print items beside a column left empty (a 评分表's 得分); a notice's table of
// schools and numbers has every column written in some row. It says how many rows, and the
// text of one of them.
func filledList(sh *sheet) (int, string) {
	var group []*srow
	check := func() (int, string) {
		defer func() { group = nil }()
		if len(group) < 2 {
			return 0, ""
		}
		used := map[float64]bool{} // a column's left edge → some row writes in it
		for _, r := range group {
			for _, c := range r.cells[1:] {
				if !c.merge && c.flat != "" && c.class != boxesCell {
					used[round1(c.x0)] = true
				}
			}
		}
		for _, r := range group {
			for _, c := range r.cells[1:] {
				if !used[round1(c.x0)] {
					return 0, ""
				}
			}
		}
		return len(group), group[0].cells[1].text
	}
	for _, r := range sh.rows {
		numbered := numberedWithText(r)
		if len(group) > 0 && (!numbered || r.table != group[0].table) {
			if n, ex := check(); n > 0 {
				return n, ex
			}
		}
		if numbered {
			group = append(group, r)
		}
	}
	return check()
}

// numberedWithText: the row's first cell is a number and another cell holds text.
func numberedWithText(r *srow) bool {
	if len(r.cells) < 2 || r.cells[0].merge || !numberOnly().MatchString(r.cells[0].flat) {
		return false
	}
	for _, c := range r.cells[1:] {
		if !c.merge && c.flat != "" && c.class != boxesCell {
			return true
		}
	}
	return false
}

var (
	attachmentLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(附件|附表)\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?$`)
	})
	fillInLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`[：:][\s\x{3000}_]{2,}|[：:]\s*$|年[\s\x{3000}_]+月[\s\x{3000}_]+日`)
	})
)

// findTitle is the form's title: the paragraph above the table that reads as one (not 附件1,
// not a line to fill in like 推荐单位：____), the most like a title (ending in 表, centred,
// bold, large), nearest the table; else the table's first row when it is one cell across the
// table (that row is then taken); else the file's name.
func findTitle(body *readback.Body, sh *sheet, name string) (string, []string) {
	var notes []string
	best, score := "", -1
	var prev *readback.Paragraph // the paragraph before, when it could be a title's first line
	for i := range body.Paragraphs {
		p := body.Paragraphs[i]
		if p.Tables > 0 {
			if t := strings.TrimSpace(oneLine(p.Text)); t != "" {
				notes = append(notes, fmt.Sprintf("表格%s的文字“%s”没有导入（定义文件只写表格里的栏目）。", where(p, body), short(t)))
			}
			continue
		}
		t := titleText(p.Text)
		if t == "" {
			continue
		}
		if attachmentLine().MatchString(t) || fillInLine().MatchString(p.Text) {
			if !attachmentLine().MatchString(t) {
				notes = append(notes, fmt.Sprintf("表格上方的“%s”没有导入（要填的栏目请写进表格）。", short(t)))
			}
			prev = nil
			continue
		}
		// A title set on two lines (柳州市首批“名班主任工作室” / 申报表): one title.
		if prev != nil && p.Centered && prev.Centered && utf8.RuneCountInString(t) <= 8 && !strings.HasSuffix(titleText(prev.Text), "表") {
			t = clip(titleText(prev.Text)+t, 100)
		}
		prev = &body.Paragraphs[i]
		s := 0
		if strings.HasSuffix(t, "表") || strings.Contains(t, "申报") || strings.Contains(t, "推荐") {
			s += 3
		}
		if p.Centered {
			s++
		}
		if p.Bold {
			s++
		}
		if p.Size >= 30 {
			s++
		}
		if utf8.RuneCountInString(t) > 60 {
			s -= 3
		}
		if s >= score {
			best, score = t, s
		}
	}
	if best == "" && len(sh.rows) > 0 && len(sh.rows[0].cells) == 1 {
		c := sh.rows[0].cells[0]
		if t := titleText(c.text); c.class == labelCell && t != "" && utf8.RuneCountInString(t) <= 60 {
			sh.rows = sh.rows[1:]
			notes = append(notes, fmt.Sprintf("表格的第1行“%s”作为标题。", t))
			return t, notes
		}
	}
	if best == "" {
		base := filepath.Base(name)
		best = titleText(strings.TrimSuffix(base, filepath.Ext(base)))
		if best == "" {
			best = "申报表"
		}
		notes = append(notes, fmt.Sprintf("表格上方没有标题：标题暂用“%s”，请改成申报表的标题。", best))
	}
	return best, notes
}

// titleText is a paragraph as a title: on one line, in the bold face, at most 100 characters.
func titleText(s string) string {
	t := strings.Join(strings.Fields(strings.ReplaceAll(keep(s, boldHas), "\n", " ")), " ")
	return clip(t, 100)
}

func where(p readback.Paragraph, body *readback.Body) string {
	if p.Tables >= len(body.Tables) {
		return "下方"
	}
	return "之间"
}

func short(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "……"
	}
	return s
}

// draftDef is the definition being written.
type draftDef struct {
	title, name string
	blocks      []*block
	notes       []string
	roleList    [][2]string // role, path
	roleNotes   []string
	stamp, date string
	stampNote   string
	guesses     []Note // every guess; those not beside their block or field go in the head
	fixedID     string // the id a person gave (Apply); "" for the one made from the names
	edits       int    // changes a person made (Apply)
}

// roles names the applicant's fields: the name (the first field outside tables labelled
// …姓名, else the first text field), the unit (…单位, …学校), the phone.
func (d *draftDef) roles(bd *builder) error {
	var name, unit, phone, firstText string
	mobile := false
	for _, b := range d.blocks {
		if b.Kind != forms.FieldsBlock || b.LeaveBlank {
			continue
		}
		for _, f := range b.Fields {
			path := b.Key + "." + f.Key
			l := flat(oneLine(f.Label))
			switch {
			case f.Kind == forms.Text && name == "" && (strings.HasSuffix(l, "姓名") || l == "名字"):
				name = path
			case f.Kind == forms.Text && unit == "" && (strings.Contains(l, "单位") || strings.Contains(l, "学校")):
				unit = path
			case f.Kind == forms.Mobile && !mobile: // the mobile is what tables hold: compared for the same person
				phone, mobile = path, true
			case f.Kind == forms.Phone && phone == "":
				phone = path
			}
			if f.Kind == forms.Text && firstText == "" {
				firstText = path
			}
		}
	}
	if name == "" {
		if firstText == "" {
			return &NotFormError{"模板的表格以外没有可填写的文字格（如“姓名”）：定义文件要用这样一个格子作申报人的姓名（导出的文件名用它），请在模板里加上“姓名”一栏后再导入。"}
		}
		name = firstText
		d.roleNotes = append(d.roleNotes, bd.guess("", "没有找到“姓名”栏：把 %s 当作申报人的姓名（导出的文件名用它）", firstText))
	}
	d.roleList = append(d.roleList, [2]string{"applicant_name", name})
	if unit != "" {
		d.roleList = append(d.roleList, [2]string{"applicant_unit", unit})
	}
	if phone != "" {
		d.roleList = append(d.roleList, [2]string{"applicant_phone", phone})
	}
	return nil
}

// seals takes the form's seal and date lines from its boxes, when they differ from the
// format's own.
func (d *draftDef) seals(bd *builder) {
	for _, b := range d.blocks {
		if b.stamp != "" && d.stamp == "" {
			d.stamp = b.stamp
		} else if b.stamp != "" && b.stamp != d.stamp && d.stampNote == "" {
			d.stampNote = bd.guess(b.rows, "盖章处的字各栏不同（“%s”“%s”）：都印作“%s”", d.stamp, b.stamp, d.stamp)
		}
		if b.date != "" && d.date == "" {
			d.date = b.date
		}
	}
}

// id is the definition's id: from the template's file name when that is ASCII, else
// "import-" and the title's checksum (stable: importing the template again gives the same).
func (d *draftDef) id() string {
	if d.fixedID != "" {
		return d.fixedID
	}
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(d.name), filepath.Ext(d.name)))
	var sb strings.Builder
	ascii := true
	for _, r := range base {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			sb.WriteRune(r)
		case r == '-' || r == '_' || r == ' ' || r == '.':
			if sb.Len() > 0 && !strings.HasSuffix(sb.String(), "-") {
				sb.WriteByte('-')
			}
		default:
			ascii = false
		}
	}
	if id := strings.Trim(sb.String(), "-"); ascii && len(id) >= 3 && len(id) <= 64 && id[0] >= 'a' {
		return id
	}
	return fmt.Sprintf("import-%08x", crc32.ChecksumIEEE([]byte(d.title)))
}

// ReadTemplate reads a template file as readback reads a .docx: a regular file of at most
// readback.MaxDOCX bytes (readback.ErrTooLarge beyond).
func ReadTemplate(path string) ([]byte, error) {
	data, err := forms.ReadRegular(path, readback.MaxDOCX)
	if errors.Is(err, forms.ErrFileTooLarge) {
		return nil, readback.ErrTooLarge
	}
	return data, err
}
