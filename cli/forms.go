package cli

import (
	"fmt"
	"io"

	"shenbao/forms"
)

// definition is the form --form names (a form's id), or the built-in form when none is given.
// A named form is registered, so a draft of it read afterwards is read with it.
func (o options) definition(stderr io.Writer) (*forms.Definition, bool) {
	if o.form == "" {
		return forms.Default(), true
	}
	def, ok := forms.Lookup(o.form)
	if !ok {
		fmt.Fprintf(stderr, "没有名为“%s”的表格：shenbao form list 列出本程序中的表格。\n", o.form)
		return nil, false
	}
	forms.Register(def)
	return def, true
}

// runForm runs the form commands: list.
func runForm(o options, stdout, stderr io.Writer) int {
	if len(o.files) == 0 {
		fmt.Fprint(stderr, formUsage)
		return ExitUnreadable
	}
	switch o.files[0] {
	case "list":
		for _, d := range forms.Known() {
			fmt.Fprintf(stdout, "%s\t%d\t%s\n", d.ID, d.Version, d.Title)
		}
		return ExitOK
	}
	fmt.Fprintf(stderr, "不认识的表格命令“%s”。\n\n%s", o.files[0], formUsage)
	return ExitUnreadable
}

const formUsage = `用法：
  shenbao form list                        列出本程序中的表格，每行一个：名称、版本、标题
`
