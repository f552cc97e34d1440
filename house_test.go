package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// house is the plan of the rooms: for each package of ours, the packages of ours it may import
// (a name ending in "/" allows the room and every package under it). Arrows point one way:
// the domain (forms) knows only the fonts; render turns a draft into pages and knows no reader;
// export writes both files from render's pages; readback, roster, summary and scan read what
// comes back and may use the writers' names; only app, and main, may import Fyne.
var house = map[string][]string{
	"shenbao":                    {"app", "cli", "platform"},
	"fonts":                      {},
	"fonts/fontstest":            {},
	"forms":                      {"fonts"},
	"forms/internal/portrait":    {},
	"forms/internal/genportrait": {"forms/internal/portrait"},
	"forms/formstest":            {"forms"},
	"photo":                      {},
	"pdfobj":                     {},
	"platform":                   {},
	"workbook":                   {},
	"workbook/workbooktest":      {"workbook"},
	"render":                     {"fonts", "forms", "photo", "render/"},
	"render/text":                {},
	"render/raster":              {"fonts", "forms", "render"},
	"render/pdf":                 {"fonts", "forms", "photo", "render", "render/raster", "render/text"},
	"render/docx":                {"fonts", "forms", "photo", "render", "render/text"},
	"export":                     {"fonts", "forms", "photo", "render/"},
	"readback":                   {"fonts", "forms", "pdfobj", "photo", "render/docx"},
	"formimport":                 {"fonts", "forms", "readback"},
	"roster":                     {"forms", "workbook"},
	"summary":                    {"forms", "photo", "readback", "roster", "export", "workbook"},
	"scan":                       {"fonts", "forms", "pdfobj", "photo", "render/", "export"},
	"cli":                        {"fonts", "forms", "photo", "render/", "export", "readback", "roster", "summary", "scan", "formimport"},
	"app/":                       {"app/", "fonts", "forms", "photo", "platform", "render/", "export", "readback", "roster", "summary", "scan", "formimport"},
	"tools/":                     {"cli"},
}

// The import graph, as `go list` reads it, keeps to the plan: no arrow back up, no room
// leaning on one it should not know, Fyne only in the app, and no picture decoder in forms.
func TestHouse(t *testing.T) {
	out, err := exec.Command("go", "list", "-tags", "no_emoji", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		pkg := strings.TrimPrefix(f[0], "shenbao/")
		allowed, ok := plan(pkg)
		if !ok {
			t.Errorf("%s is not in the plan (house_test.go): say which rooms it may import", pkg)
			continue
		}
		seen[pkg] = true
		for _, imp := range f[1:] {
			if strings.HasPrefix(imp, "fyne.io/") && pkg != "shenbao" && !strings.HasPrefix(pkg, "app") {
				t.Errorf("%s imports %s: only app uses Fyne", pkg, imp)
			}
			if imp != "shenbao" && !strings.HasPrefix(imp, "shenbao/") {
				continue
			}
			if to := strings.TrimPrefix(imp, "shenbao/"); !allows(allowed, to) {
				t.Errorf("%s imports %s: the plan allows %v", pkg, to, allowed)
			}
		}
	}
	for _, must := range []string{"forms", "render", "photo", "export", "readback", "roster", "summary", "scan", "app", "cli"} {
		if !seen[must] {
			t.Errorf("no package %s: go list found %v", must, seen)
		}
	}
	// forms reads drafts for every command: no picture coder of its own, none of the pipeline's.
	deps, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "-deps", "./forms").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, line := range strings.Split(string(deps), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		for _, d := range f[1:] {
			if f[0] == "shenbao/forms" && strings.HasPrefix(d, "image") || strings.Contains(d, "heic") ||
				strings.Contains(d, "wazero") || strings.HasPrefix(d, "golang.org/x/image/webp") || d == "shenbao/photo" {
				t.Errorf("forms reaches the picture code %s (through %s)", d, f[0])
			}
		}
	}
}

// plan finds a package's entry: its own, or that of the nearest room above it written with a
// trailing "/".
func plan(pkg string) ([]string, bool) {
	if a, ok := house[pkg]; ok {
		return a, true
	}
	for p := pkg; p != ""; {
		if a, ok := house[p+"/"]; ok {
			return a, true
		}
		i := strings.LastIndex(p, "/")
		if i < 0 {
			break
		}
		p = p[:i]
	}
	return nil, false
}

// allows says whether a room may import to: named, or under a room written with "/".
func allows(allowed []string, to string) bool {
	for _, a := range allowed {
		if a == to || strings.HasSuffix(a, "/") && (strings.HasPrefix(to, a) || to == strings.TrimSuffix(a, "/")) {
			return true
		}
	}
	return false
}

// The plan's reading: a room written with "/" covers what is under it, nothing else.
func TestHousePlanReading(t *testing.T) {
	for _, tt := range []struct {
		pkg, to string
		want    bool
	}{
		{"forms", "fonts", true},
		{"forms", "photo", false},
		{"render/docx", "render/text", true},
		{"render/pdf", "readback", false},
		{"export", "render/pdf", true},
		{"export", "readback", false},
		{"app/editor", "render/text", true},
		{"app/internal/zhlocale", "cli", false},
		{"roster", "readback", false},
	} {
		allowed, ok := plan(tt.pkg)
		if got := ok && allows(allowed, tt.to); got != tt.want {
			t.Errorf("%s may import %s: %v, want %v", tt.pkg, tt.to, got, tt.want)
		}
	}
	if _, ok := plan("newroom"); ok {
		t.Error("a package the plan does not name was given a plan")
	}
}
