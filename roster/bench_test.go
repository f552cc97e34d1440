package roster

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
)

// BenchmarkReadRosterSchool reads a whole school's list of 2000 teachers imported by mistake:
// every cell read, 1995 people refused with a message each (capped), quickly.
func BenchmarkReadRosterSchool(b *testing.B) {
	data := build(b, func(f *excelize.File) {
		f.SetSheetName("Sheet1", "工作室成员")
		put(f, "工作室成员", 1, memberHeader...)
		for i := range 2000 {
			put(f, "工作室成员", i+2, i+1, fmt.Sprintf("教师%d", i), "女", 31118, "柳州市第一中学", "一级", "班主任", "德育", 13812345678)
		}
	})
	b.ResetTimer()
	for b.Loop() {
		r, ps, err := ReadRoster(forms.Default(), bytes.NewReader(data), "")
		if err != nil || r.Count("members") != 2000 || len(ps) != maxExcessReported+1 {
			b.Fatalf("%d rows, %d problems, %v", r.Count("members"), len(ps), err)
		}
	}
}
