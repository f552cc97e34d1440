package photo

import (
	"bytes"
	"flag"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/disintegration/imaging"
)

var updateFixtures = flag.Bool("update-fixtures", false, "rewrite testdata/src/*.png (then run testdata/make.sh)")

// fixtureSources are the pictures the ImageMagick-made fixtures are converted from (see
// testdata/README.md). HEIF stores a turned picture plus irot/imir; these are the stored ones.
func fixtureSources() map[string]image.Image {
	up := upright(200, 280, false)
	return map[string]image.Image{
		"upright.png":       up,
		"alpha.png":         upright(200, 280, true),
		"stored_cw90.png":   imaging.Rotate270(up), // shown upright after irot 1 (90° anticlockwise)
		"stored_ccw90.png":  imaging.Rotate90(up),  // shown upright after irot 3 (270° anticlockwise)
		"stored_mirror.png": imaging.FlipH(up),     // shown upright after imir mode 1 (left–right)
	}
}

// TestFixtureSources keeps testdata/src in step with the drawing code: run with
// -update-fixtures to rewrite them.
func TestFixtureSources(t *testing.T) {
	for name, img := range fixtureSources() {
		path := filepath.Join("testdata", "src", name)
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			t.Fatal(err)
		}
		if *updateFixtures {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -run TestFixtureSources -update-fixtures)", err)
		}
		if !bytes.Equal(old, buf.Bytes()) {
			t.Errorf("%s differs from what the tests draw: rerun with -update-fixtures and testdata/make.sh", path)
		}
	}
}
