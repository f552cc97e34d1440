package roster

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
)

// BenchmarkReadRosterSchool reads a whole school's list of 2000 teachers imported by mistake:
// the sheet's first maxSheetRows rows read and the rest refused with one 错误, the people beyond
// the form's rows refused with a message each (capped), quickly.
func BenchmarkReadRosterSchool(b *testing.B) {
	mem, _ := forms.Default().Block("members")
	data := build(b, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "工作室成员")
		put(f, "工作室成员", 1, headerOf(mem)...)
		for i := range 2000 {
			r := row(mem, i+1, person(fmt.Sprintf("教师%d", i), "女", "", "柳州市第一中学", "一级", "班主任", "德育", ""))
			r[at(b, mem, "birth")], r[at(b, mem, "mobile")] = 31118, 13812345678 // as Excel stores them: numbers
			put(f, "工作室成员", i+2, r...)
		}
	})
	b.ResetTimer()
	for b.Loop() {
		r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(data), "")
		if err != nil || r.Count("members") != maxSheetRows-1 || len(ps) != maxExcessReported+2 {
			b.Fatalf("%d rows, %d problems, %v", r.Count("members"), len(ps), err)
		}
	}
}
