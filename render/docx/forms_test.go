package docx

import (
	"fmt"
	"os/exec"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/render"
)

// formDrafts are the sample and the blank form of every definition, by "<id> sample" and
// "<id> blank", in a fixed order.
func formDrafts(t testing.TB) ([]string, map[string]*forms.Draft) {
	out := map[string]*forms.Draft{}
	for _, def := range formstest.Definitions(t) {
		out[def.ID+" sample"] = forms.Sample(def)
		out[def.ID+" blank"] = forms.New(def)
	}
	names := make([]string, 0, len(out))
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, out
}

// TestEveryFormSchemas: every form's .docx, plain and as a draft export, is valid against the
// ECMA-376 schemas.
func TestEveryFormSchemas(t *testing.T) {
	needXmllint(t)
	names, drafts := formDrafts(t)
	for _, n := range names {
		format := drafts[n].Form().DraftFormat
		validateFormPackage(t, n, export(t, drafts[n], Options{Author: "覃晓岚", Creator: "shenbao 0.1.0", Created: fixedTime}), format)
		validateFormPackage(t, n+" --draft", export(t, drafts[n], Options{Draft: true}), format)
	}
}

// formText is what a form's .docx prints, in document order: the title, then for each row of
// render's table its cells' labels, values and set text (a choice printed as boxes with ☑ and
// ☐ for the PDF's ticked and empty □).
func formText(t *testing.T, d *forms.Draft) []string {
	t.Helper()
	tb, err := render.BuildTable(d)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{d.Form().Title}
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			ct := c.Content
			switch ct.Kind {
			case render.Label, render.Value, render.Heading, render.Photo:
				if ct.Kind != render.Photo || photoOf(d) == nil {
					want = append(want, ct.Text)
				}
			case render.Labelled:
				for _, it := range ct.Items {
					want = append(want, it.Label, it.Value)
				}
			case render.Long:
				want = append(append(want, ct.Text), ct.Paras...)
			case render.Note:
				want = append(want, ct.Paras...)
			case render.Opinion, render.Declaration:
				want = append(append(want, ct.Text), ct.Paras...)
				want = append(want, ct.Sign)
				if ct.Stamp {
					want = append(want, d.Form().Stamp)
				}
				if ct.Dated {
					want = append(want, d.Form().Date)
				}
			case render.Boxes:
				for _, ch := range ct.Choices {
					box := boxEmpty
					if ch == strings.TrimSpace(ct.Text) {
						box = boxTicked
					}
					want = append(want, ch+box)
				}
			}
		}
	}
	return want
}

// TestEveryFormText: the document's text holds every label, value and set text of the form,
// in the PDF's order, and nothing of a block the applicant leaves blank.
func TestEveryFormText(t *testing.T) {
	names, drafts := formDrafts(t)
	for _, n := range names {
		d := drafts[n]
		doc, _ := documentTree(t, d, Options{})
		if missing := findInOrder(doc.texts(), formText(t, d)); missing != "" {
			t.Errorf("%s: %q missing or out of order", n, missing)
		}
	}
}

// TestEveryFormPageBreaks: a block that starts a new page starts a table after a paragraph with
// pageBreakBefore, and that table starts with the block's first row; rows the PDF moves whole
// to the next page do the same, and no other paragraph breaks a page.
func TestEveryFormPageBreaks(t *testing.T) {
	names, drafts := formDrafts(t)
	for _, n := range names {
		d := drafts[n]
		tb, _, err := render.Paginate(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var firsts []string // the first text of each row that starts a page in Word
		for i, r := range tb.Rows {
			if i > 0 && (r.NewPage || r.Break) {
				firsts = append(firsts, squeeze(rowText(r)))
			}
		}
		doc, _ := documentTree(t, d, Options{})
		body := doc.child("w:document").child("w:body")
		var got []string
		for i, c := range body.children {
			if c.name != "w:p" || len(c.all("w:pageBreakBefore")) == 0 {
				continue
			}
			if i+1 >= len(body.children) || body.children[i+1].name != "w:tbl" {
				t.Errorf("%s: a page break not before a table", n)
				continue
			}
			tr := body.children[i+1].child("w:tr")
			got = append(got, squeeze(tr.texts()))
		}
		if len(got) != len(firsts) {
			t.Errorf("%s: %d page breaks, want %d", n, len(got), len(firsts))
			continue
		}
		for i := range got {
			if !strings.HasPrefix(got[i], firsts[i]) {
				t.Errorf("%s: page break %d before %q, want before %q", n, i+1, clip(got[i]), clip(firsts[i]))
			}
		}
	}
}

// rowText is the text of a row's first cell as the .docx writes it (a label broken into lines).
func rowText(r render.Row) string {
	c := r.Cells[0].Content
	switch c.Kind {
	case render.Label, render.Heading, render.Value:
		return c.Text
	case render.Note, render.Opinion, render.Declaration:
		if c.Text != "" {
			return c.Text
		}
		return strings.Join(c.Paras, "")
	}
	return ""
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}

// TestEveryFormTableGeometry: every row of every form's tables covers render's grid exactly;
// a table without a 序号 column has as many cells as the table has columns.
func TestEveryFormTableGeometry(t *testing.T) {
	names, drafts := formDrafts(t)
	for _, n := range names {
		d := drafts[n]
		tb, _, err := render.Paginate(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		grid := tb.GridTwips()
		doc, _ := documentTree(t, d, Options{})
		for _, tbl := range doc.all("w:tbl") {
			var cols []int
			for _, c := range tbl.child("w:tblGrid").children {
				w, _ := strconv.Atoi(c.attrs["w:w"])
				cols = append(cols, w)
			}
			if !slices.Equal(cols, grid) {
				t.Errorf("%s: tblGrid %v, render's grid %v", n, cols, grid)
			}
			for i, tr := range tbl.all("w:tr") {
				col := 0
				for _, tc := range tr.all("w:tc") {
					span := 1
					if gs := tc.child("w:tcPr").child("w:gridSpan"); gs != nil {
						span, _ = strconv.Atoi(gs.attrs["w:val"])
					}
					col += span
				}
				if col != len(grid) {
					t.Errorf("%s: row %d covers %d of %d grid columns", n, i, col, len(grid))
				}
			}
		}
		for _, b := range d.Form().Tables() {
			// The column heads that follow the table's heading (each page's repeated heads too).
			under, seen := false, 0
			for _, tr := range doc.all("w:tr") {
				tcs := tr.all("w:tc")
				if len(tcs) == 1 {
					under = squeeze(tcs[0].texts()) == squeeze(b.Label)
				}
				if b.SideMM > 0 && len(tcs) > 1 && squeeze(tcs[0].texts()) == squeeze(b.Label) {
					// the label in a cell at the table's left, the heads beside it
					seen++
					if want := 1 + len(b.Fields) + btoi(b.LabelMM > 0); len(tcs) != want {
						t.Errorf("%s: %s has %d columns, want %d", n, b.Name(), len(tcs), want)
					}
					continue
				}
				if !under || len(tcs) == 0 || squeeze(tcs[0].texts()) != squeeze(headOf(b)) {
					continue
				}
				seen++
				if want := len(b.Fields) + btoi(b.LabelMM > 0); len(tcs) != want {
					t.Errorf("%s: %s has %d columns, want %d", n, b.Name(), len(tcs), want)
				}
			}
			if seen == 0 {
				t.Errorf("%s: no column heads under %s's heading", n, b.Name())
			}
		}
	}
}

// headOf is the text of a table's first column label.
func headOf(b forms.Block) string {
	if b.LabelMM > 0 {
		return render.SerialLabel
	}
	return strings.Join(render.LabelLines(nil, b.Fields[0].Label, render.MM(b.Fields[0].ValueMM)), "")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestEveryFormPagesInLibreOffice: LibreOffice sets each form's sample on as many pages as the
// PDF has and starts every block on the PDF's page (one Chinese face standing in for 宋体;
// TestPagesAsThePDF tries three on the 名班主任 form).
func TestEveryFormPagesInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice takes a while")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-writer-nogui)")
	}
	docs := map[string][]byte{}
	drafts := map[string]*forms.Draft{}
	want := map[string][]int{}
	wantPages := map[string]int{}
	for _, def := range formstest.Definitions(t) {
		if def.ID == forms.DefaultID {
			continue // TestPagesAsThePDF
		}
		// The sample, and the sample with every long text cut to its first sentence: a block
		// whose least height the PDF ends at a page's foot (Row.Height).
		for name, d := range map[string]*forms.Draft{def.ID: forms.Sample(def), def.ID + " short texts": shortTexts(forms.Sample(def))} {
			drafts[name], docs[name] = d, export(t, d, Options{})
			pages := modelPages(t, d)
			want[name], wantPages[name] = startPages(pages, formMarkers(d)), len(pages)
		}
	}
	dir := t.TempDir()
	conf := fontSetup(t, dir, fontSetups["Noto Serif CJK"])
	for name, pdf := range convertUnder(t, conf, dir, docs) {
		raw := strings.Split(pdfText(t, pdf), "\f")
		raw = raw[:len(raw)-1]
		pages := make([]string, len(raw))
		for i, p := range raw {
			pages[i] = squeeze(p)
		}
		got := startPages(pages, formMarkers(drafts[name]))
		if len(pages) != wantPages[name] || fmt.Sprint(got) != fmt.Sprint(want[name]) {
			t.Errorf("%s: %d pages, blocks start on %v; the PDF: %d pages, %v", name, len(pages), got, wantPages[name], want[name])
		} else {
			t.Logf("%s: %d pages, blocks start on %v, as the PDF", name, len(pages), got)
		}
	}
}

// shortTexts cuts every long text of d to its first sentence.
func shortTexts(d *forms.Draft) *forms.Draft {
	for _, b := range d.Form().Blocks {
		if b.Kind != forms.TextBlock || !b.Stored() {
			continue
		}
		v := []rune(d.Get(b.Key))
		if i := slices.Index(v, '。'); i > 0 {
			d.Set(b.Key, string(v[:i+1]))
		}
	}
	return d
}

// formMarkers is, for each block of any form, text that starts it (blockMarkers for every
// kind): a grid's first label, a table's heading, a long text's hint or first words, a note's
// or a label-less declaration's first words, the label otherwise.
func formMarkers(d *forms.Draft) []string {
	var out []string
	for _, b := range d.Form().Blocks {
		m := squeeze(b.Name())
		switch {
		case b.Kind == forms.FieldsBlock:
			for _, f := range b.Fields {
				if f.Kind != forms.Picture {
					m = squeeze(f.Label)
					break
				}
			}
		case b.Kind == forms.TextBlock && b.Hint != "":
			m = squeeze(b.Hint)
		case b.Label == "":
			m = squeeze(b.Text)
		}
		if r := []rune(m); len(r) > 12 {
			m = string(r[:12])
		}
		out = append(out, m)
	}
	return out
}

// TestEveryFaceInFontTable: every face a run or a style of any form's .docx names is described
// in fontTable.xml, so that Word and WPS know its family where the machine lacks it.
func TestEveryFaceInFontTable(t *testing.T) {
	names, drafts := formDrafts(t)
	for _, n := range names {
		m := partMap(unzip(t, export(t, drafts[n], Options{})))
		listed := map[string]bool{}
		for _, f := range parseTree(t, m["word/fontTable.xml"]).all("w:font") {
			listed[f.attrs["w:name"]] = true
		}
		for _, part := range []string{"word/document.xml", "word/styles.xml", "word/footer1.xml"} {
			for _, rf := range parseTree(t, m[part]).all("w:rFonts") {
				for _, a := range []string{"w:ascii", "w:eastAsia", "w:hAnsi", "w:cs"} {
					if face := rf.attrs[a]; face != "" && !listed[face] {
						t.Errorf("%s: %s sets %s in %q, which fontTable.xml does not describe", n, part, a, face)
					}
				}
			}
		}
	}
}
