// Package cli runs the commands of FORM.md §4. It prints and exits; it never opens a window
// (the app is passed in by main, so this package stays free of Fyne).
package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shenbao/forms"
)

// Version is the program's version, the same as FyneApp.toml's.
const Version = "0.1.0"

// Exit codes of FORM.md §4.
const (
	ExitOK         = 0
	ExitFindings   = 1 // check found 错误, export refused, photo refused
	ExitUnreadable = 2 // the draft could not be read, or the command line was wrong
)

// App opens the desktop app with a draft path ("" for none). main passes the real one.
type App func(path string) error

// Run runs one command line and returns the exit code.
func Run(args []string, stdout, stderr io.Writer, app App) int {
	if len(args) == 0 {
		return runApp("", stderr, app)
	}
	cmd, rest := args[0], args[1:]
	opts, err := parseArgs(rest)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return ExitUnreadable
	}
	switch cmd {
	case "version", "-v", "--version", "help", "-h", "--help", "/?":
	default:
		forms.ResetRegistered()
		loadUserForms(stderr)
		if opts.form != "" && cmd != "form" {
			if _, ok := opts.definition(stderr); !ok {
				return ExitUnreadable
			}
		}
	}
	switch cmd {
	case "new":
		return runNew(opts, stdout, stderr)
	case "check":
		return runCheck(opts, stdout, stderr)
	case "sample":
		return runSample(opts, stdout, stderr)
	case "photo":
		return runPhoto(opts, stdout, stderr)
	case "export":
		return runExport(opts, stdout, stderr)
	case "template":
		return runTemplate(opts, stdout, stderr)
	case "import-roster":
		return runImportRoster(opts, stdout, stderr)
	case "export-roster":
		return runExportRoster(opts, stdout, stderr)
	case "summary":
		return runSummary(opts, stdout, stderr)
	case "scans":
		return runScans(opts, stdout, stderr)
	case "form":
		return runForm(opts, stdout, stderr)
	case "version", "-v", "--version":
		fmt.Fprintln(stdout, "shenbao", Version)
		return ExitOK
	case "help", "-h", "--help", "/?":
		fmt.Fprint(stdout, usage)
		return ExitOK
	}
	if strings.HasPrefix(cmd, "-") || len(args) > 1 || mistypedCommand(cmd) {
		fmt.Fprintf(stderr, "不认识的命令“%s”。\n\n%s", cmd, usage)
		return ExitUnreadable
	}
	return runApp(cmd, stderr, app)
}

const usage = `用法：
  shenbao [草稿.json]                      打开填报程序（可同时打开一个草稿）
  shenbao check 草稿.json                  检查草稿，每行一个问题（错误/提醒）
  shenbao export 草稿.json -o 文件夹 [--draft]  导出 Word 和 PDF；有错误时加 --draft 导出带“草稿”字样的版本
  shenbao photo 草稿.json 图片             为草稿设置照片（JPEG、PNG、BMP、GIF、WebP、HEIC）
  shenbao sample -o 文件.json              写出一份完整的示例草稿
  shenbao new -o 草稿.json                 写出一份空白草稿
  shenbao form list|show|check             表格：列出、显示定义、检查定义文件（shenbao form 看用法）
  shenbao template -o 名单模板.xlsx        写出指导老师和工作室成员的 Excel 名单模板
  shenbao import-roster 草稿.json 名单.xlsx  从 Excel 名单导入指导老师和工作室成员（名单有错误时不导入）
  shenbao export-roster 草稿.json -o 名单.xlsx  把草稿中的指导老师和工作室成员导出为 Excel 名单
  shenbao summary 文件夹 -o 汇总.xlsx      把文件夹（含子文件夹）中的全部草稿汇总成一个 Excel 表
  shenbao scans 草稿.json 照片或PDF… [-o 扫描件.pdf] [--send 文件夹]
                                           把盖章后拍照或扫描的各页摆正、排好顺序、检查公章，写成一个 PDF；
                                           --send 把要发给教育局的 Word 和扫描件放进一个文件夹
  shenbao version                          显示版本
草稿.json 处也可以写本程序导出的 Word（.docx）或 PDF 文件，或手工填写的申报表 Word 文件；
photo、import-roster 修改的内容这时另存为旁边的 .json 草稿，原文件不变。
summary 的文件夹中可以混放草稿、Word 和 PDF 文件，同一申请人的多个文件合为一行。
每个命令都可以加 --form 表格（名称或定义文件 .toml）：新草稿用这个表格，读草稿时按这个表格读。
退出码：0 成功；1 有错误或被拒绝；2 文件无法读取或命令写错。
`

// mistypedCommand tells a misspelt command (shenbao chekc) from a draft to open: a bare word,
// without extension or folder, that names no file. Opening the app on it would show an empty
// window, or a GLFW panic where there is no display, instead of the list of commands.
func mistypedCommand(arg string) bool {
	if filepath.Ext(arg) != "" || strings.ContainsAny(arg, `/\`) {
		return false
	}
	_, err := os.Stat(arg)
	return err != nil
}

func runApp(path string, stderr io.Writer, app App) (code int) {
	if app == nil {
		fmt.Fprintln(stderr, "这个版本没有图形界面：请使用 check、export、photo、sample 命令。")
		return ExitUnreadable
	}
	// The graphics library panics when it cannot open a window (no display, no OpenGL 2.1):
	// say so in Chinese, with what still works, instead of a Go stack trace.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "无法打开程序窗口（%v）。\n%s", r, noWindowHelp)
			code = ExitUnreadable
		}
	}()
	if err := app(path); err != nil {
		fmt.Fprintln(stderr, err)
		return ExitUnreadable
	}
	return ExitOK
}

const noWindowHelp = `请在有图形桌面的电脑上运行（远程登录时需要图形界面；电脑的显卡驱动需支持 OpenGL 2.1，可更新显卡驱动）。
没有窗口也可以用命令行完成检查和导出：shenbao check 草稿.json，shenbao export 草稿.json -o 文件夹。
`

// options are a command's arguments: files in order, -o's value and --draft.
type options struct {
	files []string
	out   string
	send  string // scans --send DIR
	form  string // --form ID|FILE: the form a new draft is of, or an existing draft is read as
	draft bool
}

// parseArgs accepts flags before or after the files, as users type them.
func parseArgs(args []string) (options, error) {
	var o options
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-o" || a == "--o" || a == "-out" || a == "--out":
			if i+1 >= len(args) {
				return o, fmt.Errorf("%s 后面要写文件或文件夹的名字", a)
			}
			i++
			o.out = args[i]
		case strings.HasPrefix(a, "-o="), strings.HasPrefix(a, "--out="):
			o.out = a[strings.IndexByte(a, '=')+1:]
		case a == "--send" || a == "-send":
			if i+1 >= len(args) {
				return o, fmt.Errorf("%s 后面要写文件夹的名字", a)
			}
			i++
			o.send = args[i]
		case strings.HasPrefix(a, "--send="):
			o.send = a[len("--send="):]
		case a == "--form" || a == "-form":
			if i+1 >= len(args) {
				return o, fmt.Errorf("%s 后面要写表格的名称（shenbao form list 列出）或定义文件（.toml）", a)
			}
			i++
			o.form = args[i]
		case strings.HasPrefix(a, "--form="):
			o.form = a[len("--form="):]
		case a == "--draft" || a == "-draft":
			o.draft = true
		case a == "--":
			o.files = append(o.files, args[i+1:]...)
			return o, nil
		case strings.HasPrefix(a, "-") && a != "-":
			return o, fmt.Errorf("不认识的选项“%s”。\n\n%s", a, usage)
		default:
			o.files = append(o.files, a)
		}
	}
	return o, nil
}

func (o options) want(n int, stderr io.Writer, what string) bool {
	if len(o.files) != n {
		// Say what was wrong before the usage: a teacher who gave two files, or forgot one,
		// should not have to compare the usage with what was typed.
		if len(o.files) > n {
			fmt.Fprintf(stderr, "文件多了：这个命令要 %d 个文件，给了 %d 个：“%s”。文件名里有空格时请给整个名字加上引号。\n", n, len(o.files), strings.Join(o.files, "”“"))
		} else {
			fmt.Fprintf(stderr, "少了文件：这个命令要 %d 个文件，给了 %d 个。\n", n, len(o.files))
		}
		fmt.Fprintf(stderr, "用法：%s\n", what)
		return false
	}
	return true
}
