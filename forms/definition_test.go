package forms

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"shenbao/fonts"
)

const mbzrFile = "liuzhou-mbzr-2024.toml"

func loadShipped(t *testing.T, name string) *Definition {
	t.Helper()
	data, err := ShippedFile(name)
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDefinition(data, name)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// todaysForm is the built-in form's blocks (Default(), made from the Go table forms.Form) with
// what the rest of today's Go code says about them beyond the table: each addition names where
// that code is.
func todaysForm() []Block {
	want := cloneBlocks(Default().Blocks)
	opinion := 0
	for i := range want {
		if b := &want[i]; b.Kind == OpinionBlock {
			// render/geometry.go: OpinionClear 52 mm; scan: School, County, City (the city's
			// box stays empty: a seal there is a 提醒, a missing one elsewhere a 错误).
			b.ClearMM = 52
			b.Seal = []Seal{SchoolSeal, CountySeal, CitySeal}[opinion]
			b.SealNeeded = b.Seal != CitySeal
			b.LeaveBlank = b.Seal == CitySeal
			opinion++
		}
	}
	return want
}

func cloneBlocks(in []Block) []Block {
	out := make([]Block, len(in))
	for i, b := range in {
		out[i] = b
		out[i].Fields = make([]Field, len(b.Fields))
		copy(out[i].Fields, b.Fields)
	}
	return out
}

// diff lists every member where got and want differ, by its path ("blocks[3]“工作室成员基本情况”
// .Fields[2]“出生年月”.Hint"), so a failure says exactly what the file has wrong. A nil and an
// empty slice or map are the same here: the loader gives nil for an absent key.
func diff(path string, got, want reflect.Value, out *[]string) {
	if len(*out) > 40 {
		return
	}
	switch got.Kind() {
	case reflect.Struct:
		for i := 0; i < got.NumField(); i++ {
			name := got.Type().Field(i).Name
			diff(path+"."+name, got.Field(i), want.Field(i), out)
		}
	case reflect.Slice:
		if got.Len() != want.Len() {
			*out = append(*out, fmt.Sprintf("%s: %d entries, want %d: got %v, want %v", path, got.Len(), want.Len(), got, want))
			return
		}
		for i := 0; i < got.Len(); i++ {
			diff(path+"["+strconv.Itoa(i)+"]"+labelOf(want.Index(i)), got.Index(i), want.Index(i), out)
		}
	case reflect.Map:
		if got.Len() != want.Len() || (got.Len() > 0 && !reflect.DeepEqual(got.Interface(), want.Interface())) {
			*out = append(*out, fmt.Sprintf("%s: got %v, want %v", path, got, want))
		}
	default:
		if !reflect.DeepEqual(got.Interface(), want.Interface()) {
			*out = append(*out, fmt.Sprintf("%s: got %#v, want %#v", path, got.Interface(), want.Interface()))
		}
	}
}

func labelOf(v reflect.Value) string {
	if v.Kind() == reflect.Struct {
		if l := v.FieldByName("Label"); l.IsValid() && l.String() != "" {
			return "“" + strings.ReplaceAll(l.String(), "\n", "") + "”"
		}
	}
	return ""
}

// normalize turns empty slices and maps into nil, so DeepEqual agrees with diff.
func normalize(bs []Block) []Block {
	out := cloneBlocks(bs)
	for i := range out {
		if len(out[i].Outline) == 0 {
			out[i].Outline = nil
		}
		if len(out[i].Aliases) == 0 {
			out[i].Aliases = nil
		}
		for j := range out[i].Fields {
			f := &out[i].Fields[j]
			if len(f.Choices) == 0 {
				f.Choices = nil
			}
			if len(f.Aliases) == 0 {
				f.Aliases = nil
			}
			if len(f.ValueAliases) == 0 {
				f.ValueAliases = nil
			}
		}
	}
	return out
}

// TestMBZRDefinitionIsTodaysForm: the definition file is the form the program has built in
// (Default()), member by member.
func TestMBZRDefinitionIsTodaysForm(t *testing.T) {
	d := loadShipped(t, mbzrFile)
	def := Default()
	var diffs []string
	diff("blocks", reflect.ValueOf(d.Blocks), reflect.ValueOf(todaysForm()), &diffs)
	// Every other member of the built-in Definition; what only a file says (its source,
	// lists, rules, submission, file name) is checked by the tests below.
	want := *def
	want.Blocks, want.Source, want.Lists, want.Rules, want.File = d.Blocks, d.Source, d.Lists, d.Rules, d.File
	want.Submission = d.Submission
	diff("definition", reflect.ValueOf(*d), reflect.ValueOf(want), &diffs)
	for _, s := range diffs {
		t.Error(s)
	}
	if len(diffs) == 0 && !reflect.DeepEqual(normalize(d.Blocks), normalize(todaysForm())) {
		t.Error("blocks differ from the built-in form's, though no member does")
	}
	checks := []struct{ name, got, want string }{
		{"Title", d.Title, Title},
		{"Stamp", d.Stamp, Stamp},
		{"Date", d.Date, Date},
		{"Counties", strings.Join(d.Counties(), "、"), strings.Join(Counties, "、")},
		{"counties list", strings.Join(d.Lists["counties"], "、"), strings.Join(Counties, "、")},
		{"plan outline", strings.Join(mustBlock(t, d, "plan").Outline, "、"), strings.Join(PlanOutline, "、")},
		{"FixedText", d.FixedText(), def.FixedText()},
		{"DraftFormat", d.DraftFormat, Format},               // drafts written before forms were files
		{"OutputPrefix", d.OutputPrefix(), "柳州市名班主任工作室申报表-"}, // export: Name
		{"WindowTitle", d.WindowTitle, "柳州市名班主任工作室申报表"},      // app/window.go
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	// app/export.go, cli/export.go, cli/scans.go: the reminder where the files go.
	if want := (Submission{Deadline: "7月28日", Email: "lzjyjszk@163.com", Contact: "韦益金", Phone: "2822733"}); d.Submission != want {
		t.Errorf("Submission %+v, want %+v", d.Submission, want)
	}
	if !reflect.DeepEqual(d.Sample, sampleValues) {
		for p, v := range sampleValues {
			if d.Sample[p] != v {
				t.Errorf("sample %s = %q, want %q", p, d.Sample[p], v)
			}
		}
		for p := range d.Sample {
			if _, ok := sampleValues[p]; !ok {
				t.Errorf("sample has %s, the built-in sample has not", p)
			}
		}
	}
}

// TestMBZRRulesSayWhatCheckSays: each rule of the file, filled in as the checks will fill it,
// is the very message forms.Check gives today for a draft that breaks it, at the same path.
func TestMBZRRulesSayWhatCheckSays(t *testing.T) {
	d := loadShipped(t, mbzrFile)
	now := time.Date(2024, 7, 1, 0, 0, 0, 0, time.Local)
	host, adv, mem := mustBlock(t, d, "host"), mustBlock(t, d, "advisers"), mustBlock(t, d, "members")
	// rule finds the rule of that kind and severity for the field or table; bound "max" asks
	// for one with a Max.
	rule := func(kind RuleKind, sev Severity, field string, bound ...string) Rule {
		t.Helper()
		for _, r := range d.Rules {
			if len(bound) > 0 && !r.HasMax {
				continue
			}
			if r.Kind == kind && r.Severity == sev && (contains(r.Fields, field) || contains(r.Tables, field)) {
				return r
			}
		}
		t.Fatalf("no %v rule (%v) for %s", kind, sev, field)
		return Rule{}
	}
	cases := []struct {
		name string
		edit func(dr *Draft)
		path string
		rule Rule
		args map[string]string
	}{
		{"years below", func(dr *Draft) { dr.Set("host.years", "3") }, "host.years",
			rule(NumberRule, Error, "host.years"),
			map[string]string{"where": where(host, host.Field("years"), 0), "value": "3", "min": "5"}},
		{"years above", func(dr *Draft) { dr.Set("host.years", "51") }, "host.years",
			rule(NumberRule, Warning, "host.years"),
			map[string]string{"where": where(host, host.Field("years"), 0), "value": "51", "max": "50"}},
		{"age", func(dr *Draft) { dr.Set("advisers[1].birth", "1950.03") }, "advisers[1].birth",
			rule(AgeRule, Warning, "advisers.birth"),
			map[string]string{"where": where(adv, adv.Field("birth"), 1), "value": "1950.03", "age": "74", "min": "20", "max": "65"}},
		{"county", func(dr *Draft) { dr.Set("host.pairedCounty", "城中区") }, "host.pairedCounty",
			rule(OneOfRule, Error, "host.pairedCounty"),
			map[string]string{"where": where(host, host.Field("pairedCounty"), 0), "value": "城中区", "list": choiceList(Counties)}},
		{"no adviser", func(dr *Draft) {
			for _, f := range adv.Fields {
				for r := 1; r <= 2; r++ {
					dr.Set(Path(adv, f, r), "")
				}
			}
		}, "advisers", rule(RowsRule, Error, "advisers"),
			map[string]string{"table": adv.Nav, "min": "1"}},
		{"three advisers", func(dr *Draft) {
			for _, f := range adv.Fields {
				dr.Set(Path(adv, f, 3), dr.Value(adv, f, 1))
			}
			dr.Set("advisers[3].mobile", "13900000003")
		}, "advisers", rule(RowsRule, Error, "advisers", "max"),
			map[string]string{"table": adv.Nav, "max": "2", "n": "3", "over": "1"}},
		{"four members", func(dr *Draft) {
			for _, f := range mem.Fields {
				dr.Set(Path(mem, f, 5), "")
			}
		}, "members", rule(RowsRule, Warning, "members"),
			map[string]string{"table": mem.Nav, "n": "4", "min": "5"}},
		{"six members", func(dr *Draft) {
			for _, f := range mem.Fields {
				dr.Set(Path(mem, f, 6), dr.Value(mem, f, 1))
			}
			dr.Set("members[6].mobile", "13900000006")
		}, "members", rule(RowsRule, Error, "members", "max"),
			map[string]string{"table": mem.Nav, "max": "5", "n": "6", "over": "1"}},
		{"adviser is the host", func(dr *Draft) {
			dr.Set("advisers[2].name", dr.Get("host.name"))
			dr.Set("advisers[2].mobile", dr.Get("host.phone"))
		}, "advisers[2].name", rule(SamePersonRule, Warning, "advisers"),
			map[string]string{"table": adv.Nav, "row": "2", "first": "主持人"}},
		{"member is adviser", func(dr *Draft) {
			dr.Set("members[2].name", dr.Get("advisers[1].name"))
			dr.Set("members[2].mobile", dr.Get("advisers[1].mobile"))
		}, "members[2].name", rule(SamePersonRule, Warning, "members"),
			map[string]string{"table": mem.Nav, "row": "2", "first": adv.Nav + "第1行"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dr := Sample(Default())
			c.edit(dr)
			want := c.rule.Format(c.args)
			var got []string
			for _, f := range CheckAt(dr, now, nil) {
				if f.Path == c.path {
					got = append(got, f.Message)
					if f.Message == want && f.Severity == c.rule.Severity {
						return
					}
				}
			}
			t.Errorf("rule (line %d) says %q; Check says at %s: %q", c.rule.Line, want, c.path, got)
		})
	}
	// The rows rule with the greatest max of each table is the table's Rows.
	for _, b := range []Block{adv, mem} {
		most := 0
		for _, r := range d.RulesFor(b.Key) {
			if r.Kind == RowsRule && r.HasMax {
				most = max(most, r.Max)
			}
		}
		if most != b.Rows {
			t.Errorf("%s: rows rules allow %d, the form prints %d", b.Key, most, b.Rows)
		}
	}
}

// definitionFiles are every shipped definition and the synthetic one in testdata.
func definitionFiles(t testing.TB) map[string][]byte {
	files := map[string][]byte{}
	for _, name := range ShippedFiles() {
		data, err := ShippedFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = data
	}
	paths, _ := filepath.Glob("testdata/defs/*.toml")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(p)] = data
	}
	return files
}

// TestDefinitions holds for every shipped definition and the synthetic one.
func TestDefinitions(t *testing.T) {
	files := definitionFiles(t)
	if len(files) < 2 {
		t.Fatalf("%d definition files", len(files))
	}
	for name, data := range files {
		t.Run(name, func(t *testing.T) {
			d, err := ParseDefinition(data, name)
			if err != nil {
				t.Fatal(err)
			}
			if d.File != name || d.ID == "" || d.Title == "" || d.OutputName == "" || d.DraftFormat == "" {
				t.Errorf("file %q id %q title %q output %q draft %q", d.File, d.ID, d.Title, d.OutputName, d.DraftFormat)
			}
			if !strings.HasSuffix(d.OutputPrefix(), "-") {
				t.Errorf("OutputPrefix %q", d.OutputPrefix())
			}
			for _, r := range fonts.Missing(d.FixedText()) {
				t.Errorf("FixedText has %q, which the regular font lacks", r)
			}
			if _, _, ok := d.RoleField(RoleApplicantName); !ok {
				t.Error("no applicant_name")
			}
			for role, p := range d.Roles {
				if b, _, ok := d.Field(p); !ok || b.Kind != FieldsBlock {
					t.Errorf("role %s: %q", role, p)
				}
			}
			keys := map[string]bool{}
			for _, b := range d.Blocks {
				if b.Key != "" && keys[b.Key] {
					t.Errorf("block key %q twice", b.Key)
				}
				keys[b.Key] = true
				for _, r := range b.Label {
					if !fonts.BoldHas(r) && r != '\n' {
						t.Errorf("block label %q: %q not in bold", b.Label, r)
					}
				}
				if b.Seal != NoSeal && b.ClearMM < MinSealClearMM {
					t.Errorf("%s: seal with %g mm", b.Name(), b.ClearMM)
				}
				if b.Stored() != (b.Key != "" && !b.LeaveBlank && (b.Kind == FieldsBlock || b.Kind == TableBlock || b.Kind == TextBlock)) {
					t.Errorf("%s: Stored %v", b.Name(), b.Stored())
				}
			}
			if len(d.Stored()) == 0 {
				t.Error("nothing stored")
			}
			for _, r := range d.Rules {
				for _, p := range r.Fields {
					if _, _, ok := d.Field(p); !ok {
						t.Errorf("rule at line %d: field %q", r.Line, p)
					}
				}
				if r.Line == 0 || r.Message == "" {
					t.Errorf("rule %+v", r)
				}
			}
			for p, v := range d.Sample {
				if utf8.RuneCountInString(v) == 0 || !strings.Contains(p, ".") && !d.hasBlock(p) {
					t.Errorf("sample %s = %q", p, v)
				}
			}
		})
	}
}

func (d *Definition) hasBlock(key string) bool { _, ok := d.Block(key); return ok }

func TestShipped(t *testing.T) {
	defs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if len(defs) != len(ShippedFiles()) {
		t.Fatalf("%d definitions of %d files", len(defs), len(ShippedFiles()))
	}
	if d, ok := ShippedByID("liuzhou-mbzr-2024"); !ok || d.Title != Title {
		t.Errorf("ShippedByID: %v", ok)
	}
	if _, ok := ShippedByID("no-such-form"); ok {
		t.Error("ShippedByID found no-such-form")
	}
}
