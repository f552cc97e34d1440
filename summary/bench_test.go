package summary

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"shenbao/forms"
)

// BenchmarkSummary summarises 500 complete drafts (photo and a 2917-字 plan each) in 10
// folders, as a county's collection might be; issue 9 asks for at most 2 s.
func BenchmarkSummary(b *testing.B) {
	dir := b.TempDir()
	d := forms.Sample(forms.Default())
	for i := range 500 {
		d.Set("host.name", fmt.Sprintf("教师%03d", i))
		d.Set("host.unit", fmt.Sprintf("柳州市第%d中学", i%37+1))
		d.Set("host.pairedCounty", forms.Default().Counties()[i%len(forms.Default().Counties())])
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
