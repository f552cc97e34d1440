package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"shenbao/fonts"
)

// Every character the program itself shows is in the UI font: labels, hints, messages.
func TestUIFontHasTheProgramsText(t *testing.T) {
	var missing []string
	for _, dir := range []string{".", "../forms", "../forms/photo", "../platform", "translations"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			if !(strings.HasSuffix(f, ".go") && !strings.HasSuffix(f, "_test.go") || strings.HasSuffix(f, ".json")) {
				continue
			}
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range string(data) {
				if r > 0x7F && !uiHas(r) && fonts.Printable(r) && !strings.Contains(strings.Join(missing, ""), string(r)) {
					missing = append(missing, string(r))
				}
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("the UI font lacks %q: run app/uifont/make.sh", strings.Join(missing, ""))
	}
}

// A character outside the UI font (a rare one in a name) switches the window to the whole
// font, so it is never drawn as a box; common text does not.
func TestRareCharacterSwitchesToTheFullFont(t *testing.T) {
	if uiHas('堃') || !uiHas('晓') {
		t.Fatal("the test needs 堃 outside the UI font and 晓 inside")
	}
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.showPage("主持人")
	full := func() bool { return h.u.app.Settings().Theme().(appTheme).full }
	if full() {
		t.Fatal("the sample switched to the full font")
	}
	test.Type(h.entry("host.name"), "晓")
	if full() {
		t.Fatal("a common character switched fonts")
	}
	test.Type(h.entry("host.name"), "堃")
	if !full() {
		t.Fatal("堃 did not switch to the full font")
	}
	if needsFullFont("😀") {
		t.Error("an emoji (which no face of ours prints) asks for the full font")
	}
}
