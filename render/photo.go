package render

import (
	"bytes"
	"errors"
	"image"
	_ "image/gif" // stored photos may come from other programs
	_ "image/jpeg"
	_ "image/png"

	"shenbao/forms"
)

// errNoPhoto: the draft has no photo.
var errNoPhoto = errors.New("render: no photo")

// photoImage reads the stored photo's header (not its pixels) and works out the centred 5:7
// part to print: the photo prints at exactly PhotoWidth × PhotoHeight whatever its shape.
func photoImage(p *forms.Photo) (*Image, error) {
	if p == nil || p.Data == "" {
		return nil, errNoPhoto
	}
	data, err := forms.PhotoBytes(p)
	if err != nil {
		return nil, err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, errors.New("render: empty photo")
	}
	return &Image{Data: data, Format: format, Width: cfg.Width, Height: cfg.Height,
		Crop: crop57(cfg.Width, cfg.Height)}, nil
}

// crop57 is the largest centred 5:7 rectangle of a w × h picture. A picture within a pixel of
// 5:7 is printed whole.
func crop57(w, h int) image.Rectangle {
	switch {
	case w*7 > h*5+7: // too wide
		cw := (h*5 + 3) / 7
		x0 := (w - cw) / 2
		return image.Rect(x0, 0, x0+cw, h)
	case h*5 > w*7+5: // too tall
		ch := (w*7 + 2) / 5
		y0 := (h - ch) / 2
		return image.Rect(0, y0, w, y0+ch)
	}
	return image.Rect(0, 0, w, h)
}
