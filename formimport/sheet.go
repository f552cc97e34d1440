package formimport

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"shenbao/fonts"
	"shenbao/forms"
	"shenbao/readback"
)

// The template's tables as one sheet of rows, counted down the printed form as a person
// counts them (第3行), each cell placed in millimetres on the form's 146.5 mm and told
// what it holds: a label, an empty cell to fill, a hint, boxes to tick, a seal or a date.

// sheet is every row of every table of the template, in printed order.
type sheet struct {
	rows   []*srow
	notes  []string     // about the whole template: its width, rows left out
	breaks map[int]bool // tables that start a page (a page break in the paragraph before)
}

type srow struct {
	n      int     // 1-based, over all the tables
	table  int     // which table of the template, from 0
	height float64 // mm: w:trHeight, or what its paragraphs need
	cells  []*scell
}

type scell struct {
	row    *srow
	n      int     // 1-based place in its row, as Word counts the cells
	x0, x1 float64 // mm from the table's left edge
	text   string  // as printed: lines trimmed, blank lines dropped, "\n" between lines
	flat   string  // compared: no spaces, no closing colon
	merge  bool    // the part of a vertically merged cell in a row below its first
	span   int     // rows a cell that starts a vertical merge covers (1 for the others)
	paras  int
	pics   int
	class  cellClass
}

func (c *scell) w() float64      { return c.x1 - c.x0 }
func (c *scell) where() string   { return fmt.Sprintf("第%d行第%d格", c.row.n, c.n) }
func (c *scell) lines() []string { return splitLines(c.text) }

// cellClass is what a cell holds, told from its text alone.
type cellClass int

const (
	emptyCell  cellClass = iota // nothing: a cell to fill in
	labelCell                   // text: a label (or fixed wording)
	hintCell                    // only a hint in brackets: （如 1985.03）, （字数要求：3000字内）
	boxesCell                   // options to tick: □男 □女
	sealCell                    // a seal, a signature or a blank date: （盖章）, 签名：, 年  月  日
	numberCell                  // a number alone: a person table's 1, 2, 3
)

// Widths: the format's table is TextMM wide; a cell is at least minCellMM; widths are
// written to 0.1 mm.
const (
	minCellMM  = 5
	twipsPerMM = 1440 / 25.4
	sameX      = 0.06 // mm: edges this close are the same rule
)

var (
	bracketed = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[（(【\[〔].*[）)】\]〕][。.]?$`) })
	// A line of a box signed or sealed by hand: it ends in the seal (（盖  章）, 单位（公章）), in a
	// blank date (年  月  日, 填表时间：    年  月  日), or says who signs (负责人签名：).
	stampLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(.{0,30}?)([（(]?[\s\x{3000}]*(?:盖[\s\x{3000}]*章|公[\s\x{3000}]*章|签[\s\x{3000}]*章)[\s\x{3000}]*[）)]?)[\s\x{3000}]*$`)
	})
	dateLine = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(.{0,30}?)((?:[0-9]{4}|[_\s\x{3000}]*)[\s\x{3000}]*年[\s\x{3000}_]+月[\s\x{3000}_]+日)[\s\x{3000}]*$`)
	})
	signWords  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`签[\s\x{3000}]*(?:名|字)`) })
	numberOnly = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9０-９]{1,3}[.、．]?$`) })
	boxMarks   = "□☐■☑☒〇○◯"
)

// newSheet places the tables' cells in millimetres. Each table's grid (w:tblGrid, or its
// cells' widths when the grid is missing) is scaled to TextMM: the edges are rounded to
// 0.1 mm, so every row still adds up exactly.
func newSheet(body *readback.Body) *sheet {
	s := &sheet{breaks: map[int]bool{}}
	for _, p := range body.Paragraphs {
		if p.PageBreak {
			s.breaks[p.Tables] = true
		}
	}
	n := 0
	var widths []string
	for ti, t := range body.Tables {
		edges, total := tableEdges(t)
		if total > 0 && math.Abs(total-forms.TextMM) > 0.5 {
			widths = append(widths, fmt.Sprintf("%s 毫米", mmText(total)))
		}
		for _, r := range t.Rows {
			n++
			row := &srow{n: n, table: ti, height: float64(r.Height) / twipsPerMM}
			for ci, c := range r.Cells {
				col, span := min(c.Col, len(edges)-1), max(c.Span, 1)
				end := min(col+span, len(edges)-1)
				sc := &scell{row: row, n: ci + 1, x0: edges[col], x1: edges[end], merge: c.Merge, span: 1,
					paras: c.Paragraphs, pics: c.Pictures}
				sc.text = printed(c.Text)
				sc.flat = flat(sc.text)
				row.cells = append(row.cells, sc)
				// What the paragraphs need, for a cell made tall with empty lines: 五号, single.
				row.height = max(row.height, float64(max(c.Paragraphs, 1))*5.6+2)
			}
			s.fit(row)
			s.rows = append(s.rows, row)
		}
	}
	if len(widths) > 0 {
		s.notes = append(s.notes, fmt.Sprintf("模板的表格宽 %s（定义文件的格式要求 %s 毫米：A4 纸去掉 Word 默认页边距），各列宽度按比例缩放。",
			strings.Join(dedupe(widths), "、"), mmText(forms.TextMM)))
	}
	s.spans()
	for _, r := range s.rows {
		for _, c := range r.cells {
			c.class = classify(c)
		}
	}
	return s
}

// tableEdges are the x positions (mm, scaled to TextMM, rounded to 0.1) of the grid
// columns' edges, and the table's own width in mm before scaling.
func tableEdges(t readback.Table) ([]float64, float64) {
	cols := 0
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			cols = max(cols, c.Col+max(c.Span, 1))
		}
	}
	cols = min(max(cols, 1), 1000)
	grid := make([]float64, cols)
	sum := 0.0
	for i := range grid {
		if i < len(t.Grid) && t.Grid[i] > 0 {
			grid[i] = float64(t.Grid[i])
		}
		sum += grid[i]
	}
	if sum == 0 || zeros(grid) > 0 {
		grid = cellGrid(t, grid)
		sum = 0
		for _, w := range grid {
			sum += w
		}
	}
	edges := make([]float64, cols+1)
	x := 0.0
	for i, w := range grid {
		x += w
		edges[i+1] = math.Round(x/sum*forms.TextMM*10) / 10
	}
	return edges, sum / twipsPerMM
}

func zeros(ws []float64) int {
	n := 0
	for _, w := range ws {
		if w <= 0 {
			n++
		}
	}
	return n
}

// cellGrid fills the grid columns the w:tblGrid leaves unknown from the cells' own widths
// (w:tcW): a cell over one column gives that column; a cell over several shares what its
// known columns leave; what is still unknown gets the average (a table with no widths at
// all: equal columns).
func cellGrid(t readback.Table, grid []float64) []float64 {
	out := append([]float64(nil), grid...)
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Span <= 1 && c.Col < len(out) && out[c.Col] <= 0 && c.Width > 0 {
				out[c.Col] = float64(c.Width)
			}
		}
	}
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Span <= 1 || c.Width <= 0 || c.Col >= len(out) {
				continue
			}
			known, unknown := 0.0, 0
			for i := c.Col; i < min(c.Col+c.Span, len(out)); i++ {
				if out[i] > 0 {
					known += out[i]
				} else {
					unknown++
				}
			}
			if unknown > 0 && float64(c.Width) > known {
				for i := c.Col; i < min(c.Col+c.Span, len(out)); i++ {
					if out[i] <= 0 {
						out[i] = (float64(c.Width) - known) / float64(unknown)
					}
				}
			}
		}
	}
	avg, n := 0.0, 0
	for _, w := range out {
		if w > 0 {
			avg, n = avg+w, n+1
		}
	}
	if n == 0 {
		avg, n = 1, 1
	}
	for i := range out {
		if out[i] <= 0 {
			out[i] = avg / float64(n)
		}
	}
	return out
}

// fit makes a row fill the width without gaps, and no cell narrower than minCellMM: a row
// that starts late or ends early (w:gridBefore, a missing cell) has its end cells widened; a
// cell too narrow to write in is joined to its neighbour.
func (s *sheet) fit(r *srow) {
	// Cells that overlap or start before the one to their left (a damaged grid) are dropped.
	var cells []*scell
	x := 0.0
	for _, c := range r.cells {
		if c.x1 <= c.x0 || c.x0 < x-sameX {
			continue
		}
		if c.x0 > x+sameX && len(cells) > 0 { // a gap: the cell to its left reaches it
			cells[len(cells)-1].x1 = c.x0
		}
		cells = append(cells, c)
		x = c.x1
	}
	r.cells = cells
	if len(cells) == 0 {
		return
	}
	changed := cells[0].x0 > sameX || cells[len(cells)-1].x1 < forms.TextMM-sameX
	cells[0].x0, cells[len(cells)-1].x1 = 0, forms.TextMM
	for i := 0; i < len(r.cells) && len(r.cells) > 1; {
		c := r.cells[i]
		if c.w() >= minCellMM-1e-9 {
			i++
			continue
		}
		j := i + 1 // the neighbour that takes it: the right one, the left one at the end
		if j >= len(r.cells) || i > 0 && r.cells[j].merge {
			j = i - 1
		}
		nb := r.cells[j]
		nb.x0, nb.x1 = min(nb.x0, c.x0), max(nb.x1, c.x1)
		if nb.text == "" {
			nb.text, nb.flat = c.text, c.flat
		}
		r.cells = append(r.cells[:i], r.cells[i+1:]...)
		changed = true
		i = 0
	}
	if changed {
		s.notes = append(s.notes, fmt.Sprintf("第%d行：有的格子窄于 %d 毫米或没有排满整行，已并入旁边的格子。", r.n, minCellMM))
	}
	for i, c := range r.cells {
		c.n = i + 1
	}
}

// spans counts how many rows each vertically merged cell covers.
func (s *sheet) spans() {
	for i, r := range s.rows {
		for _, c := range r.cells {
			if c.merge {
				continue
			}
			for j := i + 1; j < len(s.rows) && s.rows[j].table == r.table; j++ {
				below := s.rows[j].at(c.x0, c.x1)
				if below == nil || !below.merge {
					break
				}
				c.span++
			}
		}
	}
}

// pageBreak: row i is the first of a table that starts a page.
func (s *sheet) pageBreak(i int) bool {
	r := s.rows[i]
	return s.breaks[r.table] && r.table > 0 && (i == 0 || s.rows[i-1].table != r.table)
}

// at is the row's cell with the given edges, nil when there is none.
func (r *srow) at(x0, x1 float64) *scell {
	for _, c := range r.cells {
		if math.Abs(c.x0-x0) < sameX && math.Abs(c.x1-x1) < sameX {
			return c
		}
	}
	return nil
}

// classify tells what a cell holds.
func classify(c *scell) cellClass {
	switch {
	case c.merge:
		return emptyCell
	case c.flat == "":
		return emptyCell
	case hasBoxes(c.text):
		return boxesCell
	case sealed(c.text):
		return sealCell
	case numberOnly().MatchString(c.flat):
		return numberCell
	case allBracketed(c.text):
		return hintCell
	}
	return labelCell
}

// sealed: a line of the text is a seal's, a signature's or a blank date's.
func sealed(text string) bool {
	for _, l := range splitLines(text) {
		if stampLine().MatchString(l) || dateLine().MatchString(l) || signLine(l) {
			return true
		}
	}
	return false
}

// signLine: the line says who signs (负责人签名：, 本人签字), short as such lines are.
func signLine(l string) bool {
	return signWords().MatchString(l) && utf8.RuneCountInString(l) <= 30
}

func hasBoxes(text string) bool {
	_, opts := boxOptions(text)
	return len(opts) > 0
}

func allBracketed(text string) bool {
	lines := splitLines(text)
	for _, l := range lines {
		if !bracketed().MatchString(strings.TrimSpace(l)) {
			return false
		}
	}
	return len(lines) > 0
}

// boxOptions are the options of a cell of boxes (□男 □女, 男□ 女□, ○是 ○否) and the words
// before them in the cell, if any (是否党员：□是 □否).
func boxOptions(text string) (string, []string) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\n", " "))
	isMark := func(r rune) bool { return strings.ContainsRune(boxMarks, r) }
	first := strings.IndexFunc(text, isMark)
	if first < 0 {
		return "", nil
	}
	parts := strings.FieldsFunc(text, isMark)
	prefix := ""
	last, _ := utf8.DecodeLastRuneInString(text)
	switch {
	case first == 0: // □男 □女
	case isMark(last): // 男□ 女□, perhaps after 性别：
		if k := strings.LastIndexAny(parts[0], "：:"); k >= 0 {
			prefix, parts[0] = parts[0][:k], parts[0][k:]
		}
	default: // 申报类别：□正常 □破格
		prefix, parts = text[:first], parts[1:]
	}
	var out []string
	seen := map[string]bool{}
	for _, p := range parts {
		o := strings.Trim(strings.TrimSpace(strings.ReplaceAll(p, "\u3000", " ")), " ：:，,、;；")
		if o == "" || seen[o] || utf8.RuneCountInString(o) > 20 || len(out) >= 20 {
			continue
		}
		seen[o] = true
		out = append(out, o)
	}
	return flat(prefix), out
}

// boxesFirst: the cell's boxes come before their options (□男 □女, 申报类别：□正常 □破格): its
// text does not end in a box.
func boxesFirst(text string) bool {
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return strings.ContainsAny(text, boxMarks) && !strings.ContainsRune(boxMarks, last)
}

// printed is a cell's text as it prints: each line trimmed, tabs as spaces, blank lines and
// characters the embedded font cannot print dropped (labels: boldSafe).
func printed(text string) string {
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		l = strings.Map(func(r rune) rune {
			switch {
			case r == '\t':
				return ' '
			case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
				return -1
			}
			return r
		}, l)
		if l = strings.TrimSpace(keep(l, printable)); l != "" {
			lines = append(lines, l)
		}
	}
	return strings.Join(lines, "\n")
}

// keep is s with the characters a font has (has): other spaces than the ASCII one as that
// one (an ideographic space as two when the font lacks it), other characters dropped.
func keep(s string, has func(rune) bool) string {
	var sb strings.Builder
	for _, r := range s {
		switch {
		case r == ' ' || r == '\n' || has(r):
			sb.WriteRune(r)
		case r == '\u3000':
			sb.WriteString("  ")
		case unicode.IsSpace(r):
			sb.WriteByte(' ')
		}
	}
	return sb.String()
}

// printable: the regular face prints it, or it is a box to tick (drawn by the writers, read
// as boxes here, never printed as text).
func printable(r rune) bool { return fonts.Printable(r) || strings.ContainsRune(boxMarks, r) }

// flat is a text as compared: no spaces of any width, no closing colon or asterisk.
func flat(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '*' || r == '＊' || r == '_' {
			return -1
		}
		return r
	}, s)
	return strings.TrimRight(s, ":：")
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

func mmText(x float64) string {
	return fmt.Sprintf("%g", math.Round(x*10)/10)
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
