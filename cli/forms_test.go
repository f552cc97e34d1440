package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// The 名班主任 definition changed as a clerk would (the title, a label, the plan's limit) and
// given with --form is used at once, with no new program: by check, new, sample and export.
func TestFormFileChangedByAClerk(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config")) // no forms folder of the machine's
	data, err := forms.ShippedFile("liuzhou-mbzr-2024.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, r := range [][2]string{
		{`title = "柳州市首批“名班主任工作室”申报表"`, `title = "柳州市第二批“名班主任工作室”申报表"`},
		{"max_words = 3000", "max_words = 2000"},
		{"warn_words = 2800", "warn_words = 1800"},
	} {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("the definition has no %q", r[0])
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	def := filepath.Join(dir, "第二批.toml")
	os.WriteFile(def, []byte(text), 0o644)
	draft := filepath.Join(dir, "草稿.json")
	if code, _, errs := run(t, nil, "sample", "-o", draft); code != ExitOK {
		t.Fatal(errs)
	}
	if code, out, _ := run(t, nil, "check", draft); code != ExitOK || strings.Contains(out, "错误 plan") {
		t.Fatalf("the sample with the built-in form: %d %s", code, out)
	}
	code, out, _ := run(t, nil, "check", draft, "--form", def)
	if code != ExitFindings || !strings.Contains(out, "错误 plan:") || !strings.Contains(out, "2000字") {
		t.Errorf("check --form with the plan limited to 2000 字: %d\n%s", code, out)
	}
	if code, out, _ := run(t, nil, "form", "show", def); code != ExitOK || !strings.Contains(out, "第二批") || !strings.Contains(out, "不超过2000字") {
		t.Errorf("form show: %d\n%s", code, out)
	}
	// the built-in form again once the run is over: --form is for one command line
	if code, out, _ := run(t, nil, "check", draft); code != ExitOK {
		t.Errorf("the next command still used the clerk's file: %d %s", code, out)
	}
}

// form check names the line and what is wrong; a good file passes; new makes an empty draft
// of a form that check then reads.
func TestFormCheckAndNew(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	data, _ := forms.ShippedFile("liuzhou-mbzr-2024.toml")
	good := filepath.Join(dir, "好.toml")
	os.WriteFile(good, data, 0o644)
	if code, _, errs := run(t, nil, "form", "check", good); code != ExitOK || !strings.Contains(errs, "没有问题") {
		t.Errorf("a shipped file: %d %s", code, errs)
	}
	for _, tt := range []struct{ name, from, to, want string }{
		{"unknown kind", `kind = "year_month"`, `kind = "yearmonth"`, "yearmonth"},
		{"unknown key", `rows = 5`, "rows = 5\ncolour = \"red\"", "colour"},
		{"toml", `rows = 5`, `rows = = 5`, "第"},
	} {
		bad := filepath.Join(dir, tt.name+".toml")
		os.WriteFile(bad, []byte(strings.Replace(string(data), tt.from, tt.to, 1)), 0o644)
		code, out, _ := run(t, nil, "form", "check", bad)
		if code != ExitFindings || !strings.Contains(out, "第") || !strings.Contains(out, tt.want) {
			t.Errorf("%s: %d %q", tt.name, code, out)
		}
	}
	empty := filepath.Join(dir, "空白.json")
	if code, _, errs := run(t, nil, "new", "--form", "liuzhou-mbzr-2024", "-o", empty); code != ExitOK {
		t.Fatal(errs)
	}
	if code, out, _ := run(t, nil, "check", empty); code != ExitFindings || !strings.Contains(out, "请填写") {
		t.Errorf("check of a new draft: %d %s", code, out)
	}
	if code, _, errs := run(t, nil, "new", "--form", "no-such-form", "-o", empty); code != ExitUnreadable || !strings.Contains(errs, "no-such-form") {
		t.Errorf("an unknown form: %d %s", code, errs)
	}
}

// A draft of a form this program does not have is refused, naming the form.
func TestDraftOfAnUnknownForm(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	p := filepath.Join(dir, "别的表.json")
	os.WriteFile(p, []byte(`{"format": "shenbao:guilin-mingshi-2025", "version": 1}`), 0o644)
	code, _, errs := run(t, nil, "check", p)
	if code != ExitUnreadable || !strings.Contains(errs, "guilin-mingshi-2025") {
		t.Errorf("%d %s", code, errs)
	}
}

// The user's forms folder is read: a good file adds its form, a broken one is named in one
// line and stops nothing.
func TestUserFormsFolder(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	folder := filepath.Join(dir, "shenbao", "forms")
	os.MkdirAll(folder, 0o755)
	data, _ := forms.ShippedFile("liuzhou-mbzr-2024.toml")
	other := strings.Replace(string(data), `id = "liuzhou-mbzr-2024"`, `id = "liuzhou-mbzr-2025"`, 1)
	other = strings.Replace(other, `draft_format = "liuzhou-mbzr-shenbao"`, ``, 1)
	os.WriteFile(filepath.Join(folder, "第二批.toml"), []byte(other), 0o644)
	os.WriteFile(filepath.Join(folder, "坏的.toml"), []byte("title = \n"), 0o644)
	code, out, errs := run(t, nil, "form", "list")
	if code != ExitOK || !strings.Contains(out, "liuzhou-mbzr-2025") || !strings.Contains(out, "liuzhou-mbzr-2024") {
		t.Errorf("form list: %d\n%s", code, out)
	}
	if !strings.Contains(errs, "坏的.toml") || strings.Count(errs, "\n") != 1 {
		t.Errorf("the broken file, said in one line: %q", errs)
	}
}

// A clerk's copy of the 名班主任 definition in the forms folder (same id, version 2, a new
// title) is the form: drafts are read with it, and new, sample and template without --form
// make drafts of it too (they made drafts of the built-in version 1, which check then read
// with the copy).
func TestFormsFolderCopyOfTheDefaultForm(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	folder := filepath.Join(dir, "shenbao", "forms")
	os.MkdirAll(folder, 0o755)
	data, _ := forms.ShippedFile("liuzhou-mbzr-2024.toml")
	text := strings.Replace(string(data), "\nversion = 1 ", "\nversion = 2 ", 1)
	text = strings.Replace(text, `title = "柳州市首批“名班主任工作室”申报表"`, `title = "柳州市第二批“名班主任工作室”申报表"`, 1)
	os.WriteFile(filepath.Join(folder, "第二批.toml"), []byte(text), 0o644)
	if _, out, _ := run(t, nil, "form", "list"); !strings.Contains(out, "liuzhou-mbzr-2024\t2\t柳州市第二批") {
		t.Fatalf("form list does not show the folder's version 2: %q", out)
	}
	for _, cmd := range []string{"new", "sample"} {
		p := filepath.Join(dir, cmd+".json")
		if code, _, errs := run(t, nil, cmd, "-o", p); code != ExitOK {
			t.Fatalf("%s: %d %s", cmd, code, errs)
		}
		written, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(written), `"version": 2,`) {
			t.Errorf("%s made a draft of another version than the folder's 2:\n%.80s", cmd, written)
		}
	}
}

// docExample is the smallest definition of docs/form-format.md (## 最小的例子), as a clerk
// would copy it.
func docExample(t *testing.T) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "form-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(doc), "## 最小的例子")
	_, block, ok2 := strings.Cut(after, "```toml\n")
	block, _, ok3 := strings.Cut(block, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatal("docs/form-format.md has no 最小的例子 in a toml block")
	}
	return block
}

// The doc's smallest example loads, makes an empty draft, and has no sample: sample says so
// and writes nothing (it wrote an empty draft, exit 0, as if it were a filled-in sample).
func TestDocExampleAndAFormWithoutSample(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	def := filepath.Join(dir, "example.toml")
	os.WriteFile(def, []byte(docExample(t)), 0o644)
	if code, out, errs := run(t, nil, "form", "check", def); code != ExitOK {
		t.Fatalf("the doc's example: %d %s%s", code, out, errs)
	}
	if code, _, errs := run(t, nil, "new", "--form", def, "-o", filepath.Join(dir, "new.json")); code != ExitOK {
		t.Errorf("new: %d %s", code, errs)
	}
	out := filepath.Join(dir, "sample.json")
	code, _, errs := run(t, nil, "sample", "--form", def, "-o", out)
	if _, err := os.Stat(out); code != ExitFindings || err == nil || !strings.Contains(errs, "没有示例") {
		t.Errorf("sample of a form without one: %d, written %v, %q", code, err == nil, errs)
	}
}

// form show prints what each rule judges by (its bounds, 错误 or 提醒: two rules of one field
// printed alike before) and every field's key (a text block's field printed empty brackets).
func TestFormShowRulesAndKeys(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "config"))
	for _, def := range formstest.Definitions(t) {
		form := formstest.Form(def)
		code, out, errs := run(t, nil, "form", "show", form)
		if code != ExitOK {
			t.Fatalf("%s: %d %s", def.ID, code, errs)
		}
		if strings.Contains(out, "（）") {
			t.Errorf("%s: empty brackets in\n%s", def.ID, out)
		}
		for _, r := range def.Rules {
			want := r.Severity.String() + "）：" + r.Message
			if r.HasMin {
				want = fmt.Sprintf("min = %d，", r.Min)
			}
			if !strings.Contains(out, want) {
				t.Errorf("%s: the rule at line %d is not shown with %q", def.ID, r.Line, want)
			}
		}
	}
}
