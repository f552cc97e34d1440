package render

import (
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"shenbao/fonts"
	"shenbao/render/text"
)

// Font is one of the two weights of the embedded faces. Within a weight, the runes fonts.Latin
// reports are set in Liberation Serif and all others in Noto Serif SC (the Word rule for the
// .docx's Times New Roman and 宋体); Measurer, the PDF writer and the rasteriser all follow it.
type Font int

const (
	Regular Font = iota // every typed value and long text
	Bold                // the title and the form's labels (a subset: fixed text only)
)

// Measurer gives the advance width in points of a rune in one of the two weights at a size. The
// layout measures everything through it, so the PDF and the preview place runes identically.
// It must be safe for concurrent use.
type Measurer interface {
	Advance(f Font, r rune, size float64) float64
}

// face is one font, parsed lazily, with a per-rune cache of advances in font units.
type face struct {
	mu    sync.RWMutex
	fnt   *sfnt.Font
	buf   sfnt.Buffer
	upm   float64
	units map[rune]float64 // advance in ems
}

func newFace(data []byte, name string) *face {
	f, err := sfnt.Parse(data)
	if err != nil {
		// The fonts are embedded at build time: an unreadable one is a broken build.
		panic(fmt.Sprintf("render: embedded font %s unreadable: %v", name, err))
	}
	return &face{fnt: f, upm: float64(f.UnitsPerEm()), units: make(map[rune]float64, 4096)}
}

// em returns the advance of r in ems; a rune the font lacks gets the advance of .notdef,
// which is what a PDF viewer would draw (the layout replaces such runes before measuring).
func (f *face) em(r rune) float64 {
	f.mu.RLock()
	a, ok := f.units[r]
	f.mu.RUnlock()
	if ok {
		return a
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if a, ok := f.units[r]; ok {
		return a
	}
	gi, err := f.fnt.GlyphIndex(&f.buf, r)
	if err != nil {
		gi = 0
	}
	adv, err := f.fnt.GlyphAdvance(&f.buf, gi, fixed.I(int(f.upm)), font.HintingNone)
	if err != nil {
		adv = 0
	}
	a = float64(adv) / 64 / f.upm
	f.units[r] = a
	return a
}

// fontMeasurer is the Measurer backed by the embedded Noto Serif SC and Liberation Serif.
type fontMeasurer struct {
	once                    sync.Once
	regular, bold           *face
	latinRegular, latinBold *face
}

var embedded fontMeasurer

// FontMeasurer returns the Measurer of the embedded fonts. The fonts are parsed on first use
// (a few milliseconds); advances are cached per rune.
func FontMeasurer() Measurer { return &embedded }

func (m *fontMeasurer) load() {
	m.once.Do(func() {
		m.regular = newFace(fonts.Regular, "NotoSerifSC-Regular.ttf")
		m.bold = newFace(fonts.Bold, "NotoSerifSC-Bold-subset.ttf")
		m.latinRegular = newFace(fonts.LatinRegular, "LiberationSerif-Regular.ttf")
		m.latinBold = newFace(fonts.LatinBold, "LiberationSerif-Bold.ttf")
	})
}

func (m *fontMeasurer) Advance(f Font, r rune, size float64) float64 {
	m.load()
	switch {
	case fonts.Latin(r) && f == Bold:
		return m.latinBold.em(r) * size
	case fonts.Latin(r):
		return m.latinRegular.em(r) * size
	case f == Bold:
		return m.bold.em(r) * size
	}
	return m.regular.em(r) * size
}

// faceMeasurer adapts a Measurer to the line breaker's one-face interface.
type faceMeasurer struct {
	m Measurer
	f Font
}

func (fm faceMeasurer) Advance(r rune, size float64) float64 { return fm.m.Advance(fm.f, r, size) }

// textMeasurer returns the line breaker's Measurer for one face.
func textMeasurer(m Measurer, f Font) text.Measurer { return faceMeasurer{m, f} }

// inkBox is the ink of rune r of the regular face at size: its left edge from the origin and
// its top above the baseline, its width and height, in points (the □ a tick goes in).
func inkBox(r rune, size float64) (dx, top, w, h float64) {
	m := &embedded
	m.load()
	f := m.regular
	f.mu.Lock()
	defer f.mu.Unlock()
	gi, err := f.fnt.GlyphIndex(&f.buf, r)
	if err != nil || gi == 0 {
		return 0, size * 0.8, size, size * 0.8
	}
	b, _, err := f.fnt.GlyphBounds(&f.buf, gi, fixed.I(int(f.upm)), font.HintingNone)
	if err != nil {
		return 0, size * 0.8, size, size * 0.8
	}
	em := func(v fixed.Int26_6) float64 { return float64(v) / 64 / f.upm * size }
	// GlyphBounds has y growing downwards: Min.Y is the top (negative above the baseline).
	return em(b.Min.X), -em(b.Min.Y), em(b.Max.X - b.Min.X), em(b.Max.Y - b.Min.Y)
}
