package scan

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
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
	pages := sealedInk(t, []Opinion{School, County}, ef.ink, rng)
	ph := plainPhone(w, h)
	ph.Roll = rng.Float64()*10 - 5
	ph.Yaw, ph.Pitch = rng.Float64()*6-3, rng.Float64()*6-3
	ph.Fill = 0.74 + 0.08*rng.Float64()
	ef.set(&ph)
	if ph.Finger != (point{}) {
		ph.Finger = fingerTip(engine(t).pages[page])
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
			if b.Which != City && st.HasSeal(b.Which) {
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

func cityBoxes(m pageModel) int {
	n := 0
	for _, o := range m.Opinions {
		if o.Which == City {
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
// SCAN_EFFECTS=name,name limits the effects, SCAN_DEBUG=DIR keeps the pictures.
func BenchmarkEffects(b *testing.B) {
	e := engine(b)
	only := os.Getenv("SCAN_EFFECTS")
	var rows []string
	for range b.N {
		rows = rows[:0]
		for k, ef := range effects {
			if only != "" && !strings.Contains(","+only+",", ","+ef.name+",") {
				continue
			}
			matched, seals, wantSeals, worst := 0, 0, 0, 0.0
			var lost []string
			for page := range e.pages {
				rng := rand.New(rand.NewPCG(24, uint64(100*k+page)))
				data, truth := phoneShot(b, ef, page, 1500, 2000, rng)
				o, st := judge(b, e, page, fmt.Sprintf("p%d.jpg", page+1), data, truth)
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
			rows = append(rows, fmt.Sprintf("%-36s %d/%d  %5.2f mm  seals %d/%d  %s", ef.name, matched, len(e.pages), worst, seals, wantSeals, strings.Join(lost, "; ")))
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
