package forms

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Plain turns what a user typed into a number, year or phone into the plain ASCII the checks
// and the outputs read: full-width digits and letters become half-width, and spaces, hyphens
// and dashes inside it disappear. A dash before the first or after the last other character
// stays, so "-5" is not read as 5 years. The draft keeps what was typed.
func Plain(s string) string {
	var rs []rune
	for _, r := range s {
		r = halfWidth(r)
		if !unicode.IsSpace(r) {
			rs = append(rs, r)
		}
	}
	first, last := -1, -1
	for i, r := range rs {
		if !isDash(r) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	var sb strings.Builder
	for i, r := range rs {
		if isDash(r) && i > first && i < last {
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// halfWidth maps full-width ASCII forms (０–９, Ａ, （ …) to their ASCII twins.
func halfWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFF01 + '!'
	}
	return r
}

func isDash(r rune) bool {
	switch r {
	case '-', '‐', '‑', '‒', '–', '—', '―', '－', '─':
		return true
	}
	return false
}

// ParseYearMonth reads a 出生年月 in any form a teacher types: 1985-03, 1985.03, 1985.3,
// 1985/03, 1985年3月, 198503, with full-width digits or spaces, and also a full date such as
// 1985-03-12 or 1985年3月12日 (the day is dropped).
func ParseYearMonth(s string) (year, month int, ok bool) {
	t := strings.TrimSpace(s)
	var sb strings.Builder
	for _, r := range t {
		sb.WriteRune(halfWidth(r))
	}
	t = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(sb.String()), "日"), "号")
	parts := strings.FieldsFunc(t, func(r rune) bool {
		return r == '.' || r == '/' || r == '年' || r == '月' || r == '。' || r == '．' || isDash(r) || unicode.IsSpace(r)
	})
	if len(parts) == 1 && len(parts[0]) == 6 { // 198503
		parts = []string{parts[0][:4], parts[0][4:]}
	}
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 || len(parts[1]) > 2 {
		return 0, 0, false
	}
	year, err1 := strconv.Atoi(parts[0])
	month, err2 := strconv.Atoi(parts[1])
	if err1 != nil || err2 != nil || month < 1 || month > 12 || !allDigits(parts[0]+parts[1]) {
		return 0, 0, false
	}
	if len(parts) == 3 {
		day, err := strconv.Atoi(parts[2])
		if err != nil || day < 1 || day > 31 || len(parts[2]) > 2 || !allDigits(parts[2]) {
			return 0, 0, false
		}
	}
	return year, month, true
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// ParseWhole reads a whole number such as 年限: digits, full-width or not, with an optional
// trailing 年.
func ParseWhole(s string) (int, bool) {
	t := strings.TrimSuffix(Plain(s), "年")
	if !allDigits(t) || len(t) > 4 {
		return 0, false
	}
	n, err := strconv.Atoi(t)
	return n, err == nil
}

// ParseMobile reads an 11-digit mainland mobile number (1[3-9] and 9 more digits), with an
// optional +86 in front, and returns its plain digits.
func ParseMobile(s string) (string, bool) {
	t := strings.TrimPrefix(Plain(s), "+86")
	if len(t) != 11 || !allDigits(t) || t[0] != '1' || t[1] < '3' {
		return "", false
	}
	return t, true
}

// ParseLandline reads a fixed-line number: an area code (0 and 2–3 digits, in brackets or not)
// and a 7–8 digit number, as 0772-2822733, or a local number alone (hasArea false). It returns
// the number printed as 0772-2822733.
func ParseLandline(s string) (printed string, hasArea, ok bool) {
	t := Plain(s)
	if strings.HasPrefix(t, "(") {
		if i := strings.IndexByte(t, ')'); i > 0 {
			t = t[1:i] + t[i+1:]
		}
	}
	if !allDigits(t) {
		return "", false, false
	}
	if t[0] == '0' && len(t) < 10 { // an area code alone, or "0": too short to hold a number
		return "", false, false
	}
	if t[0] != '0' {
		return t, false, (len(t) == 7 || len(t) == 8) && t[0] != '1'
	}
	// Area codes: 010 and 02x have 3 digits, all others 4 (0772 is 柳州).
	area := 4
	if t[1] == '1' || t[1] == '2' {
		area = 3
	}
	rest := len(t) - area
	if rest != 7 && rest != 8 {
		return "", false, false
	}
	return t[:area] + "-" + t[area:], true, true
}

// Display is a value as the outputs print it: years and months as 1985.03, a 起止时间 as
// 2015.09—2018.07 (ParsePeriod), numbers and phones as plain digits, everything else trimmed
// of surrounding spaces. A value the checks would refuse is printed as typed, so a draft
// export never loses what was written.
func Display(f Field, value string) string {
	v := strings.TrimSpace(value)
	switch f.Kind {
	case YearMonth:
		if y, m, ok := ParseYearMonth(v); ok {
			return fmt.Sprintf("%04d.%02d", y, m)
		}
	case Period:
		if p, ok := ParsePeriod(v); ok {
			return p.String()
		}
	case WholeNumber:
		if n, ok := ParseWhole(v); ok {
			return strconv.Itoa(n)
		}
	case Mobile:
		if p, ok := ParseMobile(v); ok {
			return p
		}
	case Phone:
		if p, ok := ParseMobile(v); ok {
			return p
		}
		if p, _, ok := ParseLandline(v); ok {
			return p
		}
	}
	return v
}
