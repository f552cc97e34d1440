// Command demo shows the long-text editor next to the stock Entry, for trying it by hand and
// under Xvfb (see README in app/editor). It is not part of the app.
//
//	go run ./app/editor/internal/demo [-text 3000] [-out text.txt]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/app/editor"
	"shenbao/fonts"
	"shenbao/forms"
)

var regular = fyne.NewStaticResource("NotoSerifSC-Regular.ttf", fonts.Regular)

// demoTheme is the default theme drawing everything in the embedded Noto Serif SC.
type demoTheme struct{ fyne.Theme }

func (demoTheme) Font(fyne.TextStyle) fyne.Resource { return regular }

func main() {
	n := flag.Int("text", 0, "start the plan editor with this many characters of the sample plan (0: empty)")
	out := flag.String("out", "", "write the editor's text to this file after every change (to check what was typed)")
	flag.Parse()

	a := app.NewWithID("shenbao.editor.demo")
	a.Settings().SetTheme(demoTheme{theme.DefaultTheme()})
	w := a.NewWindow("长文本编辑器演示")

	plan := longestText(forms.Sample(forms.Default()))
	count := widget.NewLabel("")
	ed := editor.New()
	ed.SetPlaceHolder("在此输入工作室三年发展规划……")
	if *n > 0 {
		ed.SetText(repeat(plan, *n))
	}
	ed.OnChanged = func(s string) {
		count.SetText(fmt.Sprintf("字数：%d", forms.CountWords(s)))
		if *out != "" {
			save(*out, s)
		}
	}
	count.SetText(fmt.Sprintf("字数：%d", forms.CountWords(ed.Text())))

	stock := widget.NewEntry()
	stock.SetPlaceHolder("普通输入框（对照外观）")
	copyBtn := widget.NewButton("复制3000字示例到剪贴板", func() {
		a.Clipboard().SetContent(repeat(plan, 3000))
	})
	top := container.NewVBox(stock, container.NewHBox(copyBtn, count))
	w.SetContent(container.NewBorder(top, nil, nil, nil, ed))
	w.Resize(fyne.NewSize(820, 620))
	w.Canvas().Focus(ed)
	w.ShowAndRun()
}

// save writes s to path, reporting a failure on stderr.
func save(path, s string) {
	err := forms.WriteFile(path, false, func(f io.Writer) error {
		_, err := io.WriteString(f, s)
		return err
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, forms.Message(err))
	}
}

// repeat returns n characters of s, repeated as needed.
func repeat(s string, n int) string {
	r := []rune(strings.Repeat(s, n/len([]rune(s))+1))
	return string(r[:n])
}

// longestText is the longest long text of a form's sample: a real page of Chinese to edit.
func longestText(d *forms.Draft) string {
	best := ""
	for _, b := range d.Form().Blocks {
		for _, f := range b.Fields {
			if v := d.Value(b, f, 0); f.Kind == forms.LongText && len(v) > len(best) {
				best = v
			}
		}
	}
	return best
}
