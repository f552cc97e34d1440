// Package export writes the two files the bureau asks for, the Word document and the A4 PDF,
// named after the applicant. `shenbao export` and the app's 导出 both call Write, so they
// name and write the files the same way. It imports forms, photo and render's writers;
// the readers use its names, never the other way round.
package export

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/render"
	"shenbao/render/docx"
	"shenbao/render/pdf"
)

// Options are what the files say besides the form.
type Options struct {
	Draft   bool      // print 草稿（未通过检查） on every page: the draft still has 错误
	Creator string    // the writing program and version, e.g. "shenbao 0.1.0"
	Now     time.Time // the PDF's creation time; zero: now. The .docx carries none, to stay reproducible
}

// NeedsDraft reports whether d may only be exported as a draft, marked 草稿（未通过检查）: it
// has 错误. An empty draft is the blank form, printed for filling in by hand: it is neither
// refused nor marked.
func NeedsDraft(d *forms.Draft, findings []forms.Finding) bool {
	return forms.HasErrors(findings) && !d.Empty()
}

// Name is the exported files' name without extension: the form's output name, then
// -<工作单位>-<姓名> (柳州市名班主任工作室申报表-<工作单位>-<姓名>), "未填写" for a part left
// empty, characters Windows refuses in file names replaced.
func Name(d *forms.Draft) string {
	prefix := namePrefix(d)
	u, n := d.Applicant()
	unit, name := fitBytes(namePart(u), namePart(n), maxNameBytes-len(prefix))
	return prefix + unit + "-" + name
}

// namePrefix is the form's output name and a dash, cleaned as the parts are; the output name
// comes from a definition file, so it is bounded too.
func namePrefix(d *forms.Draft) string {
	p := CleanName(d.Form().OutputName)
	for len(p) > maxPrefixBytes {
		_, size := utf8.DecodeLastRuneInString(p)
		p = p[:len(p)-size]
	}
	return p + "-"
}

// ScanSuffix ends the name of the sealed, scanned PDF (shenbao scans): the bureau asks for the
// Word file and this PDF.
const ScanSuffix = "（盖章扫描件）"

// ScanName is the scanned PDF's file name: Name's stem, ScanSuffix, ".pdf"; 工作单位 and 姓名
// are cut a little more so the longer name still fits 255 bytes.
func ScanName(d *forms.Draft) string {
	prefix := namePrefix(d)
	u, n := d.Applicant()
	unit, name := fitBytes(namePart(u), namePart(n), maxNameBytes-len(prefix)-len(ScanSuffix))
	return prefix + unit + "-" + name + ScanSuffix + ".pdf"
}

// maxNameBytes bounds the prefix, 工作单位 and 姓名 together in UTF-8 bytes: Linux and macOS
// allow 255 bytes in a file name, and the dash, ".docx" and WriteFile's temporary
// ".….123456789.tmp" take the rest. With the 名班主任 form's prefix (39 bytes and the dash)
// 工作单位 and 姓名 get 180 bytes together; two 40-character parts in Chinese would be 240.
// maxPrefixBytes keeps room for them whatever output name a definition gives.
const (
	maxNameBytes   = 180 + 40
	maxPrefixBytes = 90
)

// fitBytes shortens the longer of a and b, a character at a time, until both fit in max bytes.
func fitBytes(a, b string, max int) (string, string) {
	for len(a)+len(b) > max {
		if len(a) >= len(b) {
			a = dropLastRune(a)
		} else {
			b = dropLastRune(b)
		}
	}
	return strings.TrimRight(a, ". "), strings.TrimRight(b, ". ")
}

func dropLastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-size]
}

// Paths are the files Write writes into dir, in the order FORM.md §4 lists them: .docx, .pdf.
func Paths(d *forms.Draft, dir string) []string {
	base := filepath.Join(dir, Name(d))
	return []string{base + ".docx", base + ".pdf"}
}

// Write writes the draft as .docx and .pdf into dir, creating dir if needed, and returns
// their paths. A file of the same name is replaced. Both files are made in memory first and
// both names checked (a folder, a read-only file or a FIFO of that name is refused) before
// anything is written; if the second write still fails, the first file is removed again, so
// an export leaves both files or neither. A value over its field's character limit is
// refused (*forms.LimitError), marked draft or not.
func Write(d *forms.Draft, dir string, opt Options) ([]string, error) {
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	if err := d.CheckLimits(); err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if err := carriable(d); err != nil {
		return nil, err
	}
	paths := Paths(d, dir)
	for _, p := range paths {
		if err := forms.CheckWritable(p); err != nil {
			return nil, fmt.Errorf("export to %s: %w", dir, err)
		}
	}
	files, err := render2(d, opt)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	for i, path := range paths {
		err := forms.WriteFile(path, false, func(w io.Writer) error {
			_, err := w.Write(files[i])
			return err
		})
		if err != nil {
			for _, done := range paths[:i] {
				os.Remove(done)
			}
			return nil, err
		}
	}
	return paths, nil
}

// carriable refuses a draft that the .docx and the PDF could not carry so that it reads back:
// both embed d.Marshal(), which the readers refuse over forms.MaxFileSize (a 20 MB draft of
// unknown keys, written compact by another program, grows when re-indented). Such an export
// would be read back as a hand-filled form, or not at all (forms.ErrDraftTooLarge).
func carriable(d *forms.Draft) error {
	if _, err := d.Encode(); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// render2 makes the .docx and the PDF in memory, in the order of Paths.
func render2(d *forms.Draft, opt Options) ([][]byte, error) {
	d = printablePhoto(d)
	pages, err := render.Layout(d, render.Options{Draft: opt.Draft})
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	_, author := d.Applicant()
	writers := []func(io.Writer) error{
		func(w io.Writer) error {
			// No Created time: the same draft gives a byte-identical .docx (fixed zip times, no
			// date in its properties), as the bureau and the teachers' own diffs expect.
			return docx.Write(w, d, docx.Options{Draft: opt.Draft, Author: author, Creator: opt.Creator})
		},
		func(w io.Writer) error {
			return pdf.Write(w, pages, pdf.Info{Title: d.Form().Title, Author: author, Creator: opt.Creator, Created: opt.Now, Draft: d.Marshal()})
		},
	}
	out := make([][]byte, len(writers))
	for i, write := range writers {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			return nil, fmt.Errorf("export: %w", err)
		}
		out[i] = buf.Bytes()
	}
	return out, nil
}

// WriteWord writes only the .docx into dir (the folder to send holds it beside the scanned
// PDF, not the unsealed PDF) and returns its path.
func WriteWord(d *forms.Draft, dir string, opt Options) (string, error) {
	if err := carriable(d); err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("export to %s: %w", dir, err)
	}
	d = printablePhoto(d)
	path := Paths(d, dir)[0]
	_, author := d.Applicant()
	return path, forms.WriteFile(path, false, func(w io.Writer) error {
		return docx.Write(w, d, docx.Options{Draft: opt.Draft, Author: author, Creator: opt.Creator})
	})
}

// printablePhoto returns d, or a copy whose photo went through the photo pipeline when the
// stored one is not what the pipeline stores. A draft written by hand or by another program
// may hold a sideways phone picture, a landscape shot or a 100-megapixel PNG: printed as it
// is, it would lie on its side, or make every PDF reader decode hundreds of megabytes. A photo
// the pipeline refuses is left out (the empty photo cell prints): the checks report it as
// 错误, so only a --draft export gets here with one. The draft itself is not changed.
func printablePhoto(d *forms.Draft) *forms.Draft {
	if d.Photo == nil || d.Photo.Data == "" {
		return d
	}
	data, err := forms.PhotoBytes(d.Photo)
	if err == nil && photo.Ready(data) {
		return d
	}
	c := d.Clone()
	c.Photo = nil
	if err != nil {
		return c
	}
	if res, err := photo.Process(data, nil); err == nil {
		c.Photo = &forms.Photo{
			MIME:         photo.MIME,
			Data:         base64.StdEncoding.EncodeToString(res.JPEG),
			SourceWidth:  res.SourceWidth,
			SourceHeight: res.SourceHeight,
		}
	}
	return c
}

// maxNamePart keeps a file name well inside Windows' 255-character limit.
const maxNamePart = 40

func namePart(s string) string {
	s = CleanName(s)
	if r := []rune(s); len(r) > maxNamePart {
		s = strings.Trim(string(r[:maxNamePart]), ". ")
	}
	if s == "" {
		return "未填写"
	}
	return s
}

// CleanName makes typed text usable in a file name on every system: characters Windows
// refuses and control characters become _, spaces of any kind one space, and invisible format
// characters (bidi overrides that would show 名单-覃岚晓.xlsx as another name, zero-width
// spaces) are dropped. Windows drops trailing dots and spaces; leading dots hide files.
func CleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.Is(unicode.Cf, r):
			return -1
		case unicode.IsSpace(r):
			return ' '
		case strings.ContainsRune(`<>:"/\|?*`, r), unicode.IsControl(r), r == utf8.RuneError:
			return '_'
		}
		return r
	}, s)
	return strings.Trim(strings.Join(strings.Fields(s), " "), ". ")
}
