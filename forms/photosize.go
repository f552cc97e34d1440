package forms

import (
	"bytes"
	"image"
	_ "image/gif" // stored photos may come from other programs
	_ "image/jpeg"
	_ "image/png"
)

// photoSize reads the stored photo's pixel size from its header.
func photoSize(p *Photo) (w, h int, err error) {
	data, err := PhotoBytes(p)
	if err != nil {
		return 0, 0, err
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0, errPhotoFormat
	}
	return cfg.Width, cfg.Height, nil
}
