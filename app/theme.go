package app

import (
	_ "embed"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/image/font/sfnt"

	"shenbao/fonts"
)

// Fyne's bundled fonts have no Chinese, so the app brings the embedded Noto Serif SC. Every
// text style gets a face holding every character of the UI font: Fyne tries the theme's face
// first and borrows a character it lacks from the system's fonts (fyne internal/painter
// font.go), which differ from PC to PC and on a Windows without Chinese fonts are boxes.
var (
	regularFont = fyne.NewStaticResource("NotoSerifSC-Regular.ttf", fonts.Regular)
	uiFont      = fyne.NewStaticResource("NotoSerifSC-UI.ttf", uiFontData)
	uiBoldFont  = fyne.NewStaticResource("NotoSerifSC-UI-Bold.ttf", uiBoldFontData)
)

// uiFontData is the regular face cut down to what a window usually shows (see
// uifont/README.md): Fyne parses its fonts whole, 8 MB for this one, 50–85 MB for the full.
//
//go:embed uifont/NotoSerifSC-UI.ttf
var uiFontData []byte

// uiBoldFontData is the UI font with the bold outline of Noto Serif CJK SC Bold for every
// character (buttons, form labels, titles, and any GB 2312 character a label may use), so
// bold text never needs a system font (uifont/make.sh).
//
//go:embed uifont/NotoSerifSC-UI-Bold.ttf
var uiBoldFontData []byte

// appTheme is Fyne's default look with the Chinese font and slightly larger text, which
// Chinese needs at the default 14 px to stay readable on a 1366×768 laptop. full: draw with
// the whole regular face, because the draft holds a character the UI font lacks.
type appTheme struct {
	fyne.Theme
	full bool
}

func newTheme() fyne.Theme { return appTheme{Theme: theme.DefaultTheme()} }

// Font is the UI face (or the whole regular one) for regular, italic, monospace and symbol
// text, and the UI bold face for bold. Fyne parses a font once per text style, so bold does
// not switch to a whole face: bold text is limited to the UI font's characters (headings
// check boldFits; what a user typed is shown in regular text).
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Bold:
		return uiBoldFont
	case t.full:
		return regularFont
	}
	return uiFont
}

func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 15
	case theme.SizeNameHeadingText:
		return 21
	case theme.SizeNameSubHeadingText:
		return 17
	case sizeMessage:
		return 13
	}
	return t.Theme.Size(n)
}

// Light variant only: the printed form is black on white and so is the preview; a dark
// window around a white page looks like two programs.
func (t appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if n == colorNote {
		return color.NRGBA{0x66, 0x66, 0x66, 0xff}
	}
	return t.Theme.Color(n, theme.VariantLight)
}

// sizeMessage is the text of the findings under fields and table rows: a size smaller than
// what the user types, so the line kept for it costs little height.
const sizeMessage fyne.ThemeSizeName = "shenbao-message"

// colorNote is the grey of help lines: Fyne's LowImportance grey is the colour of disabled
// buttons, too faint to read. (A theme override per label would do too, but Fyne parses
// the fonts again for every override: 50 MB each.)
const colorNote fyne.ThemeColorName = "shenbao-note"

// note is a wrapped line of help in grey.
func note(s string) fyne.CanvasObject {
	t := newZHText(s)
	t.setColor(colorNote)
	return t
}

// heading is a bold title when the bold face holds all its characters, else a regular one
// (which may be the whole font): never a box where a character should be.
func heading(text string, size fyne.ThemeSizeName) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.SizeName = size
	l.Wrapping = fyne.TextWrapBreak // a heading is a line or two: breaking anywhere is fine
	l.TextStyle.Bold = boldFits(text)
	return l
}

func boldFits(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !uiHas(r) {
			return false
		}
	}
	return true
}

// uiCoverage answers whether the UI font has a character, from its cmap (parsed lazily).
var uiCoverage struct {
	once sync.Once
	font *sfnt.Font
	buf  sfnt.Buffer
	seen map[rune]bool
}

func uiHas(r rune) bool {
	c := &uiCoverage
	c.once.Do(func() {
		c.font, _ = sfnt.Parse(uiFontData)
		c.seen = map[rune]bool{}
	})
	if has, ok := c.seen[r]; ok {
		return has
	}
	has := false
	if c.font != nil {
		gi, err := c.font.GlyphIndex(&c.buf, r)
		has = err == nil && gi != 0
	}
	c.seen[r] = has
	return has
}

// needsFullFont reports whether s has a character the UI font lacks but the full one has.
func needsFullFont(s string) bool {
	for _, r := range s {
		if r >= 0x80 && !uiHas(r) && fonts.Printable(r) {
			return true
		}
	}
	return false
}

// useFullFont switches the window to the whole regular face, once, when the draft needs it.
func (u *UI) useFullFont() {
	if t, ok := u.app.Settings().Theme().(appTheme); ok && !t.full {
		t.full = true
		fyneMeasurer.forgetWidths()
		u.app.Settings().SetTheme(t)
	}
}

// fontFor checks text the user typed or opened, and switches fonts when it must.
func (u *UI) fontFor(s string) {
	if needsFullFont(s) {
		u.useFullFont()
	}
}
