package forms

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The forms folder: files that load are registered; a broken one, or one whose id is another
// form's, is said and skipped, and the others still load; a copy of a built-in form (its draft
// format) replaces it.
func TestLoadFolder(t *testing.T) {
	t.Cleanup(ResetRegistered)
	ResetRegistered()
	dir := t.TempDir()
	every := string(mustRead(t, "testdata/defs/every-kind.toml"))
	builtin := string(mustRead(t, "defs/liuzhou-mbzr-2024.toml"))
	for name, text := range map[string]string{
		"a-every.toml":   every,
		"b-broken.toml":  "format = \"shenbao-form\"\nid = [",
		"c-same-id.toml": strings.Replace(every, `draft_format = "shenbao:test-every-kind"`, `draft_format = "shenbao:other"`, 1),
		"d-copy.toml":    strings.Replace(builtin, "\nversion = 1 ", "\nversion = 2 ", 1),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	problems := LoadFolder(dir)
	var said []string
	for _, p := range problems {
		said = append(said, p.Error())
	}
	if len(problems) != 2 || !strings.HasPrefix(said[0], "b-broken.toml") || !strings.HasPrefix(said[1], "c-same-id.toml") || !strings.Contains(said[1], "编号") {
		t.Errorf("problems %q, want b-broken.toml's and c-same-id.toml's", said)
	}
	n := 0
	for _, d := range Known() {
		if d.ID == "test-every-kind" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d forms with the id test-every-kind known, want 1", n)
	}
	if d, ok := Lookup(DefaultID); !ok || d.Version != 2 {
		t.Errorf("the built-in form's copy (version 2) does not replace it: %v", d)
	}
}
