package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"strings"

	"github.com/gen2brain/heic"
	"golang.org/x/image/bmp"
	"golang.org/x/image/webp"
)

// load reads the header, refuses what is too large, too costly or visibly cut off, decodes,
// and hands the picture to use while its memory is reserved (see decodeMemory). The image is
// as stored: hd.orientation is still to be applied.
func load(data []byte, use func(hd header, img image.Image) error) error {
	hd, err := readHeader(data)
	if err != nil {
		return err
	}
	if int64(len(data)) < minBytes(hd, data) || cutOff(hd.format, data) {
		return ErrTruncated
	}
	need := min(cost(hd, data).bytes, maxDecodeBytes)
	decodeMemory.acquire(need)
	defer decodeMemory.release(need)
	img, err := decodeImage(hd.format, data)
	if err != nil {
		return classify(hd.format, data, err)
	}
	b := img.Bounds()
	if b.Empty() {
		return detail(ErrCorrupt, "图片文件已损坏（没有像素）。请重新导出或拍摄照片后再选择。")
	}
	if err := checkSize(hd.format, b.Dx(), b.Dy()); err != nil { // a decoder that disagrees with its header
		return err
	}
	hd.w, hd.h = b.Dx(), b.Dy()
	return use(hd, img)
}

// decodeImage runs the format's decoder; a panic in third-party code becomes an error.
func decodeImage(format string, data []byte) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("photo: %s decoder panicked: %v", format, r)
		}
	}()
	r := bytes.NewReader(data)
	switch format {
	case FormatJPEG:
		return jpeg.Decode(r)
	case FormatPNG:
		return png.Decode(r)
	case FormatGIF:
		return decodeGIF(r)
	case FormatBMP:
		return bmp.Decode(r)
	case FormatWebP:
		return webp.Decode(r)
	case FormatHEIC:
		return heic.Decode(r)
	}
	return nil, ErrNotPicture
}

// decodeGIF returns the first frame placed on the logical screen (a frame may cover only part
// of it; the rest is transparent and so turns white).
func decodeGIF(r io.ReadSeeker) (image.Image, error) {
	cfg, err := gif.DecodeConfig(r)
	if err != nil {
		return nil, err
	}
	if _, err := r.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	frame, err := gif.Decode(r)
	if err != nil {
		return nil, err
	}
	screen := image.Rect(0, 0, cfg.Width, cfg.Height)
	if frame.Bounds() == screen {
		return frame, nil
	}
	canvas := image.NewNRGBA(screen)
	draw.Draw(canvas, frame.Bounds(), frame, frame.Bounds().Min, draw.Src)
	return canvas, nil
}

// cutOff tells, from the file's structure alone, that its end is missing.
func cutOff(format string, data []byte) bool {
	switch format {
	case FormatPNG:
		return !bytes.Contains(data[max(0, len(data)-64<<10):], []byte("IEND"))
	case FormatWebP: // the RIFF size; one byte of slack for writers that drop the final pad byte
		return int64(binary.LittleEndian.Uint32(data[4:]))+8 > int64(len(data))+1
	case FormatHEIC:
		return heifTruncated(data)
	case FormatBMP:
		return int64(len(data)) < bmpDataEnd(data)
	}
	return false
}

// bmpDataEnd is where an uncompressed BMP's pixel rows end (0 when the header cannot tell).
func bmpDataEnd(data []byte) int64 {
	if len(data) < 34 {
		return 0
	}
	offset := int64(binary.LittleEndian.Uint32(data[10:]))
	w := int64(int32(binary.LittleEndian.Uint32(data[18:])))
	h := int64(int32(binary.LittleEndian.Uint32(data[22:])))
	bpp := int64(binary.LittleEndian.Uint16(data[28:]))
	compression := binary.LittleEndian.Uint32(data[30:])
	if binary.LittleEndian.Uint32(data[14:]) < 40 || (compression != 0 && compression != 3) {
		return 0
	}
	if w < 0 || w > MaxSide || bpp > 64 {
		return 0
	}
	h = min(max(h, -h), MaxSide) // negative height: rows stored top-down
	stride := (w*bpp + 31) / 32 * 4
	return offset + stride*h
}

// cutShort tells whether a decoding error means the file ends too early.
func cutShort(format string, data []byte, err error) bool {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return true
	}
	// Some decoders flatten the cause into text ("gif: reading image data: unexpected EOF",
	// jpeg's "short Huffman data").
	msg := err.Error()
	for _, s := range []string{"EOF", "short Huffman data", "not enough image data"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	switch format {
	case FormatJPEG:
		return jpegCut(data)
	case FormatGIF:
		return data[len(data)-1] != 0x3B // the trailer
	}
	return cutOff(format, data)
}

// unsupported tells whether a decoder refused a valid file it cannot read (arithmetic coding,
// 12-bit JPEG, compressed BMP, …).
func unsupported(err error) bool {
	var je jpeg.UnsupportedError
	var pe png.UnsupportedError
	return errors.As(err, &je) || errors.As(err, &pe) || errors.Is(err, bmp.ErrUnsupported) ||
		strings.Contains(err.Error(), "not implemented") || strings.Contains(err.Error(), "unsupported")
}

// isOurs tells whether err is already one of this package's errors.
func isOurs(err error) bool {
	var u userError
	var d *detailError
	return errors.As(err, &u) || errors.As(err, &d)
}
