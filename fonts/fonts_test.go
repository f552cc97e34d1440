package fonts

import (
	"bytes"
	"math/bits"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"golang.org/x/image/font/sfnt"

	"shenbao/fonts/fontstest"
)

func TestPrintable(t *testing.T) {
	tests := []struct {
		name string
		r    rune
		want bool
	}{
		{"CJK 中", '中', true},
		{"CJK 国", '国', true},
		{"Latin", 'A', true},
		{"Latin small", 'z', true},
		{"ASCII digit", '7', true},
		{"full-width digit", '１', true},
		{"full-width comma", '，', true},
		{"ideographic full stop", '。', true},
		{"left curly quote", '“', true},
		{"right curly quote", '”', true},
		{"space", ' ', true},
		{"ideographic space", '\u3000', true},
		{"tab", '\t', true},
		{"line feed", '\n', true},
		{"no-break space (in the font)", '\u00A0', true},
		{"CJK ext A 㐀 (in the font)", '\u3400', true},
		{"ext B 𠮷 (not in the font)", '\U00020BB7', false},
		{"ext B 𠀀 (not in the font)", '\U00020000', false},
		{"emoji", '😀', false},
		{"BEL", '\a', false},
		{"NUL", 0, false},
		{"carriage return", '\r', false},
		{"DEL", 0x7F, false},
		{"C1 NEL", 0x85, false},
		{"noncharacter U+FFFF", 0xFFFF, false},
		{"private use U+E000", 0xE000, false},
		{"replacement char", '\uFFFD', false},
		{"negative", -1, false},
		{"beyond Unicode", 0x110000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Printable(tt.r); got != tt.want {
				t.Errorf("Printable(%U) = %v, want %v", tt.r, got, tt.want)
			}
		})
	}
}

func TestBoldHas(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'申', true},
		{'盖', true},
		{'（', true},
		{'A', true},
		{'色', true}, // GB 2312, not in the bureau's form
		{'鑫', true},
		{'〇', true},
		{'堃', false}, // in Regular, not in GB 2312
		{'😀', false},
		{'\a', false},
	}
	for _, tt := range tests {
		if got := BoldHas(tt.r); got != tt.want {
			t.Errorf("BoldHas(%U %q) = %v, want %v", tt.r, tt.r, got, tt.want)
		}
	}
}

func TestMissing(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []rune
	}{
		{"empty", "", nil},
		{"all printable", "工作室 Plan 2024年，“好”\n", nil},
		{"order of first appearance, distinct", "我😀们\a😀𠮷\a", []rune{'😀', '\a', '\U00020BB7'}},
		{"CR and invalid UTF-8", "a\r\nb\xff", []rune{'\r', '\uFFFD'}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Missing(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("Missing(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestEmbeddedFontsParse makes sure both files load in the two parsers the
// renderers use and are TrueType-outline fonts (gopdf cannot embed CFF).
func TestEmbeddedFontsParse(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
	}{{"Regular", Regular}, {"Bold", Bold}} {
		t.Run(tt.name, func(t *testing.T) {
			f, err := sfnt.Parse(tt.data)
			if err != nil {
				t.Fatalf("x/image sfnt: %v", err)
			}
			if f.NumGlyphs() < 100 {
				t.Errorf("only %d glyphs", f.NumGlyphs())
			}
			if _, err := font.ParseTTF(bytes.NewReader(tt.data)); err != nil {
				t.Fatalf("go-text: %v", err)
			}
			ld, err := ot.NewLoader(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			if !ld.HasTable(ot.MustNewTag("glyf")) || ld.HasTable(ot.MustNewTag("CFF ")) {
				t.Error("not a glyf-outline TrueType font")
			}
		})
	}
}

// Bold holds about 8100 characters (GB 2312 and more) in about 2.9 MB; gopdf embeds only the
// glyphs a PDF uses.
func TestBoldIsSmall(t *testing.T) {
	if len(Bold) >= 4<<20 {
		t.Errorf("Bold is %d bytes, want < 4 MiB: re-run subset-bold.sh", len(Bold))
	}
}

// A form's labels may use any common character: both PDF faces print every character of
// GB 2312 and the punctuation forms use (fontstest.Required), Bold in its bold outline.
func TestFacesHaveEveryCommonCharacter(t *testing.T) {
	req := fontstest.Required()
	for _, tt := range []struct {
		name string
		data []byte
		has  func(rune) bool
	}{{"Regular", Regular, Printable}, {"Bold", Bold, BoldHas}} {
		f, err := fontstest.ParseFace(tt.data)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if m := f.Missing(req); m != "" {
			t.Errorf("%s lacks %d characters: %q", tt.name, len([]rune(m)), m)
		}
		var api []rune
		for _, r := range req {
			if !tt.has(r) {
				api = append(api, r)
			}
		}
		if len(api) > 0 {
			t.Errorf("%s: the coverage answers no for %q", tt.name, string(api))
		}
	}
}

// Bold is bold: no hanzi of it has the regular face's outline (a bold face filled up with
// regular glyphs would pass the coverage test and still print labels unevenly). Box drawing,
// shapes and a few symbols (│ ■ ○ ※ ＿) have one design for every weight of Noto Serif
// CJK, so only the hanzi are compared.
func TestBoldIsRealBold(t *testing.T) {
	reg, err := fontstest.ParseFace(Regular)
	if err != nil {
		t.Fatal(err)
	}
	bold, err := fontstest.ParseFace(Bold)
	if err != nil {
		t.Fatal(err)
	}
	var same []rune
	for _, r := range fontstest.Required() {
		if fontstest.IsHanzi(r) && bold.SameOutline(reg, r) {
			same = append(same, r)
		}
	}
	if len(same) > 0 {
		t.Errorf("Bold draws %d characters with the regular outline: %q", len(same), string(same))
	}
}

// Bold comes from Noto Serif CJK SC Bold 2.001, the labels were laid out with Noto Serif SC
// Bold 2.003: every character the old face had keeps its advance width, so no label of an
// existing draft moves; and hanzi and full-width forms are 1 em wide in both weights, as the
// layout's 1-em cells expect.
func TestBoldAdvancesUnchanged(t *testing.T) {
	old, err := fontstest.BoldAdvances()
	if err != nil {
		t.Fatal(err)
	}
	reg, err := fontstest.ParseFace(Regular)
	if err != nil {
		t.Fatal(err)
	}
	bold, err := fontstest.ParseFace(Bold)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for r, want := range old {
		if !bold.Has(r) {
			continue // a character of the window's bold only
		}
		checked++
		if got := bold.Advance(r); got != want {
			t.Errorf("%q (%U): advance %d, was %d", r, r, got, want)
		}
	}
	if checked < 578 {
		t.Errorf("only %d of the old bold characters checked", checked)
	}
	for _, r := range fontstest.Required() {
		if fontstest.IsHanzi(r) || r >= 0xFF01 && r <= 0xFF5E {
			if b, g := bold.Advance(r), reg.Advance(r); b != 1000 || g != 1000 {
				t.Errorf("%q (%U): advance %d in bold, %d in regular; want 1000", r, r, b, g)
			}
		}
	}
}

// TestBoldCharsInBold guards the subset against a stale bold-chars.txt:
// every listed character must be in Bold (and in Regular, which it came from).
func TestBoldCharsInBold(t *testing.T) {
	data, err := os.ReadFile("bold-chars.txt")
	if err != nil {
		t.Fatal(err)
	}
	chars := strings.NewReplacer("\n", "", "\r", "").Replace(string(data))
	if len([]rune(chars)) < 100 {
		t.Fatalf("bold-chars.txt holds only %d characters", len([]rune(chars)))
	}
	for _, r := range chars {
		if !BoldHas(r) {
			t.Errorf("%q (%U) listed in bold-chars.txt but missing from Bold: re-run fonts/subset-bold.sh", r, r)
		}
		if !Printable(r) {
			t.Errorf("%q (%U) not printable in Regular", r, r)
		}
	}
}

// TestCoverageMatchesSfnt checks the bitset against an independent cmap
// reader (x/image/font/sfnt) on a spread of runes over planes 0–2.
func TestCoverageMatchesSfnt(t *testing.T) {
	cov, err := loadCoverage(Regular)
	if err != nil {
		t.Fatal(err)
	}
	f, err := sfnt.Parse(Regular)
	if err != nil {
		t.Fatal(err)
	}
	var buf sfnt.Buffer
	checked := 0
	for r := rune(0x20); r < 0x30000; r += 7 {
		if r >= 0x7F && r <= 0x9F || r == '\u3000' {
			continue // handled by rule, not by the cmap
		}
		gi, err := f.GlyphIndex(&buf, r)
		if err != nil {
			t.Fatal(err)
		}
		if want := gi != 0; cov.printable(r) != want {
			t.Errorf("%U: coverage %v, sfnt glyph %d", r, !want, gi)
		}
		checked++
	}
	t.Logf("%d runes cross-checked", checked)
}

func TestCoverageCount(t *testing.T) {
	cov, err := loadCoverage(Regular)
	if err != nil {
		t.Fatal(err)
	}
	n := len(cov.astral)
	for _, w := range cov.bmp {
		n += bits.OnesCount64(w)
	}
	t.Logf("Regular maps %d characters (%d outside the BMP), %d bytes", n, len(cov.astral), len(Regular))
	if n < 20000 {
		t.Errorf("Regular maps only %d characters", n)
	}
}

func TestLoadCoverageRejectsNonFont(t *testing.T) {
	if _, err := loadCoverage([]byte("this is not a font file")); err == nil {
		t.Error("want an error for a non-font")
	}
}

// sampleText is about 3000 runes of mixed Chinese, Latin, digits and
// punctuation, the size of a full 规划.
var sampleText = strings.Repeat("工作室未来三年发展规划：指导思想，工作目标。Plan 2024–2027 “名班主任”\n", 75)

func BenchmarkPrintable(b *testing.B) {
	Printable('中') // build the table outside the timing
	runes := []rune(sampleText)
	b.ResetTimer()
	for b.Loop() {
		for _, r := range runes {
			if !Printable(r) {
				b.Fatalf("%q not printable", r)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(runes)), "ns/rune")
}

func BenchmarkMissing(b *testing.B) {
	Printable('中')
	for b.Loop() {
		if m := Missing(sampleText); m != nil {
			b.Fatal(m)
		}
	}
}

// BenchmarkLoadCoverage is the one-time cost of the first Printable call.
func BenchmarkLoadCoverage(b *testing.B) {
	for b.Loop() {
		if _, err := loadCoverage(Regular); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLatinFaces: every rune Latin reports has a glyph in both Liberation Serif faces (the PDF
// would drop it otherwise) and is Printable (the checks accept it), and the rule keeps CJK,
// full-width forms and the characters 宋体 sets under the eastAsia hint out of it.
func TestLatinFaces(t *testing.T) {
	for _, tt := range []struct {
		name string
		data []byte
	}{{"LiberationSerif-Regular", LatinRegular}, {"LiberationSerif-Bold", LatinBold}} {
		c, err := loadCoverage(tt.data)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		for r := rune(0); r < 0x3000; r++ {
			if Latin(r) && (!c.printable(r) || !Printable(r)) {
				t.Errorf("%s: Latin rune %U has no glyph or is not Printable", tt.name, r)
			}
		}
	}
	for _, tt := range []struct {
		r    rune
		want bool
	}{{'7', true}, {'A', true}, {'(', true}, {' ', true}, {'~', true},
		{'中', false}, {'１', false}, {'，', false}, {'“', false}, {'·', false}, {'é', false},
		{'\u3000', false}, {'\n', false}, {0x7F, false}} {
		if got := Latin(tt.r); got != tt.want {
			t.Errorf("Latin(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}
