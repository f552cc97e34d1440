package render

import (
	"bytes"
	"encoding/base64"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shenbao/forms"
)

// Drafts that stress the layout. Each must pass every invariant of checkPages.
func testDrafts(t testing.TB) map[string]*forms.Draft {
	t.Helper()
	drafts := map[string]*forms.Draft{
		"sample": forms.Sample(forms.Default()),
		"blank":  forms.New(forms.Default()),
	}

	// 规划 as one 3000-字 paragraph, 业绩 likewise.
	long := forms.Sample(forms.Default())
	long.Set("plan", strings.Repeat("班主任工作室三年规划内容，", 250))
	long.Set("achievements", strings.Repeat("业", 3000))
	drafts["3000 single paragraph"] = long

	// 规划 of short lines only, blank lines between some.
	short := forms.Sample(forms.Default())
	var sb strings.Builder
	for i := 1; i <= 400; i++ {
		fmt.Fprintf(&sb, "第%d条。\n", i)
		if i%7 == 0 {
			sb.WriteString("\n")
		}
	}
	short.Set("plan", sb.String())
	drafts["short lines"] = short

	drafts["longest fields"] = longestDraft()

	// Unprintable characters, printed as □ in a --draft export.
	emoji := forms.Sample(forms.Default())
	emoji.Set("host.name", "王😀")
	emoji.Set("plan", "规划😀内容\x07。")
	emoji.Set("members[2].research", "\U000F0000")
	drafts["emoji"] = emoji

	// More rows than the form prints; a hole in the middle.
	rows := forms.Sample(forms.Default())
	rows.Set("advisers[3].name", "第三位老师")
	rows.Set("members[7].name", "第七位成员")
	drafts["extra rows"] = rows

	nophoto := forms.Sample(forms.Default())
	nophoto.Photo = nil
	drafts["no photo"] = nophoto

	wide := forms.Sample(forms.Default())
	wide.Photo = pngPhoto(t, 600, 300)
	drafts["wide photo"] = wide
	tall := forms.Sample(forms.Default())
	tall.Photo = pngPhoto(t, 100, 400)
	drafts["tall photo"] = tall

	broken := forms.Sample(forms.Default())
	broken.Photo = &forms.Photo{MIME: "image/jpeg", Data: "bm90IGEgcGljdHVyZQ=="}
	drafts["unreadable photo"] = broken

	// Absurd lengths: rows taller than a page must split, never overlap or run off.
	absurd := forms.Sample(forms.Default())
	absurd.Set("host.name", strings.Repeat("名", 600))
	absurd.Set("members[2].unit", strings.Repeat("单位", 700))
	absurd.Set("existingStudio.name", strings.Repeat("工作室", 800))
	absurd.Set("plan", strings.Repeat("W", 5000))
	drafts["absurd"] = absurd
	return drafts
}

// longestDraft has every field at its longest plausible length, and one absurd one.
func longestDraft() *forms.Draft {
	d := forms.Sample(forms.Default())
	d.Set("host.name", "欧阳玉兰花")
	d.Set("host.title", "正高级教师（中学德育）")
	d.Set("host.post", "德育处主任兼年级组长兼团委书记")
	d.Set("host.research", "民族地区寄宿制初中班级自主管理与生涯启蒙教育的实践研究")
	d.Set("host.phone", "0772-28227331")
	d.Set("host.unit", "广西壮族自治区柳州市柳江区拉堡镇第一初级中学附属实验学校")
	d.Set("host.pairedCounty", "三江侗族自治县")
	for _, t := range []string{"advisers", "members"} {
		b, _ := forms.Default().Block(t)
		for r := 1; r <= b.Rows; r++ {
			p := fmt.Sprintf("%s[%d].", t, r)
			d.Set(p+"name", "欧阳玉兰花")
			d.Set(p+"unit", "广西壮族自治区柳州市柳江区拉堡镇第一初级中学附属实验学校")
			d.Set(p+"post", "德育处主任兼年级组长兼团委书记")
			d.Set(p+"title", "正高级教师（中学德育）")
			d.Set(p+"research", "民族地区寄宿制初中班级自主管理与生涯启蒙教育")
			d.Set(p+"mobile", "+86 199 9999 9999")
		}
	}
	d.Set("members[5].research", strings.Repeat("x", 200)) // 200 Latin letters, unbroken
	d.Set("existingStudio.name", "柳州市城中区覃晓岚名班主任网络工作室暨广西壮族自治区中小学班主任工作坊柳州分站")
	d.Set("existingStudio.approvedBy", "广西壮族自治区教育厅、柳州市教育局、柳州市城中区教育局")
	d.Set("achievements", strings.Repeat("近五年来，主持完成市级课题两项，发表论文四篇，获评优秀班主任。\n", 45))
	d.Set("plan", strings.Repeat("一、指导思想\n以立德树人为根本任务，推进班主任专业发展，发挥示范引领作用，带动结对帮扶县区班主任队伍整体提升。\n", 40))
	return d
}

func pngPhoto(t testing.TB, w, h int) *forms.Photo {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return &forms.Photo{MIME: "image/png", Data: base64.StdEncoding.EncodeToString(buf.Bytes())}
}

func layoutOf(t testing.TB, d *forms.Draft, draft bool) []Page {
	t.Helper()
	pages, err := Layout(d, Options{Draft: draft})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func TestLayoutInvariants(t *testing.T) {
	for name, d := range testDrafts(t) {
		t.Run(name, func(t *testing.T) {
			pages := layoutOf(t, d, name == "emoji")
			checkPages(t, pages)
			checkStampBoxes(t, pages)
			checkLabelsInOrder(t, d, pages)
			checkValuesPresent(t, d, pages)
			checkPhoto(t, d, pages)
			checkFooters(t, pages)
			checkCellsApart(t, pages)
			checkRowsStartLeft(t, pages)
		})
	}
}

const tol = 0.01

func overlap(a, b Box) bool {
	ax0, ay0, ax1, ay1 := a.Rect()
	bx0, by0, bx1, by1 := b.Rect()
	return math.Min(ax1, bx1)-math.Max(ax0, bx0) > tol && math.Min(ay1, by1)-math.Max(ay0, by0) > tol
}

func inside(inner Box, x0, y0, x1, y1 float64) bool {
	ix0, iy0, ix1, iy1 := inner.Rect()
	return ix0 >= x0-tol && iy0 >= y0-tol && ix1 <= x1+tol && iy1 <= y1+tol
}

// checkPages: every text and image inside its cell's padding, nothing overlapping, cells
// within the body, every page A4.
func checkPages(t *testing.T, pages []Page) {
	t.Helper()
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for pi, p := range pages {
		if math.Abs(p.Width-595.276) > 0.01 || math.Abs(p.Height-841.89) > 0.01 {
			t.Errorf("page %d is %.2f × %.2f, not A4", pi+1, p.Width, p.Height)
		}
		var texts, cells []Box
		for bi, b := range p.Boxes {
			switch b.Kind {
			case CellBox:
				if !inside(b, MarginLeft, MarginTop, MarginLeft+TextWidth, BodyBottom) {
					t.Errorf("page %d: cell %d (%.1f,%.1f %.1f×%.1f) outside the body", pi+1, bi, b.X, b.Y, b.W, b.H)
				}
				cells = append(cells, b)
			case TextBox, ImageBox:
				if b.Kind == TextBox {
					texts = append(texts, b)
				}
				if b.Cell < 0 {
					if !inside(b, 0, 0, p.Width, p.Height) {
						t.Errorf("page %d: %q off the page", pi+1, b.Text)
					}
					continue
				}
				c := p.Boxes[b.Cell]
				if c.Kind != CellBox {
					t.Fatalf("page %d: box %d's cell %d is not a cell", pi+1, bi, b.Cell)
				}
				padX, padY := PadX, PadY
				if b.Kind == ImageBox {
					padX, padY = MM(1), MM(1)
				}
				if !inside(b, c.X+padX, c.Y+padY, c.X+c.W-padX, c.Y+c.H-padY) {
					t.Errorf("page %d: %q (%.2f,%.2f %.2f×%.2f) crosses its cell (%.2f,%.2f %.2f×%.2f)",
						pi+1, b.Text, b.X, b.Y, b.W, b.H, c.X, c.Y, c.W, c.H)
				}
			case WatermarkBox:
				if b.Text != DraftMark {
					t.Errorf("watermark %q", b.Text)
				}
			}
		}
		for i := range texts {
			for j := i + 1; j < len(texts); j++ {
				if overlap(texts[i], texts[j]) {
					t.Errorf("page %d: %q and %q overlap", pi+1, texts[i].Text, texts[j].Text)
				}
			}
		}
		for i := range cells {
			for j := i + 1; j < len(cells); j++ {
				if overlap(cells[i], cells[j]) {
					t.Errorf("page %d: cells at (%.1f,%.1f) and (%.1f,%.1f) overlap", pi+1,
						cells[i].X, cells[i].Y, cells[j].X, cells[j].Y)
				}
			}
		}
	}
}

// checkStampBoxes: three opinion boxes, each whole on one page, with at least 50 mm clear
// above （盖  章） and 年  月  日 below it at the lower right.
func checkStampBoxes(t *testing.T, pages []Page) {
	t.Helper()
	stamps := 0
	for pi, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != TextBox || b.Text != forms.Default().Stamp {
				continue
			}
			stamps++
			c := p.Boxes[b.Cell]
			clearTop := c.Y + PadY
			var date *Box
			for k, o := range p.Boxes {
				if o.Kind != TextBox || o.Cell != b.Cell || o.Text == forms.Default().Stamp {
					continue
				}
				switch {
				case o.Text == forms.Default().Date:
					date = &p.Boxes[k]
				case o.Y+o.H <= b.Y:
					clearTop = math.Max(clearTop, o.Y+o.H)
				default:
					t.Errorf("page %d: %q beside or below the stamp line", pi+1, o.Text)
				}
			}
			if clear := b.Y - clearTop; clear < MM(50)-tol {
				t.Errorf("page %d: only %.1f mm clear above %s", pi+1, PtToMM(clear), forms.Default().Stamp)
			}
			if date == nil || date.Y < b.Y+b.H || date.X+date.W < c.X+c.W/2 {
				t.Errorf("page %d: no %s below the stamp at the right", pi+1, forms.Default().Date)
			}
			if b.X < c.X+c.W/2 {
				t.Errorf("page %d: stamp not at the right", pi+1)
			}
		}
	}
	if stamps != 3 {
		t.Errorf("%d stamp lines, want 3", stamps)
	}
}

// allText is every text of the pages in drawing order, without white space.
func allText(pages []Page) string {
	var sb strings.Builder
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox {
				sb.WriteString(b.Text)
			}
		}
	}
	return stripSpace(sb.String())
}

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '\n' || r == '\t' {
			return -1
		}
		return r
	}, s)
}

// expectedLabels is the fixed text of the form in printed order.
func expectedLabels(d *forms.Draft) []string {
	out := []string{forms.Default().Title}
	for _, b := range forms.Default().Blocks {
		switch b.Kind {
		case forms.FieldsBlock:
			if b.Grid() {
				// The photo cell's label (no photo) is read after the rows it spans.
				var photo forms.Field
				for _, f := range b.Fields {
					if f.Kind == forms.Picture {
						photo = f
						continue
					}
					if f.Row >= photo.Row+photo.RowSpan && photo.RowSpan > 0 && (d.Photo == nil || photoUnreadable(d)) {
						out = append(out, photo.Name())
						photo.RowSpan = 0
					}
					out = append(out, f.Name())
				}
				continue
			}
			out = append(out, b.Name())
			for _, f := range b.Fields {
				out = append(out, f.Name())
			}
		case forms.TableBlock:
			out = append(out, b.Name(), SerialLabel)
			for _, f := range b.Fields {
				out = append(out, f.Name())
			}
		case forms.TextBlock:
			out = append(out, b.Name(), stripSpace(b.Hint))
		case forms.OpinionBlock:
			out = append(out, b.Name(), b.Sub, stripSpace(forms.Default().Stamp), stripSpace(forms.Default().Date))
		}
	}
	return out
}

func photoUnreadable(d *forms.Draft) bool {
	_, err := photoImage(d.Photo)
	return err != nil
}

func checkLabelsInOrder(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	all := allText(pages)
	at := 0
	for _, want := range expectedLabels(d) {
		i := strings.Index(all[at:], want)
		if i < 0 {
			t.Errorf("label %q missing or out of order (after byte %d)", want, at)
			continue
		}
		at += i + len(want)
	}
}

// checkValuesPresent: the text boxes of each field path spell its printed value.
func checkValuesPresent(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	byPath := map[string]*strings.Builder{}
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Path != "" {
				if byPath[b.Path] == nil {
					byPath[b.Path] = new(strings.Builder)
				}
				byPath[b.Path].WriteString(b.Text)
			}
		}
	}
	for _, b := range forms.Default().Blocks {
		for _, f := range b.Fields {
			if f.Kind == forms.Picture {
				continue
			}
			rows := []int{0}
			if b.Kind == forms.TableBlock {
				rows = d.FilledRows(b)
			}
			for _, r := range rows {
				path := forms.Path(b, f, r)
				want := stripSpace(printable(clean(forms.Display(f, d.Get(path)), true)))
				got := ""
				if byPath[path] != nil {
					got = stripSpace(byPath[path].String())
				}
				if got != want {
					t.Errorf("%s printed as %q, want %q", path, clip(got), clip(want))
				}
			}
		}
	}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

func checkPhoto(t *testing.T, d *forms.Draft, pages []Page) {
	t.Helper()
	n := 0
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != ImageBox {
				continue
			}
			n++
			if math.Abs(b.W-MM(25)) > tol || math.Abs(b.H-MM(35)) > tol {
				t.Errorf("photo %.2f × %.2f mm, want 25 × 35", PtToMM(b.W), PtToMM(b.H))
			}
			c := b.Image.Crop
			if r := float64(c.Dx()) / float64(c.Dy()); math.Abs(r-5.0/7) > 0.01 {
				t.Errorf("photo crop %v is %.3f wide for 1 high, want 5:7", c, r)
			}
			if !c.In(image.Rect(0, 0, b.Image.Width, b.Image.Height)) {
				t.Errorf("crop %v outside the %d×%d picture", c, b.Image.Width, b.Image.Height)
			}
		}
	}
	want := 1
	if d.Photo == nil || photoUnreadable(d) {
		want = 0
	}
	if n != want {
		t.Errorf("%d photos printed, want %d", n, want)
	}
}

func checkFooters(t *testing.T, pages []Page) {
	t.Helper()
	for i, p := range pages {
		want := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages))
		found := false
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Text == want {
				found = b.Y > BodyBottom && b.Y+b.H < p.Height
			}
		}
		if !found {
			t.Errorf("page %d: no %q in the bottom margin", i+1, want)
		}
	}
}

// checkCellsApart: text of two cells that share a line is at least one em apart (of the
// smaller text: a row's first cell, which poppler makes a block of first, is never the larger
// one), so text extraction never joins neighbouring cells into one block (readorder.go).
func checkCellsApart(t *testing.T, pages []Page) {
	t.Helper()
	for pi, p := range pages {
		var texts []Box
		for _, b := range p.Boxes {
			if b.Kind == TextBox && b.Cell >= 0 {
				texts = append(texts, b)
			}
		}
		for i, a := range texts {
			for _, b := range texts[i+1:] {
				if a.Cell == b.Cell || math.Min(a.Y+a.H, b.Y+b.H) < math.Max(a.Y, b.Y) {
					continue
				}
				gap := math.Max(b.X-(a.X+a.W), a.X-(b.X+b.W))
				if em := math.Min(a.Size, b.Size); gap < em-tol {
					t.Errorf("page %d: %q and %q in neighbouring cells only %.2f pt apart", pi+1, a.Text, b.Text, gap)
				}
			}
		}
	}
}

// checkRowsStartLeft: in every row the first cell's text starts highest, by more than the PDF's
// 0.01 pt rounding, so the reading order never hangs on it (readorder.go).
func checkRowsStartLeft(t *testing.T, pages []Page) {
	t.Helper()
	for pi, p := range pages {
		top := map[int]float64{} // cell index → top of its first text
		for _, b := range p.Boxes {
			if _, ok := top[b.Cell]; b.Kind == TextBox && b.Cell >= 0 && !ok {
				top[b.Cell] = b.Y
			}
		}
		rows := map[float64][]int{} // cells by their top edge and height
		for i, b := range p.Boxes {
			if _, ok := top[i]; ok && b.Kind == CellBox {
				rows[b.Y*1e4+b.H] = append(rows[b.Y*1e4+b.H], i)
			}
		}
		for _, cells := range rows {
			left := cells[0]
			for _, c := range cells {
				if p.Boxes[c].X < p.Boxes[left].X {
					left = c
				}
			}
			for _, c := range cells {
				if c != left && top[c]-top[left] < 0.1 {
					t.Errorf("page %d: %q starts at %.2f, not below its row's first cell (%.2f)",
						pi+1, firstText(p, c), top[c], top[left])
				}
			}
		}
	}
}

func firstText(p Page, cell int) string {
	for _, b := range p.Boxes {
		if b.Kind == TextBox && b.Cell == cell {
			return b.Text
		}
	}
	return ""
}

// The section headings are one block for text extraction (less than an em between their
// characters), and the member table's reaches over the 研究方向 column, so no table can be
// read across it from the adviser table (the 工作单位 row already stands between the host rows
// and the adviser table).
func TestHeadingsSpanTheTables(t *testing.T) {
	if HeadingTracking >= 1 {
		t.Fatalf("HeadingTracking %.2f em: poppler would split the heading into blocks", HeadingTracking)
	}
	pages := layoutOf(t, forms.New(forms.Default()), false)
	var x0 float64 // the 研究方向 column's left edge
	for _, f := range forms.Default().Blocks[2].Fields {
		if f.Key == "research" {
			break
		}
		x0 += MM(f.ValueMM)
	}
	x0 += MM(forms.Default().Blocks[2].LabelMM)
	narrowest := MarginLeft + x0 + MM(forms.Default().Blocks[2].Field("research").ValueMM)/2 - TableSize/2 // one character in 研究方向
	n := 0
	for _, b := range pages[0].Boxes {
		if b.Kind == TextBox && (b.Text == forms.Default().Blocks[1].Label || b.Text == forms.Default().Blocks[2].Label) {
			n++
			if b.Text == forms.Default().Blocks[1].Label {
				continue
			}
			if b.X+b.W < narrowest {
				t.Errorf("heading %q ends at %.1f pt, before the 研究方向 column's text (%.1f)", b.Text, b.X+b.W, narrowest)
			}
		}
	}
	if n != 2 {
		t.Fatalf("%d headings on page 1, want 2", n)
	}
}

// A label | content row below a row whose content ends within its label's height starts with
// its label's first line alone: nothing beside it, the next line more than 1.5 em lower.
func TestLabelFirstLineStandsAlone(t *testing.T) {
	for _, name := range []string{"sample", "blank"} {
		pages := layoutOf(t, testDrafts(t)[name], false)
		found := false
		for pi, p := range pages {
			for i, b := range p.Boxes {
				if found || b.Kind != TextBox || b.Text != "工作室" || firstAfter(p, i).Text != "未来三" {
					continue // the plan's label, 工作室 / 未来三 / 年发展 / 规划, where it starts
				}
				found = true
				for _, o := range p.Boxes[i+1:] {
					if o.Kind == TextBox && o.Y < b.Y+b.H {
						t.Errorf("%s page %d: %q beside the label's first line", name, pi+1, o.Text)
					}
					if o.Kind == TextBox && o.Cell == b.Cell {
						if d := o.Baseline - b.Baseline; d <= 1.5*TableSize {
							t.Errorf("%s: next label line only %.2f pt lower", name, d)
						}
						break
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: the plan's label does not start with its first line alone", name)
		}
	}
}

// firstAfter is the next text box of box i's cell.
func firstAfter(p Page, i int) Box {
	for _, o := range p.Boxes[i+1:] {
		if o.Kind == TextBox && o.Cell == p.Boxes[i].Cell {
			return o
		}
	}
	return Box{}
}

func TestBlockTops(t *testing.T) {
	line := func(top, size float64) Box { return Box{Y: top, Size: size, Baseline: top + BaselineOffset(size)} }
	tests := []struct {
		name  string
		lines []Box
		want  int
	}{
		{"one line", []Box{line(0, 10.5)}, 1},
		{"五号 lines one pitch apart", []Box{line(0, 10.5), line(LineHeight(10.5, 1), 10.5)}, 1},
		{"a blank line between", []Box{line(0, 10.5), line(2*LineHeight(10.5, 1), 10.5)}, 2},
		{"小四 at 1.5 lines", []Box{line(0, 12), line(LineHeight(12, 1.5), 12)}, 2},
		{"hint then text", []Box{line(0, 10.5), line(LineHeight(10.5, 1), 12)}, 2},
		{"two runs of one line", []Box{line(0, 10.5), line(0, 10.5)}, 1},
	}
	for _, tt := range tests {
		if got := len(blockTops(tt.lines)); got != tt.want {
			t.Errorf("%s: %d blocks, want %d", tt.name, got, tt.want)
		}
	}
	label := []Box{{Y: 0, H: 30}}
	if contentBelowLabel(label, []Box{line(0, 10.5)}) {
		t.Error("one line beside a two-line label counted as below it")
	}
	if contentBelowLabel(label, []Box{line(0, 12), line(LineHeight(12, 1.5), 12)}) {
		t.Error("a second 小四 line beside a two-line label's second line counted as below it")
	}
	if !contentBelowLabel(label, []Box{line(0, 12), line(LineHeight(12, 1.5), 12), line(2*LineHeight(12, 1.5), 12)}) {
		t.Error("a third 小四 line below a two-line label not counted")
	}
	if !contentBelowLabel(label, nil) {
		t.Error("no content needs no separator")
	}
}

func TestRowsPrinted(t *testing.T) {
	tests := []struct {
		name          string
		d             *forms.Draft
		advisers, mem int
	}{
		{"blank", forms.New(forms.Default()), 2, 5},
		{"sample", forms.Sample(forms.Default()), 2, 5},
		{"extra", testDrafts(t)["extra rows"], 3, 6},
	}
	for _, tt := range tests {
		pages := layoutOf(t, tt.d, false)
		// Serial numbers are the lone digits in the 序号 column.
		serials := 0
		for _, p := range pages {
			for _, b := range p.Boxes {
				if c := p.Boxes[max(b.Cell, 0)]; b.Kind == TextBox && b.Cell >= 0 && math.Abs(c.X-MarginLeft) < tol &&
					math.Abs(c.W-MM(forms.Default().Blocks[2].LabelMM)) < tol && b.Text != SerialLabel {
					serials++
				}
			}
		}
		if serials != tt.advisers+tt.mem {
			t.Errorf("%s: %d numbered rows, want %d + %d", tt.name, serials, tt.advisers, tt.mem)
		}
	}
}

func TestLongTextFlows(t *testing.T) {
	d := testDrafts(t)["3000 single paragraph"]
	pages := layoutOf(t, d, false)
	cont := 0
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind == TextBox && strings.Contains(b.Text, "续") {
				cont++
			}
		}
	}
	if len(pages) < 5 || cont < 3 {
		t.Errorf("%d pages, %d continued labels: the long texts did not flow", len(pages), cont)
	}
	// Justified lines fill the content width; the first line of a paragraph is indented by
	// two characters.
	content := TextWidth - MM(forms.Default().Blocks[5].LabelMM) - 2*PadX
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Kind != TextBox || b.Path != "plan" {
				continue
			}
			c := p.Boxes[b.Cell]
			left := c.X + PadX
			indent := b.X - left
			if b.Extra != nil && math.Abs(indent+b.W-content) > 0.05 {
				t.Errorf("justified line %q is %.2f wide from %.2f, content is %.2f", clip(b.Text), b.W, indent, content)
			}
			if indent > tol && math.Abs(indent-2*LongSize) > tol {
				t.Errorf("indent %.2f pt, want 2 characters (%.0f pt)", indent, 2*LongSize)
			}
		}
	}
}

func TestParagraphIndentNotDoubled(t *testing.T) {
	d := forms.New(forms.Default())
	d.Set("plan", "　　已缩进的段落。\n    空格缩进的段落。\n\n\n不缩进的段落。")
	pages := layoutOf(t, d, false)
	var lines []Box
	for _, p := range pages {
		for _, b := range p.Boxes {
			if b.Path == "plan" {
				lines = append(lines, b)
			}
		}
	}
	if len(lines) != 3 {
		t.Fatalf("%d plan lines, want 3", len(lines))
	}
	for _, b := range lines {
		if strings.HasPrefix(b.Text, " ") || strings.HasPrefix(b.Text, "\u3000") {
			t.Errorf("%q keeps the typed indent", b.Text)
		}
		if math.Abs(b.X-lines[0].X) > tol {
			t.Errorf("%q indented %.2f, first %.2f", b.Text, b.X, lines[0].X)
		}
	}
	// Two blank lines kept between the second and third paragraphs.
	gap := lines[2].Y - lines[1].Y
	if want := 3 * LineHeight(LongSize, LongSpacing); math.Abs(gap-want) > tol {
		t.Errorf("blank lines: gap %.2f, want %.2f", gap, want)
	}
}

func TestDraftWatermarkAndUnprintable(t *testing.T) {
	d := testDrafts(t)["emoji"]
	pages := layoutOf(t, d, true)
	for i, p := range pages {
		if p.Boxes[0].Kind != WatermarkBox {
			t.Errorf("page %d has no watermark under its content", i+1)
		}
	}
	all := allText(pages)
	for _, want := range []string{"王□", "规划□内容□。"} {
		if !strings.Contains(all, want) {
			t.Errorf("%q not printed", want)
		}
	}
	if strings.ContainsRune(all, '😀') {
		t.Error("an unprintable character reached the page")
	}
	if p := layoutOf(t, d, false); p[0].Boxes[0].Kind == WatermarkBox {
		t.Error("watermark without Draft")
	}
}

func TestOpinionBoxesMoveWhole(t *testing.T) {
	// Grow 业绩 line by line: wherever the opinion boxes land they stay whole (the
	// invariants hold) and each starts a page when it does not fit.
	for n := 0; n < 40; n += 3 {
		d := forms.New(forms.Default())
		d.Set("achievements", strings.Repeat("一行。\n", 40+n))
		pages := layoutOf(t, d, false)
		checkStampBoxes(t, pages)
		checkPages(t, pages)
	}
}

func TestCrop57(t *testing.T) {
	tests := []struct {
		w, h int
		want image.Rectangle
	}{
		{354, 496, image.Rect(0, 0, 354, 496)},
		{500, 700, image.Rect(0, 0, 500, 700)},
		{600, 300, image.Rect(193, 0, 407, 300)},
		{100, 400, image.Rect(0, 130, 100, 270)},
		{413, 413, image.Rect(59, 0, 354, 413)},
	}
	for _, tt := range tests {
		if got := crop57(tt.w, tt.h); got != tt.want {
			t.Errorf("crop57(%d, %d) = %v, want %v", tt.w, tt.h, got, tt.want)
		}
	}
}

func BenchmarkLayoutSample(b *testing.B) {
	d := forms.Sample(forms.Default())
	if _, err := Layout(d, Options{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

var update = flag.Bool("update", false, "rewrite testdata/drafts from testDrafts")

// fixtureNames are the stress drafts kept as files for the PDF and command-line tests.
var fixtureNames = map[string]string{
	"blank":                 "blank.json",
	"3000 single paragraph": "long-paragraph.json",
	"short lines":           "short-lines.json",
	"longest fields":        "longest.json",
	"emoji":                 "emoji.json",
	"wide photo":            "wide-photo.json",
	"absurd":                "absurd.json",
}

// TestFixtures keeps testdata/drafts in step with testDrafts (go test -update rewrites them).
func TestFixtures(t *testing.T) {
	drafts := testDrafts(t)
	for name, file := range fixtureNames {
		path := filepath.Join("testdata", "drafts", file)
		want := drafts[name].Marshal()
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test ./render -run TestFixtures -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is out of date: go test ./render -run TestFixtures -update", path)
		}
	}
}
