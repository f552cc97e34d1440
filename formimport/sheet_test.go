package formimport

import (
	"reflect"
	"testing"

	"shenbao/readback"
)

// The grid's edges: from w:tblGrid, scaled to 146.5 mm at rounded edges; without a grid, from
// the cells' own widths (w:tcW); without either, equal columns.
func TestTableEdges(t *testing.T) {
	row := func(cells ...readback.Cell) readback.Row { return readback.Row{Cells: cells} }
	for _, tt := range []struct {
		name  string
		table readback.Table
		want  []float64
		mm    float64
	}{
		{"the grid", readback.Table{Grid: []int{879, 850, 6577}, Rows: []readback.Row{row(readback.Cell{Col: 0, Span: 3})}},
			[]float64{0, 15.5, 30.5, 146.5}, 146.5},
		{"no grid: the cells' widths", readback.Table{Rows: []readback.Row{
			row(readback.Cell{Col: 0, Span: 1, Width: 1000}, readback.Cell{Col: 1, Span: 2, Width: 3000}),
			row(readback.Cell{Col: 0, Span: 2, Width: 2000}, readback.Cell{Col: 2, Span: 1, Width: 2000})}},
			[]float64{0, 36.6, 73.3, 146.5}, 4000 / twipsPerMM},
		{"nothing", readback.Table{Rows: []readback.Row{row(readback.Cell{Col: 0, Span: 1}, readback.Cell{Col: 1, Span: 1})}},
			[]float64{0, 73.3, 146.5}, 0},
	} {
		edges, mm := tableEdges(tt.table)
		if !reflect.DeepEqual(edges, tt.want) || tt.mm > 0 && !near1(mm, tt.mm) {
			t.Errorf("%s: %v (%g mm), want %v (%g mm)", tt.name, edges, mm, tt.want, tt.mm)
		}
	}
}

func TestBoxOptions(t *testing.T) {
	for text, want := range map[string][2]any{
		"□男 □女":      {"", []string{"男", "女"}},
		"男□  女□":     {"", []string{"男", "女"}},
		"性别：男□ 女□":   {"性别", []string{"男", "女"}},
		"是否党员：□是 □否": {"是否党员", []string{"是", "否"}},
		"○正常　○破格":    {"", []string{"正常", "破格"}},
		"没有方框":       {"", []string(nil)},
	} {
		prefix, opts := boxOptions(text)
		if prefix != want[0] || !reflect.DeepEqual(opts, want[1]) {
			t.Errorf("%s: %q %q, want %q %q", text, prefix, opts, want[0], want[1])
		}
	}
}
