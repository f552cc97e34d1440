package forms

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

// shippedFS holds the definitions built into the program (docs/form-format.md), one file a form.
//
//go:embed defs/*.toml
var shippedFS embed.FS

// ShippedFiles lists the built-in definition files by name ("liuzhou-mbzr-2024.toml"), sorted.
func ShippedFiles() []string {
	names, _ := fs.Glob(shippedFS, "defs/*.toml") // the pattern is valid
	for i, n := range names {
		names[i] = path.Base(n)
	}
	sort.Strings(names)
	return names
}

// ShippedFile is the text of a built-in definition file.
func ShippedFile(name string) ([]byte, error) { return shippedFS.ReadFile("defs/" + name) }

var shipped struct {
	once sync.Once
	defs []*Definition
	err  error
}

// Shipped loads the built-in definitions, in the order of their file names. They are read on
// the first call, not at start-up; a broken one is a bug of the build (a test loads each).
func Shipped() ([]*Definition, error) {
	shipped.once.Do(func() {
		for _, name := range ShippedFiles() {
			data, err := ShippedFile(name)
			if err == nil {
				var d *Definition
				if d, err = ParseDefinition(data, name); err == nil {
					shipped.defs = append(shipped.defs, d)
					continue
				}
			}
			shipped.err = fmt.Errorf("built-in form %s: %w", name, err)
			return
		}
	})
	return shipped.defs, shipped.err
}

// ShippedByID finds a built-in definition by its id.
func ShippedByID(id string) (*Definition, bool) {
	defs, _ := Shipped()
	for _, d := range defs {
		if d.ID == id {
			return d, true
		}
	}
	return nil, false
}
