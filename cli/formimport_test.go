package cli

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// A clerk's blank Word template becomes a form on the command line: form import writes a
// file that form check passes and says its guesses; a draft of it is made and exported, and
// the blank form exported imports again to the same form.
func TestFormImport(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	tmpl := filepath.Join("..", "formimport", "testdata", "mbzr-python-docx.docx")
	def := filepath.Join(dir, "名班主任.toml")
	code, out, errs := run(t, nil, "form", "import", tmpl, "-o", def)
	if code != ExitOK {
		t.Fatalf("form import: %d %s", code, errs)
	}
	for _, want := range []string{"导入表格“柳州市首批“名班主任工作室”申报表”", "第16行第2格：“主持人近5年从事班主任工作方面的主要业绩及成果”没有写字数要求", "结对帮扶县区", "模板的表格宽 156 毫米"} {
		if !strings.Contains(out, want) {
			t.Errorf("form import says no %q:\n%s", want, out)
		}
	}
	if code, _, errs := run(t, nil, "form", "check", def); code != ExitOK {
		t.Fatalf("form check of the imported file: %d %s", code, errs)
	}
	draft := filepath.Join(dir, "草稿.json")
	if code, _, errs := run(t, nil, "new", "--form", def, "-o", draft); code != ExitOK {
		t.Fatalf("new --form: %s", errs)
	}
	if code, _, errs := run(t, nil, "export", draft, "--form", def, "-o", filepath.Join(dir, "out")); code != ExitOK {
		t.Fatalf("export of the blank draft: %s", errs)
	}
	docs, _ := filepath.Glob(filepath.Join(dir, "out", "*.docx"))
	if len(docs) != 1 {
		t.Fatalf("exported %v", docs)
	}
	again := filepath.Join(dir, "again.toml")
	if code, _, errs := run(t, nil, "form", "import", docs[0], "-o", again); code != ExitOK {
		t.Fatalf("import of the exported form: %s", errs)
	}
	a, err1 := forms.ReadDefinition(def)
	b, err2 := forms.ReadDefinition(again)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	if !sameShape(a, b) {
		t.Errorf("the exported form imports otherwise:\n%s\nthen\n%s", shape(a), shape(b))
	}
}

// sameShape: the same blocks and fields as printed: kinds, labels without spaces and breaks,
// widths within 0.5 mm.
func sameShape(a, b *forms.Definition) bool {
	if len(a.Blocks) != len(b.Blocks) {
		return false
	}
	for i, ab := range a.Blocks {
		bb := b.Blocks[i]
		if ab.Kind != bb.Kind || flatLabel(ab.Label) != flatLabel(bb.Label) || math.Abs(ab.LabelMM-bb.LabelMM) > 0.5 || len(ab.Fields) != len(bb.Fields) {
			return false
		}
		for j, af := range ab.Fields {
			bf := bb.Fields[j]
			if af.Kind != bf.Kind || flatLabel(af.Label) != flatLabel(bf.Label) || af.Row != bf.Row ||
				math.Abs(af.LabelMM-bf.LabelMM) > 0.5 || math.Abs(af.ValueMM-bf.ValueMM) > 0.5 {
				return false
			}
		}
	}
	return true
}

func flatLabel(s string) string { return strings.Join(strings.Fields(s), "") }

func shape(d *forms.Definition) string {
	var sb strings.Builder
	for _, b := range d.Blocks {
		fmt.Fprintf(&sb, "%v %s %g\n", b.Kind, flatLabel(b.Label), b.LabelMM)
		for _, f := range b.Fields {
			fmt.Fprintf(&sb, "  %v %s row %d %g+%g\n", f.Kind, flatLabel(f.Label), f.Row, f.LabelMM, f.ValueMM)
		}
	}
	return sb.String()
}

// A document that is not a form is refused with its reason; without -o the file goes beside
// the template, never over one already there.
func TestFormImportRefuses(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	letter := filepath.Join("..", "formimport", "testdata", "letter.docx")
	if code, _, errs := run(t, nil, "form", "import", letter, "-o", filepath.Join(dir, "x.toml")); code != ExitUnreadable || !strings.Contains(errs, "没有表格") {
		t.Errorf("a letter: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "x.toml")); err == nil {
		t.Error("a file was written for a letter")
	}
	data, _ := os.ReadFile(filepath.Join("..", "formimport", "testdata", "mbzr-ours.docx"))
	tmpl := filepath.Join(dir, "模板.docx")
	os.WriteFile(tmpl, data, 0o644)
	if code, _, errs := run(t, nil, "form", "import", tmpl); code != ExitOK {
		t.Fatalf("without -o: %d %s", code, errs)
	}
	if _, err := forms.ReadDefinition(filepath.Join(dir, "模板.toml")); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, nil, "form", "import", tmpl); code != ExitUnreadable || !strings.Contains(errs, "没有覆盖") {
		t.Errorf("over a file already there: %d %s", code, errs)
	}
	if code, _, errs := run(t, nil, "form", "import"); code != ExitUnreadable || !strings.Contains(errs, "用法") {
		t.Errorf("no template: %d %s", code, errs)
	}
}
