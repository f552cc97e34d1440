package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"shenbao/forms"
)

// BenchmarkSummary summarises 500 complete drafts (photo and a 2917-字 plan each) in 10
// folders, as a county's collection might be; issue 9 asks for at most 2 s.
func BenchmarkSummary(b *testing.B) {
	dir := b.TempDir()
	d := forms.Sample()
	for i := range 500 {
		d.Set("host.name", fmt.Sprintf("教师%03d", i))
		d.Set("host.unit", fmt.Sprintf("柳州市第%d中学", i%37+1))
		d.Set("host.pairedCounty", forms.Counties[i%len(forms.Counties)])
		sub := filepath.Join(dir, fmt.Sprintf("学校%d", i%10))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("%03d.json", i)), d.Marshal(), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	cpu := cpuTime()
	for b.Loop() {
		st, err := Summary(io.Discard, dir)
		if err != nil || st.Drafts != 500 {
			b.Fatalf("%+v %v", st, err)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

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
		r, ps, err := ReadRoster(bytes.NewReader(data))
		if err != nil || r.Count("members") != 2000 || len(ps) != maxExcessReported+1 {
			b.Fatalf("%d rows, %d problems, %v", r.Count("members"), len(ps), err)
		}
	}
}
