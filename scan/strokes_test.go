package scan

import (
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"shenbao/forms"
)

// strokeChange is an older printout with one character printed otherwise by a stroke or
// so: page (0-based) shows it, line is what the draft prints on that line.
type strokeChange struct {
	name string
	page int
	line string
}

// replaceIn changes the first old in field path of d to new (one character for another of the
// same width: nothing reflows).
func replaceIn(t *testing.T, d *forms.Draft, path, old, new string) {
	t.Helper()
	v := d.Get(path)
	if !strings.Contains(v, old) {
		t.Fatalf("%s has no %q: %q", path, old, v)
	}
	d.Set(path, strings.Replace(v, old, new, 1))
}

// TestOneStrokeOlder: an older printout whose page differs from the draft's in one character
// by a stroke or a digit (二 for 一, 三 for 二, 一 for 二, 7 for 1, 8 for 3), on different
// pages and lines, photographed plainly and with the everyday effects, is another draft or an
// older printout, naming the line.
func TestOneStrokeOlder(t *testing.T) {
	e := engine(t)
	drafts := []struct {
		change  func(*forms.Draft)
		changes []strokeChange
	}{
		{func(d *forms.Draft) {
			replaceIn(t, d, "members[1].title", "中学一级", "中学二级")
			replaceIn(t, d, "achievements", "学德育论文评比二等奖", "学德育论文评比一等奖")
			replaceIn(t, d, "plan", "用三年时间", "用二年时间")
			replaceIn(t, d, "plan", "第一阶段：启动建设阶段", "第二阶段：启动建设阶段")
		}, []strokeChange{
			{"一 → 二 in a member's title", 0, "中学一"},
			{"二 → 一 in a prize", 2, "学德育论文评比二等奖。"},
			{"三 → 二 in the plan's goal", 3, "（一）总体目标。用三年时间，围绕“初中班级自主管理与生涯"},
			{"一 → 二 in a heading", 6, "第一阶段：启动建设阶段（2026年9月—2027年8月）"},
		}},
		{func(d *forms.Draft) {
			replaceIn(t, d, "host.phone", "13877215630", "13877275630")
			replaceIn(t, d, "plan", "（二）培训制度", "（三）培训制度")
		}, []strokeChange{
			{"1 → 7 in the phone number", 0, "13877215630"},
			{"二 → 三 in a heading", 4, "（二）培训制度。依托柳州市教育科学研究所、广西师范大学等"},
		}},
		{func(d *forms.Draft) { replaceIn(t, d, "host.birth", "1983.05", "1988.05") }, []strokeChange{
			{"3 → 8 in the birth date", 0, "1983.05"},
		}},
	}
	shots := []struct {
		name string
		ph   phone
	}{
		{"plain", plainPhone(strokeW, strokeH)},
		{"everyday: curl, lens, light, JPEG", plainPhone(strokeW, strokeH)},
		{"curl 6 mm at an edge", plainPhone(strokeW, strokeH)},
		{"shadow 70 %", plainPhone(strokeW, strokeH)},
	}
	for i := range shots[1:] {
		effectNamed(t, shots[i+1].name).set(&shots[i+1].ph)
	}
	for k, dr := range drafts {
		d := forms.Sample(forms.Default())
		dr.change(d)
		pages, err := rasterise(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range dr.changes {
			if only := os.Getenv("SCAN_STROKE"); only != "" && !strings.Contains(c.name, only) {
				continue
			}
			for j, sh := range shots {
				rng := rand.New(rand.NewPCG(24, uint64(500+100*k+10*c.page+j)))
				data, _ := photographPhone(pages[c.page], nil, sh.ph, rng)
				if os.Getenv("SCAN_DBG") != "" {
					debugChar = func(line string, cr charRead) {
						if line == c.line || math.Abs(cr.left) > 0.15 {
							t.Logf("   %q %+v", line, cr)
						}
					}
				}
				if os.Getenv("SCAN_DBG") != "" {
					debugStretch = func(line string, v stretchRead) {
						if line == c.line {
							t.Logf("   stretch %q %+v", line, v)
						}
					}
				}
				st := e.Straighten("p.jpg", decodeJPEG(t, data))
				debugChar, debugStretch = nil, nil
				got := findingOf(e, st)
				t.Logf("%s, %s: page %d near %d, worst %.3f %q: %s", c.name, sh.name, st.Page+1, st.Near+1, st.Worst, st.WorstLine, got)
				switch {
				case !strings.HasPrefix(got, "这一页不是这份草稿打印出来的"):
					t.Errorf("%s, %s: %q, want an older printout", c.name, sh.name, got)
				case !strings.Contains(got, "“"+c.line+"”"):
					t.Errorf("%s, %s: the finding does not name %q: %s", c.name, sh.name, c.line, got)
				}
			}
		}
	}
}

// strokeW, strokeH are the photos' size: an 8-MP phone's.
var strokeW, strokeH = 2448, 3264
