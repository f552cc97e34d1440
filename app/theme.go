package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/fonts"
)

// Fyne's bundled fonts have no Chinese, so the app brings the embedded Noto Serif SC. The
// bold file is a subset holding only the form's fixed labels: bold text elsewhere (Fyne bolds
// dialog titles) would lose characters, so the app theme draws every style with the regular
// face and only headings known to fit the subset are set bold (see heading).
var (
	regularFont = fyne.NewStaticResource("NotoSerifSC-Regular.ttf", fonts.Regular)
	boldFont    = fyne.NewStaticResource("NotoSerifSC-Bold-subset.ttf", fonts.Bold)
)

// appTheme is Fyne's default look with the Chinese font and slightly larger text, which
// Chinese needs at the default 14 px to stay readable on a 1366×768 laptop.
type appTheme struct{ fyne.Theme }

func newTheme() fyne.Theme { return appTheme{theme.DefaultTheme()} }

func (appTheme) Font(fyne.TextStyle) fyne.Resource { return regularFont }

func (t appTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case theme.SizeNameText:
		return 15
	case theme.SizeNameHeadingText:
		return 21
	case theme.SizeNameSubHeadingText:
		return 17
	}
	return t.Theme.Size(n)
}

// Light variant only: the printed form is black on white and so is the preview; a dark
// window around a white page looks like two programs.
func (t appTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

// noteTheme draws LowImportance text in a grey that is still easy to read (Fyne's is the
// colour of disabled buttons, too faint for a line of help).
type noteTheme struct{ fyne.Theme }

func (t noteTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameDisabled {
		return color.NRGBA{0x66, 0x66, 0x66, 0xff}
	}
	return t.Theme.Color(n, v)
}

// note is a wrapped line of help in grey.
func note(text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.LowImportance
	return container.NewThemeOverride(l, noteTheme{newTheme()})
}

// boldTheme sets bold text in the bold subset, for headings that fit it.
type boldTheme struct{ fyne.Theme }

func (t boldTheme) Font(s fyne.TextStyle) fyne.Resource {
	if s.Bold {
		return boldFont
	}
	return t.Theme.Font(s)
}

// heading is a bold title when the bold subset holds all its characters, else a regular one:
// never a box where a character should be.
func heading(text string, size fyne.ThemeSizeName) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.SizeName = size
	l.Wrapping = fyne.TextWrapWord
	if !boldFits(text) {
		return l
	}
	l.TextStyle.Bold = true
	return container.NewThemeOverride(l, boldTheme{newTheme()})
}

func boldFits(s string) bool {
	for _, r := range s {
		if r != '\n' && !fonts.BoldHas(r) {
			return false
		}
	}
	return true
}
