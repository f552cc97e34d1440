// Package readback opens whatever a teacher or a school may hand over as a 申报表 and gives
// the draft in it: a draft file (.json), a .docx or PDF this program exported (they carry the
// draft: render/docx/draftpart.go, render/pdf/attach.go), our .docx edited in Word or WPS
// afterwards (the cells, read by their labels, win over the copy carried inside), and the
// bureau's own Word form filled in by hand (read by its labels alone).
//
// The command line and the app both open files through Open, so they accept the same files
// and say the same things about them. All reading is bounded: file size, zip entries and
// their uncompressed size, XML cells, PDF objects and streams. It imports forms, photo and render/docx (for the
// name of the part our .docx carries the draft in); no writer imports it.
package readback

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"shenbao/forms"
)

// Kind says what a file was.
type Kind int

const (
	DraftFile  Kind = iota // a draft (.json)
	OurDOCX                // a .docx this program exported, carrying its draft
	OurPDF                 // a PDF this program exported, carrying its draft
	FilledDOCX             // a Word form filled by hand: read by its labels
)

// String is the kind in the user's words.
func (k Kind) String() string {
	switch k {
	case OurDOCX:
		return "本程序导出的 Word 文件"
	case OurPDF:
		return "本程序导出的 PDF 文件"
	case FilledDOCX:
		return "手工填写的申报表 Word 文件"
	}
	return "草稿文件"
}

// Change is a field whose cell in an edited .docx differs from the draft the file carries;
// the cell's value is the one taken.
type Change struct {
	Path  string // field path, as in check's messages
	Name  string // the field's label on one line
	Saved string // the value in the carried draft, as typed
	Word  string // the value in the cell
}

// Result is what Open found.
type Result struct {
	Draft   *forms.Draft
	Kind    Kind
	Changes []Change // OurDOCX edited after export: the fields its cells changed
	// Missing are the labels of the form a hand-filled file lacks (a template of another
	// year, a row deleted by hand): what could not be read, so nothing goes unseen.
	Missing []string
	// PhotoProblem: the picture in a hand-filled form's photo cell could not be used, and why.
	PhotoProblem string
}

// Notes are the lines to tell the user about where the draft came from, one per line.
func (r *Result) Notes() []string {
	var out []string
	switch r.Kind {
	case OurDOCX:
		if len(r.Changes) == 0 {
			out = append(out, "从本程序导出的 Word 文件中读取了草稿。")
			break
		}
		out = append(out, fmt.Sprintf("从 Word 文件读取：文件导出后有 %d 个栏目在 Word 中改过，以 Word 中的内容为准：", len(r.Changes)))
		for _, c := range r.Changes {
			was, now := around(c.Saved, c.Word)
			out = append(out, fmt.Sprintf("  %s（%s）：原为“%s”，现为“%s”", c.Path, c.Name, was, now))
		}
	case OurPDF:
		out = append(out, "从本程序导出的 PDF 文件中读取了草稿。")
	case FilledDOCX:
		switch {
		case r.PhotoProblem != "":
			out = append(out, "按栏目名称从手工填写的申报表 Word 文件中读取了内容；照片栏中的图片不能使用（"+r.PhotoProblem+"），请另选照片。")
		case r.Draft.Photo == nil:
			out = append(out, "按栏目名称从手工填写的申报表 Word 文件中读取了内容（文件中没有照片，请另行添加）。")
		default:
			out = append(out, "按栏目名称从手工填写的申报表 Word 文件中读取了内容，照片栏中的图片已按 1 寸照片裁好。")
		}
		if len(r.Missing) > 0 {
			out = append(out, "  文件中没有这些栏目，没有读取："+strings.Join(r.Missing, "、"))
		}
	}
	return out
}

// around shows where two values differ, in one line each: short values whole, long ones (a
// plan edited in the middle) as the changed part with a few characters either side.
func around(a, b string) (string, string) {
	ra, rb := []rune(strings.Join(strings.Fields(a), " ")), []rune(strings.Join(strings.Fields(b), " "))
	if len(ra) <= 40 && len(rb) <= 40 {
		return string(ra), string(rb)
	}
	p := 0
	for p < len(ra) && p < len(rb) && ra[p] == rb[p] {
		p++
	}
	q := 0
	for q < len(ra)-p && q < len(rb)-p && ra[len(ra)-1-q] == rb[len(rb)-1-q] {
		q++
	}
	cut := func(r []rune) string {
		from, to := max(0, p-8), min(len(r), len(r)-q+8)
		if to-from > 48 {
			to = from + 48
		}
		s := string(r[from:to])
		if from > 0 {
			s = "…" + s
		}
		if to < len(r) {
			s += "…"
		}
		return s
	}
	return cut(ra), cut(rb)
}

// short keeps a long text readable in one line of a message.
func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// Limits on what is read. A draft is under 1 MB and our exports well under 1 MB; a school's
// scanned PDF may be tens of MB, and is only looked at, never decoded.
const (
	MaxDOCX = 64 << 20  // a .docx file
	MaxPDF  = 128 << 20 // a PDF file
)

// Open reads the draft in the file at path, whatever of the accepted kinds it is. Errors are
// this package's or forms' (test with errors.Is; Message gives the user's sentence).
func Open(path string) (*Result, error) {
	kind, err := sniff(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	var r *Result
	switch kind {
	case "docx":
		var data []byte
		if data, err = readBounded(path, MaxDOCX); err == nil {
			r, err = ReadDOCX(data)
		}
	case "pdf":
		var data []byte
		if data, err = readBounded(path, MaxPDF); err == nil {
			r, err = ReadPDF(data)
		}
	default:
		var d *forms.Draft
		if d, err = forms.Load(path); err == nil {
			r = &Result{Draft: d, Kind: DraftFile}
		}
		return r, err // forms.Load names the path itself
	}
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return r, nil
}

// sniff tells a .docx and a PDF by their first bytes (a renamed file is still what it is),
// falling back on the extension; anything else goes to the draft loader.
func sniff(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	head := make([]byte, 1024)
	f, _, err := forms.OpenRegular(path) // a FIFO or a device would block or never end
	if err != nil {
		return "", err
	}
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		if ext == ".xlsx" || ext == ".pptx" {
			return "", ErrOtherOffice
		}
		return "docx", nil
	case bytes.Contains(head, []byte("%PDF-")):
		return "pdf", nil
	case bytes.HasPrefix(head, []byte("\xd0\xcf\x11\xe0")): // OLE2: Word 97–2003 .doc, .xls, .wps
		return "", ErrOldDoc
	case ext == ".docx": // an empty one too: it is no draft either
		return "", ErrBadDOCX
	case ext == ".pdf":
		return "", ErrNoFormPDF
	}
	return "json", nil
}

// refusedDraft tells a carried draft that is a draft, but one this program cannot read (a
// later version; a form it has no definition of), from bytes that are no draft: the first is
// said as it is, with the form's name, the second sends the reader on to the cells.
func refusedDraft(err error) bool {
	var unknown *forms.UnknownFormError
	return errors.Is(err, forms.ErrLaterVersion) || errors.As(err, &unknown)
}

// readBounded reads a regular file of at most limit bytes.
func readBounded(path string, limit int64) ([]byte, error) {
	data, err := forms.ReadRegular(path, limit)
	if errors.Is(err, forms.ErrFileTooLarge) {
		return nil, ErrTooLarge
	}
	return data, err
}

// Errors a caller can test with errors.Is; each text is the sentence the user sees.
var (
	ErrScan        = errors.New("这是扫描件（PDF 里只有图片，没有文字），无法读出其中填写的内容：请改用本程序导出的 Word、PDF 或草稿文件")
	ErrNoFormPDF   = errors.New("这个 PDF 不是本程序导出的申报表（里面没有保存申报表的内容）：请改用本程序导出的 PDF 或 Word 文件，或草稿文件")
	ErrNoFormDOCX  = errors.New("这个 Word 文件里没有本程序认识的申报表（找不到任何一种表格的栏目名称）：请选择申报表的 Word 文件；另一种表格请先把它的定义文件放进表格文件夹，或导入它的空白模板（shenbao form import）")
	ErrBadDOCX     = errors.New("这个 Word 文件已损坏或不是 .docx 文件：请在 Word 或 WPS 中打开后另存为 .docx 再试")
	ErrOldDoc      = errors.New("这是旧的 Word 97–2003（.doc）或其他旧格式的文件，本程序读不了：请在 Word 或 WPS 中另存为 .docx 后再打开")
	ErrOtherOffice = errors.New("这是 Excel 或 PowerPoint 文件，不是申报表：请选择申报表的 Word 文件、PDF 或草稿文件")
	ErrEncrypted   = errors.New("这个 PDF 加了密码，无法读取：请改用没有加密的 PDF，或本程序导出的 Word 文件或草稿")
	ErrTooLarge    = errors.New("文件太大，不是本程序导出的申报表：请选择申报表的 Word 文件、PDF 或草稿文件")
	ErrTooComplex  = errors.New("这个文件的内容太多太复杂（表格、段落或对象数量远超申报表），不像申报表：请选择申报表的 Word 文件、PDF 或草稿文件")
)

// Message is the Chinese sentence for an error from Open.
func Message(err error) string {
	for _, e := range []error{ErrScan, ErrNoFormPDF, ErrNoFormDOCX, ErrBadDOCX, ErrOldDoc, ErrOtherOffice,
		ErrEncrypted, ErrTooLarge, ErrTooComplex} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return forms.Message(err)
}

// IsScan reports a scanned PDF, which summary lists as a scan rather than as unreadable.
func IsScan(err error) bool { return errors.Is(err, ErrScan) }
