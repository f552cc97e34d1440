package docx

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/render"
)

// fontSetups are fontconfig set-ups that each hold ONE Chinese face, as the machines that
// open the .docx without SimSun have: LibreOffice then sets 宋体 in that face. Liberation
// Serif (metric-compatible with Times New Roman) sets the Latin text. Debian packages:
// fonts-noto-cjk, fonts-arphic-uming, fonts-wqy-zenhei, fonts-liberation2.
var fontSetups = map[string][]string{
	"Noto Serif CJK":    {"/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"},
	"AR PL UMing":       {"/usr/share/fonts/truetype/arphic/uming.ttc"},
	"WenQuanYi Zen Hei": {"/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"},
}

var liberationSerif = []string{
	"/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
	"/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
}

// fontSetup makes a fontconfig configuration whose only fonts are copies of files (LibreOffice
// does not take fonts through symbolic links there), the system's rules kept.
func fontSetup(t *testing.T, dir string, files []string) string {
	t.Helper()
	fdir := filepath.Join(dir, "fonts")
	if err := os.MkdirAll(fdir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range append(append([]string(nil), files...), liberationSerif...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Skipf("font %s missing (tools/debian-deps.sh installs it): %v", f, err)
		}
		if err := os.WriteFile(filepath.Join(fdir, filepath.Base(f)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(dir, "fonts.conf")
	xml := `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>` +
		`<dir>` + fdir + `</dir><cachedir>` + filepath.Join(dir, "cache") + `</cachedir>` +
		`<include ignore_missing="yes">/etc/fonts/conf.d</include></fontconfig>`
	if err := os.WriteFile(conf, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	return conf
}

// convertUnder converts .docx files to PDF with LibreOffice under one fontconfig set-up.
func convertUnder(t *testing.T, conf, dir string, docs map[string][]byte) map[string]string {
	t.Helper()
	return runSoffice(t, dir, 5*time.Minute, []string{"FONTCONFIG_FILE=" + conf, "HOME=" + dir}, docs)
}

// blockMarkers is, for each block of the form, text that starts it: a table's heading, a
// long text's hint or first words, the label otherwise.
func blockMarkers(d *forms.Draft) []string {
	var out []string
	for _, b := range forms.Default().Blocks {
		m := squeeze(b.Name())
		switch {
		case b.Kind == forms.FieldsBlock && b.Grid():
			m = squeeze(forms.Default().Title)
		case b.Kind == forms.FieldsBlock:
			m = squeeze(b.Fields[0].Label)
		case b.Kind == forms.TextBlock && b.Hint != "":
			m = squeeze(b.Hint)
		case b.Kind == forms.TextBlock:
			if ps := render.Paragraphs(d.Value(b, b.Fields[0], 0)); len(ps) > 0 {
				m = squeeze(ps[0])
			}
		}
		if r := []rune(m); len(r) > 12 {
			m = string(r[:12])
		}
		out = append(out, m)
	}
	return out
}

// startPages finds the markers one after another in the pages' text and returns the page
// (from 1) each is on, 0 for one not found.
func startPages(pages []string, markers []string) []int {
	out := make([]int, len(markers))
	p, at := 0, 0
	for i, m := range markers {
		for q := p; q < len(pages); q++ {
			from := 0
			if q == p {
				from = at
			}
			if k := strings.Index(pages[q][from:], m); k >= 0 {
				out[i], p, at = q+1, q, from+k+len(m)
				break
			}
		}
	}
	return out
}

// modelPages is the text of the PDF's pages as the layout model has it, white space dropped.
func modelPages(t *testing.T, d *forms.Draft) []string {
	t.Helper()
	pages, err := render.Layout(d, render.Options{})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(pages))
	for i, p := range pages {
		var sb strings.Builder
		for _, b := range p.Boxes {
			if b.Kind == render.TextBox {
				sb.WriteString(b.Text)
			}
		}
		out[i] = squeeze(sb.String())
	}
	return out
}

// TestPagesAsThePDF: whatever Chinese face stands in for 宋体, LibreOffice sets the .docx on
// as many pages as the PDF has and starts every block on the PDF's page: the line pitch, cell
// margins, row heights and breaks of the .docx are the PDF's.
func TestPagesAsThePDF(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice takes a while")
	}
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-writer-nogui)")
	}
	drafts := map[string]*forms.Draft{"sample": forms.Sample(forms.Default()), "plan3000": plan3000(), "threeRows": moreRows(), "headings": headings()}
	for _, name := range []string{"long-paragraph", "longest", "short-lines"} {
		d, err := forms.Load(filepath.Join("..", "testdata", "drafts", name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		drafts[name] = d
	}
	docs := map[string][]byte{}
	want := map[string][]int{}
	wantPages := map[string]int{}
	for name, d := range drafts {
		docs[name] = export(t, d, Options{})
		pages := modelPages(t, d)
		want[name], wantPages[name] = startPages(pages, blockMarkers(d)), len(pages)
	}
	for setup, files := range fontSetups {
		t.Run(strings.ReplaceAll(setup, " ", "_"), func(t *testing.T) {
			dir := t.TempDir()
			conf := fontSetup(t, dir, files)
			for name, pdf := range convertUnder(t, conf, dir, docs) {
				raw := strings.Split(pdfText(t, pdf), "\f")
				raw = raw[:len(raw)-1] // after the last form feed
				pages := make([]string, len(raw))
				for i, p := range raw {
					pages[i] = squeeze(p)
				}
				got := startPages(pages, blockMarkers(drafts[name]))
				if len(pages) != wantPages[name] || fmt.Sprint(got) != fmt.Sprint(want[name]) {
					t.Errorf("%s: %d pages, blocks start on %v; the PDF: %d pages, %v", name, len(pages), got, wantPages[name], want[name])
				} else {
					t.Logf("%s: %d pages, blocks start on %v, as the PDF", name, len(pages), got)
				}
			}
		})
	}
}

// headings is the sample with a plan of one-line headings (第N阶段：工作重点), each before a
// paragraph: some fall at a page's foot, where the PDF moves them on with their paragraph.
func headings() *forms.Draft {
	d := forms.Sample(forms.Default())
	var sb strings.Builder
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&sb, "第%d阶段：工作重点\n%s\n", i, strings.Repeat("开展主题班会课研讨和结对帮扶活动，", 2+i%5))
	}
	d.Set("plan", sb.String())
	return d
}
