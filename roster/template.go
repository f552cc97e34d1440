package roster

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
	"shenbao/workbook"
)

// Rows of a roster sheet: a Chinese instruction, the header, then one person a row.
const (
	instrRow  = 1
	headerRow = 2
	firstRow  = 3
	// formatRows is how far down the 性别 drop-down reaches, so that rows a user adds below
	// the numbered ones still get it (text format covers whole columns).
	formatRows = 500
)

// Template writes the empty 名单模板: one sheet per table of the form, in its printed column
// order, with the rows the form holds numbered.
func Template(w io.Writer, form *forms.Definition) error { return writeRoster(w, form, nil) }

// ExportRoster writes the draft's filled advisers and members into the same workbook as
// Template, values as the outputs print them (1985.03, plain digits).
//
// A value over its field's character limit is refused (*forms.LimitError): the limits are far
// below the 32 767 characters of an Excel cell, which excelize would silently cut.
func ExportRoster(w io.Writer, d *forms.Draft) error {
	if err := d.CheckLimits(tableKeys(d.Form())...); err != nil {
		return err
	}
	return writeRoster(w, d.Form(), d)
}

func writeRoster(w io.Writer, form *forms.Definition, d *forms.Draft) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	for i, b := range filledTables(form) {
		name := sheetName(b)
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return err
		}
		var rows [][]string
		if d != nil {
			rows = draftRows(d, b)
		}
		if err := writeTableSheet(f, name, b, rows, st); err != nil {
			return fmt.Errorf("sheet %s: %w", name, err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// draftRows are a table's filled rows, values as printed, in the table's column order.
func draftRows(d *forms.Draft, b forms.Block) [][]string {
	var rows [][]string
	for _, r := range d.FilledRows(b) {
		row := make([]string, len(b.Fields))
		for i, f := range b.Fields {
			row[i] = forms.Display(f, d.Value(b, f, r))
		}
		rows = append(rows, row)
	}
	return rows
}

type rosterStyles struct {
	instr, header, body, bodyText, colText int
}

func newRosterStyles(f *excelize.File) (rosterStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	middle := &excelize.Alignment{Vertical: "center"}
	defs := []*excelize.Style{
		{Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
			Font: &excelize.Font{Size: 10, Color: "7F3F00"},
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF4D6"}}},
		{Font: &excelize.Font{Bold: true}, Alignment: center, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}},
		{Border: border, Alignment: middle},
		{Border: border, Alignment: middle, NumFmt: 49}, // 49 is "@": text, so Excel keeps digits as typed
		{NumFmt: 49},
	}
	ids := make([]int, len(defs))
	for i, s := range defs {
		id, err := f.NewStyle(s)
		if err != nil {
			return rosterStyles{}, err
		}
		ids[i] = id
	}
	return rosterStyles{instr: ids[0], header: ids[1], body: ids[2], bodyText: ids[3], colText: ids[4]}, nil
}

// textColumn reports a field whose cells must be text: Excel would turn a mobile number into
// 1.38E+10 and 1985.10 into 1985.1 or a date serial.
func textColumn(f forms.Field) bool {
	return f.Kind == forms.Mobile || f.Kind == forms.Phone || f.Kind == forms.YearMonth
}

func writeTableSheet(f *excelize.File, sheet string, b forms.Block, rows [][]string, st rosterStyles) error {
	last := workbook.Col(len(b.Fields) + 1)
	// Column formats first: cells written afterwards keep their own style.
	if err := setColumns(f, sheet, b, rows, st); err != nil {
		return err
	}
	if err := writeInstruction(f, sheet, b, last, st); err != nil {
		return err
	}
	header := append([]any{seqLabel}, labels(b)...)
	if err := f.SetSheetRow(sheet, workbook.Cell(1, headerRow), &header); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, workbook.Cell(1, headerRow), workbook.Cell(len(header), headerRow), st.header); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, headerRow, 22); err != nil {
		return err
	}
	n := max(len(rows), b.Rows)
	for r := 0; r < n; r++ {
		if err := writePersonRow(f, sheet, b, firstRow+r, r+1, rows, st); err != nil {
			return err
		}
	}
	if err := addChoiceLists(f, sheet, b); err != nil {
		return err
	}
	// excelize leaves the used range at A1; readers that trust it would see one cell.
	if err := f.SetSheetDimension(sheet, "A1:"+workbook.Cell(len(header), headerRow+n)); err != nil {
		return err
	}
	return finishSheet(f, sheet)
}

// labels are the table's column headers: exactly the form's field labels.
func labels(b forms.Block) []any {
	out := make([]any, len(b.Fields))
	for i, f := range b.Fields {
		out[i] = f.Name()
	}
	return out
}

func setColumns(f *excelize.File, sheet string, b forms.Block, rows [][]string, st rosterStyles) error {
	if err := f.SetColWidth(sheet, "A", "A", seqWidth); err != nil {
		return err
	}
	for i, fld := range b.Fields {
		w := widthOf(fld)
		for _, row := range rows {
			w = max(w, workbook.TextWidth(row[i])+2)
		}
		c := workbook.Col(i + 2)
		if err := f.SetColWidth(sheet, c, c, min(w, workbook.MaxWidth)); err != nil {
			return err
		}
		if textColumn(fld) {
			if err := f.SetColStyle(sheet, c, st.colText); err != nil {
				return err
			}
		}
	}
	return nil
}

func writeInstruction(f *excelize.File, sheet string, b forms.Block, last string, st rosterStyles) error {
	top := workbook.Cell(1, instrRow)
	if err := f.SetCellStr(sheet, top, instruction(b)); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, top, last+fmt.Sprint(instrRow)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, top, last+fmt.Sprint(instrRow), st.instr); err != nil {
		return err
	}
	return f.SetRowHeight(sheet, instrRow, 48)
}

// instruction is the sheet's first row: what goes in, how many rows, in which formats. It is
// built from the block so that the limits and labels cannot drift from the form.
func instruction(b forms.Block) string {
	unit := b.Counter()
	limit := fmt.Sprintf("最多%d%s", b.Rows, unit)
	if b.MinRows > 0 {
		limit = fmt.Sprintf("至少%d%s、最多%d%s", b.MinRows, unit, b.Rows, unit)
	}
	parts := []string{fmt.Sprintf("填写说明：本表填写%s，%s（申报表印%d行），每行%s，不要合并单元格", b.Nav, limit, b.Rows, perRow(unit))}
	for _, f := range b.Fields {
		switch f.Kind {
		case forms.Choice:
			parts = append(parts, fmt.Sprintf("%s从下拉列表选择“%s”", f.Name(), strings.Join(f.Choices, "”或“")))
		case forms.YearMonth:
			parts = append(parts, f.Name()+"写成 1985.03（年份.两位月份）")
		case forms.Mobile:
			parts = append(parts, f.Name()+"写11位数字")
		}
	}
	parts = append(parts, fmt.Sprintf("第%d行的栏目名称请勿修改；填好后在申报程序中导入。", headerRow))
	return strings.Join(parts, "；")
}

// writePersonRow writes one numbered row; values from rows when there is one for it.
func writePersonRow(f *excelize.File, sheet string, b forms.Block, line, seq int, rows [][]string, st rosterStyles) error {
	if err := f.SetCellInt(sheet, workbook.Cell(1, line), int64(seq)); err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, workbook.Cell(1, line), workbook.Cell(1, line), st.header); err != nil {
		return err
	}
	for i, fld := range b.Fields {
		ref := workbook.Cell(i+2, line)
		style := st.body
		if textColumn(fld) {
			style = st.bodyText
		}
		if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
			return err
		}
		if seq <= len(rows) && rows[seq-1][i] != "" {
			// SetCellStr: always a text cell, so Excel shows 13812345678, never 1.38E+10.
			if err := f.SetCellStr(sheet, ref, rows[seq-1][i]); err != nil {
				return err
			}
		}
	}
	return f.SetRowHeight(sheet, line, 20)
}

// addChoiceLists gives every Choice column (性别) a drop-down with the form's choices.
func addChoiceLists(f *excelize.File, sheet string, b forms.Block) error {
	for i, fld := range b.Fields {
		if fld.Kind != forms.Choice {
			continue
		}
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(workbook.Cell(i+2, firstRow) + ":" + workbook.Cell(i+2, formatRows))
		if err := dv.SetDropList(fld.Choices); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, fld.Name(), "请从下拉列表中选择："+strings.Join(fld.Choices, "、"))
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// finishSheet freezes the rows above the first person and sets up printing.
func finishSheet(f *excelize.File, sheet string) error {
	top := workbook.Cell(1, firstRow)
	if err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: firstRow - 1, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	return workbook.PrintSetup(f, sheet, firstRow-1)
}

// printSetup prints a sheet on A4 landscape, one page wide, repeating its first rows (up to
// the header) on every page.

// perRow is what one row of a list holds: 一人 where rows count people, else 一条.
func perRow(counter string) string {
	if counter == "名" {
		return "一人"
	}
	return "一条"
}
