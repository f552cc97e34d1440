package forms

import (
	"errors"
	"strings"
	"testing"
)

// groupDef is baseDef with two grid rows more: 电话 | 外语情况 over two rows, 年度 beside it,
// then 地址 | (the group's part) | 成绩.
func groupDef(groupLines string) string {
	return strings.Replace(baseDef, "  value_mm = 65.5\n", "  value_mm = 65.5\n"+`
  [[blocks.fields]]
  key = "phone"
  label = "电话"
  kind = "text"
  row = 1
  label_mm = 15.5
  value_mm = 50.5

  [[blocks.fields]]
  key = "langYear"
`+groupLines+`
  label = "年度"
  kind = "text"
  row = 1
  label_mm = 12
  value_mm = 56.5

  [[blocks.fields]]
  key = "address"
  label = "地址"
  kind = "text"
  row = 2
  label_mm = 15.5
  value_mm = 50.5

  [[blocks.fields]]
  key = "langScore"
  label = "成绩"
  kind = "text"
  row = 2
  label_mm = 12
  value_mm = 56.5
`, 1)
}

const groupLines = "  group = \"外语\\n情况\"\n  group_mm = 12\n  group_span = 2"

// A label cell over two rows of labels: both fields beside it are of its group (named after
// it), the first prints it.
func TestGroupCell(t *testing.T) {
	def, err := ParseDefinition([]byte(groupDef(groupLines)), "group.toml")
	if err != nil {
		t.Fatal(err)
	}
	host, _ := def.Block("host")
	year, score, phone := host.Field("langYear"), host.Field("langScore"), host.Field("phone")
	if year.Group != "外语\n情况" || year.GroupMM != 12 || year.GroupSpan != 2 {
		t.Errorf("年度 %+v", year)
	}
	if score.Group != year.Group || score.GroupSpan != 0 || phone.Group != "" {
		t.Errorf("成绩 in group %q (span %d), 电话 in %q", score.Group, score.GroupSpan, phone.Group)
	}
	if year.Name() != "外语情况（年度）" || score.Name() != "外语情况（成绩）" {
		t.Errorf("names %q %q", year.Name(), score.Name())
	}
	if !strings.Contains(def.FixedText(), "外语\n情况") {
		t.Error("the group's text is not among the form's fixed text (the bold font subset)")
	}
}

func TestGroupProblems(t *testing.T) {
	for _, tc := range []struct{ name, lines, want string }{
		{"no width", "  group = \"外语\"\n  group_span = 2", "同时写 group"},
		{"no span", "  group = \"外语\"\n  group_mm = 12", "同时写 group"},
		{"empty text", "  group = \" \"\n  group_mm = 12\n  group_span = 2", "同时写 group"},
		{"past the rows", "  group = \"外语\"\n  group_mm = 12\n  group_span = 3", "group_span 改为 2 或更小"},
		{"too narrow", "  group = \"外语\"\n  group_mm = 0.001\n  group_span = 2", "太窄"},
		{"a character the fonts lack", "  group = \"外语😀\"\n  group_mm = 12\n  group_span = 2", "U+1F600"},
		// Without the group the rows do not add up: 12 mm short in the row it prints in.
		{"none", "", "差 12 毫米"},
	} {
		_, err := ParseDefinition([]byte(groupDef(tc.lines)), "group.toml")
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
}

// One mistake is told once: a width or a row count the loader refuses is not told again as a
// row that does not add up, a field without a width, or a rule past the table's rows.
func TestOneMistakeToldOnce(t *testing.T) {
	for _, tc := range []struct{ name, old, new, want string }{
		{"width as text", "  value_mm = 65.5\n", "  value_mm = \"65.5\"\n", "value_mm 应当是数"},
		{"negative width", "  value_mm = 65.5\n", "  value_mm = -65.5\n", "value_mm 应当在 0 到 146.5 之间"},
		{"rows as text", "rows = 5\n", "rows = \"5\"\n", "rows 应当是整数"},
	} {
		src := strings.Replace(baseDef, tc.old, tc.new, 1)
		if src == baseDef {
			t.Fatalf("%s: baseDef has no %q", tc.name, tc.old)
		}
		if tc.name == "rows as text" { // a rule and a sample that count the table's rows
			src += "\n[[rules]]\nkind = \"rows\"\ntables = [\"members\"]\nmax = 5\nmessage = \"{table}最多{max}名。\"\n"
		}
		_, err := ParseDefinition([]byte(src), "one.toml")
		var de *DefinitionError
		if !errors.As(err, &de) || len(de.Problems) != 1 || !strings.Contains(de.Problems[0].Message, tc.want) {
			t.Errorf("%s: %v, want the one problem %q", tc.name, err, tc.want)
		}
	}
}
