package formimport

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"shenbao/forms"
)

// Guesses from a label's words: the kind of its field, a key for the draft, a long text's
// 字数 limit, whose seal an opinion box takes. Each says whether it is sure.

// kindGuess is a field's kind as its label suggests.
type kindGuess struct {
	kind    forms.Kind
	choices []string
	sure    bool
	why     string // what an unsure guess says, when not the kind's usual words
}

// choiceWords are in labels of values often chosen from a list the notice gives (the
// counties, the categories), which the template's empty cell does not show.
var choiceWords = []string{"县区", "县（市、区）", "地区", "片区", "类别", "类型", "等级", "学段", "级别", "组别"}

// textLabels are labels of one line of text on every form of this family.
var textLabels = []string{"姓名", "名字", "名称", "单位", "学校", "职称", "职务", "职位", "学历", "学位", "专业",
	"民族", "籍贯", "政治面貌", "研究方向", "研究领域", "专长", "学科", "学段", "年级", "班级", "身份证", "证件号",
	"地址", "邮编", "邮政编码", "毕业院校", "院校", "荣誉", "称号", "级别", "岗位", "课题", "备注", "邮箱", "电子邮件",
	"E-mail", "e-mail", "Email", "email", "部门", "名次", "奖项", "成果", "证明人", "内容", "题目"}

// guessKind reads a field's label (flat: no spaces).
func guessKind(label string) kindGuess {
	switch {
	case strings.Contains(label, "起止") || strings.Contains(label, "起讫"):
		return kindGuess{kind: forms.Period, sure: true}
	case strings.Contains(label, "性别"):
		return kindGuess{kind: forms.Choice, choices: []string{"男", "女"}, sure: true}
	case strings.HasPrefix(label, "是否") || strings.HasPrefix(label, "有无"):
		c := []string{"是", "否"}
		if strings.HasPrefix(label, "有无") {
			c = []string{"有", "无"}
		}
		return kindGuess{kind: forms.Choice, choices: c, sure: true}
	case strings.Contains(label, "手机"):
		return kindGuess{kind: forms.Mobile, sure: true}
	case strings.Contains(label, "电话"):
		return kindGuess{kind: forms.Phone, sure: true}
	case strings.Contains(label, "联系方式"):
		return kindGuess{kind: forms.Phone}
	case strings.Contains(label, "邮箱") || strings.Contains(label, "邮件") || strings.Contains(strings.ToLower(label), "mail"):
		return kindGuess{kind: forms.Text, sure: true}
	case strings.Contains(label, "出生") || strings.HasSuffix(label, "年月"):
		return kindGuess{kind: forms.YearMonth, sure: true}
	case (strings.HasSuffix(label, "时间") || strings.HasSuffix(label, "日期")) && (strings.Contains(label, "及") || strings.Contains(label, "名称")):
		// 现专业技术资格名称及取得时间: a name and a date in one cell
		return kindGuess{kind: forms.Text, why: "名称里有“及”：一格里写两样，按单行文字处理"}
	case strings.HasSuffix(label, "时间") || strings.HasSuffix(label, "日期"):
		return kindGuess{kind: forms.YearMonth}
	case strings.Contains(label, "年限") || strings.Contains(label, "年数") || strings.Contains(label, "人数") ||
		strings.Contains(label, "教龄") || strings.Contains(label, "工龄") || strings.Contains(label, "次数") ||
		strings.HasSuffix(label, "数量") || strings.HasSuffix(label, "名额") || strings.HasSuffix(label, "票数"):
		return kindGuess{kind: forms.WholeNumber, sure: true}
	case strings.Contains(label, "年龄"):
		return kindGuess{kind: forms.WholeNumber}
	}
	for _, w := range choiceWords {
		if strings.Contains(label, w) {
			return kindGuess{kind: forms.Text, why: "空白格，按单行文字处理；如果只能从通知列出的几项中选（如县区、类别），请改为 choice 并写出 choices"}
		}
	}
	for _, t := range textLabels {
		if strings.Contains(label, t) {
			return kindGuess{kind: forms.Text, sure: true}
		}
	}
	return kindGuess{kind: forms.Text}
}

// fieldKeys name a field after its label's words, the first that matches (keyPrefixes);
// fields whose label says none of them are f1, f2 … (pinyin is not to be had offline).
var fieldKeys = []struct{ words, key string }{
	{"参加工作", "workSince"}, {"起止", "period"}, {"起讫", "period"}, {"姓名", "name"}, {"名字", "name"},
	{"性别", "gender"}, {"出生", "birth"}, {"民族", "ethnicity"}, {"政治面貌", "politics"}, {"是否党员", "partyMember"},
	{"党员", "partyMember"}, {"职称", "title"}, {"职务", "post"}, {"手机", "mobile"}, {"电话", "phone"},
	{"联系方式", "phone"}, {"邮箱", "email"}, {"邮件", "email"}, {"研究方向", "research"}, {"学历", "education"},
	{"学位", "degree"}, {"毕业院校", "graduatedFrom"}, {"专业", "major"}, {"身份证", "idNumber"}, {"任教学科", "subject"},
	{"学科", "subject"}, {"教龄", "teachingYears"}, {"年限", "years"}, {"籍贯", "nativePlace"}, {"地址", "address"},
	{"邮编", "postcode"}, {"邮政编码", "postcode"}, {"县区", "county"}, {"照片", "photo"}, {"相片", "photo"},
	{"备注", "remarks"}, {"工作单位", "unit"}, {"所在单位", "unit"}, {"单位", "unit"}, {"学校", "school"},
	{"年龄", "age"}, {"人数", "count"}, {"部门", "department"}, {"证明人", "witness"}, {"类别", "category"},
}

// keyPrefixes are the words that name a field where a label starts with them (出生年月,
// 手机号码, 身份证号码); the others only where it ends with them (主持人姓名, 所在单位), so that
// 现专业技术资格名称及取得时间 is not taken for a 专业.
var keyPrefixes = map[string]bool{"出生": true, "参加工作": true, "手机": true, "起止": true, "起讫": true,
	"身份证": true, "性别": true, "学历": true, "是否党员": true}

// keyFor is a field's key: from its label's words, else f<n>; unique in its block (a second
// 单位 is unit2).
func keyFor(label string, n int, used map[string]bool) string {
	key := "f" + strconv.Itoa(n)
	for _, k := range fieldKeys {
		if strings.HasSuffix(label, k.words) || keyPrefixes[k.words] && strings.HasPrefix(label, k.words) {
			key = k.key
			break
		}
	}
	if used[key] {
		for i := 2; ; i++ {
			if k := key + strconv.Itoa(i); !used[k] {
				key = k
				break
			}
		}
	}
	used[key] = true
	return key
}

// The 字数 limits hints say: 3000字内, 不超过2000字, 300字以内, 字数要求：3000字, 限1500字,
// 一千字左右 (左右 is not a limit: unsure).
var (
	wordLimit = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:不超过|不多于|不得超过|限|字数要求[：:]?|字数[：:]|控制在)\s*([0-9０-９一二两三四五六七八九十百千万]+)\s*字` +
			`|([0-9０-９一二两三四五六七八九十百千万]+)\s*字\s*(?:以内|之内|内|以下|左右|为宜)`)
	})
)

// maxWords is the 字数 limit a hint or label states: the number, and whether it is a limit
// rather than an approximation (左右, 为宜).
func maxWords(s string) (int, bool, bool) {
	m := wordLimit().FindStringSubmatch(s)
	if m == nil {
		return 0, false, false
	}
	num := m[1]
	if num == "" {
		num = m[2]
	}
	n := chineseNumber(num)
	if n <= 0 || n > forms.MaxCharsLong {
		return 0, false, false
	}
	approx := strings.HasSuffix(m[0], "左右") || strings.HasSuffix(m[0], "为宜")
	return n, !approx, true
}

// chineseNumber reads 3000, ３０００, 三千, 两千五百, 一万; 0 when it cannot.
func chineseNumber(s string) int {
	if n, err := strconv.Atoi(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)); err == nil {
		return n
	}
	digits := map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000, '万': 10000}
	total, cur := 0, 0
	for _, r := range s {
		if d, ok := digits[r]; ok {
			cur = d
			continue
		}
		u, ok := units[r]
		if !ok {
			return 0
		}
		if cur == 0 {
			cur = 1
		}
		if u == 10000 {
			total = (total + cur) * u
		} else {
			total += cur * u
		}
		cur = 0
	}
	return total + cur
}

// sealOf guesses whose seal an opinion box takes from its label, and whether it is sure.
func sealOf(label string) (forms.Seal, bool) {
	switch {
	case strings.Contains(label, "评审") || strings.Contains(label, "专家") || strings.Contains(label, "委员会"):
		return forms.CommitteeSeal, true
	case strings.Contains(label, "省") || strings.Contains(label, "自治区") || strings.Contains(label, "厅"):
		return forms.ProvinceSeal, true
	case strings.Contains(label, "县") || strings.Contains(label, "区") && strings.Contains(label, "教育"):
		return forms.CountySeal, true
	case strings.Contains(label, "学校") || strings.Contains(label, "单位") || strings.Contains(label, "校") ||
		strings.Contains(label, "园"):
		return forms.SchoolSeal, true
	case strings.Contains(label, "市"):
		return forms.CitySeal, true
	}
	return forms.SchoolSeal, false
}

// issuer is the level of the bureau that issues the form, from its title: its own opinion
// box is left blank by the applicant.
func issuer(title string) forms.Seal {
	switch {
	case strings.Contains(title, "省") || strings.Contains(title, "自治区") || strings.HasPrefix(title, "广西"):
		return forms.ProvinceSeal
	case strings.Contains(title, "县") || strings.Contains(title, "区"):
		return forms.CountySeal
	case strings.Contains(title, "市"):
		return forms.CitySeal
	}
	return forms.NoSeal
}

// enumerator is a heading's number: （一）, 一、, 1．, (2).
var enumerator = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+[、．.]|[0-9]+[、．.])`)
})

// navOf is a short name for the app's list of blocks: the label on one line, without a note
// in brackets and the words every block has (基本情况, 情况 …); a long one after its last 的
// (主持人近5年……的主要业绩及成果 → 主要业绩及成果); at most twelve characters.
func navOf(label string) string {
	s := enumerator().ReplaceAllString(flat(strings.ReplaceAll(label, "\n", "")), "")
	if i := strings.IndexAny(s, "（("); i > 0 {
		s = s[:i]
	}
	for _, suffix := range []string{"基本情况", "情况", "名单", "一览表", "信息"} {
		if t := strings.TrimSuffix(s, suffix); t != s && utf8.RuneCountInString(t) >= 2 {
			s = t
			break
		}
	}
	s = strings.TrimSuffix(s, "的") // 已设立……工作室的（情况）
	if utf8.RuneCountInString(s) > 12 {
		if i := strings.LastIndex(s, "的"); i > 0 && utf8.RuneCountInString(s[i+len("的"):]) >= 4 {
			s = s[i+len("的"):]
		}
	}
	// Still long: the words before a 或 / 及 / 与 / 和 / 、 (已设立有名班主任工作室或…).
	if r := []rune(s); len(r) > 12 {
		for k := 4; k <= 12 && k < len(r); k++ {
			if strings.ContainsRune("或及与和、", r[k]) {
				s = string(r[:k])
				break
			}
		}
	}
	if r := []rune(s); len(r) > 12 {
		s = string(r[:12])
	}
	return s
}
