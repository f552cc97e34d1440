package forms

import (
	"os"
	"strings"
	"testing"
)

// TestEveryKindDefinition: the synthetic definition holds every kind, block kind, rule kind,
// seal and role, so that the table-driven tests above cover them all.
func TestEveryKindDefinition(t *testing.T) {
	data, err := os.ReadFile("testdata/defs/every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDefinition(data, "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	kinds, blockKinds, ruleKinds := map[Kind]bool{}, map[BlockKind]bool{}, map[RuleKind]bool{}
	var pageBreak, leaveBlank, outline, declaration, seal, unsealed, noSerial, help, shared bool
	for _, b := range d.Blocks {
		blockKinds[b.Kind] = true
		pageBreak = pageBreak || b.PageBreak
		leaveBlank = leaveBlank || b.LeaveBlank
		outline = outline || len(b.Outline) > 0
		declaration = declaration || b.Kind == DeclarationBlock && b.Sign != "" && b.Text != ""
		seal = seal || b.Seal != NoSeal && b.SealNeeded
		unsealed = unsealed || b.Seal != NoSeal && !b.SealNeeded
		noSerial = noSerial || b.Kind == TableBlock && b.LabelMM == 0
		help = help || b.Help != ""
		shared = shared || b.Shared
		for _, f := range b.Fields {
			kinds[f.Kind] = true
		}
	}
	for _, r := range d.Rules {
		ruleKinds[r.Kind] = true
	}
	for k := Text; k <= Period; k++ {
		if !kinds[k] {
			t.Errorf("no field of kind %v", k)
		}
	}
	for k := FieldsBlock; k <= NoteBlock; k++ {
		if !blockKinds[k] {
			t.Errorf("no block of kind %v", k)
		}
	}
	for k := NumberRule; k <= SamePersonRule; k++ {
		if !ruleKinds[k] {
			t.Errorf("no rule of kind %v", k)
		}
	}
	for name, ok := range map[string]bool{"page_break": pageBreak, "leave_blank": leaveBlank, "outline": outline,
		"declaration": declaration, "seal needed": seal, "seal not needed": unsealed, "table without 序号": noSerial, "help": help, "shared": shared} {
		if !ok {
			t.Errorf("no %s", name)
		}
	}
	for _, r := range roles {
		if _, _, ok := d.RoleField(r); !ok {
			t.Errorf("no role %s", r)
		}
	}
	// Derived from the rules: the number rule's min, the rows rules' least rows.
	if f := mustBlock(t, d, "host").Field("years"); f.Min != 3 {
		t.Errorf("years Min %d, want 3 from its rule", f.Min)
	}
	if b := mustBlock(t, d, "members"); b.MinRows != 1 || b.WarnRows != 2 {
		t.Errorf("members MinRows %d WarnRows %d, want 1 and 2", b.MinRows, b.WarnRows)
	}
	if d.Group != "工作室" || d.DraftFormat != "shenbao:test-every-kind" {
		t.Errorf("group %q draft format %q", d.Group, d.DraftFormat)
	}
	if got := d.Counties(); strings.Join(got, "") != "柳城县鹿寨县融安县" {
		t.Errorf("Default().Counties() %v", got)
	}
	if len(d.Sealed()) != 2 || d.Sealed()[0].Seal != SchoolSeal {
		t.Errorf("Sealed %v", d.Sealed())
	}
	if b, f, ok := d.Field("record"); !ok || b.Kind != TextBlock || f.MaxWords != 1500 {
		t.Errorf("Field(record): %v %v %v", b.Key, f, ok)
	}
	if _, _, ok := d.Field("career.witness"); !ok {
		t.Error("Field(career.witness)")
	}
	if _, _, ok := d.Field("career"); ok {
		t.Error("Field(career) found a field")
	}
	if d.Sample["record"] != "第一段。\n第二段。" || d.Sample["career[1].period"] != "2015.09—2018.07" {
		t.Errorf("sample %q", d.Sample)
	}
}

func TestRuleFormat(t *testing.T) {
	r := Rule{Message: "{where}为{value}年，{unknown}要求{min}年{"}
	got := r.Format(map[string]string{"where": "甲", "value": "3", "min": "5"})
	if want := "甲为3年，{unknown}要求5年{"; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
}

func mustBlock(t *testing.T, d *Definition, key string) Block {
	t.Helper()
	b, ok := d.Block(key)
	if !ok {
		t.Fatalf("no block %q", key)
	}
	return b
}
