package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestFileDialogListsFoldersThenMatchingFiles(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	for _, f := range []string{"b.json", "A.JSON", "照片.png", ".hidden.json"} {
		os.WriteFile(filepath.Join(dir, f), []byte("{}"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "子文件夹"), 0o755)
	var got string
	fd := newFileDialog(h.u.win, modeOpen, "打开草稿", dir, "", draftFiles, func(p string) { got = p })
	fd.show()
	var names []string
	for _, e := range fd.items {
		names = append(names, e.Name())
	}
	if strings.Join(names, ",") != "子文件夹,A.JSON,b.json" {
		t.Fatalf("listed %v", names)
	}
	text := h.overlayTexts()
	for _, s := range []string{"主文件夹", "计算机", "[打开]", "[取消]", "[上一级]"} {
		if !strings.Contains(text, s) {
			t.Errorf("dialog lacks %q", s)
		}
	}
	for _, s := range []string{"Home", "Computer", "Desktop", "Cancel"} {
		if strings.Contains(text, s) {
			t.Errorf("English %q in the dialog", s)
		}
	}
	if !fd.ok.Disabled() {
		t.Error("打开 enabled with nothing chosen")
	}
	fd.list.Select(0) // a folder: goes into it
	if fd.dir != filepath.Join(dir, "子文件夹") || len(fd.items) != 0 {
		t.Fatalf("in %s with %d items", fd.dir, len(fd.items))
	}
	fd.open(dir)
	fd.list.Select(2)
	test.Tap(fd.ok)
	if got != filepath.Join(dir, "b.json") {
		t.Errorf("chose %q", got)
	}
}

func TestSaveDialogAddsExtensionAndAsksBeforeReplacing(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "已有.json"), []byte("{}"), 0o644)
	var got string
	fd := newFileDialog(h.u.win, modeSave, "保存草稿", dir, "草稿", draftFiles, func(p string) { got = p })
	fd.show()
	test.Tap(fd.ok)
	if got != filepath.Join(dir, "草稿.json") {
		t.Fatalf("saved as %q", got)
	}
	got = ""
	fd = newFileDialog(h.u.win, modeSave, "保存草稿", dir, "a/b", draftFiles, func(p string) { got = p })
	fd.show()
	test.Tap(fd.ok)
	if got != "" || !fd.problem.Visible() {
		t.Errorf("a name with / was accepted: %q", got)
	}
	fd.name.SetText("已有")
	test.Tap(fd.ok)
	if got != "" || !strings.Contains(h.overlayTexts(), "已经存在") {
		t.Fatalf("replaced without asking: %q", got)
	}
	h.tapButton("替换")
	if got != filepath.Join(dir, "已有.json") {
		t.Errorf("after 替换: %q", got)
	}
}

func TestFolderDialogReturnsTheOpenFolder(t *testing.T) {
	h := newHarness(t, "")
	dir := t.TempDir()
	var got string
	fd := newFileDialog(h.u.win, modeFolder, "导出到哪个文件夹", filepath.Join(dir, "不存在", "更深"), "", fileKind{}, func(p string) { got = p })
	fd.show()
	if fd.dir != dir {
		t.Errorf("started in %s, want the closest existing folder %s", fd.dir, dir)
	}
	test.Tap(fd.ok)
	if got != dir {
		t.Errorf("chose %q", got)
	}
}
