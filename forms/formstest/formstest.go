// Package formstest gives the tests of every room the forms to run over: every shipped
// definition and the synthetic ones in forms/testdata/defs: every-kind.toml, which uses every
// kind of block, field and key, and no-photo.toml, a form with no photo cell whose tables and
// blank blocks differ from it (its head comment says how). Only tests import it.
package formstest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"shenbao/forms"
)

// testDefs are the synthetic definitions' file names in forms/testdata/defs.
var testDefs = []string{"every-kind.toml", "no-photo.toml"}

// defsDir is forms/testdata/defs, found from this file's place in the repo so that a test of
// any package can read it.
func defsDir() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "testdata", "defs")
}

// EveryKindFile is the path of the synthetic definition that uses every kind.
func EveryKindFile() string { return filepath.Join(defsDir(), "every-kind.toml") }

// Definitions are the shipped definitions, then the synthetic ones.
func Definitions(t testing.TB) []*forms.Definition {
	t.Helper()
	defs, err := forms.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	out := append([]*forms.Definition(nil), defs...)
	for _, name := range testDefs {
		data, err := os.ReadFile(filepath.Join(defsDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		d, err := forms.ParseDefinition(data, name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, d)
	}
	return out
}

// Form is what --form takes for a definition of Definitions: a shipped form's id, a synthetic
// form's file (this program does not have it).
func Form(d *forms.Definition) string {
	if _, ok := forms.ShippedByID(d.ID); ok {
		return d.ID
	}
	return filepath.Join(defsDir(), d.File)
}
