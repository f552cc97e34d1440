// Package photo turns any picture a teacher has into the 1-inch photo of the form: it reads
// JPEG (RGB, grey, CMYK), PNG, BMP, GIF, WebP and HEIC, turns it upright by its EXIF
// orientation, keeps a 5:7 part (the centre, or the frame the user chose), and stores it as a
// baseline JPEG of 295×413 pixels (25×35 mm at 300 dpi), at most 300 KB.
//
// Every refusal is one of the sentinel errors in errors.go, whose text is a Chinese sentence for
// the user; no input makes the package panic. It imports nothing of ours: forms, render and the
// readers call it.
package photo

import (
	"image"

	"github.com/disintegration/imaging"
)

// Size of the stored photo: 25×35 mm at 300 dpi. A crop smaller than this is enlarged to it,
// and will print blurred.
const (
	MinWidth  = 295
	MinHeight = 413
)

// MaxStoredBytes bounds the stored JPEG (300 KB, counted as 300 000 bytes to be safe).
const MaxStoredBytes = 300_000

// MIME is the type of the stored photo.
const MIME = "image/jpeg"

// Crop is an optional crop rectangle chosen by the user in the app, in fractions (0..1) of the
// upright (EXIF-oriented) picture: X, Y top-left, W, H size. nil means the centre 5:7 part. A
// rectangle that is not 5:7 is narrowed to the largest 5:7 part of its centre.
type Crop struct{ X, Y, W, H float64 }

// Result is the stored photo.
type Result struct {
	JPEG          []byte // upright, 5:7, 295×413 px, <= MaxStoredBytes, baseline JPEG, YCbCr
	Width, Height int    // of JPEG
	// The pixels of the source picture that were kept (the crop, upright), before scaling.
	SourceWidth, SourceHeight int
}

// Blurry tells whether the photo was enlarged from fewer pixels than it prints with.
func (r Result) Blurry() bool { return SourceTooSmall(r.SourceWidth, r.SourceHeight) }

// SourceTooSmall tells whether a crop of w×h source pixels is below 300 dpi at 25×35 mm.
func SourceTooSmall(w, h int) bool { return w < MinWidth || h < MinHeight }

// Process is the one entry point: it reads the picture in data, turns it upright, keeps the crop
// (nil: the centre 5:7 part) and returns the photo to store.
func Process(data []byte, crop *Crop) (res Result, err error) {
	defer func() { // a bug of ours must not take the app down with the user's work
		if r := recover(); r != nil {
			res, err = Result{}, detail(ErrCorrupt, "这张图片无法处理。请换一张照片，或把它另存为 JPEG 后再选择。")
		}
	}()
	return process(data, crop)
}

func process(data []byte, crop *Crop) (Result, error) {
	var small *image.NRGBA
	var keep image.Rectangle
	err := load(data, func(hd header, img image.Image) error {
		uw, uh := hd.upright()
		var err error
		if keep, err = cropRect(crop, uw, uh); err != nil {
			return err
		}
		src := storedRect(hd.orientation, keep, hd.w, hd.h).Add(img.Bounds().Min)
		// Shrink by whole blocks to at least twice the target, then let Lanczos do the rest.
		k := max(1, min(keep.Dx()/(2*MinWidth), keep.Dy()/(2*MinHeight)))
		small = orient(hd.orientation, reduce(img, src, k))
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	final := imaging.Resize(small, MinWidth, MinHeight, imaging.Lanczos)
	// Opaque, so its pixels read the same as RGBA, which Go's encoder takes without At calls.
	out, err := encode(&image.RGBA{Pix: final.Pix, Stride: final.Stride, Rect: final.Rect}, keep.Dx(), keep.Dy())
	if err != nil {
		return Result{}, err
	}
	return Result{JPEG: out, Width: MinWidth, Height: MinHeight, SourceWidth: keep.Dx(), SourceHeight: keep.Dy()}, nil
}

// Decode returns the whole picture upright and opaque (transparent parts on white), for the
// app's crop frame; the limits and errors are Process's. It holds the full picture in memory:
// prefer DecodePreview for showing it.
func Decode(data []byte) (image.Image, error) {
	return DecodePreview(data, 0)
}

// DecodePreview is Decode shrunk by whole blocks so that neither side exceeds maxSide pixels
// (0: full size). Crop fractions measured on it apply unchanged to Process.
func DecodePreview(data []byte, maxSide int) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, detail(ErrCorrupt, "这张图片无法显示。请换一张照片，或把它另存为 JPEG 后再选择。")
		}
	}()
	err = load(data, func(hd header, src image.Image) error {
		k := 1
		if maxSide > 0 {
			k = max(1, ceilDiv(max(hd.w, hd.h), maxSide))
		}
		img = orient(hd.orientation, reduce(src, src.Bounds(), k))
		return nil
	})
	return img, err
}

// errEncode should never happen: 295×413 pixels fit 300 KB at any quality we try.
func errEncode(size int) error {
	return detail(ErrCorrupt, "照片无法压缩到 300 KB 以内（%d 字节）。请换一张照片后再试。", size)
}
