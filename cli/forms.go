package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shenbao/forms"
)

// loadUserForms registers the forms of the user's forms folder, once per run; a file that does
// not load is said in one line and left out.
func loadUserForms(stderr io.Writer) {
	for _, err := range forms.LoadFolder(forms.UserFolder()) {
		fmt.Fprintf(stderr, "提醒：表格文件夹中的定义文件没有读取：%v\n", err)
	}
}

// definition is the form --form names: a definition file (.toml, or any path that exists) or
// the id of a known form; the 名班主任 form when none is given — the forms folder's copy of it
// when there is one, as drafts of it are read with that copy. The form is registered, so that
// drafts of it read afterwards are read with it.
func (o options) definition(stderr io.Writer) (*forms.Definition, bool) {
	if o.form == "" {
		if d, ok := forms.Lookup(forms.DefaultID); ok {
			return d, true
		}
		return forms.Default(), true
	}
	if isDefinitionFile(o.form) {
		def, err := forms.ReadDefinition(o.form)
		if err != nil {
			fmt.Fprintf(stderr, "无法读取表格定义 %s：%s\n", o.form, forms.Message(err))
			return nil, false
		}
		forms.Register(def)
		return def, true
	}
	def, ok := forms.Lookup(o.form)
	if !ok {
		fmt.Fprintf(stderr, "没有名为“%s”的表格：shenbao form list 列出本程序中的表格；也可以写定义文件（.toml）的路径。\n", o.form)
		return nil, false
	}
	return def, true
}

// isDefinitionFile tells a definition file's path from a form's id.
func isDefinitionFile(s string) bool {
	if strings.EqualFold(filepath.Ext(s), ".toml") || strings.ContainsAny(s, `/\`) {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

// runForm runs the form commands: list, show, check, import.
func runForm(o options, stdout, stderr io.Writer) int {
	if len(o.files) == 0 {
		fmt.Fprint(stderr, formUsage)
		return ExitUnreadable
	}
	sub, args := o.files[0], o.files[1:]
	switch sub {
	case "list":
		for _, d := range forms.Known() {
			fmt.Fprintf(stdout, "%s\t%d\t%s\n", d.ID, d.Version, d.Title)
		}
		return ExitOK
	case "show":
		if len(args) != 1 {
			fmt.Fprint(stderr, "用法：shenbao form show 表格名称或定义文件.toml\n")
			return ExitUnreadable
		}
		o.form = args[0]
		def, ok := o.definition(stderr)
		if !ok {
			return ExitUnreadable
		}
		showDefinition(stdout, def)
		return ExitOK
	case "check":
		if len(args) != 1 {
			fmt.Fprint(stderr, "用法：shenbao form check 定义文件.toml\n")
			return ExitUnreadable
		}
		return checkDefinition(args[0], stdout, stderr)
	case "import":
		return runFormImport(o, args, stdout, stderr)
	}
	fmt.Fprintf(stderr, "不认识的表格命令“%s”。\n\n%s", sub, formUsage)
	return ExitUnreadable
}

// checkDefinition reads a definition file and says every problem with its line: exit 0 when
// it loads, 1 when it has problems, 2 when it cannot be read at all.
func checkDefinition(path string, stdout, stderr io.Writer) int {
	data, err := forms.ReadRegular(path, forms.MaxDefinitionSize)
	if err != nil && !os.IsNotExist(err) && strings.Contains(forms.Message(err), "太大") {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, forms.Message(err))
		return ExitUnreadable
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, forms.Message(err))
		return ExitUnreadable
	}
	def, err := forms.ParseDefinition(data, filepath.Base(path))
	if bad, ok := err.(*forms.DefinitionError); ok {
		for _, p := range bad.Problems {
			fmt.Fprintf(stdout, "%s %s\n", path, p)
		}
		fmt.Fprintf(stderr, "检查完成：%d 处问题，请改正后再用。\n", len(bad.Problems))
		return ExitFindings
	}
	if err != nil {
		fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintf(stderr, "检查完成：没有问题。表格“%s”（%s，第%d版）有 %d 个部分。\n", def.Title, def.ID, def.Version, len(def.Blocks))
	return ExitOK
}

// showDefinition prints a form as the program read it: every block in printed order with its
// fields, kinds, limits and the rules, so a clerk can see what a file means.
func showDefinition(w io.Writer, d *forms.Definition) {
	fmt.Fprintf(w, "表格：%s（%s，第%d版）\n", d.Title, d.ID, d.Version)
	if d.Source != "" {
		fmt.Fprintf(w, "来源：%s\n", d.Source)
	}
	fmt.Fprintf(w, "导出文件名：%s<工作单位>-<姓名>.docx / .pdf\n草稿格式：%s\n", d.OutputPrefix(), d.DraftFormat)
	for i, b := range d.Blocks {
		fmt.Fprintf(w, "\n%d. %s【%s】%s\n", i+1, b.Name(), blockKindName(b), blockNotes(b))
		for _, f := range b.Fields {
			key := f.Key
			if key == "" { // a text block's one field: its content is stored under the block's key
				key = b.Key
			}
			fmt.Fprintf(w, "   - %s（%s）%s%s\n", f.Name(), key, kindName(f.Kind), fieldNotes(f))
		}
	}
	if len(d.Rules) > 0 {
		fmt.Fprintln(w, "\n规则：")
		for _, r := range d.Rules {
			fmt.Fprintf(w, "   - %s %s%s：%s\n", r.Kind, strings.Join(append(r.Fields, r.Tables...), "、"), ruleNotes(r), r.Message)
		}
	}
}

// ruleNotes are what a rule judges by, which its message only names by placeholders: bounds,
// list, columns, and a 提醒 that is no 错误.
func ruleNotes(r forms.Rule) string {
	var n []string
	if r.HasMin {
		n = append(n, fmt.Sprintf("min = %d", r.Min))
	}
	if r.HasMax {
		n = append(n, fmt.Sprintf("max = %d", r.Max))
	}
	if r.List != "" {
		n = append(n, "list = "+r.List)
	}
	if len(r.Match) > 0 {
		n = append(n, "match = "+strings.Join(r.Match, "、"))
	}
	if len(r.Applicant) > 0 {
		n = append(n, "applicant = "+strings.Join(r.Applicant, "、"))
	}
	n = append(n, r.Severity.String())
	return "（" + strings.Join(n, "，") + "）"
}

func blockKindName(b forms.Block) string {
	switch b.Kind {
	case forms.FieldsBlock:
		if b.Grid() {
			return "栏目表格"
		}
		return "栏目"
	case forms.TableBlock:
		return fmt.Sprintf("表格，印%d行", b.Rows)
	case forms.TextBlock:
		return "长文字"
	case forms.OpinionBlock:
		return "意见栏"
	case forms.DeclarationBlock:
		return "承诺与签名"
	case forms.NoteBlock:
		return "说明"
	}
	return "?"
}

func blockNotes(b forms.Block) string {
	var n []string
	if b.PageBreak {
		n = append(n, "另起一页")
	}
	if b.LeaveBlank {
		n = append(n, "申报人不填")
	}
	if b.Seal != forms.NoSeal {
		s := "盖" + b.Seal.Name() + "公章"
		if b.SealNeeded {
			s += "（必须）"
		}
		n = append(n, s)
	}
	return strings.Join(n, "，")
}

func kindName(k forms.Kind) string {
	return map[forms.Kind]string{forms.Text: "文字", forms.Choice: "选择", forms.YearMonth: "年月", forms.Phone: "电话",
		forms.Mobile: "手机号码", forms.WholeNumber: "整数", forms.LongText: "长文字", forms.Picture: "照片",
		forms.BoxChoice: "勾选框", forms.Period: "起止年月"}[k]
}

func fieldNotes(f forms.Field) string {
	var n []string
	if f.Required {
		n = append(n, "必填")
	}
	if len(f.Choices) > 0 {
		n = append(n, "可选："+strings.Join(f.Choices, "、"))
	}
	if f.MaxWords > 0 {
		n = append(n, fmt.Sprintf("不超过%d字", f.MaxWords))
	}
	if f.WarnWords > 0 {
		n = append(n, fmt.Sprintf("超过%d字提醒", f.WarnWords))
	}
	if len(n) == 0 {
		return ""
	}
	return "，" + strings.Join(n, "，")
}

// runNew writes an empty draft of the form --form names.
func runNew(o options, stdout, stderr io.Writer) int {
	if o.out == "" || len(o.files) > 0 {
		fmt.Fprintln(stderr, "用法：shenbao new [--form 表格] -o 草稿.json")
		return ExitUnreadable
	}
	form, ok := o.definition(stderr)
	if !ok {
		return ExitUnreadable
	}
	if err := forms.New(form).Save(o.out); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", o.out, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintln(stdout, o.out)
	return ExitOK
}

const formUsage = `用法：
  shenbao form list                        列出本程序中的表格，每行一个：名称、版本、标题
  shenbao form show 表格                   显示表格的定义（名称或定义文件 .toml）：各部分、栏目、规则
  shenbao form check 定义文件.toml         检查定义文件，每个问题注明行号
  shenbao form import 空白模板.docx [-o 表格.toml]  从教育局的空白申报表（Word）做出定义文件，猜的地方逐条列出
`
