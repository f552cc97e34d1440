package cli

import (
	"bytes"
	"fmt"
	"io"

	"shenbao/forms"
	"shenbao/summary"
)

// runSummary writes the 申报汇总 of every draft, .docx and PDF in a folder. Unreadable drafts are listed in
// the workbook, never a reason to stop.
func runSummary(o options, stdout, stderr io.Writer) int {
	if o.out == "" || !o.want(1, stderr, "shenbao summary 文件夹 -o 汇总.xlsx") {
		if o.out == "" {
			fmt.Fprintln(stderr, "用法：shenbao summary 文件夹 -o 汇总.xlsx")
		}
		return ExitUnreadable
	}
	dir := o.files[0]
	path := xlsxPath(o.out, "申报汇总.xlsx")
	// The workbook is made in memory first: the file is written only once it is whole, so
	// a summary stopped midway leaves nothing behind.
	var buf bytes.Buffer
	st, err := summary.Summary(&buf, dir)
	if err == nil {
		err = forms.WriteFile(path, false, func(w io.Writer) error {
			_, err := w.Write(buf.Bytes())
			return err
		})
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法汇总 %s：%s\n", dir, summary.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintf(stderr, "汇总了 %d 份申报表（读取了 %d 个草稿、Word 和 PDF 文件，同一申请人的合为一行），其中 %d 份有错误。\n", st.Drafts, st.Files, st.WithErrors)
	if st.Scans > 0 {
		fmt.Fprintf(stderr, "%d 个扫描件（只有图片的 PDF）列在工作表“%s”。\n", st.Scans, summary.ScanSheet)
	}
	if st.Unreadable > 0 {
		fmt.Fprintf(stderr, "%d 个文件无法读取，见工作表“%s”。\n", st.Unreadable, summary.UnreadableSheet)
	}
	fmt.Fprintln(stdout, path)
	return ExitOK
}
