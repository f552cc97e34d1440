// Package formstest gives the tests of every room the forms to run over: every shipped
// definition and the synthetic one in forms/testdata that uses every kind of block, field and
// key. Only tests import it.
package formstest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"shenbao/forms"
)

// EveryKindFile is the synthetic definition's path, found from this file's place in the repo so
// that a test of any package can read it.
func EveryKindFile() string {
	_, here, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(here), "..", "testdata", "defs", "every-kind.toml")
}

// Definitions are the shipped definitions, then the synthetic one.
func Definitions(t testing.TB) []*forms.Definition {
	t.Helper()
	defs, err := forms.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(EveryKindFile())
	if err != nil {
		t.Fatal(err)
	}
	d, err := forms.ParseDefinition(data, "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	return append(append([]*forms.Definition(nil), defs...), d)
}
