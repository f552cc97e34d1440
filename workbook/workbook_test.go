package workbook

import (
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// A sheet name made from any label is one Excel takes: no refused character, within 31
// characters with room for what is reserved.
func TestSheetName(t *testing.T) {
	for _, tt := range []struct {
		in      string
		reserve int
		want    string
	}{
		{"工作室成员", 0, "工作室成员"},
		{"学习[工作]经历: 2015/2018?*\\", 0, "学习_工作_经历_ 2015_2018___"},
		{"申报汇总-柳州市名班主任工作室申报表柳州市名班主任工作室申报表", 1, "申报汇总-柳州市名班主任工作室申报表柳州市名班主任工作室申报"},
	} {
		got := SheetName(tt.in, tt.reserve)
		if got != tt.want || utf8.RuneCountInString(got)+tt.reserve > MaxSheetName {
			t.Errorf("SheetName(%q, %d) = %q, want %q", tt.in, tt.reserve, got, tt.want)
		}
		f := excelize.NewFile()
		if err := f.SetSheetName(f.GetSheetName(0), got); err != nil {
			t.Errorf("Excel refuses %q: %v", got, err)
		}
		f.Close()
	}
}
