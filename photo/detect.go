package photo

import (
	"bytes"
	"encoding/binary"
)

// Formats the pipeline reads, as Probe names them.
const (
	FormatJPEG = "jpeg"
	FormatPNG  = "png"
	FormatGIF  = "gif"
	FormatBMP  = "bmp"
	FormatWebP = "webp"
	FormatHEIC = "heic"
)

// sniff tells the format from the first bytes, never from a file name: teachers rename files,
// and chat apps save WebP as .jpg. Files we recognise but cannot read get a message naming
// them, so the user knows what to convert.
func sniff(data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return FormatJPEG, nil
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return FormatPNG, nil
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return FormatGIF, nil
	case bytes.HasPrefix(data, []byte("BM")) && len(data) >= 26:
		return FormatBMP, nil
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return FormatWebP, nil
	case len(data) >= 12 && string(data[4:8]) == "ftyp":
		return sniffISO(data)
	}
	return "", sniffOther(data)
}

// sniffISO sorts ISO base media files (HEIF, AVIF, MP4, MOV) by their ftyp brands.
func sniffISO(data []byte) (string, error) {
	size := int(binary.BigEndian.Uint32(data))
	if size < 16 || size > len(data) || size > 4096 {
		size = min(len(data), 64)
	}
	brands := map[string]bool{string(data[8:12]): true}
	for i := 16; i+4 <= size; i += 4 {
		brands[string(data[i:i+4])] = true
	}
	for _, b := range []string{"heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"} {
		if brands[b] {
			return FormatHEIC, nil
		}
	}
	if brands["avif"] || brands["avis"] {
		return "", detail(ErrUnsupported, "AVIF 格式的图片本程序读不了。请用手机相册或画图软件把照片另存为 JPEG 或 PNG 后再选择。")
	}
	if brands["mif1"] || brands["msf1"] {
		// A HEIF without a HEVC brand: let the decoder try, it says so if the codec is unknown.
		return FormatHEIC, nil
	}
	return "", detail(ErrNotPicture, "这个文件是视频，不是照片。请选择一张照片（JPEG、PNG、HEIC 等）。")
}

// sniffOther names common files that are not pictures we read.
func sniffOther(data []byte) error {
	switch {
	case bytes.HasPrefix(data, []byte("%PDF")):
		return detail(ErrNotPicture, "这是 PDF 文件，不是图片。请选择照片文件（JPEG、PNG 等）；如果照片在 PDF 里，请先截图保存为图片。")
	case bytes.HasPrefix(data, []byte("II*\x00")), bytes.HasPrefix(data, []byte("MM\x00*")):
		return detail(ErrUnsupported, "TIFF 格式（或相机 RAW 格式）的图片本程序读不了。请用画图软件或相机软件把照片另存为 JPEG 或 PNG 后再选择。")
	case bytes.HasPrefix(data, []byte("8BPS")):
		return detail(ErrUnsupported, "Photoshop（PSD）文件本程序读不了。请在 Photoshop 里把照片另存为 JPEG 或 PNG 后再选择。")
	case bytes.HasPrefix(data, []byte{0xFF, 0x0A}), bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cJXL ")),
		bytes.HasPrefix(data, []byte("\x00\x00\x00\x0cjP  ")), bytes.HasPrefix(data, []byte{0xFF, 0x4F, 0xFF, 0x51}):
		return detail(ErrUnsupported, "JPEG XL 或 JPEG 2000 格式的图片本程序读不了。请把照片另存为普通 JPEG 或 PNG 后再选择。")
	case bytes.HasPrefix(data, []byte{0, 0, 1, 0}):
		return detail(ErrUnsupported, "图标（ICO）文件本程序读不了。请选择一张照片（JPEG、PNG 等）。")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return detail(ErrNotPicture, "这是压缩包或 Word/Excel 文件，不是图片。请先把照片取出来，另存为 JPEG 或 PNG 后再选择。")
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return detail(ErrNotPicture, "这是 Word/Excel 等 Office 文件，不是图片。请先把照片另存为 JPEG 或 PNG 后再选择。")
	case looksLikeSVG(data):
		return detail(ErrUnsupported, "SVG 矢量图本程序读不了。请选择一张照片（JPEG、PNG 等）。")
	}
	return ErrNotPicture
}

func looksLikeSVG(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 512)])
	return bytes.Contains(head, []byte("<svg"))
}
