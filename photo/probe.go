package photo

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/gen2brain/heic"
	"golang.org/x/image/bmp"
	"golang.org/x/image/webp"
)

// Limits checked before decoding. A decoded picture takes up to 8 bytes a pixel (16-bit PNG with
// alpha), so 100 million pixels stay under 1 GB and a few seconds; more is refused unread.
const (
	MaxFileBytes = 50 << 20    // the picture file
	MaxPixels    = 100_000_000 // width × height
	MaxSide      = 30000       // either side, in pixels
	// HEIC decodes in WebAssembly, about 3 megapixels a second on one busy core, with some
	// 24 bytes a pixel (measured: 20 megapixels took 6.7 s and 490 MB): an iPhone's
	// 24-megapixel picture (5712×4284) still fits 10 s and 1 GB, its 48-megapixel one not.
	MaxPixelsHEIC = 24_500_000
)

// header is what the file says about itself before any pixel is decoded.
type header struct {
	format      string
	w, h        int // as decoded: before the EXIF orientation is applied
	orientation int // EXIF orientation 1–8 still to apply; HEIC decodes upright, so 1
}

// upright returns the size once the orientation is applied.
func (hd header) upright() (w, h int) {
	if hd.orientation >= 5 {
		return hd.h, hd.w
	}
	return hd.w, hd.h
}

// Probe reads only the header of a picture and returns its format (FormatJPEG, …) and its
// upright size (after the EXIF orientation), refusing what the pipeline would refuse before
// decoding: empty, not a picture, unknown format, too large.
func Probe(data []byte) (format string, w, h int, err error) {
	hd, err := readHeader(data)
	if err != nil {
		return "", 0, 0, err
	}
	w, h = hd.upright()
	return hd.format, w, h, nil
}

func readHeader(data []byte) (header, error) {
	if len(data) == 0 {
		return header{}, ErrEmpty
	}
	if len(data) > MaxFileBytes {
		return header{}, detail(ErrTooLarge, "照片文件太大（%.1f MB），本程序最多读 50 MB 的图片。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）或另存为 JPEG 后再选择。",
			float64(len(data))/(1<<20))
	}
	format, err := sniff(data)
	if err != nil {
		return header{}, err
	}
	if format == FormatWebP && webpAnimated(data) {
		return header{}, detail(ErrUnsupported, "这是一张动图（动态 WebP），本程序不能用动图作照片。请选一张普通照片；也可以在手机上打开动图截一张图，再选择截图。")
	}
	hd := header{format: format, orientation: 1}
	hd.w, hd.h, err = config(format, data)
	if err != nil {
		return header{}, classify(format, data, err)
	}
	if format == FormatJPEG {
		hd.orientation = jpegOrientation(data)
	}
	if err := checkSize(format, hd.w, hd.h); err != nil {
		return header{}, err
	}
	return hd, checkCost(hd, cost(hd, data))
}

// config reads the size from the header with the format's own reader; a panic in a third-party
// reader becomes an error.
func config(format string, data []byte) (w, h int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("photo: %s header reader panicked: %v", format, r)
		}
	}()
	r := bytes.NewReader(data)
	var c image.Config
	switch format {
	case FormatJPEG:
		if w, h, ok := jpegSize(data); ok {
			return w, h, nil
		}
		c, err = jpeg.DecodeConfig(r) // no frame header: let the reader say what is wrong
	case FormatPNG:
		c, err = png.DecodeConfig(r)
	case FormatGIF:
		c, err = gif.DecodeConfig(r)
	case FormatBMP:
		c, err = bmp.DecodeConfig(r)
	case FormatWebP:
		c, err = webp.DecodeConfig(r)
	case FormatHEIC:
		if c.Width, c.Height, err = heifSize(data); err != nil {
			c, err = heic.DecodeConfig(r) // our box reader missed something: ask libheif
		}
	}
	return c.Width, c.Height, err
}

func checkSize(format string, w, h int) error {
	if w <= 0 || h <= 0 {
		return detail(ErrCorrupt, "图片文件已损坏（记录的尺寸是 %d×%d 像素）。请重新导出或拍摄照片后再选择。", w, h)
	}
	if format == FormatHEIC && int64(w)*int64(h) > MaxPixelsHEIC {
		return detail(ErrTooLarge, "HEIC 照片太大（%d×%d 像素，约 %d 万像素），本程序最多处理 2400 万像素的 HEIC 照片。请在手机相册里把照片导出为 JPEG，或缩小（例如长边不超过 4000 像素）后再选择。",
			w, h, (int64(w)*int64(h)+5000)/10000)
	}
	if w > MaxSide || h > MaxSide || int64(w)*int64(h) > MaxPixels {
		return detail(ErrTooLarge, "图片太大（%d×%d 像素，约 %d 万像素），本程序最多处理 1 亿像素、每边 30000 像素以内的图片。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）后再选择。",
			w, h, (int64(w)*int64(h)+5000)/10000)
	}
	return nil
}

// minBytes is the smallest file that can hold a complete picture of this size, from the best
// compression each format can reach. A shorter file must be cut off; saying so before decoding
// spares allocating memory for pixels that are not there.
func minBytes(hd header, data []byte) int64 {
	px := int64(hd.w) * int64(hd.h)
	switch hd.format {
	case FormatJPEG:
		// Every 8×8 block of the full-resolution component costs at least one bit in the first
		// scan (its DC code), baseline or progressive. Halved for safety.
		return px / 64 / 8 / 2
	case FormatPNG:
		// Deflate expands at most 1032:1 (a 258-byte match in 2 bits); the rows hold a filter
		// byte and the pixels at the IHDR's bit depth.
		return pngRawBytes(data, hd.w, hd.h) / 1032
	case FormatWebP:
		// Lossy WebP is one VP8 key frame: each 16×16 macroblock codes its luma and chroma
		// prediction modes with fixed probabilities, at least 1.6 bits; counted as 1.
		// Lossless (VP8L) has no such bound.
		if webpLossy(data) {
			return px / 256 / 8
		}
	case FormatGIF:
		// An LZW code (3 bits or more) stands for at most 4096 pixels; counted as 1 bit for safety.
		return px / 4096 / 8
	}
	return 0
}

// pngRawBytes is the size of a PNG's filtered rows, from its IHDR.
func pngRawBytes(data []byte, w, h int) int64 {
	if len(data) < 26 {
		return 0
	}
	samples := map[byte]int64{0: 1, 2: 3, 3: 1, 4: 2, 6: 4}[data[25]]
	bits := samples * int64(data[24])
	return int64(h) * (1 + (int64(w)*bits+7)/8)
}

// webpLossy tells whether the picture chunk of a WebP file is VP8 (lossy) rather than VP8L.
func webpLossy(data []byte) bool {
	for i := 12; i+8 <= len(data); {
		id := string(data[i : i+4])
		switch id {
		case "VP8 ":
			return true
		case "VP8L":
			return false
		}
		n := int64(binary.LittleEndian.Uint32(data[i+4:]))
		next := int64(i) + 8 + n + n&1 // chunks are padded to an even length
		if next > int64(len(data)) {
			return false
		}
		i = int(next)
	}
	return false
}

// classify turns a decoder's error into one of ours.
func classify(format string, data []byte, err error) error {
	if err == nil {
		return nil
	}
	if isOurs(err) {
		return err
	}
	if unsupported(err) {
		return detail(ErrUnsupported, "这张 %s 图片用了本程序读不了的编码方式。请用手机相册或画图软件把照片另存为普通 JPEG 或 PNG 后再选择。", formatName(format))
	}
	if cutShort(format, data, err) {
		return ErrTruncated
	}
	return detail(ErrCorrupt, "%s 图片文件已损坏，无法读取。请重新导出或拍摄照片后再选择。", formatName(format))
}

func formatName(format string) string {
	switch format {
	case FormatJPEG:
		return "JPEG"
	case FormatPNG:
		return "PNG"
	case FormatGIF:
		return "GIF"
	case FormatBMP:
		return "BMP"
	case FormatWebP:
		return "WebP"
	case FormatHEIC:
		return "HEIC"
	}
	return format
}

// webpAnimated tells an animated WebP (VP8X with its animation flag): the decoder cannot read
// it, and the file is not damaged.
func webpAnimated(data []byte) bool {
	return len(data) >= 21 && string(data[12:16]) == "VP8X" && data[20]&0x02 != 0
}
