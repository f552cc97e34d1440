package editor

import (
	"sync"

	"fyne.io/fyne/v2"
)

// runeWidths is a text.Measurer giving the advance of a rune as Fyne draws it in the app's
// theme font at one size. fyne.MeasureText shapes a string each call (tens of microseconds),
// far too slow to call per rune per keystroke, so every rune is measured once and remembered.
//
// Lines are drawn as whole strings, so a Latin pair with kerning may come out a fraction of a
// pixel narrower than the sum of its runes; CJK text has no kerning.
type runeWidths struct {
	mu   sync.RWMutex
	size float64
	w    map[rune]float64
}

func (m *runeWidths) Advance(r rune, size float64) float64 {
	if size != m.size { // not the size this cache is for: measure, do not remember
		return float64(fyne.MeasureText(string(r), float32(size), fyne.TextStyle{}).Width)
	}
	m.mu.RLock()
	a, ok := m.w[r]
	m.mu.RUnlock()
	if ok {
		return a
	}
	a = float64(fyne.MeasureText(string(r), float32(size), fyne.TextStyle{}).Width)
	m.mu.Lock()
	m.w[r] = a
	m.mu.Unlock()
	return a
}

// width sums the advances of the runes of s.
func (m *runeWidths) width(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += m.Advance(r, m.size)
	}
	return w
}

type widthsKey struct {
	font string
	size float32
}

var (
	widthsMu  sync.Mutex
	widthsFor = map[widthsKey]*runeWidths{}
)

// measurer returns the shared cache for the app theme's regular font at size: both long-text
// editors of the app measure each rune once.
func measurer(size float32) *runeWidths {
	font := ""
	if a := fyne.CurrentApp(); a != nil {
		if f := a.Settings().Theme().Font(fyne.TextStyle{}); f != nil {
			font = f.Name()
		}
	}
	k := widthsKey{font, size}
	widthsMu.Lock()
	defer widthsMu.Unlock()
	m := widthsFor[k]
	if m == nil {
		m = &runeWidths{size: float64(size), w: make(map[rune]float64, 1024)}
		widthsFor[k] = m
	}
	return m
}
