// Package xlsx reads and writes the Excel workbooks around the 申报表: the 名单模板 for the
// advisers and members (template, import, export) and the summary of many applications.
// Columns, labels and row limits all come from forms.Form; this package adds only what Excel
// needs on top (widths, header aliases that people really use, cell formats).
package xlsx

import (
	"strings"
	"unicode"

	"shenbao/forms"
)

// seqLabel is the 序号 column the bureau prints before every table's fields. It is not a field:
// export numbers the rows, import ignores it.
const seqLabel = "序号"

// tables are the form's table blocks (指导老师, 工作室成员) in printed order.
func tables() []forms.Block {
	var out []forms.Block
	for _, b := range forms.Form {
		if b.Kind == forms.TableBlock {
			out = append(out, b)
		}
	}
	return out
}

// tableByKey finds a table block by its key ("advisers", "members").
func tableByKey(key string) (forms.Block, bool) {
	b, ok := forms.BlockByKey(key)
	return b, ok && b.Kind == forms.TableBlock
}

// sheetName is the sheet a table is written to: the name the app uses for it (b.Nav).
func sheetName(b forms.Block) string { return b.Nav }

// aliases are the other headers that people's own workbooks use for a field, keyed by field
// key. The field's label itself always matches; these only add to it.
var aliases = map[string][]string{
	"name":     {"名字"},
	"birth":    {"出生日期", "出生年月日", "生日"},
	"unit":     {"单位", "工作单位", "学校", "所在学校", "任教学校", "单位名称"},
	"post":     {"行政职务", "现任职务", "担任职务"},
	"title":    {"专业技术职称", "专业技术职务", "职称等级"},
	"research": {"研究领域", "研究专长", "研究方向及专长"},
	"mobile":   {"手机", "手机号", "联系电话", "电话", "电话号码", "联系方式", "手机电话", "移动电话"},
}

// ignoredHeaders are columns that belong to such a list but not to the form's fields: they
// are skipped without a word (the 序号 is re-numbered by the form itself).
var ignoredHeaders = map[string]bool{seqLabel: true, "编号": true, "序": true, "No.": true, "NO.": true, "no.": true}

// widths are the column widths (in Excel's character units) the template starts with, keyed
// by field key; export widens a column when its content needs it.
var widths = map[string]float64{
	"name": 11, "gender": 7, "birth": 11, "unit": 30, "post": 18, "title": 16, "research": 28, "mobile": 15,
}

const seqWidth = 6

func widthOf(f forms.Field) float64 {
	if w, ok := widths[f.Key]; ok {
		return w
	}
	return textWidth(f.Name()) + 4
}

// textWidth is a string's width in Excel character units: East Asian characters take two.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if wide(r) {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// wide reports an East Asian wide or full-width character.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60) || (r >= 0x2E80 && r <= 0x2FDF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…'
}

// cellText is one cell's text trimmed and tidied for the draft: line breaks and runs of
// spaces (full-width too) become one space, and a space between two Chinese characters goes
// (lists pad two-character names, "王  芳", to line them up).
func cellText(s string) string {
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	var sb strings.Builder
	for i, f := range fields {
		if i > 0 {
			prev, _ := lastRune(fields[i-1])
			next := []rune(f)[0]
			if !(wide(prev) && wide(next)) {
				sb.WriteByte(' ')
			}
		}
		sb.WriteString(f)
	}
	return sb.String()
}

func lastRune(s string) (rune, bool) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, false
	}
	return r[len(r)-1], true
}
