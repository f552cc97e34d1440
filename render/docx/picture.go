package docx

import (
	"bytes"
	"strconv"

	"shenbao/render"
)

// The photo prints at exactly 25 × 35 mm, the 1-inch size, whatever its pixels.
const (
	emuPerMM  = 36000
	photoWEMU = 25 * emuPerMM // 900000
	photoHEMU = 35 * emuPerMM // 1260000
)

// photo is the stored picture as a media part: its bytes, extension, content type, and the
// crop (in 1/1000 % of each side, DrawingML's unit) that makes it fill 5:7 without stretching.
type photo struct {
	data         []byte
	ext, mime    string
	cropL, cropT int // removed from left and right, top and bottom, each
}

// loadPhoto is the photo of render's table as a media part, cropped to the part the PDF
// prints (render.Image.Crop, the one 5:7 crop). No photo, or one in a format Word may not
// read, gives nil: the cell then shows its label, as on the blank form (the checks already
// report the photo as an error).
func loadPhoto(t render.Table) *photo {
	var img *render.Image
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			if c.Content.Kind == render.Photo && c.Content.Image != nil {
				img = c.Content.Image
			}
		}
	}
	if img == nil || img.Width <= 0 || img.Height <= 0 {
		return nil
	}
	p := &photo{data: img.Data}
	switch img.Format {
	case "jpeg", "png", "gif":
		p.ext, p.mime = img.Format, "image/"+img.Format
	default:
		return nil // Word reads these three everywhere; the photo pipeline stores JPEG
	}
	p.cropL = cropShare(img.Crop.Min.X, img.Width)
	p.cropT = cropShare(img.Crop.Min.Y, img.Height)
	return p
}

// cropShare is n pixels of a side of size pixels in DrawingML's unit, 1/1000 %.
func cropShare(n, size int) int { return int(int64(n) * 100000 / int64(size)) }

// writeInline writes the photo as a DrawingML inline picture of 25 × 35 mm, bound to rId.
func (p *photo) writeInline(b *bytes.Buffer, rID string) {
	cx, cy := strconv.Itoa(photoWEMU), strconv.Itoa(photoHEMU)
	b.WriteString(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	b.WriteString(`<wp:extent cx="` + cx + `" cy="` + cy + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/>`)
	b.WriteString(`<wp:docPr id="1" name="照片" descr="主持人近期1寸照片"/>`)
	b.WriteString(`<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.WriteString(`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic>`)
	b.WriteString(`<pic:nvPicPr><pic:cNvPr id="0" name="photo.` + p.ext + `"/><pic:cNvPicPr/></pic:nvPicPr>`)
	b.WriteString(`<pic:blipFill><a:blip r:embed="` + rID + `"/>`)
	if p.cropL > 0 || p.cropT > 0 {
		l, t := strconv.Itoa(p.cropL), strconv.Itoa(p.cropT)
		b.WriteString(`<a:srcRect l="` + l + `" t="` + t + `" r="` + l + `" b="` + t + `"/>`)
	}
	b.WriteString(`<a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.WriteString(`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>`)
	b.WriteString(`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`)
}
