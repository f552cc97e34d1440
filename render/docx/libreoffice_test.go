package docx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"shenbao/fonts"
	"shenbao/forms"
)

// convertWithLibreOffice converts .docx files to PDF with soffice and returns the PDFs'
// paths. soffice runs with a fresh profile and a HOME whose font folder holds the embedded
// Noto Serif SC, so a machine without Chinese fonts still prints Chinese text (SimSun is
// substituted, as LibreOffice does anywhere SimSun is missing).
func convertWithLibreOffice(t *testing.T, docs map[string][]byte) map[string]string {
	t.Helper()
	for _, tool := range []string{"soffice", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install libreoffice-writer-nogui poppler-utils): the LibreOffice read-back is skipped", tool)
		}
	}
	dir := t.TempDir()
	home := filepath.Join(dir, "home")
	if err := os.MkdirAll(filepath.Join(home, ".fonts"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(home, ".fonts", "NotoSerifSC-Regular.ttf"), fonts.Regular, 0o644); err != nil {
		t.Fatal(err)
	}
	pdfs := runSoffice(t, dir, 3*time.Minute, []string{"HOME=" + home}, docs)
	for name, pdf := range pdfs {
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("soffice wrote no PDF for %s", name)
		}
	}
	return pdfs
}

// runSoffice writes docs into dir and converts them to PDF there with soffice (a fresh profile
// in dir, env added to the environment), returning each document's PDF path by name.
func runSoffice(t *testing.T, dir string, timeout time.Duration, env []string, docs map[string][]byte) map[string]string {
	t.Helper()
	args := []string{"-env:UserInstallation=file://" + filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--convert-to", "pdf", "--outdir", dir}
	pdfs := map[string]string{}
	for name, data := range docs {
		file := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, file)
		pdfs[name] = filepath.Join(dir, name+".pdf")
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "soffice", args...)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	return pdfs
}

func pdfText(t *testing.T, pdf string) string {
	t.Helper()
	// -raw keeps the order in which LibreOffice drew the text: cell by cell, row by row.
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", pdf, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", pdf, err)
	}
	return string(out)
}

// footerLine matches the page footer, which falls between the halves of a paragraph that
// runs over a page break.
var footerLine = regexp.MustCompile(`(?m)^第 ?\d+ ?页 ?共 ?\d+ ?页\s*$`)

// TestLibreOfficeReadsIt converts the sample, the blank form and two hard drafts with
// LibreOffice and finds every label and value, in order, in the PDF's text, and the page
// numbers of the footer.
func TestLibreOfficeReadsIt(t *testing.T) {
	if testing.Short() {
		t.Skip("converting with LibreOffice takes seconds")
	}
	drafts := map[string]*forms.Draft{
		"sample":    forms.Sample(forms.Default()),
		"blank":     forms.New(forms.Default()),
		"threeRows": moreRows(),
		"plan3000":  plan3000(),
	}
	docs := map[string][]byte{}
	for name, d := range drafts {
		docs[name] = export(t, d, Options{Draft: name == "blank", Created: fixedTime})
	}
	for name, pdf := range convertWithLibreOffice(t, docs) {
		text := pdfText(t, pdf)
		if missing := findInOrder(footerLine.ReplaceAllString(text, ""), expectedText(drafts[name])); missing != "" {
			t.Errorf("%s: LibreOffice's PDF lacks %q (or has it out of order)", name, missing)
		}
		pages := strings.Count(text, "\f")
		if n := len(footerLine.FindAllString(text, -1)); n != pages || !strings.Contains(squeeze(text), "第1页共"+itoa(pages)+"页") {
			t.Errorf("%s: %d footers 第 N 页 共 %d 页 on %d pages", name, n, pages, pages)
		}
		t.Logf("%s: %d pages", name, pages)
	}
}
