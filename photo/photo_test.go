package photo

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"math"
	"testing"

	"github.com/disintegration/imaging"
	"golang.org/x/image/bmp"
)

// storedByCamera returns how a camera stores an upright picture for EXIF orientation o: the
// inverse of what a viewer applies. Made with imaging's transforms, not with ours.
func storedByCamera(up image.Image, o int) image.Image {
	switch o {
	case 2:
		return imaging.FlipH(up)
	case 3:
		return imaging.Rotate180(up)
	case 4:
		return imaging.FlipV(up)
	case 5:
		return imaging.Transpose(up)
	case 6: // shown turned 90° clockwise, so stored turned 90° anticlockwise
		return imaging.Rotate90(up)
	case 7:
		return imaging.Transverse(up)
	case 8:
		return imaging.Rotate270(up)
	}
	return imaging.Clone(up)
}

func TestOrientations(t *testing.T) {
	for _, size := range []image.Point{{100, 140}, {1300, 1820}} { // enlarged; shrunk by blocks of 2
		for _, order := range []byteOrder{binary.LittleEndian, binary.BigEndian} {
			for o := 1; o <= 8; o++ {
				t.Run(fmt.Sprintf("%dx%d/%v/%d", size.X, size.Y, order, o), func(t *testing.T) {
					stored := storedByCamera(upright(size.X, size.Y, false), o)
					data := insertAfterSOI(encodeJPEG(t, stored, 95), exifAPP1(o, order))
					res, err := Process(data, nil)
					if err != nil {
						t.Fatal(err)
					}
					checkStored(t, res, uprightProbes(green))
					if res.SourceWidth != size.X || res.SourceHeight != size.Y {
						t.Errorf("source %dx%d, want %dx%d", res.SourceWidth, res.SourceHeight, size.X, size.Y)
					}
					if res.Blurry() != (size.X < MinWidth) {
						t.Errorf("Blurry() = %v for a %dx%d source", res.Blurry(), size.X, size.Y)
					}
					format, w, h, err := Probe(data)
					if err != nil || format != FormatJPEG || w != size.X || h != size.Y {
						t.Errorf("Probe = %s %dx%d %v, want jpeg %dx%d (upright)", format, w, h, err, size.X, size.Y)
					}
				})
			}
		}
	}
}

// A phone's usual case: a landscape-stored 4:3 picture with orientation 6, shown portrait.
func TestSidewaysPhonePicture(t *testing.T) {
	up := upright(900, 1200, false)
	data := insertAfterSOI(encodeJPEG(t, storedByCamera(up, 6), 90), exifAPP1(6, binary.BigEndian))
	res, err := Process(data, nil)
	if err != nil {
		t.Fatal(err)
	}
	// 900×1200 upright keeps 857×1200 in the middle: the marker (left 225 px) is partly cut.
	checkStored(t, res, []probe{{0.02, 0.08, green}, {0.92, 0.08, red}, {0.5, 0.8, blue}})
	if res.SourceWidth != 857 || res.SourceHeight != 1200 {
		t.Errorf("source %dx%d, want 857x1200", res.SourceWidth, res.SourceHeight)
	}
}

// bands draws w×h in three bands of colours a, b, c: across when across is set, else down.
func bands(w, h int, across bool, a, b, c color.NRGBA) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			pos, n := y, h
			if across {
				pos, n = x, w
			}
			col := a
			if pos >= n/3 {
				col = b
			}
			if pos >= 2*n/3 {
				col = c
			}
			img.SetNRGBA(x, y, col)
		}
	}
	return img
}

func TestCentreIsKept(t *testing.T) {
	allGreen := []probe{{0.02, 0.02, green}, {0.98, 0.02, green}, {0.5, 0.5, green}, {0.02, 0.98, green}, {0.98, 0.98, green}}
	tests := []struct {
		name string
		img  image.Image
		w, h int // source kept
	}{
		{"landscape", bands(2100, 900, true, red, green, blue), 643, 900},
		{"tall", bands(900, 4200, false, red, green, blue), 900, 1260},
		{"small landscape", bands(420, 120, true, red, green, blue), 86, 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Process(encodeJPEG(t, tt.img, 95), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkStored(t, res, allGreen)
			if res.SourceWidth != tt.w || res.SourceHeight != tt.h {
				t.Errorf("source %dx%d, want %dx%d", res.SourceWidth, res.SourceHeight, tt.w, tt.h)
			}
		})
	}
}

// quadrants draws a w×h picture whose quarters are red, green (top), blue, white (bottom).
func quadrants(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := [2][2]color.NRGBA{{red, green}, {blue, white}}[btoi(y >= h/2)][btoi(x >= w/2)]
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestUserCrop(t *testing.T) {
	data := encodeJPEG(t, quadrants(1000, 1400), 95)
	all := func(c color.NRGBA) []probe {
		return []probe{{0.03, 0.03, c}, {0.97, 0.03, c}, {0.5, 0.5, c}, {0.03, 0.97, c}, {0.97, 0.97, c}}
	}
	tests := []struct {
		name string
		crop Crop
		want color.NRGBA
		w, h int
	}{
		{"top left", Crop{0, 0, 0.5, 0.5}, red, 500, 700},
		{"top right", Crop{0.5, 0, 0.5, 0.5}, green, 500, 700},
		{"bottom left, wider than 5:7", Crop{0, 0.5, 0.5, 0.4}, blue, 400, 560},
		{"bottom right, past the edge", Crop{0.55, 0.55, 0.9, 0.9}, white, 450, 630},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Process(data, &tt.crop)
			if err != nil {
				t.Fatal(err)
			}
			checkStored(t, res, all(tt.want))
			if res.SourceWidth != tt.w || res.SourceHeight != tt.h {
				t.Errorf("source %dx%d, want %dx%d", res.SourceWidth, res.SourceHeight, tt.w, tt.h)
			}
		})
	}
}

func TestBadCrop(t *testing.T) {
	data := encodeJPEG(t, quadrants(100, 140), 90)
	nan := math.NaN()
	for _, c := range []Crop{{0, 0, 0, 0.5}, {0, 0, 0.5, -1}, {2, 2, 0.5, 0.5}, {-3, 0, 1, 1}, {nan, 0, 1, 1}, {0, 0, math.Inf(1), 1}} {
		if _, err := Process(data, &c); !errors.Is(err, ErrBadCrop) {
			t.Errorf("crop %+v: err = %v, want ErrBadCrop", c, err)
		}
	}
}

// The crop is measured on the upright picture, also when the file stores it turned.
func TestUserCropOnTurnedPicture(t *testing.T) {
	up := quadrants(1000, 1400)
	for o := 1; o <= 8; o++ {
		data := insertAfterSOI(encodeJPEG(t, storedByCamera(up, o), 95), exifAPP1(o, binary.LittleEndian))
		res, err := Process(data, &Crop{0.5, 0, 0.5, 0.5})
		if err != nil {
			t.Fatal(err)
		}
		t.Run(fmt.Sprint(o), func(t *testing.T) {
			checkStored(t, res, []probe{{0.03, 0.03, green}, {0.97, 0.97, green}})
		})
	}
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// convertTo copies img into a new image of the same size made by mk.
func convertTo[T settable](img image.Image, mk func(image.Rectangle) T) T {
	out := mk(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			out.Set(x, y, img.At(x, y))
		}
	}
	return out
}

type settable interface {
	image.Image
	Set(x, y int, c color.Color)
}

func paletted(img image.Image) *image.Paletted {
	pal := color.Palette{red, blue, green, color.NRGBA{0, 0, 0, 0}}
	return convertTo(img, func(r image.Rectangle) *image.Paletted { return image.NewPaletted(r, pal) })
}

// grey checks that a grey picture keeps its tone and comes out as a colour (YCbCr) JPEG.
func greyPicture() *image.Gray {
	img := image.NewGray(image.Rect(0, 0, 200, 280))
	for i := range img.Pix {
		img.Pix[i] = 128
	}
	return img
}

func TestFormats(t *testing.T) {
	up := upright(200, 280, false)
	clear := upright(200, 280, true)
	onWhite := uprightProbes(white)
	tests := []struct {
		name   string
		data   []byte
		format string
		probes []probe
	}{
		{"jpeg", encodeJPEG(t, up, 90), FormatJPEG, uprightProbes(green)},
		{"jpeg progressive (ImageMagick)", readFixture(t, "progressive.jpg"), FormatJPEG, uprightProbes(green)},
		{"jpeg CMYK, Adobe (ImageMagick)", readFixture(t, "cmyk.jpg"), FormatJPEG, uprightProbes(green)},
		{"jpeg YCCK, Adobe (ImageMagick)", readFixture(t, "ycck.jpg"), FormatJPEG, uprightProbes(green)},
		{"png rgba", encodePNG(t, up), FormatPNG, uprightProbes(green)},
		{"png transparent marker", encodePNG(t, clear), FormatPNG, onWhite},
		{"png 16-bit", encodePNG(t, convertTo(up, image.NewRGBA64)), FormatPNG, uprightProbes(green)},
		{"png 16-bit alpha", encodePNG(t, convertTo(clear, image.NewNRGBA64)), FormatPNG, onWhite},
		{"png paletted with transparency", encodePNG(t, paletted(clear)), FormatPNG, onWhite},
		{"png interlaced (ImageMagick)", readFixture(t, "interlaced.png"), FormatPNG, uprightProbes(green)},
		{"bmp 32-bit", encodeBMP(t, up), FormatBMP, uprightProbes(green)},
		{"bmp 8-bit", encodeBMP(t, paletted(up)), FormatBMP, uprightProbes(green)},
		{"gif", encodeGIF(t, paletted(clear)), FormatGIF, onWhite},
		{"webp lossy (ImageMagick)", readFixture(t, "upright.webp"), FormatWebP, uprightProbes(green)},
		{"webp lossless (ImageMagick)", readFixture(t, "upright_lossless.webp"), FormatWebP, uprightProbes(green)},
		{"webp alpha (ImageMagick)", readFixture(t, "alpha.webp"), FormatWebP, onWhite},
		{"heic (ImageMagick)", readFixture(t, "upright.heic"), FormatHEIC, uprightProbes(green)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, w, h, err := Probe(tt.data)
			if err != nil || format != tt.format || w != 200 || h != 280 {
				t.Errorf("Probe = %s %dx%d %v, want %s 200x280", format, w, h, err, tt.format)
			}
			res, err := Process(tt.data, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkStored(t, res, tt.probes)
			if res.SourceWidth != 200 || res.SourceHeight != 280 || !res.Blurry() {
				t.Errorf("source %dx%d blurry %v, want 200x280 blurry", res.SourceWidth, res.SourceHeight, res.Blurry())
			}
		})
	}
}

func TestGreyStaysGrey(t *testing.T) {
	for name, data := range map[string][]byte{"jpeg": encodeJPEG(t, greyPicture(), 95), "png": encodePNG(t, greyPicture())} {
		res, err := Process(data, nil)
		if err != nil {
			t.Fatal(err)
		}
		img, _ := imaging.Decode(bytes.NewReader(res.JPEG))
		r, g, b, _ := img.At(150, 200).RGBA()
		if d := max(r>>8, g>>8, b>>8) - min(r>>8, g>>8, b>>8); d > 2 || r>>8 < 124 || r>>8 > 132 {
			t.Errorf("%s: grey 128 came out as %d,%d,%d", name, r>>8, g>>8, b>>8)
		}
	}
}

func encodeBMP(t testing.TB, img image.Image) []byte {
	var buf bytes.Buffer
	if err := bmp.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t testing.TB, img *image.Paletted) []byte {
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A GIF whose first frame covers only part of its screen: the rest is white.
func TestGIFFrameSmallerThanScreen(t *testing.T) {
	frame := image.NewPaletted(image.Rect(0, 0, 200, 140), color.Palette{red, blue})
	var buf bytes.Buffer
	err := gif.EncodeAll(&buf, &gif.GIF{
		Image:  []*image.Paletted{frame},
		Delay:  []int{0},
		Config: image.Config{ColorModel: frame.Palette, Width: 200, Height: 280},
	})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Process(buf.Bytes(), nil)
	if err != nil {
		t.Fatal(err)
	}
	checkStored(t, res, []probe{{0.5, 0.2, red}, {0.5, 0.8, white}})
}

// HEIF turns the picture with irot/imir boxes, which the decoder applies; the EXIF orientation
// of a HEIC must not be applied on top. The fixtures store the picture turned; the test adds
// the box that turns it back.
func TestHEICTransforms(t *testing.T) {
	tests := []struct {
		fixture, box string
		arg          byte
	}{
		{"stored_cw90.heic", "irot", 1},
		{"stored_ccw90.heic", "irot", 3},
		{"stored_mirror.heic", "imir", 1}, // mode 1: left and right exchanged (HEIF amendment 2, as iPhones and libheif)
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			data := heifWithProperty(t, readFixture(t, tt.fixture), box(tt.box, []byte{tt.arg}))
			format, w, h, err := Probe(data)
			if err != nil || format != FormatHEIC || w != 200 || h != 280 {
				t.Errorf("Probe = %s %dx%d %v, want heic 200x280", format, w, h, err)
			}
			res, err := Process(data, nil)
			if err != nil {
				t.Fatal(err)
			}
			checkStored(t, res, uprightProbes(green))
		})
	}
}

func TestDecodePreview(t *testing.T) {
	data := insertAfterSOI(encodeJPEG(t, storedByCamera(upright(1000, 1400, false), 6), 90), exifAPP1(6, binary.LittleEndian))
	for _, tt := range []struct{ max, w, h int }{{0, 1000, 1400}, {700, 500, 700}, {500, 334, 467}} {
		img, err := DecodePreview(data, tt.max)
		if err != nil {
			t.Fatal(err)
		}
		b := img.Bounds()
		if b.Dx() != tt.w || b.Dy() != tt.h {
			t.Errorf("DecodePreview(%d) = %dx%d, want %dx%d", tt.max, b.Dx(), b.Dy(), tt.w, tt.h)
		}
		if got := nearest(img.At(b.Dx()/10, b.Dy()/10)); got != green {
			t.Errorf("DecodePreview(%d): top-left is %v, want the green marker", tt.max, got)
		}
		if got := nearest(img.At(b.Dx()/2, b.Dy()*9/10)); got != blue {
			t.Errorf("DecodePreview(%d): bottom is %v, want blue", tt.max, got)
		}
	}
	if _, err := Decode(nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Decode(nil) = %v, want ErrEmpty", err)
	}
}

func TestInspectStored(t *testing.T) {
	for _, tt := range []struct {
		w, h   int
		blurry bool
	}{{200, 280, true}, {1000, 1400, false}} {
		res, err := Process(encodeJPEG(t, upright(tt.w, tt.h, false), 90), nil)
		if err != nil {
			t.Fatal(err)
		}
		info, err := InspectStored(res.JPEG)
		want := StoredInfo{FormatJPEG, MinWidth, MinHeight, tt.w, tt.h}
		if err != nil || info != want || info.Blurry() != tt.blurry {
			t.Errorf("InspectStored = %+v, %v (blurry %v); want %+v (blurry %v)", info, err, info.Blurry(), want, tt.blurry)
		}
		if w, h, err := DecodeConfigStored(res.JPEG); err != nil || w != MinWidth || h != MinHeight {
			t.Errorf("DecodeConfigStored = %dx%d, %v", w, h, err)
		}
	}
	// A photo not made by Process: its own size decides.
	info, err := InspectStored(encodeJPEG(t, upright(250, 350, false), 90))
	if err != nil || info.SourceWidth != 250 || !info.Blurry() {
		t.Errorf("InspectStored(plain 250x350) = %+v, %v; want blurry with source 250x350", info, err)
	}
}
