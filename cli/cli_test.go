package cli

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"shenbao/forms"
)

// run runs one command line with buffers.
func run(t *testing.T, app App, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &out, &errb, app)
	return code, out.String(), errb.String()
}

// findingLine is what check prints for each finding: `错误 host.years: …`.
var findingLine = regexp.MustCompile(`^(错误|提醒) [a-zA-Z]+(\[\d+\])?(\.[a-zA-Z]+)?: \S.*。$`)

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func TestSampleThenCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "示例 草稿.json")
	code, out, errs := run(t, nil, "sample", "-o", path)
	if code != ExitOK || out != path+"\n" || errs != "" {
		t.Fatalf("sample -o: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if d, err := forms.Load(path); err != nil || d.Photo == nil {
		t.Fatalf("the sample does not load back with its photo: %v", err)
	}
	code, out, errs = run(t, nil, "check", path)
	if code != ExitOK {
		t.Fatalf("check of the sample: exit %d\n%s%s", code, out, errs)
	}
	for _, l := range lines(out) {
		if strings.HasPrefix(l, "错误") {
			t.Errorf("the sample has a 错误: %s", l)
		}
		if !findingLine.MatchString(l) {
			t.Errorf("finding line %q is not `提醒 path: message`", l)
		}
	}
	if !strings.Contains(errs, "0 个错误") {
		t.Errorf("stderr = %q, want the summary", errs)
	}
	// Flags after the file and -o=… work too.
	other := filepath.Join(t.TempDir(), "s.json")
	if code, _, errs := run(t, nil, "sample", "--out="+other); code != ExitOK {
		t.Errorf("sample --out=: exit %d %s", code, errs)
	}
}

func TestCheckWithErrors(t *testing.T) {
	path := filepath.Join("testdata", "errors.json")
	before := hash(t, path)
	code, out, errs := run(t, nil, "check", path)
	if code != ExitFindings {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errs)
	}
	ls := lines(out)
	for _, l := range ls {
		if !findingLine.MatchString(l) {
			t.Errorf("finding line %q is not `错误 path: message`", l)
		}
	}
	for _, prefix := range []string{"错误 host.years: ", "错误 host.photo: ", "错误 advisers[1].mobile: ", "提醒 members: "} {
		found := false
		for _, l := range ls {
			found = found || strings.HasPrefix(l, prefix)
		}
		if !found {
			t.Errorf("no line starting %q in:\n%s", prefix, out)
		}
	}
	if !strings.Contains(errs, "3 个错误") || !hasHan(errs) {
		t.Errorf("stderr = %q, want the Chinese summary with 3 errors", errs)
	}
	if hash(t, path) != before {
		t.Error("check changed the draft")
	}
}

func TestCheckUnreadable(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "空.json")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path, want string
	}{
		{filepath.Join("testdata", "notdraft.txt"), "不是申报表草稿"},
		{filepath.Join("testdata", "later-version.json"), "更新版本"},
		{filepath.Join("testdata", "truncated.json"), "不完整"},
		{filepath.Join(dir, "没有这个文件.json"), "找不到"},
		{empty, "不是申报表草稿"},
		{dir, "是一个文件夹"},
	} {
		t.Run(filepath.Base(tc.path), func(t *testing.T) {
			var before [32]byte
			if st, err := os.Stat(tc.path); err == nil && !st.IsDir() {
				before = hash(t, tc.path)
			}
			code, out, errs := run(t, nil, "check", tc.path)
			if code != ExitUnreadable || out != "" {
				t.Errorf("exit %d, stdout %q; want 2 and nothing", code, out)
			}
			if !strings.Contains(errs, tc.want) || !strings.Contains(errs, "请") {
				t.Errorf("stderr = %q, want a Chinese message with %q that says what to do", errs, tc.want)
			}
			if strings.Contains(errs, "load ") {
				t.Errorf("stderr shows Go's error context: %q", errs)
			}
			if st, err := os.Stat(tc.path); err == nil && !st.IsDir() && hash(t, tc.path) != before {
				t.Error("a refused file changed")
			}
		})
	}
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "--version", "-v"} {
		code, out, errs := run(t, nil, arg)
		if code != ExitOK || out != "shenbao "+Version+"\n" || errs != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, code, out, errs)
		}
	}
	code, out, _ := run(t, nil, "help")
	if code != ExitOK || !strings.Contains(out, "用法") || !strings.Contains(out, "shenbao check") {
		t.Errorf("help: exit %d, %q", code, out)
	}
}

func TestCommandLineErrors(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate", "x.json"},
		{"--bogus"},
		{"-x"},
		{"check"},
		{"check", "a.json", "b.json"},
		{"check", "--bogus", "a.json"},
		{"check", "a.json", "-q"},
		{"sample"},
		{"sample", "-o"},
		{"sample", "s.json"},
		{"version", "--nope"},
	} {
		code, out, errs := run(t, nil, args...)
		if code != ExitUnreadable || out != "" || !hasHan(errs) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2, nothing, a Chinese message", args, code, out, errs)
		}
	}
}

func TestSampleUnwritable(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{filepath.Join(dir, "没有的文件夹", "s.json"), dir} {
		code, out, errs := run(t, nil, "sample", "-o", path)
		if code != ExitUnreadable || out != "" || !strings.Contains(errs, "无法写入") || !strings.Contains(errs, "请") {
			t.Errorf("sample -o %s: exit %d, stdout %q, stderr %q", path, code, out, errs)
		}
		if strings.Contains(errs, "save ") || strings.Contains(errs, "is a directory") {
			t.Errorf("stderr shows Go's error: %q", errs)
		}
	}
}

func TestOpensApp(t *testing.T) {
	var opened []string
	app := func(path string) error { opened = append(opened, path); return nil }
	if code, _, _ := run(t, app); code != ExitOK {
		t.Errorf("no arguments: exit %d", code)
	}
	if code, _, _ := run(t, app, "我的 草稿.json"); code != ExitOK {
		t.Errorf("a file: exit %d", code)
	}
	if strings.Join(opened, "|") != "|我的 草稿.json" {
		t.Errorf("app opened %q", opened)
	}
	for _, word := range []string{"chekc", "exprot", "导出"} {
		if code, _, errs := run(t, app, word); code != ExitUnreadable || !strings.Contains(errs, "不认识的命令") {
			t.Errorf("mistyped command %q: exit %d, %q", word, code, errs)
		}
	}
	if len(opened) != 2 {
		t.Errorf("a mistyped command opened the app: %q", opened)
	}
	if code, _, errs := run(t, func(string) error { return errors.New("窗口无法打开") }); code != ExitUnreadable || !strings.Contains(errs, "窗口无法打开") {
		t.Errorf("failing app: exit %d, %q", code, errs)
	}
	if code, _, errs := run(t, nil); code != ExitUnreadable || !hasHan(errs) {
		t.Errorf("no app: exit %d, %q", code, errs)
	}
}

func hash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// TestAppThatCannotOpenAWindow: the graphics library panics without a display or OpenGL; the
// user gets a Chinese explanation and exit 2, not a stack trace.
func TestAppThatCannotOpenAWindow(t *testing.T) {
	panicking := func(string) error { panic("NotInitialized: The GLFW library is not initialized") }
	code, out, errs := run(t, panicking)
	if code != ExitUnreadable || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	if !strings.Contains(errs, "无法打开程序窗口") || !strings.Contains(errs, "shenbao check") {
		t.Errorf("stderr %q", errs)
	}
}

// TestFileCountSaysWhatWasWrong: too many or too few files are named before the usage, with a
// hint about quotes (草稿 一.json typed without them is two files).
func TestFileCountSaysWhatWasWrong(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "草稿", "一.json"}, "文件多了：这个命令要 1 个文件，给了 2 个：“草稿”“一.json”"},
		{[]string{"check"}, "少了文件：这个命令要 1 个文件，给了 0 个"},
		{[]string{"photo", "草稿.json"}, "少了文件：这个命令要 2 个文件，给了 1 个"},
	}
	for _, tc := range tests {
		code, _, stderr := run(t, nil, tc.args...)
		if code != ExitUnreadable || !strings.Contains(stderr, tc.want) || !strings.Contains(stderr, "用法") {
			t.Errorf("%v: exit %d, stderr %q; want %d, %q and the usage", tc.args, code, stderr, ExitUnreadable, tc.want)
		}
	}
}
