package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"shenbao/forms"
	"shenbao/render"
	"shenbao/render/pdf"
)

const exportUsage = "shenbao export 草稿.json -o 文件夹 [--draft]"

// output is one file export writes: its extension and how to write it.
type output struct {
	ext   string
	write func(w io.Writer) error
}

// runExport writes the draft as .docx and .pdf into the -o folder (FORM.md §4). A draft with
// 错误 is refused unless --draft, which marks every PDF page 草稿（未通过检查）; an empty draft
// exports the blank form. --draft on a draft without 错误 exports it unmarked: the mark says
// the checks failed, which they did not.
func runExport(o options, stdout, stderr io.Writer) int {
	if !o.want(1, stderr, exportUsage) {
		return ExitUnreadable
	}
	if o.out == "" {
		fmt.Fprintf(stderr, "请用 -o 指定导出到哪个文件夹。\n用法：%s\n", exportUsage)
		return ExitUnreadable
	}
	d, ok := load(o.files[0], stderr)
	if !ok {
		return ExitUnreadable
	}
	findings := forms.Check(d)
	// An empty draft is the blank form, printed for filling in by hand: not refused, not
	// marked as a draft.
	hasErrors := forms.HasErrors(findings) && !d.Empty()
	if hasErrors && !o.draft {
		errs := printErrors(findings, stderr)
		fmt.Fprintf(stderr, "草稿还有 %d 个错误，没有导出：请改正后再导出；如只想先打印看看，可加 --draft 导出带“草稿（未通过检查）”字样的版本。\n", errs)
		return ExitFindings
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		fmt.Fprintf(stderr, "无法创建文件夹 %s：%s\n", o.out, forms.Message(err))
		return ExitUnreadable
	}
	pages, err := render.Layout(d, render.Options{Draft: hasErrors})
	if err != nil {
		fmt.Fprintf(stderr, "排版失败：%v\n", err)
		return ExitUnreadable
	}
	info := pdf.Info{Title: forms.Title, Author: hostName(d), Creator: "shenbao " + Version, Created: time.Now()}
	outputs := []output{
		// The .docx writer goes here, before the PDF, as FORM.md §4 lists the files:
		// {".docx", func(w io.Writer) error { return docx.Write(w, d, …) }},
		{".pdf", func(w io.Writer) error { return pdf.Write(w, pages, info) }},
	}
	base := filepath.Join(o.out, ExportName(d))
	for _, out := range outputs {
		path := base + out.ext
		if err := forms.WriteFile(path, false, out.write); err != nil {
			fmt.Fprintf(stderr, "无法写入 %s：%s\n", path, forms.Message(err))
			return ExitUnreadable
		}
		fmt.Fprintln(stdout, path)
	}
	if hasErrors {
		fmt.Fprintln(stderr, "注意：草稿还有错误，导出的 PDF 每页都印有“草稿（未通过检查）”，不能用于正式申报。")
	}
	fmt.Fprintln(stderr, "提醒：申报表须于7月28日前将 Word 版和盖章扫描的 PDF 版发送至 lzjyjszk@163.com（联系人：韦益金，电话 2822733）。")
	return ExitOK
}

// printErrors prints the 错误 findings, one a line, and returns how many there were.
func printErrors(findings []forms.Finding, stderr io.Writer) int {
	n := 0
	for _, f := range findings {
		if f.Severity == forms.Error {
			fmt.Fprintln(stderr, f)
			n++
		}
	}
	return n
}

func hostName(d *forms.Draft) string {
	return strings.TrimSpace(d.Get("host.name"))
}

// ExportName is the exported files' name without extension:
// 柳州市名班主任工作室申报表-<工作单位>-<姓名>, "未填写" for a part left empty, characters
// Windows refuses in file names replaced.
func ExportName(d *forms.Draft) string {
	return "柳州市名班主任工作室申报表-" + namePart(d.Get("host.unit")) + "-" + namePart(d.Get("host.name"))
}

// maxNamePart keeps a file name well inside Windows' 255-character limit.
const maxNamePart = 40

func namePart(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return ' '
		case strings.ContainsRune(`<>:"/\|?*`, r), unicode.IsControl(r):
			return '_'
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > maxNamePart {
		s = string(r[:maxNamePart])
	}
	// Windows drops trailing dots and spaces from names; leading dots hide files elsewhere.
	s = strings.Trim(s, ". ")
	if s == "" {
		return "未填写"
	}
	return s
}
