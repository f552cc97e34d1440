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

// Sample returns the form's complete, valid, fictional draft that `shenbao sample` writes and
// the app opens when there is no draft yet: the values its definition gives and, when the form
// has a photo cell, a portrait drawn by this program (forms/internal/portrait), not copied from
// anywhere.
func Sample(form *Definition) *Draft {
	d := New(form)
	for path, v := range form.Sample {
		d.Set(path, v)
	}
	if form.HasPicture() {
		d.Photo = &Photo{MIME: "image/jpeg", Data: base64.StdEncoding.EncodeToString(samplePortrait)}
	}
	return d
}

// HasPicture reports whether the form has a photo cell.
func (d *Definition) HasPicture() bool {
	for _, b := range d.Blocks {
		for _, f := range b.Fields {
			if f.Kind == Picture {
				return true
			}
		}
	}
	return false
}
