package forms

import (
	"os"
	"path/filepath"
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
			map[string]string{"where": where(host, host.Field("pairedCounty"), 0), "value": "城中区", "list": choiceList(Default().Counties())}},
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
	if d, ok := ShippedByID("liuzhou-mbzr-2024"); !ok || d.Title != Default().Title {
		t.Errorf("ShippedByID: %v", ok)
	}
	if _, ok := ShippedByID("no-such-form"); ok {
		t.Error("ShippedByID found no-such-form")
	}
}
