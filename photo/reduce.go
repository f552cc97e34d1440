package photo

import (
	"image"
	"image/color"
	"image/draw"
)

// reduce returns the part r of img (in img's coordinates) shrunk by the integer factor k: each
// output pixel is the mean of a k×k block (smaller at the right and bottom edges). The result
// is opaque, with transparent parts laid on white, and CMYK, grey, 16-bit and paletted pixels
// turned into 8-bit RGB. Shrinking a 12-megapixel photo this way first leaves the good (and
// slower) filter only a small picture to work on.
func reduce(img image.Image, r image.Rectangle, k int) *image.NRGBA {
	r = r.Intersect(img.Bounds())
	ow, oh := ceilDiv(r.Dx(), k), ceilDiv(r.Dy(), k)
	out := image.NewNRGBA(image.Rect(0, 0, ow, oh))
	if ycc, ok := img.(*image.YCbCr); ok {
		if k == 1 { // whole pictures (scans): the standard library's YCbCr→RGBA path is ~10× faster
			rgba := &image.RGBA{Pix: out.Pix, Stride: out.Stride, Rect: out.Rect} // opaque: same bytes as NRGBA
			draw.Draw(rgba, rgba.Rect, ycc, r.Min, draw.Src)
			return out
		}
		reduceYCbCr(ycc, r, k, out)
		return out
	}
	read := rowReader(img)
	row := make([]uint8, 4*r.Dx()) // one source row, premultiplied RGBA
	acc := make([]uint32, 4*ow)    // sums over the current band of k rows
	for oy := 0; oy < oh; oy++ {
		clear(acc)
		y0 := r.Min.Y + oy*k
		y1 := min(y0+k, r.Max.Y)
		for y := y0; y < y1; y++ {
			read(y, r.Min.X, r.Max.X, row)
			for i := 0; i < r.Dx(); i++ {
				a := acc[4*(i/k):]
				p := row[4*i:]
				a[0] += uint32(p[0])
				a[1] += uint32(p[1])
				a[2] += uint32(p[2])
				a[3] += uint32(p[3])
			}
		}
		dst := out.Pix[oy*out.Stride:]
		for ox := 0; ox < ow; ox++ {
			n := uint32((min(r.Min.X+(ox+1)*k, r.Max.X) - (r.Min.X + ox*k)) * (y1 - y0))
			a := acc[4*ox:]
			alpha := (a[3] + n/2) / n
			for c := 0; c < 3; c++ {
				// premultiplied colour over white: c + (255 − alpha)
				dst[4*ox+c] = uint8(min((a[c]+n/2)/n+255-alpha, 255))
			}
			dst[4*ox+3] = 255
		}
	}
	return out
}

// reduceYCbCr averages Y, Cb and Cr, then converts once per output pixel: the conversion is
// affine, so this equals averaging RGB, at a fraction of the cost (JPEG and WebP photos).
func reduceYCbCr(src *image.YCbCr, r image.Rectangle, k int, out *image.NRGBA) {
	hs, vs := chromaShift(src.SubsampleRatio)
	ow := out.Rect.Dx()
	acc := make([]uint32, 3*ow)
	cMin := src.Rect.Min.X >> hs
	for oy := 0; oy < out.Rect.Dy(); oy++ {
		clear(acc)
		y0 := r.Min.Y + oy*k
		y1 := min(y0+k, r.Max.Y)
		for y := y0; y < y1; y++ {
			yBase := (y-src.Rect.Min.Y)*src.YStride - src.Rect.Min.X
			cBase := ((y>>vs)-(src.Rect.Min.Y>>vs))*src.CStride - cMin
			for ox := 0; ox < ow; ox++ {
				var sy, scb, scr uint32
				for x := r.Min.X + ox*k; x < min(r.Min.X+(ox+1)*k, r.Max.X); x++ {
					ci := cBase + x>>hs
					sy += uint32(src.Y[yBase+x])
					scb += uint32(src.Cb[ci])
					scr += uint32(src.Cr[ci])
				}
				acc[3*ox] += sy
				acc[3*ox+1] += scb
				acc[3*ox+2] += scr
			}
		}
		dst := out.Pix[oy*out.Stride:]
		for ox := 0; ox < ow; ox++ {
			n := uint32((min(r.Min.X+(ox+1)*k, r.Max.X) - (r.Min.X + ox*k)) * (y1 - y0))
			a := acc[3*ox:]
			cr, cg, cb := color.YCbCrToRGB(uint8((a[0]+n/2)/n), uint8((a[1]+n/2)/n), uint8((a[2]+n/2)/n))
			dst[4*ox], dst[4*ox+1], dst[4*ox+2], dst[4*ox+3] = cr, cg, cb, 255
		}
	}
}

// chromaShift returns log2 of how many pixels share one chroma sample across and down.
func chromaShift(s image.YCbCrSubsampleRatio) (hs, vs uint) {
	switch s {
	case image.YCbCrSubsampleRatio422:
		return 1, 0
	case image.YCbCrSubsampleRatio420:
		return 1, 1
	case image.YCbCrSubsampleRatio440:
		return 0, 1
	case image.YCbCrSubsampleRatio411:
		return 2, 0
	case image.YCbCrSubsampleRatio410:
		return 2, 1
	}
	return 0, 0
}

// rowReader returns a function that writes the pixels x0..x1 of row y as premultiplied 8-bit
// RGBA into dst. The common decoder outputs get a direct path; others go through At.
func rowReader(img image.Image) func(y, x0, x1 int, dst []uint8) {
	switch src := img.(type) {
	case *image.RGBA:
		return func(y, x0, x1 int, dst []uint8) {
			copy(dst, src.Pix[src.PixOffset(x0, y):src.PixOffset(x1-1, y)+4])
		}
	case *image.NRGBA:
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				a := uint32(s[4*i+3])
				dst[4*i] = uint8((uint32(s[4*i])*a + 127) / 255)
				dst[4*i+1] = uint8((uint32(s[4*i+1])*a + 127) / 255)
				dst[4*i+2] = uint8((uint32(s[4*i+2])*a + 127) / 255)
				dst[4*i+3] = uint8(a)
			}
		}
	case *image.Gray:
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3] = s[i], s[i], s[i], 255
			}
		}
	case *image.CMYK:
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				w := 255 - uint32(s[4*i+3])
				dst[4*i] = uint8((255 - uint32(s[4*i])) * w / 255)
				dst[4*i+1] = uint8((255 - uint32(s[4*i+1])) * w / 255)
				dst[4*i+2] = uint8((255 - uint32(s[4*i+2])) * w / 255)
				dst[4*i+3] = 255
			}
		}
	case *image.RGBA64: // 16-bit PNG without alpha: the high bytes
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3] = s[8*i], s[8*i+2], s[8*i+4], s[8*i+6]
			}
		}
	case *image.NRGBA64: // 16-bit PNG with alpha
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				a := uint32(s[8*i+6])
				dst[4*i] = uint8((uint32(s[8*i])*a + 127) / 255)
				dst[4*i+1] = uint8((uint32(s[8*i+2])*a + 127) / 255)
				dst[4*i+2] = uint8((uint32(s[8*i+4])*a + 127) / 255)
				dst[4*i+3] = uint8(a)
			}
		}
	case *image.Gray16:
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3] = s[2*i], s[2*i], s[2*i], 255
			}
		}
	case *image.Paletted:
		pal := premultipliedPalette(src.Palette)
		return func(y, x0, x1 int, dst []uint8) {
			s := src.Pix[src.PixOffset(x0, y):]
			for i := 0; i < x1-x0; i++ {
				copy(dst[4*i:4*i+4], pal[s[i]][:])
			}
		}
	}
	// NYCbCrA (WebP with alpha) and anything else: slower but general.
	return func(y, x0, x1 int, dst []uint8) {
		for i := 0; i < x1-x0; i++ {
			r, g, b, a := img.At(x0+i, y).RGBA()
			dst[4*i], dst[4*i+1], dst[4*i+2], dst[4*i+3] = uint8(r>>8), uint8(g>>8), uint8(b>>8), uint8(a>>8)
		}
	}
}

// premultipliedPalette has 256 entries so any index is safe: an index past the palette (a
// broken file) reads as opaque black, as image.Paletted's At does.
func premultipliedPalette(p color.Palette) *[256][4]uint8 {
	var out [256][4]uint8
	for i := range out {
		out[i] = [4]uint8{0, 0, 0, 255}
		if i < len(p) {
			r, g, b, a := p[i].RGBA()
			out[i] = [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
		}
	}
	return &out
}

func ceilDiv(a, b int) int { return (a + b - 1) / b }
