package app

import (
	"bytes"
	"encoding/json"
	"image"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"shenbao/forms"
	"shenbao/scan"
)

// copyAs copies a file to dir under another name (a phone's IMG_… name).
func copyAs(t *testing.T, src, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func (h *harness) drop(paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	h.u.dropped(fyne.NewPos(10, 10), uris)
}

// keptList reads a kept folder's list as the program does.
func keptList(t *testing.T, dir string) keptFile {
	t.Helper()
	k, err := readKept(dir)
	if err != nil {
		t.Fatalf("kept list in %s: %v", dir, err)
	}
	return k
}

// TestScansKeptBesideTheDraft: the pictures added to 报送 for a saved draft and the page set
// by hand are kept in a folder beside the draft, which itself is not touched; after a kill
// and a restart they are there again, as they were; removing one removes its file.
func TestScansKeptBesideTheDraft(t *testing.T) {
	dir, config := t.TempDir(), t.TempDir()
	draft := writeSample(t, dir)
	before, _ := os.ReadFile(draft)
	scan8 := scanOfPage8(t, dir)
	a := copyAs(t, scan8, dir, "IMG_20240720_010105.jpg")
	b := copyAs(t, scan8, dir, "IMG_20240720_010106.jpg")

	h := newHarness(t, config)
	h.u.Start(draft)
	h.u.showPage("报送")
	h.drop(a, b)
	sel := h.contentSelects()
	if len(sel) != 2 {
		t.Fatalf("%d page selects, want 2:\n%s", len(sel), h.contentTexts())
	}
	sel[1].SetSelected("第9页") // the extra one, under 未排入, is 第9页 by hand
	if text := h.contentTexts(); !strings.Contains(text, "（手动）") || missing(text, 9) {
		t.Fatalf("put on 第9页 by hand:\n%s", text)
	}
	kept := filepath.Join(dir, "示例草稿"+keptSuffix)
	k := keptList(t, kept)
	if len(k.Pictures) != 2 || k.Pictures[1].Page != 8 || !k.Pictures[1].Manual || k.Draft != draftSum(forms.Sample(forms.Default())) {
		t.Fatalf("kept list %+v", k)
	}
	for _, p := range k.Pictures {
		fi, err := os.Stat(filepath.Join(kept, p.File))
		if err != nil || fi.Size() > maxKeptFile {
			t.Errorf("kept picture %s: %v", p.File, err)
		}
	}
	if after, _ := os.ReadFile(draft); !bytes.Equal(before, after) {
		t.Error("the draft file changed: the 报送 work must stay beside it")
	}

	// Killed: no close, no save.
	h.u.saver.lock.Drop()
	h2 := newHarness(t, config)
	h2.u.Start("")
	h2.u.showPage("报送")
	text := h2.contentTexts()
	for _, want := range []string{"已添加 2 张图片，认出 2 页", "（手动）", "IMG_20240720_010105.jpg"} {
		if !strings.Contains(text, want) {
			t.Errorf("after the restart the page lacks %q:\n%s", want, text)
		}
	}
	if missing(text, 8) || missing(text, 9) {
		t.Errorf("after the restart 第8页 and 第9页 should be there:\n%s", text)
	}
	if over := h2.overlayTexts(); over != "" {
		t.Errorf("a message after the restart:\n%s", over)
	}
	shot(t, h2, "scans-restarted.png")

	// Removing a picture removes its kept file; the other is not written again.
	kept2 := keptList(t, kept)
	removes := h2.contentButtons(theme.DeleteIcon())
	test.Tap(removes[0])
	k = keptList(t, kept)
	if len(k.Pictures) != 1 || k.Pictures[0].File != kept2.Pictures[1].File {
		t.Fatalf("after removing one: %+v (was %+v)", k.Pictures, kept2.Pictures)
	}
	if _, err := os.Stat(filepath.Join(kept, kept2.Pictures[0].File)); !os.IsNotExist(err) {
		t.Errorf("the removed picture's file is still there: %v", err)
	}
	// 清空 empties the folder and removes it.
	h2.tapContent("清空")
	if _, err := os.Stat(kept); !os.IsNotExist(err) {
		t.Errorf("清空 left the kept folder: %v", err)
	}
}

// TestScansKeptInTheAutosave: for a draft not saved, the 报送 work is kept beside its
// autosave copy and comes back with it after a crash; saving then keeps it beside the file.
func TestScansKeptInTheAutosave(t *testing.T) {
	dir, config := t.TempDir(), t.TempDir()
	scan8 := scanOfPage8(t, dir)
	h := newHarness(t, config)
	h.u.Start("")
	h.u.setDraft(forms.Sample(forms.Default()), "", true) // as a .docx opened, or a crash restored: unsaved
	h.u.showPage("报送")
	h.drop(scan8)
	h.contentSelects()[0].SetSelected("第9页")
	h.clock.Advance(2 * time.Second) // the autosave copy
	session := h.u.saver.scansDir()
	if k := keptList(t, session); len(k.Pictures) != 1 || !k.Pictures[0].Manual {
		t.Fatalf("kept beside the autosave: %+v", k)
	}

	h.u.saver.lock.Drop() // killed
	h2 := newHarness(t, config)
	h2.u.Start("")
	h2.tapButton("恢复")
	h2.u.showPage("报送")
	if text := h2.contentTexts(); !strings.Contains(text, "已添加 1 张图片") || !strings.Contains(text, "（手动）p-8.jpg") || !missing(text, 8) {
		t.Fatalf("after the crash, the 报送 work is not back:\n%s", text)
	}

	draft := filepath.Join(dir, "草稿.json")
	h2.files.save = draft
	h2.u.save(func(bool) {})
	if k := keptList(t, filepath.Join(dir, "草稿"+keptSuffix)); len(k.Pictures) != 1 || k.Pictures[0].Page != 8 {
		t.Fatalf("saved: kept beside the draft %+v", k)
	}
	if _, err := os.Stat(h2.u.saver.scansDir()); !os.IsNotExist(err) {
		t.Errorf("the autosave's 报送 folder outlived the save: %v", err)
	}
	if leftover, _ := filepath.Glob(filepath.Join(config, "autosave", "session-*报送照片*")); len(leftover) > 0 {
		t.Errorf("left in the autosave folder: %v", leftover)
	}
}

// TestScansKeptMovedBySaveUnseen: a crash restored and saved without the 报送 page shown
// still keeps its 报送 work, now beside the saved file.
func TestScansKeptMovedBySaveUnseen(t *testing.T) {
	dir, config := t.TempDir(), t.TempDir()
	scan8 := scanOfPage8(t, dir)
	h := newHarness(t, config)
	h.u.Start("")
	h.u.setDraft(forms.Sample(forms.Default()), "", true)
	h.u.showPage("报送")
	h.drop(scan8)
	h.clock.Advance(2 * time.Second)
	h.u.saver.lock.Drop()

	h2 := newHarness(t, config)
	h2.u.Start("")
	h2.tapButton("恢复")
	h2.files.save = filepath.Join(dir, "草稿.json")
	h2.u.save(func(bool) {})
	if k := keptList(t, filepath.Join(dir, "草稿"+keptSuffix)); len(k.Pictures) != 1 {
		t.Fatalf("kept beside the draft: %+v", k)
	}
	h2.u.showPage("报送")
	if text := h2.contentTexts(); !strings.Contains(text, "已添加 1 张图片") {
		t.Errorf("the page after the save:\n%s", text)
	}
}

// TestScansKeptForAnotherDraft: work kept for the draft before it was changed is not shown
// (its pages print differently), and the page says why.
func TestScansKeptForAnotherDraft(t *testing.T) {
	dir := t.TempDir()
	draft := writeSample(t, dir)
	scan8 := scanOfPage8(t, dir)
	h := newHarness(t, "")
	h.u.Start(draft)
	h.u.showPage("报送")
	h.drop(scan8)
	d := forms.Sample(forms.Default())
	d.Set("host.name", "黎明")
	if err := d.Save(draft); err != nil {
		t.Fatal(err)
	}
	h.u.openFile(draft)
	h.u.showPage("报送")
	if text := h.contentTexts(); strings.Contains(text, "p-8.jpg") || !strings.Contains(text, "按改动以前的草稿拍的") {
		t.Errorf("work of the draft before its change:\n%s", text)
	}
}

// TestScansKeptRefused: a kept folder damaged, oversized, naming a file outside itself, or
// whose list is a FIFO is refused with a Chinese message; the page goes on working.
func TestScansKeptRefused(t *testing.T) {
	good := func(t *testing.T, dir string) keptFile {
		return keptFile{Kind: keptKind, Version: keptVersion, Draft: draftSum(forms.Sample(forms.Default())),
			Pictures: []keptPicture{{File: "01 a.jpg", Source: "a.jpg", Page: 7, Near: -1, Found: true, Seal: [scan.MaxSealBoxes]float64{0, -1, -1}}}}
	}
	write := func(t *testing.T, dir string, k keptFile) {
		data, _ := json.Marshal(k)
		if err := os.WriteFile(filepath.Join(dir, keptManifest), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	page := func() []byte {
		img := image.NewGray(image.Rect(0, 0, 1654, 2339))
		for i := range img.Pix {
			img.Pix[i] = 255
		}
		var buf bytes.Buffer
		jpeg.Encode(&buf, img, nil)
		return buf.Bytes()
	}()
	scan8 := scanOfPage8(t, t.TempDir())
	for _, c := range []struct {
		name, want string
		make       func(t *testing.T, kept string)
	}{
		{"garbage", "已损坏，没有装入", func(t *testing.T, kept string) {
			os.WriteFile(filepath.Join(kept, keptManifest), []byte("{\"kind\": \"shenbao-sc"), 0o644)
		}},
		{"oversized", "无法读取（文件太大：257 KB，最多 256 KB）", func(t *testing.T, kept string) {
			os.WriteFile(filepath.Join(kept, keptManifest), bytes.Repeat([]byte(" "), maxKeptManifest+1), 0o644)
		}},
		{"outside", "已损坏，没有装入", func(t *testing.T, kept string) {
			k := good(t, kept)
			k.Pictures[0].File = "../示例草稿.jpg"
			write(t, kept, k)
		}},
		{"later", "更新版本", func(t *testing.T, kept string) {
			k := good(t, kept)
			k.Version = keptVersion + 1
			write(t, kept, k)
		}},
		{"fifo", "不是普通文件", func(t *testing.T, kept string) {
			if err := mkfifo(filepath.Join(kept, keptManifest)); err != nil {
				t.Skip(err)
			}
		}},
		{"picture damaged", "a.jpg（01 a.jpg）已损坏", func(t *testing.T, kept string) {
			write(t, kept, good(t, kept))
			os.WriteFile(filepath.Join(kept, "01 a.jpg"), page[:len(page)/3], 0o644)
		}},
		{"picture too big", "a.jpg（01 a.jpg）：文件太大：8.0 MB，最多 4.0 MB", func(t *testing.T, kept string) {
			write(t, kept, good(t, kept))
			os.WriteFile(filepath.Join(kept, "01 a.jpg"), bytes.Repeat([]byte{0xFF}, 2*maxKeptFile), 0o644)
		}},
		{"picture a folder", "a.jpg（01 a.jpg）：这是一个文件夹", func(t *testing.T, kept string) {
			write(t, kept, good(t, kept))
			os.Mkdir(filepath.Join(kept, "01 a.jpg"), 0o755)
		}},
		{"page out of range", "页码不对", func(t *testing.T, kept string) {
			k := good(t, kept)
			k.Pictures[0].Page = 40
			write(t, kept, k)
			os.WriteFile(filepath.Join(kept, "01 a.jpg"), page, 0o644)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			draft := writeSample(t, dir)
			kept := filepath.Join(dir, "示例草稿"+keptSuffix)
			os.Mkdir(kept, 0o755)
			c.make(t, kept)
			h := newHarness(t, "")
			h.u.Start(draft)
			h.u.showPage("报送")
			if over := h.overlayTexts(); !strings.Contains(over, c.want) || !strings.Contains(over, "保存的报送照片") {
				t.Errorf("message %q, want %q", over, c.want)
			}
			if c.name == "oversized" {
				shot(t, h, "scans-kept-refused.png")
			}
			h.closeDialogs()
			if c.name != "garbage" && c.name != "fifo" {
				return
			}
			h.drop(scan8) // the page still works, and keeps the new work
			if text := h.contentTexts(); !strings.Contains(text, "已添加 1 张图片") {
				t.Errorf("after the refusal, adding a picture:\n%s", text)
			}
			if c.name == "fifo" { // never written over: forms.WriteFile replaces only regular files
				if text := h.contentTexts(); !strings.Contains(text, "这些图片没有存下来（这不是普通文件") {
					t.Errorf("the work could not be kept, and the page does not say so:\n%s", text)
				}
				shot(t, h, "scans-unkept.png")
				return
			}
			if k := keptList(t, kept); len(k.Pictures) != 1 {
				t.Errorf("the new work is not kept: %+v", k)
			}
		})
	}
}

// The writer never writes a list the reader refuses: what it keeps is bounded as the reader
// bounds it, and a residual not measured (+Inf) is written as a number.
func TestKeptListReadsBack(t *testing.T) {
	e, err := scan.New(forms.Sample(forms.Default()))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	grey := image.NewGray(image.Rect(0, 0, 1654, 2339))
	colour := image.NewNRGBA(image.Rect(0, 0, 1654, 2339))
	for i := range colour.Pix {
		colour.Pix[i] = 200
	}
	sts := []*scan.Straight{
		{Source: "grey.jpg", Page: 0, Found: true, Image: grey, Seal: [scan.MaxSealBoxes]float64{-1, -1, -1}, Residual: math.Inf(1)},
		{Source: `扫描 a/b:c*?"<>|.pdf 第8页`, Page: 7, Found: true, Image: colour, Seal: [scan.MaxSealBoxes]float64{0, -1, -1}},
		{Source: "other.jpg", Page: -1, Near: 3, Found: true, Seal: [scan.MaxSealBoxes]float64{-1, -1, -1}},
	}
	var k keeper
	w := keptWrite{seq: 1, dir: dir, sum: draftSum(forms.Sample(forms.Default())), sts: sts}
	for _, st := range sts {
		w.pics = append(w.pics, pictureOf(st))
	}
	if err = k.write(w); err != nil {
		t.Fatal(err)
	}
	list, data, skipped, err := loadKept(dir)
	if err != nil || len(skipped) > 0 || len(list.Pictures) != 3 {
		t.Fatalf("read back: %v %v %+v", err, skipped, list)
	}
	for i, p := range list.Pictures {
		res := restorePicture(e, dir, p, data[i])
		if len(res.failed) > 0 || len(res.got) != 1 {
			t.Fatalf("picture %d: %v", i, res.failed)
		}
		got := res.got[0]
		if got.Source != sts[i].Source || got.Page != sts[i].Page || (got.Image == nil) != (sts[i].Image == nil) {
			t.Errorf("picture %d back as %+v", i, got)
		}
	}
	if _, ok := must(restorePicture(e, dir, list.Pictures[1], data[1])).Image.(*image.NRGBA); !ok {
		t.Error("a colour page must come back as NRGBA: scan measures its seals there")
	}
	if _, ok := must(restorePicture(e, dir, list.Pictures[0], data[0])).Image.(*image.Gray); !ok {
		t.Error("a grey page must come back grey")
	}
	// A file name that is safe everywhere.
	if f := list.Pictures[1].File; !keptName(f) || strings.ContainsAny(f, `:*?"<>|`) || !strings.HasSuffix(f, ".pdf 第8页.jpg") {
		t.Errorf("file name %q", f)
	}
}

func must(r stepResult) *scan.Straight { return r.got[0] }
