package forms

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shenbao/fonts"
)

// Severity is how much a finding matters.
type Severity int

const (
	Error   Severity = iota // 错误: blocks the final export
	Warning                 // 提醒: shown, does not block
)

func (s Severity) String() string {
	if s == Error {
		return "错误"
	}
	return "提醒"
}

// Finding is one problem: where (a field path of FORM.md §3, or a block key for the block as
// a whole), how bad, and a Chinese message that tells the user what to do.
type Finding struct {
	Path     string
	Block    string // the key of the block it belongs to
	Severity Severity
	Message  string
	// Missing: something required is not filled in yet (a value, the photo, rows). Limit: a
	// limit is passed or close (characters, 字数, rows): the app shows such a finding at once,
	// while the user is still typing, where it keeps others until the field is left.
	Missing, Limit bool
}

func (f Finding) String() string { return f.Severity.String() + " " + f.Path + ": " + f.Message }

// Check judges a draft against the rules of FORM.md §2 and returns every finding, in the
// form's order. It changes nothing. photos reads the stored photo's size (photo.StoredSize);
// with nil the photo is only checked for being there.
func Check(d *Draft, photos PhotoReader) []Finding { return CheckAt(d, time.Now(), photos) }

// CheckAt is Check with the date that ages are computed at, for tests.
func CheckAt(d *Draft, now time.Time, photos PhotoReader) []Finding {
	c := checker{d: d, now: now, photos: photos}
	for _, b := range d.Form().Blocks {
		switch b.Kind {
		case FieldsBlock, TextBlock:
			for _, f := range b.Fields {
				c.field(b, f, 0, f.Required)
			}
		case TableBlock:
			c.table(b)
		}
	}
	return c.out
}

// HasErrors reports whether any finding is a 错误.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

type checker struct {
	d      *Draft
	now    time.Time
	photos PhotoReader
	out    []Finding
}

func (c *checker) add(b Block, path string, sev Severity, format string, args ...any) {
	c.out = append(c.out, Finding{Path: path, Block: b.Key, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// missing and limit mark the finding just added (Finding.Missing, Finding.Limit).
func (c *checker) missing() { c.out[len(c.out)-1].Missing = true }
func (c *checker) limit()   { c.out[len(c.out)-1].Limit = true }

// where names a field for the user: "主持人的出生年月", "指导老师第1行的手机号码".
func where(b Block, f Field, row int) string {
	switch b.Kind {
	case TableBlock:
		return fmt.Sprintf("%s第%d行的%s", b.Nav, row, f.Name())
	case FieldsBlock:
		if b.Grid() { // the applicant's own block: 主持人的出生年月
			return b.Nav + "的" + strings.TrimPrefix(f.Name(), b.Nav)
		}
		return "“" + b.Nav + "”中的" + strings.TrimSuffix(f.Name(), "：")
	}
	return "“" + f.Name() + "”"
}

// field checks one value. required says whether an empty value is an error here.
func (c *checker) field(b Block, f Field, row int, required bool) {
	path := Path(b, f, row)
	if f.Kind == Picture {
		c.photo(b, f, path)
		return
	}
	v := c.d.Get(path)
	if n := utf8.RuneCountInString(v); n > f.CharLimit() {
		// Beyond the limit nothing else is judged: the value is far from anything printable,
		// and scanning megabytes character by character would only slow the check down.
		c.add(b, path, Error, "%s有%d个字符，超过了%d个字符的上限：请删减到%d个字符以内（可能误粘贴了大段内容）。", where(b, f, row), n, f.CharLimit(), f.CharLimit())
		c.limit()
		return
	}
	c.characters(b, f, path, row, v)
	if strings.TrimSpace(v) == "" {
		if required {
			verb := "填写"
			if f.Kind == Choice || f.Kind == BoxChoice { // boxes are ticked, not written in
				verb = "选择"
			}
			c.add(b, path, Error, "请%s%s。", verb, where(b, f, row))
			c.missing()
		}
		return
	}
	c.value(b, f, path, row, strings.TrimSpace(v))
}

// value applies the rules of the field's kind to a non-empty value.
func (c *checker) value(b Block, f Field, path string, row int, v string) {
	name := where(b, f, row)
	switch f.Kind {
	case Choice, BoxChoice:
		if !c.listRules(b, f, path, name, v) && !contains(f.Choices, v) {
			c.add(b, path, Error, "%s只能是%s，现在是“%s”：请从列表中选择。", name, choiceList(f.Choices), v)
		}
	case WholeNumber:
		n, ok := ParseWhole(v)
		if !ok {
			c.add(b, path, Error, "%s现在是“%s”：请填写整数年数（如 12）。", name, v)
			return
		}
		c.numberRules(b, f, path, name, n)
	case YearMonth:
		c.birth(b, f, path, name, v)
	case Period:
		c.period(b, path, name, v)
	case Mobile:
		if _, ok := ParseMobile(v); !ok {
			c.add(b, path, Error, "%s“%s”不是11位手机号码（如 13812345678）：请核对后填写。", name, v)
		}
	case Phone:
		c.phone(b, path, name, v)
	case LongText:
		c.words(b, f, path, v)
	}
}

func (c *checker) birth(b Block, f Field, path, name, v string) {
	y, m, ok := ParseYearMonth(v)
	future := y > c.now.Year() || (y == c.now.Year() && m > int(c.now.Month()))
	if !ok || y < 1900 || future {
		c.add(b, path, Error, "%s“%s”不是有效的年月：请按“1985.03”的格式填写年份和月份。", name, v)
		return
	}
	c.ageRules(b, f, path, name, y, m)
}

// period judges a 起止时间: two year-months in order (or a start and 至今), none in the future.
func (c *checker) period(b Block, path, name, v string) {
	sp, ok := ParsePeriod(v)
	if !ok {
		c.add(b, path, Error, "%s“%s”不是有效的起止时间：请按“2015.09—2018.07”或“2015.09—至今”的格式填写。", name, v)
		return
	}
	later := func(y, m int) bool { return y > c.now.Year() || y == c.now.Year() && m > int(c.now.Month()) }
	switch {
	case later(sp.FromYear, sp.FromMonth) || !sp.Ongoing && later(sp.ToYear, sp.ToMonth):
		c.add(b, path, Error, "%s“%s”晚于今天：请核对年份和月份。", name, v)
	case !sp.Ongoing && (sp.ToYear < sp.FromYear || sp.ToYear == sp.FromYear && sp.ToMonth < sp.FromMonth):
		c.add(b, path, Error, "%s“%s”结束早于开始：请核对后填写。", name, v)
	}
}

func (c *checker) phone(b Block, path, name, v string) {
	if _, ok := ParseMobile(v); ok {
		return
	}
	printed, hasArea, ok := ParseLandline(v)
	switch {
	case !ok:
		c.add(b, path, Error, "%s“%s”既不是11位手机号码，也不是带区号的座机号码（如 0772-2822733）：请核对后填写。", name, v)
	case !hasArea:
		c.add(b, path, Warning, "%s“%s”没有区号：建议写成 0772-%s。", name, v, printed)
	}
}

func (c *checker) words(b Block, f Field, path, v string) {
	n := CountWords(v)
	switch {
	case f.MaxWords > 0 && n > f.MaxWords:
		c.add(b, path, Error, "%s共%d字，超过了%d字的要求：请删减%d字以上（按Word“字数统计”计算）。", where(b, f, 0), n, f.MaxWords, n-f.MaxWords)
		c.limit()
	case f.WarnWords > 0 && n > f.WarnWords:
		c.add(b, path, Warning, "%s已有%d字，接近%d字的上限：请注意不要超过（按Word“字数统计”计算）。", where(b, f, 0), n, f.MaxWords)
		c.limit()
	}
}

// characters flags what cannot be printed: control characters and characters the embedded
// font lacks (emoji, rare ideographs). Long texts may hold line breaks and tabs.
func (c *checker) characters(b Block, f Field, path string, row int, v string) {
	bad := map[rune]bool{}
	var list []string
	para, col := 1, 0
	for _, r := range v {
		col++
		if bad[r] || printableIn(f, r) {
			if r == '\n' {
				para, col = para+1, 0
			}
			continue
		}
		bad[r] = true
		list = append(list, withPosition(describeRune(r), position(f, para, col)))
	}
	if len(list) == 0 {
		return
	}
	c.add(b, path, Error, "%s含有无法打印的字符：%s。请删除或改用常用字（生僻字可改用同音常用字并另作说明）。", where(b, f, row), strings.Join(list, "、"))
}

// position says where a character first appears, so the user can find it in a long text.
func position(f Field, para, col int) string {
	if f.Kind == LongText {
		return fmt.Sprintf("第%d段第%d个字", para, col)
	}
	return fmt.Sprintf("第%d个字", col)
}

// withPosition adds the position inside the description's closing bracket, or in one of its own.
func withPosition(desc, pos string) string {
	if strings.HasSuffix(desc, "）") {
		return strings.TrimSuffix(desc, "）") + "，" + pos + "）"
	}
	return desc + "（" + pos + "）"
}

func printableIn(f Field, r rune) bool {
	if r == '\n' || r == '\r' || r == '\t' {
		return f.Kind == LongText
	}
	return fonts.Printable(r)
}

// describeRune names a character so the user can find it: the character itself in quotes,
// or its code where it is invisible.
func describeRune(r rune) string {
	code := fmt.Sprintf("U+%04X", r)
	switch {
	case r == '\n':
		return "换行符"
	case r == '\t':
		return "制表符（Tab）"
	case r == 0xFFFD: // what a program puts where it could not convert a character
		return "替换字符“\uFFFD”（" + code + "，文字在别的软件中转换编码时已经损坏，这里原来是另一个字，需要重新输入）"
	case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.IsSpace(r):
		return "不可见的控制字符（" + code + "）"
	case unicode.Is(unicode.Co, r):
		return "自造字（" + code + "）"
	}
	return "“" + string(r) + "”（" + code + "）"
}

func (c *checker) photo(b Block, f Field, path string) {
	p := c.d.Photo
	if p == nil || strings.TrimSpace(p.Data) == "" {
		c.add(b, path, Error, "请添加%s的%s。", b.Nav, f.Name())
		c.missing()
		return
	}
	if c.photos == nil {
		return
	}
	w, h, err := photoSize(p, c.photos)
	var pe photoError
	switch {
	case errors.As(err, &pe): // the pipeline's sentence says what is wrong and what to do
		c.add(b, path, Error, "照片无法使用，请重新选择照片：%s", pe.err)
		return
	case err != nil:
		c.add(b, path, Error, "照片无法读取（%v）：请重新选择照片。", err)
		return
	}
	if p.SourceWidth > 0 && p.SourceHeight > 0 {
		w, h = p.SourceWidth, p.SourceHeight
	}
	if w < PhotoMinWidth || h < PhotoMinHeight {
		c.add(b, path, Warning, "照片只有 %d×%d 像素，打印成1寸（25×35毫米）会模糊：建议换一张更清晰的照片（至少 %d×%d 像素）。", w, h, PhotoMinWidth, PhotoMinHeight)
	}
}

// PhotoMinWidth and PhotoMinHeight are 25 × 35 mm at 300 dpi.
const (
	PhotoMinWidth  = 295
	PhotoMinHeight = 413
)

// PhotoBytes decodes the stored photo's base64 (standard or URL alphabet, with or without
// padding and line breaks).
func PhotoBytes(p *Photo) ([]byte, error) {
	s := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, p.Data)
	// A data URL (data:image/jpeg;base64,…), as a photo copied from a web page comes.
	if strings.HasPrefix(s, "data:") {
		if i := strings.Index(s, ";base64,"); i > 0 {
			s = s[i+len(";base64,"):]
		}
	}
	s = strings.TrimRight(s, "=")
	if b, err := base64.RawStdEncoding.DecodeString(s); err == nil {
		return b, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("照片数据不是有效的 base64")
	}
	return b, nil
}

// choiceList quotes the choices, so that "是否党员只能是“是”或“否”" reads as a sentence.
func choiceList(choices []string) string {
	q := make([]string, len(choices))
	for i, c := range choices {
		q[i] = "“" + c + "”"
	}
	if len(q) == 2 {
		return q[0] + "或" + q[1]
	}
	return strings.Join(q, "、") + "之一"
}

func contains(list []string, v string) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

// table checks a table: how many rows are filled, that each filled row is whole, and that
// nobody is listed twice.
func (c *checker) table(b Block) {
	filled := c.d.FilledRows(b)
	c.rowRules(b, len(filled))
	if len(filled) > b.Rows && !c.ruleCounts(b) {
		// More rows than the form prints: no rule needed to say so.
		c.add(b, b.Key, Error, "%s最多%d行，现在填了%d行：请删去%d行。", b.Nav, b.Rows, len(filled), len(filled)-b.Rows)
		c.limit()
	}
	// A row holding anything asks for the columns the definition requires, and only those.
	for _, row := range filled {
		for _, f := range b.Fields {
			c.field(b, f, row, f.Required)
		}
	}
	c.samePerson(b, filled)
}

// ruleCounts reports whether a rows rule counts the table (then it says what is too many).
func (c *checker) ruleCounts(b Block) bool {
	for _, r := range c.d.Form().Rules {
		if r.Kind == RowsRule && r.HasMax && contains(r.Tables, b.Key) {
			return true
		}
	}
	return false
}
