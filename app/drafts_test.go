package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

func TestSaveAndReopen(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	test.Type(h.entry("host.unit"), "柳州市某中学")
	h.files.save = filepath.Join(dir, "我的草稿.json")
	h.u.save(func(ok bool) {
		if !ok {
			t.Error("save reported failure")
		}
	})
	if h.files.asked[len(h.files.asked)-1] != "保存草稿" {
		t.Errorf("a new draft was saved without asking where: %v", h.files.asked)
	}
	if h.u.dirty || strings.Contains(h.u.win.Title(), "*") {
		t.Errorf("still unsaved after saving: %q", h.u.win.Title())
	}
	if !strings.HasSuffix(h.u.win.Title(), "— 我的草稿") {
		t.Errorf("title %q", h.u.win.Title())
	}
	d, err := forms.Load(h.files.save)
	if err != nil {
		t.Fatal(err)
	}
	if d.Get("host.name") != "黎明" || d.Get("host.unit") != "柳州市某中学" {
		t.Errorf("saved draft has %v", d.Paths())
	}
	// The second save goes to the same file without asking.
	test.Type(h.entry("host.name"), "华")
	asked := len(h.files.asked)
	h.u.save(func(bool) {})
	if len(h.files.asked) != asked {
		t.Error("asked for a file name again")
	}
	if d, _ := forms.Load(h.files.save); d.Get("host.name") != "黎明华" {
		t.Errorf("second save has %q", d.Get("host.name"))
	}

	// Reopen in a new window, as the next day: the recent list brings it back.
	h2 := newHarness(t, h.config)
	h2.u.Start("")
	h2.u.showPage("主持人")
	if got := h2.entry("host.name").Text; got != "黎明华" {
		t.Errorf("reopened draft shows %q", got)
	}
	if h2.u.path != h.files.save || h2.u.dirty {
		t.Errorf("reopened path %q dirty %v", h2.u.path, h2.u.dirty)
	}
}

// Opening a file that is not a draft says why and changes nothing: not the draft on screen,
// not its unsaved state, not the file.
func TestOpeningABadFileChangesNothing(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "坏文件.json")
	content := []byte(`{"format": "liuzhou-mbzr-shenbao", "version": 1, "host": {"name": `)
	if err := os.WriteFile(bad, content, 0o644); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, "")
	h.u.Start(writeSample(t, dir))
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "改")
	before, path := h.u.d, h.u.path
	snapshot := string(h.u.d.Marshal())
	h.files.open = bad
	h.u.openDialog()
	text := h.overlayTexts()
	if !strings.Contains(text, "无法打开草稿") || !strings.Contains(text, forms.Message(forms.ErrTruncated)) {
		t.Errorf("dialog says:\n%s", text)
	}
	if h.u.d != before || h.u.path != path || !h.u.dirty || string(h.u.d.Marshal()) != snapshot {
		t.Error("the draft on screen changed")
	}
	if got, _ := os.ReadFile(bad); !bytes.Equal(got, content) {
		t.Error("the bad file was changed")
	}
	if h.entry("host.name").Text != "改覃晓岚" { // typed at the start, where the cursor was
		t.Errorf("the page shows %q", h.entry("host.name").Text)
	}
}

// Opening another draft with unsaved changes asks first; 取消 keeps everything.
func TestOpenAsksAboutUnsavedChanges(t *testing.T) {
	dir := t.TempDir()
	other := filepath.Join(dir, "另一份.json")
	d := forms.New(forms.Default())
	d.Set("host.name", "另一位")
	if err := d.Save(other); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.files.open = other
	h.u.openDialog()
	if !strings.Contains(h.overlayTexts(), "未保存的更改") {
		t.Fatalf("no question:\n%s", h.overlayTexts())
	}
	h.tapButton("取消")
	if h.u.d.Get("host.name") != "黎明" {
		t.Fatal("取消 lost the typing")
	}
	h.u.openDialog()
	h.tapButton("不保存")
	if h.u.d.Get("host.name") != "另一位" || h.u.path != other || h.u.dirty {
		t.Errorf("after 不保存: name %q path %q dirty %v", h.u.d.Get("host.name"), h.u.path, h.u.dirty)
	}
}

func TestNewDraftStartsEmpty(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start(writeSample(t, t.TempDir()))
	h.u.newDraft()
	if len(forms.Known()) > 1 {
		h.tapButton("新建") // the form asked for: the draft's, selected
	}
	if h.u.d.Form() != forms.Default() {
		t.Errorf("the new draft is of %s, not the form of the draft before", h.u.d.Form().ID)
	}
	if !h.u.d.Empty() || h.u.path != "" || h.u.dirty {
		t.Errorf("new draft: empty %v path %q dirty %v", h.u.d.Empty(), h.u.path, h.u.dirty)
	}
}

func TestCloseAsksAboutUnsavedChanges(t *testing.T) {
	h := newHarness(t, "")
	h.u.Start("")
	h.u.showPage("主持人")
	test.Type(h.entry("host.name"), "黎明")
	h.clock.Advance(2 * time.Second) // the autosave copy exists
	h.u.requestClose()
	if !strings.Contains(h.overlayTexts(), "保存更改？") {
		t.Fatalf("closed without asking:\n%s", h.overlayTexts())
	}
	h.tapButton("取消")
	if !h.windowOpen() {
		t.Fatal("取消 closed the window")
	}
	h.u.requestClose()
	h.tapButton("不保存")
	if h.windowOpen() {
		t.Error("the window is open after 不保存")
	}
	if ls := h.u.saver.leftovers(); len(ls) != 0 {
		t.Errorf("the discarded changes would be offered again: %v", ls[0].file)
	}
}

func TestRecentMenuListsSavedDrafts(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, "")
	p := writeSample(t, dir)
	h.u.Start(p)
	var labels []string
	for _, it := range h.u.win.MainMenu().Items[0].Items {
		if it.Label == "最近的草稿" {
			for _, c := range it.ChildMenu.Items {
				labels = append(labels, c.Label)
			}
		}
	}
	if len(labels) != 1 || !strings.HasPrefix(labels[0], "示例草稿.json") {
		t.Errorf("recent menu %q", labels)
	}
}

func (h *harness) windowOpen() bool {
	for _, w := range h.u.app.Driver().AllWindows() {
		if w == h.u.win {
			return true
		}
	}
	return false
}
