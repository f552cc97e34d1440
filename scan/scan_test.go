package scan

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// debugDir, when SCAN_DEBUG names a folder, receives the photos and straightened pages of the
// tests to look at.
var debugDir = os.Getenv("SCAN_DEBUG")

func dump(t testing.TB, name string, img image.Image) {
	if debugDir == "" {
		return
	}
	f, err := os.Create(filepath.Join(debugDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}

var sampleEngine *Engine

func engine(t testing.TB) *Engine {
	t.Helper()
	if sampleEngine == nil {
		e, err := New(forms.Sample(forms.Default()))
		if err != nil {
			t.Fatal(err)
		}
		sampleEngine = e
	}
	return sampleEngine
}

// sealed returns the sample's pages with seals in the boxes whose Opinion is in which.
func sealed(t testing.TB, which []Opinion, rng *rand.Rand) []*image.NRGBA {
	return sealedInk(t, which, sealInk{}, rng)
}

// sealedInk is sealed with the seals inked as si says.
func sealedInk(t testing.TB, which []Opinion, si sealInk, rng *rand.Rand) []*image.NRGBA {
	pages := append([]*image.NRGBA(nil), samplePages(t)...)
	e := engine(t)
	for i, m := range e.pages {
		for _, o := range m.Opinions {
			for _, w := range which {
				if w == o.Which {
					cx := o.Box.X1 - 35 + rng.Float64()*10
					cy := o.Box.Y1 - 28 + rng.Float64()*8
					pages[i] = withSealInk(pages[i], cx, cy, si, rng)
				}
			}
		}
	}
	return pages
}

// tableError is the largest distance (mm) between where the page has a crossing of the table's
// rules and where the straightened picture has it.
func tableError(st *Straight, m pageModel, truth mapping) float64 {
	worst := 0.0
	for _, j := range m.Junction {
		p := truth.apply(j)
		x, y := st.ToPage(p.X, p.Y)
		worst = math.Max(worst, math.Hypot(x-j.X, y-j.Y))
	}
	return worst
}

func decodeJPEG(t testing.TB, b []byte) image.Image {
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestStraightenPhotos(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	pages := sealed(t, []Opinion{Opinion(0), Opinion(1)}, rng)
	e := engine(t)
	for i, page := range pages {
		sh := randomShot(rng, 1800, 2400)
		data, truth := photograph(page, sh, rng)
		st := e.Straighten(fmt.Sprintf("photo%d.jpg", i+1), decodeJPEG(t, data))
		if debugDir != "" {
			dump(t, fmt.Sprintf("photo%d.png", i+1), decodeJPEG(t, data))
			if st.Image != nil {
				dump(t, fmt.Sprintf("straight%d.png", i+1), st.Image)
			}
		}
		if st.Page != i {
			t.Errorf("page %d (%+v): recognised as %d (found %v, score %.3f)", i+1, sh.Rotate, st.Page, st.Found, st.Score)
			continue
		}
		te := tableError(st, e.pages[i], truth)
		t.Logf("page %d: rotate %.1f°, score %.3f fine %.3f worst %.3f %q, residual %.2f mm, table error %.2f mm, seals %.0f", i+1, sh.Rotate, st.Score, st.Fine, st.Worst, st.WorstLine, st.Residual, te, st.Seal)
		if te > 1 {
			t.Errorf("page %d: table %.2f mm off", i+1, te)
		}
		for _, o := range e.pages[i].Opinions {
			want := o.Needed
			if got := st.Seal[o.Which] >= SealArea; got != want {
				t.Errorf("page %d: seal in %s found %v (%.0f mm²), want %v", i+1, o.Name, got, st.Seal[o.Which], want)
			}
		}
	}
}

// otherDraft is the sample with another applicant: the same form, other words.
func otherDraft() *forms.Draft {
	d := forms.Sample(forms.Default())
	d.Set("host.name", "黎明辉")
	d.Set("host.unit", "柳州市第十二中学")
	d.Set("host.research", "家校共育与班级文化建设")
	return d
}

// TestAssembleFindings: shuffled photos with one page missing, one page twice, the county's
// seal missing and a page of another draft give exactly those 错误, and the rest in order.
func TestAssembleFindings(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 2))
	pages := sealed(t, []Opinion{Opinion(0)}, rng)
	other, err := rasterise(otherDraft())
	if err != nil {
		t.Fatal(err)
	}
	e := engine(t)
	type pic struct {
		name string
		img  *image.NRGBA
	}
	var pics []pic
	for i, p := range pages {
		if i == 3 { // 第4页 missing
			continue
		}
		pics = append(pics, pic{fmt.Sprintf("p%d.jpg", i+1), p})
	}
	pics = append(pics, pic{"again2.jpg", pages[1]}, pic{"other1.jpg", other[0]})
	rng.Shuffle(len(pics), func(i, j int) { pics[i], pics[j] = pics[j], pics[i] })
	var sts []*Straight
	for _, p := range pics {
		data, _ := photograph(p.img, randomShot(rng, 1200, 1600), rng)
		st := e.Straighten(p.name, decodeJPEG(t, data))
		t.Logf("%s → page %d (score %.3f, fine %.3f, worst line %.3f %q)", p.name, st.Page+1, st.Score, st.Fine, st.Worst, st.WorstLine)
		sts = append(sts, st)
	}
	r := e.Assemble(sts)
	for i, st := range r.Pages {
		switch {
		case i == 3 && st != nil:
			t.Errorf("page 4 was not photographed but holds %s", st.Source)
		case i != 3 && st == nil:
			t.Errorf("page %d missing", i+1)
		case i != 3 && st.Source != fmt.Sprintf("p%d.jpg", i+1) && !(i == 1 && st.Source == "again2.jpg"):
			t.Errorf("page %d holds %s", i+1, st.Source)
		}
	}
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.String())
	}
	county := 0 // the page of the county's box, which has no seal
	for i, p := range e.pages {
		for _, o := range p.Opinions {
			if o.Which == Opinion(1) {
				county = i + 1
			}
		}
	}
	countyPage := fmt.Sprintf("错误 第%d页", county)
	want := []string{
		"错误 other1.jpg: 这一页不是这份草稿打印出来的",
		"错误 第2页",
		"错误 第4页",
		countyPage,
	}
	if len(got) != len(want) {
		t.Fatalf("findings:\n%s\nwant %d", strings.Join(got, "\n"), len(want))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no finding %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
	for _, g := range got {
		if strings.HasPrefix(g, countyPage) && !strings.Contains(g, "所在县区教育行政部门意见") {
			t.Errorf("page %d's finding should name the county's box: %s", county, g)
		}
		if strings.HasPrefix(g, "错误 第2页") && !strings.Contains(g, "2 次") {
			t.Errorf("page 2's finding should say it came twice: %s", g)
		}
	}
}

// TestTurnedPhotos: a landscape photo of the page lying sideways, and one upside down of the
// page with the seals, come back as their pages, upright. The sealed page is the form's: the
// first page that carries a box of Definition.Sealed, as render lays the sample out.
func TestTurnedPhotos(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 4))
	pages := sealed(t, []Opinion{Opinion(0), Opinion(1)}, rng)
	e := engine(t)
	seals := -1
	for i, m := range e.pages {
		if len(m.Opinions) > 0 && seals < 0 {
			seals = i
		}
	}
	if seals < 0 || len(pages) < 3 {
		t.Fatalf("%d pages, the first with a seal box %d: want 3 pages and a seal box", len(pages), seals+1)
	}
	for _, tc := range []struct {
		page, w, h int
		rotate     float64
		turn       int
	}{
		{0, 1600, 1200, 95, 1},
		{seals, 1200, 1600, 172, 2},
		{2, 1600, 1200, -84, 3},
	} {
		sh := randomShot(rng, tc.w, tc.h)
		sh.Rotate = tc.rotate
		data, truth := photograph(pages[tc.page], sh, rng)
		st := e.Straighten("turned.jpg", decodeJPEG(t, data))
		if st.Page != tc.page {
			t.Errorf("turned %.0f°: page %d, want %d (score %.3f)", tc.rotate, st.Page+1, tc.page+1, st.Score)
			continue
		}
		if te := tableError(st, e.pages[tc.page], truth); te > 1 {
			t.Errorf("turned %.0f°: table %.2f mm off", tc.rotate, te)
		}
		if st.Turn != tc.turn {
			t.Errorf("turned %.0f°: %d quarter turns found, want %d", tc.rotate, st.Turn, tc.turn)
		}
	}
}
