package platform

// Rect is a rectangle of screen pixels: a window's outer frame or a monitor's work area (the
// screen without the taskbar).
type Rect struct{ X, Y, W, H int }

// Empty reports whether r has no area.
func (r Rect) Empty() bool { return r.W <= 0 || r.H <= 0 }

// overlap is the area r and o share.
func (r Rect) overlap(o Rect) int {
	w := min(r.X+r.W, o.X+o.W) - max(r.X, o.X)
	h := min(r.Y+r.H, o.Y+o.H) - max(r.Y, o.Y)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// titleBar is how much of a window's top must be on a screen for the user to grab it: a
// window whose title bar is off every screen is lost for someone who does not know Alt+Space.
const titleBar = 32

// Place decides where the window opens. saved is where it was last closed (empty the first
// time), areas the work areas of the monitors now connected (the primary first), want the
// outer size the window would like. A saved frame whose title bar is still on a monitor is
// kept, moved and shrunk as needed to lie wholly on that monitor's work area; when the monitor
// it was on is gone, it keeps its size, centred on the primary work area; the first time, the
// wanted size is centred there. When the size does not fit the work area, the window fills it, and maximize says to
// maximise it there (a small laptop screen at 125 or 150 % scaling).
func Place(saved Rect, savedMaximized bool, areas []Rect, want Rect) (r Rect, maximize bool) {
	if len(areas) == 0 {
		return Rect{W: want.W, H: want.H}, false
	}
	area := areas[0]
	if !saved.Empty() {
		top := Rect{saved.X, saved.Y, saved.W, min(saved.H, titleBar)}
		best := 0
		for _, a := range areas {
			if o := top.overlap(a); o > best {
				best, area = o, a
			}
		}
		if best > 0 {
			return clampInto(saved, area), savedMaximized || saved.W > area.W || saved.H > area.H
		}
		// Its monitor is gone: the size the user chose, on the primary monitor.
		area, want = areas[0], Rect{W: saved.W, H: saved.H}
		if savedMaximized {
			return area, true
		}
	}
	if want.W > area.W || want.H > area.H {
		return area, true
	}
	return Rect{area.X + (area.W-want.W)/2, area.Y + (area.H-want.H)/2, want.W, want.H}, false
}

// OnScreen reports whether the window's title bar is on one of the work areas.
func OnScreen(r Rect, areas []Rect) bool {
	top := Rect{r.X, r.Y, r.W, min(r.H, titleBar)}
	for _, a := range areas {
		if top.overlap(a) > 0 {
			return true
		}
	}
	return false
}

// clampInto shrinks r to the area's size and moves it inside the area.
func clampInto(r, area Rect) Rect {
	r.W, r.H = min(r.W, area.W), min(r.H, area.H)
	r.X = min(max(r.X, area.X), area.X+area.W-r.W)
	r.Y = min(max(r.Y, area.Y), area.Y+area.H-r.H)
	return r
}
