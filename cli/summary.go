package cli

import (
	"fmt"
	"io"

	"shenbao/forms"
	"shenbao/render/xlsx"
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
	var st xlsx.Stats
	err := forms.WriteFile(path, false, func(w io.Writer) error {
		var err error
		st, err = xlsx.Summary(w, dir)
		return err
	})
	if err != nil {
		fmt.Fprintf(stderr, "无法汇总 %s：%s\n", dir, xlsx.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintf(stderr, "汇总了 %d 份申报表（读取了 %d 个草稿、Word 和 PDF 文件，同一申请人的合为一行），其中 %d 份有错误。\n", st.Drafts, st.Files, st.WithErrors)
	if st.Scans > 0 {
		fmt.Fprintf(stderr, "%d 个扫描件（只有图片的 PDF）列在工作表“%s”。\n", st.Scans, xlsx.ScanSheet)
	}
	if st.Unreadable > 0 {
		fmt.Fprintf(stderr, "%d 个文件无法读取，见工作表“%s”。\n", st.Unreadable, xlsx.UnreadableSheet)
	}
	fmt.Fprintln(stdout, path)
	return ExitOK
}
