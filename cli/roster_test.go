package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
	"shenbao/roster"
)

// saveDraft writes a draft to dir/name and returns its path.
func saveDraft(t *testing.T, dir, name string, d *forms.Draft) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeRoster writes the export of a draft's tables to dir/name.
func writeRoster(t *testing.T, dir, name string, d *forms.Draft) string {
	t.Helper()
	var buf bytes.Buffer
	if err := roster.ExportRoster(&buf, d); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ out, written string }{
		{filepath.Join(dir, "名单模板.xlsx"), filepath.Join(dir, "名单模板.xlsx")},
		{filepath.Join(dir, "模板"), filepath.Join(dir, "模板.xlsx")}, // Excel needs the extension
		{dir, filepath.Join(dir, "名单模板.xlsx")},                    // a folder: the default name in it
	} {
		code, out, errs := run(t, nil, "template", "-o", tc.out)
		if code != ExitOK || out != tc.written+"\n" || errs != "" {
			t.Errorf("template -o %s: exit %d, stdout %q, stderr %q", tc.out, code, out, errs)
		}
		f, err := os.Open(tc.written)
		if err != nil {
			t.Fatal(err)
		}
		_, ps, err := roster.ReadRoster(forms.Default(), f, "")
		f.Close()
		if err != nil || len(ps) == 0 || !strings.Contains(ps[0].Message, "还没有填写任何人") {
			t.Errorf("the written template does not read back as an empty roster: %v %v", err, ps)
		}
	}
	if code, _, errs := run(t, nil, "template"); code != ExitUnreadable || !strings.Contains(errs, "用法") {
		t.Errorf("template without -o: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, nil, "template", "-o", filepath.Join(dir, "没有", "x.xlsx")); code != ExitUnreadable || !hasHan(errs) {
		t.Errorf("template into a missing folder: exit %d, %q", code, errs)
	}
}

// export-roster then import-roster carries the tables from one draft to another.
func TestExportThenImportRoster(t *testing.T) {
	dir := t.TempDir()
	src := saveDraft(t, dir, "sample.json", forms.Sample(forms.Default()))
	out := filepath.Join(dir, "名单.xlsx")
	if code, stdout, errs := run(t, nil, "export-roster", src, "-o", out); code != ExitOK || stdout != out+"\n" {
		t.Fatalf("export-roster: exit %d, %q %q", code, stdout, errs)
	}
	blank := forms.New(forms.Default())
	blank.Set("host.name", "主持人甲")
	dst := saveDraft(t, dir, "new.json", blank)
	code, stdout, errs := run(t, nil, "import-roster", dst, out)
	if code != ExitOK || errs != "" {
		t.Fatalf("import-roster: exit %d\n%s%s", code, stdout, errs)
	}
	if want := "指导老师：导入 2 名。\n工作室成员：导入 5 名。\n"; stdout != want {
		t.Errorf("stdout %q, want %q", stdout, want)
	}
	got, err := forms.Load(dst)
	if err != nil {
		t.Fatal(err)
	}
	sample := forms.Sample(forms.Default())
	for _, p := range sample.Paths() {
		if strings.HasPrefix(p, "advisers") || strings.HasPrefix(p, "members") {
			if got.Get(p) != sample.Get(p) {
				t.Errorf("%s = %q, want %q", p, got.Get(p), sample.Get(p))
			}
		}
	}
	if got.Get("host.name") != "主持人甲" {
		t.Error("import changed the host")
	}
	if _, err := os.Stat(dst + ".bak"); err != nil {
		t.Errorf("the draft was not saved safely (no .bak): %v", err)
	}
	// Importing again replaces, and says so.
	if _, stdout, _ := run(t, nil, "import-roster", dst, out); !strings.Contains(stdout, "导入 5 名，替换了原有的 5 名") {
		t.Errorf("second import: %q", stdout)
	}
}

// For every form, export-roster then import-roster into an empty draft says one line for each
// table the applicant fills, named by the table, and nothing of a table the bureau fills (the
// 江西 form's 评议 table has no nav: it printed "：名单中没有，保持原有的 0 名。").
func TestImportRosterReportEveryForm(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	t.Cleanup(forms.ResetRegistered)
	for _, def := range formstest.Definitions(t) {
		forms.Register(def) // drafts of the synthetic form can be saved
		form := formstest.Form(def)
		src := saveDraft(t, dir, def.ID+"-sample.json", forms.Sample(def))
		out := filepath.Join(dir, def.ID+".xlsx")
		if code, _, errs := run(t, nil, "export-roster", "--form", form, src, "-o", out); code != ExitOK {
			t.Fatalf("%s: export-roster: exit %d %s", def.ID, code, errs)
		}
		dst := saveDraft(t, dir, def.ID+"-new.json", forms.New(def))
		code, stdout, errs := run(t, nil, "import-roster", "--form", form, dst, out)
		if code != ExitOK {
			t.Fatalf("%s: import-roster: exit %d\n%s%s", def.ID, code, stdout, errs)
		}
		var want []string
		for _, b := range def.Tables() {
			if b.Stored() {
				want = append(want, b.Nav+"：")
			}
		}
		got := lines(stdout)
		for i, w := range want {
			if i >= len(got) || !strings.HasPrefix(got[i], w) {
				t.Errorf("%s: line %d of %q does not start with %q", def.ID, i+1, stdout, w)
			}
		}
		for _, l := range got {
			if strings.HasPrefix(l, "：") {
				t.Errorf("%s: a line names no table: %q", def.ID, l)
			}
		}
	}
}

// A roster with 错误 is refused: the problems are printed with sheet and row, and the draft
// file stays byte for byte what it was.
func TestImportRosterRefused(t *testing.T) {
	dir := t.TempDir()
	many := forms.New(forms.Default())
	for i := 1; i <= 7; i++ {
		many.Set(fmt.Sprintf("members[%d].name", i), fmt.Sprintf("成员%d", i))
	}
	bad := writeRoster(t, dir, "many.xlsx", many)
	notBook := filepath.Join(dir, "名单.xlsx")
	os.WriteFile(notBook, []byte("姓名,性别\n王芳,女\n"), 0o600)
	draft := saveDraft(t, dir, "d.json", forms.Sample(forms.Default()))
	before, _ := os.ReadFile(draft)
	os.Remove(draft + ".bak")

	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"too many members", []string{"import-roster", draft, bad}, ExitFindings,
			[]string{"错误 工作表“工作室成员”第8行：工作室成员最多5名，这是第6名", "错误 工作表“工作室成员”第9行", "没有导入：名单中有 2 个错误", "草稿没有改动"}},
		{"not a workbook", []string{"import-roster", draft, notBook}, ExitUnreadable, []string{"无法读取", "另存为"}},
		{"no roster file", []string{"import-roster", draft, filepath.Join(dir, "无.xlsx")}, ExitUnreadable, []string{"找不到这个文件"}},
		{"draft unreadable", []string{"import-roster", notBook, bad}, ExitUnreadable, []string{"无法读取"}},
		{"one file", []string{"import-roster", draft}, ExitUnreadable, []string{"用法"}},
		{"-o given", []string{"import-roster", draft, bad, "-o", "x"}, ExitUnreadable, []string{"用法"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, errs := run(t, nil, tc.args...)
			if code != tc.code || stdout != "" {
				t.Errorf("exit %d (want %d), stdout %q", code, tc.code, stdout)
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errs, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errs)
				}
			}
			if after, _ := os.ReadFile(draft); !bytes.Equal(after, before) {
				t.Error("the draft file changed")
			}
			if _, err := os.Stat(draft + ".bak"); err == nil {
				t.Error("a refused import wrote a backup")
			}
		})
	}
}

// 提醒 are printed and the import goes on; what the checks find in the tables is shown.
func TestImportRosterWarnings(t *testing.T) {
	dir := t.TempDir()
	d := forms.New(forms.Default())
	d.Set("members[1].name", "王芳")
	d.Set("members[1].mobile", "12345")
	path := writeRoster(t, dir, "r.xlsx", d)
	draft := saveDraft(t, dir, "d.json", forms.Sample(forms.Default()))
	code, stdout, errs := run(t, nil, "import-roster", draft, path)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, errs)
	}
	for _, want := range []string{"提醒 工作表“指导老师”：没有填写指导老师，草稿中的指导老师保持不变。"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for _, want := range []string{"指导老师：名单中没有，保持原有的 2 名。", "工作室成员：导入 1 名，替换了原有的 5 名。", "导入后请核对：", "members[1].mobile"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	got, _ := forms.Load(draft)
	if got.Get("advisers[1].name") != forms.Sample(forms.Default()).Get("advisers[1].name") || got.Get("members[2].name") != "" {
		t.Errorf("advisers %q, members[2] %q", got.Get("advisers[1].name"), got.Get("members[2].name"))
	}
}

func TestExportRosterErrors(t *testing.T) {
	dir := t.TempDir()
	if code, _, errs := run(t, nil, "export-roster", filepath.Join(dir, "无.json"), "-o", filepath.Join(dir, "x.xlsx")); code != ExitUnreadable || !strings.Contains(errs, "找不到") {
		t.Errorf("missing draft: exit %d, %q", code, errs)
	}
	draft := saveDraft(t, dir, "d.json", forms.Sample(forms.Default()))
	if code, _, errs := run(t, nil, "export-roster", draft); code != ExitUnreadable || !strings.Contains(errs, "用法") {
		t.Errorf("no -o: exit %d, %q", code, errs)
	}
	code, out, _ := run(t, nil, "export-roster", draft, "-o", dir)
	if want := filepath.Join(dir, "名单-覃晓岚.xlsx") + "\n"; code != ExitOK || out != want {
		t.Errorf("-o folder: exit %d, %q, want %q", code, out, want)
	}
}

func TestSafeName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"覃晓岚", "覃晓岚"},
		{"  ", "未填姓名"},
		{`a/b\c:d`, "a_b_c_d"},
		{"李四.", "李四"},
		{strings.Repeat("欧阳", 60), strings.Repeat("欧阳", 20)}, // 360 bytes: too long for Linux
	} {
		got := safeName(tc.in)
		if got != tc.want {
			t.Errorf("safeName(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if n := len("名单-" + got + ".xlsx"); n > 200 {
			t.Errorf("safeName(%q): file name of %d bytes", tc.in, n)
		}
	}
}
