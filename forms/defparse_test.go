package forms

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// baseDef is a small valid definition; the cases below break it one way each.
const baseDef = `format = "shenbao-form"
format_version = 1
id = "test-form"
version = 1
title = "柳州市名班主任工作室申报表"

[lists]
counties = ["柳城县", "鹿寨县"]

[roles]
applicant_name = "host.name"

[[blocks]]
key = "host"
label = "主持人"
nav = "主持人"
kind = "fields"

  [[blocks.fields]]
  key = "name"
  label = "姓名"
  kind = "text"
  row = 0
  label_mm = 15.5
  value_mm = 50

  [[blocks.fields]]
  key = "county"
  label = "县区"
  kind = "choice"
  choices_from = "counties"
  row = 0
  label_mm = 15.5
  value_mm = 65.5

[[blocks]]
key = "members"
label = "成员"
nav = "成员"
kind = "table"
rows = 5
label_mm = 11.5

  [[blocks.fields]]
  key = "name"
  label = "姓名"
  kind = "text"
  value_mm = 65

  [[blocks.fields]]
  key = "mobile"
  label = "手机号码"
  kind = "mobile"
  value_mm = 70

[[blocks]]
label = "学校意见"
kind = "opinion"
label_mm = 15.5
seal = "school"
`

func TestBaseDefinitionLoads(t *testing.T) {
	d, err := ParseDefinition([]byte(baseDef), "base.toml")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := d.Block("members"); b.Rows != 5 || len(b.Fields) != 2 {
		t.Errorf("members %+v", b)
	}
	if b := d.Blocks[2]; !b.SealNeeded || b.ClearMM != SealClearMM {
		t.Errorf("opinion defaults: needed %v clear %g", b.SealNeeded, b.ClearMM)
	}
	if d.WindowTitle != d.OutputName || d.OutputName != d.Title || d.DraftFormat != FormFormatPrefix+d.ID {
		t.Errorf("defaults: window %q output %q draft %q", d.WindowTitle, d.OutputName, d.DraftFormat)
	}
}

// A box the applicant leaves blank (市教育局意见) needs no seal on the applicant's scan when
// its definition does not say seal_required: the doc's default true made the scan step call
// the bureau's own blank box an error (没有找到红色公章).
func TestBlankBoxNeedsNoSeal(t *testing.T) {
	src, _ := edit(`seal = "school"`, "seal = \"city\"\nleave_blank = true")
	d, err := ParseDefinition([]byte(src), "blank.toml")
	if err != nil {
		t.Fatal(err)
	}
	if b := d.Blocks[2]; b.SealNeeded || !b.LeaveBlank || b.Seal != CitySeal {
		t.Errorf("a blank city box: needed %v, blank %v, seal %q", b.SealNeeded, b.LeaveBlank, b.Seal)
	}
}

// edit makes a broken definition from baseDef: each pair replaces the first occurrence of old
// with new (old "" appends new at the end). The line a problem is expected on is the line that
// holds "←" in the result (the marker is taken out, wherever it is in the line).
func edit(pairs ...string) (string, int) {
	s := baseDef
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i] == "" {
			s += pairs[i+1]
			continue
		}
		if !strings.Contains(s, pairs[i]) {
			panic("baseDef has no " + pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	line := 0
	for i, l := range strings.Split(s, "\n") {
		if strings.Contains(l, "←") {
			line = i + 1
		}
	}
	s = strings.ReplaceAll(s, " # ←", "")
	s = strings.ReplaceAll(s, "←", "")
	return s, line
}

func TestDefinitionProblems(t *testing.T) {
	cases := []struct {
		name  string
		pairs []string
		want  string // in the problem's message; a leading "@": on whatever line
	}{
		{"syntax", []string{`title = "柳州市名班主任工作室申报表"`, `title = "柳州市名班主任工作室申报表 # ←`}, "不是有效的 TOML"},
		{"key written twice", []string{"\nversion = 1", "\nversion = 1\nversion = 2 # ←"}, "不是有效的 TOML"},
		{"unknown key", []string{`  kind = "mobile"`, "  kind = \"mobile\"\n  lable = \"x\" # ←"}, "不认识的键 lable：是不是 label？"},
		{"unknown top key", []string{`id = "test-form"`, "id = \"test-form\"\ntitel = \"x\" # ←"}, "文件开头不认识的键 titel：是不是 title？"},
		{"key in the wrong case", []string{`  key = "mobile"`, "  Key = \"mobile\" # ←"}, "不认识的键 Key：是不是 key？"},
		{"unknown field kind", []string{`  kind = "mobile"`, `  kind = "mobil" # ←`}, `不认识的字段种类 kind = "mobil"`},
		{"unknown block kind", []string{`kind = "opinion"`, `kind = "opinon" # ←`}, `不认识的栏目种类 kind = "opinon"`},
		{"missing kind", []string{"  [[blocks.fields]]\n  key = \"mobile\"", "  [[blocks.fields]] # ←\n  key = \"mobile\"", `  kind = "mobile"`, ``}, "缺少 kind"},
		{"duplicate block key", []string{`key = "members"`, `key = "host" # ←`}, `key = "host" 重复了（第14行已经用过）`},
		{"duplicate field key", []string{`  key = "mobile"`, `  key = "name" # ←`}, `key = "name" 重复了`},
		{"grid row short", []string{`  value_mm = 65.5`, `  value_mm = 60.5`, `  [[blocks.fields]]`, `  [[blocks.fields]] # ←`}, "加起来是 141.5 毫米，应为 146.5 毫米（差 5 毫米）"},
		{"grid row within tolerance", []string{`  value_mm = 65.5`, `  value_mm = 65.54`}, ""},
		{"grid row just past tolerance", []string{`  value_mm = 65.5`, `  value_mm = 65.56`, `  [[blocks.fields]]`, `  [[blocks.fields]] # ←`}, "加起来是 146.56 毫米"},
		{"grid gap in rows", []string{"[[blocks]]\nkey = \"host\"", "[[blocks]] # ←\nkey = \"host\"", `  value_mm = 65.5`, "  value_mm = 65.5\n\n  [[blocks.fields]]\n  key = \"x\"\n  label = \"职务\"\n  kind = \"text\"\n  row = 2\n  label_mm = 15.5\n  value_mm = 131"}, "第2行（row = 1）没有字段"},
		{"cell too narrow", []string{"  value_mm = 50\n", "  value_mm = 50\n\n  [[blocks.fields]]\n  key = \"z\"\n  label = \"职务\"\n  kind = \"text\"\n  value_mm = 0.001 # ←\n"}, "value_mm = 0.001 太窄"},
		{"photo row span", []string{`  value_mm = 65.5`, "  value_mm = 37.5\n\n  [[blocks.fields]]\n  key = \"photo\"\n  label = \"照片\"\n  kind = \"picture\"\n  row = 0\n  value_mm = 28\n  row_span = 3 # ←"}, "照片格从第1行跨 3 行到第3行，但“主持人”栏只有 1 行：请把 row_span 改为 1 或更小"},
		{"photo with a label cell", []string{`  value_mm = 65.5`, "  value_mm = 37.5\n\n  [[blocks.fields]]\n  key = \"photo\"\n  label = \"照片\"\n  kind = \"picture\"\n  row = 0\n  label_mm = 5 # ←\n  value_mm = 28"}, "照片格没有名称格"},
		// a label above its value: the label's cell in its row, the value's under it, as wide
		{"label above", []string{"  value_mm = 65.5\n", "  value_mm = 65.5\n\n  [[blocks.fields]]\n  key = \"unit\"\n  label = \"学校名称\"\n  kind = \"text\"\n  row = 1\n  value_mm = 146.5\n  label_above = true\n"}, ""},
		{"label above short", []string{"  value_mm = 65.5\n", "  value_mm = 65.5\n\n  [[blocks.fields]] # ←\n  key = \"unit\"\n  label = \"学校名称\"\n  kind = \"text\"\n  row = 1\n  value_mm = 140\n  label_above = true\n"}, "第2行（row = 1）各格宽度（label_mm + value_mm，连同跨到这一行的照片格）加起来是 140 毫米"},
		{"label above with label_mm", []string{"  value_mm = 65.5\n", "  value_mm = 65.5\n\n  [[blocks.fields]]\n  key = \"unit\"\n  label = \"学校名称\"\n  kind = \"text\"\n  row = 1\n  label_mm = 15.5\n  value_mm = 131\n  label_above = true # ←\n"}, "不写 label_mm"},
		{"label above in a table", []string{"  value_mm = 70\n", "  value_mm = 70\n  label_above = true # ←\n"}, "label_above 只用于按格子排"},
		{"box_first on text", []string{`  value_mm = 50`, "  value_mm = 50\n  box_first = true # ←"}, "box_first 不用于 text 字段"},
		{"label_inside with label_mm", []string{"  choices_from = \"counties\"\n", "  choices_from = \"counties\"\n  label_inside = true # ←\n", `  kind = "choice"`, `  kind = "boxes"`}, "label_inside 的名称印在方框前面"},
		{"row_span on text", []string{`  value_mm = 50`, "  value_mm = 50\n  row_span = 2 # ←"}, "row_span 不用于 text 字段"},
		{"two pictures", []string{`  value_mm = 65.5`, "  value_mm = 9.5\n\n  [[blocks.fields]]\n  key = \"photo\"\n  label = \"照片\"\n  kind = \"picture\"\n  value_mm = 28\n\n  [[blocks.fields]] # ←\n  key = \"photo2\"\n  label = \"照片\"\n  kind = \"picture\"\n  value_mm = 28"}, "只能有一张照片"},
		{"table widths", []string{`  value_mm = 70`, `  value_mm = 60`, "[[blocks]]\nkey = \"members\"", "[[blocks]] # ←\nkey = \"members\""}, "宽度加起来是 136.5 毫米，应为 146.5 毫米（差 10 毫米）"},
		{"table column without width", []string{`  value_mm = 70`, ``, "  [[blocks.fields]]\n  key = \"mobile\"", "  [[blocks.fields]] # ←\n  key = \"mobile\""}, "需要 value_mm"},
		{"label the fonts lack", []string{`  label = "手机号码"`, `  label = "手机😀" # ←`}, "“😀”（U+1F600）"},
		{"label the bold font lacks", []string{`  label = "手机号码"`, `  label = "手机丂" # ←`}, "“丂”（U+4E02，粗体字体里没有）"},
		{"control character in a label", []string{`  label = "手机号码"`, `  label = "手机\u200b号码" # ←`}, "不可见的控制字符（U+200B）"},
		{"hint the font lacks", []string{`  kind = "mobile"`, "  kind = \"mobile\"\n  hint = \"\ue000\" # ←"}, "U+E000"},
		{"missing title", []string{`title = "柳州市名班主任工作室申报表"`, ``}, "缺少 title"},
		{"empty title", []string{`title = "柳州市名班主任工作室申报表"`, `title = "  " # ←`}, "缺少 title"},
		{"missing id", []string{`id = "test-form"`, ``}, "缺少 id"},
		{"bad id", []string{`id = "test-form"`, `id = "Test Form" # ←`}, "只能由小写英文字母"},
		{"missing version", []string{"\nversion = 1\n", "\n"}, "缺少 version"},
		{"not a definition", []string{`format = "shenbao-form"`, `format = "fyne-app" # ←`}, "这不是申报表定义文件"},
		{"later format", []string{`format_version = 1`, `format_version = 2 # ←`}, "格式版本是 2，本程序只认识第 1 版"},
		{"label not text", []string{`label = "成员"`, `label = 5 # ←`}, "label 应当是文字（用英文双引号括起来），现在是整数 5"},
		{"width as text", []string{`  value_mm = 70`, `  value_mm = "70" # ←`}, "value_mm 应当是数"},
		{"required as text", []string{`  kind = "mobile"`, "  kind = \"mobile\"\n  required = \"yes\" # ←"}, "required 应当是 true 或 false"},
		{"fields not tables", []string{`seal = "school"`, "seal = \"school\"\nfields = 3 # ←"}, "fields 应当是一组表"},
		{"lists not a table", []string{"[lists]\ncounties", "[roles2]\ncounties", `id = "test-form"`, "id = \"test-form\"\nlists = 3 # ←"}, "lists 应当是一个表"},
		{"rows out of range", []string{`rows = 5`, `rows = 201 # ←`}, "rows 应当在 1 到 200 之间，现在是 201"},
		{"rows missing", []string{"rows = 5\n", "", "[[blocks]]\nkey = \"members\"", "[[blocks]] # ←\nkey = \"members\""}, "需要 rows"},
		{"label too long", []string{`label = "成员"`, `label = "` + strings.Repeat("成", 101) + `" # ←`}, "label 有 101 个字，最多 100 个"},
		{"key for another block kind", []string{`seal = "school"`, "seal = \"school\"\nrows = 3 # ←"}, "rows 不用于 opinion 栏目（只用于 table）"},
		{"unknown seal", []string{`seal = "school"`, `seal = "bureau" # ←`}, `不认识的 seal = "bureau"`},
		{"seal box too low", []string{`seal = "school"`, "seal = \"school\"\nclear_mm = 30 # ←"}, "clear_mm 至少 50 毫米"},
		{"seal required in a box left blank", []string{`seal = "school"`, "seal = \"city\"\nleave_blank = true\nseal_required = true # ←"}, "seal_required 应为 false"},
		{"seal_required without seal", []string{`seal = "school"`, `seal_required = true # ←`}, "seal_required 只在写了 seal"},
		{"choices and list", []string{`  choices_from = "counties"`, "  choices_from = \"counties\" # ←\n  choices = [\"甲\"]"}, "choices 和 choices_from 只能写一个"},
		{"unknown list", []string{`  choices_from = "counties"`, `  choices_from = "county" # ←`}, `choices_from = "county"：[lists] 里没有这个列表`},
		{"choice without choices", []string{`  choices_from = "counties"`, ``, "  [[blocks.fields]]\n  key = \"county\"", "  [[blocks.fields]] # ←\n  key = \"county\""}, "需要 choices"},
		{"choice twice", []string{`counties = ["柳城县", "鹿寨县"]`, `counties = ["柳城县", "柳城县"] # ←`}, "“柳城县”出现了两次"},
		{"value alias to nothing", []string{`  choices_from = "counties"`, "  choices_from = \"counties\"\n  value_aliases = { \"柳城\" = \"柳城区\" } # ←"}, "“柳城区”不在 choices 里"},
		{"missing label", []string{"  label = \"手机号码\"\n", "", "  [[blocks.fields]]\n  key = \"mobile\"", "  [[blocks.fields]] # ←\n  key = \"mobile\""}, "缺少 label"},
		{"missing nav", []string{"nav = \"成员\"\n", "", "[[blocks]]\nkey = \"members\"", "[[blocks]] # ←\nkey = \"members\""}, "缺少 nav"},
		{"missing block key", []string{"[[blocks]]\nkey = \"members\"\n", "[[blocks]] # ←\n"}, "需要 key"},
		{"reserved block key", []string{`key = "members"`, `key = "format" # ←`}, "草稿文件自己用的键"},
		{"unknown role", []string{`applicant_name = "host.name"`, "applicant_name = \"host.name\"\napplicant_age = \"host.name\" # ←"}, "不认识的角色 applicant_age"},
		{"role of a missing field", []string{`applicant_name = "host.name"`, `applicant_name = "host.nam" # ←`}, `applicant_name = "host.nam"：没有这个字段`},
		{"role of a table column", []string{`applicant_name = "host.name"`, `applicant_name = "members.name" # ←`}, "角色只能给表格以外的字段"},
		{"role of the wrong kind", []string{`applicant_name = "host.name"`, `applicant_name = "host.county" # ←`}, "这个角色要 text 字段"},
		{"no applicant", []string{`applicant_name = "host.name"`, ``, `[roles]`, `[roles] # ←`}, "缺少 applicant_name"},
		{"rule of unknown kind", []string{"", "\n[[rules]]\nkind = \"between\" # ←\nmessage = \"x\"\n"}, `不认识的规则种类 kind = "between"`},
		{"rule placeholder", []string{"", "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmin = 1\nmessage = \"请填写{where}。\" # ←\n"}, "{where} 不能用于 rows 规则"},
		{"rule of a missing field", []string{"", "\n[[rules]]\nkind = \"one_of\"\nfields = [\"host.cnty\"] # ←\nlist = \"counties\"\nmessage = \"x\"\n"}, `fields 里的 "host.cnty"：没有这个字段`},
		{"rule of the wrong kind of field", []string{"", "\n[[rules]]\nkind = \"number\"\nfields = [\"host.name\"] # ←\nmin = 1\nmessage = \"x\"\n"}, "number 规则只用于 whole_number 字段"},
		{"rule without bounds", []string{"", "\n[[rules]] # ←\nkind = \"rows\"\ntables = [\"members\"]\nmessage = \"x\"\n"}, "至少要写 min 或 max"},
		{"rule max past rows", []string{"", "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmax = 6 # ←\nmessage = \"x\"\n"}, "max = 6 超过了“成员”印出的 5 行"},
		{"rule key it does not use", []string{"", "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmax = 2\nlist = \"counties\" # ←\nmessage = \"x\"\n"}, "rows 规则不用 list"},
		{"rule without message", []string{"", "\n[[rules]] # ←\nkind = \"rows\"\ntables = [\"members\"]\nmax = 2\n"}, "需要 message"},
		{"rule severity", []string{"", "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmax = 2\nseverity = \"错误\" # ←\nmessage = \"x\"\n"}, `severity 只能是 "error"`},
		{"rule min over max", []string{"", "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmin = 3\nmax = 2 # ←\nmessage = \"x\"\n"}, "max（2）小于 min（3）"},
		{"same person column", []string{"", "\n[[rules]]\nkind = \"same_person\"\ntables = [\"members\"]\nmatch = [\"name\", \"phone\"] # ←\nmessage = \"x\"\n"}, `match 里的 "phone" 不是“成员”的列`},
		{"same person applicant", []string{"", "\n[[rules]]\nkind = \"same_person\"\ntables = [\"members\"]\nmatch = [\"name\", \"mobile\"]\napplicant = [\"host.name\"] # ←\nmessage = \"x\"\n"}, "applicant 要和 match 一样多"},
		{"sample of a missing field", []string{"", "\n[sample.host]\nage = \"3\" # ←\n"}, "“主持人”栏没有这个字段"},
		{"sample of too many rows", []string{"", "\n[sample]\n[[sample.members]] # ←\nname = \"甲\"\n[[sample.members]]\n[[sample.members]]\n[[sample.members]]\n[[sample.members]]\n[[sample.members]]\n"}, "有 6 行，“成员”最多 5 行"},
		{"text block of two fields", []string{"", "\n[[blocks]] # ←\nkey = \"plan\"\nlabel = \"规划\"\nnav = \"规划\"\nkind = \"text\"\nlabel_mm = 15.5\n[[blocks.fields]]\nlabel = \"规划\"\nkind = \"long_text\"\n[[blocks.fields]]\nlabel = \"规划\"\nkind = \"long_text\"\n"}, "应当正好有一个 long_text 字段，现在有 2 个"},
		{"long text outside a text block", []string{`  kind = "mobile"`, `  kind = "long_text" # ←`}, "long_text 字段只能放在 text 栏目里"},
		{"warn past max", []string{"", "\n[[blocks]]\nkey = \"plan\"\nlabel = \"规划\"\nnav = \"规划\"\nkind = \"text\"\nlabel_mm = 15.5\n[[blocks.fields]]\nlabel = \"规划\"\nkind = \"long_text\"\nmax_words = 100\nwarn_words = 100 # ←\n"}, "warn_words（100）应当小于 max_words（100）"},
		{"note without text", []string{"", "\n[[blocks]] # ←\nkind = \"note\"\n"}, "需要 text"},
		{"text block without label_mm", []string{"", "\n[[blocks]] # ←\nkey = \"plan\"\nlabel = \"规划\"\nnav = \"规划\"\nkind = \"text\"\n[[blocks.fields]]\nlabel = \"规划\"\nkind = \"long_text\"\n"}, "需要 label_mm"},
		{"submission email", []string{"", "\n[submission]\nemail = \"lzjyjszk.163.com\" # ←\n"}, "不是电子邮箱地址"},
		{"submission key", []string{"", "\n[submission]\nmail = \"a@b\" # ←\n"}, "不认识的键 mail：是不是 email？"},
		{"submission not a table", []string{`id = "test-form"`, "id = \"test-form\"\nsubmission = \"7月28日\" # ←"}, "submission 应当是一个表"},
		{"output name with a slash", []string{`id = "test-form"`, "id = \"test-form\"\noutput_name = \"申报表/2024\" # ←"}, "output_name 是导出文件名的开头"},
		{"nesting", []string{`id = "test-form"`, "id = \"test-form\"\nx = [[[[[1]]]]]"}, "嵌套了 5 层以上"},
		{"dotted key", []string{`id = "test-form"`, "id = \"test-form\"\na.b.c.d.e = 1"}, "有的键由 5 段以上"},
		{"too many blocks", []string{"", strings.Repeat("\n[[blocks]]\nkind = \"note\"\ntext = \"x\"\n", 100)}, "@栏目（[[blocks]]）有 103 个，最多 100 个"},
		{"too many fields", []string{`rows = 5`, "rows = 5" + strings.Repeat("\n[[blocks.fields]]\nkey = \"x\"", 199)}, "@一个栏目最多 200 个字段，这个栏目有 201 个"},
		{"not UTF-8", []string{`title = "柳州市名班主任工作室申报表"`, "title = \"\xff\xfe\""}, "不是 UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src, line := edit(c.pairs...)
			d, err := ParseDefinition([]byte(src), "broken.toml")
			if c.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var de *DefinitionError
			if !errors.As(err, &de) || !errors.Is(err, ErrBadDefinition) || d != nil {
				t.Fatalf("got %v, %v; want a *DefinitionError\n%s", d != nil, err, src)
			}
			for _, p := range de.Problems {
				anyLine := strings.HasPrefix(c.want, "@")
				if strings.Contains(p.Message, strings.TrimPrefix(c.want, "@")) && (p.Line == line || anyLine) {
					if !strings.Contains(err.Error(), "broken.toml "+p.String()) {
						t.Errorf("Error() does not name the file and line: %s", err)
					}
					return
				}
			}
			t.Errorf("want %q on line %d; got:\n%s", c.want, line, err)
		})
	}
}

// TestOneMistakeOneProblem: a field of an unknown kind is still read for its widths and keys,
// so the table it is in is not also said to be too narrow.
func TestOneMistakeOneProblem(t *testing.T) {
	src, _ := edit(`  kind = "mobile"`, `  kind = "mobil"`)
	_, err := ParseDefinition([]byte(src), "one.toml")
	var de *DefinitionError
	if !errors.As(err, &de) || len(de.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
}

func TestDefinitionTooLarge(t *testing.T) {
	src := baseDef + "\n# " + strings.Repeat("x", MaxDefinitionSize) + "\n"
	_, err := ParseDefinition([]byte(src), "big.toml")
	if err == nil || !strings.Contains(err.Error(), "超过了定义文件 1048576 字节（1 MB）的上限") {
		t.Fatalf("got %v", err)
	}
}

// TestDefinitionProblemsAreBounded: a file with thousands of mistakes says the first ones and
// stops.
func TestDefinitionProblemsAreBounded(t *testing.T) {
	src := baseDef + strings.Repeat("\n[[blocks]]\nkind = \"x\"\n", 97)
	_, err := ParseDefinition([]byte(src), "many.toml")
	var de *DefinitionError
	if !errors.As(err, &de) || len(de.Problems) != maxDefProblems {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(de.Problems[len(de.Problems)-1].Message, "问题太多") {
		t.Errorf("last problem %q", de.Problems[len(de.Problems)-1].Message)
	}
}

// TestHostileDefinitionsEndFast: what would make a parser slow is refused before it runs.
func TestHostileDefinitionsEndFast(t *testing.T) {
	hostile := map[string]string{
		"nested arrays":   "x = " + strings.Repeat("[", 500000),
		"nested tables":   "x = " + strings.Repeat("{a=", 300000),
		"dotted key":      strings.Repeat("a.", 500000) + "b = 1",
		"table header":    "[" + strings.Repeat("a.", 500000) + "b]",
		"many blocks":     strings.Repeat("[[blocks]]\n", 90000),
		"long string":     "title = \"" + strings.Repeat("柳", 300000) + "\"",
		"many keys":       baseDef + strings.Repeat("\n[[blocks.fields]]\nx=1", 40000),
		"unclosed string": "title = \"\"\"" + strings.Repeat("a\n", 400000),
	}
	for name, src := range hostile {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := ParseDefinition([]byte(src), name)
			if err == nil {
				t.Fatal("accepted")
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestScanLines: the scanner finds each key's line, inside arrays of tables and inline tables
// and after multi-line strings, as the parser reads them.
func TestScanLines(t *testing.T) {
	src := "a = 1\n" + // 1
		"s = '''\n[x]\nb = 2\n'''\n" + // 2-5: not a table, not a key
		"t = \"\"\"\n\\\"\"\"\" # \"\"\"\n" + // 6-7
		"[[blocks]]\n" + // 8
		"key = \"k\" # [not]\n" + // 9
		"  [[blocks.fields]]\n" + // 10
		"  label = \"甲\"\n" + // 11
		"  value_aliases = { \"男性\" = \"男\",\n \"x.y\" = \"z\" }\n" + // 12-13
		"[[blocks]]\n" + // 14
		"fields = [\n {label = \"乙\"},\n {label = \"丙\", kind = 'text'},\n]\n" + // 15-18
		"[blocks.seal]\n" + // 19
		"owner = \"school\"\n" // 20
	sh := scanTOML([]byte(src))
	want := map[string]int{
		"a": 1, "s": 2, "t": 6, "blocks[0]": 8, "blocks[0].key": 9, "blocks[0].fields[0]": 10,
		"blocks[0].fields[0].label": 11, "blocks[0].fields[0].value_aliases": 12,
		"blocks[0].fields[0].value_aliases.男性": 12, "blocks[0].fields[0].value_aliases.x.y": 13,
		"blocks[1]": 14, "blocks[1].fields": 15, "blocks[1].fields[0].label": 16,
		"blocks[1].fields[1].label": 17, "blocks[1].fields[1].kind": 17,
		"blocks[1].seal": 19, "blocks[1].seal.owner": 20,
	}
	for k, n := range want {
		if sh.lines[k] != n {
			t.Errorf("%s: line %d, want %d", k, sh.lines[k], n)
		}
	}
	if _, ok := sh.lines["x"]; ok {
		t.Error("a table inside a string was taken for one")
	}
	if fmt.Sprint(sh.plain["blocks.fields.label"]) != "[11 16 17]" {
		t.Errorf("plain %v", sh.plain["blocks.fields.label"])
	}
	if sh.depth != 2 || sh.parts != 2 {
		t.Errorf("depth %d parts %d", sh.depth, sh.parts)
	}
}
