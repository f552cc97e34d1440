package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
	"unicode"
)

// noisy draws a picture that does not compress, so a cut falls inside the pixel data.
func noisy(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range img.Pix {
		img.Pix[i] = uint8(rng.Uint32())
	}
	return img
}

func pngHeader(w, h uint32) []byte {
	ihdr := append([]byte("IHDR"), u32(w, h)...)
	ihdr = append(ihdr, 8, 2, 0, 0, 0) // 8-bit RGB
	out := append([]byte("\x89PNG\r\n\x1a\n"), u32(13)...)
	out = append(out, ihdr...)
	return append(out, u32(crc32.ChecksumIEEE(ihdr))...)
}

func jpegHeader(w, h uint16) []byte {
	sof := []byte{0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1}
	return sof
}

func gifHeader(w, h uint16) []byte {
	return append([]byte("GIF89a"), byte(w), byte(w>>8), byte(h), byte(h>>8), 0, 0, 0)
}

func bmpHeader(w, h int32) []byte {
	le := binary.LittleEndian
	out := []byte("BM")
	out = le.AppendUint32(out, 54+uint32(w)*uint32(h)*3)
	out = le.AppendUint32(out, 0)
	out = le.AppendUint32(out, 54)
	out = le.AppendUint32(out, 40)
	out = le.AppendUint32(out, uint32(w))
	out = le.AppendUint32(out, uint32(h))
	out = le.AppendUint16(out, 1)
	out = le.AppendUint16(out, 24)
	return append(out, make([]byte, 24)...)
}

func webpVP8XHeader(w, h uint32) []byte {
	chunk := append([]byte("VP8X"), 10, 0, 0, 0, 0, 0, 0, 0)
	w, h = w-1, h-1
	chunk = append(chunk, byte(w), byte(w>>8), byte(w>>16), byte(h), byte(h>>8), byte(h>>16))
	out := append([]byte("RIFF"), binary.LittleEndian.AppendUint32(nil, uint32(4+len(chunk)))...)
	return append(append(out, "WEBP"...), chunk...)
}

// heicClaiming returns the HEIC fixture with its ispe claiming w×h.
func heicClaiming(t *testing.T, w, h uint32) []byte {
	data := bytes.Clone(readFixture(t, "upright.heic"))
	i := bytes.Index(data, []byte("ispe"))
	if i < 0 {
		t.Fatal("no ispe in fixture")
	}
	copy(data[i+8:], u32(w, h))
	return data
}

// withSOF9 marks a JPEG as arithmetic-coded, which Go cannot decode.
func withSOF9(j []byte) []byte {
	out := bytes.Clone(j)
	jpegSegments(out, func(s jpegSegment) bool {
		if s.marker == 0xC0 {
			out[s.end-len(s.payload)-3] = 0xC9
			return false
		}
		return true
	})
	return out
}

// withoutAdobe removes the APP14 segment, leaving a 4-component JPEG with no colour transform.
func withoutAdobe(j []byte) []byte {
	var out []byte
	jpegSegments(j, func(s jpegSegment) bool {
		if s.marker == 0xEE {
			start := s.end - len(s.payload) - 4
			out = append(bytes.Clone(j[:start]), j[s.end:]...)
			return false
		}
		return true
	})
	return out
}

// rleBMP marks an 8-bit BMP as RLE-compressed, which x/image/bmp cannot read.
func rleBMP(t *testing.T) []byte {
	data := encodeBMP(t, paletted(upright(200, 280, false)))
	binary.LittleEndian.PutUint32(data[30:], 1)
	return data
}

func TestRefusals(t *testing.T) {
	noisyJPEG := encodeJPEG(t, noisy(600, 840), 90)
	noisyPNG := encodePNG(t, noisy(300, 420))
	random := make([]byte, 4096)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range random {
		random[i] = uint8(rng.Uint32())
	}
	random[0] = 'x'
	tests := []struct {
		name string
		data []byte
		want error
		says string // part of the message
	}{
		{"empty", nil, ErrEmpty, "空的"},
		{"jpeg cut in half", noisyJPEG[:len(noisyJPEG)/2], ErrTruncated, "不完整"},
		{"jpeg cut before the end marker", noisyJPEG[:len(noisyJPEG)-2], ErrTruncated, "不完整"},
		{"jpeg cut in the header", noisyJPEG[:100], ErrTruncated, "不完整"},
		{"png cut", noisyPNG[:len(noisyPNG)*2/3], ErrTruncated, "不完整"},
		{"png without IEND", noisyPNG[:len(noisyPNG)-12], ErrTruncated, "不完整"},
		{"gif cut", encodeGIF(t, paletted(noisy(300, 420)))[:30000], ErrTruncated, "不完整"},
		{"bmp cut", encodeBMP(t, upright(200, 280, false))[:20000], ErrTruncated, "不完整"},
		{"webp cut", readFixture(t, "upright.webp")[:300], ErrTruncated, "不完整"},
		{"heic cut", readFixture(t, "upright.heic")[:900], ErrTruncated, "不完整"},
		{"text", []byte("主持人近5年从事班主任工作方面的主要业绩及成果\nhello\n"), ErrNotPicture, "不是图片"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), ErrNotPicture, "PDF"},
		{"random bytes", random, ErrNotPicture, "不是图片"},
		{"video", append(box("ftyp", []byte("qt  "), u32(0), []byte("qt  ")), box("mdat")...), ErrNotPicture, "视频"},
		{"word document", []byte("PK\x03\x04\x14\x00\x06\x00word/document.xml"), ErrNotPicture, "Word"},
		{"tiff", []byte("II*\x00\x08\x00\x00\x00"), ErrUnsupported, "TIFF"},
		{"avif", box("ftyp", []byte("avif"), u32(0), []byte("mif1avif")), ErrUnsupported, "AVIF"},
		{"jpeg arithmetic coding", withSOF9(noisyJPEG), ErrUnsupported, "JPEG"},
		{"jpeg 4 components without Adobe marker", withoutAdobe(readFixture(t, "cmyk.jpg")), ErrUnsupported, "JPEG"},
		{"bmp RLE", rleBMP(t), ErrUnsupported, "BMP"},
		{"animated webp", readFixture(t, "animated.webp"), ErrUnsupported, "动图"},
		{"jpeg garbage after the magic", append([]byte{0xFF, 0xD8, 0xFF, 0xDB, 0, 67}, random...), ErrCorrupt, "损坏"},
		{"png size 0", append(pngHeader(0, 100), "\x00\x00\x00\x00IEND\xaeB`\x82"...), ErrCorrupt, "损坏"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Process(tt.data, nil)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			checkMessage(t, err, tt.says)
			if _, _, _, perr := Probe(tt.data); perr == nil && errors.Is(err, ErrNotPicture) {
				t.Errorf("Probe accepts what Process calls not a picture")
			}
		})
	}
}

// checkMessage: the text is a Chinese sentence saying what to do, and Message finds it through
// a caller's wrapping.
func checkMessage(t *testing.T, err error, says string) {
	t.Helper()
	msg := err.Error()
	if !strings.Contains(msg, says) || !strings.HasSuffix(msg, "。") || !strings.ContainsAny(msg, "请") {
		t.Errorf("message %q: want a sentence with %q and 请…", msg, says)
	}
	for _, r := range msg {
		if r < 0x80 || unicode.Is(unicode.Han, r) || unicode.IsPunct(r) || r == '×' {
			continue
		}
		t.Errorf("message %q has %q", msg, r)
	}
	if got := Message(fmt.Errorf("photo %s: %w", "x.jpg", err)); got != msg {
		t.Errorf("Message(wrapped) = %q, want %q", got, msg)
	}
}

func TestTooLargeRefusedBeforeDecoding(t *testing.T) {
	huge := make([]byte, MaxFileBytes+1)
	copy(huge, noisyHead())
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"png 20000x20000", pngHeader(20000, 20000), ErrTooLarge},
		{"jpeg 20000x20000", jpegHeader(20000, 20000), ErrTooLarge},
		{"jpeg 40000x10 (one side too long)", jpegHeader(40000, 10), ErrTooLarge},
		{"gif 65535x65535", gifHeader(65535, 65535), ErrTooLarge},
		{"bmp 20000x20000", bmpHeader(20000, 20000), ErrTooLarge},
		{"webp 16000x16000", webpVP8XHeader(16000, 16000), ErrTooLarge},
		{"heic 20000x20000", heicClaiming(t, 20000, 20000), ErrTooLarge},
		{"heic 8000x7000 (HEIC decodes slowly)", heicClaiming(t, 8000, 7000), ErrTooLarge},
		{"file over 50 MB", huge, ErrTooLarge},
		// Within the limits but far too short for its size: cut off, said before decoding.
		{"png 9000x9000 without data", pngHeader(9000, 9000), ErrTruncated},
		{"jpeg 9000x9000 without data", jpegHeader(9000, 9000), ErrTruncated},
		{"bmp 9000x9000 without data", bmpHeader(9000, 9000), ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Process(tt.data, nil)
			if took := time.Since(start); took > 200*time.Millisecond {
				t.Errorf("took %v: the picture was decoded", took)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if tt.want == ErrTooLarge {
				checkMessage(t, err, "缩小")
			}
		})
	}
}

func noisyHead() []byte { return []byte{0xFF, 0xD8, 0xFF, 0xE0} }

func TestMessageOfOtherErrors(t *testing.T) {
	if Message(nil) != "" {
		t.Error("Message(nil) is not empty")
	}
	if msg := Message(errors.New("disk on fire")); strings.Contains(msg, "fire") || !strings.Contains(msg, "请") {
		t.Errorf("Message(foreign error) = %q", msg)
	}
}
