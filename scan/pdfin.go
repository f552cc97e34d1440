package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"

	"shenbao/pdfobj"
	"shenbao/photo"
)

// Reading a scanner's PDF. A scanner or a scanning app stores each page as one picture (an
// image XObject), JPEG (DCTDecode) or compressed raw pixels (FlateDecode); the page's content
// only places it. So the pictures are all we need, and a small reader of image streams does
// it: no PDF library in the served modules reads images without pulling in a whole PDF engine
// (pdfcpu), and ours must stay bounded and cross-compile. Pages come back in the order their
// pictures appear in the file; the matching puts them in the form's order anyway.

// Bounds of a PDF: the file (as a picture), pictures per file, each picture's pixels.
const (
	MaxPDFBytes    = 200 << 20
	MaxPDFPictures = 60
	// MaxPDFPixels: an A4 page scanned at 600 dpi is 35 MP; more is a hostile file.
	MaxPDFPixels = 40_000_000
	// minPageSide: smaller pictures are logos, thumbnails or masks, not pages.
	minPageSide = 500
)

// Errors of reading a PDF; their text is for the user.
var (
	ErrPDFEncrypted = errors.New("这个 PDF 文件有密码保护，本程序读不了。请在扫描软件中导出不加密的 PDF，或直接用照片。")
	ErrPDFNoPicture = errors.New("这个 PDF 文件里没有扫描的页面图片（可能是直接导出的电子版，而不是盖章后扫描的）。请扫描盖章后的纸质表格，或直接用手机拍照。")
	ErrPDFTooLarge  = fmt.Errorf("这个 PDF 文件太大（本程序最多读 %d MB、%d 页）。请分成几个文件，或降低扫描分辨率（300 dpi 足够）后再试。", MaxPDFBytes>>20, MaxPDFPictures)
	ErrPDFPicture   = errors.New("这个 PDF 文件里的页面图片格式本程序读不了（只读 JPEG 和普通压缩的图片）。请在扫描软件中选择“彩色”或“灰度”、JPEG 压缩后重新扫描，或直接用照片。")
)

// IsPDF tells a PDF by its first bytes (a few scanners put junk before %PDF).
func IsPDF(data []byte) bool {
	return bytes.Contains(data[:min(len(data), 1024)], []byte("%PDF-"))
}

// pdfPicture is one image XObject's stream as found in the file.
type pdfPicture struct {
	obj           int
	dict          []byte
	data          []byte
	width, height int
	bpc           int
	filters       []string
}

// PDFPictures returns the page pictures of a scanner's PDF, decoded, in file order. each is
// called per picture, so only one page is held at a time; its error stops the reading.
func PDFPictures(data []byte, each func(n int, img image.Image) error) error {
	if len(data) > MaxPDFBytes {
		return ErrPDFTooLarge
	}
	if bytes.Contains(data, []byte("/Encrypt")) {
		return ErrPDFEncrypted
	}
	pics, masks := pdfImageStreams(data)
	n := 0
	for _, p := range pics {
		if masks[p.obj] || p.width < minPageSide || p.height < minPageSide {
			continue
		}
		n++
		if n > MaxPDFPictures {
			return ErrPDFTooLarge
		}
		img, err := decodePDFPicture(p)
		if err != nil {
			return err
		}
		if err := each(n, img); err != nil {
			return err
		}
	}
	if n == 0 {
		return ErrPDFNoPicture
	}
	return nil
}

// maxPDFObjects bounds the objects walked: a scanner's PDF has a few per page.
const maxPDFObjects = 200_000

// pdfImageStreams finds every image XObject stream, and the objects used as soft masks, in
// the objects pdfobj walks.
func pdfImageStreams(data []byte) ([]pdfPicture, map[int]bool) {
	var pics []pdfPicture
	masks := map[int]bool{}
	pdfobj.Walk(data, maxPDFObjects, func(o pdfobj.Object) bool {
		if o.Dict == nil || o.Stream == nil {
			return true
		}
		if n, ok := pdfobj.Ref(o.Dict, "SMask"); ok {
			masks[n] = true
		}
		if !pdfobj.HasName(o.Dict, "Subtype", "Image") {
			return true
		}
		p := pdfPicture{obj: o.Num, dict: o.Dict, data: o.Stream, filters: pdfobj.Names(o.Dict, "Filter")}
		p.width, _ = pdfobj.Int(o.Dict, "Width")
		p.height, _ = pdfobj.Int(o.Dict, "Height")
		p.bpc, _ = pdfobj.Int(o.Dict, "BitsPerComponent")
		pics = append(pics, p)
		return len(pics) <= 4*MaxPDFPictures
	})
	return pics, masks
}

// decodePDFPicture decodes a JPEG through the photo pipeline (its bounds, CMYK and all), and
// Flate pixels (grey or RGB, 8 bits, or 1-bit black and white) itself, within the same pixel
// limit.
func decodePDFPicture(p pdfPicture) (image.Image, error) {
	if int64(p.width)*int64(p.height) > MaxPDFPixels || p.width > photo.MaxSide || p.height > photo.MaxSide {
		return nil, photo.ErrTooLarge
	}
	switch {
	case len(p.filters) == 1 && p.filters[0] == "DCTDecode":
		return photo.Decode(p.data)
	case len(p.filters) == 2 && p.filters[0] == "FlateDecode" && p.filters[1] == "DCTDecode":
		raw, err := inflate(p.data, photo.MaxFileBytes)
		if err != nil {
			return nil, err
		}
		return photo.Decode(raw)
	case len(p.filters) == 1 && p.filters[0] == "FlateDecode":
		return flatePicture(p)
	}
	return nil, ErrPDFPicture
}

// inflate decodes a picture's Flate data within the pipeline's bounds.
func inflate(data []byte, limit int64) ([]byte, error) {
	out, err := pdfobj.Inflate(data, limit)
	switch {
	case errors.Is(err, pdfobj.ErrTooLarge):
		return nil, photo.ErrTooLarge
	case err != nil:
		return nil, ErrPDFPicture
	}
	return out, nil
}

// flatePicture decodes raw pixels: the colour count comes from the data's length (a
// colour space given as an ICC profile elsewhere in the file needs no parsing then), PNG
// predictors (/Predictor ≥ 10) undone.
func flatePicture(p pdfPicture) (image.Image, error) {
	bpc := p.bpc
	if bpc != 8 && bpc != 1 {
		return nil, ErrPDFPicture
	}
	w, h := p.width, p.height
	predictor, _ := pdfobj.Int(p.dict, "Predictor")
	pred := predictor >= 10
	maxBytes := int64(w*3+1) * int64(h)
	raw, err := inflate(p.data, maxBytes)
	if err != nil {
		return nil, err
	}
	comps := 0
	for _, c := range []int{1, 3} {
		if bpc == 1 && c != 1 {
			continue
		}
		row := (w*c*bpc + 7) / 8
		if pred {
			row++
		}
		if len(raw) >= row*h && len(raw) < row*h+row {
			comps = c
			break
		}
	}
	if comps == 0 {
		return nil, ErrPDFPicture
	}
	row := (w*comps*bpc + 7) / 8
	if pred {
		raw = unpredict(raw, row, h, max(1, comps*bpc/8))
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		src := raw[y*row:]
		dst := img.Pix[y*img.Stride:]
		for x := 0; x < w; x++ {
			var r, g, b uint8
			switch {
			case bpc == 1:
				v := uint8(0)
				if src[x/8]>>(7-uint(x%8))&1 == 1 {
					v = 255
				}
				r, g, b = v, v, v
			case comps == 1:
				r, g, b = src[x], src[x], src[x]
			default:
				r, g, b = src[3*x], src[3*x+1], src[3*x+2]
			}
			dst[4*x], dst[4*x+1], dst[4*x+2], dst[4*x+3] = r, g, b, 255
		}
	}
	return img, nil
}

// unpredict undoes PNG row filters: each row starts with its filter type.
func unpredict(raw []byte, row, h, bpp int) []byte {
	out := make([]byte, row*h)
	prev := make([]byte, row)
	for y := 0; y < h; y++ {
		in := raw[y*(row+1):]
		ft, cur := in[0], in[1:row+1]
		dst := out[y*row : (y+1)*row]
		for i := 0; i < row; i++ {
			var a, c byte
			if i >= bpp {
				a, c = dst[i-bpp], prev[i-bpp]
			}
			b := prev[i]
			switch ft {
			case 1:
				dst[i] = cur[i] + a
			case 2:
				dst[i] = cur[i] + b
			case 3:
				dst[i] = cur[i] + byte((int(a)+int(b))/2)
			case 4:
				dst[i] = cur[i] + paeth(a, b, c)
			default:
				dst[i] = cur[i]
			}
		}
		prev = dst
	}
	return out
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Pictures reads one input file, a photo (JPEG, PNG, HEIC, WebP … through the photo
// pipeline: its bounds, turned upright by EXIF, at most MaxPhotoSide) or a scanner's PDF, and calls each for every
// page picture in it with a name for messages: the file's name, and for a PDF the picture's
// number. The error is the reason the file cannot be read, Chinese for the user (Message).
func Pictures(name string, data []byte, each func(source string, img image.Image) error) error {
	if IsPDF(data) {
		return PDFPictures(data, func(n int, img image.Image) error {
			return each(fmt.Sprintf("%s 第%d页", name, n), img)
		})
	}
	img, err := photo.DecodePreview(data, MaxPhotoSide)
	if err != nil {
		return err
	}
	return each(name, img)
}

// MaxPhotoSide is the longest side a photo is straightened from: a 12-MP phone photo of the
// page has 10 px/mm on the paper, more than the 8 of the pages written; a 48-MP one is
// decoded shrunk by 2×2 blocks (a quarter of the memory, the same page).
const MaxPhotoSide = 4800

// Message is the Chinese sentence for an error of Pictures.
func Message(err error) string {
	for _, e := range []error{ErrPDFEncrypted, ErrPDFNoPicture, ErrPDFTooLarge, ErrPDFPicture} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return photo.Message(err)
}
