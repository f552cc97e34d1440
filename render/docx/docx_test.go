package docx

import (
	"archive/zip"
	"bytes"
	"path"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"shenbao/forms"
	"shenbao/render"
)

func TestPartsWellFormed(t *testing.T) {
	for name, d := range hardDrafts() {
		for _, draft := range []bool{false, true} {
			parts := unzip(t, export(t, d, Options{Draft: draft, Author: "覃<晓>岚", Creator: "shenbao & co", Created: fixedTime}))
			for _, p := range parts {
				if !isXMLPart(p.name) {
					continue
				}
				if err := wellFormed(p.data); err != nil {
					t.Errorf("%s (draft %v): %s: %v", name, draft, p.name, err)
				}
				if !utf8.Valid(p.data) {
					t.Errorf("%s: %s is not UTF-8", name, p.name)
				}
			}
		}
	}
}

// TestPackageComplete: [Content_Types].xml comes first and names every part, every
// relationship points at a part that exists, and every part but the package's own
// bookkeeping is reached by a relationship.
func TestPackageComplete(t *testing.T) {
	for name, d := range hardDrafts() {
		parts := unzip(t, export(t, d, Options{Draft: true}))
		if parts[0].name != "[Content_Types].xml" {
			t.Errorf("%s: first entry %s", name, parts[0].name)
		}
		m := partMap(parts)
		types := parseTree(t, m["[Content_Types].xml"])
		defaults, overrides := map[string]bool{}, map[string]bool{}
		for _, n := range types.all("Default") {
			defaults[n.attrs["Extension"]] = true
		}
		for _, n := range types.all("Override") {
			overrides[strings.TrimPrefix(n.attrs["PartName"], "/")] = true
			if _, ok := m[strings.TrimPrefix(n.attrs["PartName"], "/")]; !ok {
				t.Errorf("%s: content type for missing part %s", name, n.attrs["PartName"])
			}
		}
		reached := map[string]bool{}
		for _, p := range parts {
			if p.name == "[Content_Types].xml" {
				continue
			}
			ext := p.name[strings.LastIndexByte(p.name, '.')+1:]
			if !overrides[p.name] && !defaults[ext] {
				t.Errorf("%s: %s has no content type", name, p.name)
			}
			if !strings.HasSuffix(p.name, ".rels") {
				continue
			}
			// word/_rels/document.xml.rels describes word/document.xml; targets are relative
			// to word/.
			base := path.Dir(path.Dir(p.name))
			for _, r := range parseTree(t, p.data).all("Relationship") {
				target := path.Join(base, r.attrs["Target"])
				if _, ok := m[target]; !ok {
					t.Errorf("%s: %s: relationship %s to missing %s", name, p.name, r.attrs["Id"], target)
				}
				reached[target] = true
			}
		}
		for _, p := range parts {
			if p.name != "[Content_Types].xml" && !strings.HasSuffix(p.name, ".rels") && !reached[p.name] {
				t.Errorf("%s: no relationship reaches %s", name, p.name)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	for name, d := range hardDrafts() {
		opt := Options{Draft: true, Author: "覃晓岚", Creator: "shenbao 0.1.0", Created: fixedTime}
		a, b := export(t, d, opt), export(t, d.Clone(), opt)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two writes differ", name)
		}
	}
	d := forms.Sample(forms.Default())
	a := export(t, d, Options{Created: fixedTime})
	b := export(t, d, Options{Created: fixedTime.Add(3600e9)})
	if bytes.Equal(a, b) {
		t.Error("the creation time does not reach the file")
	}
	if !bytes.Equal(export(t, d, Options{}), export(t, d, Options{})) {
		t.Error("writes without a time differ")
	}
	zr, _ := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	for _, f := range zr.File {
		if f.Modified.Unix() != fixedTime.Unix() {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, fixedTime)
		}
	}
}

func documentTree(t testing.TB, d *forms.Draft, opt Options) (*node, map[string][]byte) {
	t.Helper()
	m := partMap(unzip(t, export(t, d, opt)))
	return parseTree(t, m["word/document.xml"]), m
}

// TestTableGeometry: fixed-layout tables on render's grid (the form's table, the person
// tables apart so their heading rows can repeat); every row covers the grid exactly and
// every cell's width is the sum of the grid columns it spans.
func TestTableGeometry(t *testing.T) {
	for name, d := range hardDrafts() {
		tb, _, err := render.Paginate(d, render.Options{})
		if err != nil {
			t.Fatal(err)
		}
		grid := tb.GridTwips()
		breaks := 0 // rows the PDF moves to a new page start a table after a page break
		for _, r := range tb.Rows {
			if r.Break {
				breaks++
			}
		}
		doc, _ := documentTree(t, d, Options{})
		tbls := doc.all("w:tbl")
		if len(tbls) < 4 || len(tbls) > 4+breaks {
			t.Fatalf("%s: %d tables, want 4 (the form, each person table, the rest) and up to %d after page breaks", name, len(tbls), breaks)
		}
		if n := len(doc.all("w:pageBreakBefore")); n != breaks {
			t.Errorf("%s: %d page breaks, the PDF moves %d rows to a new page", name, n, breaks)
		}
		for _, tbl := range tbls {
			if l := tbl.child("w:tblPr").child("w:tblLayout"); l == nil || l.attrs["w:type"] != "fixed" {
				t.Errorf("%s: table layout not fixed", name)
			}
			var cols []int
			for _, c := range tbl.child("w:tblGrid").children {
				w, _ := strconv.Atoi(c.attrs["w:w"])
				cols = append(cols, w)
			}
			if !slices.Equal(cols, grid) {
				t.Errorf("%s: tblGrid %v, render's grid %v", name, cols, grid)
			}
			for i, tr := range tbl.all("w:tr") {
				col := 0
				for _, tc := range tr.all("w:tc") {
					pr := tc.child("w:tcPr")
					span := 1
					if gs := pr.child("w:gridSpan"); gs != nil {
						span, _ = strconv.Atoi(gs.attrs["w:val"])
					}
					tcw := pr.child("w:tcW")
					if tcw == nil || tcw.attrs["w:type"] != "dxa" {
						t.Fatalf("%s: row %d: a cell without tcW in twips", name, i)
					}
					want := 0
					for _, w := range grid[col:min(col+span, len(grid))] {
						want += w
					}
					if got, _ := strconv.Atoi(tcw.attrs["w:w"]); got != want {
						t.Errorf("%s: row %d: cell at column %d is %d twips wide, its columns %d", name, i, col, got, want)
					}
					col += span
				}
				if col != len(grid) {
					t.Errorf("%s: row %d covers %d of %d grid columns", name, i, col, len(grid))
				}
			}
		}
	}
}

func TestPageSetup(t *testing.T) {
	doc, _ := documentTree(t, forms.Sample(forms.Default()), Options{})
	sect := doc.all("w:sectPr")[0]
	pg, mar := sect.child("w:pgSz"), sect.child("w:pgMar")
	want := map[string]int{"w:w": 11906, "w:h": 16838}
	for k, v := range want {
		if got, _ := strconv.Atoi(pg.attrs[k]); got != v {
			t.Errorf("page %s = %d, want %d (A4)", k, got, v)
		}
	}
	for k, v := range map[string]float64{"w:top": render.MarginTop, "w:bottom": render.MarginBottom, "w:left": render.MarginLeft, "w:right": render.MarginRight} {
		if got, _ := strconv.Atoi(mar.attrs[k]); got != render.Twips(v) {
			t.Errorf("margin %s = %d, want %d", k, got, render.Twips(v))
		}
	}
}

func TestPhoto(t *testing.T) {
	tests := []struct {
		name        string
		d           *forms.Draft
		media       string
		srcRect     bool
		wantPicture bool
	}{
		{"sample", forms.Sample(forms.Default()), "word/media/photo.jpeg", false, true},
		{"wide png", widePNGPhoto(), "word/media/photo.png", true, true},
		{"no photo", forms.New(forms.Default()), "", false, false},
		{"broken", brokenPhoto(), "", false, false},
	}
	for _, tt := range tests {
		doc, m := documentTree(t, tt.d, Options{})
		inl := doc.all("wp:inline")
		if got := len(inl) == 1; got != tt.wantPicture {
			t.Fatalf("%s: %d pictures", tt.name, len(inl))
		}
		var media []string
		for k := range m {
			if strings.HasPrefix(k, "word/media/") {
				media = append(media, k)
			}
		}
		if tt.media == "" {
			if len(media) != 0 {
				t.Errorf("%s: media %v without a picture", tt.name, media)
			}
			if !strings.Contains(doc.texts(), "近期\n1寸照片") {
				t.Errorf("%s: the empty photo cell lacks its label", tt.name)
			}
			continue
		}
		if !slices.Equal(media, []string{tt.media}) {
			t.Errorf("%s: media %v, want %s", tt.name, media, tt.media)
		}
		ext := inl[0].child("wp:extent")
		if ext.attrs["cx"] != "900000" || ext.attrs["cy"] != "1260000" {
			t.Errorf("%s: photo extent %s × %s EMU, want 900000 × 1260000 (25 × 35 mm)", tt.name, ext.attrs["cx"], ext.attrs["cy"])
		}
		aext := inl[0].all("a:ext")[0]
		if aext.attrs["cx"] != "900000" || aext.attrs["cy"] != "1260000" {
			t.Errorf("%s: picture shape %v", tt.name, aext.attrs)
		}
		if got := len(inl[0].all("a:srcRect")) == 1; got != tt.srcRect {
			t.Errorf("%s: crop %v, want %v", tt.name, got, tt.srcRect)
		}
	}
	// The photo cell spans the three host rows.
	doc, _ := documentTree(t, forms.Sample(forms.Default()), Options{})
	var merges []string
	for _, tr := range doc.all("w:tr")[:4] {
		for _, v := range tr.all("w:vMerge") {
			merges = append(merges, v.attrs["w:val"])
		}
	}
	if !slices.Equal(merges, []string{"restart", "", ""}) {
		t.Errorf("vertical merges %q, want restart and two continues", merges)
	}
}

// The .docx crops the photo as the PDF prints it (render's 5:7 crop), in 1/1000 % of a side.
func TestCentreCrop(t *testing.T) {
	tests := []struct{ w, h, side, top int }{
		{354, 496, 0, 0},     // 5:7 already (within a pixel)
		{600, 300, 32142, 0}, // wide: keep 5/14 of the width
		{100, 400, 0, 32500}, // tall: keep 7/20 of the height
		{500, 700, 0, 0},
	}
	for _, tt := range tests {
		d := forms.New(forms.Default())
		d.Photo = pngPhoto(t, tt.w, tt.h)
		tb, err := render.BuildTable(d)
		if err != nil {
			t.Fatal(err)
		}
		p := loadPhoto(tb)
		if p == nil {
			t.Fatalf("%d×%d: no photo", tt.w, tt.h)
		}
		if abs(p.cropL-tt.side) > 300 || abs(p.cropT-tt.top) > 300 {
			t.Errorf("%d×%d: crop %d, %d; want about %d, %d", tt.w, tt.h, p.cropL, p.cropT, tt.side, tt.top)
		}
	}
}

func abs(i int) int { return max(i, -i) }

// personRows returns the data rows (序号, values…) of table b, found under its heading.
func personRows(doc *node, b forms.Block) [][]string {
	var rows [][]string
	in := false
	n := len(b.Fields) + 1
	for _, tr := range doc.all("w:tr") {
		var cells []string
		for _, tc := range tr.all("w:tc") {
			cells = append(cells, strings.TrimSuffix(tc.texts(), "\n"))
		}
		switch {
		case len(cells) == 1:
			in = cells[0] == b.Label
		case in && len(cells) == n && squeeze(cells[0]) != render.SerialLabel:
			rows = append(rows, cells)
		case len(cells) != n:
			in = false
		}
	}
	return rows
}

func TestPersonRows(t *testing.T) {
	adv, _ := forms.Default().Block("advisers")
	mem, _ := forms.Default().Block("members")
	tests := []struct {
		name             string
		d                *forms.Draft
		advisers, member int
	}{
		{"blank", forms.New(forms.Default()), 2, 5},
		{"sample", forms.Sample(forms.Default()), 2, 5},
		{"more", moreRows(), 3, 7},
	}
	for _, tt := range tests {
		doc, _ := documentTree(t, tt.d, Options{})
		for _, c := range []struct {
			b    forms.Block
			want int
		}{{adv, tt.advisers}, {mem, tt.member}} {
			rows := personRows(doc, c.b)
			if len(rows) != c.want {
				t.Errorf("%s: %s has %d rows, want %d", tt.name, c.b.Label, len(rows), c.want)
				continue
			}
			filled := tt.d.FilledRows(c.b)
			for i, row := range rows {
				if row[0] != strconv.Itoa(i+1) {
					t.Errorf("%s: %s row %d numbered %q", tt.name, c.b.Label, i+1, row[0])
				}
				for j, f := range c.b.Fields {
					want := ""
					if i < len(filled) {
						want = forms.Display(f, tt.d.Value(c.b, f, filled[i]))
					}
					if row[j+1] != want {
						t.Errorf("%s: %s row %d %s = %q, want %q", tt.name, c.b.Label, i+1, f.Label, row[j+1], want)
					}
				}
			}
		}
	}
}

// TestOpinionRows: the three boxes are at least 50 mm high, never split, and end with the
// stamp and date lines at the right.
func TestOpinionRows(t *testing.T) {
	for name, d := range hardDrafts() {
		doc, _ := documentTree(t, d, Options{})
		n := 0
		for _, tr := range doc.all("w:tr") {
			text := tr.texts()
			if !strings.Contains(text, forms.Default().Stamp) {
				continue
			}
			n++
			pr := tr.child("w:trPr")
			h := pr.child("w:trHeight")
			if pr.child("w:cantSplit") == nil || h == nil || h.attrs["w:hRule"] != "atLeast" {
				t.Fatalf("%s: opinion row %d may split or has no least height", name, n)
			}
			if v, _ := strconv.Atoi(h.attrs["w:val"]); v < render.Twips(render.MM(50)) {
				t.Errorf("%s: opinion row %d is %d twips, under 50 mm", name, n, v)
			}
			ps := tr.all("w:tc")[1].all("w:p")
			last2 := ps[len(ps)-2:]
			if strings.TrimSpace(last2[0].texts()) != forms.Default().Stamp || strings.TrimSpace(last2[1].texts()) != forms.Default().Date {
				t.Errorf("%s: opinion row %d ends with %q", name, n, tr.texts())
			}
			for _, p := range last2 {
				if jc := p.child("w:pPr").child("w:jc"); jc == nil || jc.attrs["w:val"] != "right" {
					t.Errorf("%s: opinion row %d: stamp lines not right-aligned", name, n)
				}
			}
		}
		if n != 3 {
			t.Errorf("%s: %d opinion rows, want 3", name, n)
		}
	}
}

// TestFontsAndSizes: 宋体 and Times New Roman with zh-CN, 五号 by default, the title 小二
// bold, long texts 小四 at 1.5 lines with a 2-character first-line indent.
func TestFontsAndSizes(t *testing.T) {
	doc, m := documentTree(t, forms.Sample(forms.Default()), Options{})
	styles := parseTree(t, m["word/styles.xml"])
	rpr := styles.all("w:rPrDefault")[0].child("w:rPr")
	f := rpr.child("w:rFonts")
	if f.attrs["w:eastAsia"] != "宋体" || f.attrs["w:ascii"] != "Times New Roman" || f.attrs["w:hAnsi"] != "Times New Roman" {
		t.Errorf("default fonts %v", f.attrs)
	}
	if rpr.child("w:lang").attrs["w:eastAsia"] != "zh-CN" {
		t.Error("default language is not zh-CN")
	}
	if rpr.child("w:sz").attrs["w:val"] != "21" {
		t.Errorf("default size %s, want 21 (五号)", rpr.child("w:sz").attrs["w:val"])
	}
	style := func(id string) *node {
		for _, s := range styles.all("w:style") {
			if s.attrs["w:styleId"] == id {
				return s
			}
		}
		t.Fatalf("no style %s", id)
		return nil
	}
	title := style(styleTitle)
	if title.child("w:rPr").child("w:sz").attrs["w:val"] != "36" || title.child("w:rPr").child("w:b") == nil {
		t.Error("title is not 小二 bold")
	}
	if title.child("w:pPr").child("w:jc").attrs["w:val"] != "center" {
		t.Error("title not centred")
	}
	long := style(styleLong)
	if long.child("w:rPr").child("w:sz").attrs["w:val"] != "24" {
		t.Error("long text is not 小四")
	}
	sp, ind := long.child("w:pPr").child("w:spacing"), long.child("w:pPr").child("w:ind")
	pitch := strconv.Itoa(render.Twips(render.LineHeight(render.LongSize, render.LongSpacing)))
	if sp.attrs["w:line"] != pitch || sp.attrs["w:lineRule"] != "exact" || ind.attrs["w:firstLineChars"] != "200" {
		t.Errorf("long text spacing %v indent %v", sp.attrs, ind.attrs)
	}
	// The title paragraph and the long texts use these styles.
	ps := doc.all("w:p")
	if ps[0].child("w:pPr").child("w:pStyle").attrs["w:val"] != styleTitle || strings.TrimSpace(ps[0].texts()) != forms.Default().Title {
		t.Errorf("first paragraph %q is not the title", ps[0].texts())
	}
	plan := render.Paragraphs(forms.Sample(forms.Default()).Get("plan"))
	nLong := 0
	for _, p := range ps {
		pPr := p.child("w:pPr")
		if st := pPr.child("w:pStyle"); st != nil && st.attrs["w:val"] == styleLong {
			nLong++
		}
	}
	if want := len(plan) + len(render.Paragraphs(forms.Sample(forms.Default()).Get("achievements"))); nLong != want {
		t.Errorf("%d long-text paragraphs, want %d (one per typed paragraph)", nLong, want)
	}
}

// TestTextInOrder: the document's text holds every label and value of the form, in order.
func TestTextInOrder(t *testing.T) {
	for _, name := range []string{"sample", "blank", "threeRows", "allLong"} {
		d := hardDrafts()[name]
		doc, _ := documentTree(t, d, Options{})
		text := doc.texts()
		if missing := findInOrder(text, expectedText(d)); missing != "" {
			t.Errorf("%s: %q missing or out of order", name, missing)
		}
	}
}

// expectedText is every label and value the form prints, in reading order. Long texts
// contribute each paragraph.
func expectedText(d *forms.Draft) []string {
	want := []string{forms.Default().Title}
	for _, b := range forms.Default().Blocks {
		switch b.Kind {
		case forms.FieldsBlock:
			if b.Grid() {
				for _, f := range b.Fields {
					switch {
					case f.Kind != forms.Picture:
						want = append(want, f.Label, forms.Display(f, d.Value(b, f, 0)))
					case d.Photo == nil || photoOf(d) == nil:
						want = append(want, f.Label)
					}
				}
				continue
			}
			want = append(want, b.Label)
			for _, f := range b.Fields {
				want = append(want, f.Label, forms.Display(f, d.Value(b, f, 0)))
			}
		case forms.TableBlock:
			want = append(want, b.Label, render.SerialLabel)
			for _, f := range b.Fields {
				want = append(want, f.Label)
			}
			for i, r := range d.FilledRows(b) {
				want = append(want, strconv.Itoa(i+1))
				for _, f := range b.Fields {
					want = append(want, forms.Display(f, d.Value(b, f, r)))
				}
			}
		case forms.TextBlock:
			want = append(want, b.Label, b.Hint)
			want = append(want, render.Paragraphs(d.Value(b, b.Fields[0], 0))...)
		case forms.OpinionBlock:
			want = append(want, b.Label, b.Sub, forms.Default().Stamp, forms.Default().Date)
		}
	}
	return want
}

// findInOrder looks for each piece after the previous one, ignoring white space (lines wrap
// and labels break inside cells); it returns the first piece not found.
func findInOrder(text string, pieces []string) string {
	text = squeeze(text)
	at := 0
	for _, p := range pieces {
		sp := squeeze(p)
		if sp == "" {
			continue
		}
		i := strings.Index(text[at:], sp)
		if i < 0 {
			return p
		}
		at += i + len(sp)
	}
	return ""
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\t' || r == '\u3000' || r == '\r' || r == '\f' {
			return -1
		}
		return r
	}, s)
}

// TestSpecialCharacters: markup survives as text, and nothing XML cannot hold reaches the file.
func TestSpecialCharacters(t *testing.T) {
	d := specialChars()
	_, m := documentTree(t, d, Options{Author: "a\x00b<", Creator: "c\x1f&"})
	for name, data := range m {
		if !isXMLPart(name) {
			continue
		}
		for i, r := range string(data) {
			if !xmlChar(r) {
				t.Errorf("%s: U+%04X at byte %d", name, r, i)
				break
			}
		}
	}
	doc := parseTree(t, m["word/document.xml"])
	text := doc.texts()
	for _, want := range []string{`<b>&amp;</b> "引号" 'x' a&b <![CDATA[x]]> ]]>`, "😀 𠀀", "第二段", "第三段", "缩进的第四段"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	if strings.ContainsAny(text, "\x00\x01\x08\x0b\x0c\x1b\x7f\u0085\ufffe\uffff") {
		t.Error("control characters or non-characters reached the text")
	}
	if !strings.Contains(text, "\uFFFD") {
		t.Error("invalid UTF-8 was not replaced by U+FFFD")
	}
}

func TestEscapeAndClean(t *testing.T) {
	tests := []struct{ in, escaped, clean string }{
		{"a<b>&\"'", "a&lt;b&gt;&amp;&quot;&apos;", "a<b>&\"'"},
		{"\x00x\x1fy\x7fz\u0085", "xyz", "xyz"},
		{"line\r\nnext\rlast", "line&#13;&#10;next&#13;last", "line\nnext\nlast"},
		{"\xff宋", "\uFFFD宋", "\uFFFD宋"},
		{"\ufffe\uffff\U0001F600", "\U0001F600", "\U0001F600"},
	}
	for _, tt := range tests {
		if got := escaped(tt.in); got != tt.escaped {
			t.Errorf("escaped(%q) = %q, want %q", tt.in, got, tt.escaped)
		}
		if got := cleanText(tt.in); got != tt.clean {
			t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.clean)
		}
	}
}

func TestFooterPageFields(t *testing.T) {
	_, m := documentTree(t, forms.Sample(forms.Default()), Options{})
	ftr := parseTree(t, m["word/footer1.xml"])
	var instr []string
	for _, n := range ftr.all("w:instrText") {
		instr = append(instr, strings.Fields(n.text)[0])
	}
	if !slices.Equal(instr, []string{"PAGE", "NUMPAGES"}) {
		t.Errorf("footer fields %v", instr)
	}
	if got := squeeze(ftr.texts()); got != "第1页共1页" {
		t.Errorf("footer reads %q", got)
	}
}

func TestDraftMark(t *testing.T) {
	for _, draft := range []bool{false, true} {
		doc, m := documentTree(t, forms.Sample(forms.Default()), Options{Draft: draft})
		hdr, ok := m["word/header1.xml"]
		refs := doc.all("w:headerReference")
		if ok != draft || (len(refs) == 1) != draft {
			t.Fatalf("draft %v: header part %v, references %d", draft, ok, len(refs))
		}
		if draft && bytes.Count(hdr, []byte(DraftMark)) != 2 {
			t.Errorf("header lacks the mark twice (watermark and text): %s", hdr)
		}
	}
}

func TestProperties(t *testing.T) {
	_, m := documentTree(t, forms.Sample(forms.Default()), Options{Author: "覃晓岚", Creator: "shenbao 0.1.0", Created: fixedTime})
	core, app := string(m["docProps/core.xml"]), string(m["docProps/app.xml"])
	for _, want := range []string{"<dc:creator>覃晓岚</dc:creator>", `<dcterms:created xsi:type="dcterms:W3CDTF">2024-07-20T09:30:00Z</dcterms:created>`, "柳州市第二十九中学-覃晓岚</dc:title>"} {
		if !strings.Contains(core, want) {
			t.Errorf("core.xml lacks %s", want)
		}
	}
	if !strings.Contains(app, "<Application>shenbao 0.1.0</Application>") {
		t.Errorf("app.xml: %s", app)
	}
	_, m = documentTree(t, forms.New(forms.Default()), Options{})
	if strings.Contains(string(m["docProps/core.xml"]), "dcterms:") && strings.Contains(string(m["docProps/core.xml"]), "created>") {
		t.Error("a zero time still writes a creation date")
	}
}

// TestSize: the sample is at most 100 KB besides its photo.
func TestSize(t *testing.T) {
	d := forms.Sample(forms.Default())
	photo, _ := forms.PhotoBytes(d.Photo)
	out := export(t, d, Options{Created: fixedTime})
	rest := len(out) - len(photo)
	t.Logf("sample .docx: %d bytes (%d without the %d-byte photo)", len(out), rest, len(photo))
	if rest > 100<<10 {
		t.Errorf("%d bytes besides the photo, want ≤ 100 KB", rest)
	}
}

func BenchmarkExportDOCX(b *testing.B) {
	d := forms.Sample(forms.Default())
	opt := Options{Creator: "shenbao", Created: fixedTime}
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := Write(&buf, d, opt); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/file")
}

// FuzzDocx: whatever the draft holds, every XML part is well formed and holds only
// characters XML allows.
func FuzzDocx(f *testing.F) {
	// Small seeds: the fuzzer minimises every new input, and minimising the 40 KB sample (its
	// photo and texts) stalls it for many seconds.
	f.Add(smallDraft().Marshal(), "覃晓岚", "第一段\n第二段", uint8(3), true)
	f.Add([]byte(`{"format":"liuzhou-mbzr-shenbao","version":1}`), "<&>\"'\x00\x1b", "\r\n\t]]>\xff", uint8(0), false)
	f.Add([]byte("not json"), "\ufffe\U0001F600", "字字\n\n\u3000缩进\r\n", uint8(9), true)
	f.Add([]byte(`{"format":"liuzhou-mbzr-shenbao","version":1,"host":{"name":"<x>","photo":{"mime":"image/png","data":"iVBORw0KGgo="}},"advisers":[{},{},{"name":"\u0000"}]}`), "", "", uint8(1), false)
	f.Fuzz(func(t *testing.T, draftJSON []byte, s, long string, rows uint8, draft bool) {
		d, err := forms.Parse(draftJSON)
		if err != nil {
			d = forms.New(forms.Default())
		}
		for i, b := range forms.Default().Blocks {
			for j, fl := range b.Fields {
				if (i+j)%3 != int(rows)%3 {
					continue // leave some fields as parsed
				}
				v := s
				if fl.Kind == forms.LongText {
					v = long
				}
				if b.Kind == forms.TableBlock {
					d.Set(forms.Path(b, fl, 1+int(rows)%9), v)
				} else if fl.Kind != forms.Picture {
					d.Set(forms.Path(b, fl, 0), v)
				}
			}
		}
		// The parts, not the zip: zipping cannot make XML malformed, and skipping the deflate
		// and inflate makes each run several times faster.
		parts, err := buildParts(d, Options{Draft: draft, Author: s, Creator: s})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if !isXMLPart(p.name) {
				continue
			}
			if err := wellFormed(p.data); err != nil {
				t.Fatalf("%s: %v", p.name, err)
			}
			for _, r := range string(p.data) {
				if !xmlChar(r) {
					t.Fatalf("%s: U+%04X", p.name, r)
				}
			}
		}
	})
}

// TestTallRowsMaySplit: rows of short values stay whole, except one taller than a page
// would be (Word cuts such a row off rather than split it).
func TestTallRowsMaySplit(t *testing.T) {
	rowsKept := func(d *forms.Draft) (kept, free int) {
		doc, _ := documentTree(t, d, Options{})
		for _, tr := range doc.all("w:tr")[:4] { // the host rows
			if tr.child("w:trPr").child("w:cantSplit") != nil {
				kept++
			} else {
				free++
			}
		}
		return kept, free
	}
	if kept, free := rowsKept(forms.Sample(forms.Default())); kept != 4 || free != 0 {
		t.Errorf("sample: %d host rows kept whole, %d free; want all 4 whole", kept, free)
	}
	d := forms.Sample(forms.Default())
	d.Set("host.name", strings.Repeat("名", 2000))
	if kept, free := rowsKept(d); kept != 3 || free != 1 {
		t.Errorf("a 2000-character name: %d host rows kept whole, %d free; want its row free", kept, free)
	}
}
