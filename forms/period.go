package forms

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Span is a 起止时间 as read from what was typed: from a year-month to another, or to now
// (Ongoing, 至今).
type Span struct {
	FromYear, FromMonth int
	ToYear, ToMonth     int
	Ongoing             bool
}

// PeriodTo is what a span that has not ended is printed with.
const PeriodTo = "至今"

// String is the span as the outputs print it: 2015.09—2018.07, or 2013.09—至今.
func (s Span) String() string {
	to := PeriodTo
	if !s.Ongoing {
		to = fmt.Sprintf("%04d.%02d", s.ToYear, s.ToMonth)
	}
	return fmt.Sprintf("%04d.%02d—%s", s.FromYear, s.FromMonth, to)
}

// ParsePeriod reads a 起止时间 in the forms teachers type it: 2015.09—2018.07, 2015.9-2018.7,
// 2015年9月至2018年7月, 201509-201807, 2015-09～2018-07, and 2013.09—至今 (or 今、现在) for one
// that has not ended; full-width digits and spaces are fine, a day after a month is dropped.
// ok is false for anything else, and for a span that ends before it starts.
func ParsePeriod(s string) (Span, bool) {
	var sb strings.Builder
	for _, r := range strings.TrimSpace(s) {
		sb.WriteRune(halfWidth(r))
	}
	t := sb.String()
	var sp Span
	for _, now := range []string{"至今", "到今", "现在", "今"} {
		if strings.HasSuffix(t, now) {
			t, sp.Ongoing = strings.TrimSuffix(t, now), true
			break
		}
	}
	var nums []string
	start := -1
	for i, r := range t + " " {
		switch {
		case r >= '0' && r <= '9':
			if start < 0 {
				start = i
			}
			continue
		case start >= 0:
			nums = append(nums, t[start:i])
			start = -1
		}
		if i < len(t) && !periodSeparator(r) {
			return Span{}, false
		}
	}
	var ym [][2]string // year and month of each end
	for i := 0; i < len(nums); {
		switch {
		case len(nums[i]) == 6: // 201509
			ym = append(ym, [2]string{nums[i][:4], nums[i][4:]})
			i++
		case len(nums[i]) == 4 && i+1 < len(nums) && len(nums[i+1]) <= 2:
			ym = append(ym, [2]string{nums[i], nums[i+1]})
			i += 2
			if i < len(nums) && len(nums[i]) <= 2 { // a day
				i++
			}
		default:
			return Span{}, false
		}
	}
	want := 2
	if sp.Ongoing {
		want = 1
	}
	if len(ym) != want {
		return Span{}, false
	}
	var ends [2][2]int
	for k, p := range ym {
		y, err1 := strconv.Atoi(p[0])
		m, err2 := strconv.Atoi(p[1])
		if err1 != nil || err2 != nil || y < 1900 || m < 1 || m > 12 {
			return Span{}, false
		}
		ends[k] = [2]int{y, m}
	}
	sp.FromYear, sp.FromMonth = ends[0][0], ends[0][1]
	if !sp.Ongoing {
		sp.ToYear, sp.ToMonth = ends[1][0], ends[1][1]
		if sp.ToYear*12+sp.ToMonth < sp.FromYear*12+sp.FromMonth {
			return Span{}, false
		}
	}
	return sp, true
}

// periodSeparator: what may stand between the numbers of a 起止时间.
func periodSeparator(r rune) bool {
	return unicode.IsSpace(r) || isDash(r) || strings.ContainsRune(".。．/年月日号至到~～起止、,，", r)
}
