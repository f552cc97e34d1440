package docx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"shenbao/forms"
)

// schemaFor names the schema (under testdata) a part is validated against, as Word reads it.
func schemaFor(name string) string {
	switch {
	case name == "[Content_Types].xml":
		return "ooxml-xsd/opc-xsd/opc-contentTypes.xsd"
	case strings.HasSuffix(name, ".rels"):
		return "ooxml-xsd/opc-xsd/opc-relationships.xsd"
	case name == "docProps/core.xml":
		return "dc/core.xsd" // the OPC schema with local Dublin Core schemas
	case name == "docProps/app.xml":
		return "ooxml-xsd/shared-documentPropertiesExtended.xsd"
	case strings.HasPrefix(name, "customXml/itemProps"):
		return "ooxml-xsd/shared-customXmlDataProperties.xsd"
	case name == DraftPart:
		return "draft.xsd" // the draft's wrapper element (draftpart.go)
	case strings.HasPrefix(name, "word/header"):
		return "vml-entry.xsd" // WordprocessingML with the VML of the watermark checked too
	case strings.HasPrefix(name, "word/") && strings.HasSuffix(name, ".xml"):
		return "ooxml-xsd/wml.xsd"
	}
	return ""
}

func needXmllint(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("xmllint"); err != nil {
		t.Skip("xmllint is not installed (apt-get install libxml2-utils): the schema checks are skipped")
	}
}

// xmllint validates files against one schema, offline, and returns its complaints.
func xmllint(t *testing.T, schema string, files ...string) (string, bool) {
	t.Helper()
	abs := schema
	if !filepath.IsAbs(schema) {
		abs, _ = filepath.Abs(filepath.Join("testdata", schema))
	}
	args := append([]string{"--nonet", "--noout", "--schema", abs}, files...)
	out, err := exec.Command("xmllint", args...).CombinedOutput()
	// Importing the same namespace twice is reported as a warning; it is not a finding.
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l != "" && !strings.Contains(l, " validates") && !strings.Contains(l, "Skipping import of schema") {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n"), err == nil
}

// validatePackage writes every XML part to dir and validates each against its schema.
func validatePackage(t *testing.T, label string, data []byte) {
	t.Helper()
	validateFormPackage(t, label, data, forms.Default().DraftFormat)
}

// validateFormPackage is validatePackage for a .docx of the form whose drafts carry format:
// the draft part's schema fixes that format.
func validateFormPackage(t *testing.T, label string, data []byte, format string) {
	t.Helper()
	dir := t.TempDir()
	bySchema := map[string][]string{}
	for _, p := range unzip(t, data) {
		if !isXMLPart(p.name) {
			continue
		}
		schema := schemaFor(p.name)
		if schema == "" {
			t.Errorf("%s: no schema for part %s", label, p.name)
			continue
		}
		if p.name == DraftPart && format != forms.Default().DraftFormat {
			schema = draftSchemaFor(t, dir, format)
		}
		file := filepath.Join(dir, filepath.FromSlash(p.name))
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, p.data, 0o644); err != nil {
			t.Fatal(err)
		}
		bySchema[schema] = append(bySchema[schema], file)
	}
	schemas := make([]string, 0, len(bySchema))
	for s := range bySchema {
		schemas = append(schemas, s)
	}
	sort.Strings(schemas)
	for _, s := range schemas {
		if out, ok := xmllint(t, s, bySchema[s]...); !ok {
			t.Errorf("%s: not valid against %s:\n%s", label, s, strings.ReplaceAll(out, dir+"/", ""))
		}
	}
}

// draftSchemaFor writes draft.xsd with format as the draft format it fixes, into dir.
func draftSchemaFor(t *testing.T, dir, format string) string {
	t.Helper()
	xsd, err := os.ReadFile(filepath.Join("testdata", "draft.xsd"))
	if err != nil {
		t.Fatal(err)
	}
	fixed := `fixed="` + forms.Default().DraftFormat + `"`
	if !bytes.Contains(xsd, []byte(fixed)) {
		t.Fatalf("draft.xsd holds no %s", fixed)
	}
	path := filepath.Join(dir, "draft-"+strings.ReplaceAll(format, ":", "-")+".xsd")
	if err := os.WriteFile(path, bytes.Replace(xsd, []byte(fixed), []byte(`fixed="`+format+`"`), 1), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestSchemas validates every part of the sample, the blank form and the hard drafts, plain
// and as a draft export, against the ECMA-376 transitional schemas.
func TestSchemas(t *testing.T) {
	needXmllint(t)
	names := make([]string, 0)
	drafts := hardDrafts()
	for n := range drafts {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		validatePackage(t, n, export(t, drafts[n], Options{Author: "覃晓岚", Creator: "shenbao 0.1.0", Created: fixedTime}))
		validatePackage(t, n+" --draft", export(t, drafts[n], Options{Draft: true}))
	}
}

// TestSchemasCatchMistakes makes sure the validation would notice what Word refuses: an
// element out of order, an unknown value, a bad VML attribute, a wrong core property.
func TestSchemasCatchMistakes(t *testing.T) {
	needXmllint(t)
	m := partMap(unzip(t, export(t, forms.Sample(forms.Default()), Options{Draft: true, Created: fixedTime})))
	tests := []struct {
		part, old, new string
	}{
		{"word/document.xml", `<w:tcW w:w="`, `<w:vAlign w:val="top"/><w:tcW w:w="`}, // tcPr order
		{"word/document.xml", `<w:tblLayout w:type="fixed"/>`, `<w:tblLayout w:type="rigid"/>`},
		{"word/document.xml", `<w:pgSz `, `<w:pgMar/><w:pgSz `},
		{"word/styles.xml", `<w:jc w:val="center"/>`, `<w:jc w:val="center"/><w:spacing w:before="0"/>`}, // pPr order
		{"word/header1.xml", `stroked="f"`, `stroked="maybe"`},
		{"docProps/core.xml", `2024-07-20T09:30:00Z`, `yesterday`},
		{"[Content_Types].xml", `<Default Extension="xml"`, `<Default Extension="xml" Bogus="1"`},
		{"customXml/itemProps1.xml", `ds:itemID="`, `ds:itemId="`},
		{DraftPart, `format="liuzhou-mbzr-shenbao"`, `format="other"`},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		orig := m[tt.part]
		if !bytes.Contains(orig, []byte(tt.old)) {
			t.Fatalf("%s holds no %s", tt.part, tt.old)
		}
		file := filepath.Join(dir, strings.NewReplacer("/", "_", "[", "", "]", "").Replace(tt.part)+string(rune('a'+i))+".xml")
		os.WriteFile(file, bytes.Replace(orig, []byte(tt.old), []byte(tt.new), 1), 0o644)
		if _, ok := xmllint(t, schemaFor(tt.part), file); ok {
			t.Errorf("%s with %s instead of %s passes the schema", tt.part, tt.new, tt.old)
		}
	}
}

// rPrOrder is the order of run properties in ECMA-376 (CT_RPr). The transitional schema lets
// them come in any order, but Word reads them as a sequence, so the order is checked here.
var rPrOrder = []string{"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
	"dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
	"webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight", "u",
	"effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout",
	"specVanish", "oMath"}

func TestRunPropertiesOrder(t *testing.T) {
	rank := map[string]int{}
	for i, n := range rPrOrder {
		rank["w:"+n] = i
	}
	for name, d := range hardDrafts() {
		m := partMap(unzip(t, export(t, d, Options{Draft: true})))
		for part, data := range m {
			if !strings.HasPrefix(part, "word/") || !strings.HasSuffix(part, ".xml") {
				continue
			}
			for _, rpr := range parseTree(t, data).all("w:rPr") {
				last := -1
				for _, c := range rpr.children {
					r, ok := rank[c.name]
					if !ok {
						t.Errorf("%s: %s: unknown run property %s", name, part, c.name)
						continue
					}
					if r <= last {
						t.Errorf("%s: %s: run property %s out of order", name, part, c.name)
					}
					last = r
				}
			}
		}
	}
}
