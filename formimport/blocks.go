package formimport

import (
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"shenbao/fonts"
	"shenbao/forms"
)

var boldHas = fonts.BoldHas

// From rows to blocks, in printed order: rows of label and empty cells are a block of fields
// in a grid (with the photo cell); a heading, a row of column labels and empty rows are a
// table; a label beside a tall empty cell is a long text; a label beside a cell of
// "名称：" lines is a block of fields in lines; a cell with （盖章）, 签名 or 年  月  日 is an
// opinion box or a declaration.

// block is a block of the definition being made, with what its comments say.
type block struct {
	forms.Block
	rows   string     // the template's rows it comes from: 第1—4行
	notes  []string   // guesses about the block as a whole
	fwhere []string   // per field: where it is in the template
	fnotes [][]string // per field: guesses about it
	fedits []string   // per field: what a person changed in it (Apply), "" for nothing
	edited string     // what a person changed in the block itself (Apply)
	stamp  string     // opinion, declaration: the template's seal line, as printed
	date   string     // and its date line
}

func (b *block) addField(f forms.Field, where string, notes ...string) {
	b.Fields = append(b.Fields, f)
	b.fwhere = append(b.fwhere, where)
	b.fnotes = append(b.fnotes, notes)
}

// builder walks the sheet's rows once.
type builder struct {
	sh      *sheet
	title   string
	blocks  []*block
	notes   []string // about the whole template (the file's head)
	guesses []Note   // every guess it is unsure of, in printed order
	picture bool     // a photo cell is taken
	counts  map[string]int
	keys    map[string]bool
}

// Note is a guess the importer is unsure of, where it is in the template and what it took.
type Note struct {
	Where string // 第3行第2格, 第5行; "" for the template as a whole
	Text  string
}

func (n Note) String() string {
	if n.Where == "" {
		return n.Text
	}
	return n.Where + "：" + n.Text
}

func (bd *builder) guess(where, format string, args ...any) string {
	n := Note{Where: where, Text: fmt.Sprintf(format, args...)}
	bd.guesses = append(bd.guesses, n)
	return n.String()
}

// blockKey is a stable ASCII key for a block of the given sort: applicant for the first
// grid, then table1, text1, lines1, info2 …
func (bd *builder) blockKey(sort string) string {
	bd.counts[sort]++
	key := sort + fmt.Sprint(bd.counts[sort])
	if sort == "info" && bd.counts[sort] == 1 {
		key = "applicant"
	}
	for bd.keys[key] {
		key += "x"
	}
	bd.keys[key] = true
	return key
}

func rowsText(from, to int) string {
	if from == to {
		return fmt.Sprintf("第%d行", from)
	}
	return fmt.Sprintf("第%d—%d行", from, to)
}

// build makes the blocks from the rows.
func (bd *builder) build() {
	rows := bd.sh.rows
	for i := 0; i < len(rows); {
		if bd.atBlockLimit() {
			bd.notes = append(bd.notes, fmt.Sprintf("第%d行起没有导入：定义文件最多 %d 个栏目。", rows[i].n, maxBlocks))
			return
		}
		before := len(bd.blocks)
		n := bd.next(i)
		if len(bd.blocks) > before && bd.sh.pageBreak(i) {
			bd.blocks[before].PageBreak = true
		}
		i += max(n, 1)
	}
}

const (
	maxBlocks    = 100
	maxGridRows  = 50
	maxTableRows = 200
	maxFields    = 200
	tallMM       = 20 // a cell this tall, or taller, is for a long text
)

func (bd *builder) atBlockLimit() bool { return len(bd.blocks) >= maxBlocks }

// next reads the block that starts at row i and says how many rows it took.
func (bd *builder) next(i int) int {
	rows := bd.sh.rows
	r := rows[i]
	cells := r.cells
	switch {
	case len(cells) == 0:
		return 1
	case len(cells) == 1 && !cells[0].merge:
		return bd.single(i)
	}
	if n := bd.tableAt(i, ""); n > 0 {
		return n
	}
	if n := bd.leftTable(i); n > 0 {
		return n
	}
	if bd.labelRow(r) {
		c, n := cells[1], cells[0].span
		switch {
		case c.class == labelCell && instructions(cells[0], c):
			bd.labelledNote(cells[0], c)
			return n
		case c.class == sealCell:
			bd.opinion(cells[0], c)
			return n
		case lineLabels(c) != nil:
			bd.lines(cells[0], c)
			return n
		case c.class != boxesCell && (bd.tall(r, c) || hasLimit(c.text) || hasLimit(cells[0].text)):
			bd.text(cells[0], c)
			return n
		case c.class == labelCell && !hasLimit(c.text) && (utf8.RuneCountInString(c.flat) > 12 || len(c.lines()) > 1):
			bd.labelledNote(cells[0], c)
			return n
		}
	}
	return bd.grid(i)
}

// labelRow: the row is a label and one content cell, over the same rows.
func (bd *builder) labelRow(r *srow) bool {
	cells := r.cells
	return len(cells) == 2 && cells[0].class == labelCell && !cells[1].merge && !cells[0].merge && cells[0].span == cells[1].span
}

// special: row i starts a block of its own (not a row of a grid).
func (bd *builder) special(i int) bool {
	r := bd.sh.rows[i]
	if len(r.cells) == 1 && !r.cells[0].merge || bd.dataRows(i) > 0 && !bd.labelsOverValues(i) || bd.leftRows(i) > 0 {
		return true
	}
	if !bd.labelRow(r) {
		return false
	}
	c := r.cells[1]
	return c.class == sealCell || lineLabels(c) != nil ||
		c.class == labelCell && !hasLimit(c.text) && (utf8.RuneCountInString(c.flat) > 12 || len(c.lines()) > 1) ||
		c.class != boxesCell && (bd.tall(r, c) || hasLimit(c.text) || hasLimit(r.cells[0].text))
}

// tall: the cell is for a long text.
func (bd *builder) tall(r *srow, c *scell) bool {
	return r.height >= tallMM || c.span > 1
}

func hasLimit(s string) bool {
	_, _, ok := maxWords(s)
	return ok
}

// lineLabels are the labels of a content cell written as lines ending in a colon, with the
// room to write after them (已成立的工作室名称：, 批准设立部门：); nil when it is not one.
func lineLabels(c *scell) []string {
	if c.class != labelCell {
		return nil
	}
	var out []string
	for _, l := range c.lines() {
		l = strings.TrimRight(l, "_ \u3000")
		if !strings.HasSuffix(l, "：") && !strings.HasSuffix(l, ":") || utf8.RuneCountInString(l) > 40 {
			return nil
		}
		out = append(out, l)
	}
	return out
}

// single reads a row of one cell across the table: a table's heading, a long text's label
// above its cell, a declaration or a note; an empty one is left out.
func (bd *builder) single(i int) int {
	rows := bd.sh.rows
	c := rows[i].cells[0]
	switch c.class {
	case emptyCell:
		if c.pics == 0 {
			bd.notes = append(bd.notes, fmt.Sprintf("第%d行：整行空白的格子，没有导入。", rows[i].n))
			return c.span
		}
	case sealCell:
		probe := &block{}
		for _, l := range c.lines() {
			probe.sealLine(l)
		}
		if probe.stamp != "" || probe.Sign != "" { // a date alone (填表时间：  年  月  日) is printed wording
			bd.declaration(nil, c)
			return 1
		}
	case labelCell:
		if n := bd.tableAt(i+1, c.text); n > 0 {
			return n + 1
		}
		if i+1 < len(rows) && len(rows[i+1].cells) == 1 {
			below := rows[i+1].cells[0]
			if (below.class == emptyCell || below.class == hintCell) && (bd.tall(rows[i+1], below) || hasLimit(c.text+below.text)) {
				bd.textBelow(c, below)
				return 2
			}
		}
	}
	bd.note(c)
	return 1
}

// note is a row of fixed text across the table: instructions, a section's heading.
func (bd *builder) note(c *scell) {
	b := &block{rows: rowsText(c.row.n, c.row.n)}
	b.Kind = forms.NoteBlock
	b.Text = clip(c.text, 5000)
	if b.Text == "" {
		b.Text = "（图片）"
	}
	b.notes = append(b.notes, bd.guess(c.where(), "整行的一格文字，按说明（note）印出"))
	bd.blocks = append(bd.blocks, b)
}

// instructions: a label beside printed instructions (填表说明, 注意事项), not a hint to write
// under: the label says so, or the wording is longer than any hint.
func instructions(lc, c *scell) bool {
	for _, w := range []string{"说明", "须知", "注意事项"} {
		if strings.Contains(lc.flat, w) {
			return true
		}
	}
	return utf8.RuneCountInString(c.flat) > 200
}

// labelledNote is a label beside fixed wording (填表说明 | 1．……): printed as it is.
func (bd *builder) labelledNote(lc, c *scell) {
	b := &block{rows: rowsText(lc.row.n, lc.row.n)}
	b.Kind = forms.NoteBlock
	b.Label = bd.label(lc)
	b.LabelMM = labelWidth(lc.w())
	b.Text = clip(c.text, 5000)
	b.notes = append(b.notes, bd.guess(c.where(), "“%s”旁边是印好的文字：按说明（note）印出，不用填写", oneLine(b.Label)))
	bd.blocks = append(bd.blocks, b)
}

// tableAt reads a table whose row of column labels is row i: labels only, two or more, with
// rows of empty cells below on the same columns (a 序号 column numbered 1, 2 …). heading is
// the row above across the table, "" when there is none. It returns the rows taken, 0 when
// row i heads no table.
func (bd *builder) tableAt(i int, heading string) int {
	rows := bd.sh.rows
	if i >= len(rows) {
		return 0
	}
	head := rows[i]
	data := bd.dataRows(i)
	if data == 0 || heading == "" && bd.labelsOverValues(i) {
		return 0
	}
	serial := flat(head.cells[0].text) == "序号" || flat(head.cells[0].text) == "编号"
	b := &block{rows: rowsText(head.n, rows[i+data].n)}
	b.Kind, b.Rows = forms.TableBlock, data
	b.Key = bd.blockKey("table")
	b.Label = heading
	if b.Label == "" {
		b.Label = "表格"
		if bd.counts["table"] > 1 {
			b.Label += fmt.Sprint(bd.counts["table"])
		}
		b.notes = append(b.notes, bd.guess(fmt.Sprintf("第%d行", head.n), "表格上面没有标题行：栏目名称写作“%s”（程序印表格时在上面加一行标题），请改成通知里的名称", b.Label))
	} else {
		b.rows = rowsText(head.n-1, rows[i+data].n)
	}
	b.Nav = navOf(b.Label)
	cols := head.cells
	if serial {
		b.LabelMM = round1(head.cells[0].w())
		cols = cols[1:]
	} else {
		b.notes = append(b.notes, bd.guess(fmt.Sprintf("第%d行", head.n), "表格第一列不是“序号”：按没有序号列的表格处理"))
	}
	bd.columns(b, cols, rows[i+1].cells[len(head.cells)-len(cols):])
	bd.blocks = append(bd.blocks, b)
	return data + 1
}

// columns makes a table's fields from its column labels; data is the first row under them,
// whose options to tick (是 □ 否 □) make a column a choice printed as boxes.
func (bd *builder) columns(b *block, cols, data []*scell) {
	used := map[string]bool{}
	hasName := false
	for k, c := range cols {
		if len(b.Fields) >= maxFields {
			break
		}
		l := bd.label(c)
		g := guessKind(flat(l))
		var notes []string
		if g.kind == forms.Picture {
			g = kindGuess{kind: forms.Text}
		}
		if _, opts := boxOptions(data[k].text); data[k].class == boxesCell && len(opts) > 1 {
			g = kindGuess{kind: forms.BoxChoice, choices: opts, sure: true}
		}
		f := forms.Field{Key: keyFor(flat(l), k+1, used), Label: l, Kind: g.kind, Choices: g.choices, Required: true,
			ValueMM: round1(c.w()), BoxFirst: g.kind == forms.BoxChoice && boxesFirst(data[k].text)}
		if !g.sure {
			notes = append(notes, bd.guess(c.where(), "列“%s”：%s", oneLine(l), unsureText(g)))
		}
		hasName = hasName || f.Key == "name"
		b.addField(f, c.where(), notes...)
	}
	if hasName && b.Label != "" {
		b.Person = navOf(b.Label)
	}
	// A table the school or the bureau fills (评议, 投票: 同意票数): left blank by the applicant.
	votes := strings.Contains(b.Label, "评议") || strings.Contains(b.Label, "评审") || strings.Contains(b.Label, "投票")
	for _, f := range b.Fields {
		votes = votes || strings.Contains(f.Label, "票")
	}
	if votes {
		b.LeaveBlank = true
		b.notes = append(b.notes, bd.guess(b.rows, "“%s”像是学校或评审填写的表格：按申报人留空（leave_blank）处理", oneLine(b.Label)))
	}
}

// dataRows is how many empty rows follow row i when it is a row of column labels, 0 when it
// is not one.
func (bd *builder) dataRows(i int) int {
	rows := bd.sh.rows
	if i >= len(rows) {
		return 0
	}
	head := rows[i]
	if len(head.cells) < 2 {
		return 0
	}
	for _, c := range head.cells {
		if c.class != labelCell || c.merge || c.span > 1 {
			return 0
		}
	}
	data := 0
	for j := i + 1; j < len(rows) && data < maxTableRows; j++ {
		if !dataRow(head, rows[j]) {
			break
		}
		data++
	}
	return data
}

// labelsOverValues: row i, with no heading above it, is labels over one row of their empty
// cells (姓名 above its blank): a grid's fields, not a table of one row (a table of one row has
// a heading: 学校教师职务推荐评议意见).
func (bd *builder) labelsOverValues(i int) bool {
	rows := bd.sh.rows
	return bd.dataRows(i) == 1 && rows[i+1].table == rows[i].table && bd.valuesBelow(rows[i], rows[i+1], nil)
}

// leftRows is how many empty rows a table has whose label is a cell merged down its left
// side (主要学习经历 | 起止时间 | 学校 …, the label over the rows below): row i is that label
// and the column labels; 0 when it is not one.
func (bd *builder) leftRows(i int) int {
	rows := bd.sh.rows
	head := rows[i]
	if len(head.cells) < 3 || head.cells[0].class != labelCell || head.cells[0].merge || head.cells[0].span < 2 {
		return 0
	}
	for _, c := range head.cells[1:] {
		if c.class != labelCell || c.merge || c.span > 1 {
			return 0
		}
	}
	cols := &srow{cells: head.cells[1:]}
	n := 0
	for j := i + 1; j < len(rows) && n < head.cells[0].span-1 && n < maxTableRows; j++ {
		r := rows[j]
		if len(r.cells) < 2 || !r.cells[0].merge || !dataRow(cols, &srow{cells: r.cells[1:]}) {
			break
		}
		n++
	}
	if n < head.cells[0].span-1 {
		return 0
	}
	return n
}

// leftTable reads the table leftRows finds at row i; the rows taken, 0 when there is none.
func (bd *builder) leftTable(i int) int {
	n := bd.leftRows(i)
	if n == 0 {
		return 0
	}
	rows := bd.sh.rows
	head, left := rows[i], rows[i].cells[0]
	b := &block{rows: rowsText(head.n, rows[i+n].n)}
	b.Kind, b.Rows = forms.TableBlock, n
	b.Key = bd.blockKey("table")
	b.Label = bd.label(left) // printed in that cell, its lines as the template has them
	b.Nav = navOf(b.Label)
	cols := head.cells[1:]
	b.SideMM = round1(left.w())
	if s := flat(cols[0].text); s == "序号" || s == "编号" {
		b.LabelMM = round1(cols[0].w())
		cols = cols[1:]
	}
	b.notes = append(b.notes, bd.guess(left.where(), "“%s”是表格左边跨%d行的名称格：照模板印在表格左边（side_mm = %s 毫米）",
		oneLine(b.Label), left.span, num(b.SideMM)))
	first := rows[i+1].cells[1:]
	bd.columns(b, cols, first[len(first)-len(cols):])
	bd.blocks = append(bd.blocks, b)
	return n + 1
}

// dataRow: row r is an empty row of the table headed by head: the same columns, every cell
// empty (or options to tick) but the first, which may hold its number.
func dataRow(head, r *srow) bool {
	if len(r.cells) != len(head.cells) {
		return false
	}
	for k, c := range r.cells {
		h := head.cells[k]
		if math.Abs(c.x0-h.x0) > sameX || math.Abs(c.x1-h.x1) > sameX || c.merge || c.span > 1 {
			return false
		}
		// Options to tick printed in every row (是 □ 否 □) are a column to fill, like an empty one.
		if c.class != emptyCell && c.class != boxesCell && !(k == 0 && c.class == numberCell) {
			return false
		}
	}
	return true
}

func unsureText(g kindGuess) string {
	if g.why != "" {
		return g.why
	}
	switch g.kind {
	case forms.YearMonth:
		return "按年月（year_month）处理"
	case forms.Phone:
		return "按电话号码（phone）处理"
	case forms.WholeNumber:
		return "按整数（whole_number）处理"
	}
	return "空白格，按单行文字处理"
}

// label is a cell's text as a label: at most 100 characters, in the bold face.
func (bd *builder) label(c *scell) string {
	l := keepBold(c.text)
	if utf8.RuneCountInString(l) > 100 {
		l = string([]rune(l)[:100])
		bd.guess(c.where(), "名称超过 100 字，只取前 100 字")
	}
	if strings.TrimSpace(l) == "" {
		l = "（无名称）"
	}
	return l
}

// keepBold is a label in the characters the bold face prints, and without blank lines.
func keepBold(s string) string {
	var lines []string
	for _, l := range strings.Split(keep(s, boldHas), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

func oneLine(s string) string { return strings.ReplaceAll(s, "\n", "") }

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}

// text reads a long text: a label beside a tall cell, empty or with a hint.
func (bd *builder) text(lc, c *scell) {
	b := &block{rows: rowsText(lc.row.n, lc.row.n+max(lc.span, c.span)-1)}
	b.Kind = forms.TextBlock
	b.Key = bd.blockKey("text")
	b.Label = bd.label(lc)
	b.Nav = navOf(b.Label)
	b.LabelMM = labelWidth(lc.w())
	bd.longText(b, c)
	bd.blocks = append(bd.blocks, b)
}

// textBelow reads a long text whose label is the row above its cell, across the table.
func (bd *builder) textBelow(lc, c *scell) {
	b := &block{rows: rowsText(lc.row.n, c.row.n)}
	b.Kind = forms.TextBlock
	b.Key = bd.blockKey("text")
	b.Label = bd.label(lc)
	b.Nav = navOf(b.Label)
	b.LabelMM = 15.5
	b.notes = append(b.notes, bd.guess(lc.where(), "“%s”印在内容格上面的一行；定义文件的长文字栏名称印在左边的名称格里（label_mm = 15.5）", oneLine(b.Label)))
	bd.longText(b, c)
	bd.blocks = append(bd.blocks, b)
}

// labelWidth is a label cell's width, within what the format allows beside a content cell.
func labelWidth(w float64) float64 { return math.Min(math.Max(round1(w), minCellMM), forms.TextMM-20) }

func (bd *builder) longText(b *block, c *scell) {
	if c.class != emptyCell {
		b.Hint = clip(strings.Join(c.lines(), ""), 500)
	}
	f := forms.Field{Label: b.Label, Kind: forms.LongText, Required: true}
	var notes []string
	n, limit, ok := maxWords(b.Hint)
	if !ok {
		n, limit, ok = maxWords(b.Label)
	}
	switch {
	case ok && limit:
		f.MaxWords = n
	case ok:
		f.MaxWords = n
		notes = append(notes, bd.guess(c.where(), "提示说“%d字左右”：按不超过 %d 字处理", n, n))
	default:
		notes = append(notes, bd.guess(c.where(), "“%s”没有写字数要求：不限字数（通知里有要求的，请写 max_words）", oneLine(b.Label)))
	}
	b.addField(f, c.where(), notes...)
}

// lines reads a block of fields written as lines in one content cell.
func (bd *builder) lines(lc, c *scell) {
	b := &block{rows: rowsText(lc.row.n, lc.row.n)}
	b.Kind = forms.FieldsBlock
	b.Key = bd.blockKey("lines")
	b.Label = bd.label(lc)
	b.Nav = navOf(b.Label)
	b.LabelMM = labelWidth(lc.w())
	used := map[string]bool{}
	for k, l := range lineLabels(c) {
		if k >= maxFields {
			break
		}
		l = clip(keepBold(l), 100)
		g := guessKind(flat(l))
		if g.kind == forms.Picture || g.kind == forms.Period {
			g = kindGuess{kind: forms.Text}
		}
		f := forms.Field{Key: keyFor(flat(l), k+1, used), Label: l, Kind: g.kind, Choices: g.choices, Required: true}
		var notes []string
		if !g.sure {
			notes = append(notes, bd.guess(c.where(), "第%d行字“%s”：%s", k+1, l, unsureText(g)))
		}
		b.addField(f, c.where(), notes...)
	}
	bd.blocks = append(bd.blocks, b)
}

// opinion reads a label beside a cell with a seal, a signature or a date: an opinion box, or
// a declaration when its words promise (承诺, 保证, 声明) and someone signs.
func (bd *builder) opinion(lc, c *scell) {
	if isDeclaration(lc.flat, c.text) {
		bd.declaration(lc, c)
		return
	}
	b := &block{rows: rowsText(lc.row.n, lc.row.n)}
	b.Kind = forms.OpinionBlock
	b.Label = bd.label(lc)
	b.LabelMM = labelWidth(lc.w())
	var wording []string
	for k, l := range c.lines() {
		switch {
		case k == 0 && bracketed().MatchString(l) && !sealed(l):
			b.Sub = clip(l, 100)
		default:
			if rest := b.sealLine(l); rest != "" {
				wording = append(wording, rest)
			}
		}
	}
	b.Text = clip(strings.Join(wording, "\n"), 5000)
	if b.stamp != "" {
		seal, sure := sealOf(lc.flat)
		if !sure { // the wording may say whose: 学校（单位）负责人签字
			seal, sure = sealOf(flat(b.Sign + b.Text + b.Sub))
		}
		b.Seal, b.SealNeeded = seal, true
		if !sure {
			b.notes = append(b.notes, bd.guess(lc.where(), "看不出“%s”盖谁的章：按所在学校（单位）的公章处理", oneLine(b.Label)))
		}
		if seal == forms.CommitteeSeal || seal == issuer(bd.title) {
			b.LeaveBlank, b.SealNeeded = true, false
			b.notes = append(b.notes, bd.guess(lc.where(), "“%s”由发文单位或评审填写：按申报人留空（leave_blank）处理，扫描件上这里不要求有公章", oneLine(b.Label)))
		}
	}
	bd.blocks = append(bd.blocks, b)
}

// sealLine takes the date, the seal and the signature out of a line of an opinion box or a
// declaration, as printed; what is left is its wording.
func (b *block) sealLine(l string) string {
	if m := dateLine().FindStringSubmatch(l); m != nil {
		if b.date == "" {
			b.date = clip(strings.TrimSpace(m[2]), 100)
		}
		l = strings.TrimSpace(m[1])
	}
	if m := stampLine().FindStringSubmatch(l); m != nil {
		if b.stamp == "" {
			b.stamp = clip(strings.TrimSpace(m[2]), 100)
		}
		l = strings.TrimSpace(m[1])
	}
	if signLine(l) {
		if b.Sign == "" {
			b.Sign = clip(l, 100)
		}
		return ""
	}
	return l
}

func isDeclaration(label, content string) bool {
	for _, w := range []string{"承诺", "声明", "保证", "诚信"} {
		if strings.Contains(label, w) {
			return true
		}
	}
	signs := strings.Contains(content, "签名") || strings.Contains(content, "签字")
	promises := strings.Contains(content, "承诺") || strings.Contains(content, "保证") || strings.Contains(content, "声明")
	return signs && promises
}

// declaration reads a promise to sign: its wording, the signature line and the date; lc is
// its label cell, nil when it runs across the table.
func (bd *builder) declaration(lc, c *scell) {
	b := &block{rows: rowsText(c.row.n, c.row.n)}
	b.Kind = forms.DeclarationBlock
	if lc != nil {
		b.Label = bd.label(lc)
		b.LabelMM = labelWidth(lc.w())
		b.rows = rowsText(lc.row.n, lc.row.n)
	}
	var wording []string
	for _, l := range c.lines() {
		if rest := b.sealLine(l); rest != "" {
			wording = append(wording, rest)
		}
	}
	b.Text = clip(strings.Join(wording, "\n"), 5000)
	if strings.TrimSpace(b.Text) == "" {
		b.Text = b.Sign
		if b.Text == "" {
			b.Text = "本人签名："
		}
	}
	if b.stamp != "" {
		seal, sure := sealOf(flat(b.Label + b.Text))
		b.Seal, b.SealNeeded = seal, true
		if !sure {
			b.notes = append(b.notes, bd.guess(c.where(), "看不出这里盖谁的章：按所在学校（单位）的公章处理"))
		}
	}
	if lc == nil {
		b.notes = append(b.notes, bd.guess(c.where(), "整行的一格里有盖章、签名或日期：按没有名称格的承诺与签名（declaration）处理（定义文件里意见栏的名称印在左边的名称格里）"))
	} else {
		b.notes = append(b.notes, bd.guess(c.where(), "有签名和日期：按承诺与签名（declaration）处理"))
	}
	bd.blocks = append(bd.blocks, b)
}
