package pdfobj

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"reflect"
	"testing"
)

const sample = "%PDF-1.7\n" +
	"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" +
	// a string holding ">>" and "obj", and a stream whose data looks like an object
	"3 0 obj\n<< /Title (a >> b 9 0 obj) /Length 13 /Filter [/FlateDecode /DCTDecode] >>\nstream\n7 0 obj << >>\nendstream\nendobj\n" +
	// an indirect /Length: the data runs to endstream
	"4 0 obj\n<</Subtype/Image/Width 640/Height 480/Length 5 0 R/SMask 6 0 R/Length1 9>>\nstream\nabcdef\nendstream\nendobj\n" +
	"5 0 obj\n6\nendobj\n"

func TestWalk(t *testing.T) {
	var got []string
	if err := Walk([]byte(sample), 100, func(o Object) bool {
		got = append(got, fmt.Sprintf("%d dict=%v stream=%q", o.Num, o.Dict != nil, o.Stream))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := []string{`1 dict=true stream=""`, `3 dict=true stream="7 0 obj << >>"`, `4 dict=true stream="abcdef"`, `5 dict=false stream=""`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("objects:\n got %q\nwant %q", got, want)
	}
	if err := Walk([]byte(sample), 3, func(Object) bool { return true }); !errors.Is(err, ErrTooManyObjects) {
		t.Errorf("4 objects with a limit of 3: %v", err)
	}
	n := 0
	Walk([]byte(sample), 100, func(Object) bool { n++; return n < 2 })
	if n != 2 {
		t.Errorf("each returned false at the second object, walked %d", n)
	}
}

func TestDictionaryValues(t *testing.T) {
	d := []byte("<</Subtype/Image/Width 640 /Height 480/Length 5 0 R/SMask 6 0 R/Length1 9/Filter [/FlateDecode /DCTDecode] /F2 /X>>")
	for _, tt := range []struct {
		name string
		got  any
		want any
	}{
		{"Width", fst(Int(d, "Width")), 640},
		{"Length is indirect", snd(Int(d, "Length")), false},
		{"Length1 is not Length", fst(Int(d, "Length1")), 9},
		{"SMask ref", fst(Ref(d, "SMask")), 6},
		{"Width is no ref", snd(Ref(d, "Width")), false},
		{"Filter array", Names(d, "Filter"), []string{"FlateDecode", "DCTDecode"}},
		{"F2 is not Filter's prefix", Names(d, "F2"), []string{"X"}},
		{"Subtype Image", HasName(d, "Subtype", "Image"), true},
		{"Subtype Im", HasName(d, "Subtype", "Im"), false},
		{"absent", snd(Int(d, "Rotate")), false},
	} {
		if !reflect.DeepEqual(tt.got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func fst(n int, _ bool) int   { return n }
func snd(_ int, ok bool) bool { return ok }

func TestInflate(t *testing.T) {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf)
	zw.Write(bytes.Repeat([]byte("x"), 1000))
	zw.Close()
	if out, err := Inflate(buf.Bytes(), 1000); err != nil || len(out) != 1000 {
		t.Errorf("1000 bytes at a limit of 1000: %d, %v", len(out), err)
	}
	if _, err := Inflate(buf.Bytes(), 999); !errors.Is(err, ErrTooLarge) {
		t.Errorf("1000 bytes at a limit of 999: %v", err)
	}
	if _, err := Inflate([]byte("not zlib"), 10); !errors.Is(err, ErrDamaged) {
		t.Errorf("not zlib: %v", err)
	}
}

// No input makes the walk panic or run past the data.
func FuzzWalk(f *testing.F) {
	f.Add([]byte(sample))
	f.Add([]byte("1 0 obj <<"))
	f.Add([]byte("1 0 obj << /Length 99999 >> stream\nab"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Walk(data, 1000, func(o Object) bool {
			Names(o.Dict, "Filter")
			Int(o.Dict, "Length")
			Ref(o.Dict, "SMask")
			return true
		})
	})
}
