package scan

import "testing"

// TestPageTwiceKeepsTheSealedPicture: a page photographed before and after sealing keeps the
// sealed retake even when the first, unsealed picture is clearer; between two pictures with
// the same seals the clearer one is kept; a picture put there by hand wins over both.
func TestPageTwiceKeepsTheSealedPicture(t *testing.T) {
	e := engine(t)
	page, which := -1, Opinion(0)
	for i, m := range e.pages {
		for _, o := range m.Opinions {
			if o.Which != Opinion(2) && page < 0 {
				page, which = i, o.Which
			}
		}
	}
	if page < 0 {
		t.Fatal("no page with a school's or county's box")
	}
	pic := func(source string, fine, red float64) *Straight {
		st := &Straight{Source: source, Found: true, Page: page, Fine: fine, Seal: noSeals(), Image: a4(0, 0, 0)}
		for _, o := range e.pages[page].Opinions {
			st.Seal[o.Which] = 0
		}
		st.Seal[which] = red
		return st
	}
	unsealed := pic("IMG_0105.jpg", 0.95, 0)
	retake := pic("IMG_0106.jpg", 0.7, 2*SealArea)
	r := e.Assemble([]*Straight{unsealed, retake})
	if r.Pages[page] != retake {
		t.Errorf("kept %s, want the sealed retake", r.Pages[page].Source)
	}
	if !has(r, e.PageName(page), "盖有公章的一张（IMG_0106.jpg）") || has(r, e.PageName(page), "没有找到红色公章") {
		t.Errorf("findings %v", r.Findings)
	}
	if r = e.Assemble([]*Straight{retake, unsealed}); r.Pages[page] != retake {
		t.Errorf("given the other way round, kept %s", r.Pages[page].Source)
	}

	sharp := pic("IMG_0107.jpg", 0.9, 3*SealArea)
	if r = e.Assemble([]*Straight{retake, sharp, unsealed}); r.Pages[page] != sharp || !has(r, e.PageName(page), "盖有公章的一张（IMG_0107.jpg）") {
		t.Errorf("two sealed: kept %s, findings %v", r.Pages[page].Source, r.Findings)
	}
	if r = e.Assemble([]*Straight{retake, sharp}); !has(r, e.PageName(page), "最清楚的一张（IMG_0107.jpg）") {
		t.Errorf("two sealed, no unsealed: findings %v", r.Findings)
	}

	if err := e.Assign(unsealed, page); err != nil {
		t.Fatal(err)
	}
	if r = e.Assemble([]*Straight{retake, unsealed}); r.Pages[page] != unsealed || !has(r, e.PageName(page), "手动指定的一张") {
		t.Errorf("by hand: kept %s, findings %v", r.Pages[page].Source, r.Findings)
	}
}
