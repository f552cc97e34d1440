package forms

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"shenbao/fonts"
)

// DefinitionFormat and DefinitionVersion name the definition file format (docs/form-format.md).
const (
	DefinitionFormat  = "shenbao-form"
	DefinitionVersion = 1
)

// Bounds of a definition file, checked before the work they would cost. The largest real form
// of this family has about 15 blocks of at most 20 fields; these leave room for any form and
// keep a hostile file's load in milliseconds.
const (
	MaxDefinitionSize = 1 << 20 // bytes
	maxDefBlocks      = 100
	maxDefFields      = 200 // in one block
	maxDefChoices     = 100 // in one field or list
	maxDefListItems   = 500
	maxDefLists       = 50
	maxDefRules       = 500
	maxDefWords       = 50 // aliases, outline headings, fields of a rule
	maxDefNesting     = 4  // arrays and inline tables inside each other
	maxDefKeyParts    = 4  // a.b.c.d
	maxDefLabel       = 100
	maxDefHint        = 500
	maxDefText        = 5000 // set wording, instructions
	maxDefName        = 64   // ids, keys
	maxDefProblems    = 50
	widthTolerance    = 0.05 // mm: widths are written to 0.1 mm
)

// ErrBadDefinition is what errors.Is finds in every *DefinitionError.
var ErrBadDefinition = errors.New("申报表定义文件有误")

// Problem is one thing wrong in a definition file: the line (from 1; 0 when the file as a whole
// is meant) and a Chinese sentence saying what is wrong and, where it helps, what to write.
type Problem struct {
	Line    int
	Message string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("第%d行：%s", p.Line, p.Message)
	}
	return p.Message
}

// DefinitionError lists every problem found in a definition file, in the order of the lines.
type DefinitionError struct {
	File     string
	Problems []Problem
}

func (e *DefinitionError) Error() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "申报表定义文件 %s 有%d处问题：", e.File, len(e.Problems))
	for _, p := range e.Problems {
		sb.WriteString("\n" + e.File + " " + p.String())
	}
	return sb.String()
}

// Is lets errors.Is(err, ErrBadDefinition) hold.
func (e *DefinitionError) Is(target error) bool { return target == ErrBadDefinition }

// The file's shape as the TOML decoder fills it. Every value is any, so that a value of the
// wrong type is told in Chinese with its line rather than failing the decode (or, for a map,
// being dropped without a word, as the decoder does with a number where a table belongs); only
// the arrays of tables are typed, so that MetaData.Undecoded reports the keys nobody reads.
type rawDefinition struct {
	Format        any            `toml:"format"`
	FormatVersion any            `toml:"format_version"`
	ID            any            `toml:"id"`
	Version       any            `toml:"version"`
	Title         any            `toml:"title"`
	Source        any            `toml:"source"`
	WindowTitle   any            `toml:"window_title"`
	OutputName    any            `toml:"output_name"`
	DraftFormat   any            `toml:"draft_format"`
	Stamp         any            `toml:"stamp"`
	Date          any            `toml:"date"`
	Group         any            `toml:"group"`
	Lists         any            `toml:"lists"`
	Roles         any            `toml:"roles"`
	Blocks        []rawBlock     `toml:"blocks"`
	Rules         []rawRule      `toml:"rules"`
	Sample        any            `toml:"sample"`
	Submission    *rawSubmission `toml:"submission"`
}

type rawSubmission struct {
	Deadline any `toml:"deadline"`
	Email    any `toml:"email"`
	Contact  any `toml:"contact"`
	Phone    any `toml:"phone"`
}

type rawBlock struct {
	Key          any        `toml:"key"`
	Label        any        `toml:"label"`
	Nav          any        `toml:"nav"`
	Kind         any        `toml:"kind"`
	LabelMM      any        `toml:"label_mm"`
	SideMM       any        `toml:"side_mm"`
	Rows         any        `toml:"rows"`
	Hint         any        `toml:"hint"`
	Outline      any        `toml:"outline"`
	Sub          any        `toml:"sub"`
	Text         any        `toml:"text"`
	Sign         any        `toml:"sign"`
	Seal         any        `toml:"seal"`
	SealRequired any        `toml:"seal_required"`
	ClearMM      any        `toml:"clear_mm"`
	PageBreak    any        `toml:"page_break"`
	LeaveBlank   any        `toml:"leave_blank"`
	Person       any        `toml:"person"`
	Aliases      any        `toml:"aliases"`
	SummaryLabel any        `toml:"summary_label"`
	Help         any        `toml:"help"`
	Shared       any        `toml:"shared"`
	Fields       []rawField `toml:"fields"`
}

type rawField struct {
	Key          any `toml:"key"`
	Label        any `toml:"label"`
	Kind         any `toml:"kind"`
	Choices      any `toml:"choices"`
	ChoicesFrom  any `toml:"choices_from"`
	ValueAliases any `toml:"value_aliases"`
	Required     any `toml:"required"`
	MaxWords     any `toml:"max_words"`
	WarnWords    any `toml:"warn_words"`
	MaxChars     any `toml:"max_chars"`
	Hint         any `toml:"hint"`
	Row          any `toml:"row"`
	LabelMM      any `toml:"label_mm"`
	ValueMM      any `toml:"value_mm"`
	RowSpan      any `toml:"row_span"`
	Group        any `toml:"group"`
	GroupMM      any `toml:"group_mm"`
	GroupSpan    any `toml:"group_span"`
	LabelAbove   any `toml:"label_above"`
	BoxFirst     any `toml:"box_first"`
	LabelInside  any `toml:"label_inside"`
	Aliases      any `toml:"aliases"`
	SheetWidth   any `toml:"sheet_width"`
	Summary      any `toml:"summary"`
}

type rawRule struct {
	Kind      any `toml:"kind"`
	Fields    any `toml:"fields"`
	Tables    any `toml:"tables"`
	Min       any `toml:"min"`
	Max       any `toml:"max"`
	List      any `toml:"list"`
	Match     any `toml:"match"`
	Applicant any `toml:"applicant"`
	Severity  any `toml:"severity"`
	Message   any `toml:"message"`
}

// The kinds as the file writes them.
var (
	kindNames = map[string]Kind{"text": Text, "choice": Choice, "boxes": BoxChoice, "year_month": YearMonth,
		"phone": Phone, "mobile": Mobile, "whole_number": WholeNumber, "long_text": LongText,
		"picture": Picture, "period": Period}
	kindOrder      = []string{"text", "choice", "boxes", "year_month", "period", "phone", "mobile", "whole_number", "long_text", "picture"}
	blockKindNames = map[string]BlockKind{"fields": FieldsBlock, "table": TableBlock, "text": TextBlock,
		"opinion": OpinionBlock, "declaration": DeclarationBlock, "note": NoteBlock}
	blockKindOrder = []string{"fields", "table", "text", "opinion", "declaration", "note"}
)

func (k Kind) String() string {
	for n, v := range kindNames {
		if v == k {
			return n
		}
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

func (k BlockKind) String() string {
	for n, v := range blockKindNames {
		if v == k {
			return n
		}
	}
	return "blockkind(" + strconv.Itoa(int(k)) + ")"
}

// blockKeyKinds says which block kinds each optional block key belongs to; a key given to
// another kind is an error (it would be silently ignored).
var blockKeyKinds = map[string][]BlockKind{
	"rows":          {TableBlock},
	"hint":          {TextBlock},
	"outline":       {TextBlock},
	"sub":           {OpinionBlock},
	"text":          {OpinionBlock, DeclarationBlock, NoteBlock},
	"sign":          {OpinionBlock, DeclarationBlock},
	"seal":          {OpinionBlock, DeclarationBlock},
	"seal_required": {OpinionBlock, DeclarationBlock},
	"clear_mm":      {OpinionBlock, DeclarationBlock},
	"leave_blank":   {FieldsBlock, TableBlock, OpinionBlock},
	"person":        {TableBlock},
	"shared":        {TableBlock},
	"aliases":       {TableBlock},
	"summary_label": {TableBlock, TextBlock},
	"fields":        {FieldsBlock, TableBlock, TextBlock},
}

var (
	namePattern  = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)         // ids
	draftPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9:-]*$`)        // draft formats
	keyPattern   = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)      // JSON keys of blocks and fields
	listPattern  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)            // list names
	placeholders = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)\}`) // in rule messages
)

// reservedKeys are the draft's own top-level keys: no block may take them.
var reservedKeys = []string{"format", "version", "form", "formVersion"}

// ParseDefinition reads a form definition file (docs/form-format.md). name is what messages call
// the file. A file with anything wrong gives a *DefinitionError listing every problem found,
// each with its line.
func ParseDefinition(data []byte, name string) (*Definition, error) {
	l := &loader{file: name}
	def := l.parse(data)
	if len(l.probs) > 0 {
		sort.SliceStable(l.probs, func(i, j int) bool { return l.probs[i].Line < l.probs[j].Line })
		return nil, &DefinitionError{File: name, Problems: l.probs}
	}
	def.File = name
	return def, nil
}

type loader struct {
	file  string
	shape *tomlShape
	probs []Problem
	full  bool // maxDefProblems reached: the rest is not told
	// refused: the paths of values told wrong (a width as text, rows out of range), so that
	// what follows from them (a row not adding up, a rule past 0 rows) is not told again.
	refused map[string]bool
}

// refuse marks a value told wrong.
func (l *loader) refuse(path string) {
	if l.refused == nil {
		l.refused = map[string]bool{}
	}
	l.refused[path] = true
}

// refusedUnder: a value under prefix with one of the keys was told wrong.
func (l *loader) refusedUnder(prefix string, keys ...string) bool {
	for p := range l.refused {
		if strings.HasPrefix(p, prefix) && slices.Contains(keys, keyOf(p)) {
			return true
		}
	}
	return false
}

// blockPath is the path of the block with the key, "" when there is none.
func blockPath(def *Definition, key string) string {
	for i, b := range def.Blocks {
		if b.Key == key {
			return fmt.Sprintf("blocks[%d]", i)
		}
	}
	return ""
}

func (l *loader) fail(line int, format string, args ...any) {
	if l.full {
		return
	}
	if len(l.probs) == maxDefProblems-1 {
		l.probs = append(l.probs, Problem{Line: line, Message: "问题太多，后面的没有列出：请先改正上面这些。"})
		l.full = true
		return
	}
	l.probs = append(l.probs, Problem{Line: line, Message: fmt.Sprintf(format, args...)})
}

// line is where the key at path (indexed, "blocks[2].fields[0].label") is written, or the
// nearest enclosing table's line when the key is absent.
func (l *loader) line(path string) int {
	for path != "" {
		if n, ok := l.shape.lines[path]; ok {
			return n
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

func (l *loader) parse(data []byte) *Definition {
	if len(data) > MaxDefinitionSize {
		l.fail(0, "文件有 %d 字节，超过了定义文件 %d 字节（1 MB）的上限：这不是申报表定义文件。", len(data), MaxDefinitionSize)
		return nil
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		l.fail(0, "文件不是 UTF-8 编码的文字：请用记事本“另存为”UTF-8 编码。")
		return nil
	}
	l.shape = scanTOML(data)
	if l.shape.depth > maxDefNesting {
		l.fail(0, "数组或内联表嵌套了 %d 层以上，定义文件最多 %d 层：这不是申报表定义文件。", min(l.shape.depth, scanMaxDepth), maxDefNesting)
		return nil
	}
	if l.shape.parts > maxDefKeyParts {
		l.fail(0, "有的键由 %d 段以上用点连起来，定义文件最多 %d 段：这不是申报表定义文件。", min(l.shape.parts, scanMaxParts), maxDefKeyParts)
		return nil
	}
	var raw rawDefinition
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		l.decodeError(data, err)
		return nil
	}
	if !l.header(&raw) {
		return nil
	}
	l.unknownKeys(md)
	if len(raw.Blocks) > maxDefBlocks {
		l.fail(l.line("blocks["+strconv.Itoa(maxDefBlocks)+"]"), "栏目（[[blocks]]）有 %d 个，最多 %d 个。", len(raw.Blocks), maxDefBlocks)
		return nil
	}
	if len(raw.Rules) > maxDefRules {
		l.fail(l.line("rules["+strconv.Itoa(maxDefRules)+"]"), "规则（[[rules]]）有 %d 条，最多 %d 条。", len(raw.Rules), maxDefRules)
		return nil
	}
	lists, roles, sample := l.table(raw.Lists, "lists"), l.table(raw.Roles, "roles"), l.table(raw.Sample, "sample")
	if len(lists) > maxDefLists {
		l.fail(l.line("lists"), "列表（[lists]）有 %d 个，最多 %d 个。", len(lists), maxDefLists)
		return nil
	}
	for i, b := range raw.Blocks {
		if len(b.Fields) > maxDefFields {
			l.fail(l.line(fmt.Sprintf("blocks[%d].fields[%d]", i, maxDefFields)), "一个栏目最多 %d 个字段，这个栏目有 %d 个。", maxDefFields, len(b.Fields))
			return nil
		}
	}
	def := l.top(&raw)
	def.Lists = l.lists(lists)
	for i, rb := range raw.Blocks {
		def.Blocks = append(def.Blocks, l.block(def, i, rb))
	}
	l.blocksTogether(def)
	def.Roles = l.roles(def, roles)
	for i, rr := range raw.Rules {
		if r, ok := l.rule(def, i, rr); ok {
			def.Rules = append(def.Rules, r)
		}
	}
	l.derive(def)
	def.Sample = l.sample(def, sample)
	return def
}

// decodeError tells a TOML syntax error with its line, or a table written where the format has
// a value or the other way round.
func (l *loader) decodeError(data []byte, err error) {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		l.fail(pe.Position.Line, "不是有效的 TOML（第%d列）：%s。常见原因：文字没有用英文双引号括起来、引号或括号不配对、同一个键写了两次。", pe.Position.Col, pe.Message)
		return
	}
	// The syntax is fine, so a generic decode succeeds: find the table or array that has the
	// wrong shape.
	var m map[string]any
	if _, err2 := toml.Decode(string(data), &m); err2 != nil {
		l.fail(0, "无法读取：%v", err)
		return
	}
	before := len(l.probs)
	if blocks, ok := l.shapeOf(m["blocks"], "blocks"); ok {
		for i, b := range blocks {
			l.shapeOf(b["fields"], fmt.Sprintf("blocks[%d].fields", i))
		}
	}
	l.shapeOf(m["rules"], "rules")
	l.table(m["submission"], "submission")
	if len(l.probs) == before {
		l.fail(0, "无法读取：%v", err)
	}
}

// table checks that v is a table; absent is fine (nil).
func (l *loader) table(v any, path string) map[string]any {
	if v == nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		l.fail(l.line(path), "%s 应当是一个表（写成 [%s] 加下面几行“键 = 值”，或 { 键 = 值 }），现在是%s。", keyOf(path), stripIndices(path), typeName(v))
	}
	return m
}

// shapeOf checks that v is an array of tables; absent is fine.
func (l *loader) shapeOf(v any, path string) ([]map[string]any, bool) {
	if v == nil {
		return nil, false
	}
	key := keyOf(path)
	var out []map[string]any
	switch a := v.(type) {
	case []map[string]any:
		return a, true
	case []any:
		for _, e := range a {
			m, ok := e.(map[string]any)
			if !ok {
				l.fail(l.line(path), "%s 应当是一组表：每一项写成 [[%s]] 加下面几行“键 = 值”。", key, stripIndices(path))
				return nil, false
			}
			out = append(out, m)
		}
		return out, true
	}
	l.fail(l.line(path), "%s 应当是一组表：每一项写成 [[%s]] 加下面几行“键 = 值”。", key, stripIndices(path))
	return nil, false
}

// schema is the keys each table of the file may have, from the raw types' tags; "*" marks a
// table whose keys are names the file chooses (lists, value_aliases, sample).
var schema = map[string][]string{
	"":                            tagsOf(rawDefinition{}),
	"blocks":                      tagsOf(rawBlock{}),
	"blocks.fields":               tagsOf(rawField{}),
	"rules":                       tagsOf(rawRule{}),
	"submission":                  tagsOf(rawSubmission{}),
	"lists":                       {"*"},
	"roles":                       {"*"},
	"blocks.fields.value_aliases": {"*"},
	"sample":                      {"*"},
}

// tableNames say in messages where a key is.
var tableNames = map[string]string{
	"":              "文件开头",
	"blocks":        "栏目（[[blocks]]）中",
	"blocks.fields": "字段（[[blocks.fields]]）中",
	"rules":         "规则（[[rules]]）中",
}

func tagsOf(v any) []string {
	t := reflect.TypeOf(v)
	out := make([]string, t.NumField())
	for i := range out {
		out[i] = t.Field(i).Tag.Get("toml")
	}
	return out
}

// unknownKeys reports the keys the format does not have: those nobody decoded, and those the
// decoder matched ignoring case (Label for label), which would otherwise be taken silently.
func (l *loader) unknownKeys(md toml.MetaData) {
	seen := map[string]bool{}
	report := func(k toml.Key) {
		path := strings.Join(k, ".")
		parent := strings.Join(k[:len(k)-1], ".")
		if seen[path] || strings.HasPrefix(path, "sample.") || contains(schema[parent], "*") {
			return // the sample's keys, lists, roles and aliases are checked where they are read
		}
		seen[path] = true
		for i := 1; i < len(k); i++ {
			if seen[strings.Join(k[:i], ".")] {
				return // inside a key told already
			}
		}
		name := k[len(k)-1]
		hint := ""
		if s := suggest(name, schema[parent]); s != "" {
			hint = "是不是 " + s + "？"
		}
		where, ok := tableNames[parent]
		if !ok {
			where = "“" + parent + "”中"
		}
		lines := l.shape.plain[path]
		if len(lines) == 0 {
			lines = []int{0}
		}
		for _, ln := range lines {
			l.fail(ln, "%s不认识的键 %s：%s请核对拼写（键名都是小写英文，见 docs/form-format.md）。", where, name, hint)
		}
	}
	for _, k := range md.Undecoded() {
		report(k)
	}
	for _, k := range md.Keys() {
		known, ok := schema[strings.Join(k[:len(k)-1], ".")]
		if ok && !contains(known, "*") && !contains(known, k[len(k)-1]) {
			report(k)
		}
	}
}

// suggest is the known key closest to name (case ignored, at most two letters apart).
func suggest(name string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if k == "*" {
			continue
		}
		d := editDistance(strings.ToLower(name), k)
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func editDistance(a, b string) int {
	if len(a) > 40 || len(b) > 40 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// header checks format and format_version; false when the file is not one this program reads.
func (l *loader) header(raw *rawDefinition) bool {
	f, ok := raw.Format.(string)
	if !ok || f != DefinitionFormat {
		l.fail(l.line("format"), "这不是申报表定义文件：文件开头应当写 format = \"%s\" 和 format_version = %d。", DefinitionFormat, DefinitionVersion)
		return false
	}
	v, ok := raw.FormatVersion.(int64)
	switch {
	case !ok:
		l.fail(l.line("format_version"), "format_version 应当是整数 %d（不加引号）。", DefinitionVersion)
		return false
	case v > DefinitionVersion:
		l.fail(l.line("format_version"), "这个定义文件的格式版本是 %d，本程序只认识第 %d 版：请升级本程序。", v, DefinitionVersion)
		return false
	case v < 1:
		l.fail(l.line("format_version"), "format_version 应当是 %d，现在是 %d。", DefinitionVersion, v)
		return false
	}
	return true
}

// typeName says in Chinese what sort of TOML value v is.
func typeName(v any) string {
	switch v := v.(type) {
	case string:
		return "文字"
	case int64:
		return "整数 " + strconv.FormatInt(v, 10)
	case float64:
		return "小数 " + strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return "真假值 " + strconv.FormatBool(v)
	case []any, []map[string]any:
		return "数组 [...]"
	case map[string]any:
		return "表 {...}"
	}
	return "日期时间"
}

// str reads a text value at path; "" and false when absent or of another type (told).
func (l *loader) str(v any, path string, max int) (string, bool) {
	if v == nil {
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		l.fail(l.line(path), "%s 应当是文字（用英文双引号括起来），现在是%s。", keyOf(path), typeName(v))
		return "", false
	}
	if n := utf8.RuneCountInString(s); n > max {
		l.fail(l.line(path), "%s 有 %d 个字，最多 %d 个。", keyOf(path), n, max)
		return "", false
	}
	return s, true
}

func (l *loader) integer(v any, path string, lo, hi int) (int, bool) {
	if v == nil {
		return 0, false
	}
	n, ok := v.(int64)
	if !ok {
		l.fail(l.line(path), "%s 应当是整数（不加引号），现在是%s。", keyOf(path), typeName(v))
		l.refuse(path)
		return 0, false
	}
	if n < int64(lo) || n > int64(hi) {
		l.fail(l.line(path), "%s 应当在 %d 到 %d 之间，现在是 %d。", keyOf(path), lo, hi, n)
		l.refuse(path)
		return 0, false
	}
	return int(n), true
}

func (l *loader) number(v any, path string, lo, hi float64) (float64, bool) {
	var x float64
	switch n := v.(type) {
	case nil:
		return 0, false
	case int64:
		x = float64(n)
	case float64:
		x = n
	default:
		l.fail(l.line(path), "%s 应当是数（不加引号，如 15.5），现在是%s。", keyOf(path), typeName(v))
		l.refuse(path)
		return 0, false
	}
	if math.IsNaN(x) || x < lo || x > hi {
		l.fail(l.line(path), "%s 应当在 %g 到 %g 之间，现在是 %g。", keyOf(path), lo, hi, x)
		l.refuse(path)
		return 0, false
	}
	return x, true
}

// minCellMM is the narrowest cell: a character and the cell's padding.
const minCellMM = 5

// width reads a cell width in millimetres: 0 (no such cell) or from minCellMM to TextMM.
func (l *loader) width(v any, path string) float64 {
	w, ok := l.number(v, path, 0, TextMM)
	if ok && w > 0 && w < minCellMM {
		l.fail(l.line(path), "%s = %g 太窄：格子至少 %d 毫米宽（放得下一个字），不要这个格子就写 0 或不写。", keyOf(path), w, minCellMM)
		return 0
	}
	return w
}

func (l *loader) boolean(v any, path string) bool {
	if v == nil {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		l.fail(l.line(path), "%s 应当是 true 或 false（不加引号），现在是%s。", keyOf(path), typeName(v))
	}
	return b
}

// strs reads an array of texts, each at most max characters, at most n of them.
func (l *loader) strs(v any, path string, n, max int) ([]string, bool) {
	if v == nil {
		return nil, false
	}
	a, ok := v.([]any)
	if !ok {
		l.fail(l.line(path), "%s 应当是一组文字，写成 [\"甲\", \"乙\"]，现在是%s。", keyOf(path), typeName(v))
		return nil, false
	}
	if len(a) > n {
		l.fail(l.line(path), "%s 有 %d 项，最多 %d 项。", keyOf(path), len(a), n)
		return nil, false
	}
	out := make([]string, 0, len(a))
	for _, e := range a {
		s, ok := e.(string)
		if !ok {
			l.fail(l.line(path), "%s 的每一项都应当是文字（用英文双引号括起来），有一项是%s。", keyOf(path), typeName(e))
			return nil, false
		}
		if c := utf8.RuneCountInString(s); c > max {
			l.fail(l.line(path), "%s 中的“%s…”有 %d 个字，每项最多 %d 个。", keyOf(path), string([]rune(s)[:min(10, max)]), c, max)
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// keyOf is the key a path ends in: "blocks[2].fields[0].label" → label.
func keyOf(path string) string {
	path = stripIndices(path)
	return path[strings.LastIndexByte(path, '.')+1:]
}

// printable checks that the embedded fonts print every character of s: bold for what the form
// prints in bold (the title and labels), regular for the rest. Line breaks are allowed where
// breaks says so.
func (l *loader) printable(s, path string, bold, breaks bool) {
	var bad []string
	seen := map[rune]bool{}
	for _, r := range s {
		if len(bad) >= 10 {
			break
		}
		if seen[r] {
			continue
		}
		seen[r] = true
		switch {
		case r == '\n' && breaks:
			continue
		case r == '\n' || r == '\r' || r == '\t' || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			bad = append(bad, fmt.Sprintf("不可见的控制字符（U+%04X）", r))
		case !fonts.Printable(r):
			bad = append(bad, fmt.Sprintf("“%c”（U+%04X）", r, r))
		case bold && !fonts.BoldHas(r):
			bad = append(bad, fmt.Sprintf("“%c”（U+%04X，粗体字体里没有）", r, r))
		}
	}
	if len(bad) > 0 {
		l.fail(l.line(path), "%s 含有内嵌字体印不出来的字符：%s。请改用常用字（打印出来会是方框）。", keyOf(path), strings.Join(bad, "、"))
	}
}

// top reads the form's own keys.
func (l *loader) top(raw *rawDefinition) *Definition {
	def := &Definition{}
	var ok bool
	if def.ID, ok = l.str(raw.ID, "id", maxDefName); !ok && raw.ID == nil {
		l.fail(0, "缺少 id（表的编号，如 id = \"liuzhou-mbzr-2024\"）：草稿用它说明是哪一种表。")
	} else if ok && !namePattern.MatchString(def.ID) {
		l.fail(l.line("id"), "id = %q 只能由小写英文字母、数字和连字符（-）组成，如 \"liuzhou-mbzr-2024\"。", def.ID)
	}
	if def.Version, ok = l.integer(raw.Version, "version", 1, 1000000); !ok && raw.Version == nil {
		l.fail(0, "缺少 version（这份定义的版本，从 1 开始的整数；表改了就加 1）。")
	}
	if def.Title, ok = l.str(raw.Title, "title", maxDefLabel); !ok && raw.Title == nil || ok && strings.TrimSpace(def.Title) == "" {
		l.fail(l.line("title"), "缺少 title（申报表的标题，印在第一页顶端）。")
	} else if ok {
		l.printable(def.Title, "title", true, false)
	}
	def.Source, _ = l.str(raw.Source, "source", maxDefHint)
	def.OutputName, ok = l.str(raw.OutputName, "output_name", maxDefLabel)
	if !ok {
		def.OutputName = strings.Map(func(r rune) rune {
			if strings.ContainsRune("“”\"‘’《》", r) {
				return -1
			}
			return r
		}, def.Title)
	} else if i := strings.IndexFunc(def.OutputName, func(r rune) bool { return strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' }); i >= 0 || strings.TrimSpace(def.OutputName) == "" {
		l.fail(l.line("output_name"), "output_name 是导出文件名的开头，不能为空，也不能含有 / \\ : * ? \" < > | 这些文件名里不能用的字符。")
	}
	if def.WindowTitle, ok = l.str(raw.WindowTitle, "window_title", maxDefLabel); !ok {
		def.WindowTitle = def.OutputName
	} else {
		l.printable(def.WindowTitle, "window_title", false, false)
	}
	if def.DraftFormat, ok = l.str(raw.DraftFormat, "draft_format", maxDefName); !ok {
		def.DraftFormat = FormFormatPrefix + def.ID
	} else if !draftPattern.MatchString(def.DraftFormat) {
		l.fail(l.line("draft_format"), "draft_format = %q 只能由小写英文字母、数字、连字符（-）和冒号组成。", def.DraftFormat)
	}
	def.Group, _ = l.str(raw.Group, "group", 20)
	l.printable(def.Group, "group", false, false)
	def.Stamp, def.Date = Stamp, Date
	if s, ok := l.str(raw.Stamp, "stamp", maxDefLabel); ok {
		def.Stamp = s
		l.printable(s, "stamp", false, false)
	}
	if s, ok := l.str(raw.Date, "date", maxDefLabel); ok {
		def.Date = s
		l.printable(s, "date", false, false)
	}
	if rs := raw.Submission; rs != nil {
		sub := &def.Submission
		sub.Deadline, _ = l.str(rs.Deadline, "submission.deadline", 50)
		sub.Email, _ = l.str(rs.Email, "submission.email", maxDefName*2)
		sub.Contact, _ = l.str(rs.Contact, "submission.contact", 50)
		sub.Phone, _ = l.str(rs.Phone, "submission.phone", 50)
		if sub.Email != "" && (!strings.Contains(sub.Email, "@") || strings.ContainsAny(sub.Email, " \t\n")) {
			l.fail(l.line("submission.email"), "email = %q 不是电子邮箱地址。", sub.Email)
		}
		for _, k := range []string{"deadline", "contact", "phone"} {
			v := map[string]string{"deadline": sub.Deadline, "contact": sub.Contact, "phone": sub.Phone}[k]
			l.printable(v, "submission."+k, false, false)
		}
	}
	return def
}

func (l *loader) lists(raw map[string]any) map[string][]string {
	out := map[string][]string{}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		path := "lists." + n
		if !listPattern.MatchString(n) || len(n) > maxDefName {
			l.fail(l.line(path), "列表名 %q 只能由小写英文字母、数字和下划线组成，以字母开头。", n)
			continue
		}
		items, ok := l.strs(raw[n], path, maxDefListItems, maxDefLabel)
		if !ok {
			continue
		}
		if len(items) == 0 {
			l.fail(l.line(path), "列表 %s 是空的。", n)
		}
		l.distinct(items, path)
		for _, s := range items {
			l.printable(s, path, false, false)
		}
		out[n] = items
	}
	return out
}

// distinct reports a value given twice in a list of choices or names.
func (l *loader) distinct(items []string, path string) {
	seen := map[string]bool{}
	for _, s := range items {
		if strings.TrimSpace(s) == "" {
			l.fail(l.line(path), "%s 中有一项是空的。", keyOf(path))
		}
		if seen[s] {
			l.fail(l.line(path), "%s 中“%s”出现了两次。", keyOf(path), s)
		}
		seen[s] = true
	}
}

// present lists the keys of a raw table that are given, by their tags.
func present(v any) []string {
	rv := reflect.ValueOf(v)
	var out []string
	for i := 0; i < rv.NumField(); i++ {
		f := rv.Field(i)
		if !f.IsZero() {
			out = append(out, rv.Type().Field(i).Tag.Get("toml"))
		}
	}
	return out
}

func kindList(order []string) string { return strings.Join(order, "、") }

func (l *loader) block(def *Definition, i int, rb rawBlock) Block {
	p := fmt.Sprintf("blocks[%d]", i)
	var b Block
	kind, _ := l.str(rb.Kind, p+".kind", maxDefName)
	k, ok := blockKindNames[kind]
	switch {
	case rb.Kind == nil:
		l.fail(l.line(p), "第%d个栏目缺少 kind（栏目种类：%s）。", i+1, kindList(blockKindOrder))
		return b
	case !ok:
		l.fail(l.line(p+".kind"), "不认识的栏目种类 kind = %q：可用的有 %s。", kind, kindList(blockKindOrder))
		return b
	}
	b.Kind = k
	for _, key := range present(rb) {
		if kinds, limited := blockKeyKinds[key]; limited && !containsKind(kinds, k) {
			l.fail(l.line(p+"."+key), "%s 不用于 %s 栏目（只用于 %s）：请删去或改正 kind。", key, kind, kindNames2(kinds))
		}
	}
	b.Key, _ = l.str(rb.Key, p+".key", maxDefName)
	switch {
	case b.Key != "" && !keyPattern.MatchString(b.Key):
		l.fail(l.line(p+".key"), "栏目的 key = %q 只能由英文字母、数字和下划线组成，以字母开头（如 host、advisers）。", b.Key)
	case contains(reservedKeys, b.Key):
		l.fail(l.line(p+".key"), "key = %q 是草稿文件自己用的键，栏目不能用：请换一个。", b.Key)
	}
	b.LeaveBlank = l.boolean(rb.LeaveBlank, p+".leave_blank")
	b.PageBreak = l.boolean(rb.PageBreak, p+".page_break")
	stored := (k == FieldsBlock || k == TableBlock || k == TextBlock) && !b.LeaveBlank
	if stored && b.Key == "" && rb.Key == nil {
		l.fail(l.line(p), "%s 栏目要填写内容，需要 key（草稿里存放内容的英文键名，如 key = \"host\"）。", kind)
	}
	var hasLabel bool
	b.Label, hasLabel = l.str(rb.Label, p+".label", maxDefLabel)
	switch {
	case hasLabel && strings.TrimSpace(b.Label) == "":
		l.fail(l.line(p+".label"), "栏目的 label 是空的。")
	case hasLabel:
		l.printable(b.Label, p+".label", true, true)
	case rb.Label == nil && k != NoteBlock && k != DeclarationBlock:
		l.fail(l.line(p), "第%d个栏目缺少 label（印在表上的栏目名称）。", i+1)
	}
	name := "第" + strconv.Itoa(i+1) + "个栏目"
	if b.Label != "" {
		name = "“" + b.Name() + "”栏"
	}
	b.Nav, _ = l.str(rb.Nav, p+".nav", 20)
	if stored && b.Nav == "" && rb.Nav == nil {
		l.fail(l.line(p), "%s缺少 nav（程序左侧栏目列表里的简短名称，如 nav = \"主持人\"）。", name)
	}
	l.printable(b.Nav, p+".nav", false, false)

	b.Hint, _ = l.str(rb.Hint, p+".hint", maxDefHint)
	l.printable(b.Hint, p+".hint", false, false)
	b.Sub, _ = l.str(rb.Sub, p+".sub", maxDefLabel)
	l.printable(b.Sub, p+".sub", false, true)
	b.Text, _ = l.str(rb.Text, p+".text", maxDefText)
	l.printable(b.Text, p+".text", false, true)
	if (k == NoteBlock || k == DeclarationBlock) && strings.TrimSpace(b.Text) == "" && rb.Text == nil {
		l.fail(l.line(p), "%s是 %s，需要 text（印在格子里的文字）。", name, kind)
	}
	b.Sign, _ = l.str(rb.Sign, p+".sign", maxDefLabel)
	l.printable(b.Sign, p+".sign", false, false)
	if outline, ok := l.strs(rb.Outline, p+".outline", maxDefWords, maxDefLabel); ok {
		for _, s := range outline {
			l.printable(s, p+".outline", false, false)
		}
		b.Outline = outline
	}
	b.Person, _ = l.str(rb.Person, p+".person", 20)
	l.printable(b.Person, p+".person", false, false)
	b.Aliases, _ = l.strs(rb.Aliases, p+".aliases", maxDefWords, maxDefLabel)
	b.SummaryLabel, _ = l.str(rb.SummaryLabel, p+".summary_label", maxDefLabel)
	b.Help, _ = l.str(rb.Help, p+".help", maxDefHint)
	l.printable(b.Help, p+".help", false, false)
	b.Shared = l.boolean(rb.Shared, p+".shared")

	if s, ok := l.str(rb.Seal, p+".seal", maxDefName); ok {
		b.Seal = Seal(s)
		if !containsSeal(b.Seal) {
			l.fail(l.line(p+".seal"), "不认识的 seal = %q：可用的有 %s。", s, sealList())
		}
	}
	// A box left blank is the bureau's, sealed after the applicant's scan: the scan cannot need
	// its seal, so it is not needed unless said, and saying so is a mistake.
	b.SealNeeded = b.Seal != NoSeal && !b.LeaveBlank
	if rb.SealRequired != nil {
		b.SealNeeded = l.boolean(rb.SealRequired, p+".seal_required")
		switch {
		case b.Seal == NoSeal:
			l.fail(l.line(p+".seal_required"), "seal_required 只在写了 seal（谁的公章）时才有意义。")
		case b.SealNeeded && b.LeaveBlank:
			l.fail(l.line(p+".seal_required"), "%s申报人留空（leave_blank = true），由%s事后填写、盖章，申报人的盖章扫描件上这里不会有公章：seal_required 应为 false（或不写）。", name, b.Seal.Name())
		}
	}
	if b.Seal != NoSeal {
		b.ClearMM = SealClearMM
	}
	if c, ok := l.number(rb.ClearMM, p+".clear_mm", 0, 200); ok {
		b.ClearMM = c
		if b.Seal != NoSeal && c < MinSealClearMM {
			l.fail(l.line(p+".clear_mm"), "%s要盖章，clear_mm 至少 %d 毫米（公章直径 40–42 毫米），现在是 %g。", name, MinSealClearMM, c)
		}
	}

	if r, ok := l.integer(rb.Rows, p+".rows", 1, maxRows); ok {
		b.Rows = r
	} else if k == TableBlock && rb.Rows == nil {
		l.fail(l.line(p), "%s是表格，需要 rows（印出的行数，也是最多能填的行数）。", name)
	}

	b.LabelMM = l.width(rb.LabelMM, p+".label_mm")
	b.SideMM = l.width(rb.SideMM, p+".side_mm")
	if rb.SideMM != nil && k != TableBlock {
		l.fail(l.line(p+".side_mm"), "side_mm 只用于表格（table）：表格的名称印在左边一格里，跨表头和各行。")
	}
	hasLM := rb.LabelMM != nil
	for j, rf := range rb.Fields {
		b.Fields = append(b.Fields, l.field(def, &b, name, fmt.Sprintf("%s.fields[%d]", p, j), rf))
	}
	l.layout(&b, name, p, hasLM)
	return b
}

func containsKind(kinds []BlockKind, k BlockKind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func kindNames2(kinds []BlockKind) string {
	var s []string
	for _, k := range kinds {
		s = append(s, k.String())
	}
	return strings.Join(s, "、")
}

func containsSeal(s Seal) bool {
	for _, x := range seals {
		if x == s {
			return true
		}
	}
	return false
}

func sealList() string {
	var s []string
	for _, x := range seals {
		s = append(s, string(x)+"（"+x.Name()+"）")
	}
	return strings.Join(s, "、")
}

// fieldKeyKinds says which field keys belong to which field kinds; the others fit any kind.
var fieldKeyKinds = map[string][]Kind{
	"choices":       {Choice, BoxChoice},
	"choices_from":  {Choice, BoxChoice},
	"value_aliases": {Choice, BoxChoice},
	"max_words":     {LongText},
	"warn_words":    {LongText},
	"row_span":      {Picture},
	"box_first":     {BoxChoice},
	"label_inside":  {BoxChoice},
}

func (l *loader) field(def *Definition, b *Block, bname, p string, rf rawField) Field {
	var f Field
	kind, _ := l.str(rf.Kind, p+".kind", maxDefName)
	k, known := kindNames[kind]
	switch {
	case rf.Kind == nil:
		l.fail(l.line(p), "%s的字段缺少 kind（字段种类：%s）。", bname, kindList(kindOrder))
	case !known:
		l.fail(l.line(p+".kind"), "不认识的字段种类 kind = %q：可用的有 %s。", kind, kindList(kindOrder))
	}
	// With the kind unknown the rest is still read (as a text field), so that the one mistake
	// is told once, not again as a width or key missing.
	f.Kind = k
	for _, key := range present(rf) {
		if kinds, limited := fieldKeyKinds[key]; limited && known && !kindIn(kinds, k) {
			l.fail(l.line(p+"."+key), "%s 不用于 %s 字段：请删去或改正 kind。", key, kind)
		}
	}
	switch {
	case !known:
	case b.Kind == TextBlock && k != LongText:
		l.fail(l.line(p+".kind"), "%s是 text 栏目，它唯一的字段应当是 long_text，现在是 %s。", bname, kind)
	case b.Kind != TextBlock && k == LongText:
		l.fail(l.line(p+".kind"), "long_text 字段只能放在 text 栏目里（一个栏目一段长文字）。")
	case b.Kind == TableBlock && k == Picture:
		l.fail(l.line(p+".kind"), "表格里不能有照片（picture）字段。")
	}
	f.Key, _ = l.str(rf.Key, p+".key", maxDefName)
	switch {
	case b.Kind == TextBlock && rf.Key != nil:
		l.fail(l.line(p+".key"), "text 栏目的字段不写 key：内容存在栏目的 key 下。")
	case b.Kind != TextBlock && rf.Key == nil:
		l.fail(l.line(p), "%s有一个字段缺少 key（草稿里的英文键名，如 key = \"name\"）。", bname)
	case b.Kind != TextBlock && !keyPattern.MatchString(f.Key):
		l.fail(l.line(p+".key"), "字段的 key = %q 只能由英文字母、数字和下划线组成，以字母开头。", f.Key)
	}
	var hasLabel bool
	f.Label, hasLabel = l.str(rf.Label, p+".label", maxDefLabel)
	switch {
	case rf.Label == nil:
		l.fail(l.line(p), "%s的字段 %s 缺少 label（印在表上的名称）。", bname, f.Key)
	case hasLabel && strings.TrimSpace(f.Label) == "":
		l.fail(l.line(p+".label"), "字段的 label 是空的。")
	case hasLabel:
		l.printable(f.Label, p+".label", true, true)
	}
	f.Required = l.boolean(rf.Required, p+".required")
	f.Hint, _ = l.str(rf.Hint, p+".hint", maxDefHint)
	l.printable(f.Hint, p+".hint", false, false)
	f.MaxChars, _ = l.integer(rf.MaxChars, p+".max_chars", 1, MaxCharsLong)
	f.MaxWords, _ = l.integer(rf.MaxWords, p+".max_words", 1, MaxCharsLong)
	f.WarnWords, _ = l.integer(rf.WarnWords, p+".warn_words", 1, MaxCharsLong)
	if f.MaxWords > 0 && f.WarnWords >= f.MaxWords {
		l.fail(l.line(p+".warn_words"), "warn_words（%d）应当小于 max_words（%d）：超过 warn_words 字提醒“接近上限”。", f.WarnWords, f.MaxWords)
	}
	if known && (k == Choice || k == BoxChoice) {
		l.choices(def, &f, p, rf)
	}
	f.Row, _ = l.integer(rf.Row, p+".row", 0, 49)
	f.LabelMM = l.width(rf.LabelMM, p+".label_mm")
	f.ValueMM = l.width(rf.ValueMM, p+".value_mm")
	f.RowSpan, _ = l.integer(rf.RowSpan, p+".row_span", 1, 10)
	l.group(&f, p, rf)
	f.LabelAbove = l.boolean(rf.LabelAbove, p+".label_above")
	f.BoxFirst = l.boolean(rf.BoxFirst, p+".box_first")
	f.LabelInside = l.boolean(rf.LabelInside, p+".label_inside")
	if f.LabelInside && f.LabelMM > 0 {
		l.fail(l.line(p+".label_inside"), "label_inside 的名称印在方框前面、同一格里：不写 label_mm。")
	}
	switch {
	case f.LabelAbove && b.Kind != FieldsBlock:
		l.fail(l.line(p+".label_above"), "label_above 只用于按格子排的 fields 栏目的字段。")
	case f.LabelAbove && (f.LabelMM > 0 || k == Picture):
		l.fail(l.line(p+".label_above"), "label_above 的字段名称印在填写格上面一行、与填写格同宽（value_mm）：不写 label_mm，也不能是照片。")
	}
	f.Aliases, _ = l.strs(rf.Aliases, p+".aliases", maxDefWords, maxDefLabel)
	f.SheetWidth, _ = l.number(rf.SheetWidth, p+".sheet_width", 0, 255)
	f.Summary, _ = l.integer(rf.Summary, p+".summary", 1, 100)
	if b.Kind != FieldsBlock {
		for _, key := range []string{"row", "label_mm", "summary", "group", "group_mm", "group_span"} {
			if contains(present(rf), key) {
				l.fail(l.line(p+"."+key), "%s 只用于 fields 栏目的字段（表格的列只写 value_mm）。", key)
			}
		}
	}
	return f
}

// group reads a field's group cell: its text, width and rows, all three or none.
func (l *loader) group(f *Field, p string, rf rawField) {
	var has bool
	f.Group, has = l.str(rf.Group, p+".group", maxDefLabel)
	f.GroupMM = l.width(rf.GroupMM, p+".group_mm")
	f.GroupSpan, _ = l.integer(rf.GroupSpan, p+".group_span", 1, 10)
	switch {
	case rf.Group == nil && rf.GroupMM == nil && rf.GroupSpan == nil:
	case !has || strings.TrimSpace(f.Group) == "" || f.GroupMM <= 0 || rf.GroupSpan == nil:
		l.fail(l.line(p), "跨行的名称格要同时写 group（印在格里的文字）、group_mm（格的宽度，毫米）和 group_span（跨几行）。")
	case f.Kind == Picture || f.LabelMM <= 0:
		l.fail(l.line(p+".group"), "group 写在按格子排、有名称格（label_mm）的字段上：跨行的名称格印在它的名称格前面。")
	default:
		l.printable(f.Group, p+".group", true, true)
	}
}

func kindIn(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func (l *loader) choices(def *Definition, f *Field, p string, rf rawField) {
	switch {
	case rf.Choices != nil && rf.ChoicesFrom != nil:
		l.fail(l.line(p+".choices_from"), "choices 和 choices_from 只能写一个。")
	case rf.Choices != nil:
		f.Choices, _ = l.strs(rf.Choices, p+".choices", maxDefChoices, maxDefLabel)
		if len(f.Choices) == 0 {
			l.fail(l.line(p+".choices"), "choices 是空的：至少写一个可选的值。")
		}
		l.distinct(f.Choices, p+".choices")
		for _, s := range f.Choices {
			l.printable(s, p+".choices", false, false)
		}
	case rf.ChoicesFrom != nil:
		name, _ := l.str(rf.ChoicesFrom, p+".choices_from", maxDefName)
		list, ok := def.Lists[name]
		if !ok {
			if _, raw := l.shape.lines["lists."+name]; !raw { // a list told wrong already
				l.fail(l.line(p+".choices_from"), "choices_from = %q：[lists] 里没有这个列表。", name)
			}
			return
		}
		f.Choices = list
	default:
		l.fail(l.line(p), "%s 字段需要 choices（可选的值，如 [\"男\", \"女\"]）或 choices_from（[lists] 里一个列表的名字）。", f.Kind)
		return
	}
	aliases := l.table(rf.ValueAliases, p+".value_aliases")
	if aliases == nil {
		return
	}
	f.ValueAliases = map[string]string{}
	if len(aliases) > maxDefChoices {
		l.fail(l.line(p+".value_aliases"), "value_aliases 有 %d 项，最多 %d 项。", len(aliases), maxDefChoices)
		return
	}
	keys := make([]string, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		vp := p + ".value_aliases." + k
		v, ok := l.str(aliases[k], vp, maxDefLabel)
		switch {
		case !ok:
		case !contains(f.Choices, v):
			l.fail(l.line(vp), "value_aliases 把“%s”当作“%s”，但“%s”不在 choices 里。", k, v, v)
		default:
			f.ValueAliases[k] = v
		}
	}
}

// layout checks the widths: every printed row of a grid, and a table's columns, add up to
// TextMM; a block printed as a label cell and a content cell has a label cell that leaves room.
func (l *loader) layout(b *Block, name, p string, hasLabelMM bool) {
	grid := false
	for _, f := range b.Fields {
		grid = grid || f.ValueMM > 0
	}
	switch {
	case b.Kind == TableBlock:
		sum := b.LabelMM + b.SideMM
		for j, f := range b.Fields {
			if f.ValueMM <= 0 {
				l.fail(l.line(fmt.Sprintf("%s.fields[%d]", p, j)), "%s的列“%s”需要 value_mm（列宽，毫米）。", name, f.Name())
			}
			sum += f.ValueMM
		}
		if len(b.Fields) == 0 {
			l.fail(l.line(p), "%s是表格，至少要有一列（[[blocks.fields]]）。", name)
		} else if math.Abs(sum-TextMM) > widthTolerance {
			l.fail(l.line(p), "%s的名称格（side_mm）、序号列（label_mm）和各列（value_mm）宽度加起来是 %s 毫米，应为 %s 毫米（差 %s 毫米）。",
				name, mm(sum), mm(TextMM), mm(TextMM-sum))
		}
	case b.Kind == FieldsBlock && grid:
		if hasLabelMM {
			l.fail(l.line(p+".label_mm"), "%s按格子排（字段写了 value_mm），栏目本身不写 label_mm。", name)
		}
		l.grid(b, name, p)
	default:
		switch {
		case b.Kind == FieldsBlock && len(b.Fields) == 0:
			l.fail(l.line(p), "%s至少要有一个字段（[[blocks.fields]]）。", name)
		case b.Kind == TextBlock && len(b.Fields) != 1:
			l.fail(l.line(p), "%s是 text 栏目，应当正好有一个 long_text 字段，现在有 %d 个。", name, len(b.Fields))
		}
		for j, f := range b.Fields {
			fp := fmt.Sprintf("%s.fields[%d]", p, j)
			switch {
			case b.Kind == FieldsBlock && f.Kind == Picture:
				l.fail(l.line(fp), "照片（picture）只能放在按格子排的栏目里（写 row、value_mm、row_span）。")
			case b.Kind == FieldsBlock && (f.Row > 0 || f.LabelMM > 0 || f.LabelAbove):
				l.fail(l.line(fp), "%s的字段一行一个印在内容格里（没有写 value_mm），不写 row、label_mm 和 label_above。", name)
			}
		}
		switch {
		case b.Label == "" && b.LabelMM > 0:
			l.fail(l.line(p+".label_mm"), "%s没有 label，不写 label_mm（内容占满整行）。", name)
		case b.Label != "" && b.Kind != TableBlock && (b.LabelMM <= 0 || b.LabelMM > TextMM-20):
			l.fail(l.line(p), "%s需要 label_mm（左边栏目名称格的宽度，毫米），在 0 到 %s 之间，现在是 %s。", name, mm(TextMM-20), mm(b.LabelMM))
		}
	}
}

// grid lays the block's fields out as render does (each from where its row has reached, a
// picture covering its column in the rows below) and checks each row joins and fills TextMM.
func (l *loader) grid(b *Block, name, p string) {
	if l.refusedUnder(p+".fields[", "row", "label_mm", "value_mm", "row_span", "group_mm", "group_span") {
		return // a width or row told wrong: the rows would not add up because of it
	}
	type cell struct{ x, w float64 }
	nrows, lastRow := 0, -1
	for _, f := range b.Fields {
		nrows = max(nrows, f.Row+max(f.RowSpan, 1))
		if f.Kind != Picture {
			lastRow = max(lastRow, f.Row)
		}
		if f.LabelAbove {
			nrows, lastRow = max(nrows, f.Row+2), max(lastRow, f.Row+1)
		}
	}
	rows := make([][]cell, nrows)
	labelX := make([]float64, len(b.Fields)) // where each field's label cell starts
	var groups []int                         // the fields that print a group cell
	firstLine := make([]int, nrows)
	pictureRows := 0 // rows below a picture that the picture reaches past the others
	for j, f := range b.Fields {
		fp := fmt.Sprintf("%s.fields[%d]", p, j)
		if firstLine[f.Row] == 0 {
			firstLine[f.Row] = l.line(fp)
		}
		if f.ValueMM <= 0 {
			l.fail(l.line(fp), "%s按格子排，字段“%s”也需要 value_mm（值格的宽度，毫米）。", name, f.Name())
			continue
		}
		// render's nextX: past the cells joined from the left edge. Each cell is passed once:
		// a cell narrower than the tolerance would otherwise match again and again.
		x := 0.0
		used := make([]bool, len(rows[f.Row]))
		for moved := true; moved; {
			moved = false
			for k, c := range rows[f.Row] {
				if !used[k] && math.Abs(c.x-x) < widthTolerance {
					x, moved, used[k] = c.x+c.w, true, true
				}
			}
		}
		if f.Kind == Picture {
			span := max(f.RowSpan, 1)
			if f.LabelMM > 0 {
				l.fail(l.line(fp+".label_mm"), "照片格没有名称格，不写 label_mm：它的 label 印在空照片格里。")
			}
			if f.Row+span-1 > lastRow {
				l.fail(l.line(fp+".row_span"), "照片格从第%d行跨 %d 行到第%d行，但%s只有 %d 行：请把 row_span 改为 %d 或更小。",
					f.Row+1, span, f.Row+span, name, lastRow+1, max(lastRow-f.Row+1, 1))
				pictureRows = f.Row + span - 1 - lastRow
			}
			for k := 0; k < span; k++ {
				rows[f.Row+k] = append(rows[f.Row+k], cell{x, f.ValueMM})
			}
			continue
		}
		if f.LabelAbove { // its label cell here, its value cell in the same place below
			rows[f.Row] = append(rows[f.Row], cell{x, f.ValueMM})
			rows[f.Row+1] = append(rows[f.Row+1], cell{x, f.ValueMM})
			continue
		}
		labelX[j] = x
		if f.GroupSpan > 0 {
			span := f.GroupSpan
			if f.Row+span-1 > lastRow {
				l.fail(l.line(fp+".group_span"), "跨行的名称格“%s”从第%d行跨 %d 行，但%s只有 %d 行：请把 group_span 改为 %d 或更小。",
					strings.ReplaceAll(f.Group, "\n", ""), f.Row+1, span, name, lastRow+1, max(lastRow-f.Row+1, 1))
				span = max(lastRow-f.Row+1, 1)
			}
			for k := 0; k < span; k++ {
				rows[f.Row+k] = append(rows[f.Row+k], cell{x, f.GroupMM})
			}
			groups = append(groups, j)
			x += f.GroupMM
			labelX[j] = x
		}
		if f.LabelMM > 0 {
			rows[f.Row] = append(rows[f.Row], cell{x, f.LabelMM})
		}
		rows[f.Row] = append(rows[f.Row], cell{x + f.LabelMM, f.ValueMM})
	}
	l.groupNames(b, groups, labelX)
	for r := 0; r < nrows-pictureRows; r++ {
		cells := rows[r]
		if len(cells) == 0 {
			l.fail(l.line(p), "%s第%d行（row = %d）没有字段：行号要从 0 起连续。", name, r+1, r)
			continue
		}
		sort.SliceStable(cells, func(a, b int) bool { return cells[a].x < cells[b].x })
		if r > 0 && slices.Equal(cells, rows[r-1]) {
			continue // the values under their labels (label_above): said once, for the labels' row
		}
		x := 0.0
		joined := true
		for _, c := range cells {
			if math.Abs(c.x-x) > widthTolerance {
				joined = false
			}
			x = c.x + c.w
		}
		switch {
		case !joined:
			l.fail(firstLine[r], "%s第%d行（row = %d）的格子与上面跨行的照片格重叠：照片格下面的行要在照片格左边正好排满。", name, r+1, r)
		case math.Abs(x-TextMM) > widthTolerance:
			l.fail(firstLine[r], "%s第%d行（row = %d）各格宽度（label_mm + value_mm，连同跨到这一行的照片格）加起来是 %s 毫米，应为 %s 毫米（差 %s 毫米）。",
				name, r+1, r, mm(x), mm(TextMM), mm(TextMM-x))
		}
	}
}

// groupNames gives the fields beside each group cell (the rows below the one printing it,
// their labels starting where the group cell ends) the group's text, for their names.
func (l *loader) groupNames(b *Block, groups []int, labelX []float64) {
	for _, g := range groups {
		first := b.Fields[g]
		for j := range b.Fields {
			f := &b.Fields[j]
			if j != g && f.Kind != Picture && f.Row > first.Row && f.Row < first.Row+first.GroupSpan &&
				math.Abs(labelX[j]-labelX[g]) < widthTolerance {
				f.Group = first.Group
			}
		}
	}
}

func mm(x float64) string { return strconv.FormatFloat(math.Round(x*100)/100, 'f', -1, 64) }

// blocksTogether checks what spans blocks: keys unique, one picture, summary places unique,
// something to fill in.
func (l *loader) blocksTogether(def *Definition) {
	blockAt := map[string]int{}
	pictures := 0
	summary := map[int]string{}
	stored := 0
	for i, b := range def.Blocks {
		p := fmt.Sprintf("blocks[%d]", i)
		if b.Key != "" {
			if first, dup := blockAt[b.Key]; dup {
				l.fail(l.line(p+".key"), "栏目的 key = %q 重复了（第%d行已经用过）：每个栏目的 key 都要不同。", b.Key, l.line(fmt.Sprintf("blocks[%d].key", first)))
			} else {
				blockAt[b.Key] = i
			}
		}
		if b.Stored() {
			stored++
		}
		fieldAt := map[string]int{}
		for j, f := range b.Fields {
			fp := fmt.Sprintf("%s.fields[%d]", p, j)
			if f.Key != "" {
				if first, dup := fieldAt[f.Key]; dup {
					l.fail(l.line(fp+".key"), "“%s”栏里字段的 key = %q 重复了（第%d行已经用过）。", b.Name(), f.Key, l.line(fmt.Sprintf("%s.fields[%d].key", p, first)))
				} else {
					fieldAt[f.Key] = j
				}
			}
			if f.Kind == Picture {
				if pictures++; pictures == 2 {
					l.fail(l.line(fp), "一份表只能有一张照片（picture）：草稿只存一张。")
				}
			}
			if f.Summary > 0 {
				if other, dup := summary[f.Summary]; dup {
					l.fail(l.line(fp+".summary"), "summary = %d 已经给了“%s”：汇总表每一列只放一个字段。", f.Summary, other)
				}
				summary[f.Summary] = f.Name()
			}
		}
	}
	if stored == 0 && len(def.Blocks) > 0 {
		l.fail(0, "没有需要填写的栏目：至少要有一个 fields、table 或 text 栏目。")
	} else if len(def.Blocks) == 0 {
		l.fail(0, "缺少栏目：用 [[blocks]] 按印刷顺序写出申报表的各栏。")
	}
}

// roles reads [roles]: each role names a field outside tables, of a kind that fits the role.
func (l *loader) roles(def *Definition, raw map[string]any) map[Role]string {
	out := map[Role]string{}
	names := make([]string, 0, len(raw))
	for n := range raw {
		names = append(names, n)
	}
	sort.Strings(names)
	fits := map[Role][]Kind{
		RoleApplicantName:  {Text},
		RoleApplicantUnit:  {Text},
		RoleApplicantPhone: {Phone, Mobile},
		RolePairedCounty:   {Choice, BoxChoice},
	}
	for _, n := range names {
		path := "roles." + n
		r := Role(n)
		kinds, known := fits[r]
		if !known {
			var all []string
			for _, x := range roles {
				all = append(all, string(x))
			}
			l.fail(l.line(path), "不认识的角色 %s：可用的有 %s。", n, strings.Join(all, "、"))
			continue
		}
		fp, ok := l.str(raw[n], path, maxDefName*2)
		if !ok {
			continue
		}
		b, f, ok := def.Field(fp)
		switch {
		case !ok:
			l.fail(l.line(path), "%s = %q：没有这个字段（写成“栏目key.字段key”，如 \"host.name\"）。", n, fp)
		case b.Kind != FieldsBlock:
			l.fail(l.line(path), "%s = %q：角色只能给表格以外的字段（一份申报一个值）。", n, fp)
		case !kindIn(kinds, f.Kind):
			l.fail(l.line(path), "%s = %q 是 %s 字段，这个角色要 %s 字段。", n, fp, f.Kind, kindsText(kinds))
		default:
			out[r] = fp
		}
	}
	if _, ok := out[RoleApplicantName]; !ok && raw[string(RoleApplicantName)] == nil {
		l.fail(l.line("roles"), "[roles] 缺少 applicant_name（申报人姓名的字段，如 applicant_name = \"host.name\"）：导出的文件名要用它。")
	}
	return out
}

func kindsText(kinds []Kind) string {
	var s []string
	for _, k := range kinds {
		s = append(s, k.String())
	}
	return strings.Join(s, " 或 ")
}

func (l *loader) rule(def *Definition, i int, rr rawRule) (Rule, bool) {
	p := fmt.Sprintf("rules[%d]", i)
	r := Rule{Line: l.line(p)}
	kind, _ := l.str(rr.Kind, p+".kind", maxDefName)
	k := slicesIndex(ruleKinds, kind)
	switch {
	case rr.Kind == nil:
		l.fail(r.Line, "第%d条规则缺少 kind（规则种类：%s）。", i+1, strings.Join(ruleKinds, "、"))
		return r, false
	case k < 0:
		l.fail(l.line(p+".kind"), "不认识的规则种类 kind = %q：可用的有 %s。", kind, strings.Join(ruleKinds, "、"))
		return r, false
	}
	r.Kind = RuleKind(k)
	before := len(l.probs)
	uses := map[RuleKind][]string{
		NumberRule:     {"fields", "min", "max"},
		OneOfRule:      {"fields", "list"},
		AgeRule:        {"fields", "min", "max"},
		RowsRule:       {"tables", "min", "max"},
		SamePersonRule: {"tables", "match", "applicant"},
	}[r.Kind]
	for _, key := range present(rr) {
		if !contains(append(uses, "kind", "severity", "message"), key) {
			l.fail(l.line(p+"."+key), "%s 规则不用 %s（它用 %s）。", kind, key, strings.Join(uses, "、"))
		}
	}
	r.Severity = Error
	if s, ok := l.str(rr.Severity, p+".severity", maxDefName); ok {
		switch s {
		case "error":
		case "warning":
			r.Severity = Warning
		default:
			l.fail(l.line(p+".severity"), "severity 只能是 \"error\"（错误：不能正式导出）或 \"warning\"（提醒），现在是 %q。", s)
		}
	}
	r.Message, _ = l.str(rr.Message, p+".message", maxDefHint)
	if strings.TrimSpace(r.Message) == "" {
		l.fail(l.line(p+".message"), "%s 规则需要 message（不符合时告诉用户的话）。", kind)
	}
	l.printable(r.Message, p+".message", false, false)
	allowed := RulePlaceholders[r.Kind]
	for _, m := range placeholders.FindAllStringSubmatch(r.Message, -1) {
		if !contains(allowed, m[1]) {
			l.fail(l.line(p+".message"), "message 里的 {%s} 不能用于 %s 规则：可用 {%s}。", m[1], kind, strings.Join(allowed, "}、{"))
		}
	}
	if v, ok := l.integer(rr.Min, p+".min", -1000000, 1000000); ok {
		r.Min, r.HasMin = v, true
	}
	if v, ok := l.integer(rr.Max, p+".max", -1000000, 1000000); ok {
		r.Max, r.HasMax = v, true
	}
	if r.HasMin && r.HasMax && r.Min > r.Max {
		l.fail(l.line(p+".max"), "max（%d）小于 min（%d）。", r.Max, r.Min)
	}
	if (r.Kind == NumberRule || r.Kind == AgeRule || r.Kind == RowsRule) && !r.HasMin && !r.HasMax && rr.Min == nil && rr.Max == nil {
		l.fail(r.Line, "%s 规则至少要写 min 或 max。", kind)
	}

	fieldKinds := map[RuleKind][]Kind{
		NumberRule: {WholeNumber},
		AgeRule:    {YearMonth},
		OneOfRule:  {Text, Choice, BoxChoice},
	}[r.Kind]
	if fieldKinds != nil {
		r.Fields, _ = l.strs(rr.Fields, p+".fields", maxDefWords, maxDefName*2)
		if len(r.Fields) == 0 && rr.Fields == nil {
			l.fail(r.Line, "%s 规则需要 fields（要检查的字段，如 [\"host.years\"]）。", kind)
		}
		for _, fp := range r.Fields {
			_, f, ok := def.Field(fp)
			switch {
			case !ok:
				l.fail(l.line(p+".fields"), "fields 里的 %q：没有这个字段（写成“栏目key.字段key”，如 \"host.years\"、\"advisers.birth\"）。", fp)
			case !kindIn(fieldKinds, f.Kind):
				l.fail(l.line(p+".fields"), "fields 里的 %q 是 %s 字段，%s 规则只用于 %s 字段。", fp, f.Kind, kind, kindsText(fieldKinds))
			}
		}
	}
	if r.Kind == OneOfRule {
		r.List, _ = l.str(rr.List, p+".list", maxDefName)
		if _, ok := def.Lists[r.List]; !ok {
			l.fail(l.line(p+".list"), "one_of 规则的 list = %q：[lists] 里没有这个列表。", r.List)
		}
	}
	if r.Kind == RowsRule || r.Kind == SamePersonRule {
		r.Tables, _ = l.strs(rr.Tables, p+".tables", maxDefWords, maxDefName)
		if len(r.Tables) == 0 && rr.Tables == nil {
			l.fail(r.Line, "%s 规则需要 tables（表格栏目的 key，如 [\"advisers\"]）。", kind)
		}
		for _, t := range r.Tables {
			b, ok := def.Block(t)
			switch {
			case !ok || b.Kind != TableBlock:
				l.fail(l.line(p+".tables"), "tables 里的 %q 不是表格栏目的 key。", t)
			case l.refusedUnder(blockPath(def, t)+".", "rows"):
				// its rows were told wrong: nothing to compare with
			case r.Kind == RowsRule && r.HasMax && r.Max > b.Rows:
				l.fail(l.line(p+".max"), "max = %d 超过了“%s”印出的 %d 行（rows）：最多只能填 rows 行。", r.Max, b.Name(), b.Rows)
			case r.Kind == RowsRule && r.HasMin && r.Min > b.Rows:
				l.fail(l.line(p+".min"), "min = %d 超过了“%s”印出的 %d 行（rows）。", r.Min, b.Name(), b.Rows)
			}
		}
	}
	if r.Kind == SamePersonRule {
		l.samePerson(def, &r, p, rr)
	}
	return r, len(l.probs) == before
}

func (l *loader) samePerson(def *Definition, r *Rule, p string, rr rawRule) {
	r.Match, _ = l.strs(rr.Match, p+".match", 5, maxDefName)
	if len(r.Match) == 0 {
		l.fail(l.line(p+".match"), "same_person 规则需要 match（哪几列相同就算同一人，如 [\"name\", \"mobile\"]）。")
	}
	for _, t := range r.Tables {
		b, ok := def.Block(t)
		if !ok {
			continue
		}
		for _, m := range r.Match {
			if b.Field(m).Key == "" {
				l.fail(l.line(p+".match"), "match 里的 %q 不是“%s”的列。", m, b.Name())
			}
		}
	}
	if rr.Applicant == nil {
		return
	}
	r.Applicant, _ = l.strs(rr.Applicant, p+".applicant", 5, maxDefName*2)
	if len(r.Applicant) != len(r.Match) {
		l.fail(l.line(p+".applicant"), "applicant 要和 match 一样多、一一对应（match 有 %d 项，applicant 有 %d 项）。", len(r.Match), len(r.Applicant))
	}
	for _, fp := range r.Applicant {
		if b, _, ok := def.Field(fp); !ok || b.Kind != FieldsBlock {
			l.fail(l.line(p+".applicant"), "applicant 里的 %q 不是表格以外的字段。", fp)
		}
	}
}

func slicesIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// derive fills the members that today's Go code reads from the rules that say them: Field.Min
// from an error-rule's lower bound on a whole number, Block.MinRows and WarnRows from the row
// rules' lower bounds (error and warning). The file says each number once, in its rule.
func (l *loader) derive(def *Definition) {
	for _, r := range def.Rules {
		if !r.HasMin {
			continue
		}
		switch r.Kind {
		case NumberRule:
			if r.Severity != Error {
				continue
			}
			for _, fp := range r.Fields {
				bk, fk, _ := strings.Cut(fp, ".")
				for i := range def.Blocks {
					if def.Blocks[i].Key != bk {
						continue
					}
					for j := range def.Blocks[i].Fields {
						if f := &def.Blocks[i].Fields[j]; f.Key == fk {
							f.Min = max(f.Min, r.Min)
						}
					}
				}
			}
		case RowsRule:
			for i := range def.Blocks {
				b := &def.Blocks[i]
				if !contains(r.Tables, b.Key) {
					continue
				}
				if r.Severity == Error {
					b.MinRows = max(b.MinRows, r.Min)
				} else {
					b.WarnRows = max(b.WarnRows, r.Min)
				}
			}
		}
	}
}

// sample reads [sample]: values by block and field key, as the draft holds them.
func (l *loader) sample(def *Definition, raw map[string]any) map[string]string {
	if raw == nil {
		return nil
	}
	out := map[string]string{}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	put := func(b Block, f Field, row int, v any, path string) {
		s, ok := l.str(v, path, f.CharLimit())
		if ok && s != "" {
			out[Path(b, f, row)] = s
		}
	}
	object := func(b Block, m map[string]any, path string, row int) {
		fks := make([]string, 0, len(m))
		for k := range m {
			fks = append(fks, k)
		}
		sort.Strings(fks)
		for _, fk := range fks {
			f := b.Field(fk)
			switch {
			case f.Key == "":
				l.fail(l.line(path+"."+fk), "示例 [sample] 里的 %s.%s：“%s”栏没有这个字段。", b.Key, fk, b.Name())
			case f.Kind == Picture:
				l.fail(l.line(path+"."+fk), "示例里不写照片：示例照片由程序画出。")
			default:
				put(b, f, row, m[fk], path+"."+fk)
			}
		}
	}
	for _, k := range keys {
		path := "sample." + k
		b, ok := def.Block(k)
		if !ok || !b.Stored() {
			l.fail(l.line(path), "示例 [sample] 里的 %s：没有这个要填写的栏目。", k)
			continue
		}
		switch b.Kind {
		case TextBlock:
			put(b, b.Fields[0], 0, raw[k], path)
		case FieldsBlock:
			m, ok := raw[k].(map[string]any)
			if !ok {
				l.fail(l.line(path), "示例里的 %s 应当是一个表：写成 [sample.%s] 加下面几行“字段key = 值”。", k, k)
				continue
			}
			object(b, m, path, 0)
		case TableBlock:
			rows, ok := l.shapeOf(raw[k], path)
			if !ok {
				continue
			}
			if len(rows) > b.Rows && !l.refusedUnder(blockPath(def, b.Key)+".", "rows") {
				l.fail(l.line(path), "示例里的 %s 有 %d 行，“%s”最多 %d 行。", k, len(rows), b.Name(), b.Rows)
				continue
			}
			for i, m := range rows {
				object(b, m, fmt.Sprintf("%s[%d]", path, i), i+1)
			}
		}
	}
	return out
}
