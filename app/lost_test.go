package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"shenbao/forms"
)

// The last draft on a USB stick that is not plugged in: the app says which draft it cannot
// find and where it was, keeps it in the recent list, and opens it once the stick is back.
func TestMissingLastDraftIsNamed(t *testing.T) {
	stick := t.TempDir()
	path := writeSample(t, stick)
	h := newHarness(t, "")
	h.u.Start(path)
	h.u.requestClose()
	hidden := path + ".away"
	if err := os.Rename(path, hidden); err != nil { // the stick is pulled out
		t.Fatal(err)
	}
	h2 := newHarness(t, h.config)
	h2.u.Start("")
	got := h2.overlayTexts()
	for _, want := range []string{"找不到上次的草稿", "示例草稿.json", path, "[再试一次]", "[找一找…]", "[新建草稿]"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, got)
		}
	}
	if !h2.u.d.Empty() || h2.u.path != "" {
		t.Error("something other than a new draft is shown behind the question")
	}
	h2.tapButton("再试一次") // still missing: asked again, not lost
	if !strings.Contains(h2.overlayTexts(), "找不到上次的草稿") {
		t.Fatal("retrying while the file is missing closed the question")
	}
	os.Rename(hidden, path) // plugged in again
	h2.tapButton("再试一次")
	if h2.u.path != path || h2.u.d.Get("host.name") != forms.Sample(forms.Default()).Get("host.name") {
		t.Errorf("after retrying: path %q, name %q", h2.u.path, h2.u.d.Get("host.name"))
	}
	if h2.u.set.Recent[0] != path {
		t.Errorf("recent list %v", h2.u.set.Recent)
	}
}

func TestMissingLastDraftFindOrNew(t *testing.T) {
	dir := t.TempDir()
	path := writeSample(t, dir)
	h := newHarness(t, "")
	h.u.Start(path)
	h.u.requestClose()
	moved := filepath.Join(dir, "改过名的草稿.json")
	os.Rename(path, moved)

	h2 := newHarness(t, h.config)
	h2.u.Start("")
	h2.files.open = moved
	h2.tapButton("找一找…")
	if h2.u.path != moved {
		t.Errorf("找一找 opened %q", h2.u.path)
	}

	h3 := newHarness(t, h.config)
	os.Remove(moved)
	h3.u.Start("")
	if !strings.Contains(h3.overlayTexts(), "改过名的草稿.json") {
		t.Fatalf("the dialog does not name the last draft:\n%s", h3.overlayTexts())
	}
	h3.tapButton("新建草稿")
	if h3.canvas().Overlays().Top() != nil || !h3.u.d.Empty() {
		t.Error("新建草稿 did not leave a new draft")
	}
}

// A damaged draft with a .bak beside it: the refusal offers the backup, which opens as unsaved
// changes of the draft, so that 保存 puts it back.
func TestBackupsCanBeOpened(t *testing.T) {
	dir := t.TempDir()
	path := writeSample(t, dir)
	d := forms.Sample(forms.Default())
	d.Set("host.name", "第二版")
	if err := d.Save(path); err != nil { // the sample becomes the .bak
		t.Fatal(err)
	}
	os.WriteFile(path, []byte(`{"version":1,"host":{"name":"半`), 0o600) // cut off
	h := newHarness(t, "")
	h.u.Start("")
	h.u.openFile(path)
	got := h.overlayTexts()
	if !strings.Contains(got, "示例草稿.json.bak") || !strings.Contains(got, "[打开备份]") {
		t.Fatalf("the refusal does not offer the backup:\n%s", got)
	}
	h.tapButton("打开备份")
	if h.u.d.Get("host.name") != forms.Sample(forms.Default()).Get("host.name") || h.u.path != path || !h.u.dirty {
		t.Fatalf("backup opened as %q at %q dirty %v", h.u.d.Get("host.name"), h.u.path, h.u.dirty)
	}
	if !strings.Contains(h.overlayTexts(), "已打开备份") {
		t.Errorf("no word about the backup:\n%s", h.overlayTexts())
	}
	h.closeDialogs()
	h.u.save(func(bool) {})
	if back, err := forms.Load(path); err != nil || back.Get("host.name") != forms.Sample(forms.Default()).Get("host.name") {
		t.Errorf("saving did not put the backup back: %v", err)
	}

	// The same from the menu: 文件 → 从备份恢复….
	path = writeSample(t, t.TempDir())
	if err := d.Save(path); err != nil {
		t.Fatal(err)
	}
	h2 := newHarness(t, "")
	h2.u.Start("")
	h2.files.open = path + ".bak"
	menuItem(t, h2.u, "文件", "从备份恢复…").Action()
	if h2.files.asked[len(h2.files.asked)-1] != "从备份恢复" || h2.u.path != path {
		t.Errorf("menu: asked %v, path %q", h2.files.asked, h2.u.path)
	}
}

func menuItem(t *testing.T, u *UI, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no %s → %s", menu, label)
	return nil
}

// A draft changed on disk while it is open (another window, shenbao photo) is not silently
// saved over: the app asks, and 覆盖 keeps the other version as the .bak.
func TestChangeOnDiskIsNoticedBeforeSaving(t *testing.T) {
	dir := t.TempDir()
	path := writeSample(t, dir)
	h := newHarness(t, "")
	h.u.Start(path)
	h.u.showPage("主持人")
	test.Type(h.entry("host.title"), "甲")

	// Saving with nothing changed on disk asks nothing.
	h.u.save(func(ok bool) {
		if !ok {
			t.Error("save failed")
		}
	})
	if h.canvas().Overlays().Top() != nil {
		t.Fatalf("asked though nothing changed on disk:\n%s", h.overlayTexts())
	}

	other := forms.Sample(forms.Default())
	other.Set("host.post", "另一个窗口写的")
	if err := other.Save(path); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(2 * time.Second)
	os.Chtimes(path, later, later)
	test.Type(h.entry("host.title"), "乙")
	saved := false
	h.u.save(func(ok bool) { saved = ok })
	if got := h.overlayTexts(); !strings.Contains(got, "草稿文件已被改动") || !strings.Contains(got, "[覆盖]") {
		t.Fatalf("no question before saving over a changed file:\n%s", got)
	}
	if d, _ := forms.Load(path); d.Get("host.post") != "另一个窗口写的" {
		t.Fatal("the other version was overwritten before the answer")
	}
	h.tapButton("覆盖")
	if !saved {
		t.Error("覆盖 did not save")
	}
	if d, _ := forms.Load(path + ".bak"); d == nil || d.Get("host.post") != "另一个窗口写的" {
		t.Error("the other version is not kept as the .bak")
	}

	// A copy that only touched the time is no change.
	later = later.Add(time.Minute)
	os.Chtimes(path, later, later)
	test.Type(h.entry("host.title"), "丙")
	h.u.save(func(bool) {})
	if h.canvas().Overlays().Top() != nil {
		t.Errorf("asked though only the time changed:\n%s", h.overlayTexts())
	}
}

// A date in a message stays on one line: 2024年7月10日 is never cut after 年.
func TestDatesAreNotBroken(t *testing.T) {
	when := time.Date(2024, 12, 10, 9, 5, 0, 0, time.Local)
	msg := "程序上次没有正常关闭。新草稿有未保存的内容（自动备份于 " + zhTime(when) + "）。"
	l := newZHText(msg)
	for w := float32(150); w < 600; w += 7 {
		l.Resize(fyne.NewSize(w, 100))
		seg := l.Segments[0].(interface{ Textual() string }).Textual()
		if strings.Contains(seg, wordJoiner) {
			t.Fatal("the word joiner is drawn")
		}
		if !strings.Contains(seg, "2024年12月10日") || !strings.Contains(seg, "09:05") {
			t.Errorf("width %v: the date or the time is cut: %q", w, seg)
		}
	}
}
