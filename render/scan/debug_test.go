package scan

import (
	"math/rand/v2"
	"testing"
)

func TestDebugPage1(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 1))
	pages := sealed(t, []Opinion{School, County}, rng)
	e := engine(t)
	sh := randomShot(rng, 1800, 2400)
	data, truth := photograph(pages[0], sh, rng)
	img := decodeJPEG(t, data)
	src := toNRGBA(img)
	long := max(src.Rect.Dx(), src.Rect.Dy())
	kc := max(1, (long+1299)/1300)
	coarse := shrinkGrey(src, kc)
	q, ok := tableQuad(coarse)
	m := e.pages[0]
	tt := m.Table
	for i, c := range []point{{tt.X0, tt.Y0}, {tt.X1, tt.Y0}, {tt.X1, tt.Y1}, {tt.X0, tt.Y1}} {
		p := truth.apply(c)
		t.Logf("corner %d: found %.1f,%.1f true %.1f,%.1f (ok %v)", i, q[i].X, q[i].Y, p.X/float64(kc), p.Y/float64(kc), ok)
	}
	cs := candidates(coarse, q, e.pages, e.want)
	for _, c := range cs[:5] {
		t.Logf("%+v", c.Page)
		t.Logf("page %d turn %d score %.3f", c.Page, c.Turn, c.Score)
	}
}
