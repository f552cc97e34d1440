package docx

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shenbao/forms"
	"shenbao/render"
)

// zipPart is one entry of a written package, in zip order.
type zipPart struct {
	name string
	data []byte
}

// export writes d and returns the bytes.
func export(t testing.TB, d *forms.Draft, opt Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d, opt); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// unzip reads every entry of a package.
func unzip(t testing.TB, data []byte) []zipPart {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	var parts []zipPart
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts = append(parts, zipPart{f.Name, b})
	}
	return parts
}

func partMap(parts []zipPart) map[string][]byte {
	m := map[string][]byte{}
	for _, p := range parts {
		m[p.name] = p.data
	}
	return m
}

func isXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// wellFormed walks every token of an XML document.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// node is a parsed XML element, enough to query the document's structure in tests.
type node struct {
	name     string // local name with the prefix the writer uses: "w:tc", "wp:extent"
	attrs    map[string]string
	children []*node
	text     string // character data directly inside
}

var prefixes = map[string]string{
	nsW: "w", nsR: "r", nsWP: "wp", nsA: "a", nsPic: "pic",
	"urn:schemas-microsoft-com:vml": "v", "urn:schemas-microsoft-com:office:office": "o",
}

func qname(n xml.Name) string {
	if p, ok := prefixes[n.Space]; ok {
		return p + ":" + n.Local
	}
	return n.Local
}

func parseTree(t testing.TB, data []byte) *node {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse: %v", err)
		}
		top := stack[len(stack)-1]
		switch tk := tok.(type) {
		case xml.StartElement:
			n := &node{name: qname(tk.Name), attrs: map[string]string{}}
			for _, a := range tk.Attr {
				n.attrs[qname(a.Name)] = a.Value
			}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(tk)
		}
	}
	return root
}

// all returns every descendant named name, in document order.
func (n *node) all(name string) []*node {
	var out []*node
	for _, c := range n.children {
		if c.name == name {
			out = append(out, c)
		}
		out = append(out, c.all(name)...)
	}
	return out
}

// child returns the first direct child named name, or nil.
func (n *node) child(name string) *node {
	for _, c := range n.children {
		if c.name == name {
			return c
		}
	}
	return nil
}

// texts is the text of every w:t below n, each paragraph ending in "\n".
func (n *node) texts() string {
	var sb strings.Builder
	var walk func(*node)
	walk = func(m *node) {
		switch m.name {
		case "w:t":
			sb.WriteString(m.text)
		case "w:br":
			sb.WriteString("\n")
		case "w:tab":
			sb.WriteString("\t")
		}
		for _, c := range m.children {
			walk(c)
		}
		if m.name == "w:p" {
			sb.WriteString("\n")
		}
	}
	walk(n)
	return sb.String()
}

// hardDrafts are the drafts every structural test runs on: the sample, the blank form, the
// edge cases a teacher can produce, and render's stress drafts (../testdata/drafts), which
// the PDF is tested on too.
func hardDrafts() map[string]*forms.Draft {
	m := stressDrafts()
	for k, v := range map[string]*forms.Draft{
		"sample":     forms.Sample(forms.Default()),
		"blank":      forms.New(forms.Default()),
		"plan3000":   plan3000(),
		"allLong":    allLong(),
		"threeRows":  moreRows(),
		"special":    specialChars(),
		"oddPhotos":  widePNGPhoto(),
		"brokenPict": brokenPhoto(),
	} {
		m[k] = v
	}
	return m
}

// stressDrafts loads render's stress drafts, keyed "render/<name>".
func stressDrafts() map[string]*forms.Draft {
	m := map[string]*forms.Draft{}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "drafts", "*.json"))
	for _, f := range files {
		d, err := forms.Load(f)
		if err != nil {
			panic(fmt.Sprintf("stress draft %s: %v", f, err))
		}
		m["render/"+strings.TrimSuffix(filepath.Base(f), ".json")] = d
	}
	return m
}

// plan3000 is the sample with a plan of exactly 3000 字 in many paragraphs.
func plan3000() *forms.Draft {
	d := forms.Sample(forms.Default())
	var sb strings.Builder
	sentence := "工作室坚持立德树人，围绕班级自主管理开展研究。"
	for forms.CountWords(sb.String()) < 3000-len([]rune(sentence)) {
		sb.WriteString(sentence)
		if forms.CountWords(sb.String())%200 < len([]rune(sentence)) {
			sb.WriteString("\n")
		}
	}
	for forms.CountWords(sb.String()) < 3000 {
		sb.WriteString("研")
	}
	d.Set("plan", sb.String())
	return d
}

// allLong fills every field with far more than its cell holds.
func allLong() *forms.Draft {
	d := forms.Sample(forms.Default())
	long := strings.Repeat("柳州市第二十九中学德育处副主任兼年级组长", 4)
	for _, b := range forms.Default().Blocks {
		for _, f := range b.Fields {
			if f.Kind == forms.Picture {
				continue
			}
			switch b.Kind {
			case forms.TableBlock:
				for r := 1; r <= b.Rows; r++ {
					d.Set(forms.Path(b, f, r), long)
				}
			case forms.TextBlock:
				d.Set(forms.Path(b, f, 0), strings.Repeat(long+"。\n", 60))
			default:
				d.Set(forms.Path(b, f, 0), long)
			}
		}
	}
	d.Set("host.name", strings.Repeat("欧阳", 30))
	return d
}

// moreRows has 3 advisers and 7 members: more rows than the form prints.
func moreRows() *forms.Draft {
	d := forms.Sample(forms.Default())
	for _, key := range []string{"advisers", "members"} {
		b, _ := forms.Default().Block(key)
		extra := map[string]int{"advisers": 3, "members": 7}[key]
		for r := b.Rows + 1; r <= extra; r++ {
			for _, f := range b.Fields {
				d.Set(forms.Path(b, f, r), fmt.Sprintf("%s%d", f.Label, r))
			}
		}
	}
	// A gap: the filled rows print one after another, numbered 1, 2, 3.
	b, _ := forms.Default().Block("advisers")
	for _, f := range b.Fields {
		d.Set(forms.Path(b, f, 4), d.Value(b, f, 3))
		d.Set(forms.Path(b, f, 3), "")
	}
	return d
}

// specialChars puts markup, quotes, controls, invalid UTF-8, non-characters and line ends of
// every kind into every sort of field.
func specialChars() *forms.Draft {
	d := forms.Sample(forms.Default())
	nasty := "<b>&amp;</b> \"引号\" 'x' a&b <![CDATA[x]]> ]]> \x00\x01\x08\x0b\x0c\x1b\x7f\u0085\ufffe\uffff\xff\xfe 😀 𠀀 \t tab  two  spaces "
	for _, p := range []string{"host.name", "host.unit", "host.research", "advisers[1].unit", "members[5].name", "existingStudio.name"} {
		d.Set(p, nasty)
	}
	d.Set("achievements", nasty+"\r\n第二段\r第三段\n\n\n　　缩进的第四段\u2028")
	d.Set("plan", strings.Repeat(nasty+"\n", 5))
	return d
}

// widePNGPhoto has a PNG photo twice as wide as tall: it prints centre-cropped at 25 × 35 mm.
func widePNGPhoto() *forms.Draft {
	d := forms.Sample(forms.Default())
	img := image.NewRGBA(image.Rect(0, 0, 600, 300))
	for x := 0; x < 600; x++ {
		for y := 0; y < 300; y++ {
			img.Set(x, y, color.RGBA{uint8(x / 3), uint8(y), 200, 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, img)
	d.Photo = &forms.Photo{MIME: "image/png", Data: base64.StdEncoding.EncodeToString(buf.Bytes())}
	return d
}

// brokenPhoto's photo is not a picture: the cell shows its label, the file stays valid.
func brokenPhoto() *forms.Draft {
	d := forms.Sample(forms.Default())
	d.Photo = &forms.Photo{MIME: "image/jpeg", Data: base64.StdEncoding.EncodeToString([]byte("\xff\xd8\xffnot really a jpeg"))}
	return d
}

// fixedTime is the creation time tests pass for reproducible files.
var fixedTime = time.Date(2024, 7, 20, 9, 30, 0, 0, time.UTC)

// smallDraft is a few fields and an 8 × 8 PNG photo: a seed small enough to mutate quickly.
func smallDraft() *forms.Draft {
	d := forms.New(forms.Default())
	d.Set("host.name", "覃晓岚")
	d.Set("host.birth", "1983-5")
	d.Set("advisers[1].mobile", "１３９０７７３１８４２")
	d.Set("plan", "一、指导思想\n二、工作目标")
	var buf bytes.Buffer
	png.Encode(&buf, image.NewGray(image.Rect(0, 0, 8, 8)))
	d.Photo = &forms.Photo{MIME: "image/png", Data: base64.StdEncoding.EncodeToString(buf.Bytes())}
	return d
}

// pngPhoto is a grey w × h PNG as a draft's photo.
func pngPhoto(t *testing.T, w, h int) *forms.Photo {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, w, h))); err != nil {
		t.Fatal(err)
	}
	return &forms.Photo{MIME: "image/png", Data: base64.StdEncoding.EncodeToString(buf.Bytes())}
}

// photoOf is the photo the .docx of d carries, nil when it carries none.
func photoOf(d *forms.Draft) *photo {
	tb, err := render.BuildTable(d)
	if err != nil {
		return nil
	}
	return loadPhoto(tb)
}
