package summary

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/export"
	"shenbao/forms"
)

// schoolsFolder is what a county bureau gathers: for 覃晓岚 the draft, the .docx and the PDF;
// for 甲 a draft and a .docx whose phone was changed in Word afterwards; the bureau's form
// filled by hand (黄丽娟); 丙, whose host is one of 覃晓岚's members and whose first member
// is also 黄丽娟's; a scanned PDF; a Word letter with no form in it.
func schoolsFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(d *forms.Draft, sub string) []string {
		paths, err := export.Write(d, filepath.Join(dir, sub), export.Options{Creator: "test", Now: time.Unix(1e9, 0)})
		if err != nil {
			t.Fatal(err)
		}
		return paths
	}
	s := forms.Sample(forms.Default())
	os.MkdirAll(filepath.Join(dir, "覃晓岚"), 0o755)
	if err := s.Save(filepath.Join(dir, "覃晓岚", "草稿.json")); err != nil {
		t.Fatal(err)
	}
	write(s, "覃晓岚")

	a := forms.Sample(forms.Default())
	a.Set("host.name", "甲")
	a.Set("host.unit", "柳州市第一中学")
	members, _ := forms.Default().Block("members")
	for r := 1; r <= 5; r++ {
		a.Set(forms.Path(members, members.Field("mobile"), r), "1390000000"+string(rune('0'+r)))
	}
	if err := a.Save(filepath.Join(dir, "甲.json")); err != nil {
		t.Fatal(err)
	}
	edited := a.Clone()
	edited.Set("host.phone", "13907720001")
	paths := write(edited, "甲-word")
	os.Remove(paths[1]) // only the .docx was sent

	tpl, err := os.ReadFile(filepath.Join("..", "readback", "testdata", "template-beside.docx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "八中-手填.docx"), tpl, 0o600)

	c := forms.New(forms.Default())
	for k, v := range map[string]string{
		"host.name": s.Get("members[3].name"), "host.phone": s.Get("members[3].mobile"), "host.unit": "柳州市第三中学",
		"members[1].name": "梁秋月", "members[1].mobile": "13907722221",
	} {
		c.Set(k, v)
	}
	if err := c.Save(filepath.Join(dir, "丙.json")); err != nil {
		t.Fatal(err)
	}

	scan := []byte("%PDF-1.4\n1 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length 1 >>\nstream\nx\nendstream\nendobj\n")
	os.WriteFile(filepath.Join(dir, "盖章扫描件.pdf"), scan, 0o600)
	os.WriteFile(filepath.Join(dir, "覃晓岚", export.ScanName(s)), scan, 0o600) // as `shenbao scans` names it
	os.WriteFile(filepath.Join(dir, "~$草稿.docx"), []byte("lock"), 0o600)     // Word's lock file: passed over
	os.WriteFile(filepath.Join(dir, "通知.docx"), []byte("PK\x03\x04 not a package"), 0o600)
	return dir
}

// TestSummaryOfWhatSchoolsSend: one row per applicant whatever they sent, the files listed,
// conflicts and people in two studios noted, the scan listed as a scan.
func TestSummaryOfWhatSchoolsSend(t *testing.T) {
	dir := schoolsFolder(t)
	f, st := summaryOf(t, dir)
	if st.Drafts != 4 || st.Files != 7 || st.Scans != 2 || st.Unreadable != 1 {
		t.Errorf("stats %+v, want 4 applicants from 7 files, 2 scans, 1 unreadable", st)
	}
	rows, err := f.GetRows(SummarySheet)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	byName := map[string][]string{}
	for _, r := range rows[1:] {
		for len(r) < len(rows[0]) {
			r = append(r, "")
		}
		byName[r[0]] = r
	}
	get := func(name, column string) string { return byName[name][col[column]] }
	if files := get("覃晓岚", "文件"); strings.Count(files, "\n") != 3 || !strings.Contains(files, ".docx") || !strings.Contains(files, ".pdf") ||
		!strings.Contains(files, "草稿.json") || !strings.Contains(files, export.ScanSuffix) {
		t.Errorf("覃晓岚's files: %q", files)
	}
	if c := get("覃晓岚", "文件间不一致"); c != "" {
		t.Errorf("覃晓岚's three files differ: %q", c)
	}
	if c := get("甲", "文件间不一致"); !strings.Contains(c, "host.phone") || strings.Count(c, "、") != 0 {
		t.Errorf("甲's conflict: %q, want host.phone alone", c)
	}
	if p := get("甲", "联系电话"); p != "13907720001" {
		t.Errorf("甲's row shows phone %q, want the Word file's", p)
	}
	if _, ok := byName["黄丽娟"]; !ok {
		t.Errorf("the hand-filled form has no row: %v", rows)
	}
	host := forms.Sample(forms.Default()).Get("members[3].name")
	if c := get("覃晓岚", "跨工作室提醒"); !strings.Contains(c, "members[3].name") || !strings.Contains(c, "主持人") {
		t.Errorf("覃晓岚's member who hosts another studio: %q", c)
	}
	if c := get(host, "跨工作室提醒"); !strings.Contains(c, "host.name") || !strings.Contains(c, "members[1].name") {
		t.Errorf("%s's row: %q, want the host and member 梁秋月 noted", host, c)
	}
	if c := get("黄丽娟", "跨工作室提醒"); !strings.Contains(c, "梁秋月") {
		t.Errorf("黄丽娟's member in two studios: %q", c)
	}
	if c := get("甲", "跨工作室提醒"); c != "" {
		t.Errorf("甲 has nobody in two studios: %q", c)
	}
	// The 检查结果 sheet holds each applicant's findings, as many as the row counts.
	found, _ := f.GetRows(FindingsSheet)
	per := map[string]int{}
	for _, r := range found[1:] {
		per[r[0]]++
		if r[3] != "错误" && r[3] != "提醒" || r[4] == "" || r[5] == "" {
			t.Errorf("finding row %q", r)
		}
	}
	for name := range byName {
		want := atoi(get(name, "错误数")) + atoi(get(name, "提醒数"))
		if per[name] != want || want == 0 {
			t.Errorf("%s: %d findings listed, the row counts %d", name, per[name], want)
		}
	}
	scans, _ := f.GetRows(ScanSheet)
	notes := map[string]string{}
	for _, r := range scans[1:] {
		notes[r[0]] = r[1]
	}
	if len(scans) != 3 || !strings.Contains(notes[filepath.Join("覃晓岚", export.ScanName(forms.Sample(forms.Default())))], "属于 覃晓岚") ||
		notes["盖章扫描件.pdf"] == "" || strings.Contains(notes["盖章扫描件.pdf"], "属于") {
		t.Errorf("scans sheet %q", scans)
	}
	bad, _ := f.GetRows(UnreadableSheet)
	if len(bad) != 2 || bad[1][0] != "通知.docx" || !strings.Contains(bad[1][1], "不是 .docx") {
		t.Errorf("unreadable sheet %q", bad)
	}
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// TestApplicantKeyIgnoresInvisibles: the files of one applicant match whatever spaces or
// invisible format characters (zero-width, bidi marks) were pasted into 工作单位 and 姓名.
func TestApplicantKeyIgnoresInvisibles(t *testing.T) {
	key := func(unit, name string) string {
		d := forms.Sample(forms.Default())
		d.Set("host.unit", unit)
		d.Set("host.name", name)
		return applicantKey(application{rel: unit + name, d: d})
	}
	want := key("柳州市第二十九中学", "覃晓岚")
	for _, tc := range [][2]string{
		{"柳州市第二十九中学", " 覃晓岚　"},
		{"柳州市第二十九中学", "覃\u200b晓岚"},
		{"柳州市\u202e第二十九中学\u202c", "覃晓岚\ufeff"},
		{"柳州市 第二十九中学", "覃\u200d晓\u2066岚\u2069"},
	} {
		if got := key(tc[0], tc[1]); got != want {
			t.Errorf("key(%+q, %+q) = %+q, want %+q", tc[0], tc[1], got, want)
		}
	}
	if key("柳州市第二十九中学", "覃晓") == want {
		t.Error("another name matched")
	}
}
