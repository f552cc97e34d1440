package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shenbao/forms"
	"shenbao/readback"
)

// Commands that change a draft (photo, import-roster) also take a .docx or a PDF. Those are
// never rewritten: a Word file or a PDF is what the school sends, and rewriting it would lose
// what Word added. The changed draft is saved as a .json draft beside it, under a name not
// yet taken, and the user is told so.

// loadForChange reads the draft to change and says where the changed draft will be saved.
func loadForChange(path string, stderr io.Writer) (d *forms.Draft, saveTo string, ok bool) {
	r, ok := open(path, stderr)
	if !ok {
		return nil, "", false
	}
	if r.Kind == readback.DraftFile {
		return r.Draft, path, true
	}
	return r.Draft, besideJSON(path), true
}

// besideJSON is a free draft name beside a .docx or PDF: 名字.json, else 名字-2.json, ….
func besideJSON(path string) string {
	base := strings.TrimSuffix(path, filepath.Ext(path))
	for i := 1; i < 100; i++ {
		p := base + ".json"
		if i > 1 {
			p = fmt.Sprintf("%s-%d.json", base, i)
		}
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			return p
		}
	}
	return base + "-草稿.json"
}

// savedBeside tells the user that the draft went to a new file, not into the one given.
func savedBeside(from, to string, stdout io.Writer) {
	if from != to {
		fmt.Fprintf(stdout, "草稿已另存为 %s（%s 没有改动；以后请打开这个草稿继续填写）\n", to, filepath.Base(from))
	}
}
