package app

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"golang.org/x/image/font/sfnt"

	"shenbao/fonts"
	"shenbao/fonts/fontstest"
)

// shownDirs are the packages whose text the window shows: its own, and the messages of the
// rooms it calls.
var shownDirs = []string{".", "editor", "../forms", "../photo", "../platform", "../render",
	"../export", "../readback", "../roster", "../scan"}

// programStrings are the string and rune literals of the packages whose text the window
// shows, and the translations' messages: every text the program itself can draw.
func programStrings(t *testing.T) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	for _, dir := range shownDirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			t.Fatalf("%s: no Go files (a room moved? update shownDirs)", dir)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			file, err := parser.ParseFile(fset, f, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(file, func(n ast.Node) bool {
				if lit, ok := n.(*ast.BasicLit); ok && (lit.Kind == token.STRING || lit.Kind == token.CHAR) {
					if s, err := strconv.Unquote(lit.Value); err == nil {
						out = append(out, s)
					}
				}
				return true
			})
		}
	}
	data, err := os.ReadFile("translations/shenbao.zh_Hans.json")
	if err != nil {
		t.Fatal(err)
	}
	var msgs map[string]any
	if err := json.Unmarshal(data, &msgs); err != nil {
		t.Fatal(err)
	}
	for k, v := range msgs {
		out = append(out, k)
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	if len(out) < 500 {
		t.Fatalf("found only %d strings: the walk missed the sources", len(out))
	}
	return out
}

// cmapOf answers which characters a font resource maps to a glyph.
func cmapOf(t *testing.T, res fyne.Resource) func(rune) bool {
	f, err := sfnt.Parse(res.Content())
	if err != nil {
		t.Fatalf("%s: %v", res.Name(), err)
	}
	var buf sfnt.Buffer
	return func(r rune) bool {
		gi, err := f.GlyphIndex(&buf, r)
		return err == nil && gi != 0
	}
}

// Every style Fyne draws the window's text in (labels, bold buttons, form labels and dialog
// titles, headings, italic and monospace rich text, menu shortcut symbols) gets from the
// theme a face holding every character of every string of the program: Fyne never falls back
// to a system font for the program's own text, so it looks the same on every PC and never
// shows boxes on a Windows without Chinese fonts.
func TestEveryTextStyleHasTheProgramsText(t *testing.T) {
	strs := programStrings(t)
	th := newTheme()
	styles := []fyne.TextStyle{{}, {Bold: true}, {Italic: true}, {Bold: true, Italic: true},
		{Monospace: true}, {Symbol: true}}
	for _, st := range styles {
		has := cmapOf(t, th.Font(st))
		var missing []rune
		for _, s := range strs {
			for _, r := range s {
				if r >= ' ' && r != 0x7F && fonts.Printable(r) && !has(r) && !slices.Contains(missing, r) {
					missing = append(missing, r)
				}
			}
		}
		if len(missing) > 0 {
			t.Errorf("style %+v (%s) lacks %q: run app/uifont/make.sh", st, th.Font(st).Name(), string(missing))
		}
	}
	// The bold face is bold where the program's text is: not the regular face renamed.
	if slices.Equal(uiBoldFontData, uiFontData) {
		t.Error("the bold face is the regular one")
	}
}

// A form's labels and a user's text may use any common character: both window faces have
// every character of GB 2312 and the punctuation forms use (fontstest.Required), the bold
// face in bold outline for every hanzi (not the regular one Fyne would draw as bold-less
// text), with the advance widths the bold text had before the bold was rebuilt from Noto
// Serif CJK SC Bold (fontstest.BoldAdvances), so no button or heading changes width.
func TestUIFacesHaveEveryCommonCharacter(t *testing.T) {
	req := fontstest.Required()
	reg, err := fontstest.ParseFace(uiFontData)
	if err != nil {
		t.Fatal(err)
	}
	bold, err := fontstest.ParseFace(uiBoldFontData)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name string
		face *fontstest.Face
	}{{uiFont.Name(), reg}, {uiBoldFont.Name(), bold}} {
		if m := f.face.Missing(req); m != "" {
			t.Errorf("%s lacks %d characters: %q (run app/uifont/make.sh)", f.name, len([]rune(m)), m)
		}
	}
	var same []rune
	for _, r := range req {
		if fontstest.IsHanzi(r) && bold.SameOutline(reg, r) {
			same = append(same, r)
		}
	}
	if len(same) > 0 {
		t.Errorf("the bold face draws %d hanzi in the regular outline: %q", len(same), string(same))
	}
	old, err := fontstest.BoldAdvances()
	if err != nil {
		t.Fatal(err)
	}
	for r, want := range old {
		if got := bold.Advance(r); bold.Has(r) && got != want {
			t.Errorf("%q (%U): bold advance %d, was %d", r, r, got, want)
		}
	}
	if !boldFits("色彩斑斓，〇①№") {
		t.Error("boldFits refuses common characters")
	}
}

// The test theme is the app's: widgets in tests are measured and drawn with the embedded
// fonts, not Fyne's bundled Latin ones.
func TestHarnessUsesTheEmbeddedFonts(t *testing.T) {
	h := newHarness(t, "")
	th := h.u.app.Settings().Theme()
	if th.Font(fyne.TextStyle{}) != uiFont || th.Font(fyne.TextStyle{Bold: true}) != uiBoldFont {
		t.Errorf("the test app draws with %s / %s", th.Font(fyne.TextStyle{}).Name(), th.Font(fyne.TextStyle{Bold: true}).Name())
	}
}

// boldFits sends to regular text what the bold face cannot show.
func TestBoldFitsOnlyTheBoldFacesCharacters(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{{"调整位置和大小…", true}, {"删除照片", true}, {"3 个错误，0 个提醒", true}, {"张堃", false}, {"", true}} {
		if got := boldFits(c.s); got != c.want {
			t.Errorf("boldFits(%q) = %v", c.s, got)
		}
	}
}

// Every character the program itself shows is in the UI font: labels, hints, messages.
func TestUIFontHasTheProgramsText(t *testing.T) {
	var missing []string
	for _, dir := range append(shownDirs, "translations") {
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
