package cli

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// Teachers keep drafts in folders like "D:\申报 材料\草稿 一.json" and photos named
// "证件照 (1).jpg": every command must take such paths as given, and the files it writes
// must carry Chinese names. These tests run on Linux; the code they cover uses only os and
// path/filepath, which take UTF-8 paths on Windows too (converted to UTF-16 by Go).

// runCLI runs one command line with buffers.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb, nil)
	return code, out.String(), errb.String()
}

// chineseTree makes "测试 文件夹" in a temporary folder and returns it.
func chineseTree(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "测试 文件夹")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func writeJPEG(t *testing.T, path string, w, h int) {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 160, 255})
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestChinesePathsDraftPhotoExport(t *testing.T) {
	dir := chineseTree(t)
	draft := filepath.Join(dir, "草稿 一.json")

	if code, out, errs := runCLI(t, "sample", "-o", draft); code != ExitOK || strings.TrimSpace(out) != draft {
		t.Fatalf("sample -o %q: exit %d, %q %q", draft, code, out, errs)
	}
	if code, out, errs := runCLI(t, "check", draft); code != ExitOK {
		t.Fatalf("check: exit %d\n%s%s", code, out, errs)
	}

	// A photo in another folder with spaces, brackets and Chinese in its name.
	picDir := filepath.Join(dir, "照片 (学校)")
	os.Mkdir(picDir, 0o755)
	pic := filepath.Join(picDir, "证件照 (1) 张老师.jpg")
	writeJPEG(t, pic, 500, 700)
	if code, out, errs := runCLI(t, "photo", draft, pic); code != ExitOK {
		t.Fatalf("photo: exit %d\n%s%s", code, out, errs)
	}
	d, err := forms.Load(draft)
	if err != nil || d.Photo == nil || d.Photo.SourceWidth != 500 {
		t.Fatalf("draft after photo: %v %+v", err, d.Photo)
	}
	if _, err := os.Stat(draft + ".bak"); err != nil {
		t.Errorf("no backup beside the Chinese-named draft: %v", err)
	}

	// Export into a folder that does not exist yet, named in Chinese with spaces.
	out := filepath.Join(dir, "导出 文件夹 一", "第 2 版")
	code, stdout, errs := runCLI(t, "export", draft, "-o", out)
	if code != ExitOK {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, errs)
	}
	paths := lines(stdout)
	if len(paths) != 2 {
		t.Fatalf("export printed %q, want the .docx and the .pdf", stdout)
	}
	for _, p := range paths {
		if filepath.Dir(p) != out || !strings.HasPrefix(filepath.Base(p), "柳州市名班主任工作室申报表-") {
			t.Errorf("exported %q, want 柳州市名班主任工作室申报表-… in %q", p, out)
		}
		if st, err := os.Stat(p); err != nil || st.Size() < 1000 {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// Drafts saved and loaded directly, as the app does, keep their Chinese names and contents.
func TestChinesePathsSaveLoad(t *testing.T) {
	dir := chineseTree(t)
	for _, name := range []string{"草稿 一.json", "张 三（班主任）.json", "  前后有空格 .json", "新建 文本文档 - 副本.json"} {
		p := filepath.Join(dir, name)
		d := forms.New(forms.Default())
		d.Set("host.name", "张 三")
		if err := d.Save(p); err != nil {
			t.Fatalf("save %q: %v", name, err)
		}
		d.Set("host.unit", "柳州市第一中学")
		if err := d.Save(p); err != nil {
			t.Fatalf("second save %q: %v", name, err)
		}
		back, err := forms.Load(p)
		if err != nil || back.Get("host.name") != "张 三" || back.Get("host.unit") != "柳州市第一中学" {
			t.Errorf("load %q: %v", name, err)
		}
		if _, err := os.Stat(p + ".bak"); err != nil {
			t.Errorf("%q: no .bak: %v", name, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %q", e.Name())
		}
	}
}

// The workbook commands take Chinese folder and file names too.
func TestChinesePathsWorkbooks(t *testing.T) {
	dir := chineseTree(t)
	draft := filepath.Join(dir, "草稿 一.json")
	if code, _, errs := runCLI(t, "sample", "-o", draft); code != ExitOK {
		t.Fatal(errs)
	}
	roster := filepath.Join(dir, "名单 文件夹")
	os.Mkdir(roster, 0o755)
	code, out, errs := runCLI(t, "export-roster", draft, "-o", roster)
	if code != ExitOK {
		t.Fatalf("export-roster: exit %d\n%s%s", code, out, errs)
	}
	book := strings.TrimSpace(out)
	if filepath.Dir(book) != roster || !strings.HasSuffix(book, ".xlsx") {
		t.Fatalf("export-roster wrote %q", book)
	}
	if code, out, errs := runCLI(t, "import-roster", draft, book); code != ExitOK {
		t.Fatalf("import-roster %q: exit %d\n%s%s", book, code, out, errs)
	}
	sum := filepath.Join(dir, "汇总 结果.xlsx")
	if code, out, errs := runCLI(t, "summary", dir, "-o", sum); code != ExitOK {
		t.Fatalf("summary: exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(sum); err != nil {
		t.Error(err)
	}
}

// A path that does not exist is reported with the path as typed, in Chinese.
func TestChinesePathMissing(t *testing.T) {
	p := filepath.Join(chineseTree(t), "不存在 的 草稿.json")
	code, _, errs := runCLI(t, "check", p)
	if code != ExitUnreadable || !strings.Contains(errs, "不存在 的 草稿.json") || !hasHan(errs) {
		t.Errorf("check of a missing file: exit %d, %q", code, errs)
	}
}
