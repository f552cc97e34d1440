package text

import (
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWrapTable(t *testing.T) {
	tests := []struct {
		name          string
		para          string
		width, indent float64 // in CJK characters
		want          []string
	}{
		{"empty paragraph gives one empty line", "", 5, 0, []string{""}},
		{"fits on one line", "一二三", 5, 0, []string{"一二三"}},
		{"exact fit", "一二三四五", 5, 0, []string{"一二三四五"}},
		{"CJK breaks between any characters", "一二三四五六七", 5, 0, []string{"一二三四五", "六七"}},
		{"first indent on the first line only", "一二三四五六七八九十", 4, 2, []string{"一二", "三四五六", "七八九十"}},
		{"comma pushes the previous character forward", "一二三四五，六七", 5, 0, []string{"一二三四", "五，六七"}},
		{"half-width comma too", "一二三四五,六七", 5, 0, []string{"一二三四", "五,六七"}},
		{"opening bracket never ends a line", "一二三四（五六", 5, 0, []string{"一二三四", "（五六"}},
		{"half-width opening bracket", "一二三四(五六", 5, 0, []string{"一二三四", "(五六"}},
		{"opening quote never ends a line", "一二三四“五六”", 5, 0, []string{"一二三四", "“五六”"}},
		{"dash pair is not split", "一二三四——五", 5, 0, []string{"一二三", "四——五"}},
		{"ellipsis pair is not split", "一二三四……五", 5, 0, []string{"一二三", "四……五"}},
		{"closing quote then comma", "一二三“四”，五", 5, 0, []string{"一二三", "“四”，五"}},
		{"trailing space hangs and is not counted", "aaaaaaaaaa bbb", 5, 0, []string{"aaaaaaaaaa ", "bbb"}},
		{"Latin breaks at spaces", "aaaa bbbb cccc", 4, 0, []string{"aaaa ", "bbbb ", "cccc"}},
		{"leading spaces kept with the first word", "  abcdefghij", 5, 0, []string{"  abcdefgh", "ij"}},
		{"ideographic indent kept", "\u3000\u3000一二三四五", 5, 0, []string{"\u3000\u3000一二三", "四五"}},
		{"ideographic space never starts a line", "一二三四五\u3000六", 5, 0, []string{"一二三四五\u3000", "六"}},
		{"unbroken Latin breaks anywhere", strings.Repeat("x", 25), 5, 0, []string{"xxxxxxxxxx", "xxxxxxxxxx", "xxxxx"}},
		{"single rune wider than the width", "一二", 0.5, 0, []string{"一", "二"}},
		{"zero width", "ab", 0, 0, []string{"a", "b"}},
		{"indent wider than the width", "一二三", 2, 3, []string{"一", "二三"}},
		{"number range stays whole", "计划2024-2027年", 6, 0, []string{"计划", "2024-2027年"}},
		{"stray newline forces a break", "一二\n三", 5, 0, []string{"一二\n", "三"}},
		{"emoji sequence stays whole", "一二三👩\u200d👩\u200d👧", 5, 0, []string{"一二三", "👩\u200d👩\u200d👧"}},
		{"cluster wider than the line is cut", "👩\u200d👩\u200d👧", 3, 0, []string{"👩\u200d👩\u200d", "👧"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ind := tt.width*size, tt.indent*size
			lines := Wrap(tt.para, w, ind, size, mono{})
			checkLines(t, tt.para, lines, w, ind)
			if got := texts(tt.para, lines); !slices.Equal(got, tt.want) {
				t.Errorf("Wrap(%q) = %q, want %q", tt.para, got, tt.want)
			}
		})
	}
}

func TestWrapWidthIgnoresHangingSpace(t *testing.T) {
	lines := Wrap("aaaaaaaaaa bbb", 5*size, 0, size, mono{})
	if lines[0].Width != 5*size {
		t.Errorf("first line width %v, want %v (the trailing space does not count)", lines[0].Width, 5*size)
	}
}

// A 30-character 工作单位 in the narrow cells the form has: it must wrap, and keep the rules.
func TestWrapWorkUnitInNarrowCell(t *testing.T) {
	unit := "柳州市柳北区第一实验小学（柳州市教育局直属）附属初级中学“名班主任”"
	if n := utf8.RuneCountInString(unit); n < 30 {
		t.Fatalf("fixture has %d characters, want at least 30", n)
	}
	for _, chars := range []float64{2, 3, 4.5, 5, 6, 7.3, 9, 12.5} {
		w := chars * size
		lines := Wrap(unit, w, 0, size, mono{})
		checkLines(t, unit, lines, w, 0)
		if len(lines) < 2 {
			t.Errorf("width %v: %d line, want it wrapped", chars, len(lines))
		}
		for i, s := range texts(unit, lines) {
			first, _ := utf8.DecodeRuneInString(s)
			last, _ := utf8.DecodeLastRuneInString(s)
			if i > 0 && noStart(first) {
				t.Errorf("width %v: line %q starts with %q", chars, s, first)
			}
			if i < len(lines)-1 && noEnd(last) {
				t.Errorf("width %v: line %q ends with %q", chars, s, last)
			}
		}
	}
}

// Every punctuation mark of the rules, placed where a line would naturally end right before it
// (or right after it, for the opening ones).
func TestWrapKinsokuEveryMark(t *testing.T) {
	const width = 5 * size
	for _, c := range []rune("，。、；：？！）》」』】〕〉”’…—·％,.;:?!)]}") {
		para := "一二三四五" + string(c) + "六七"
		lines := texts(para, Wrap(para, width, 0, size, mono{}))
		if len(lines) < 2 || lines[0] != "一二三四" || !strings.HasPrefix(lines[1], "五"+string(c)) {
			t.Errorf("%q: lines %q, want %q pushed with 五 to the second line", c, lines, c)
		}
	}
	for _, c := range []rune("（《「『【〔〈“‘([{") {
		para := "一二三四" + string(c) + "五六"
		lines := texts(para, Wrap(para, width, 0, size, mono{}))
		if len(lines) < 2 || lines[0] != "一二三四" || !strings.HasPrefix(lines[1], string(c)+"五") {
			t.Errorf("%q: lines %q, want %q moved to the second line", c, lines, c)
		}
	}
}

func TestWrapOpeningBracketNeverAtLineEnd(t *testing.T) {
	para := strings.Repeat("学校（班级）“文化”《方案》", 20)
	for w := 2.0; w <= 15; w += 0.5 {
		lines := Wrap(para, w*size, 0, size, mono{})
		checkLines(t, para, lines, w*size, 0)
		for _, s := range texts(para, lines)[:len(lines)-1] {
			if last, _ := utf8.DecodeLastRuneInString(s); noEnd(last) {
				t.Errorf("width %v: line %q ends with %q", w, s, last)
			}
		}
	}
}

func TestWrapLongLatinBreaksAnywhere(t *testing.T) {
	para := strings.Repeat("abcdefghij", 20)
	lines := Wrap(para, 7*size, 0, size, mono{})
	checkLines(t, para, lines, 7*size, 0)
	for i, l := range lines[:len(lines)-1] {
		if l.End-l.Start != 14 {
			t.Errorf("line %d has %d characters, want 14 (full)", i, l.End-l.Start)
		}
	}
}

func TestWrapMixedChineseLatinDigits(t *testing.T) {
	para := "工作室2024-2027年计划培养青年班主任10名，开展Project-Based Learning研究3项。"
	rangeStart := strings.Index(para, "2024")
	rangeEnd := rangeStart + len("2024-2027")
	for w := 5.0; w <= 20; w += 0.25 {
		lines := Wrap(para, w*size, 0, size, mono{})
		checkLines(t, para, lines, w*size, 0)
		for _, l := range lines[1:] {
			if l.Start > rangeStart && l.Start < rangeEnd {
				t.Errorf("width %v: 2024-2027 split at byte %d: %q", w, l.Start, texts(para, lines))
			}
		}
	}
}

func TestPreparedWrapMatchesWrap(t *testing.T) {
	para := benchParagraph(t, 800)
	p := Prepare(para, size, mono{})
	for w := 3.0; w < 40; w += 1.7 {
		if a, b := p.Wrap(w*size, 2*size), Wrap(para, w*size, 2*size, size, mono{}); !slices.Equal(a, b) {
			t.Fatalf("width %v: Prepared.Wrap and Wrap differ", w)
		}
	}
}

// randomPara draws a paragraph from an alphabet that exercises every rule: CJK, each kinsoku
// mark, Latin, digits, spaces, combining marks, emoji, and now and then an invalid byte.
func randomPara(rng *rand.Rand) string {
	alphabet := []string{"一", "二", "中", "国", "a", "b", "Z", "1", "9", " ", " ", "\u3000",
		"，", "。", "、", "（", "）", "“", "”", "《", "》", "—", "…", "·", "％", ",", ".", "(", ")",
		"-", "/", "e\u0301", "👍", "👩‍👩‍👧", "\t", "\xff"}
	var b strings.Builder
	for n := rng.IntN(80); n > 0; n-- {
		b.WriteString(alphabet[rng.IntN(len(alphabet))])
	}
	return b.String()
}

func TestWrapProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		para := randomPara(rng)
		width := rng.Float64() * 12 * size
		indent := float64(rng.IntN(3)) * size
		checkLines(t, para, Wrap(para, width, indent, size, mono{}), width, indent)
		if t.Failed() {
			t.Fatalf("failed for %q width %v indent %v", para, width, indent)
		}
	}
}

// benchParagraph is the plan fixture repeated to n characters.
func benchParagraph(tb testing.TB, n int) string {
	data, err := os.ReadFile("testdata/plan.txt")
	if err != nil {
		tb.Fatal(err)
	}
	src := []rune(strings.TrimSpace(string(data)))
	out := make([]rune, n)
	for i := range out {
		out[i] = src[i%len(src)]
	}
	return string(out)
}

func BenchmarkWrap(b *testing.B) {
	para := benchParagraph(b, 3000)
	b.SetBytes(int64(len(para)))
	for b.Loop() {
		Wrap(para, 38*size, 2*size, size, mono{})
	}
}

func BenchmarkPrepare(b *testing.B) {
	para := benchParagraph(b, 3000)
	for b.Loop() {
		Prepare(para, size, mono{})
	}
}

// The preview's case: the window is resized, the paragraph is already prepared.
func BenchmarkPreparedWrap(b *testing.B) {
	p := Prepare(benchParagraph(b, 3000), size, mono{})
	var lines []Line
	for b.Loop() {
		lines = p.AppendWrap(lines[:0], 38*size, 2*size)
	}
}

func FuzzWrap(f *testing.F) {
	f.Add("", uint16(50), uint8(0))
	f.Add("一二三四五，六七", uint16(50), uint8(0))
	f.Add("柳州市（柳北区）——……“名班主任” 2024-2027年 abc\u3000e\u0301👍", uint16(33), uint8(20))
	f.Add(strings.Repeat("x", 200), uint16(7), uint8(3))
	f.Fuzz(func(t *testing.T, para string, w uint16, ind uint8) {
		width, indent := float64(w%2000)/10, float64(ind%60)/2
		checkLines(t, para, Wrap(para, width, indent, size, mono{}), width, indent)
		Breaks(para)
		for _, l := range Wrap(para, width, indent, size, mono{}) {
			Justify(para[l.Start:l.End], l.Width, width)
		}
	})
}
