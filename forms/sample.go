package forms

import (
	_ "embed"
	"encoding/base64"
)

// samplePortrait is the sample's photo, drawn by forms/internal/portrait (go generate writes
// it): a picture file here keeps the JPEG encoder out of every package that reads a draft.
//
//go:generate go run ./internal/genportrait sample-portrait.jpg
//go:embed sample-portrait.jpg
var samplePortrait []byte

// Sample returns the complete, valid, fictional draft that `shenbao sample` writes and the app
// opens when there is no draft yet. Its photo is drawn by this program (forms/internal/portrait), not copied from anywhere.
func Sample() *Draft {
	d := New()
	for path, v := range sampleValues {
		d.Set(path, v)
	}
	d.Photo = &Photo{MIME: "image/jpeg", Data: base64.StdEncoding.EncodeToString(samplePortrait)}
	return d
}
