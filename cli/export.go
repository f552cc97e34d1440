package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/photo"
)

const exportUsage = "shenbao export 草稿.json -o 文件夹 [--draft]"

// runExport writes the draft as .docx and .pdf into the -o folder (FORM.md §4), through
// export.Write as the app does. A draft with 错误 is refused unless --draft, which marks every
// page 草稿（未通过检查）; an empty draft exports the blank form. --draft on a draft without
// 错误 exports it unmarked: the mark says the checks failed, which they did not.
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
	findings := forms.Check(d, photo.StoredSize)
	marked := export.NeedsDraft(d, findings)
	if marked && !o.draft {
		errs := printErrors(findings, stderr)
		fmt.Fprintf(stderr, "草稿还有 %d 个错误，没有导出：请改正后再导出；如只想先打印看看，可加 --draft 导出带“草稿（未通过检查）”字样的版本。\n", errs)
		return ExitFindings
	}
	paths, err := export.Write(d, o.out, export.Options{Draft: marked, Creator: "shenbao " + Version})
	var lim *forms.LimitError
	if errors.As(err, &lim) { // even --draft: no cell of the form holds it
		fmt.Fprintf(stderr, "没有导出：%s。\n", lim.Error())
		return ExitFindings
	}
	if errors.Is(err, forms.ErrDraftTooLarge) { // the draft itself, not the folder
		fmt.Fprintln(stderr, "没有导出：草稿超过 20 MB（或含有无法存回的内容），导出的 Word 和 PDF 附带的草稿将无法再读回：请删减过长的内容（如粘贴进来的大段文字或其他程序加入的内容）后再导出。")
		return ExitFindings
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法导出到 %s：%s\n", o.out, forms.Message(err))
		return ExitUnreadable
	}
	for _, p := range paths {
		fmt.Fprintln(stdout, p)
	}
	if marked {
		fmt.Fprintln(stderr, "注意：草稿还有错误，导出的文件每页都印有“草稿（未通过检查）”，不能用于正式申报。")
	}
	if line := reminder(d.Form()); line != "" {
		fmt.Fprintln(stderr, line)
	}
	return ExitOK
}

// reminder is where and by when the form goes, from its definition's [submission]; "" when
// the definition says nothing of it.
func reminder(form *forms.Definition) string {
	s := form.Submission
	if s.Email == "" {
		return ""
	}
	line := "提醒：申报表须"
	if s.Deadline != "" {
		line += "于" + s.Deadline + "前"
	}
	return line + "将 Word 版和盖章扫描的 PDF 版发送至 " + s.Email + contact(s) + "。"
}

// contact is （联系人：…，电话 …） when the definition names them.
func contact(s forms.Submission) string {
	var who []string
	if s.Contact != "" {
		who = append(who, "联系人："+s.Contact)
	}
	if s.Phone != "" {
		who = append(who, "电话 "+s.Phone)
	}
	if len(who) == 0 {
		return ""
	}
	return "（" + strings.Join(who, "，") + "）"
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
