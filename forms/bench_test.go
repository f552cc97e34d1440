package forms

import (
	"path/filepath"
	"strings"
	"testing"

	"shenbao/photo"
)

// BenchmarkLoadCheckSample: reading and checking the sample, what `check` and opening a draft
// do. Budget: 2 ms.
func BenchmarkLoadCheckSample(b *testing.B) {
	data := Sample(Default()).Marshal()
	CheckAt(Sample(Default()), checkDay, photo.StoredSize) // the font's character map is read once per process
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if HasErrors(CheckAt(d, checkDay, photo.StoredSize)) {
			b.Fatal("the sample has 错误")
		}
	}
}

// plan3000 is a realistic text of exactly 3000 字: the sample's plan, topped up.
func plan3000(tb testing.TB) string {
	s := Sample(Default()).Get("plan")
	s += strings.Repeat("续", 3000-CountWords(s))
	if n := CountWords(s); n != 3000 {
		tb.Fatalf("plan3000 has %d 字", n)
	}
	return s
}

// BenchmarkCountWords: counting a 3000 字 plan, done on every keystroke. Budget: 50 µs.
func BenchmarkCountWords(b *testing.B) {
	s := plan3000(b)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		if CountWords(s) != 3000 {
			b.Fatal("wrong count")
		}
	}
}

// BenchmarkSaveSample: saving the sample with its photo (temporary file, sync, .bak, rename).
// Budget: 10 ms.
func BenchmarkSaveSample(b *testing.B) {
	d := Sample(Default())
	path := filepath.Join(b.TempDir(), "申报表 草稿.json")
	for b.Loop() {
		if err := d.Save(path); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarshalSample: the part of saving that is not the disk.
func BenchmarkMarshalSample(b *testing.B) {
	d := Sample(Default())
	for b.Loop() {
		d.Marshal()
	}
}
