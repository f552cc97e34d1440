// Package fontstest lists, for tests, the characters every embedded Chinese face must have
// (the PDF's regular and bold in fonts, the window's regular and bold in app/uifont): a
// form's labels and a user's text may use any common character, and a face lacking one
// prints nothing or a box.
//
// The list is decoded here with Go's x/text, independently of fonts/charset.py, which the
// scripts cut the faces down with: a disagreement fails the tests.
package fontstest

import (
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Punctuation is what forms write besides the characters of GB 2312 (most of which GB 2312
// has too: 、。，；：？！“”‘’（）《》【】〔〕—…·□■○●√×℃№): the full-width forms, CJK and
// general punctuation, and the symbols of lists, checklists and units.
var Punctuation = runes(
	span(0xFF01, 0xFF5E), // full-width ！ to ～
	span(0xFFE0, 0xFFE6), // ￠ ￡ ￢ ￣ ￤ ￥ ￦
	"　、。〃々〇〈〉《》「」『』【】〓〔〕〖〗〜〝〞〟",
	"‐–—―‖‘’“”‥…‰′″※⸺⸻·・﹏",
	"§°±×÷€℃℉№℡√←↑→↓□■▲△◆◇○◎●★☆✓",
	span(0x2160, 0x216B), // Ⅰ to Ⅻ
	span(0x2170, 0x2179), // ⅰ to ⅹ
	span(0x2460, 0x249B), // ① to ⑳, ⑴ to ⒇, ⒈ to ⒛
	span(0x3220, 0x3229), // ㈠ to ㈩
)

// GB2312 is every character of GB 2312 (6763 hanzi in rows 16–87, 682 symbols in rows 1–9),
// decoded with x/text's GBK, a superset: the cells GBK added to rows 1–9 are skipped, as are
// those it maps into the private use area. Cells A1A4 and A1AA decode in GBK as · (U+00B7)
// and — (U+2014), in GB 2312's own table (and Python's codec) as ・ (U+30FB) and ―
// (U+2015): both forms are listed, 7447 runes for 7445 cells.
func GB2312() []rune {
	dec := simplifiedchinese.GBK.NewDecoder()
	out := []rune{'\u30FB', '\u2015'}
	for b1 := 0xA1; b1 <= 0xF7; b1++ {
		if b1 >= 0xAA && b1 <= 0xAF {
			continue // rows 10–15 are empty
		}
		for b2 := 0xA1; b2 <= 0xFE; b2++ {
			if gbkOnly(b1<<8 | b2) {
				continue
			}
			b, err := dec.Bytes([]byte{byte(b1), byte(b2)})
			if err != nil {
				continue
			}
			r, n := utf8.DecodeRune(b)
			if n != len(b) || r == utf8.RuneError || r >= 0xE000 && r <= 0xF8FF {
				continue
			}
			out = append(out, r)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// gbkOnly: the cells of rows 1–9 that GBK filled and GB 2312 left empty.
func gbkOnly(code int) bool {
	switch {
	case code >= 0xA2A1 && code <= 0xA2AA: // ⅰ to ⅹ
	case code == 0xA2E3: // €
	case code >= 0xA6E0 && code <= 0xA6F5: // vertical presentation forms
	case code >= 0xA8BB && code <= 0xA8C0: // six more pinyin letters
	default:
		return false
	}
	return true
}

// Required is GB2312 and Punctuation, sorted, without repeats.
func Required() []rune {
	out := append(GB2312(), Punctuation...)
	slices.Sort(out)
	return slices.Compact(out)
}

// IsHanzi reports whether r is a CJK unified ideograph of the basic block.
func IsHanzi(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

//go:embed bold-advances.txt
var boldAdvances string

// BoldAdvances are the advance widths, in units of 1/1000 em, that the characters which were
// bold before the bold faces were rebuilt from Noto Serif CJK had in the old Noto Serif SC
// Bold (bold-advances.txt): the layout of labels and bold text depends on them.
func BoldAdvances() (map[rune]int, error) {
	out := map[rune]int{}
	for i, line := range strings.Split(boldAdvances, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 2 || !strings.HasPrefix(f[0], "U+") {
			return nil, fmt.Errorf("bold-advances.txt:%d: %q", i+1, line)
		}
		cp, err1 := strconv.ParseUint(f[0][2:], 16, 32)
		adv, err2 := strconv.Atoi(f[1])
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bold-advances.txt:%d: %q", i+1, line)
		}
		out[rune(cp)] = adv
	}
	return out, nil
}

// Face answers, for a test, what a font maps a character to: whether it has a glyph, the
// glyph's advance (units of 1/1000 em, the fonts' units per em) and its outline.
type Face struct {
	f   *sfnt.Font
	buf sfnt.Buffer
}

// ParseFace parses an embedded font.
func ParseFace(data []byte) (*Face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	if upm := f.UnitsPerEm(); upm != 1000 {
		return nil, fmt.Errorf("%d units per em, want 1000", upm)
	}
	return &Face{f: f}, nil
}

// Has reports whether r maps to a glyph other than .notdef.
func (f *Face) Has(r rune) bool {
	gi, err := f.f.GlyphIndex(&f.buf, r)
	return err == nil && gi != 0
}

// Advance is r's advance width in font units; 0 for a character the face lacks.
func (f *Face) Advance(r rune) int {
	gi, err := f.f.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return 0
	}
	adv, err := f.f.GlyphAdvance(&f.buf, gi, fixed.I(1000), font.HintingNone)
	if err != nil {
		return 0
	}
	return adv.Round()
}

// SameOutline reports whether r has a glyph in both faces and the two outlines are equal.
func (f *Face) SameOutline(g *Face, r rune) bool {
	a := f.outline(r)
	return a != nil && slices.Equal(a, g.outline(r))
}

// outline is a copy of r's glyph outline in font units; nil for a character the face lacks.
func (f *Face) outline(r rune) []sfnt.Segment {
	gi, err := f.f.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return nil
	}
	segs, err := f.f.LoadGlyph(&f.buf, gi, fixed.I(1000), nil)
	if err != nil {
		return nil
	}
	return slices.Clone(segs)
}

// Missing lists, as a string, the runes of rs the face lacks.
func (f *Face) Missing(rs []rune) string {
	var out []rune
	for _, r := range rs {
		if !f.Has(r) {
			out = append(out, r)
		}
	}
	return string(out)
}

func span(lo, hi rune) string {
	var s []rune
	for r := lo; r <= hi; r++ {
		s = append(s, r)
	}
	return string(s)
}

func runes(parts ...string) []rune {
	var out []rune
	for _, p := range parts {
		out = append(out, []rune(p)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
