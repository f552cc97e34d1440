package cli

import (
	"fmt"
	"io"

	"shenbao/forms"
	"shenbao/photo"
	"shenbao/readback"
)

func runCheck(o options, stdout, stderr io.Writer) int {
	if !o.want(1, stderr, "shenbao check 草稿.json") {
		return ExitUnreadable
	}
	d, ok := load(o.files[0], stderr)
	if !ok {
		return ExitUnreadable
	}
	findings := forms.Check(d, photo.StoredSize)
	errs := 0
	for _, f := range findings {
		fmt.Fprintln(stdout, f)
		if f.Severity == forms.Error {
			errs++
		}
	}
	fmt.Fprintf(stderr, "检查完成：%d 个错误，%d 个提醒。\n", errs, len(findings)-errs)
	if errs > 0 {
		return ExitFindings
	}
	return ExitOK
}

func runSample(o options, stdout, stderr io.Writer) int {
	if o.out == "" || len(o.files) > 0 {
		fmt.Fprintln(stderr, "用法：shenbao sample -o 文件.json [--form 表格]")
		return ExitUnreadable
	}
	form, ok := o.definition(stderr)
	if !ok {
		return ExitUnreadable
	}
	if len(form.Sample) == 0 { // an empty draft called a sample would only mislead
		fmt.Fprintf(stderr, "表格“%s”没有示例草稿（定义文件里没有 [sample]），没有写出：空白草稿用 shenbao new -o 文件.json --form %s 写出。\n", form.Title, form.ID)
		return ExitFindings
	}
	if err := forms.Sample(form).Save(o.out); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", o.out, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintln(stdout, o.out)
	return ExitOK
}

// load reads a draft from a draft file, or from a .docx or PDF (readback), telling the
// user why when it cannot, and where the draft came from when it was not a draft file.
func load(path string, stderr io.Writer) (*forms.Draft, bool) {
	r, ok := open(path, stderr)
	if !ok {
		return nil, false
	}
	return r.Draft, true
}

func open(path string, stderr io.Writer) (*readback.Result, bool) {
	r, err := readback.Open(path)
	if err != nil {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, readback.Message(err))
		return nil, false
	}
	for _, n := range r.Notes() {
		fmt.Fprintln(stderr, n)
	}
	return r, true
}
