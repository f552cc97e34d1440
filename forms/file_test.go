package forms

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode"
	"unicode/utf8"
)

// readFixture reads a file of testdata/.
func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// mustParse parses bytes that must be a draft.
func mustParse(t testing.TB, data []byte) *Draft {
	t.Helper()
	d, err := Parse(data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return d
}

// generic decodes JSON into maps and slices, to compare values whatever their layout.
func generic(t testing.TB, data []byte) map[string]any {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), &v); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return v
}

func TestSampleRoundTrip(t *testing.T) {
	first := Sample(Default()).Marshal()
	d := mustParse(t, first)
	second := d.Marshal()
	if !bytes.Equal(first, second) {
		t.Fatalf("Marshal → Parse → Marshal changed the sample:\n%s", firstDiff(first, second))
	}
	if got, want := d.Paths(), Sample(Default()).Paths(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("paths after round trip = %v, want %v", got, want)
	}
	if *d.Photo != *Sample(Default()).Photo {
		t.Error("the photo changed in the round trip")
	}
	if !bytes.HasSuffix(first, []byte("}\n")) || !utf8.Valid(first) {
		t.Error("a draft file must be UTF-8 JSON ending in a newline")
	}
	if bytes.Contains(first, []byte(`\u003c`)) || bytes.Contains(first, []byte(`\u0026`)) {
		t.Error("Marshal must not escape HTML characters")
	}
}

// firstDiff shows where two byte slices part, for readable failures.
func firstDiff(a, b []byte) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo := max(0, i-60)
	return "at byte " + strconv.Itoa(i) + ":\n  " + string(a[lo:min(len(a), i+60)]) + "\n  " + string(b[lo:min(len(b), i+60)])
}

// TestUnknownKeysSurvive: a newer program's keys at every level come back on save, with their
// values unchanged, and a second round trip changes nothing.
func TestUnknownKeysSurvive(t *testing.T) {
	in := readFixture(t, "extras.json")
	d := mustParse(t, in)
	out := d.Marshal()
	if again := mustParse(t, out).Marshal(); !bytes.Equal(out, again) {
		t.Fatalf("second round trip differs:\n%s", firstDiff(out, again))
	}
	src, got := generic(t, in), generic(t, out)
	for _, tc := range []struct{ where, key string }{
		{"", "appVersion"},
		{"", "future"},
		{"host", "nickname"},
		{"host.photo", "crop"},
		{"advisers[1]", "email"},
		{"members[2]", "wechat"},
		{"members[3]", "note"},
		{"existingStudio", "url"},
	} {
		want, ok := lookup(src, tc.where)[tc.key]
		if !ok {
			t.Fatalf("fixture lacks %s.%s", tc.where, tc.key)
		}
		have, ok := lookup(got, tc.where)[tc.key]
		if !ok {
			t.Errorf("unknown key %q at %q was lost", tc.key, tc.where)
			continue
		}
		if w, h := jsonString2(t, want), jsonString2(t, have); w != h {
			t.Errorf("%s.%s = %s, want %s", tc.where, tc.key, h, w)
		}
	}
	// Known values come back as typed, as strings.
	for path, want := range map[string]string{
		"host.years": "12", "host.phone": "（0772）2822733", "host.name": "黎 明",
		"host.birth": "1985年3月", "members[1].mobile": "139 0000 0002", "achievements": "第一段。\n第二段。",
	} {
		if got := d.Get(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	if d.Rows("advisers") != 2 || d.Rows("members") != 3 {
		t.Errorf("rows = %d advisers, %d members; want 2 and 3 as in the file", d.Rows("advisers"), d.Rows("members"))
	}
}

// lookup walks "host.photo", "advisers[1]" in a decoded draft.
func lookup(v map[string]any, where string) map[string]any {
	if where == "" {
		return v
	}
	for _, part := range strings.Split(where, ".") {
		name, idx := part, 0
		if i := strings.IndexByte(part, '['); i > 0 {
			name = part[:i]
			idx = int(part[i+1]-'0') - 1
		}
		next := v[name]
		if list, ok := next.([]any); ok {
			next = list[idx]
		}
		v, _ = next.(map[string]any)
	}
	return v
}

func jsonString2(t testing.TB, v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestEmptyUnknownKey: even the odd key "" is somebody's data.
func TestEmptyUnknownKey(t *testing.T) {
	in := bytes.Replace(readFixture(t, "extras.json"), []byte(`"appVersion"`), []byte(`"": 7, "appVersion"`), 1)
	out := mustParse(t, in).Marshal()
	if v, ok := generic(t, out)[""]; !ok || v != float64(7) {
		t.Errorf(`the unknown key "" was lost: %s`, out[:200])
	}
}

// TestPhotoKeptAsGiven: mime and base64 come back exactly, odd line breaks included.
func TestPhotoKeptAsGiven(t *testing.T) {
	in := readFixture(t, "extras.json")
	src := lookup(generic(t, in), "host.photo")
	d := mustParse(t, in)
	if d.Photo == nil {
		t.Fatal("photo not read")
	}
	if d.Photo.MIME != src["mime"] || d.Photo.Data != src["data"] {
		t.Errorf("photo changed on load: %q %q", d.Photo.MIME, d.Photo.Data)
	}
	if d.Photo.SourceWidth != 600 || d.Photo.SourceHeight != 840 {
		t.Errorf("source size = %d×%d, want 600×840", d.Photo.SourceWidth, d.Photo.SourceHeight)
	}
	out := lookup(generic(t, d.Marshal()), "host.photo")
	if out["mime"] != src["mime"] || out["data"] != src["data"] {
		t.Errorf("photo changed on save: %q", out["data"])
	}
	if out["sourceWidth"] != float64(600) || out["sourceHeight"] != float64(840) {
		t.Errorf("source size lost on save: %v", out)
	}
	raw, err := PhotoBytes(d.Photo)
	if err != nil || !bytes.HasPrefix(raw, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("PhotoBytes of base64 with line breaks: %v", err)
	}
}

// TestPhotoSourceSizeOdd: a source size that is not a whole number is kept as it was, not
// dropped, and the file still saves and loads back the same.
func TestPhotoSourceSizeOdd(t *testing.T) {
	in := bytes.Replace(readFixture(t, "extras.json"), []byte(`"sourceWidth": 600`), []byte(`"sourceWidth": "600px"`), 1)
	out := mustParse(t, in).Marshal()
	photo := lookup(generic(t, out), "host.photo")
	if photo["sourceWidth"] != "600px" || photo["sourceHeight"] != float64(840) {
		t.Errorf("odd source size not kept: %v", photo)
	}
	if again := mustParse(t, out).Marshal(); !bytes.Equal(out, again) {
		t.Errorf("second round trip differs:\n%s", firstDiff(out, again))
	}
}

func TestPhotoBytesAlphabets(t *testing.T) {
	raw := []byte{0xfb, 0xff, 0xfe, 0x00, 0x01}
	for _, data := range []string{
		base64.StdEncoding.EncodeToString(raw),
		base64.RawStdEncoding.EncodeToString(raw),
		base64.URLEncoding.EncodeToString(raw),
		" +/\n/+AA\r\nE=\n",
		"data:image/jpeg;base64," + base64.StdEncoding.EncodeToString(raw), // pasted from a web page
	} {
		got, err := PhotoBytes(&Photo{Data: data})
		if err != nil || !bytes.Equal(got, raw) {
			t.Errorf("PhotoBytes(%q) = %x, %v; want %x", data, got, err, raw)
		}
	}
	if _, err := PhotoBytes(&Photo{Data: "not base64 at all!"}); err == nil {
		t.Error("PhotoBytes accepted text that is not base64")
	}
}

func TestBOMAccepted(t *testing.T) {
	plain := mustParse(t, readFixture(t, "extras.json")).Marshal()
	withBOM := mustParse(t, readFixture(t, "bom.json")).Marshal()
	if !bytes.Equal(plain, withBOM) {
		t.Error("a UTF-8 byte-order mark changed what was read")
	}
	if bytes.HasPrefix(withBOM, []byte("\xef\xbb\xbf")) {
		t.Error("Marshal must write no byte-order mark")
	}
}

// TestNumbersWhereStringsBelong: a hand-edited number is read as the text it was written as.
func TestNumbersWhereStringsBelong(t *testing.T) {
	base := string(readFixture(t, "extras.json"))
	for _, tc := range []struct{ from, to, path, want string }{
		{`"years": 12`, `"years": 12`, "host.years", "12"},
		{`"years": 12`, `"years": 5.0`, "host.years", "5.0"},
		{`"mobile": "13800000001"`, `"mobile": 13800000001`, "advisers[1].mobile", "13800000001"},
		{`"plan": "一、指导思想\n……"`, `"plan": 3000`, "plan", "3000"},
		{`"years": 12`, `"years": null`, "host.years", ""},
	} {
		in := strings.Replace(base, tc.from, tc.to, 1)
		d := mustParse(t, []byte(in))
		if got := d.Get(tc.path); got != tc.want {
			t.Errorf("%s → %s = %q, want %q", tc.to, tc.path, got, tc.want)
		}
		if !strings.Contains(string(d.Marshal()), `"`+tc.want+`"`) {
			t.Errorf("%s: not saved back as the string %q", tc.to, tc.want)
		}
	}
}

// refusal is a file that must not load, the error it must give and a word its message holds.
type refusal struct {
	name string
	data []byte
	want error
}

func refusals(t *testing.T) []refusal {
	sample := Sample(Default()).Marshal()
	list := []refusal{
		{"later-version.json", nil, ErrLaterVersion},
		{"notdraft-other.json", nil, ErrNotDraft},
		{"notdraft-array.json", nil, ErrNotDraft},
		{"notdraft.png", nil, ErrNotDraft},
		{"notdraft-empty.json", nil, ErrNotDraft},
		{"notdraft-spaces.json", nil, ErrNotDraft},
		{"notdraft-null.json", nil, ErrNotDraft},
		{"notdraft-string.json", nil, ErrNotDraft},
		{"notdraft-noformat.json", nil, ErrNotDraft},
		{"notdraft-wrongformat.json", nil, ErrNotDraft},
		{"notdraft-version-string.json", nil, ErrNotDraft},
		{"notdraft-version0.json", nil, ErrNotDraft},
		{"notdraft-version-missing.json", nil, ErrNotDraft},
		{"notdraft-version-fraction.json", nil, ErrNotDraft},
		{"notutf8-gbk.json", nil, ErrNotUTF8},
		{"notutf8-utf16.json", nil, ErrNotUTF8},
		{"badjson-garbage.json", nil, ErrBadJSON},
		{"badtype-years-object.json", nil, ErrBadJSON},
		{"badtype-host-array.json", nil, ErrBadJSON},
		{"badtype-photo-string.json", nil, ErrBadJSON},
		{"badtype-advisers-object.json", nil, ErrBadJSON},
		{"badtype-plan-bool.json", nil, ErrBadJSON},
	}
	for i := range list {
		list[i].data = readFixture(t, list[i].name)
	}
	for _, cut := range truncationPoints(sample) {
		list = append(list, refusal{"truncated-at-" + strconv.Itoa(cut) + ".json", sample[:cut], ErrTruncated})
	}
	list = append(list, refusal{"latin1.json", bytes.Replace(sample, []byte("覃晓岚"), []byte("Fran\xe7ois"), 1), ErrNotUTF8})
	return list
}

// truncationPoints are where a copy or save cut short might stop: early, in a Chinese
// character, in the photo's base64, just before the end.
func truncationPoints(data []byte) []int {
	points := []int{1, 2, 10, len(data) / 3, len(data) / 2, len(data) - 3, len(data) - 2}
	if i := bytes.Index(data, []byte("覃")); i > 0 {
		points = append(points, i+1, i+2, i+3) // inside, inside, just after the character
	}
	if i := bytes.Index(data, []byte(`"data": "`)); i > 0 {
		points = append(points, i+9, i+500)
	}
	if i := bytes.Index(data, []byte(`\n`)); i > 0 {
		points = append(points, i+1) // inside an escape
	}
	slices.Sort(points)
	return slices.Compact(points)
}

// TestRefusedFiles: every broken or foreign file is refused with its own error, a Chinese
// message, and is byte-identical on disk afterwards.
func TestRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range refusals(t) {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse(tc.data); !errors.Is(err, tc.want) {
				t.Fatalf("Parse: err = %v, want %v", err, tc.want)
			}
			path := filepath.Join(dir, tc.name)
			if err := os.WriteFile(path, tc.data, 0o644); err != nil {
				t.Fatal(err)
			}
			before := fileHash(t, path)
			d, err := Load(path)
			if d != nil || !errors.Is(err, tc.want) {
				t.Fatalf("Load: %v, %v; want %v", d, err, tc.want)
			}
			checkMessage(t, err)
			if fileHash(t, path) != before {
				t.Error("Load changed a refused file")
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != len(refusals(t)) {
		t.Errorf("Load left %d files in the folder, want %d", len(entries), len(refusals(t)))
	}
}

// checkMessage: the user sees a Chinese sentence that says what to do, without Go's wrapping.
func checkMessage(t *testing.T, err error) {
	t.Helper()
	msg := Message(err)
	if !hasHan(msg) || !strings.Contains(msg, "请") {
		t.Errorf("Message(%v) = %q: want Chinese that says what to do", err, msg)
	}
	if strings.Contains(msg, "load ") || strings.Contains(msg, "testdata") || strings.Contains(msg, os.TempDir()) {
		t.Errorf("Message(%v) = %q shows Go's context", err, msg)
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	sample := Sample(Default()).Marshal()
	pad := func(n int) []byte { // the sample, made n bytes long with trailing spaces
		return append(append([]byte{}, sample...), bytes.Repeat([]byte(" "), n-len(sample))...)
	}
	exact := filepath.Join(dir, "exact.json")
	if err := os.WriteFile(exact, pad(MaxFileSize), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(exact); err != nil {
		t.Errorf("a draft of exactly 20 MB: %v", err)
	}
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, pad(MaxFileSize+1), 0o600); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, big)
	if _, err := Load(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Load of 20 MB + 1 byte: %v, want ErrTooLarge", err)
	} else {
		checkMessage(t, err)
	}
	if fileHash(t, big) != before {
		t.Error("Load changed a refused file")
	}
	if _, err := Parse(pad(MaxFileSize + 1)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Parse of 20 MB + 1 byte: %v, want ErrTooLarge", err)
	}
}

func TestLoadMissingAndFolder(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		path string
		want string
	}{
		{filepath.Join(dir, "没有这个文件.json"), "找不到"},
		{dir, "是一个文件夹"},
	} {
		_, err := Load(tc.path)
		if err == nil || !strings.Contains(Message(err), tc.want) {
			t.Errorf("Load(%s): %v → %q, want a message with %q", tc.path, err, Message(err), tc.want)
		}
		checkMessage(t, err)
	}
}

func TestSave(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "申报 材料", "第 二 稿")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "覃晓岚 申报表（草稿）.json")
	first := Sample(Default())
	if err := first.Save(path); err != nil { // no file and no .bak yet
		t.Fatal(err)
	}
	assertFile(t, path, first.Marshal())
	assertNoFile(t, path+".bak")
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("new draft mode = %v, want 0600 (drafts hold personal data)", st.Mode().Perm())
		}
	}
	second := first.Clone()
	second.Set("host.years", "17")
	if err := second.Save(path); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, second.Marshal())
	assertFile(t, path+".bak", first.Marshal())

	third := second.Clone()
	third.Set("host.name", "覃晓岚岚")
	if err := third.Save(path); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, third.Marshal())
	assertFile(t, path+".bak", second.Marshal())

	if runtime.GOOS != "windows" { // a draft the user made readable to others stays so
		if err := os.Chmod(path, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := third.Save(path); err != nil {
			t.Fatal(err)
		}
		if st, err := os.Stat(path); err != nil || st.Mode().Perm() != 0o644 {
			t.Errorf("replaced draft mode = %v, want 0644 as it was", st.Mode().Perm())
		}
	}

	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if len(names) != 2 {
		t.Errorf("folder holds %q: want only the draft and its .bak, no temporary files", names)
	}
	if d, err := Load(path); err != nil || d.Get("host.name") != "覃晓岚岚" {
		t.Errorf("Load after Save: %v", err)
	}
}

// TestSaveRelativePath: a bare file name saves in the working folder.
func TestSaveRelativePath(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := Sample(Default()).Save("草稿.json"); err != nil {
		t.Fatal(err)
	}
	assertFile(t, "草稿.json", Sample(Default()).Marshal())
}

// TestSaveFailureLeavesNothing: a writer that fails leaves neither a temporary file nor a
// changed draft behind.
func TestSaveFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, true, func(w io.Writer) error {
		w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("WriteFile error = %v, want the writer's", err)
	}
	assertFile(t, path, []byte("old"))
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed save left %d files, want only the old one", len(entries))
	}
	if err := Sample(Default()).Save(filepath.Join(dir, "没有的文件夹", "a.json")); err == nil {
		t.Error("Save into a missing folder succeeded")
	} else {
		checkMessage(t, err)
	}
	folder := filepath.Join(dir, "同名.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Sample(Default()).Save(folder); err == nil || !strings.Contains(Message(err), "文件夹") {
		t.Errorf("Save over a folder: %v → %q", err, Message(err))
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("a failed save left %d files, want the old draft and the folder", len(entries))
	}
}

func assertFile(t *testing.T, path string, want []byte) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what was saved:\n%s", filepath.Base(path), firstDiff(got, want))
	}
}

func assertNoFile(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s exists, want none", filepath.Base(path))
	}
}

func TestRemoveRow(t *testing.T) {
	d := mustParse(t, readFixture(t, "extras.json")) // members: 乙 / {wechat} / 丙 with note
	d.RemoveRow("members", 1)
	if d.Rows("members") != 2 {
		t.Fatalf("rows = %d, want 2", d.Rows("members"))
	}
	checks := map[string]string{"members[1].name": "", "members[2].name": "丙", "members[2].mobile": "13900000003", "members[3].name": ""}
	for path, want := range checks {
		if got := d.Get(path); got != want {
			t.Errorf("%s = %q, want %q", path, got, want)
		}
	}
	out := generic(t, d.Marshal())
	if lookup(out, "members[1]")["wechat"] != "zz" || lookup(out, "members[2]")["note"] == nil {
		t.Errorf("extras did not move up with their rows: %v", out["members"])
	}
	if _, ok := lookup(out, "members[1]")["note"]; ok {
		t.Error("row 1 got row 2's extras twice")
	}
	d.RemoveRow("members", 2)
	d.RemoveRow("members", 5) // beyond the rows: nothing happens
	d.RemoveRow("members", 0)
	if d.Rows("members") != 1 || d.Get("members[2].name") != "" {
		t.Errorf("after removing the last row: %d rows, row 2 name %q", d.Rows("members"), d.Get("members[2].name"))
	}
	if _, ok := lookup(generic(t, d.Marshal()), "members[1]")["wechat"]; !ok {
		t.Error("removing row 2 lost row 1's extras")
	}
}

func TestDraftBasics(t *testing.T) {
	d := New(Default())
	if !d.Empty() || d.Rows("advisers") != 2 || d.Rows("members") != 5 {
		t.Fatalf("New: empty=%v rows=%d/%d", d.Empty(), d.Rows("advisers"), d.Rows("members"))
	}
	d.Set("members[7].name", "丁")
	if d.Rows("members") != 7 || d.Empty() {
		t.Errorf("Set beyond the rows: rows = %d", d.Rows("members"))
	}
	if n := d.AddRow("advisers"); n != 3 {
		t.Errorf("AddRow = %d, want 3", n)
	}
	c := d.Clone()
	c.Set("members[7].name", "戊")
	if d.Get("members[7].name") != "丁" {
		t.Error("Clone shares values with the original")
	}
	d.Set("members[7].name", "")
	if len(d.Paths()) != 0 {
		t.Errorf("Set to empty left %v", d.Paths())
	}
	s := Sample(Default())
	c = s.Clone()
	c.Photo.Data = "x"
	if s.Photo.Data == "x" {
		t.Error("Clone shares the photo")
	}
	if got := New(Default()).Marshal(); mustParse(t, got).Rows("members") != 5 {
		t.Error("an empty draft must save its 5 member rows")
	}
}

func TestFormDefinition(t *testing.T) {
	host, _ := Default().Block("host")
	var keys []string
	for _, f := range host.Fields {
		keys = append(keys, f.Key)
	}
	// The bureau's fields in the bureau's order; a field a clerk adds may sit anywhere.
	if want := strings.Fields("name gender birth photo partyMember title post years research phone unit pairedCounty"); !inOrder(keys, want) {
		t.Errorf("host fields = %v, want %v among them in this order", keys, want)
	}
	adv, _ := Default().Block("advisers")
	mem, _ := Default().Block("members")
	if !inOrder(labelsOf(adv), []string{"职务", "职称"}) || !inOrder(labelsOf(mem), []string{"职称", "职务"}) {
		t.Error("the two tables must keep the bureau's column orders (职务·职称 / 职称·职务)")
	}
	if adv.Rows != 2 || mem.Rows != 5 {
		t.Errorf("rows printed = %d, %d; want 2, 5", adv.Rows, mem.Rows)
	}
	for _, tc := range []struct {
		b, f string
		row  int
		want string
	}{{"host", "years", 0, "host.years"}, {"advisers", "mobile", 1, "advisers[1].mobile"}, {"plan", "", 0, "plan"}, {"existingStudio", "approvedBy", 0, "existingStudio.approvedBy"}} {
		b, _ := Default().Block(tc.b)
		f := b.Fields[0]
		if tc.f != "" {
			f = b.Field(tc.f)
		}
		if got := Path(b, f, tc.row); got != tc.want {
			t.Errorf("Path = %s, want %s", got, tc.want)
		}
	}
	if _, ok := Default().Block(""); ok {
		t.Error(`Default().Block("") found an opinion block`)
	}
}

// inOrder reports whether want are all in got, in this order (others between them).
func inOrder(got, want []string) bool {
	i := 0
	for _, g := range got {
		if i < len(want) && g == want[i] {
			i++
		}
	}
	return i == len(want)
}

func labelsOf(b Block) []string {
	var out []string
	for _, f := range b.Fields {
		out = append(out, f.Label)
	}
	return out
}

func TestMessage(t *testing.T) {
	wrap := func(err error) error { return fmt.Errorf("load /tmp/x.json: %w", err) }
	for _, tc := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{wrap(ErrLaterVersion), ErrLaterVersion.Error()},
		{wrap(ErrTruncated), ErrTruncated.Error()},
		{wrap(&FieldTypeError{Path: "host.years"}), "host.years"},
		{wrap(os.ErrNotExist), "找不到"},
		{wrap(os.ErrPermission), "没有权限"},
		{wrap(&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), "空间已满"},
		{wrap(&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EBUSY}), "占用"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.ELOOP}), "绕成了圈"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.EISDIR}), "文件夹"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.ENOTDIR}), "不是文件夹"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.ENAMETOOLONG}), "太长"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.EROFS}), "只读"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.EACCES}), "没有权限"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.ENOENT}), "找不到"},
		{wrap(&os.PathError{Op: "read", Path: "x", Err: syscall.EIO}), "U 盘"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.EMFILE}), "太多"},
		{wrap(&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EXDEV}), "两个磁盘"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: syscall.Errno(250)}), "无法读写"},
		{wrap(&os.PathError{Op: "open", Path: "x", Err: ErrNotRegular}), "特殊文件"},
		{wrap(&os.PathError{Op: "write", Path: "x", Err: ErrReadOnly}), "只读"},
	} {
		got := Message(tc.err)
		if !strings.Contains(got, tc.want) || (tc.err != nil && !strings.Contains(got, "请")) || strings.Contains(got, "/tmp/x.json") {
			t.Errorf("Message(%v) = %q, want %q", tc.err, got, tc.want)
		}
		if english.MatchString(got) {
			t.Errorf("Message(%v) = %q holds the system's English text", tc.err, got)
		}
	}
	if !errors.Is(&FieldTypeError{Path: "plan"}, ErrBadJSON) {
		t.Error("a wrong field type must count as ErrBadJSON")
	}
}

// TestSaveThroughSymlink: saving a draft opened through a symbolic link updates the file it
// points to and keeps the link (renaming over it would leave the real draft behind).
func TestSaveThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.json")
	link := filepath.Join(dir, "link.json")
	if err := Sample(Default()).Save(real); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	d, err := Load(link)
	if err != nil {
		t.Fatal(err)
	}
	d.Set("host.name", "改过的名字")
	if err := d.Save(link); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced by a file (%v)", err)
	}
	back, err := Load(real)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Get("host.name"); got != "改过的名字" {
		t.Errorf("the real draft says %q: the save did not reach it", got)
	}
	if _, err := os.Stat(real + ".bak"); err != nil {
		t.Errorf("no backup beside the real draft: %v", err)
	}
}

// english finds a run of Latin words, as the system's error texts are ("no space left").
var english = regexp.MustCompile(`[A-Za-z]{3,} [a-z]{2,}`)

// A kept source picture goes to the file and comes back; one out of bounds is kept as it was
// written, as an unknown key, and never read as a source.
func TestPhotoSourceRoundTrip(t *testing.T) {
	d := Sample(Default())
	d.Photo.Source = &PhotoSource{MIME: "image/jpeg", Data: "AAAA", Crop: [4]float64{0.1, 0.2, 0.5, 0.7}}
	back, err := Parse(d.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if s := back.Photo.Source; s == nil || *s != *d.Photo.Source {
		t.Fatalf("source came back as %+v", s)
	}
	if !bytes.Equal(back.Marshal(), d.Marshal()) {
		t.Error("a draft with a source is not written back the same")
	}
	for _, bad := range []string{
		`{"mime": "image/jpeg", "data": "AAAA", "crop": [0.6, 0, 0.5, 1]}`,
		`{"mime": "image/jpeg", "data": "", "crop": [0, 0, 1, 1]}`,
		`{"mime": "image/jpeg", "data": "AAAA", "crop": [0, 0, 1, 1], "later": true}`,
		`"not an object"`,
	} {
		in := bytes.Replace(d.Marshal(), []byte(`"source": {`), []byte(`"old": {`), 1)
		in = bytes.Replace(in, []byte(`"old": {`), []byte(`"source": `+bad+`, "x": {`), 1)
		got, err := Parse(in)
		if err != nil {
			t.Fatalf("%s: %v", bad, err)
		}
		if got.Photo.Source != nil {
			t.Errorf("%s read as a source", bad)
		}
		if !bytes.Contains(got.Marshal(), []byte(bad)) {
			t.Errorf("%s was not kept as written", bad)
		}
	}
}

// A draft of a later version of its form names the form and both versions, and says where the
// definition goes.
func TestLaterVersionNamesTheForm(t *testing.T) {
	d := Sample(Default())
	data := bytes.Replace(d.Marshal(), []byte(`"version": 1`), []byte(`"version": 3`), 1)
	_, err := Parse(data)
	if !errors.Is(err, ErrLaterVersion) {
		t.Fatalf("err %v, want ErrLaterVersion", err)
	}
	msg := Message(err)
	for _, want := range []string{Default().Title, "第3版", "第1版", "表格文件夹"} {
		if !strings.Contains(msg, want) {
			t.Errorf("%q lacks %q", msg, want)
		}
	}
}
