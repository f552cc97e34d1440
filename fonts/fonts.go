// Package fonts embeds Noto Serif SC and Liberation Serif (both SIL OFL 1.1,
// see OFL.txt, OFL-Liberation.txt and README.md) and answers which characters
// they can print and which face sets a character.
//
// Regular is the whole regular weight: every text the user types is set in
// it, so its character map decides what the checks accept. Bold is a subset
// of Noto Serif CJK SC Bold holding all of GB 2312, the punctuation and
// symbols forms use and the form's fixed text (bold-chars.txt), so a label
// may use any common character and still print bold.
//
// LatinRegular and LatinBold are Liberation Serif, metric-compatible with
// Times New Roman, the face the .docx names for Latin text: the runes Latin
// reports are set in them, so digits and Latin letters are as wide in the PDF
// as in Word. Every Latin rune is also in Regular, so Printable is unchanged.
package fonts

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// Regular is NotoSerifSC-Regular.ttf (TrueType outlines), unmodified.
//
//go:embed NotoSerifSC-Regular.ttf
var Regular []byte

// Bold is NotoSerifSC-Bold-subset.ttf, made by subset-bold.sh from Debian's
// fonts-noto-cjk (about 8100 characters, 2.9 MB; a PDF embeds only the glyphs
// it uses).
//
//go:embed NotoSerifSC-Bold-subset.ttf
var Bold []byte

// LatinRegular is LiberationSerif-Regular.ttf (fonts-liberation2 2.1.5), unmodified.
//
//go:embed LiberationSerif-Regular.ttf
var LatinRegular []byte

// LatinBold is LiberationSerif-Bold.ttf (fonts-liberation2 2.1.5), unmodified.
//
//go:embed LiberationSerif-Bold.ttf
var LatinBold []byte

// Latin reports whether r is set in the Latin face (Liberation Serif) rather
// than in Noto Serif SC: the printable ASCII characters, space included. This
// is Word's rule for the .docx's fonts (w:rFonts ascii = Times New Roman):
// ASCII always takes the ascii font, whatever the East Asian hint. Everything
// else — CJK, full-width forms, and the characters both scripts share (“ ” ·
// ——, Latin-1 letters), which the document's eastAsia hint gives to 宋体 —
// stays in Noto Serif SC. The measurer, the PDF writer and the rasteriser all
// ask this one function, so measuring and drawing agree.
func Latin(r rune) bool { return r >= 0x20 && r <= 0x7E }

var (
	regularOnce, boldOnce sync.Once
	regularCov, boldCov   *coverage
)

// Printable reports whether the embedded regular font can print r: its cmap
// maps r to a real (non-.notdef) glyph, or r is a white space the layout
// handles itself (space, U+3000, tab, line feed). Control characters
// (C0, DEL, C1) are never printable, CR included: callers normalise line
// ends before checking.
//
// The first call parses the font's cmap (a few milliseconds); later calls
// are a bit test.
func Printable(r rune) bool {
	regularOnce.Do(func() { regularCov = mustCoverage(Regular, "NotoSerifSC-Regular.ttf") })
	return regularCov.printable(r)
}

// BoldHas is Printable for the bold subset: true when a bold label may use r
// (every character of GB 2312 may; a rarer one sets its label regular).
func BoldHas(r rune) bool {
	boldOnce.Do(func() { boldCov = mustCoverage(Bold, "NotoSerifSC-Bold-subset.ttf") })
	return boldCov.printable(r)
}

// Missing returns the distinct runes of s that are not Printable, in order
// of first appearance; nil when every rune is printable.
func Missing(s string) []rune {
	var out []rune
	for _, r := range s {
		if !Printable(r) && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// coverage is the set of runes a font maps to a glyph: a bitset over the
// BMP (8 KiB, one load and a mask per lookup) and a sorted slice for the few
// hundred supplementary-plane runes, searched only for runes above U+FFFF.
type coverage struct {
	bmp    [0x10000 / 64]uint64
	astral []rune
}

func (c *coverage) printable(r rune) bool {
	switch {
	case r == ' ' || r == '\t' || r == '\n' || r == '\u3000':
		return true
	case r < 0x20 || (r >= 0x7F && r <= 0x9F):
		return false
	case r >= 0 && r < 0x10000:
		return c.bmp[r>>6]&(1<<(r&63)) != 0
	default:
		_, ok := slices.BinarySearch(c.astral, r)
		return ok
	}
}

// mustCoverage panics: the fonts are embedded at build time, so an
// unreadable one is a broken build (caught by the tests), not a user error.
func mustCoverage(data []byte, name string) *coverage {
	c, err := loadCoverage(data)
	if err != nil {
		panic(fmt.Sprintf("fonts: embedded %s unreadable: %v", name, err))
	}
	return c
}

// loadCoverage reads only the cmap table (not the whole font) and records
// every rune mapped to a glyph other than 0 (.notdef).
func loadCoverage(data []byte) (*coverage, error) {
	ld, err := ot.NewLoader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	raw, err := ld.RawTable(ot.MustNewTag("cmap"))
	if err != nil {
		return nil, err
	}
	tb, _, err := tables.ParseCmap(raw)
	if err != nil {
		return nil, err
	}
	// FPNone: these are Unicode fonts, no legacy symbol remapping applies.
	cmap, _, err := font.ProcessCmap(tb, tables.FPNone)
	if err != nil {
		return nil, err
	}
	c := new(coverage)
	for it := cmap.Iter(); it.Next(); {
		r, gid := it.Char()
		switch {
		case gid == 0 || r < 0 || r > 0x10FFFF:
		case r < 0x10000:
			c.bmp[r>>6] |= 1 << (r & 63)
		default:
			c.astral = append(c.astral, r)
		}
	}
	slices.Sort(c.astral)
	c.astral = slices.Compact(c.astral)
	return c, nil
}
