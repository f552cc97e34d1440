package forms

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCountWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		// FORM.md §5, word for word.
		{"你好", 2},
		{"Hello、World。", 4},
		{"１２３４５", 5},
		{"Let's say ‘你好’ 100 times per day, 勤勉", 12},
		{"2024年9月", 4},
		{"", 0},
		{"Let's", 1},
		{"2024-2027", 1},
		{"day,", 1},

		// White space counts 0 and ends a word: space, U+3000, tab, CR, LF.
		{" ", 0},
		{"\u3000\u3000", 0},
		{"你\u3000好", 2},
		{"a\u3000b", 2},
		{"\u3000\u3000一、指导思想", 6},
		{"\t\t", 0},
		{"a\tb", 2},
		{"a\r\nb", 2},
		{"第一段。\r\n第二段。\r\n", 8},
		{"\r\n\r\n\n", 0},

		// —— and …… are East Asian characters, one each.
		{"——", 2},
		{"……", 2},
		{"他说——好", 5},
		{"等等……", 4},
		{"abc——def", 4},
		{"a…b", 3},
		{"“好”", 3},
		{"‘a’", 3},

		// Full-width letters and digits count one each; half-width runs count once.
		{"ＡＢＣ", 3},
		{"ａｂｃ１２３", 6},
		{"ABC１２", 3},
		{"（一）", 3},
		{"(一)", 3},
		{"Word 2016", 2},
		{"e.g.", 1},
		{"a , b", 3},

		// Ideographs of every extension.
		{"𠮷", 1},
		{"𠮷野家", 3},
		{"㐀", 1},
		{"𪚥𫝀𬺰", 3},
		{"カタカナ", 4},

		// Anything else that is not a space is part of a run.
		{"😀😀", 1},
		{"a😀b", 1},
		{"\x00", 1},
	} {
		if got := CountWords(tc.in); got != tc.want {
			t.Errorf("CountWords(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

// TestCountWordsSampleTexts: the sample's texts have the counts written beside them.
func TestCountWordsSampleTexts(t *testing.T) {
	d := Sample(Default())
	if n := CountWords(d.Get("plan")); n < 2800 || n > 3000 {
		t.Errorf("sample plan = %d 字, want about 2,900 and within 3000", n)
	}
	if n := CountWords(d.Get("achievements")); n == 0 {
		t.Error("sample achievements empty")
	}
}

func FuzzCountWords(f *testing.F) {
	for _, s := range []string{"你好", "Hello、World。", "１２３４５", "Let's say ‘你好’ 100 times per day, 勤勉", "2024年9月", "",
		"a\u3000b", "——", "……", "𠮷", "\r\n\t", "\xff\xfe", "a b"} {
		f.Add(s, s)
	}
	f.Add(Sample(Default()).Get("plan"), "2024年9月")
	f.Fuzz(func(t *testing.T, a, b string) {
		na, nb := CountWords(a), CountWords(b)
		if ref := countWordsPlain(a); na != ref {
			t.Fatalf("CountWords(%q) = %d, the plain definition says %d", a, na, ref)
		}
		if na < 0 || na > utf8.RuneCountInString(a) {
			t.Fatalf("CountWords(%q) = %d, more than its %d runes", a, na, utf8.RuneCountInString(a))
		}
		for _, sep := range []string{" ", "\n", "\u3000", "\t"} {
			if got := CountWords(a + sep + b); got != na+nb {
				t.Fatalf("CountWords(%q + %q + %q) = %d, want %d + %d", a, sep, b, got, na, nb)
			}
		}
	})
}

// countWordsPlain is FORM.md §5 written as plainly as possible, without CountWords' fast
// paths, for the fuzz test to compare against.
func countWordsPlain(s string) int {
	n := 0
	prevWord := false
	for _, r := range s {
		word := !IsEastAsian(r) && !unicode.IsSpace(r)
		if IsEastAsian(r) || (word && !prevWord) {
			n++
		}
		prevWord = word
	}
	return n
}
