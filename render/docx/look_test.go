package docx

import (
	"strconv"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/render"
)

// styleOf returns the style with id from word/styles.xml.
func styleOf(t *testing.T, m map[string][]byte, id string) *node {
	t.Helper()
	for _, s := range parseTree(t, m["word/styles.xml"]).all("w:style") {
		if s.attrs["w:styleId"] == id {
			return s
		}
	}
	t.Fatalf("no style %s", id)
	return nil
}

// TestCellsTopAligned: as in the PDF, every cell's text starts at the cell's top, the empty
// photo cell's label 近期 / 1寸照片 too; only a photo is centred in its cell.
func TestCellsTopAligned(t *testing.T) {
	tests := []struct {
		name      string
		d         *forms.Draft
		photoCell string // vAlign of the photo cell (the first host rows' last cell)
	}{
		{"sample", forms.Sample(forms.Default()), "center"},
		{"blank", forms.New(forms.Default()), "top"},
		{"broken photo", brokenPhoto(), "top"},
		{"all long", allLong(), "center"},
	}
	for _, tt := range tests {
		doc, _ := documentTree(t, tt.d, Options{})
		if got, want := len(doc.all("wp:inline")) == 1, tt.photoCell == "center"; got != want {
			t.Fatalf("%s: photo printed %v, want %v", tt.name, got, want)
		}
		for r, tr := range doc.all("w:tr") {
			tcs := tr.all("w:tc")
			for i, tc := range tcs {
				va := tc.child("w:tcPr").child("w:vAlign")
				want := "top"
				if r < forms.Default().Blocks[0].Field("photo").RowSpan && i == len(tcs)-1 {
					want = tt.photoCell
				}
				if va == nil || va.attrs["w:val"] != want {
					t.Errorf("%s: row %d cell %d (%q): vAlign %v, want %s", tt.name, r+1, i+1, firstLine(tc.texts()), va, want)
				}
			}
		}
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// TestSectionHeadings: 指导老师基本情况 and 工作室成员基本情况 print as the PDF prints them:
// bold 四号 (28 half-points), centred, HeadingTracking em between the characters and none
// after the last, so the line is centred where the PDF centres it.
func TestSectionHeadings(t *testing.T) {
	doc, m := documentTree(t, forms.Sample(forms.Default()), Options{})
	st := styleOf(t, m, styleHeading)
	rPr := st.child("w:rPr")
	track := strconv.Itoa(render.Twips(render.HeadingTracking * render.HeadingSize))
	if rPr.child("w:sz").attrs["w:val"] != "28" || rPr.child("w:szCs").attrs["w:val"] != "28" {
		t.Errorf("heading size %v, want 28 half-points (四号)", rPr.child("w:sz").attrs)
	}
	if sp := rPr.child("w:spacing"); sp == nil || sp.attrs["w:val"] != track {
		t.Errorf("heading letter spacing %v, want %s twips", sp, track)
	}
	// Bold and centred come from the label style it is based on.
	if st.child("w:basedOn").attrs["w:val"] != styleLabel {
		t.Errorf("heading style based on %s, want %s", st.child("w:basedOn").attrs["w:val"], styleLabel)
	}
	var found []string
	for _, p := range doc.all("w:p") {
		text := strings.TrimSpace(p.texts())
		if text != "指导老师基本情况" && text != "工作室成员基本情况" {
			continue
		}
		found = append(found, text)
		if p.child("w:pPr").child("w:pStyle").attrs["w:val"] != styleHeading {
			t.Errorf("%s: style %s, want %s", text, p.child("w:pPr").child("w:pStyle").attrs["w:val"], styleHeading)
		}
		runs := p.all("w:r")
		last, lastChar := runs[len(runs)-1], string([]rune(text)[len([]rune(text))-1:])
		if last.texts() != lastChar {
			t.Errorf("%s: last run %q is not the last character alone", text, last.texts())
		}
		if sp := last.child("w:rPr").child("w:spacing"); sp == nil || sp.attrs["w:val"] != "0" {
			t.Errorf("%s: the last character is spaced after", text)
		}
		for _, r := range runs[:len(runs)-1] {
			if r.child("w:rPr") != nil {
				t.Errorf("%s: run %q overrides the heading style", text, r.texts())
			}
		}
	}
	if len(found) != 2 {
		t.Errorf("headings %q, want both", found)
	}
}

// TestFooterRight: 第 N 页 共 M 页 ends at the right margin, as on the PDF.
func TestFooterRight(t *testing.T) {
	_, m := documentTree(t, forms.Sample(forms.Default()), Options{})
	if jc := styleOf(t, m, styleFooter).child("w:pPr").child("w:jc"); jc == nil || jc.attrs["w:val"] != "right" {
		t.Errorf("footer style alignment %v, want right", jc)
	}
	ftr := parseTree(t, m["word/footer1.xml"])
	ps := ftr.all("w:p")
	if len(ps) != 1 || ps[0].child("w:pPr").child("w:pStyle").attrs["w:val"] != styleFooter {
		t.Fatalf("footer has %d paragraphs, not one in the footer style", len(ps))
	}
	if jc := ps[0].child("w:pPr").child("w:jc"); jc != nil && jc.attrs["w:val"] != "right" {
		t.Errorf("the footer paragraph overrides its alignment: %s", jc.attrs["w:val"])
	}
}
