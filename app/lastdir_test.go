package app

import (
	"os"
	"path/filepath"
	"testing"
)

// Each dialog starts in the folder it was last used in, remembered across runs: the photos
// of the stamped pages are seldom where the drafts are. A folder gone since (a USB stick
// pulled out) gives way to the old default.
func TestEachDialogStartsWhereItWasLastUsed(t *testing.T) {
	config := t.TempDir()
	drafts := filepath.Join(t.TempDir(), "草稿")
	saves := filepath.Join(t.TempDir(), "另存")
	os.MkdirAll(drafts, 0o755)
	os.MkdirAll(saves, 0o755)
	h := newHarness(t, config)
	h.u.Start("")
	h.files.open = writeSample(t, drafts)
	h.u.openDialog()
	pic := writePicture(t, 600, 800)
	pics := filepath.Dir(pic)
	h.files.open = pic
	h.u.pickPhoto()
	h.closeDialogs()

	h2 := newHarness(t, config) // the next run: the sample draft reopens
	h2.u.Start("")
	h2.closeDialogs()
	h2.u.openDialog()
	h2.u.pickPhoto()
	h2.u.saveAs(func(bool) {}) // the draft has a file: beside it
	for title, want := range map[string]string{"打开草稿": drafts, "选择照片": pics, "保存草稿": drafts} {
		if got := h2.files.startedIn[title]; got != want {
			t.Errorf("%s started in %q, want %q", title, got, want)
		}
	}
	h2.newDraft()
	h2.files.save = filepath.Join(saves, "新的.json")
	h2.u.saveAs(func(bool) {}) // a new draft: where the last one went (the old default: the last draft's folder)
	if got := h2.files.startedIn["保存草稿"]; got != drafts {
		t.Errorf("the first 保存草稿 of a new draft started in %q, want %q", got, drafts)
	}
	h2.newDraft()
	h2.u.saveAs(func(bool) {})
	if got := h2.files.startedIn["保存草稿"]; got != saves {
		t.Errorf("保存草稿 of a new draft started in %q, want where the last was saved, %q", got, saves)
	}

	os.RemoveAll(pics)
	h3 := newHarness(t, config)
	h3.u.Start("")
	h3.closeDialogs()
	h3.u.pickPhoto()
	if got := h3.files.startedIn["选择照片"]; got != saves {
		t.Errorf("选择照片 whose folder is gone started in %q, want the last draft's folder %q", got, saves)
	}
}
