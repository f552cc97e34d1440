package forms

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"sort"
	"testing"

	"shenbao/photo"
)

// TestShippedSamples: each built-in form's sample is a complete draft the checks pass: no 错误,
// every required field filled, as many rows as each table must have, and it reads back as
// the same draft.
func TestShippedSamples(t *testing.T) {
	defs, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, def := range defs {
		t.Run(def.ID, func(t *testing.T) {
			d := Sample(def)
			if got := Check(d, photo.StoredSize); HasErrors(got) {
				t.Errorf("the sample has 错误:\n%s", list(got))
			}
			for _, b := range def.Stored() {
				rows := []int{0}
				if b.Kind == TableBlock {
					rows = d.FilledRows(b)
					if len(rows) < max(b.MinRows, 1) {
						t.Errorf("%s: %d rows, the form asks for %d", b.Name(), len(rows), b.MinRows)
					}
				}
				for _, f := range b.Fields {
					for _, r := range rows {
						if p := Path(b, f, r); f.Required && f.Kind != Picture && d.Get(p) == "" {
							t.Errorf("the sample leaves %s empty", p)
						}
					}
				}
			}
			back, err := Parse(d.Marshal())
			if err != nil {
				t.Fatal(err)
			}
			if back.Form() != def || string(back.Marshal()) != string(d.Marshal()) {
				t.Error("the sample does not read back as itself")
			}
		})
	}
}

// TestDraftFileHoldsStoredBlocksOnly: a draft file holds the blocks the applicant fills and no
// others (notes, declarations, opinions, blocks left blank), and reads back as itself; a key
// a block left blank would have is kept as an unknown key, not read.
func TestDraftFileHoldsStoredBlocksOnly(t *testing.T) {
	data, err := os.ReadFile("testdata/defs/every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	def, err := ParseDefinition(data, "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	d := Sample(def)
	out := d.Marshal()
	var top map[string]json.RawMessage
	if err := json.Unmarshal(out, &top); err != nil {
		t.Fatalf("the draft file is no JSON: %v\n%s", err, out)
	}
	want := []string{"format", "version"}
	for _, b := range def.Stored() {
		want = append(want, b.Key)
	}
	var got []string
	for k := range top {
		got = append(got, k)
	}
	sort.Strings(got)
	sort.Strings(want)
	if !slices.Equal(got, want) {
		t.Errorf("the draft file's keys %q, want %q", got, want)
	}
	back, err := ParseAs(def, out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(back.Marshal(), out) {
		t.Error("the draft does not read back as itself")
	}
	withScore := bytes.Replace(out, []byte(`"version": 3,`), []byte(`"version": 3, "score": [{"who": "某某"}],`), 1)
	back, err = ParseAs(def, withScore)
	if err != nil {
		t.Fatal(err)
	}
	if back.Get("score[1].who") != "" || !bytes.Contains(back.Marshal(), []byte(`"who": "某某"`)) {
		t.Error("the key of a block left blank was read, or lost")
	}
}
