// Package pdf draws the layout model of package render into a PDF with gopdf: the embedded
// Noto Serif SC and, for Latin characters, Liberation Serif as subsets, text in reading order, the document info, nothing else (no
// scripts, no forms, nothing fetched).
package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // stored photos may come from other programs
	"image/jpeg"
	_ "image/png"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/signintech/gopdf"

	"shenbao/fonts"
	"shenbao/render"
)

// Info is the document information of the PDF.
type Info struct {
	Title   string    // the form's title
	Author  string    // the host's name
	Creator string    // "shenbao " + version
	Created time.Time // CreationDate
	Draft   []byte    // the draft file's JSON, attached to the PDF (attach.go); nil: none
}

// The font families as the PDF names them: a six-letter tag and "+" mark an embedded subset
// (PDF 32000 §9.6.4), which is what pdffonts and preflight tools look for.
const (
	familyRegular = "SHNBAA+NotoSerifSC-Regular"
	familyBold    = "SHNBAB+NotoSerifSC-Bold"
	// Liberation Serif sets the Latin characters (fonts.Latin): metric-compatible with Times
	// New Roman, the .docx's Latin face.
	familyLatinRegular = "SHNBAC+LiberationSerif"
	familyLatinBold    = "SHNBAD+LiberationSerif-Bold"
)

// Parsing the 15 MB regular font is the slow part of an export: it is done once per process
// and shared by every document (gopdf copies what it changes per document).
var (
	fontsOnce sync.Once
	fontsErr  error
	container gopdf.FontContainer
	// writeMu: gopdf's parsed font tables are shared; one document is written at a time.
	writeMu sync.Mutex
)

func loadFonts() error {
	fontsOnce.Do(func() {
		if err := container.AddTTFFontData(familyRegular, fonts.Regular); err != nil {
			fontsErr = fmt.Errorf("pdf: regular font: %w", err)
			return
		}
		if err := container.AddTTFFontData(familyBold, fonts.Bold); err != nil {
			fontsErr = fmt.Errorf("pdf: bold font: %w", err)
			return
		}
		if err := container.AddTTFFontData(familyLatinRegular, fonts.LatinRegular); err != nil {
			fontsErr = fmt.Errorf("pdf: Latin font: %w", err)
			return
		}
		if err := container.AddTTFFontData(familyLatinBold, fonts.LatinBold); err != nil {
			fontsErr = fmt.Errorf("pdf: Latin bold font: %w", err)
		}
	})
	return fontsErr
}

// Write draws pages as a PDF to w.
func Write(w io.Writer, pages []render.Page, info Info) error {
	if len(pages) == 0 {
		return errors.New("pdf: no pages")
	}
	if err := loadFonts(); err != nil {
		return err
	}
	writeMu.Lock()
	defer writeMu.Unlock()

	var pdf gopdf.GoPdf
	pdf.Start(gopdf.Config{Unit: gopdf.UnitPT, PageSize: gopdf.Rect{W: pages[0].Width, H: pages[0].Height}})
	pdf.SetCompressLevel(6)
	for _, fam := range []string{familyRegular, familyBold, familyLatinRegular, familyLatinBold} {
		if err := pdf.AddTTFFontFromFontContainer(fam, &container); err != nil {
			return fmt.Errorf("pdf: %s: %w", fam, err)
		}
	}
	pdf.SetInfo(gopdf.PdfInfo{Title: infoText(info.Title), Author: infoText(info.Author),
		Creator: infoText(info.Creator), Producer: infoText(info.Creator), CreationDate: info.Created})
	d := drawer{pdf: &pdf}
	for i, p := range pages {
		pdf.AddPageWithOption(gopdf.PageOption{PageSize: &gopdf.Rect{W: p.Width, H: p.Height}})
		for _, b := range p.Boxes {
			if err := d.box(b); err != nil {
				return fmt.Errorf("pdf: page %d: %w", i+1, err)
			}
		}
	}
	var buf bytes.Buffer
	if _, err := pdf.WriteTo(&buf); err != nil {
		return err
	}
	doc, err := extendCatalog(buf.Bytes())
	if err != nil {
		return err
	}
	if len(info.Draft) > 0 {
		if doc, err = AttachDraft(doc, info.Draft); err != nil {
			return err
		}
	}
	_, err = w.Write(doc)
	return err
}

// infoText keeps a document-info string readable: gopdf writes each character as one UTF-16
// unit, so characters beyond the BMP (emoji, rare ideographs) would come out garbled; they
// become □, as unprintable characters do on the page.
func infoText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || r < 0x20 {
			return '□'
		}
		return r
	}, s)
}

// drawer draws boxes, remembering the graphics state it set so it sets each only once.
type drawer struct {
	pdf      *gopdf.GoPdf
	family   string
	size     float64
	gray     float64
	spacing  float64
	lineSet  bool
	fontSet  bool
	colorSet bool
}

func (d *drawer) box(b render.Box) error {
	switch b.Kind {
	case render.CellBox:
		if !d.lineSet {
			d.pdf.SetLineWidth(render.RuleWidth)
			d.pdf.SetStrokeColor(0, 0, 0)
			d.lineSet = true
		}
		d.pdf.RectFromUpperLeftWithStyle(b.X, b.Y, b.W, b.H, "D")
	case render.TextBox:
		return d.text(b)
	case render.ImageBox:
		return d.image(b)
	case render.WatermarkBox:
		return d.watermark(b)
	case render.TickBox:
		d.tick(b)
	}
	return nil
}

// tick fills the check mark of a chosen box (render.TickOutline) in black. Text sets its own
// colour in each text object, so the fill colour set here changes no text.
func (d *drawer) tick(b render.Box) {
	var pts []gopdf.Point
	for _, p := range render.TickOutline(b) {
		pts = append(pts, gopdf.Point{X: p[0], Y: p[1]})
	}
	d.pdf.SetFillColor(0, 0, 0)
	d.pdf.Polygon(pts, "F")
}

// text draws one line in runs of one face and one extra spacing: the Latin characters
// (fonts.Latin) in Liberation Serif, the others in Noto Serif SC, as the layout measured them;
// a justified line's runs carry their extra spacing as the PDF's character spacing (Tc), so
// each stays one string for text extraction. Each run starts where the layout's advances put it.
func (d *drawer) text(b render.Box) error {
	s, f := printableIn(b.Text, b.Font)
	runes := []rune(s)
	extra := b.Extra
	if len(extra) != len(runes) {
		extra = nil
	}
	spacing := func(i int) float64 {
		if extra == nil {
			return 0
		}
		return extra[i]
	}
	adv := render.FontMeasurer()
	x := b.X
	for i := 0; i < len(runes); {
		latin := fonts.Latin(runes[i])
		j := i + 1
		for j < len(runes) && fonts.Latin(runes[j]) == latin && spacing(j) == spacing(i) {
			j++
		}
		if err := d.font(family(f, latin), b.Size, b.Gray); err != nil {
			return err
		}
		if err := d.run(x, b.Baseline, string(runes[i:j]), spacing(i)); err != nil {
			return err
		}
		for _, r := range runes[i:j] {
			x += adv.Advance(f, r, b.Size) + spacing(i)
		}
		i = j
	}
	return nil
}

// family is the PDF font family that sets a run of weight f, Latin or not.
func family(f render.Font, latin bool) string {
	switch {
	case latin && f == render.Bold:
		return familyLatinBold
	case latin:
		return familyLatinRegular
	case f == render.Bold:
		return familyBold
	}
	return familyRegular
}

func (d *drawer) run(x, baseline float64, s string, spacing float64) error {
	if spacing != d.spacing {
		if err := d.pdf.SetCharSpacing(spacing); err != nil {
			return err
		}
		d.spacing = spacing
	}
	d.pdf.SetXY(x, baseline)
	return d.pdf.Text(s)
}

func (d *drawer) font(fam string, size, gray float64) error {
	if !d.fontSet || fam != d.family || size != d.size {
		if err := d.pdf.SetFont(fam, "", size); err != nil {
			return err
		}
		d.family, d.size, d.fontSet = fam, size, true
	}
	if !d.colorSet || gray != d.gray {
		v := uint8(gray*255 + 0.5)
		d.pdf.SetTextColor(v, v, v)
		d.gray, d.colorSet = gray, true
	}
	return nil
}

// printableIn makes sure no character silently disappears: gopdf drops those the font lacks.
// A bold run with a character outside the bold subset is drawn in the regular face; a
// character neither face has is drawn as □. The layout already does this for typed text.
func printableIn(s string, f render.Font) (string, render.Font) {
	if f == render.Bold {
		for _, r := range s {
			if !fonts.Latin(r) && !fonts.BoldHas(r) {
				f = render.Regular
				break
			}
		}
	}
	if f == render.Regular {
		s = strings.Map(func(r rune) rune {
			if !fonts.Printable(r) || r == '\n' || r == '\t' {
				return '□'
			}
			return r
		}, s)
	}
	return s, f
}

// image draws the photo at exactly the box's size, cropped to Image.Crop through a clipping
// rectangle (the stored JPEG is embedded as is, not decoded and re-encoded).
func (d *drawer) image(b render.Box) error {
	img := b.Image
	if img == nil || img.Crop.Dx() <= 0 || img.Crop.Dy() <= 0 {
		return nil
	}
	sx := b.W / float64(img.Crop.Dx())
	sy := b.H / float64(img.Crop.Dy())
	opts := gopdf.ImageOptions{
		X: b.X, Y: b.Y,
		Rect: &gopdf.Rect{W: float64(img.Width) * sx, H: float64(img.Height) * sy},
	}
	if img.Crop != image.Rect(0, 0, img.Width, img.Height) {
		opts.Crop = &gopdf.CropOptions{X: float64(img.Crop.Min.X) * sx, Y: float64(img.Crop.Min.Y) * sy,
			Width: b.W, Height: b.H}
	}
	data := img.Data
	if img.Format != "jpeg" && img.Format != "png" {
		var err error
		if data, err = reencode(data); err != nil {
			return err
		}
	}
	err := d.imageBytes(data, opts)
	if err != nil && (img.Format == "jpeg" || img.Format == "png") {
		// A JPEG or PNG gopdf cannot embed as is (CMYK, 16-bit …): decode and re-encode.
		if data, err = reencode(img.Data); err == nil {
			err = d.imageBytes(data, opts)
		}
	}
	return err
}

func (d *drawer) imageBytes(data []byte, opts gopdf.ImageOptions) error {
	h, err := gopdf.ImageHolderByBytes(data)
	if err != nil {
		return err
	}
	return d.pdf.ImageByHolderWithOptions(h, opts)
}

// reencode turns any picture Go can decode into a baseline JPEG.
func reencode(data []byte) ([]byte, error) {
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("photo: %w", err)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 92}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// watermark draws the draft mark rotated about its centre, as a picture (watermark.go).
func (d *drawer) watermark(b render.Box) error {
	s, f := printableIn(b.Text, b.Font)
	pic, err := watermarkPicture(s, f, b.Size, b.Gray)
	if err != nil {
		return err
	}
	return d.imageBytes(pic.png, gopdf.ImageOptions{X: b.X - pic.w/2, Y: b.Y - pic.h/2,
		Rect: &gopdf.Rect{W: pic.w, H: pic.h}, DegreeAngle: b.Angle})
}
