package forms

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/gif"
	"image/jpeg"
	"slices"
	"strings"
	"testing"
	"time"

	"shenbao/photo"
)

// checkDay is the date ages are computed at: birth 2005.06 is 20, 2005.07 is 19.
var checkDay = time.Date(2025, 6, 15, 10, 0, 0, 0, time.Local)

// clean is the sample with a plan short enough for no 提醒: a draft with no finding at all.
func clean() *Draft {
	d := Sample(Default())
	d.Set("plan", "一、指导思想\n坚持立德树人。\n二、工作目标\n……")
	return d
}

// want is one expected finding: its path, severity and words its message must hold.
type want struct {
	path string
	sev  Severity
	has  []string
}

func e(path string, has ...string) want { return want{path, Error, has} }
func w(path string, has ...string) want { return want{path, Warning, has} }

// set returns an edit that stores values at paths.
func set(kv ...string) func(*Draft) {
	return func(d *Draft) {
		for i := 0; i+1 < len(kv); i += 2 {
			d.Set(kv[i], kv[i+1])
		}
	}
}

// copyRow copies a whole table row over another.
func copyRow(fromTable string, from int, toTable string, to int) func(*Draft) {
	return func(d *Draft) {
		fb, _ := Default().Block(fromTable)
		tb, _ := Default().Block(toTable)
		for _, f := range tb.Fields {
			for _, g := range fb.Fields {
				if g.Key == f.Key {
					d.Set(Path(tb, f, to), d.Value(fb, g, from))
				}
			}
		}
	}
}

// fillRow sets every cell of a row to v ("" empties it).
func fillRow(table string, row int, v string) func(*Draft) {
	return func(d *Draft) {
		b, _ := Default().Block(table)
		for _, f := range b.Fields {
			d.Set(Path(b, f, row), v)
		}
	}
}

func both(edits ...func(*Draft)) func(*Draft) {
	return func(d *Draft) {
		for _, ed := range edits {
			ed(d)
		}
	}
}

// jpegOf draws a w×h JPEG, as base64.
func jpegOf(t testing.TB, w, h int) string {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

// cutJPEG is a noisy w×h JPEG cut after two thirds, as a copy that did not finish.
func cutJPEG(t testing.TB, w, h int) string {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7919 >> 3)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()[:buf.Len()*2/3])
}

// pngHeader is the start of a w×h PNG: enough for its size to be read, not decoded.
func pngHeader(w, h uint32) string {
	ihdr := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 2, 0, 0, 0)
	b := append([]byte("\x89PNG\r\n\x1a\n"), 0, 0, 0, 13)
	b = append(b, ihdr...)
	b = binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(ihdr))
	return base64.StdEncoding.EncodeToString(b)
}

func gifOf(t testing.TB, w, h int) string {
	var buf bytes.Buffer
	if err := gif.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h)), nil); err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes())
}

func withPhoto(p *Photo) func(*Draft) { return func(d *Draft) { d.Photo = p } }

func words(n int) string { return strings.Repeat("字", n) }

type checkCase struct {
	name string
	edit func(*Draft)
	want []want
}

func checkCases(t testing.TB) []checkCase {
	cases := []checkCase{
		{"clean", nil, nil},

		// 从事班主任工作年限: a whole number ≥ 5.
		{"years minus 5", set("host.years", "-5"), []want{e("host.years", "整数")}},
		{"years 5 minus", set("host.years", "5-"), []want{e("host.years", "整数")}},
		{"mobile leading minus", set("advisers[1].mobile", "-13812345678"), []want{e("advisers[1].mobile", "11位")}},
		{"years 4", set("host.years", "4"), []want{e("host.years", "4年", "5年及以上", "请")}},
		{"years 5", set("host.years", "5"), nil},
		{"years full-width ５", set("host.years", "５"), nil},
		{"years 5年", set("host.years", "5年"), nil},
		{"years spaces", set("host.years", " 12 "), nil},
		{"years 0", set("host.years", "0"), []want{e("host.years", "5年及以上")}},
		{"years 5.5", set("host.years", "5.5"), []want{e("host.years", "“5.5”", "整数")}},
		{"years abc", set("host.years", "abc"), []want{e("host.years", "“abc”", "整数")}},
		{"years 五", set("host.years", "五"), []want{e("host.years", "整数")}},
		{"years 50", set("host.years", "50"), nil},
		{"years 51", set("host.years", "51"), []want{w("host.years", "51年", "核对")}},

		// 规划: at most 3000 字 (错误), over 2800 a 提醒.
		{"plan 2800", set("plan", words(2800)), nil},
		{"plan 2801", set("plan", words(2801)), []want{w("plan", "2801字", "3000")}},
		{"plan 2999", set("plan", words(2999)), []want{w("plan", "2999字")}},
		{"plan 3000", set("plan", words(3000)), []want{w("plan", "3000字")}},
		{"plan 3001", set("plan", words(3001)), []want{e("plan", "3001字", "3000字", "删减1字")}},
		{"plan 3001 Latin words", set("plan", strings.Repeat("word ", 3001)), []want{e("plan", "3001字")}},
		{"plan 3000 with line breaks", set("plan", strings.Repeat(words(100)+"\r\n\n", 30)), []want{w("plan", "3000字")}},
		{"plan empty", set("plan", " \n\u3000"), []want{e("plan", "请填写", "发展规划")}},
		{"achievements long", set("achievements", words(5000)), nil},
		{"achievements empty", set("achievements", ""), []want{e("achievements", "请填写", "业绩")}},

		// 手机号码: 11 digits, 1[3-9].
		{"mobile 10 digits", set("advisers[1].mobile", "1381234567"), []want{e("advisers[1].mobile", "指导老师第1行", "11位", "“1381234567”")}},
		{"mobile 11 digits", set("advisers[1].mobile", "13812345678"), nil},
		{"mobile 12 digits", set("advisers[1].mobile", "138123456789"), []want{e("advisers[1].mobile", "11位")}},
		{"mobile spaces", set("advisers[1].mobile", "138 1234 5678"), nil},
		{"mobile hyphens", set("advisers[1].mobile", "138-1234-5678"), nil},
		{"mobile full-width", set("advisers[1].mobile", "１３８１２３４５６７８"), nil},
		{"mobile +86", set("advisers[1].mobile", "+86 13812345678"), nil},
		{"mobile 128", set("advisers[1].mobile", "12812345678"), []want{e("advisers[1].mobile", "11位")}},
		{"mobile landline", set("members[2].mobile", "0772-2822733"), []want{e("members[2].mobile", "工作室成员第2行", "11位")}},
		{"mobile letters", set("members[5].mobile", "1381234567O"), []want{e("members[5].mobile")}},

		// 联系电话: a mobile or a landline.
		{"phone mobile", set("host.phone", "13812345678"), nil},
		{"phone landline", set("host.phone", "0772-2822733"), nil},
		{"phone brackets", set("host.phone", "(0772)2822733"), nil},
		{"phone full-width brackets", set("host.phone", "（０７７２）２８２２７３３"), nil},
		{"phone space", set("host.phone", "0772 2822733"), nil},
		{"phone Beijing", set("host.phone", "010-12345678"), nil},
		{"phone short area", set("host.phone", "077-2822733"), []want{e("host.phone", "“077-2822733”", "0772-2822733")}},
		{"phone no area", set("host.phone", "2822733"), []want{w("host.phone", "区号", "0772-2822733")}},
		{"phone 0", set("host.phone", "0"), []want{e("host.phone")}},
		{"phone area only", set("host.phone", "0772"), []want{e("host.phone")}},
		{"phone 6 digits", set("host.phone", "0772-282273"), []want{e("host.phone")}},
		{"phone words", set("host.phone", "办公室"), []want{e("host.phone")}},
		{"phone empty bracket", set("host.phone", "()"), []want{e("host.phone")}},

		// 出生年月: a real year and month; age 20–65.
		{"birth 1985-03", set("host.birth", "1985-03"), nil},
		{"birth 1985.03", set("host.birth", "1985.03"), nil},
		{"birth 1985.3", set("host.birth", "1985.3"), nil},
		{"birth 1985/03", set("host.birth", "1985/03"), nil},
		{"birth 1985年3月", set("host.birth", "1985年3月"), nil},
		{"birth 1985年03月", set("host.birth", "1985年03月"), nil},
		{"birth full-width", set("host.birth", "１９８５．０３"), nil},
		{"birth with day", set("host.birth", "1985年3月12日"), nil},
		{"birth 198503", set("host.birth", "198503"), nil},
		{"birth 1985-13", set("host.birth", "1985-13"), []want{e("host.birth", "“1985-13”", "1985.03")}},
		{"birth 1985-00", set("host.birth", "1985-00"), []want{e("host.birth")}},
		{"birth 85.03", set("host.birth", "85.03"), []want{e("host.birth", "“85.03”")}},
		{"birth year only", set("host.birth", "1985"), []want{e("host.birth")}},
		{"birth 2030.01 future", set("host.birth", "2030.01"), []want{e("host.birth", "2030.01")}},
		{"birth next month future", set("host.birth", "2025.07"), []want{e("host.birth", "2025.07")}},
		{"birth 1899", set("host.birth", "1899.12"), []want{e("host.birth")}},
		{"age 19", set("host.birth", "2006.06"), []want{w("host.birth", "19岁", "核对")}},
		{"age 19 by month", set("host.birth", "2005.07"), []want{w("host.birth", "19岁")}},
		{"age 20", set("host.birth", "2005.06"), nil},
		{"age 65", set("host.birth", "1960.06"), nil},
		{"age 65 by month", set("host.birth", "1959.07"), nil},
		{"age 66", set("host.birth", "1959.06"), []want{w("host.birth", "66岁")}},
		{"adviser birth bad", set("advisers[2].birth", "1971.13"), []want{e("advisers[2].birth", "指导老师第2行")}},

		// 性别, 是否党员, 结对帮扶县区: one of the choices.
		{"gender 男", set("host.gender", "男"), nil},
		{"gender 女", set("host.gender", "女"), nil},
		{"gender 男性", set("host.gender", "男性"), []want{e("host.gender", "“男”或“女”", "“男性”", "请")}},
		{"gender empty", set("host.gender", ""), []want{e("host.gender", "请选择主持人的性别")}},
		{"member gender M", set("members[3].gender", "M"), []want{e("members[3].gender", "“男”或“女”")}},
		{"party 是", set("host.partyMember", "是"), nil},
		{"party 否", set("host.partyMember", "否"), nil},
		{"party 党员", set("host.partyMember", "党员"), []want{e("host.partyMember", "“是”或“否”")}},
		{"county wrong", set("host.pairedCounty", "柳南区"), []want{e("host.pairedCounty", "“柳南区”", "“柳城县”、", "“柳江区”之一")}},
		{"county short", set("host.pairedCounty", "融水县"), []want{e("host.pairedCounty")}},
		{"county spaces", set("host.pairedCounty", " 柳江区 "), nil},

		// 指导老师 1 or 2, 成员 at most 5.
		{"advisers 0", both(fillRow("advisers", 1, ""), fillRow("advisers", 2, "")), []want{e("advisers", "至少", "1名指导老师")}},
		{"advisers 1", fillRow("advisers", 2, ""), nil},
		{"advisers 2 of 3 rows", both(copyRow("advisers", 2, "advisers", 3), fillRow("advisers", 2, "")), nil},
		{"advisers 3", both(copyRow("advisers", 1, "advisers", 3), set("advisers[3].name", "韦明", "advisers[3].mobile", "13907730000")), []want{e("advisers", "最多2名", "删去1名")}},
		{"members 0", func(d *Draft) {
			for r := 1; r <= 5; r++ {
				fillRow("members", r, "")(d)
			}
		}, []want{w("members", "0名", "5名")}},
		{"members 4", fillRow("members", 5, ""), []want{w("members", "4名", "补充")}},
		{"members 4 rows of spaces", fillRow("members", 5, " \u3000"), []want{w("members", "4名")}},
		{"members 6", both(copyRow("members", 1, "members", 6), set("members[6].name", "覃一", "members[6].mobile", "13900000006")), []want{e("members", "最多5名", "6名", "删去1名")}},
		{"members 7", both(copyRow("members", 1, "members", 6), copyRow("members", 2, "members", 7), set("members[6].name", "覃一", "members[7].name", "覃二")), []want{e("members", "删去2名")}},
		{"members empty row in the middle", both(copyRow("members", 3, "members", 6), fillRow("members", 3, "")), nil},
		{"members half-filled row", both(fillRow("members", 5, ""), set("members[5].name", "罗雅琴")), []want{
			e("members[5].gender", "请选择工作室成员第5行的性别"), e("members[5].birth", "请填写工作室成员第5行的出生年月"),
			e("members[5].unit"), e("members[5].title"), e("members[5].post"), e("members[5].research"), e("members[5].mobile", "手机号码"),
		}},
		{"adviser phone only", both(fillRow("advisers", 2, ""), set("advisers[2].mobile", "13800000000")), []want{
			e("advisers[2].name", "请填写指导老师第2行的姓名"), e("advisers[2].gender"), e("advisers[2].birth"), e("advisers[2].unit"),
			e("advisers[2].post"), e("advisers[2].title"), e("advisers[2].research"),
		}},

		// The same person twice (same name and mobile).
		{"member twice", copyRow("members", 1, "members", 2), []want{w("members[2].name", "工作室成员第2行", "工作室成员第1行", "删去")}},
		{"member twice, mobile spaced", both(copyRow("members", 1, "members", 4), set("members[4].mobile", "137 6812 5904")), []want{w("members[4].name", "第1行")}},
		{"member is an adviser", copyRow("advisers", 1, "members", 3), []want{w("members[3].name", "指导老师第1行")}},
		{"adviser twice", copyRow("advisers", 1, "advisers", 2), []want{w("advisers[2].name", "指导老师第1行")}},
		{"member twice, mobile with +86", both(copyRow("members", 1, "members", 4), set("members[4].mobile", "+86 137-6812-5904")), []want{w("members[4].name", "第1行")}},
		{"member is the host", both(set("members[2].name", "覃晓岚"), set("members[2].mobile", "138 7721 5630")), []want{w("members[2].name", "主持人")}},
		{"adviser is the host", both(set("advisers[1].name", "覃晓岚"), set("advisers[1].mobile", "13877215630")), []want{w("advisers[1].name", "主持人")}},
		{"same name, other mobile", both(copyRow("members", 1, "members", 2), set("members[2].mobile", "13900000002")), nil},

		// Characters the font lacks and control characters.
		{"name 𠮷", set("host.name", "覃𠮷岚"), []want{e("host.name", "“𠮷”", "U+20BB7", "主持人的姓名")}},
		{"name 😀", set("host.name", "覃晓岚😀"), []want{e("host.name", "“😀”")}},
		{"name bell", set("host.name", "覃\a晓岚"), []want{e("host.name", "U+0007")}},
		{"name zero-width space", set("host.name", "覃\u200b晓岚"), []want{e("host.name", "U+200B")}},
		{"name replacement character", set("host.name", "覃\ufffd岚"), []want{e("host.name", "替换字符", "编码", "重新输入")}},
		{"name two bad characters", set("host.name", "𠮷😀𠮷"), []want{e("host.name", "“𠮷”", "“😀”")}},
		{"name line break", set("host.name", "覃\n晓岚"), []want{e("host.name", "换行符（第2个字）")}},
		{"plan bad character after line breaks", set("plan", "一\n二\n三𠮷"), []want{e("plan", "第3段第2个字")}},
		{"name tab", set("host.name", "覃\t晓岚"), []want{e("host.name", "制表符")}},
		{"name private use", set("host.name", "覃\ue000"), []want{e("host.name", "U+E000")}},
		{"plan 𠮷", set("plan", "一、𠮷指导思想"), []want{e("plan", "“𠮷”", "发展规划")}},
		{"plan 😀", set("plan", "一、指导思想😀"), []want{e("plan", "“😀”")}},
		{"plan bell", set("plan", "一、\a指导思想"), []want{e("plan", "U+0007")}},
		{"plan zero-width space", set("plan", "一、\u200b指导思想"), []want{e("plan", "U+200B")}},
		{"plan line breaks and tabs", set("plan", "一、指导思想\n\t坚持。\r\n二、目标\n\n"), nil},
		{"member research 😀", set("members[1].research", "家校😀"), []want{e("members[1].research", "工作室成员第1行的研究方向")}},
		{"existing studio 𠮷", set("existingStudio.name", "𠮷工作室"), []want{e("existingStudio.name", "已设工作室", "“𠮷”")}},

		// Photo.
		{"photo missing", withPhoto(nil), []want{e("host.photo", "请添加", "照片")}},
		{"photo empty", withPhoto(&Photo{MIME: "image/jpeg"}), []want{e("host.photo", "请添加")}},
		{"photo bad base64", withPhoto(&Photo{MIME: "image/jpeg", Data: "@@@@ not base64 @@@@"}), []want{e("host.photo", "重新选择")}},
		{"photo not a picture", withPhoto(&Photo{MIME: "image/jpeg", Data: base64.StdEncoding.EncodeToString([]byte("hello, world"))}), []want{e("host.photo", "重新选择")}},
		{"photo 100×140", withPhoto(&Photo{MIME: "image/jpeg", Data: jpegOf(t, 100, 140)}), []want{w("host.photo", "100×140", "模糊", "建议")}},
		{"photo 294×413", withPhoto(&Photo{MIME: "image/jpeg", Data: jpegOf(t, 294, 413)}), []want{w("host.photo", "294×413")}},
		{"photo 295×413", withPhoto(&Photo{MIME: "image/jpeg", Data: jpegOf(t, 295, 413)}), nil},
		{"photo JPEG cut off", withPhoto(&Photo{MIME: "image/jpeg", Data: cutJPEG(t, 600, 840)}), []want{e("host.photo", "不完整")}},
		{"photo 144 megapixels", withPhoto(&Photo{MIME: "image/png", Data: pngHeader(12000, 12000)}), []want{e("host.photo", "太大")}},
		{"photo GIF from another program", withPhoto(&Photo{MIME: "image/gif", Data: gifOf(t, 295, 413)}), nil},
		{"photo from a small source", withPhoto(&Photo{MIME: "image/jpeg", Data: jpegOf(t, 295, 413), SourceWidth: 100, SourceHeight: 140}), []want{w("host.photo", "100×140")}},

		// 已设立的工作室 is optional.
		{"existing studio empty", set("existingStudio.name", "", "existingStudio.approvedBy", ""), nil},
		{"existing studio half", set("existingStudio.approvedBy", ""), nil},
	}
	// A host field the form requires, left empty, is a 错误 saying so; one it does not, nothing.
	// (Every field of the bureau's host rows is required: TestHostRequired.)
	host, _ := Default().Block("host")
	for _, f := range host.Fields {
		if f.Kind == Picture {
			continue
		}
		verb := "请填写"
		if f.Kind == Choice {
			verb = "请选择"
		}
		var found []want
		if f.Required {
			found = []want{e("host."+f.Key, verb, "主持人的")}
		}
		cases = append(cases, checkCase{"host " + f.Key + " empty", set("host."+f.Key, "  "), found})
	}
	for _, c := range Default().Counties() {
		cases = append(cases, checkCase{"county " + c, set("host.pairedCounty", c), nil})
	}
	// Character limits: at the limit nothing, one past it a 错误 naming the limit; a 19 MB
	// plan of Latin letters (one 字 for Word) is refused by its length.
	cases = append(cases,
		checkCase{"name at limit", set("host.name", strings.Repeat("覃", MaxCharsLine)), nil},
		checkCase{"name past limit", set("host.name", strings.Repeat("覃", MaxCharsLine+1)), []want{e("host.name", "200个字符")}},
		checkCase{"member unit past limit", set("members[1].unit", strings.Repeat("学", MaxCharsLine+1)), []want{e("members[1].unit", "200个字符")}},
		checkCase{"plan past limit", set("plan", strings.Repeat("a", 19<<20)), []want{e("plan", "20000个字符")}},
	)
	return cases
}

func TestCheck(t *testing.T) {
	for _, tc := range checkCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			d := clean()
			if tc.edit != nil {
				tc.edit(d)
			}
			before := string(d.Marshal())
			got := CheckAt(d, checkDay, photo.StoredSize)
			if string(d.Marshal()) != before {
				t.Error("Check changed the draft")
			}
			assertFindings(t, got, tc.want)
		})
	}
}

// assertFindings compares findings with the expected ones (path and severity, in any
// order), checks the message words, and that every message is Chinese and says what to do.
func assertFindings(t *testing.T, got []Finding, wants []want) {
	t.Helper()
	var g, w []string
	for _, f := range got {
		g = append(g, f.Severity.String()+" "+f.Path)
	}
	for _, x := range wants {
		w = append(w, x.sev.String()+" "+x.path)
	}
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("findings:\n  got  %q\n  want %q\n%s", g, w, list(got))
		return
	}
	for _, x := range wants {
		for _, f := range got {
			if f.Path == x.path && f.Severity == x.sev {
				for _, s := range x.has {
					if !strings.Contains(f.Message, s) {
						t.Errorf("%s: message %q lacks %q", f.Path, f.Message, s)
					}
				}
			}
		}
	}
	for _, f := range got {
		checkFinding(t, f)
	}
}

// checkFinding: the general shape every finding must have.
func checkFinding(t testing.TB, f Finding) {
	t.Helper()
	if f.Path == "" || !strings.HasPrefix(f.Path, f.Block) || f.Block == "" {
		t.Errorf("finding %q: path %q does not belong to block %q", f, f.Path, f.Block)
	}
	if _, ok := Default().Block(f.Block); !ok {
		t.Errorf("finding %q: unknown block %q", f, f.Block)
	}
	if !hasHan(f.Message) || !strings.HasSuffix(f.Message, "。") {
		t.Errorf("finding %q: want a Chinese sentence", f)
	}
	if !strings.Contains(f.Message, "请") && !strings.Contains(f.Message, "建议") {
		t.Errorf("finding %q: the message must tell the user what to do", f)
	}
	if f.Severity != Error && f.Severity != Warning {
		t.Errorf("finding %q: severity %d", f, f.Severity)
	}
}

func list(fs []Finding) string {
	var sb strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&sb, "    %s\n", f)
	}
	return sb.String()
}

// TestCheckSample: the sample has no 错误; its plan of about 2,900 字 (as the issue asks)
// is over 2800, so the one finding is that 提醒.
func TestCheckSample(t *testing.T) {
	got := CheckAt(Sample(Default()), checkDay, photo.StoredSize)
	assertFindings(t, got, []want{w("plan", "接近3000字")})
	if HasErrors(got) {
		t.Error("the sample has 错误")
	}
	if got := Check(Sample(Default()), photo.StoredSize); HasErrors(got) {
		t.Errorf("the sample has 错误 today:\n%s", list(got))
	}
}

func TestCheckEmptyDraft(t *testing.T) {
	got := CheckAt(New(Default()), checkDay, photo.StoredSize)
	if !HasErrors(got) {
		t.Fatal("an empty draft passed")
	}
	var paths []string
	for _, f := range got {
		checkFinding(t, f)
		paths = append(paths, f.Path)
	}
	for _, p := range []string{"host.name", "host.photo", "host.pairedCounty", "advisers", "members", "achievements", "plan"} {
		if !slices.Contains(paths, p) {
			t.Errorf("no finding at %s for an empty draft", p)
		}
	}
	if slices.Contains(paths, "existingStudio.name") || slices.Contains(paths, "members[1].name") {
		t.Errorf("an empty draft gave findings for optional or unused fields: %q", paths)
	}
}

func TestFindingString(t *testing.T) {
	f := Finding{Path: "host.years", Severity: Error, Message: "太少。"}
	if f.String() != "错误 host.years: 太少。" || Warning.String() != "提醒" {
		t.Errorf("String = %q", f.String())
	}
	if HasErrors([]Finding{{Severity: Warning}}) || !HasErrors([]Finding{{Severity: Warning}, {Severity: Error}}) || HasErrors(nil) {
		t.Error("HasErrors")
	}
}

func TestDisplay(t *testing.T) {
	host, _ := Default().Block("host")
	field := func(key string) Field {
		for _, f := range host.Fields {
			if f.Key == key {
				return f
			}
		}
		t.Fatalf("no host.%s", key)
		return Field{}
	}
	mobile := Field{Kind: Mobile}
	for _, tc := range []struct {
		f        Field
		in, want string
	}{
		{field("birth"), "1985年3月", "1985.03"},
		{field("birth"), "１９８５．０３", "1985.03"},
		{field("birth"), "1985-3-12", "1985.03"},
		{field("birth"), " 1985-13 ", "1985-13"},
		{field("years"), "５年", "5"},
		{field("years"), "012", "12"},
		{field("years"), "5.5", "5.5"},
		{field("years"), "-5", "-5"},
		{field("phone"), "－0772－2822733", "－0772－2822733"},
		{mobile, "138 1234 5678", "13812345678"},
		{mobile, "+86 138-1234-5678", "13812345678"},
		{mobile, "１３８１２３４５６７８", "13812345678"},
		{field("phone"), "(0772)2822733", "0772-2822733"},
		{field("phone"), "0772 282 2733", "0772-2822733"},
		{field("phone"), "2822733", "2822733"},
		{field("phone"), "138 1234 5678", "13812345678"},
		{field("phone"), " 办公室 ", "办公室"},
		{field("name"), "  覃 晓岚 ", "覃 晓岚"},
	} {
		if got := Display(tc.f, tc.in); got != tc.want {
			t.Errorf("Display(%v, %q) = %q, want %q", tc.f.Kind, tc.in, got, tc.want)
		}
	}
}

// FuzzCheckValue puts one string in every field and checks the draft: never a panic, and
// every finding well formed.
func FuzzCheckValue(f *testing.F) {
	for _, s := range []string{"0", "(", "()", "+86", "1985.", "年月", "０７７２", "\xff", "5年", "-", "(0)", "0772-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New(Default())
		for _, b := range Default().Blocks {
			for _, fl := range b.Fields {
				if fl.Kind != Picture && b.Kind != OpinionBlock {
					d.Set(Path(b, fl, 1), s)
					Display(fl, s)
				}
			}
		}
		d.Photo = &Photo{Data: s}
		for _, fd := range CheckAt(d, checkDay, photo.StoredSize) {
			if fd.Path == "" || fd.Message == "" {
				t.Errorf("malformed finding %q", fd)
			}
		}
		CountWords(s)
	})
}

func TestClip(t *testing.T) {
	f := Field{Kind: Text, MaxChars: 3}
	for _, tc := range []struct {
		in, want string
		cut      bool
	}{
		{"", "", false},
		{"覃晓岚", "覃晓岚", false},
		{"覃晓岚a", "覃晓岚", true},
		{"abcdef", "abc", true},
	} {
		if got, cut := Clip(f, tc.in); got != tc.want || cut != tc.cut {
			t.Errorf("Clip(%q) = %q %v, want %q %v", tc.in, got, cut, tc.want, tc.cut)
		}
	}
}

func TestClipToLimits(t *testing.T) {
	d := Sample(Default())
	d.Set("plan", strings.Repeat("a", MaxCharsLong+5))
	d.Set("members[2].unit", strings.Repeat("学", MaxCharsLine+1))
	cut := d.ClipToLimits()
	if len(cut) != 2 || d.CheckLimits() != nil {
		t.Fatalf("cut %v, then %v", cut, d.CheckLimits())
	}
	if n := len([]rune(d.Get("members[2].unit"))); n != MaxCharsLine {
		t.Errorf("unit has %d characters", n)
	}
	if again := d.ClipToLimits(); len(again) != 0 {
		t.Errorf("cut again: %v", again)
	}
}

// The bureau's form asks for every cell of the host rows: the definition says so.
func TestHostRequired(t *testing.T) {
	host, _ := Default().Block("host")
	for _, key := range strings.Fields("name gender birth photo partyMember title post years research phone unit pairedCounty") {
		if !host.Field(key).Required {
			t.Errorf("host.%s is not required", key)
		}
	}
}

// An empty choice, a list or boxes (正常 □ 破格 □), is asked to be chosen, not written in.
func TestEmptyChoiceIsChosen(t *testing.T) {
	every, err := ParseDefinition(mustRead(t, "testdata/defs/every-kind.toml"), "every-kind.toml")
	if err != nil {
		t.Fatal(err)
	}
	defs, _ := Shipped()
	for _, def := range append(slices.Clone(defs), every) {
		for _, f := range CheckAt(New(def), checkDay, nil) {
			b, field, ok := def.Field(strings.Split(f.Path, "[")[0])
			if !ok || b.Kind != FieldsBlock || !strings.HasPrefix(f.Message, "请") {
				continue
			}
			choice := field.Kind == Choice || field.Kind == BoxChoice
			if choice != strings.HasPrefix(f.Message, "请选择") {
				t.Errorf("%s %s (%v): %s", def.ID, f.Path, field.Kind, f.Message)
			}
		}
	}
}
