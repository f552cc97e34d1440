package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/forms/formstest"
)

// A form in the user's forms folder is offered by 新建; its draft gets that form's pages (a
// page for each block the applicant fills, in its order), its title in the window, its
// checks; the 名班主任 form is still there for the next 新建.
func TestNewDraftAsksWhichForm(t *testing.T) {
	config := t.TempDir()
	data, err := os.ReadFile(formstest.EveryKindFile())
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(config, "forms"), 0o755)
	os.WriteFile(filepath.Join(config, "forms", "every-kind.toml"), data, 0o644)
	t.Cleanup(forms.ResetRegistered)
	h := newHarness(t, config)
	h.u.Start("")
	other, ok := forms.Lookup("test-every-kind")
	if !ok {
		t.Fatal("the folder's form was not read")
	}
	h.u.newDraft()
	var radio *widget.RadioGroup
	if !strings.Contains(h.overlayTexts(), "新建哪一种表格") {
		t.Fatalf("新建 did not ask which form:\n%s", h.overlayTexts())
	}
	for _, o := range h.canvas().Overlays().List() {
		walk(o, func(o fyne.CanvasObject) {
			if r, ok := o.(*widget.RadioGroup); ok {
				radio = r
			}
		})
	}
	if radio == nil {
		t.Fatal("no list of forms")
	}
	for _, opt := range radio.Options {
		if strings.Contains(opt, other.ID) {
			radio.SetSelected(opt)
		}
	}
	h.tapButton("新建")
	if h.u.d.Form() != other || h.u.form != other {
		t.Fatalf("the new draft is of %s", h.u.d.Form().ID)
	}
	var want, got []string
	for _, b := range other.Blocks {
		if b.Stored() {
			want = append(want, b.Nav)
		}
	}
	for _, p := range h.u.pages {
		if p.block != nil {
			got = append(got, p.nav)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("pages %v, want the form's %v", got, want)
	}
	if title := h.u.win.Title(); !strings.HasPrefix(title, other.WindowTitle) {
		t.Errorf("window title %q", title)
	}
	for _, p := range h.u.pages {
		if p.block != nil {
			h.u.showPage(p.nav) // every page of the form builds
		}
	}
	if len(h.u.findings) == 0 {
		t.Error("an empty draft of the form has no findings")
	}
}

// A definition file dropped on the window is read, offered for a new draft and kept in the
// forms folder; a broken one is refused with its line.
func TestDroppedDefinition(t *testing.T) {
	config := t.TempDir()
	t.Cleanup(forms.ResetRegistered)
	h := newHarness(t, config)
	h.u.Start("")
	src := formstest.EveryKindFile()
	bad := filepath.Join(t.TempDir(), "坏的.toml")
	os.WriteFile(bad, []byte("id = \"x\"\ntitle = \n"), 0o644)
	h.u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(bad)})
	if text := h.overlayTexts(); !strings.Contains(text, "无法使用") || !strings.Contains(text, "第2行") {
		t.Errorf("a broken file:\n%s", text)
	}
	h.closeDialogs()
	abs, _ := filepath.Abs(src)
	h.u.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(abs)})
	h.tapButton("新建这种表格的草稿")
	if h.u.d.Form().ID != "test-every-kind" {
		t.Errorf("the new draft is of %s", h.u.d.Form().ID)
	}
	if _, err := os.Stat(filepath.Join(config, "forms", "every-kind.toml")); err != nil {
		t.Errorf("not kept in the forms folder: %v", err)
	}
}

// A table's help line says what a filled row needs: every column, or every column but the
// optional ones, named (the 江西 form's 职务 and 从事何专业技术工作 may stay empty).
func TestTableHelpNamesOptionalColumns(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		for _, b := range def.Tables() {
			help := tableHelp(&b)
			if !slices.ContainsFunc(b.Fields, func(f forms.Field) bool { return f.Required }) {
				if !strings.Contains(help, "每一栏都可以不填") {
					t.Errorf("%s %s: no column required, help %q", def.ID, b.Key, help)
				}
				continue
			}
			for _, f := range b.Fields {
				named := strings.Contains(help, "“"+f.Name()+"”")
				if named == f.Required {
					t.Errorf("%s %s: help %q names the column %v, required %v", def.ID, b.Key, help, named, f.Required)
				}
			}
		}
	}
}

// A block's help line says which fields may stay empty: none (各项都要填写), all, or those
// named; every form's blocks of fields are checked.
func TestFieldsHelpSaysWhatMayStayEmpty(t *testing.T) {
	for _, def := range formstest.Definitions(t) {
		for _, b := range def.Blocks {
			if b.Kind != forms.FieldsBlock || b.Help != "" || !b.Stored() {
				continue
			}
			help := fieldsHelp(&b)
			var optional, required int
			for _, f := range b.Fields {
				if f.Required {
					required++
				} else {
					optional++
				}
			}
			switch {
			case optional == 0 && !strings.HasPrefix(help, "各项都要填写"):
				t.Errorf("%s %s: all required, help %q", def.ID, b.Key, help)
			case required == 0 && !strings.HasPrefix(help, "这些项可以不填"):
				t.Errorf("%s %s: none required, help %q", def.ID, b.Key, help)
			case optional > 0 && required > 0 && strings.HasPrefix(help, "各项都要填写"):
				t.Errorf("%s %s: %d optional, help %q", def.ID, b.Key, optional, help)
			}
		}
	}
}
