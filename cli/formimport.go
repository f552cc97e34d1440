package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shenbao/formimport"
	"shenbao/forms"
	"shenbao/readback"
)

// runFormImport makes a definition file from a bureau's blank Word template (shenbao form
// import 模板.docx [-o 表格.toml]): the file is written only when it loads; every guess the
// importer is unsure of is said here, one a line, as in the file's comments. Without -o the
// file goes beside the template, never over a file already there.
func runFormImport(o options, args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprint(stderr, "用法：shenbao form import 空白模板.docx [-o 表格.toml]\n")
		return ExitUnreadable
	}
	path := args[0]
	data, err := formimport.ReadTemplate(path)
	if err != nil {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, readback.Message(err))
		return ExitUnreadable
	}
	res, err := formimport.Import(data, filepath.Base(path))
	if err != nil {
		fmt.Fprintf(stderr, "无法导入 %s：%s\n", path, formimport.Message(err))
		return ExitUnreadable
	}
	out := o.out
	if out == "" {
		out = strings.TrimSuffix(path, filepath.Ext(path)) + ".toml"
		if _, err := os.Stat(out); err == nil {
			fmt.Fprintf(stderr, "已有 %s，没有覆盖它：请用 -o 写出另一个文件名（或先删去它）。\n", out)
			return ExitUnreadable
		}
	}
	if err := forms.WriteFile(out, false, func(w io.Writer) error { _, err := w.Write(res.TOML); return err }); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", out, forms.Message(err))
		return ExitUnreadable
	}
	def := res.Definition
	fields := 0
	for _, b := range def.Stored() {
		fields += len(b.Fields)
	}
	fmt.Fprintf(stdout, "已从 %s 导入表格“%s”：%d 个栏目，%d 个要填写的字段，写到 %s。\n", path, def.Title, len(def.Blocks), fields, out)
	for _, n := range res.Template {
		fmt.Fprintln(stdout, n)
	}
	if len(res.Notes) > 0 {
		fmt.Fprintf(stdout, "有 %d 处是猜的，请对照模板核对（文件里标有“猜测”）：\n", len(res.Notes))
		for _, n := range res.Notes {
			fmt.Fprintln(stdout, n)
		}
	}
	fmt.Fprintf(stdout, "改完后检查：shenbao form check %s；用它新建草稿：shenbao new --form %s -o 草稿.json\n", out, out)
	return ExitOK
}
