package readback

import (
	"reflect"
	"testing"
)

// ParseBody gives a template's importer the paragraphs outside the tables and each table with
// its grid, row heights, spans and merges; a legacy horizontal merge is one cell.
func TestParseBody(t *testing.T) {
	doc := []byte(`<w:document xmlns:w="` + nsMain + `"><w:body>` +
		`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val="36"/></w:rPr><w:t>某某申报表</w:t></w:r></w:p>` +
		`<w:tbl><w:tblGrid><w:gridCol w:w="900"/><w:gridCol w:w="1200"/><w:gridCol w:w="600"/></w:tblGrid>` +
		`<w:tr><w:trPr><w:trHeight w:val="567" w:hRule="exact"/></w:trPr>` +
		`<w:tc><w:tcPr><w:tcW w:w="900" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>主持人</w:t><w:br/><w:t>姓名</w:t></w:r></w:p></w:tc>` +
		`<w:tc><w:p/></w:tc><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>照片</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/><w:tcW w:w="900" w:type="dxa"/></w:tcPr><w:p/><w:p/></w:tc>` +
		`<w:tc><w:tcPr><w:hMerge/><w:tcW w:w="1200" w:type="dxa"/></w:tcPr><w:p/></w:tc>` +
		`<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:br w:type="page"/><w:t>填表说明</w:t></w:r></w:p></w:body></w:document>`)
	b, err := ParseBody(doc)
	if err != nil {
		t.Fatal(err)
	}
	want := &Body{
		Paragraphs: []Paragraph{{Text: "某某申报表", Centered: true, Bold: true, Size: 36}, {Text: "填表说明", Tables: 1, PageBreak: true}},
		Tables: []Table{{Grid: []int{900, 1200, 600}, Rows: []Row{
			{Height: 567, Exact: true, Cells: []Cell{
				{Text: "主持人\n姓名", Col: 0, Span: 1, Width: 900, Paragraphs: 1},
				{Col: 1, Span: 1, Paragraphs: 1},
				{Text: "照片", Col: 2, Span: 1, Restart: true, Paragraphs: 1}}},
			{Cells: []Cell{
				{Col: 0, Span: 2, Width: 2100, Paragraphs: 2},
				{Col: 2, Span: 1, Merge: true, Paragraphs: 1}}},
		}}},
	}
	if !reflect.DeepEqual(b, want) {
		t.Errorf("got  %+v\nwant %+v", b, want)
	}
	// The readers of hand-filled forms see the legacy merge as one cell too.
	rows, err := tableRows(doc)
	if err != nil || len(rows) != 2 || len(rows[1]) != 2 || rows[1][0].span != 2 {
		t.Errorf("tableRows: %+v, %v", rows, err)
	}
}
