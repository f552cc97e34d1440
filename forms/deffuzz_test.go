package forms

import (
	"bytes"
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// FuzzParseDefinition: whatever the bytes, ParseDefinition ends with a definition that keeps the
// format's promises or a *DefinitionError of at most maxDefProblems problems, each on a line of
// the file; and on any text the parser accepts, the line scanner finds every key it found.
// Seeded with every shipped definition, the synthetic one and the tests' base definition.
//
//	go test -tags no_emoji ./forms -run '^$' -fuzz FuzzParseDefinition -parallel 1 -fuzztime 3m -fuzzminimizetime 3s
func FuzzParseDefinition(f *testing.F) {
	for _, data := range definitionFiles(f) {
		f.Add(data)
	}
	f.Add([]byte(baseDef))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseDefinition(data, "fuzz.toml")
		lines := bytes.Count(data, []byte("\n")) + 1
		if err != nil {
			var de *DefinitionError
			if !errors.As(err, &de) || len(de.Problems) == 0 || len(de.Problems) > maxDefProblems {
				t.Fatalf("error %T %v", err, err)
			}
			for _, p := range de.Problems {
				if p.Message == "" || p.Line < 0 || p.Line > lines {
					t.Fatalf("problem %+v of a %d-line file", p, lines)
				}
			}
			scannerAgrees(t, data)
			return
		}
		promises(t, d)
		scannerAgrees(t, data)
	})
}

// promises checks what a loaded definition guarantees whatever its file said.
func promises(t *testing.T, d *Definition) {
	t.Helper()
	if d.ID == "" || d.Title == "" || d.OutputName == "" || d.DraftFormat == "" || d.Version < 1 {
		t.Fatalf("header %q %q %q %q %d", d.ID, d.Title, d.OutputName, d.DraftFormat, d.Version)
	}
	if len(d.Blocks) == 0 || len(d.Blocks) > maxDefBlocks || len(d.Stored()) == 0 {
		t.Fatalf("%d blocks, %d stored", len(d.Blocks), len(d.Stored()))
	}
	if _, _, ok := d.RoleField(RoleApplicantName); !ok {
		t.Fatal("no applicant")
	}
	keys := map[string]bool{}
	pictures := 0
	for _, b := range d.Blocks {
		if b.Key != "" {
			if keys[b.Key] {
				t.Fatalf("block %q twice", b.Key)
			}
			keys[b.Key] = true
		}
		if len(b.Fields) > maxDefFields || b.Rows > maxRows || b.Rows < 0 {
			t.Fatalf("%s: %d fields, %d rows", b.Key, len(b.Fields), b.Rows)
		}
		if b.Seal != NoSeal && b.ClearMM < MinSealClearMM {
			t.Fatalf("%s: seal in %g mm", b.Key, b.ClearMM)
		}
		sum := b.LabelMM + b.SideMM
		for _, f := range b.Fields {
			if f.Kind == Picture {
				pictures++
			}
			if utf8.RuneCountInString(f.Label) > maxDefLabel || f.Label == "" {
				t.Fatalf("label %q", f.Label)
			}
			if (f.Kind == Choice || f.Kind == BoxChoice) && len(f.Choices) == 0 {
				t.Fatalf("%s.%s: no choices", b.Key, f.Key)
			}
			sum += f.ValueMM
		}
		if b.Kind == TableBlock && math.Abs(sum-TextMM) > widthTolerance {
			t.Fatalf("%s: table %g mm wide", b.Key, sum)
		}
		if b.Kind == TextBlock && (len(b.Fields) != 1 || b.Fields[0].Kind != LongText) {
			t.Fatalf("%s: text block of %d fields", b.Key, len(b.Fields))
		}
	}
	if pictures > 1 {
		t.Fatalf("%d pictures", pictures)
	}
	for _, r := range d.Rules {
		if r.Message == "" || r.HasMin && r.HasMax && r.Min > r.Max {
			t.Fatalf("rule %+v", r)
		}
		for _, p := range r.Fields {
			if _, _, ok := d.Field(p); !ok {
				t.Fatalf("rule field %q", p)
			}
		}
	}
	_ = d.FixedText()
	_ = d.Counties()
	_ = d.Sealed()
}

// scannerAgrees: every key the TOML parser finds, the line scanner found too, with a line.
func scannerAgrees(t *testing.T, data []byte) {
	t.Helper()
	if len(data) > MaxDefinitionSize || !utf8.Valid(data) {
		return
	}
	sh := scanTOML(data)
	if sh.depth > maxDefNesting || sh.parts > maxDefKeyParts {
		return // refused before parsing; the parser would be slow on it
	}
	var m map[string]any
	md, err := toml.Decode(string(data), &m)
	if err != nil {
		return
	}
	for _, k := range md.Keys() {
		path := strings.Join(k, ".")
		if strings.ContainsAny(path, "[]") {
			continue // a quoted key with brackets in it is not told from an index
		}
		if len(sh.plain[path]) == 0 {
			t.Fatalf("the scanner missed key %q", path)
		}
	}
}
