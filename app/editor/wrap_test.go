package editor

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/render/text"
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

func randText(r *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(pieces[r.IntN(len(pieces))])
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

func TestRewrapMatchesFullWrap(t *testing.T) {
	rounds := 3000
	if testing.Short() {
		rounds = 300
	}
	if os.Getenv("EDITOR_LONG") != "" {
		rounds = 100000
	}
	r := rand.New(rand.NewPCG(seed(), 2))
	for round := range rounds {
		l := layout{width: float64(20 + r.IntN(400)), size: 10, m: mono{}}
		s := randText(r, r.IntN(1200))
		old := l.wrap(s)
		for range 8 {
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
				ins = randText(r, r.IntN(6))
				if r.IntN(10) == 0 {
					ins = randText(r, r.IntN(300))
				}
			}
			ns := s[:at] + ins + s[end:]
			got := l.rewrap(old, ns, at, end, at+len(ins))
			want := text.Wrap(ns, l.width, 0, l.size, l.m)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d width %v: edit [%d,%d)→%q of %q\n got %v\nwant %v",
					round, l.width, at, end, ins, s, got, want)
			}
			s, old = ns, got
		}
	}
}

func TestRewrapNoWidth(t *testing.T) {
	if got := (layout{}).rewrap(nil, "abc", 0, 0, 1); got != nil {
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
