package pdf

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"shenbao/fonts"
	"shenbao/forms"
	"shenbao/photo"
	"shenbao/render"
)

// drafts are the sample and the stress drafts of render/testdata/drafts.
func drafts(t testing.TB) map[string]*forms.Draft {
	t.Helper()
	out := map[string]*forms.Draft{"sample": forms.Sample(forms.Default())}
	files, err := filepath.Glob(filepath.Join("..", "testdata", "drafts", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no test drafts in render/testdata/drafts (%v)", err)
	}
	for _, f := range files {
		d, err := forms.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = d
	}
	return out
}

var created = time.Date(2026, 7, 20, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// export lays out and writes a draft; SHENBAO_PDF_DIR keeps the files to look at.
func export(t testing.TB, name string, d *forms.Draft) (string, []render.Page) {
	t.Helper()
	mark := forms.HasErrors(forms.Check(d, photo.StoredSize)) && !d.Empty()
	pages, err := render.Layout(d, render.Options{Draft: mark})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	info := Info{Title: forms.Default().Title, Author: strings.TrimSpace(d.Get("host.name")), Creator: "shenbao test", Created: created}
	if err := Write(&buf, pages, info); err != nil {
		t.Fatal(err)
	}
	dir := os.Getenv("SHENBAO_PDF_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, pages
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func TestPDFIsValidA4WithInfoAndSubsetFonts(t *testing.T) {
	for name, d := range drafts(t) {
		t.Run(name, func(t *testing.T) {
			path, pages := export(t, name, d)
			tool(t, "qpdf", "--check", path)
			info := tool(t, "pdfinfo", path)
			for _, want := range []string{
				"Title:           " + forms.Default().Title,
				"Creator:         shenbao test",
				"Page size:       595.28 x 841.89 pts (A4)",
				"JavaScript:      no",
				"Form:            none",
				"Encrypted:       no",
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
			if pagesLine := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(info); pagesLine == nil || pagesLine[1] != itoa(len(pages)) {
				t.Errorf("pdfinfo pages %v, layout %d", pagesLine, len(pages))
			}
			if a := infoText(strings.TrimSpace(d.Get("host.name"))); a != "" && !strings.Contains(info, "Author:          "+a) {
				t.Errorf("author %q missing:\n%s", a, info)
			}
			if !strings.Contains(info, "CreationDate:") {
				t.Errorf("no CreationDate")
			}
			fontsOut := tool(t, "pdffonts", path)
			lines := strings.Split(strings.TrimSpace(fontsOut), "\n")[2:]
			if len(lines) == 0 {
				t.Fatalf("no fonts:\n%s", fontsOut)
			}
			for _, l := range lines {
				f := strings.Fields(l)
				// name type... emb sub uni object ID: emb, sub, uni are the 5th-3rd from the end.
				if len(f) < 7 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" || f[len(f)-3] != "yes" {
					t.Errorf("font not an embedded subset with ToUnicode: %s", l)
				}
			}
		})
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// pdftotext in content-stream order gives the form's labels and every typed value, in the
// form's order, each whole.
func TestPDFTextInReadingOrder(t *testing.T) {
	for name, d := range drafts(t) {
		t.Run(name, func(t *testing.T) {
			path, pages := export(t, name, d)
			got := strip(tool(t, "pdftotext", "-raw", "-enc", "UTF-8", path, "-"))
			// The model's text in drawing order is the expected reading order; the PDF must
			// hold exactly it (the watermark across the page is a picture, not text).
			var want strings.Builder
			for _, p := range pages {
				for _, b := range p.Boxes {
					if b.Kind == render.TextBox {
						want.WriteString(b.Text)
					}
				}
			}
			if w := strip(want.String()); got != w {
				i := 0
				for i < len(got) && i < len(w) && got[i] == w[i] {
					i++
				}
				t.Errorf("extracted text differs from the layout at byte %d:\n got …%s\nwant …%s", i, excerpt(got, i), excerpt(w, i))
			}
			// And the labels and values of the form are there in order, each whole once the
			// page furniture between the pages of a long text is taken out.
			if name == "absurd" {
				return // rows taller than a page split, and their cells interleave page by page
			}
			body := withoutFurniture(got)
			at := 0
			for _, s := range ordered(d) {
				k := strings.Index(body[at:], s)
				if k < 0 {
					t.Errorf("%q missing or out of order", excerpt(s, 0))
					continue
				}
				at += k + len(s)
			}
		})
	}
}

var footer = regexp.MustCompile(`第\d+页共\d+页`)

// withoutFurniture drops page numbers, the draft mark and the labels repeated with （续）.
func withoutFurniture(s string) string {
	s = footer.ReplaceAllString(s, "")
	s = strings.ReplaceAll(s, render.DraftMark, "")
	for _, b := range forms.Default().Blocks {
		s = strings.ReplaceAll(s, strip(b.Label)+render.Continued, "")
	}
	return s
}

func excerpt(s string, i int) string {
	r := []rune(s[min(i, len(s)):])
	if len(r) > 30 {
		r = r[:30]
	}
	return string(r)
}

// ordered is the labels and values of the form in order, as printed (unprintable characters
// as □).
func ordered(d *forms.Draft) []string {
	out := []string{forms.Default().Title}
	for _, b := range forms.Default().Blocks {
		if b.Kind != forms.FieldsBlock || b.Key != "host" {
			out = append(out, strip(b.Label))
		}
		for _, f := range b.Fields {
			if f.Kind == forms.Picture || b.Kind == forms.TextBlock {
				continue
			}
			if b.Kind == forms.TableBlock {
				continue
			}
			out = append(out, strip(f.Label))
			if v := printed(f, d.Get(forms.Path(b, f, 0))); v != "" {
				out = append(out, v)
			}
		}
		if b.Kind == forms.TableBlock {
			for _, r := range d.FilledRows(b) {
				for _, f := range b.Fields {
					out = append(out, printed(f, d.Get(forms.Path(b, f, r))))
				}
			}
		}
		if b.Kind == forms.TextBlock {
			out = append(out, strip(b.Hint))
			if v := printed(b.Fields[0], d.Get(b.Key)); v != "" {
				out = append(out, v)
			}
		}
	}
	var keep []string
	for _, s := range out {
		if s != "" {
			keep = append(keep, s)
		}
	}
	return keep
}

func printed(f forms.Field, v string) string {
	return strip(strings.Map(func(r rune) rune {
		if r != '\n' && !fonts.Printable(r) {
			return '□'
		}
		return r
	}, forms.Display(f, v)))
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\t' || r == '\f' || r == '\r' {
			return -1
		}
		return r
	}, s)
}

// A --draft export says so on every page: the words as text (what pdftotext reads, in every
// mode) and the watermark across the page as a picture.
func TestPDFDraftWatermarkOnEveryPage(t *testing.T) {
	d := drafts(t)["emoji"]
	path, pages := export(t, "emoji", d)
	for i := range pages {
		p := itoa(i + 1)
		for _, mode := range []string{"-raw", "-layout", "-simple"} {
			args := []string{"-f", p, "-l", p, path, "-"}
			if mode != "-simple" {
				args = append([]string{mode}, args...)
			}
			if txt := tool(t, "pdftotext", args...); !strings.Contains(strip(txt), render.DraftMark) {
				t.Errorf("page %d lacks %s (pdftotext %s)", i+1, render.DraftMark, mode)
			}
		}
		if list := tool(t, "pdfimages", "-f", p, "-l", p, "-list", path); !strings.Contains(list, "gray") {
			t.Errorf("page %d has no grey watermark picture:\n%s", i+1, list)
		}
	}
}

// The watermark picture is the mark's words in light grey on white.
func TestWatermarkPicture(t *testing.T) {
	pic, err := watermarkPicture(render.DraftMark, render.Bold, render.WatermarkSize, 0.82)
	if err != nil {
		t.Fatal(err)
	}
	if pic.w < float64(len([]rune(render.DraftMark)))*render.WatermarkSize*0.9 || pic.h < render.WatermarkSize {
		t.Errorf("picture %.0f × %.0f pt for %d characters at %.0f pt", pic.w, pic.h, len([]rune(render.DraftMark)), render.WatermarkSize)
	}
	img, err := png.Decode(bytes.NewReader(pic.png))
	if err != nil {
		t.Fatal(err)
	}
	darkest, white := uint8(255), 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y
			darkest = min(darkest, g)
			if g == 255 {
				white++
			}
		}
	}
	if want := uint8(209); darkest < want-2 || darkest > want+2 { // 0.82 of white
		t.Errorf("darkest ink %d, want the mark's grey %d", darkest, want)
	}
	if white < b.Dx()*b.Dy()/3 {
		t.Errorf("only %d of %d pixels white: not text on white", white, b.Dx()*b.Dy())
	}
}

func TestPDFSize(t *testing.T) {
	for name, d := range drafts(t) {
		path, _ := export(t, name, d)
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if st.Size() > 400<<10 {
			t.Errorf("%s: %d KB, more than 400 KB", name, st.Size()>>10)
		}
	}
}

func TestPrintableIn(t *testing.T) {
	tests := []struct {
		in       string
		f        render.Font
		want     string
		wantFont render.Font
	}{
		{"主持人", render.Bold, "主持人", render.Bold},
		{"王😀", render.Regular, "王□", render.Regular},
		{"堃", render.Bold, "堃", render.Regular}, // not in the bold subset (not GB 2312)
		{"a\tb", render.Regular, "a□b", render.Regular},
	}
	for _, tt := range tests {
		got, f := printableIn(tt.in, tt.f)
		if got != tt.want || f != tt.wantFont {
			t.Errorf("printableIn(%q, %d) = %q, %d; want %q, %d", tt.in, tt.f, got, f, tt.want, tt.wantFont)
		}
	}
}

// BenchmarkExportPDF is a whole export of the sample once the fonts are loaded: layout and
// PDF. The first call, which parses the fonts, is reported as first-ms.
func BenchmarkExportPDF(b *testing.B) {
	d := forms.Sample(forms.Default())
	info := Info{Title: forms.Default().Title, Author: "覃晓岚", Creator: "shenbao bench", Created: created}
	one := func() int {
		pages, err := render.Layout(d, render.Options{})
		if err != nil {
			b.Fatal(err)
		}
		var buf bytes.Buffer
		if err := Write(&buf, pages, info); err != nil {
			b.Fatal(err)
		}
		return buf.Len()
	}
	start := time.Now()
	size := one()
	first := time.Since(start)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		size = one()
	}
	b.ReportMetric(float64(first.Microseconds())/1000, "first-ms")
	b.ReportMetric(float64(size)/1024, "KB")
}

// Stored photos come from other programs too: every format Go decodes must print.
func TestPDFPhotoFormats(t *testing.T) {
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages not installed")
	}
	rgba := image.NewNRGBA(image.Rect(0, 0, 300, 420))
	gray := image.NewGray(image.Rect(0, 0, 300, 420))
	gray16 := image.NewGray16(image.Rect(0, 0, 200, 200))
	pal := image.NewPaletted(image.Rect(0, 0, 250, 350), color.Palette{color.Black, color.White, color.RGBA{200, 30, 30, 255}})
	for y := 0; y < 420; y++ {
		for x := 0; x < 300; x++ {
			rgba.Set(x, y, color.NRGBA{uint8(x), 90, uint8(y), uint8(x / 2)}) // half transparent
			gray.Set(x, y, color.Gray{uint8(x + y)})
			pal.Set(x, y, pal.Palette[(x/20+y/20)%3])
			gray16.Set(x, y, color.Gray16{uint16(x * y)})
		}
	}
	enc := map[string]func(*bytes.Buffer) error{
		"png-alpha": func(b *bytes.Buffer) error { return png.Encode(b, rgba) },
		"png-16bit": func(b *bytes.Buffer) error { return png.Encode(b, gray16) },
		"png-pal":   func(b *bytes.Buffer) error { return png.Encode(b, pal) },
		"gif":       func(b *bytes.Buffer) error { return gif.Encode(b, pal, nil) },
		"jpeg-gray": func(b *bytes.Buffer) error { return jpeg.Encode(b, gray, nil) },
	}
	for name, f := range enc {
		var buf bytes.Buffer
		if err := f(&buf); err != nil {
			t.Fatal(err)
		}
		d := forms.Sample(forms.Default())
		d.Photo = &forms.Photo{MIME: "image/" + name, Data: base64.StdEncoding.EncodeToString(buf.Bytes())}
		path, _ := export(t, "photo-"+name, d)
		tool(t, "qpdf", "--check", path)
		list := tool(t, "pdfimages", "-f", "1", "-l", "1", "-list", path)
		if n := len(strings.Split(strings.TrimSpace(list), "\n")) - 2; n < 1 {
			t.Errorf("%s: no image on page 1:\n%s", name, list)
		}
	}
}
