package scan

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestSidewaysPhotos: a phone held sideways over the page, the page lying any of the four
// ways on the desk and a few degrees off them. Every way must be read as well as the others:
// in a landscape frame (the page at about 3 px/mm, the 1600 px the tests photograph at), the
// form's first page (its title above the table, the page such photos lost) alternating with
// the others, each must come back as its page, the right way up, the table within a
// millimetre.
func TestSidewaysPhotos(t *testing.T) {
	e := engine(t)
	pages := sealed(t, []Opinion{Opinion(0), Opinion(1)}, rand.New(rand.NewPCG(17, 5)))
	const shots = 4
	for k, turn := range []int{0, 1, 2, 3} {
		name := fmt.Sprintf("turn %d°", 90*turn)
		t.Run(name, func(t *testing.T) {
			matched := 0
			for s := range shots {
				rng := rand.New(rand.NewPCG(99, uint64(shots*k+s)))
				page := 0
				if s%2 == 1 {
					page = 1 + (shots*k+s)%(len(pages)-1)
				}
				sh := randomShot(rng, 1600, 1200)
				// 3–12° off the quarter turn, either way: a rule exactly along the picture's
				// rows is the easy case
				off := 3 + 9*rng.Float64()
				if rng.IntN(2) == 0 {
					off = -off
				}
				sh.Rotate = float64(90*turn) + off
				data, truth := photograph(pages[page], sh, rng)
				img := decodeJPEG(t, data)
				file := fmt.Sprintf("sideways%d-%d.jpg", 90*turn, s)
				dump(t, file+".png", img)
				st := e.Straighten(file, img)
				switch {
				case st.Page != page:
					t.Logf("page %d turned %.1f°: read as page %d (found %v, score %.3f, %d quarter turns)", page+1, sh.Rotate, st.Page+1, st.Found, st.Score, st.Turn)
				case st.Turn != turn:
					t.Logf("page %d turned %.1f°: %d quarter turns found, want %d", page+1, sh.Rotate, st.Turn, turn)
				case tableError(st, e.pages[page], truth) > 1:
					t.Logf("page %d turned %.1f°: table %.2f mm off", page+1, sh.Rotate, tableError(st, e.pages[page], truth))
				default:
					matched++
				}
			}
			t.Logf("%s: %d of %d matched", name, matched, shots)
			if matched < shots {
				t.Errorf("%s: %d of %d photos matched, want all", name, matched, shots)
			}
		})
	}
}
