package pdf

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/render"
)

// formText is the form's own text as the table model has it: labels (labels, headings, the
// choices printed as boxes with their □, signature, stamp and date lines), then set text
// (notes, set wording, hints), which may hold runs of spaces to write in by hand.
func formText(t *testing.T, d *forms.Draft) (labels, set []string) {
	t.Helper()
	tb, err := render.BuildTable(d)
	if err != nil {
		t.Fatal(err)
	}
	labels = []string{d.Form().Title}
	for _, r := range tb.Rows {
		for _, c := range r.Cells {
			ct := c.Content
			switch ct.Kind {
			case render.Label, render.Heading:
				labels = append(labels, ct.Text)
			case render.Labelled:
				for _, it := range ct.Items {
					labels = append(labels, it.Label)
				}
			case render.Long:
				set = append(set, ct.Text)
			case render.Note:
				set = append(set, ct.Paras...)
			case render.Opinion, render.Declaration:
				labels = append(labels, ct.Sign)
				set = append(append(set, ct.Text), ct.Paras...)
				if ct.Stamp {
					labels = append(labels, d.Form().Stamp)
				}
				if ct.Dated {
					labels = append(labels, d.Form().Date)
				}
			case render.Boxes:
				for _, ch := range ct.Choices {
					labels = append(labels, render.BoxItem(ch))
				}
			}
		}
	}
	return labels, set
}

// TestEveryFormPDFText: the text pdftotext reads from every form's PDF (sample and blank) holds
// every label, as the bureau reads it (the default mode), and all the form's own text in the
// order it is drawn (-raw); and each page's number.
func TestEveryFormPDFText(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		for name, d := range map[string]*forms.Draft{"sample": forms.Sample(def), "blank": forms.New(def)} {
			t.Run(def.ID+"_"+name, func(t *testing.T) {
				path, pages := export(t, def.ID+"-"+name, d)
				text := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
				all, raw := strip(text), strip(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
				labels, set := formText(t, d)
				for _, want := range labels {
					if w := strip(want); !strings.Contains(all, w) {
						t.Errorf("pdftotext lacks %q", want)
					}
				}
				for _, want := range append(labels, set...) {
					if w := strip(want); !strings.Contains(raw, w) {
						t.Errorf("pdftotext -raw lacks %q", want)
					}
				}
				if n := strings.Count(text, "\f"); n != len(pages) {
					t.Errorf("pdftotext reads %d pages, the layout has %d", n, len(pages))
				}
			})
		}
	}
}

// TestEveryFormPageBreaksInPDF: a block that starts a new page is the first thing pdftotext
// reads on its page.
func TestEveryFormPageBreaksInPDF(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		d := forms.Sample(def)
		tb, pages, err := render.Paginate(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		path := writePages(t, def.ID+"-breaks", pages)
		for i, r := range tb.Rows {
			if !r.NewPage || i == 0 {
				continue
			}
			b := def.Blocks[r.Block]
			page := startPage(pages, tb, i)
			if page == 0 {
				t.Errorf("%s: %s starts no page", def.ID, b.Name())
				continue
			}
			text := tool(t, "pdftotext", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), "-enc", "UTF-8", path, "-")
			first := strip(strings.SplitN(strings.TrimSpace(text), "\n", 2)[0])
			if want := strip(firstWords(r)); want == "" || !strings.HasPrefix(want, first) && !strings.HasPrefix(first, want) {
				t.Errorf("%s: page %d starts with %q, want %s's %q", def.ID, page, first, b.Name(), want)
			}
		}
	}
}

// writePages writes pages as a PDF in a temporary folder.
func writePages(t *testing.T, name string, pages []render.Page) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, pages, Info{Title: name, Created: created}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// startPage is the page (from 1) whose first cell is row i's first cell: its top at the top
// margin, holding the row's first words; 0 when there is none.
func startPage(pages []render.Page, tb render.Table, i int) int {
	want := strip(firstWords(tb.Rows[i]))
	for k, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox && b.Cell >= 0 && math.Abs(p.Boxes[b.Cell].Y-render.MarginTop) < 0.01 &&
				strings.HasPrefix(want, strip(b.Text)) && b.Text != "" {
				return k + 1
			}
		}
	}
	return 0
}

// firstWords is the text a row's first cell starts with.
func firstWords(r render.Row) string {
	c := r.Cells[0].Content
	switch {
	case c.Kind == render.Note && len(c.Paras) > 0:
		return c.Paras[0]
	case c.Kind == render.Label, c.Kind == render.Heading, c.Kind == render.Value:
		return strings.ReplaceAll(c.Text, "\n", "")
	case len(c.Paras) > 0:
		return c.Paras[0]
	}
	return c.Text
}

// TestEveryFormTicksInPDF: as poppler draws the PDF, a chosen box holds the tick: its inside is
// inked, where the same box of the draft with nothing chosen is empty.
func TestEveryFormTicksInPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	const dpi = 150
	for _, def := range formstest.Definitions(t) {
		d := forms.Sample(def)
		unticked := d.Clone()
		ticks := 0
		for _, p := range boxPaths(d) {
			unticked.Set(p, "")
		}
		pages, err := render.Layout(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		empty, err := render.Layout(unticked, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		pathTicked, pathEmpty := writePages(t, def.ID+"-ticked", pages), writePages(t, def.ID+"-unticked", empty)
		for k, p := range pages {
			for _, b := range p.Boxes {
				if b.Kind != render.TickBox {
					continue
				}
				ticks++
				// the inside of the □, away from its outline
				s := dpi / 72.0
				in := image.Rect(int((b.X+b.W*0.2)*s), int((b.Y+b.H*0.2)*s), int((b.X+b.W*0.8)*s), int((b.Y+b.H*0.8)*s))
				withTick := inked(t, pathTicked, k+1, dpi, in)
				without := inked(t, pathEmpty, k+1, dpi, in)
				if withTick < in.Dx()*in.Dy()/8 || without > in.Dx()*in.Dy()/50 {
					t.Errorf("%s: %s: %d of %d pixels inked inside the ticked □, %d inside the empty one", def.ID, b.Path, withTick, in.Dx()*in.Dy(), without)
				}
			}
		}
		want := 0
		for _, p := range boxPaths(d) {
			if d.Get(p) != "" {
				want++
			}
		}
		if ticks != want {
			t.Errorf("%s: %d ticks, want %d", def.ID, ticks, want)
		}
	}
}

// inked counts the dark pixels in r of page (from 1) of the PDF as pdftoppm draws it.
func inked(t *testing.T, pdf string, page, dpi int, r image.Rectangle) int {
	t.Helper()
	pg := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-png", "-r", strconv.Itoa(dpi), "-f", pg, "-l", pg, "-singlefile", pdf).Output()
	if err != nil {
		t.Fatalf("pdftoppm: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if c, _, _, _ := img.At(x, y).RGBA(); c < 0x8000 {
				n++
			}
		}
	}
	return n
}

// boxPaths are the paths of the draft's choices printed as boxes: a field's, or a table
// column's in every filled row.
func boxPaths(d *forms.Draft) []string {
	var out []string
	for _, b := range d.Form().Blocks {
		for _, f := range b.Fields {
			if f.Kind != forms.BoxChoice {
				continue
			}
			rows := []int{0}
			if b.Kind == forms.TableBlock {
				rows = d.FilledRows(b)
			}
			for _, r := range rows {
				out = append(out, forms.Path(b, f, r))
			}
		}
	}
	return out
}
