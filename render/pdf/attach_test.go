package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/render"
)

// TestAttachedDraft: the PDF carries the draft as an embedded file that qpdf, an independent
// reader, lists and extracts byte for byte, and the file stays clean for qpdf --check.
func TestAttachedDraft(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf is not installed (apt-get install qpdf)")
	}
	for name, d := range map[string]*forms.Draft{"sample": forms.Sample(forms.Default()), "blank": forms.New(forms.Default())} {
		pages, err := render.Layout(d, render.Options{Draft: name == "blank"})
		if err != nil {
			t.Fatal(err)
		}
		draft := d.Marshal()
		var b bytes.Buffer
		if err := Write(&b, pages, Info{Title: forms.Default().Title, Author: "覃晓岚", Creator: "shenbao test", Created: time.Unix(1e9, 0), Draft: draft}); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), name+".pdf")
		os.WriteFile(file, b.Bytes(), 0o644)
		out, err := exec.Command("qpdf", "--check", file).CombinedOutput()
		if err != nil || strings.Contains(string(out), "WARNING") {
			t.Errorf("%s: qpdf --check: %v\n%s", name, err, out)
		}
		list, _ := exec.Command("qpdf", "--list-attachments", file).CombinedOutput()
		if !strings.Contains(string(list), DraftFileName) {
			t.Errorf("%s: qpdf lists no %s:\n%s", name, DraftFileName, list)
		}
		got, err := exec.Command("qpdf", "--show-attachment="+DraftFileName, file).Output()
		if err != nil || !bytes.Equal(got, draft) {
			t.Errorf("%s: the attachment differs from the draft (%v)", name, err)
		}
		// The document info survives in the new trailer.
		if _, err := exec.LookPath("pdfinfo"); err == nil {
			info, _ := exec.Command("pdfinfo", file).Output()
			if !strings.Contains(string(info), "覃晓岚") || !strings.Contains(string(info), "shenbao test") {
				t.Errorf("%s: the document info is lost:\n%s", name, info)
			}
		}
	}
}

// TestAttachRefusesOtherPDFs: AttachDraft only takes gopdf's layout; anything else is an
// error, never a damaged file.
func TestAttachRefusesOtherPDFs(t *testing.T) {
	for _, doc := range []string{"", "%PDF-1.7\n", "%PDF-1.7\ntrailer\n<< /Size 3 /Root 9 0 R >>\nstartxref\n9\n%%EOF\n"} {
		if _, err := AttachDraft([]byte(doc), []byte("{}")); err == nil {
			t.Errorf("AttachDraft(%q) gave no error", doc)
		}
	}
}
