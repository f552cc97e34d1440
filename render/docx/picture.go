package docx

import (
	"bytes"
	"image"
	_ "image/gif" // a stored photo may come from another program
	_ "image/jpeg"
	_ "image/png"
	"strconv"

	"shenbao/forms"
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

// loadPhoto reads the draft's photo. A missing or unreadable photo gives nil: the cell then
// shows its label, as on the blank form (the checks already report the photo as an error).
func loadPhoto(d *forms.Draft) *photo {
	if d.Photo == nil || d.Photo.Data == "" {
		return nil
	}
	data, err := forms.PhotoBytes(d.Photo)
	if err != nil {
		return nil
	}
	p := &photo{data: data}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		p.ext, p.mime = "jpeg", "image/jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		p.ext, p.mime = "png", "image/png"
	case bytes.HasPrefix(data, []byte("GIF8")):
		p.ext, p.mime = "gif", "image/gif"
	default:
		return nil // Word reads these three everywhere; the photo pipeline stores JPEG
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil
	}
	p.cropL, p.cropT = centreCrop(cfg.Width, cfg.Height)
	return p
}

// centreCrop returns how much to cut from each side (1/1000 %) so that a w×h picture shows
// its centre at 5:7, as the photo pipeline would have cut it.
func centreCrop(w, h int) (side, topBottom int) {
	// w/h > 5/7: too wide, cut the sides; otherwise too tall, cut top and bottom.
	// Under 0.1 % a side is less than a pixel of a 1-inch photo: no crop.
	if 7*w > 5*h {
		keep := float64(5*h) / float64(7*w) // share of the width that stays
		return minCrop(int((1 - keep) / 2 * 100000)), 0
	}
	keep := float64(7*w) / float64(5*h)
	return 0, minCrop(int((1 - keep) / 2 * 100000))
}

func minCrop(c int) int {
	if c < 100 {
		return 0
	}
	return c
}

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
