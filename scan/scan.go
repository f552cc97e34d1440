// Package scan turns photos and scans of the printed, sealed form into the PDF the bureau
// asks for: it finds the table on each picture by its ruled lines, straightens the picture to
// A4 so the table lands where the draft's own PDF prints it, evens out paper and shadows,
// tells which page of the draft each picture is, puts the pages in order and looks for the
// red seals in the opinion boxes.
//
// The engine knows the page only through render's layout model (every rule and text line in
// mm), so it needs no sample of the form: a picture is compared with the draft it belongs to. It imports forms, photo, render
// (the layout, the raster of a page) and export (the names of the files it sends).
package scan

import (
	"fmt"
	"image"
	"strings"
	"unicode/utf8"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/raster"
)

// Engine holds what one draft's pages look like; Straighten then reads pictures against it.
type Engine struct {
	pages []pageModel
	want  [][]float64 // each page's expected ink at matchScale
	// and at fineScale, stored in bytes (a tenth of the memory of float64: nine pages are
	// 9 MB), made float for the page a picture turns out to be
	fine  [][]uint8
	probe [][]ruleProbe // points along each page's rules, to judge an outline by
	names []string      // each page's first words, to name it in messages
	boxes []SealBox     // the form's boxes that take a seal
	// layout is the draft's pages as laid out, to draw a page sharp for comparing characters
	layout []render.Page
}

// New lays the draft out as the export prints it and prepares to recognise its pages.
func New(d *forms.Draft) (*Engine, error) {
	pages, err := models(d)
	if err != nil {
		return nil, err
	}
	rp, err := render.Layout(d, render.Options{})
	if err != nil {
		return nil, err
	}
	e := &Engine{pages: pages, boxes: sealBoxes(d.Form()), layout: rp}
	for _, p := range rp {
		img, err := raster.Page(p, fineScale*25.4)
		if err != nil {
			return nil, err
		}
		fine, coarse := inkOf(img)
		e.want = append(e.want, coarse)
		e.fine = append(e.fine, inkBytes(fine))
		e.names = append(e.names, firstWords(p))
	}
	for _, m := range pages {
		e.probe = append(e.probe, m.probes(3))
	}
	return e, nil
}

// Pages is how many pages the draft prints.
func (e *Engine) Pages() int { return len(e.pages) }

// PageName names page i (0-based) for the user: 第3页（主持人近5年…）.
func (e *Engine) PageName(i int) string {
	if i < 0 || i >= len(e.names) || e.names[i] == "" {
		return fmt.Sprintf("第%d页", i+1)
	}
	return fmt.Sprintf("第%d页（%s）", i+1, e.names[i])
}

// firstWords is the start of the first thing the draft prints on the page (a value, so that
// the pages of a long text differ), or of its first label when it holds no value.
func firstWords(p render.Page) string {
	pick := func(values bool) string {
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox && b.Cell >= 0 && (b.Path != "") == values && strings.TrimSpace(b.Text) != "" {
				s := strings.Join(strings.Fields(b.Text), "")
				if utf8.RuneCountInString(s) > 10 {
					s = string([]rune(s)[:10]) + "…"
				}
				return "以“" + s + "”开头"
			}
		}
		return ""
	}
	if s := pick(true); s != "" {
		return s
	}
	return pick(false)
}

// Straight is one picture after straightening.
type Straight struct {
	Source string // where the picture came from: a file name, or a PDF's name and image number
	// Page is the draft's page the picture shows (0-based); -1 when no table was found, the
	// page could not be read well enough to tell, or its print differs from this draft's.
	Page int
	// Near is, for a page that is not this draft's or could not be read, the page it resembles
	// (-1: none).
	Near  int
	Found bool    // the table's outline was found
	Score float64 // how well its outline and layout match Page, 0..1
	Fine  float64 // how well its print matches Page's, character by character, 0..1
	// Worst is the match of the text that differs most where read clearly (1: none differs),
	// WorstLine what the draft prints on that line: another draft's or an older version's page
	// differs in a few lines.
	Worst     float64
	WorstLine string
	// Unread is the share of the page's text that could not be read clearly enough to compare
	// (a finger over it, a deep shadow, blur), and Cause the main reason; a page with too
	// much of it is not matched (Page -1, Unclear) rather than said to be another draft's.
	Unread  float64
	Unclear bool
	Cause   Cause
	// Residual is the mean distance (mm) between the table's crossings as photographed and as
	// printed, after straightening: what is left of paper curl and lens distortion.
	Residual float64
	Turn     int         // quarter turns the paper lay at in the picture
	Manual   bool        // Page was set by the user (Assign), not by the matching
	Image    image.Image // the straightened A4 page at DPI: *image.Gray, or *image.NRGBA where a seal is
	// Seal is the red area (mm²) found in each opinion box on this page; -1 where the box is on
	// another page. Ring is the share of a circle of red's circumference found there (a
	// seal's ring, pale or broken; 0: none).
	Seal [MaxSealBoxes]float64
	Ring [MaxSealBoxes]float64
	// ToPage maps the picture's pixels to the page (mm): where the straightening put them.
	ToPage func(x, y float64) (float64, float64)
}

// noSeals is Seal before any box is looked in: every box on another page.
func noSeals() [MaxSealBoxes]float64 {
	var s [MaxSealBoxes]float64
	for i := range s {
		s[i] = -1
	}
	return s
}

// HasSeal tells whether a seal was found in opinion box o of the page: enough red, or a
// ring of it.
func (s *Straight) HasSeal(o Opinion) bool { return s.Seal[o] >= SealArea || s.Ring[o] >= MinRing }

// Colour tells whether the page kept its colour (it has red on it).
func (s *Straight) Colour() bool { _, ok := s.Image.(*image.NRGBA); return ok }

// MinScore is the least match of a picture's layout with a page (at 1 px/mm, the opinion
// boxes left out) for it to be a page of the form at all: pages photographed score 0.6–0.95,
// a wrong page of the same draft below 0.3. Another draft's page of the same form passes;
// reading its print tells it.
const MinScore = 0.4

// MaxUnread is the largest share of a page's text that may be unread for the page to count as
// this draft's: the rest matches clearly, the rules match, the layout matches.
const MaxUnread = 0.3

// Cause is why a picture could not be read.
type Cause int

const (
	CauseNone   Cause = iota
	CauseLayout       // the table's lines did not match any page well enough
	CauseHidden       // print missing: a finger, glare, a fold
	CauseNoise        // a deep shadow or low light: the print drowns in noise
	CauseFaint        // blurred or washed out
)

// SealArea is the red area (mm²) that makes a seal: a 40 mm round seal's ring alone is about
// 120 mm²; a red pen's signature or a smudge stays far below.
const SealArea = 60.0

// Straighten finds the table on one picture, recognises the page and straightens it.
func (e *Engine) Straighten(source string, img image.Image) *Straight {
	st := &Straight{Source: source, Page: -1, Near: -1, Seal: noSeals()}
	src := toNRGBA(img)
	long := max(src.Rect.Dx(), src.Rect.Dy())
	kw := max(1, (long+2599)/2600) // the measuring picture: about 5 px/mm on the paper
	work := shrinkGrey(src, kw)
	kc := 2 * kw // the Hough picture: about 1000–1300 px long
	coarse := halve(work)
	s := sight(coarse)
	cs := candidates(coarse, s, e.pages, e.want, e.probe)
	if len(cs) == 0 {
		return st
	}
	st.Found = true
	best := cs[0]
	st.Score, st.Turn = best.Score, best.Turn
	if best.Score < MinScore {
		st.Unclear, st.Cause = true, CauseLayout
		return st
	}
	st.Page = best.Page
	fine := inkFloats(e.fine[best.Page])
	ref := printed{fine, halveInk(fine, int(pageW*fineScale), int(pageH*fineScale))}
	pm, fit := refine(work, best.M.scaled(float64(kc)/float64(kw)), e.pages[best.Page], ref)
	st.Residual = fit.Residual
	full := pm.scaled(float64(kw))
	inv := full.h.inverse()
	st.ToPage = func(x, y float64) (float64, float64) { p := full.toPage(inv, point{x, y}); return p.X, p.Y }
	page := warpColour(src, full)
	over := flatten(page, e.pages[best.Page].Pictures)
	clearEdges(page)
	if debugStraight != nil {
		debugStraight(source, page)
	}
	m := e.pages[best.Page]
	rd := readPage(page, fine, m, fit.Held, over)
	st.Fine, st.Worst = rd.Whole, rd.Worst
	if rd.Line >= 0 {
		st.WorstLine = m.Words[rd.Line]
	}
	if rd.Stretches > 0 {
		st.Unread = float64(rd.Unread) / float64(rd.Stretches)
	}
	if rd.Differ == 0 && len(rd.Clear) > 0 {
		if line := e.otherChar(page, best.Page, rd, over, full); line >= 0 {
			rd.Differ, rd.Line = 1, line
			st.WorstLine = m.Words[line]
		}
	}
	if rd.Differ > 0 {
		st.Near, st.Page = st.Page, -1
		return st
	}
	red, ring := 0.0, false
	for _, o := range m.Opinions {
		st.Seal[o.Which], st.Ring[o.Which] = sealIn(page, o.Box)
		red += st.Seal[o.Which]
		ring = ring || st.Ring[o.Which] >= MinRing
	}
	if red >= SealArea/4 || ring {
		st.Image = page
	} else {
		st.Image = toGrey(page)
	}
	if st.Unread > MaxUnread {
		// kept straightened: the user may still put it on its page by hand
		st.Near, st.Page, st.Unclear = st.Page, -1, true
		st.Cause = CauseFaint
		if rd.Missing >= rd.Noisy && rd.Missing >= rd.Faint {
			st.Cause = CauseHidden
		} else if rd.Noisy >= rd.Faint {
			st.Cause = CauseNoise
		}
	}
	return st
}

// debugStraight, set by the tests, sees every straightened page.
var debugStraight func(source string, page *image.NRGBA)

func scaling(k float64) homography { return homography{k, 0, 0, 0, k, 0, 0, 0, 1} }
