package formimport

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"shenbao/forms"
)

// at finds a field by its block's key and its own ("" for a text block's one field).
func at(t *testing.T, def *forms.Definition, block, field string) (int, int) {
	t.Helper()
	for i, b := range def.Blocks {
		if b.Key != block {
			continue
		}
		for j, f := range b.Fields {
			if f.Key == field {
				return i, j
			}
		}
	}
	t.Fatalf("no field %s.%s", block, field)
	return -1, -1
}

// editOf is field (i, j) as it is now, for an edit to change.
func editOf(def *forms.Definition, i, j int) FieldEdit {
	f := def.Blocks[i].Fields[j]
	return FieldEdit{Block: i, Field: j, Kind: f.Kind, Choices: f.Choices, Required: f.Required, MaxChars: f.MaxChars, MaxWords: f.MaxWords}
}

var whereComment = regexp.MustCompile(`(?m)^ *# (第[0-9—]+行(第[0-9]+格)?)`)

// Edits made in the app land in a file that loads, hold there, and keep every comment the
// import wrote: where each field is in the template, and each guess (now “原先的猜测” beside
// a field changed).
func TestApplyEdits(t *testing.T) {
	type check func(t *testing.T, before, after *forms.Definition)
	for _, c := range []struct {
		template    string
		name        string
		edits       func(t *testing.T, def *forms.Definition) Edits
		check       check
		beside      string // a comment the edit writes into the file
		guessBeside string // a guess that now reads 原先的猜测
	}{
		{
			template: "mbzr-python-docx.docx", name: "county becomes a choice, optional",
			edits: func(t *testing.T, def *forms.Definition) Edits {
				i, j := at(t, def, "applicant", "county")
				e := editOf(def, i, j)
				e.Kind, e.Choices, e.Required = forms.Choice, SplitChoices("柳城县、鹿寨县，融安县"), false
				return Edits{Fields: []FieldEdit{e}}
			},
			check: func(t *testing.T, _, after *forms.Definition) {
				_, f, _ := after.Field("applicant.county")
				if f.Kind != forms.Choice || !slices.Equal(f.Choices, []string{"柳城县", "鹿寨县", "融安县"}) || f.Required {
					t.Errorf("county: %v %v required %v", f.Kind, f.Choices, f.Required)
				}
			},
			beside:      "# 在程序里改过：kind 由 text 改为 choice（柳城县、鹿寨县、融安县），required 改为 false",
			guessBeside: "# 原先的猜测：第4行第4格：空白格",
		},
		{
			template: "mbzr-python-docx.docx", name: "a long text's 字数, a title, an id",
			edits: func(t *testing.T, def *forms.Definition) Edits {
				i := slices.IndexFunc(def.Blocks, func(b forms.Block) bool { return b.Kind == forms.TextBlock })
				e := editOf(def, i, 0)
				e.MaxWords = 3000
				return Edits{Title: "柳州市第二批“名班主任工作室”申报表", ID: "lz-mbzr-2025", Fields: []FieldEdit{e}}
			},
			check: func(t *testing.T, _, after *forms.Definition) {
				i := slices.IndexFunc(after.Blocks, func(b forms.Block) bool { return b.Kind == forms.TextBlock })
				if got := after.Blocks[i].Fields[0].MaxWords; got != 3000 {
					t.Errorf("max_words %d", got)
				}
				if after.ID != "lz-mbzr-2025" || after.Title != "柳州市第二批“名班主任工作室”申报表" {
					t.Errorf("id %q title %q", after.ID, after.Title)
				}
			},
			beside:      "# 在程序里改过：max_words 改为 3000",
			guessBeside: "# 原先的猜测：第16行第2格",
		},
		{
			template: "mbzr-python-docx.docx", name: "a table's rows, at least 2, a column's max_chars",
			edits: func(t *testing.T, def *forms.Definition) Edits {
				i := slices.IndexFunc(def.Blocks, func(b forms.Block) bool { return b.Kind == forms.TableBlock })
				e := editOf(def, i, 0)
				e.MaxChars = 20
				return Edits{Fields: []FieldEdit{e}, Tables: []TableEdit{{Block: i, Rows: 8, MinRows: 2}}}
			},
			check: func(t *testing.T, _, after *forms.Definition) {
				i := slices.IndexFunc(after.Blocks, func(b forms.Block) bool { return b.Kind == forms.TableBlock })
				b := after.Blocks[i]
				if b.Rows != 8 || b.MinRows != 2 || b.Fields[0].MaxChars != 20 {
					t.Errorf("rows %d min %d max_chars %d", b.Rows, b.MinRows, b.Fields[0].MaxChars)
				}
				d := forms.New(after)
				d.Set(b.Key+"[1]."+b.Fields[0].Key, "张三")
				if !hasFinding(forms.Check(d, nil), "至少要填2行") {
					t.Error("one row filled, no finding for the least rows")
				}
			},
			beside: "改为 8，至少填 2 行（见文末的 [[rules]]）",
		},
		{
			template: "jxzc-ours.docx", name: "a guessed date becomes text, a text a whole number",
			edits: func(t *testing.T, def *forms.Definition) Edits {
				i, j := at(t, def, "info2", "workSince")
				a := editOf(def, i, j)
				a.Kind = forms.Text
				i, j = at(t, def, "info2", "f6")
				b := editOf(def, i, j)
				b.Kind = forms.WholeNumber
				return Edits{Fields: []FieldEdit{a, b}}
			},
			check: func(t *testing.T, _, after *forms.Definition) {
				_, a, _ := after.Field("info2.workSince")
				_, b, _ := after.Field("info2.f6")
				if a.Kind != forms.Text || b.Kind != forms.WholeNumber {
					t.Errorf("kinds %v %v", a.Kind, b.Kind)
				}
			},
			beside:      "# 在程序里改过：kind 由 year_month 改为 text",
			guessBeside: "# 原先的猜测：第10行第2格：按年月",
		},
		{
			template: "jxzc-ours.docx", name: "the name field is no text any more: the name moves",
			edits: func(t *testing.T, def *forms.Definition) Edits {
				name := def.RolePath(forms.RoleApplicantName)
				i, j := at(t, def, strings.Split(name, ".")[0], strings.Split(name, ".")[1])
				e := editOf(def, i, j)
				e.Kind = forms.Period
				return Edits{Fields: []FieldEdit{e}}
			},
			check: func(t *testing.T, before, after *forms.Definition) {
				was, now := before.RolePath(forms.RoleApplicantName), after.RolePath(forms.RoleApplicantName)
				if _, f, _ := after.Field(now); now == was || f.Kind != forms.Text {
					t.Errorf("applicant_name %s (was %s), kind %v", now, was, f.Kind)
				}
			},
			beside: "# 在程序里改过：kind 由 text 改为 period",
		},
	} {
		t.Run(c.template+"/"+c.name, func(t *testing.T) {
			res := importFile(t, c.template)
			got, err := res.Apply(c.edits(t, res.Definition))
			if err != nil {
				t.Fatalf("%v", err)
			}
			again, err := forms.ParseDefinition(got.TOML, got.FileName())
			if err != nil {
				t.Fatalf("the edited file does not load: %v", err)
			}
			c.check(t, res.Definition, again)
			text := string(got.TOML)
			if !strings.Contains(text, c.beside) {
				t.Errorf("the file does not say %q", c.beside)
			}
			if c.guessBeside != "" && !strings.Contains(text, c.guessBeside) {
				t.Errorf("the file does not keep the guess as %q", c.guessBeside)
			}
			if !strings.Contains(text, "在 shenbao 程序里核对、改过") {
				t.Error("the head does not say the file was edited")
			}
			for _, m := range whereComment.FindAllStringSubmatch(string(res.TOML), -1) {
				if !strings.Contains(text, "# "+m[1]) {
					t.Errorf("comment %q lost", m[1])
				}
			}
			if string(res.TOML) == text {
				t.Error("the original result changed with the edit")
			}
		})
	}
}

func hasFinding(fs []forms.Finding, s string) bool {
	for _, f := range fs {
		if strings.Contains(f.Message, s) {
			return true
		}
	}
	return false
}

// No edit leaves a file the program would refuse: what the format cannot take is said, in
// Chinese, with the field.
func TestApplyRefuses(t *testing.T) {
	res := importFile(t, "mbzr-python-docx.docx")
	def := res.Definition
	text := slices.IndexFunc(def.Blocks, func(b forms.Block) bool { return b.Kind == forms.TextBlock })
	table := slices.IndexFunc(def.Blocks, func(b forms.Block) bool { return b.Kind == forms.TableBlock })
	gi, gj := at(t, def, "applicant", "gender")
	for _, c := range []struct {
		name  string
		edits func() Edits
		want  string
	}{
		{"a long text made one line", func() Edits {
			e := editOf(def, text, 0)
			e.Kind = forms.Text
			return Edits{Fields: []FieldEdit{e}}
		}, "不能改为单行文字"},
		{"a choice without values", func() Edits {
			e := editOf(def, gi, gj)
			e.Choices = SplitChoices(" 、 ")
			return Edits{Fields: []FieldEdit{e}}
		}, "要写出可选的值"},
		{"a value twice", func() Edits {
			e := editOf(def, gi, gj)
			e.Choices = []string{"男", "女", "男"}
			return Edits{Fields: []FieldEdit{e}}
		}, "“男”写了两次"},
		{"字数 on one line", func() Edits {
			e := editOf(def, gi, gj)
			e.Kind, e.MaxWords = forms.Text, 30
			return Edits{Fields: []FieldEdit{e}}
		}, "只有长文字"},
		{"max_chars too high", func() Edits {
			e := editOf(def, gi, gj)
			e.MaxChars = 20001
			return Edits{Fields: []FieldEdit{e}}
		}, "1 到 20000"},
		{"more rows to fill than printed", func() Edits {
			return Edits{Tables: []TableEdit{{Block: table, Rows: 3, MinRows: 4}}}
		}, "不能多于印出的行数"},
		{"an id in Chinese", func() Edits { return Edits{ID: "名班主任"} }, "编号只能用小写英文字母"},
		{"a title on two lines", func() Edits { return Edits{Title: "一\n二"} }, "标题要写在一行里"},
		{"a title that does not print", func() Edits { return Edits{Title: "申报表\u0007"} }, "没有通过检查"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := res.Apply(c.edits())
			var ee *EditError
			if !errors.As(err, &ee) || !strings.Contains(ee.Msg, c.want) {
				t.Fatalf("Apply = %v, %v; want an EditError saying %q", got != nil, err, c.want)
			}
		})
	}
}

// Nothing changed: the same file as the import wrote.
func TestApplyNothing(t *testing.T) {
	for _, name := range []string{"mbzr-python-docx.docx", "jxzc-ours.docx"} {
		res := importFile(t, name)
		var e Edits
		for i, b := range res.Definition.Blocks {
			for j := range b.Fields {
				e.Fields = append(e.Fields, editOf(res.Definition, i, j))
			}
			if b.Kind == forms.TableBlock {
				e.Tables = append(e.Tables, TableEdit{Block: i, Rows: b.Rows})
			}
		}
		got, err := res.Apply(e)
		if err != nil {
			t.Fatal(err)
		}
		if string(got.TOML) != string(res.TOML) {
			t.Errorf("%s: unchanged edits changed the file", name)
		}
	}
}
