package platform

import "testing"

func TestPlace(t *testing.T) {
	laptop := Rect{0, 0, 1366, 728}                 // 1366×768 without a 40-pixel taskbar
	right := Rect{1366, 0, 1920, 1040}              // a second monitor to its right
	small := Rect{0, 0, 1024, 560}                  // a netbook
	want := Rect{W: 1300*5/4 + 16, H: 700*5/4 + 39} // 1300×700 units at 125 % plus the frame
	for _, c := range []struct {
		name     string
		saved    Rect
		savedMax bool
		areas    []Rect
		want     Rect
		got      Rect
		max      bool
	}{
		{"first start, fits: centred", Rect{}, false, []Rect{right}, Rect{W: 1200, H: 800}, Rect{1366 + 360, 120, 1200, 800}, false},
		{"first start at 125 % on 1366×768: fills the work area, maximised", Rect{}, false, []Rect{laptop}, want, laptop, true},
		{"first start on a netbook", Rect{}, false, []Rect{small}, Rect{W: 1316, H: 739}, small, true},
		{"remembered and on screen: kept", Rect{100, 50, 900, 600}, false, []Rect{laptop}, want, Rect{100, 50, 900, 600}, false},
		{"remembered maximised: maximised again", Rect{100, 50, 900, 600}, true, []Rect{laptop}, want, Rect{100, 50, 900, 600}, true},
		{"half off the bottom right: moved inside", Rect{1000, 500, 900, 600}, false, []Rect{laptop}, want, Rect{466, 128, 900, 600}, false},
		{"on the second monitor: stays there", Rect{1500, 100, 1000, 700}, false, []Rect{laptop, right}, want, Rect{1500, 100, 1000, 700}, false},
		{"second monitor unplugged: back on the primary", Rect{1500, 100, 1000, 700}, false, []Rect{laptop}, Rect{W: 1000, H: 700}, Rect{183, 14, 1000, 700}, false},
		{"monitor gone: its size kept, centred on the primary", Rect{1500, 100, 1000, 600}, false, []Rect{laptop}, want, Rect{183, 64, 1000, 600}, false},
		{"monitor gone, was maximised: maximised on the primary", Rect{1500, 100, 1000, 600}, true, []Rect{laptop}, want, laptop, true},
		{"title bar above the screen: back on the primary", Rect{100, -400, 900, 600}, false, []Rect{laptop}, Rect{W: 900, H: 600}, Rect{233, 64, 900, 600}, false},
		{"remembered from a bigger screen: shrunk to the work area", Rect{0, 0, 1900, 1000}, false, []Rect{laptop}, want, laptop, true},
		{"no monitor known: the wanted size", Rect{}, false, nil, Rect{W: 800, H: 600}, Rect{0, 0, 800, 600}, false},
	} {
		got, max := Place(c.saved, c.savedMax, c.areas, c.want)
		if got != c.got || max != c.max {
			t.Errorf("%s: got %+v max=%v, want %+v max=%v", c.name, got, max, c.got, c.max)
		}
		if len(c.areas) > 0 && !OnScreen(got, c.areas) {
			t.Errorf("%s: %+v is off screen", c.name, got)
		}
	}
}

func TestOnScreen(t *testing.T) {
	areas := []Rect{{0, 0, 1366, 728}}
	if OnScreen(Rect{1400, 10, 800, 600}, areas) || OnScreen(Rect{10, 740, 800, 600}, areas) {
		t.Error("a window right of or below the screen counted as on it")
	}
	if !OnScreen(Rect{-700, 10, 800, 600}, areas) {
		t.Error("a window with 100 pixels of title bar on the screen counted as off it")
	}
}
