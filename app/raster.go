package app

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"math"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"shenbao/fonts"
	"shenbao/render"
)

// rasterizer draws render's pages into images for the preview: the same boxes the PDF
// writer draws, the same fonts, glyphs placed by the same advances. It draws glyph outlines
// itself (rather than through Fyne's text) because the preview must place every rune where
// the PDF does, justified lines and the rotated watermark included.
type rasterizer struct {
	mu            sync.Mutex // sfnt.Buffer is not safe for concurrent use
	regular, bold *sfnt.Font
	buf           sfnt.Buffer
	z             vector.Rasterizer
}

var (
	rasterOnce sync.Once
	theRaster  *rasterizer
	rasterErr  error
)

func pageRasterizer() (*rasterizer, error) {
	rasterOnce.Do(func() {
		r := &rasterizer{}
		if r.regular, rasterErr = sfnt.Parse(fonts.Regular); rasterErr != nil {
			return
		}
		if r.bold, rasterErr = sfnt.Parse(fonts.Bold); rasterErr != nil {
			return
		}
		theRaster = r
	})
	return theRaster, rasterErr
}

// draw returns page p as an image, scale pixels per point.
func (r *rasterizer) draw(p render.Page, scale float64) *image.RGBA {
	r.mu.Lock()
	defer r.mu.Unlock()
	w, h := int(math.Ceil(p.Width*scale)), int(math.Ceil(p.Height*scale))
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for _, b := range p.Boxes {
		switch b.Kind {
		case render.CellBox:
			r.cell(img, b, scale)
		case render.TextBox:
			r.text(img, b, scale)
		case render.ImageBox:
			r.picture(img, b, scale)
		case render.WatermarkBox:
			r.watermark(img, b, scale)
		}
	}
	return img
}

// cell strokes a cell's rectangle with lines of at least one pixel.
func (r *rasterizer) cell(img *image.RGBA, b render.Box, scale float64) {
	lw := max(1, int(math.Round(render.RuleWidth*scale)))
	x0, y0 := int(math.Round(b.X*scale)), int(math.Round(b.Y*scale))
	x1, y1 := int(math.Round((b.X+b.W)*scale)), int(math.Round((b.Y+b.H)*scale))
	black := image.Black
	for _, rc := range []image.Rectangle{
		image.Rect(x0, y0, x1+lw, y0+lw), image.Rect(x0, y1, x1+lw, y1+lw),
		image.Rect(x0, y0, x0+lw, y1+lw), image.Rect(x1, y0, x1+lw, y1+lw),
	} {
		draw.Draw(img, rc.Sub(image.Pt(lw/2, lw/2)), black, image.Point{}, draw.Src)
	}
}

// text draws a line rune by rune at the layout's advances plus its justification.
func (r *rasterizer) text(img *image.RGBA, b render.Box, scale float64) {
	m := render.FontMeasurer()
	ink := grayInk(b.Gray)
	x := b.X
	for i, c := range []rune(b.Text) {
		r.glyph(img, b.Font, c, b.Size, scale, x, b.Baseline, 0, ink)
		x += m.Advance(b.Font, c, b.Size)
		if i < len(b.Extra) {
			x += b.Extra[i]
		}
	}
}

// watermark draws 草稿（未通过检查） turned about its centre, as the PDF writer does.
func (r *rasterizer) watermark(img *image.RGBA, b render.Box, scale float64) {
	m := render.FontMeasurer()
	ink := grayInk(b.Gray)
	a := b.Angle * math.Pi / 180
	cos, sin := math.Cos(a), math.Sin(a)
	base := (render.FontAscent - render.FontDescent) / 2 * b.Size // below the centre, unturned
	x := -b.W / 2
	for _, c := range b.Text {
		// A point (x, y) of the unturned line, y down, turned counter-clockwise on the page.
		px := b.X + x*cos + base*sin
		py := b.Y - x*sin + base*cos
		r.glyph(img, b.Font, c, b.Size, scale, px, py, a, ink)
		x += m.Advance(b.Font, c, b.Size)
	}
}

// glyph draws rune c with its origin at (x, y) points, turned by angle radians.
func (r *rasterizer) glyph(img *image.RGBA, f render.Font, c rune, size, scale, x, y, angle float64, ink image.Image) {
	if c == ' ' || c == '\u3000' {
		return
	}
	fnt := r.regular
	if f == render.Bold {
		fnt = r.bold
	}
	gi, err := fnt.GlyphIndex(&r.buf, c)
	if (err != nil || gi == 0) && fnt == r.bold { // outside the bold subset: the PDF uses regular too
		fnt = r.regular
		gi, err = fnt.GlyphIndex(&r.buf, c)
	}
	if err != nil || gi == 0 {
		gi, _ = fnt.GlyphIndex(&r.buf, '□') // what the PDF prints for a character it lacks
	}
	ppem := size * scale
	segs, err := fnt.LoadGlyph(&r.buf, gi, fixed.Int26_6(ppem*64), nil)
	if err != nil || len(segs) == 0 {
		return
	}
	cos, sin := math.Cos(angle), math.Sin(angle)
	ox, oy := x*scale, y*scale
	pt := func(p fixed.Point26_6) (float64, float64) {
		gx, gy := float64(p.X)/64, float64(p.Y)/64
		return ox + gx*cos + gy*sin, oy - gx*sin + gy*cos
	}
	bounds := image.Rectangle{}
	first := true
	for _, s := range segs {
		for _, p := range s.Args {
			px, py := pt(p)
			pr := image.Rect(int(math.Floor(px)), int(math.Floor(py)), int(math.Ceil(px))+1, int(math.Ceil(py))+1)
			if first {
				bounds, first = pr, false
			} else {
				bounds = bounds.Union(pr)
			}
		}
	}
	bounds = bounds.Intersect(img.Bounds())
	if bounds.Empty() {
		return
	}
	r.z.Reset(bounds.Dx(), bounds.Dy())
	dx, dy := float64(bounds.Min.X), float64(bounds.Min.Y)
	local := func(p fixed.Point26_6) (float32, float32) {
		px, py := pt(p)
		return float32(px - dx), float32(py - dy)
	}
	for i, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			if i > 0 {
				r.z.ClosePath() // each contour closed, whatever the font wrote
			}
			r.z.MoveTo(local(s.Args[0]))
		case sfnt.SegmentOpLineTo:
			r.z.LineTo(local(s.Args[0]))
		case sfnt.SegmentOpQuadTo:
			bx, by := local(s.Args[0])
			cx, cy := local(s.Args[1])
			r.z.QuadTo(bx, by, cx, cy)
		case sfnt.SegmentOpCubeTo:
			bx, by := local(s.Args[0])
			cx, cy := local(s.Args[1])
			ex, ey := local(s.Args[2])
			r.z.CubeTo(bx, by, cx, cy, ex, ey)
		}
	}
	r.z.ClosePath()
	r.z.DrawOp = draw.Over
	r.z.Draw(img, bounds, ink, image.Point{})
}

func grayInk(g float64) image.Image {
	v := uint8(min(max(g, 0), 1)*255 + 0.5)
	return image.NewUniform(color.RGBA{v, v, v, 255})
}

// picture draws the photo's printed part scaled into its box.
func (r *rasterizer) picture(img *image.RGBA, b render.Box, scale float64) {
	if b.Image == nil {
		return
	}
	src, _, err := image.Decode(bytes.NewReader(b.Image.Data))
	if err != nil {
		return
	}
	dst := image.Rect(int(math.Round(b.X*scale)), int(math.Round(b.Y*scale)),
		int(math.Round((b.X+b.W)*scale)), int(math.Round((b.Y+b.H)*scale)))
	crop := b.Image.Crop.Add(src.Bounds().Min)
	xdraw.CatmullRom.Scale(img, dst, src, crop, draw.Src, nil)
}
