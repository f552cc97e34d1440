package scan

import (
	"fmt"
	"image"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
)

// effect is one thing a real phone photo does to the page, at one strength.
type effect struct {
	name string
	set  func(*phone)
	ink  sealInk
}

// effects are the effects, one at a time and in the combination a teacher makes
// every day, at increasing strength.
var effects = []effect{
	{"plain", func(*phone) {}, sealInk{}},
	{"lens k1 -0.03", func(p *phone) { p.K1 = -0.03 }, sealInk{}},
	{"lens k1 -0.05", func(p *phone) { p.K1 = -0.05 }, sealInk{}},
	{"lens k1 -0.1", func(p *phone) { p.K1 = -0.1 }, sealInk{}},
	{"bow 5 mm", func(p *phone) { p.Bow = 5 }, sealInk{}},
	{"bow 10 mm", func(p *phone) { p.Bow = 10 }, sealInk{}},
	{"curl 6 mm at an edge", func(p *phone) { p.Curl, p.CurlSide = 6, 0 }, sealInk{}},
	{"curl 8 mm at an edge", func(p *phone) { p.Curl, p.CurlSide = 8, 1 }, sealInk{}},
	{"lens -0.05 + bow 5 mm", func(p *phone) { p.K1, p.Bow = -0.05, 5 }, sealInk{}},
	{"yaw 15°", func(p *phone) { p.Yaw = 15 }, sealInk{}},
	{"yaw 25°", func(p *phone) { p.Yaw = 25 }, sealInk{}},
	{"yaw 30° + pitch 10°", func(p *phone) { p.Yaw, p.Pitch = 30, 10 }, sealInk{}},
	{"yaw 30°, paper turned 25°", func(p *phone) { p.Yaw, p.Roll = 30, 25 }, sealInk{}},
	{"shadow 70 %", func(p *phone) { p.Shadow = 0.7 }, sealInk{}},
	{"shadow 85 %", func(p *phone) { p.Shadow = 0.85 }, sealInk{}},
	{"finger over a rule", func(p *phone) { p.Finger = point{1, 1} }, sealInk{}},
	{"page underneath 35 mm", func(p *phone) { p.Under = 35 }, sealInk{}},
	{"colour cast", func(p *phone) { p.Cast = [3]float64{1, 0.82, 0.6} }, sealInk{}},
	{"WeChat JPEG", func(p *phone) { p.Quality, p.Again, p.Shrink = 80, 55, 0.7 }, sealInk{}},
	{"seal 70 % missing, pale", func(*phone) {}, sealInk{0.7, true}},
	{"seal 85 % missing, pale", func(*phone) {}, sealInk{0.85, true}},
	{"seal 70 % missing, broken", func(*phone) {}, sealInk{0.7, false}},
	{"seal 85 % missing, broken", func(*phone) {}, sealInk{0.85, false}},
	{"everyday: curl, lens, light, JPEG", func(p *phone) {
		p.Bow, p.K1, p.Light, p.Quality, p.Yaw, p.Roll = 4, -0.03, 0.4, 72, 8, 6
	}, sealInk{0.5, false}},
	// and what another phone, another hand, another desk does
	{"bow 8 mm across", func(p *phone) { p.Bow, p.BowAcross = 8, true }, sealInk{}},
	{"curl 8 mm at the top, yaw 20°", func(p *phone) { p.Curl, p.CurlSide, p.Yaw = 8, 2, 20 }, sealInk{}},
	{"lens k1 -0.12", func(p *phone) { p.K1 = -0.12 }, sealInk{}},
	{"shadow 85 % + lens -0.05", func(p *phone) { p.Shadow, p.K1 = 0.85, -0.05 }, sealInk{}},
	{"two fingers holding it", func(p *phone) { p.Finger, p.Finger2 = point{1, 1}, point{2, 2} }, sealInk{}},
	{"page underneath 50 mm, left and above", func(p *phone) { p.Under = -50 }, sealInk{}},
	{"everything", func(p *phone) {
		p.Bow, p.Curl, p.CurlSide, p.K1, p.Light, p.Shadow, p.Yaw = 6, 5, 2, -0.06, 0.3, 0.7, 20
		p.Finger, p.Quality, p.Again, p.Shrink = point{1, 1}, 80, 60, 0.8
	}, sealInk{0.7, false}},
}

// fingerTip puts the finger over the table's outer rule, halfway down the page's left side.
func fingerTip(m pageModel) point { return point{m.Table.X0 + 18, (m.Table.Y0 + m.Table.Y1) / 2} }

// phoneShot is one photo of the effect: the page sealed as the effect inks seals, a phone
// photo of it with a little random roll and tilt, and its truth.
func phoneShot(t testing.TB, ef effect, page int, w, h int, rng *rand.Rand) ([]byte, truthMap) {
	pages := sealedInk(t, []Opinion{Opinion(0), Opinion(1)}, ef.ink, rng)
	ph := plainPhone(w, h)
	ph.Roll = rng.Float64()*10 - 5
	ph.Yaw, ph.Pitch = rng.Float64()*6-3, rng.Float64()*6-3
	ph.Fill = 0.74 + 0.08*rng.Float64()
	ef.set(&ph)
	if ph.Finger != (point{}) {
		ph.Finger = fingerTip(engine(t).pages[page])
	}
	if ph.Finger2 != (point{}) { // the other hand, over the right-hand rule lower down
		tb := engine(t).pages[page].Table
		ph.Finger2 = point{tb.X1 - 15, tb.Y0 + 0.7*(tb.Y1-tb.Y0)}
	}
	return photographPhone(pages[page], pages[(page+1)%len(pages)], ph, rng)
}

// outcome is what the engine made of one photo.
type outcome struct {
	matched bool
	err     float64 // table error, mm
	seals   int     // school's and county's seals found where they are
	verdict string  // the finding about the picture, if any
}

func judge(t testing.TB, e *Engine, page int, name string, data []byte, truth mapping) (outcome, *Straight) {
	st := e.Straighten(name, decodeJPEG(t, data))
	var o outcome
	o.matched = st.Page == page
	if o.matched {
		o.err = tableError(st, e.pages[page], truth)
		for _, b := range e.pages[page].Opinions {
			if b.Which != Opinion(2) && st.HasSeal(b.Which) {
				o.seals++
			}
		}
	}
	for _, f := range e.Assemble([]*Straight{st}).Findings {
		if f.Path == name {
			o.verdict = f.Message
		}
	}
	return o, st
}

// TestPhoneCamera: the camera is a camera: the page's centre lands near the photo's centre,
// barrel distortion pulls the table's corners in more than the middle of its edges, and a
// plain phone photo is straightened with the table where the truth has it.
func TestPhoneCamera(t *testing.T) {
	e := engine(t)
	rng := rand.New(rand.NewPCG(24, 99))
	ph := plainPhone(1200, 1600)
	flat := photographPhoneTruth(ph)
	ph.K1 = -0.1
	barrel := photographPhoneTruth(ph)
	c := flat(point{pageW / 2, pageH / 2})
	if math.Hypot(c.X-600, c.Y-800) > 1 {
		t.Errorf("the page's centre is at %.1f,%.1f", c.X, c.Y)
	}
	// the bow of the table's top rule: its middle against the chord of its ends
	tb := e.pages[0].Table
	sag := func(m truthMap) float64 {
		a, b, mid := m(point{tb.X0, tb.Y0}), m(point{tb.X1, tb.Y0}), m(point{(tb.X0 + tb.X1) / 2, tb.Y0})
		return mid.Y - (a.Y+b.Y)/2
	}
	if s0, s1 := sag(flat), sag(barrel); math.Abs(s0) > 0.5 || s1 > -2 {
		t.Errorf("top rule's bow: %.2f px flat, %.2f px with k1 = -0.1", s0, s1)
	}
	data, truth := phoneShot(t, effectNamed(t, "plain"), 0, 1200, 1600, rng)
	o, _ := judge(t, e, 0, "p.jpg", data, truth)
	if !o.matched || o.err > 1 {
		t.Errorf("plain phone photo: %+v", o)
	}
}

// photographPhoneTruth is the true mapping of a photo ph would take, without taking it.
func photographPhoneTruth(ph phone) truthMap {
	cam := newCamera(ph)
	top := newSheet(ph, ph.Roll, point{}, 0)
	return func(p point) point {
		x, y, z := top.world(p.X, p.Y)
		q, _ := cam.project(x, y, z)
		return q
	}
}

// TestPhonePhotos: a few phone photos with the effects that broke the matching, small.
func TestPhonePhotos(t *testing.T) {
	e := engine(t)
	for k, c := range []struct {
		effect string
		page   int
	}{
		{"lens -0.05 + bow 5 mm", 1},
		{"shadow 85 %", 8},
		{"finger over a rule", 4},
		{"page underneath 35 mm", 7},
		{"yaw 30° + pitch 10°", 2},
	} {
		ef := effectNamed(t, c.effect)
		rng := rand.New(rand.NewPCG(24, uint64(k)))
		data, truth := phoneShot(t, ef, c.page, 1500, 2000, rng)
		if debugDir != "" {
			dump(t, fmt.Sprintf("phone%d.png", k+1), decodeJPEG(t, data))
			debugStraight = func(_ string, page *image.NRGBA) { dump(t, fmt.Sprintf("phone%d-straight.png", k+1), page) }
		}
		o, st := judge(t, e, c.page, "p.jpg", data, truth)
		debugStraight = nil
		t.Logf("%s, page %d: %+v (score %.3f fine %.3f worst %.3f, residual %.2f)", c.effect, c.page+1, o, st.Score, st.Fine, st.Worst, st.Residual)
		if !o.matched {
			t.Errorf("%s: page %d not matched: %s", c.effect, c.page+1, o.verdict)
			continue
		}
		if o.err > 1 {
			t.Errorf("%s: page %d: table %.2f mm off", c.effect, c.page+1, o.err)
		}
		if want := len(e.pages[c.page].Opinions) - cityBoxes(e.pages[c.page]); o.seals != want {
			t.Errorf("%s: page %d: %d seals found, want %d", c.effect, c.page+1, o.seals, want)
		}
	}
}

func cityBoxes(m pageModel) int {
	n := 0
	for _, o := range m.Opinions {
		if o.Which == Opinion(2) {
			n++
		}
	}
	return n
}

func effectNamed(t testing.TB, name string) effect {
	for _, ef := range effects {
		if ef.name == name {
			return ef
		}
	}
	t.Fatalf("no effect %q", name)
	return effect{}
}

// BenchmarkEffects photographs every page with each effect and prints, per effect, the pages
// matched, the largest table error at any rule crossing and the seals found: the table of
// the issue. `go test -tags no_emoji ./scan -run '^$' -bench Effects -benchtime 1x`;
// SCAN_EFFECTS="name;name" limits the effects, SCAN_DEBUG=DIR keeps the pictures.
func BenchmarkEffects(b *testing.B) {
	e := engine(b)
	only := os.Getenv("SCAN_EFFECTS")
	var rows []string
	for range b.N {
		rows = rows[:0]
		for k, ef := range effects {
			if only != "" && !strings.Contains(";"+only+";", ";"+ef.name+";") {
				continue
			}
			matched, seals, wantSeals, worst := 0, 0, 0, 0.0
			var lost []string
			// the draft's own character that is left least explained
			charWorst, charAt := 0.0, ""
			for page := range e.pages {
				debugChar = func(line string, c charRead) {
					if math.Abs(c.left) > math.Abs(charWorst) {
						charWorst, charAt = c.left, fmt.Sprintf("p%d %q", page+1, shorten(line))
					}
				}
				rng := rand.New(rand.NewPCG(24, uint64(100*k+page)))
				data, truth := phoneShot(b, ef, page, 1500, 2000, rng)
				o, st := judge(b, e, page, fmt.Sprintf("p%d.jpg", page+1), data, truth)
				debugChar = nil
				if strings.HasPrefix(o.verdict, "这一页不是这份草稿打印出来的") {
					b.Errorf("%s: the draft's own page %d is called another draft's: %s", ef.name, page+1, o.verdict)
				}
				if debugDir != "" {
					name := strings.NewReplacer(" ", "_", "%", "", "°", "", ",", "", ":", "", "+", "").Replace(ef.name)
					dump(b, fmt.Sprintf("%s-p%d.png", name, page+1), decodeJPEG(b, data))
					if st.Image != nil {
						dump(b, fmt.Sprintf("%s-p%d-straight.png", name, page+1), st.Image)
					}
				}
				wantSeals += len(e.pages[page].Opinions) - cityBoxes(e.pages[page])
				if o.matched {
					matched++
					seals += o.seals
					worst = math.Max(worst, o.err)
				} else {
					lost = append(lost, fmt.Sprintf("%d: %s", page+1, shorten(o.verdict)))
				}
			}
			rows = append(rows, fmt.Sprintf("%-36s %d/%d  %5.2f mm  seals %d/%d  chars %+.2f %s  %s", ef.name, matched, len(e.pages), worst, seals, wantSeals, charWorst, charAt, strings.Join(lost, "; ")))
		}
	}
	fmt.Println(strings.Join(rows, "\n"))
}

func shorten(s string) string {
	r := []rune(s)
	if len(r) > 24 {
		return string(r[:24]) + "…"
	}
	return s
}

// olderDraft is the sample as it was before a few corrections: a phone number with two
// digits swapped, a member's title.
func olderDraft() *forms.Draft {
	d := forms.Sample(forms.Default())
	d.Set("host.phone", "13877215360")
	d.Set("members[2].title", "中学二级教师")
	return d
}

// TestVerdicts: another draft's page and an older printout of this draft's page are told as
// such, naming the line that differs; a page photographed too badly to read is 看不清 with
// what to do, and says nothing about the draft; a good photo of the page is the page.
func TestVerdicts(t *testing.T) {
	e := engine(t)
	other, err := rasterise(otherDraft())
	if err != nil {
		t.Fatal(err)
	}
	older, err := rasterise(olderDraft())
	if err != nil {
		t.Fatal(err)
	}
	own := samplePages(t)
	blurred := plainPhone(1200, 1600)
	blurred.Blur = 4
	for k, c := range []struct {
		name  string
		page  *image.NRGBA
		ph    phone
		want  string // the finding's start; "" the page matched
		lines []string
	}{
		{"own page", own[0], plainPhone(1200, 1600), "", nil},
		{"other draft", other[0], plainPhone(1200, 1600), "这一页不是这份草稿打印出来的", []string{"覃晓岚", "柳州市第二十九中学", "初中班级自主", "管理与生涯启"}},
		{"older printout", older[0], plainPhone(1200, 1600), "这一页不是这份草稿打印出来的", []string{"13877215630", "中学一", "级教师"}},
		{"blurred", own[0], blurred, "", nil},
	} {
		rng := rand.New(rand.NewPCG(24, uint64(200+k)))
		data, _ := photographPhone(c.page, nil, c.ph, rng)
		if os.Getenv("SCAN_DBG") != "" {
			debugStretch = func(line string, v stretchRead) { t.Logf("   %q %+v", line, v) }
		}
		st := e.Straighten("p.jpg", decodeJPEG(t, data))
		debugStretch = nil
		var got string
		for _, f := range e.Assemble([]*Straight{st}).Findings {
			if f.Path == "p.jpg" {
				got = f.Message
			}
		}
		t.Logf("%s: page %d near %d, fine %.3f worst %.3f %q unread %.2f: %s", c.name, st.Page+1, st.Near+1, st.Fine, st.Worst, st.WorstLine, st.Unread, got)
		switch {
		case c.name == "blurred":
			// either no table is found or the page is unread: both say what to do, neither
			// claims anything about the draft
			if !strings.HasPrefix(got, "这张照片看不清") && !strings.HasPrefix(got, "图片中找不到申报表的表格") || !strings.Contains(got, "避开阴影和手指") {
				t.Errorf("%s: %s", c.name, got)
			}
		case c.want == "" && (st.Page != 0 || got != ""):
			t.Errorf("%s: page %d, %q", c.name, st.Page+1, got)
		case c.want != "" && !strings.HasPrefix(got, c.want):
			t.Errorf("%s: %q, want %s…", c.name, got, c.want)
		case c.lines != nil && !slices.ContainsFunc(c.lines, func(l string) bool { return strings.Contains(got, "“"+l+"”") }):
			t.Errorf("%s: the finding names none of the lines that differ %q: %s", c.name, c.lines, got)
		case c.want != "" && strings.HasPrefix(c.want, "这张照片看不清") && !strings.Contains(got, "拍正、拍平，避开阴影和手指"):
			t.Errorf("%s: no advice: %s", c.name, got)
		}
	}
}
