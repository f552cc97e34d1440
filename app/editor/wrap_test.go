package editor

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// mono is the fake font of the model tests: a CJK character or full-width mark is size wide,
// anything else half that.
type mono struct{}

func (mono) Advance(r rune, size float64) float64 {
	if r >= 0x2e80 || r == '“' || r == '”' || r == '…' || r == '—' {
		return size
	}
	return size / 2
}

// pieces random texts are made of: CJK, the punctuation kinsoku cares about, Latin words,
// numbers, spaces, brackets and long unbreakable runs.
var pieces = []string{
	"柳", "州", "市", "名", "班", "主", "任", "工", "作", "室", "的", "学", "生",
	"，", "。", "、", "；", "：", "？", "！", "“", "”", "（", "）", "《", "》", "——", "……", "·", "％",
	" ", " ", "  ", "\u3000", "\t",
	"word", "Fyne", "a", "is", "2024", "3.14", "-", "(", ")", "$5", "100%", ",", ".",
	"https://example.org/a/b", "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq",
}

func randText(r *rand.Rand, n int) string { return randFrom(r, pieces, n) }

// chinese is mostly Chinese prose: every character a break opportunity, so an edit shifts
// every later break and re-wrapping cannot resynchronise with the old lines.
var chinese = append(pieces[:13:13], "，", "。", "、", "“", "”", "《", "》", "……", "2024", " ")

func randFrom(r *rand.Rand, from []string, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(from[r.IntN(len(from))])
	}
	return b.String()
}

// runeCut returns a random rune boundary of s.
func runeCut(r *rand.Rand, s string) int {
	i := r.IntN(len(s) + 1)
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// TestRewrapMatchesFullWrap edits random paragraphs and checks, after every edit, that the
// exact lines are those of a full text.Wrap, and after settling that all lines are. A small
// ahead makes many edits leave stale lines behind.
func TestRewrapMatchesFullWrap(t *testing.T) {
	rounds := 2000
	if testing.Short() {
		rounds = 200
	}
	if os.Getenv("EDITOR_LONG") != "" {
		rounds = 60000
	}
	r := rand.New(rand.NewPCG(seed(), 2))
	for range rounds {
		d := newDoc()
		d.setLayout(layout{width: float64(20 + r.IntN(400)), size: 10, m: mono{}})
		d.ahead = 1 + r.IntN(12)
		words := pieces
		if r.IntN(2) == 0 {
			words = chinese
		}
		d.setText(randFrom(r, words, r.IntN(1500)))
		for k := range 10 {
			p := r.IntN(len(d.paras))
			s := d.paras[p].s
			at := runeCut(r, s)
			end := at + runeCut(r, s[at:])
			if r.IntN(3) > 0 { // mostly small edits, as typing makes
				end = min(end, at+r.IntN(4))
				for end < len(s) && !utf8.RuneStart(s[end]) {
					end++
				}
			}
			ins := ""
			if r.IntN(4) > 0 {
				ins = randFrom(r, words, r.IntN(6))
				if r.IntN(10) == 0 {
					ins = randFrom(r, words, r.IntN(300))
				}
				if r.IntN(20) == 0 {
					ins += "\n" + randFrom(r, words, r.IntN(50))
				}
			}
			d.replace(pos{p, at}, pos{p, end}, ins)
			checkDoc(t, d, k%4 == 3)
		}
	}
}

func TestRewrapNoWidth(t *testing.T) {
	if got, _ := (layout{}).rewrap(nil, 0, "abc", 0, 0, 1, 10); got != nil {
		t.Fatalf("no width: got %v, want nil lines", got)
	}
}

// seed is EDITOR_SEED when set (to explore more random cases), else a fixed seed.
func seed() uint64 {
	if s := os.Getenv("EDITOR_SEED"); s != "" {
		var n uint64
		for _, c := range s {
			n = n*10 + uint64(c-'0')
		}
		return n
	}
	return 1
}
