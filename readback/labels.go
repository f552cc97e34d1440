package readback

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"shenbao/forms"
)

// Reading the form's table by its labels, wherever Word put them: a label's value is in the
// cell to its right or, when nothing is to its right, the cell below; "label：value" in one
// cell is read too. Labels are compared without spaces, line breaks and a closing colon, so
// 主持人\n姓名, 主 持 人 姓 名 and 工作单位： all match. The person tables are found by their
// column labels, the long texts by their block labels; everything comes from the form's
// definition, and a document is read against every form the program knows (bestCells).

// formCells is what the table said, by field path.
type formCells struct {
	form    *forms.Definition              // the form the cells were read as
	values  map[string]string              // host, text block and existingStudio fields
	tables  map[string][]map[string]string // table key → rows of field key → value
	columns map[string]map[string]bool     // table key → field keys that have a column
	labels  map[string]bool                // the form's labels found (normalized)
	strong  int                            // of them, labels no other form would have
	photo   string                         // relationship id of the first picture among the host's cells
}

// norm is a label as compared: no spaces of any width, no closing colon or asterisk.
func norm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '*' || r == '＊' {
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, ":：")
}

// labelKind is what a normalized label names.
type labelKind int

const (
	notLabel labelKind = iota
	hostLabel
	tableHeading
	columnLabel
	textLabel
	studioLabel // the 已设工作室 block or one of its two fields
	opinionLabel
	serialLabel // 序号
	fixedLabel  // the form's own text that holds nothing typed: instructions, declarations, blocks left blank
)

type labelInfo struct {
	kind  labelKind
	block forms.Block
	field forms.Field
}

// formLabels is what one form's labels name: every normalized label of the form, and the
// labels only this form has (a document needs one to be the form).
type formLabels struct {
	form   *forms.Definition
	table  map[string]labelInfo
	strong map[string]bool
	// repeats are the later fields of a label the form prints more than once (the 江西 form's
	// 姓名 on its cover and again in 基本情况): the n-th time the label is met, the n-th field.
	repeats map[string][]labelInfo
}

var labelCache sync.Map // *forms.Definition → *formLabels

// labelsOf reads a form's labels once.
func labelsOf(form *forms.Definition) *formLabels {
	if fl, ok := labelCache.Load(form); ok {
		return fl.(*formLabels)
	}
	table, repeats := labelTable(form)
	fl := &formLabels{form: form, table: table, strong: strongLabels(form), repeats: repeats}
	labelCache.Store(form, fl)
	return fl
}

// labelTable maps every normalized label of the form to what it names, and a label of several
// fields to the later ones.
func labelTable(form *forms.Definition) (map[string]labelInfo, map[string][]labelInfo) {
	m := map[string]labelInfo{"序号": {kind: serialLabel}}
	repeats := map[string][]labelInfo{}
	for _, b := range form.Blocks {
		if !b.Stored() && b.Kind != forms.OpinionBlock {
			fixedLabels(m, b)
			continue
		}
		switch b.Kind {
		case forms.FieldsBlock:
			kind := hostLabel
			if !b.Grid() {
				kind = studioLabel
				m[norm(b.Label)] = labelInfo{kind: studioLabel, block: b}
			}
			for _, f := range b.Fields {
				if g := norm(f.Group); g != "" { // 外语考试情况 over 年度 and 成绩: the form's own text
					if _, taken := m[g]; !taken {
						m[g] = labelInfo{kind: fixedLabel, block: b}
					}
				}
				li := labelInfo{kind: kind, block: b, field: f}
				if old, ok := m[norm(f.Label)]; ok && (old.kind == hostLabel || old.kind == studioLabel) {
					repeats[norm(f.Label)] = append(repeats[norm(f.Label)], li)
					continue
				}
				m[norm(f.Label)] = li
			}
		case forms.TableBlock:
			m[norm(b.Label)] = labelInfo{kind: tableHeading, block: b}
			for _, f := range b.Fields {
				if _, ok := m[norm(f.Label)]; !ok {
					m[norm(f.Label)] = labelInfo{kind: columnLabel}
				}
			}
		case forms.TextBlock:
			m[norm(b.Label)] = labelInfo{kind: textLabel, block: b, field: b.Fields[0]}
		case forms.OpinionBlock:
			m[norm(b.Label)] = labelInfo{kind: opinionLabel, block: b}
		}
	}
	return m, repeats
}

// fixedLabels enter a block that holds nothing typed (a 填表说明, a 本人承诺, a block the
// applicant leaves blank): its label, the first line of its wording and its fields' labels are
// the form's own text, never a value nor a person.
func fixedLabels(m map[string]labelInfo, b forms.Block) {
	add := func(s string) {
		if n := norm(s); n != "" {
			if _, taken := m[n]; !taken {
				m[n] = labelInfo{kind: fixedLabel, block: b}
			}
		}
	}
	add(b.Label)
	if first, _, _ := strings.Cut(b.Text, "\n"); first != "" {
		add(first)
	}
	for _, f := range b.Fields {
		add(f.Label)
	}
}

// typed is a cell's text as the field's value: boxes read as the choice ticked.
func typed(f forms.Field, v string) string {
	if f.Kind == forms.BoxChoice {
		return boxValue(f, v)
	}
	return v
}

// boxValue reads a choice printed as boxes (正常 ☑ 破格 □): the choice its tick follows or
// comes before, as printed or written by hand (☑ √ ✓ ✔ ■ ☒ ●); a cell holding just a choice is
// that choice; anything else stays as written, for the checks to say.
func boxValue(f forms.Field, text string) string {
	t := strings.Join(strings.Fields(text), "")
	if slices.Contains(f.Choices, t) {
		return t
	}
	// Each tick belongs to the choice printed right before it (正常 ☑), else to the one right
	// after it (☑ 正常); where the boxes come before their choices (□男 ☑女: the cell does not
	// end in a box), the one after it first.
	boxFirst := t != "" && !strings.ContainsRune(tickMarks+emptyBoxes, []rune(t)[len([]rune(t))-1])
	found := ""
	for k, r := range t {
		if !strings.ContainsRune(tickMarks, r) {
			continue
		}
		before, after := "", ""
		for _, c := range f.Choices {
			if strings.HasSuffix(t[:k], c) {
				before = c
			}
			if strings.HasPrefix(t[k+len(string(r)):], c) {
				after = c
			}
		}
		owner := cmp.Or(before, after)
		if boxFirst {
			owner = cmp.Or(after, before)
		}
		switch {
		case owner == "":
		case found != "" && found != owner:
			return text // two ticked: the checks say so
		default:
			found = owner
		}
	}
	if found == "" && !strings.ContainsAny(t, tickMarks) {
		return "" // printed boxes, none ticked
	}
	if found == "" {
		return text
	}
	return found
}

const (
	// tickMarks are what a box or circle is ticked with, printed or typed by hand.
	tickMarks = "☑√✓✔■☒●◉"
	// emptyBoxes are the marks printed to tick: □ of Word's symbols, ☐, ○ (○是 ○否).
	emptyBoxes = "□☐○"
)

// genericLabels are labels many forms print: they do not say which form a document is.
var genericLabels = map[string]bool{"出生年月": true, "联系电话": true, "手机号码": true, "工作单位": true,
	"研究方向": true, "所在单位": true, "电子邮箱": true, "身份证号": true, "参加工作时间": true}

// strongLabels are the labels that tell this form from others: the tables' and long texts'
// labels, and the applicant's grid labels of four characters or more that are not a table's
// column or a label many forms print (主持人姓名, 是否党员, 从事班主任工作年限, 结对帮扶县区).
func strongLabels(form *forms.Definition) map[string]bool {
	m := map[string]bool{}
	columns := map[string]bool{}
	for _, b := range form.Blocks {
		switch {
		case b.Kind == forms.TableBlock:
			m[norm(b.Label)] = true
			for _, f := range b.Fields {
				columns[norm(f.Label)] = true
			}
		case b.Kind == forms.TextBlock:
			m[norm(b.Label)] = true
		}
	}
	for _, b := range form.Blocks {
		if !b.Grid() {
			continue
		}
		for _, f := range b.Fields {
			if n := norm(f.Label); f.Kind != forms.Picture && len([]rune(n)) >= 4 && !columns[n] && !genericLabels[n] {
				m[n] = true
			}
		}
	}
	return m
}

// columnField finds a table's column by its label (序号 has none).
func columnField(b forms.Block, label string) (forms.Field, bool) {
	for _, f := range b.Fields {
		if norm(f.Label) == label {
			return f, true
		}
	}
	return forms.Field{}, false
}

// lookup says what a cell's text is as a label.
func (fl *formLabels) lookup(text string) (labelInfo, bool) {
	n := norm(text)
	if n == "" || len(n) > 200 {
		return labelInfo{}, false
	}
	if li, ok := fl.table[n]; ok {
		return li, true
	}
	// A long-text block's label may carry a note: 工作室未来三年发展规划（3000字以内）.
	for l, li := range fl.table {
		if li.kind == textLabel && strings.HasPrefix(n, l) && len(n) < len(l)+40 {
			return li, true
		}
	}
	return labelInfo{}, false
}

// cellReader walks the rows once.
type cellReader struct {
	fl      *formLabels
	rows    []gridRow
	c       *formCells
	section forms.Block         // the table block whose rows follow, if any
	header  map[int]forms.Field // grid column → that table's field
	spans   map[int]int         // grid column → the header cell's span
	inTable bool
	met     map[string]int // label of several fields → times met
}

// bestCells reads the rows as each form the program knows and keeps the reading that is a
// form and found the most of its labels (ties: the form listed first).
func bestCells(rows []gridRow) *formCells {
	var best *formCells
	for _, form := range forms.Known() {
		c := readCells(labelsOf(form), rows)
		if best == nil || c.isForm() && (!best.isForm() || c.strong > best.strong ||
			c.strong == best.strong && len(c.labels) > len(best.labels)) {
			best = c
		}
	}
	return best
}

func readCells(fl *formLabels, rows []gridRow) *formCells {
	r := &cellReader{fl: fl, rows: rows, c: &formCells{form: fl.form,
		values: map[string]string{}, tables: map[string][]map[string]string{},
		columns: map[string]map[string]bool{}, labels: map[string]bool{},
	}}
	for i := range rows {
		r.row(i)
	}
	return r.c
}

// nth is the field a label of several fields names where it is met now: the first time the
// first field, then the later ones in printed order.
func (r *cellReader) nth(text string, li labelInfo) labelInfo {
	n := norm(text)
	later := r.fl.repeats[n]
	if len(later) == 0 || li.kind != hostLabel && li.kind != studioLabel {
		return li
	}
	if r.met == nil {
		r.met = map[string]int{}
	}
	k := r.met[n]
	r.met[n]++
	if k == 0 {
		return li
	}
	return later[min(k, len(later))-1]
}

func (r *cellReader) found(text string) {
	n := norm(text)
	if !r.c.labels[n] {
		r.c.labels[n] = true
		if r.fl.strong[n] {
			r.c.strong++
		}
	}
}

func (r *cellReader) row(i int) {
	row := r.rows[i]
	if r.headerRow(row) {
		return
	}
	labelled := false
	for j := 0; j < len(row); j++ {
		cell := row[j]
		if cell.merge {
			continue
		}
		if len(cell.images) > 0 && r.c.photo == "" && len(r.c.tables) == 0 && !r.inTable {
			r.c.photo = cell.images[0] // the photo cell, wherever the host's rows put it
		}
		li, ok := r.fl.lookup(cell.text)
		if !ok {
			if two, ok2 := r.twoCellLabel(row, j); ok2 {
				li, ok, cell, j = two, true, gridCell{text: cell.text + row[j+1].text, col: row[j+1].col}, j+1
			}
		}
		if ok {
			li = r.nth(cell.text, li)
		}
		if !ok {
			if r.inline(cell.text) {
				labelled = true
			}
			continue
		}
		r.found(cell.text)
		labelled = true
		switch li.kind {
		case tableHeading:
			r.section, r.header, r.inTable = li.block, nil, false
		case hostLabel:
			switch li.field.Kind {
			case forms.Picture:
			case forms.BoxChoice:
				r.c.values[li.block.Key+"."+li.field.Key] = boxValue(li.field, r.valueOf(i, j))
			default:
				r.c.values[li.block.Key+"."+li.field.Key] = r.valueOf(i, j)
			}
		case fixedLabel:
			r.inTable = false
		case studioLabel:
			r.inTable = false
			r.studio(i, j, li)
		case textLabel:
			r.inTable = false
			r.c.values[li.block.Key] = stripHint(r.longText(i, j), li.block.Hint)
		case opinionLabel:
			r.inTable = false
		case columnLabel:
			// A form that labels the applicant's name 姓名, before any table.
			if p := r.fl.form.RolePath(forms.RoleApplicantName); norm(cell.text) == "姓名" && len(r.c.tables) == 0 && p != "" {
				r.c.values[p] = r.valueOf(i, j)
			}
		}
	}
	if !labelled && r.inTable {
		r.dataRow(row)
	}
}

// twoCellLabel reads a field's label printed in two cells side by side: a group's label and
// the field's own (外语考试情况 | 年度, 学历 | 第一学历), which a template's importer joins into
// one label; the value is then beside the second cell.
func (r *cellReader) twoCellLabel(row gridRow, j int) (labelInfo, bool) {
	if j+1 >= len(row) || row[j+1].merge || norm(row[j].text) == "" || norm(row[j+1].text) == "" {
		return labelInfo{}, false
	}
	li, ok := r.fl.lookup(row[j].text + row[j+1].text)
	return li, ok && li.kind == hostLabel
}

// headerRow recognises a table's column labels (three or more in one row) and remembers
// which grid column holds which field. A header with no heading before it belongs to the
// first table not yet read.
func (r *cellReader) headerRow(row gridRow) bool {
	n, only, serial := 0, 0, false
	var side *forms.Block // the table's label in a cell at its left (side_mm), over its rows
	for _, cell := range row {
		li, ok := r.fl.lookup(cell.text)
		switch {
		case !ok:
		case li.kind == tableHeading && li.block.SideMM > 0:
			side = &li.block
		case li.kind == serialLabel:
			n, serial = n+1, true
		case li.kind == columnLabel:
			n, only = n+1, only+1
		case li.kind == hostLabel && li.field.Kind != forms.Picture:
			n++ // 性别, 出生年月, 职称 … are the host's labels too
		}
	}
	// The host's first row (主持人姓名 性别 出生年月) has three such labels as well: a header
	// has 序号 or two labels only a table has (姓名, 所在单位, 手机号码).
	if n < 3 || !serial && only < 2 {
		return false
	}
	if side != nil && r.c.tables[side.Key] == nil {
		r.section = *side
		r.found(side.Label)
	}
	if r.section.Kind != forms.TableBlock || r.c.tables[r.section.Key] != nil {
		r.section = r.nextTable()
	}
	if r.section.Kind != forms.TableBlock {
		return false
	}
	r.header, r.spans = map[int]forms.Field{}, map[int]int{}
	cols := map[string]bool{}
	for _, cell := range row {
		if f, ok := columnField(r.section, norm(cell.text)); ok {
			r.header[cell.col], r.spans[cell.col] = f, cell.span
			cols[f.Key] = true
			r.found(f.Label)
		}
	}
	r.c.columns[r.section.Key] = cols
	r.c.tables[r.section.Key] = []map[string]string{}
	r.inTable = true
	return true
}

func (r *cellReader) nextTable() forms.Block {
	for _, b := range r.fl.form.Blocks {
		if b.Kind == forms.TableBlock && r.c.tables[b.Key] == nil {
			return b
		}
	}
	return forms.Block{}
}

// dataRow reads one person: each cell under the column label whose grid columns it starts in.
func (r *cellReader) dataRow(row gridRow) {
	vals := map[string]string{}
	filled := false
	for _, cell := range row {
		if cell.merge {
			continue
		}
		f, ok := r.header[cell.col]
		if !ok {
			for col, hf := range r.header {
				if cell.col > col && cell.col < col+r.spans[col] {
					f, ok = hf, true
				}
			}
		}
		if !ok {
			continue
		}
		v := oneLine(cell.text)
		if f.Kind == forms.BoxChoice {
			v = boxValue(f, v)
		}
		if v != "" {
			vals[f.Key], filled = v, true
		}
	}
	if filled && len(r.c.tables[r.section.Key]) < 200 {
		r.c.tables[r.section.Key] = append(r.c.tables[r.section.Key], vals)
	}
}

// valueOf is the value of the label at row i, cell j: the next cell to the right, or, when
// that is empty, a label or missing, the cell below (a form with its values under the labels).
func (r *cellReader) valueOf(i, j int) string {
	row := r.rows[i]
	if j+1 < len(row) {
		if _, isLabel := r.fl.lookup(row[j+1].text); !isLabel && oneLine(row[j+1].text) != "" {
			return oneLine(row[j+1].text)
		}
	}
	if below, ok := r.below(i, row[j].col); ok {
		if _, isLabel := r.fl.lookup(below.text); !isLabel {
			return oneLine(below.text)
		}
	}
	return ""
}

// below finds the cell of the next row that starts at grid column col.
func (r *cellReader) below(i, col int) (gridCell, bool) {
	if i+1 >= len(r.rows) {
		return gridCell{}, false
	}
	for _, c := range r.rows[i+1] {
		if c.col == col && !c.merge {
			return c, true
		}
	}
	return gridCell{}, false
}

// inline reads "label：value" written in one cell (a host field); true when it was one.
func (r *cellReader) inline(text string) bool {
	k := strings.IndexAny(text, ":：")
	if k <= 0 {
		return false
	}
	li, ok := r.fl.table[norm(text[:k])]
	if !ok || li.kind != hostLabel || li.field.Kind == forms.Picture {
		return false
	}
	_, size := firstRune(text[k:])
	v := oneLine(text[k+size:])
	if v == "" {
		return false
	}
	r.found(text[:k])
	r.c.values[li.block.Key+"."+li.field.Key] = typed(li.field, v)
	return true
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// longText is a long-text block's content: the cells right of the label, then the rows that
// go on below it (their label cell merged into the label's, or empty); the row below when
// the label stands alone in its row.
func (r *cellReader) longText(i, j int) string {
	var text strings.Builder
	collect := func(row gridRow, from int) {
		for _, c := range row[from:] {
			if c.merge || strings.TrimSpace(c.text) == "" {
				continue
			}
			if text.Len() > 0 && !c.goesOn {
				text.WriteByte('\n')
			}
			text.WriteString(c.text) // a paragraph cut between two rows is joined again
		}
	}
	collect(r.rows[i], j+1)
	labelCol := r.rows[i][j].col
	alone := text.Len() == 0
	for k := i + 1; k < len(r.rows); k++ {
		next := r.rows[k]
		if len(next) == 0 || r.rowHasLabel(next) {
			break
		}
		first := next[0]
		goesOn := first.col == labelCol && (first.merge || strings.TrimSpace(first.text) == "") && len(next) > 1
		switch {
		case goesOn:
			collect(next, 1)
		case alone && len(next) == 1:
			collect(next, 0)
			return text.String()
		default:
			return text.String()
		}
	}
	return text.String()
}

func (r *cellReader) rowHasLabel(row gridRow) bool {
	for _, c := range row {
		if li, ok := r.fl.lookup(c.text); ok && li.kind != columnLabel && li.kind != serialLabel {
			return true
		}
	}
	return false
}

// studio reads block 5: its two fields written as "label：value" lines inside the content
// cell (as the bureau's form has them), or as labels with their own cells.
func (r *cellReader) studio(i, j int, li labelInfo) {
	if li.field.Key != "" { // a field label in a cell of its own
		r.c.values[li.block.Key+"."+li.field.Key] = typed(li.field, r.valueOf(i, j))
		return
	}
	var text string
	for _, c := range r.rows[i][j+1:] {
		text += c.text + "\n"
	}
	if b, ok := r.fl.form.Block(li.block.Key); ok {
		for k, f := range b.Fields {
			r.c.values[b.Key+"."+f.Key] = typed(f, between(text, f.Label, b.Fields[k+1:]))
			r.found(f.Label)
		}
	}
}

// between is the text after label up to the next of the later fields' labels.
func between(text, label string, later []forms.Field) string {
	at := strings.Index(text, strings.TrimRight(label, "：:"))
	if at < 0 {
		return ""
	}
	rest := strings.TrimLeft(text[at+len(strings.TrimRight(label, "：:")):], ":：")
	for _, f := range later {
		if k := strings.Index(rest, strings.TrimRight(f.Label, "：:")); k >= 0 {
			rest = rest[:k]
		}
	}
	return oneLine(rest)
}

// oneLine is a short value as typed in a cell: its lines joined by a space, trimmed.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\u3000", " ")), " ")
}

// stripHint removes the form's printed hint from the start of a long text's cell, compared
// without spaces, and the blank lines around what is left.
func stripHint(text, hint string) string {
	if hint == "" {
		return strings.Trim(text, "\n ")
	}
	h := []rune(norm(hint))
	k := 0
	for i, c := range text {
		if k == len(h) {
			return strings.Trim(text[i:], "\n ")
		}
		switch {
		case unicode.IsSpace(c) || c == '\u3000':
		case c == h[k]:
			k++
		default:
			return strings.Trim(text, "\n ")
		}
	}
	if k == len(h) {
		return ""
	}
	return strings.Trim(text, "\n ")
}

// isForm: enough of the form's labels, one of them only this form has.
func (c *formCells) isForm() bool { return c.strong >= 1 && len(c.labels) >= 4 }

// missing lists the form's labels the document lacked, for the user.
func (c *formCells) missing() []string {
	var out []string
	for _, b := range c.form.Blocks {
		switch b.Kind {
		case forms.FieldsBlock:
			for _, f := range b.Fields {
				if f.Kind != forms.Picture && !c.labels[norm(f.Label)] && (b.Grid() || !c.labels[norm(b.Label)]) {
					out = append(out, f.Name())
				}
			}
		case forms.TableBlock, forms.TextBlock:
			if !c.labels[norm(b.Label)] && c.tables[b.Key] == nil {
				out = append(out, b.Name())
			}
		}
	}
	return out
}

// draft is the hand-filled form as a draft.
func (c *formCells) draft() *forms.Draft {
	d := forms.New(c.form)
	for path, v := range c.values {
		d.Set(path, v)
	}
	for key, rows := range c.tables {
		b, _ := c.form.Block(key)
		for i, row := range rows {
			for _, f := range b.Fields {
				d.Set(forms.Path(b, f, i+1), row[f.Key])
			}
		}
	}
	return d
}
