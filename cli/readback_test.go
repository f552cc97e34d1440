package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// exported writes the sample (with a change) as a draft and exports it; it returns the draft's,
// the .docx's and the PDF's paths.
func exported(t *testing.T, dir string, edit func(d *forms.Draft)) (string, string, string) {
	t.Helper()
	d := forms.Sample(forms.Default())
	if edit != nil {
		edit(d)
	}
	draft := filepath.Join(dir, "草稿.json")
	if err := d.Save(draft); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, nil, "export", draft, "-o", filepath.Join(dir, "导出"), "--draft")
	if code != ExitOK {
		t.Fatalf("export: %d %s", code, errs)
	}
	paths := lines(out)
	return draft, paths[0], paths[1]
}

// TestCommandsTakeOurFiles: check, export, export-roster read our .docx and PDF as they read
// the draft: the same findings, the same exit code.
func TestCommandsTakeOurFiles(t *testing.T) {
	dir := t.TempDir()
	draft, docx, pdf := exported(t, dir, func(d *forms.Draft) { d.Set("host.years", "3") })
	wantCode, want, _ := run(t, nil, "check", draft)
	if wantCode != ExitFindings {
		t.Fatalf("check of the draft: exit %d", wantCode)
	}
	for _, f := range []string{docx, pdf} {
		code, out, errs := run(t, nil, "check", f)
		if code != wantCode || out != want {
			t.Errorf("check %s: exit %d, findings\n%s\nwant %d,\n%s", filepath.Ext(f), code, out, wantCode, want)
		}
		if !strings.Contains(errs, "本程序导出的") {
			t.Errorf("check %s does not say where the draft came from: %q", filepath.Ext(f), errs)
		}
		out2 := filepath.Join(dir, "again"+filepath.Ext(f))
		if code, _, errs := run(t, nil, "export", f, "-o", out2, "--draft"); code != ExitOK {
			t.Errorf("export %s: %d %s", f, code, errs)
		}
		if code, _, errs := run(t, nil, "export-roster", f, "-o", filepath.Join(dir, "名单"+filepath.Ext(f)+".xlsx")); code != ExitOK {
			t.Errorf("export-roster %s: %d %s", f, code, errs)
		}
	}
}

// TestChangingCommandsWriteADraftBeside: photo with a .docx saves a .json beside it, says so,
// and leaves the .docx as it was; a second time takes the next free name.
func TestChangingCommandsWriteADraftBeside(t *testing.T) {
	dir := t.TempDir()
	_, docx, _ := exported(t, dir, nil)
	pic := filepath.Join("..", "photo", "testdata", "progressive.jpg")
	before := hash(t, docx)
	for i, want := range []string{".json", "-2.json"} {
		code, out, errs := run(t, nil, "photo", docx, pic)
		if code != ExitOK {
			t.Fatalf("photo %d: %d %s", i, code, errs)
		}
		saved := strings.TrimSuffix(docx, ".docx") + want
		if !strings.Contains(out, "草稿已另存为 "+saved) {
			t.Errorf("photo %d does not name %s: %q", i, saved, out)
		}
		if _, err := forms.Load(saved); err != nil {
			t.Errorf("photo %d: %v", i, err)
		}
	}
	if hash(t, docx) != before {
		t.Error("the .docx was changed")
	}
}

// TestUnreadableFiles: a scan and a PDF or .docx with no form are unreadable (2), and say what
// they are.
func TestUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	letter := filepath.Join(dir, "通知.docx")
	os.WriteFile(letter, []byte("PK\x03\x04 broken"), 0o644)
	doc := filepath.Join(dir, "旧表.doc")
	os.WriteFile(doc, append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 1000)...), 0o644)
	for file, want := range map[string]string{letter: "已损坏或不是 .docx", doc: "Word 97–2003"} {
		code, _, errs := run(t, nil, "check", file)
		if code != ExitUnreadable || !strings.Contains(errs, want) {
			t.Errorf("check %s: exit %d, %q; want 2 and %q", filepath.Base(file), code, errs, want)
		}
	}
}
