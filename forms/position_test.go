package forms

import (
	"errors"
	"strings"
	"testing"
	"time"

	"shenbao/photo"
)

// TestUnprintablePosition: the message says where a bad character is, so a teacher can find it
// in a 3000-字 plan.
func TestUnprintablePosition(t *testing.T) {
	tests := []struct {
		path, value string
		want        []string
	}{
		{"plan", "第一段\n第二段有😀表情", []string{"“😀”（U+1F600，第2段第5个字）"}},
		{"plan", "\x07开头", []string{"U+0007，第1段第1个字"}},
		{"host.name", "张𠮷", []string{"“𠮷”（U+20BB7，第2个字）"}},
		{"host.name", "张\t三", []string{"制表符（Tab，第2个字）"}},
	}
	for _, tt := range tests {
		d := Sample(Default())
		d.Set(tt.path, tt.value)
		var msg string
		for _, f := range CheckAt(d, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), photo.StoredSize) {
			if f.Path == tt.path && f.Severity == Error && strings.Contains(f.Message, "无法打印") {
				msg = f.Message
			}
		}
		for _, w := range tt.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s = %q: message %q lacks %q", tt.path, tt.value, msg, w)
			}
		}
	}
}

// TestZeroFilledIsTruncated: after a power cut a file can end in (or be all) zero bytes.
func TestZeroFilledIsTruncated(t *testing.T) {
	good := Sample(Default()).Marshal()
	for _, data := range [][]byte{
		append(good[:len(good)/2:len(good)/2], make([]byte, 4096)...),
		make([]byte, 8192),
	} {
		if _, err := Parse(data); !errors.Is(err, ErrTruncated) {
			t.Errorf("zero-filled file: err = %v, want ErrTruncated", err)
		}
	}
}
