package forms

import (
	"bytes"
	"testing"

	"shenbao/forms/internal/portrait"
)

// The embedded sample photo is what the drawing makes: go generate ./forms after changing it.
func TestSamplePortraitIsTheDrawing(t *testing.T) {
	if !bytes.Equal(samplePortrait, portrait.Draw()) {
		t.Fatal("forms/sample-portrait.jpg is not portrait.Draw()'s picture: run go generate ./forms")
	}
}
