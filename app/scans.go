package app

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"shenbao/forms"
	"shenbao/render/export"
	"shenbao/render/scan"
)

// scanFiles are what the 报送 page takes: photos of the sealed pages, or a scanner's PDF.
var scanFiles = fileKind{"照片或扫描的 PDF（JPEG、PNG、HEIC、WebP、PDF）",
	[]string{".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".pdf", ".jfif"}}

// scansView is the 报送 page: photos or scans of the printed, sealed form in, each page
// straightened and recognised with its findings, the scanned PDF and the folder to send out.
// The work is render/scan's, the same as `shenbao scans`.
type scansView struct {
	u        *UI
	eng      *scan.Engine
	sts      []*scan.Straight
	thumbs   map[*scan.Straight]image.Image
	res      scan.Result
	findings *fyne.Container
	pages    *fyne.Container
	busy     *widget.Activity
	state    *widget.Label
	write    *widget.Button
	root     fyne.CanvasObject // the page, laid out again when the lists change
}

const thumbWidth = 150

func (u *UI) scansPage() fyne.CanvasObject {
	s := &scansView{u: u, thumbs: map[*scan.Straight]image.Image{}}
	add := widget.NewButtonWithIcon("添加照片或 PDF…", theme.ContentAddIcon(), s.choose)
	clearBtn := widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), s.clear)
	s.write = widget.NewButtonWithIcon("写出扫描件和报送文件夹…", theme.DocumentSaveIcon(), s.chooseFolder)
	s.write.Importance = widget.HighImportance
	s.write.Disable()
	s.busy = widget.NewActivity()
	s.state = widget.NewLabel("还没有添加照片。")
	s.findings = container.NewVBox()
	s.pages = container.NewGridWrap(fyne.NewSize(thumbWidth+20, thumbWidth*1.414+70))
	body := container.NewVBox(
		container.NewHBox(add, clearBtn, s.write, s.busy),
		s.state, s.findings, widget.NewSeparator(), s.pages)
	help := "申报表打印、盖章后，用手机把每页拍下来（四边都拍进去，斜一点、有阴影都没关系）或扫描成 PDF，在这里添加（顺序随意）。" +
		"程序把每页摆正、去掉阴影、按申报表的顺序排好，并检查缺页和学校、县区的公章。"
	s.root = pageFrame(&page{}, "报送", help, body, true)
	return s.root
}

func (s *scansView) choose() {
	s.u.env.Files.OpenFile(s.u.win, "添加照片或扫描的 PDF", s.u.set.OpenDir, scanFiles, func(path string) {
		if path != "" {
			s.add(path)
		}
	})
}

func (s *scansView) clear() {
	s.eng, s.sts, s.res = nil, nil, scan.Result{}
	s.thumbs = map[*scan.Straight]image.Image{}
	s.refresh()
}

// add reads one file off the UI thread and straightens its pictures one at a time.
func (s *scansView) add(path string) {
	d := s.u.d.Clone()
	eng := s.eng
	s.busy.Start()
	s.state.SetText("正在处理 " + filepath.Base(path) + " …")
	s.u.env.Go(func() {
		var err error
		if eng == nil {
			eng, err = scan.New(d)
		}
		var got []*scan.Straight
		thumbs := map[*scan.Straight]image.Image{}
		if err == nil {
			var data []byte
			if data, err = readScanFile(path); err == nil {
				err = scan.Pictures(filepath.Base(path), data, func(source string, img image.Image) error {
					st := eng.Straighten(source, img)
					if st.Image != nil {
						thumbs[st] = thumbnail(st.Image)
					}
					got = append(got, st)
					return nil
				})
			}
		}
		fyne.Do(func() {
			s.busy.Stop()
			s.eng = eng
			s.sts = append(s.sts, got...)
			for k, v := range thumbs {
				s.thumbs[k] = v
			}
			s.refresh()
			if err != nil {
				showMessage(s.u.win, "无法读取", filepath.Base(path)+"：\n"+scan.Message(err))
			}
		})
	})
}

func readScanFile(path string) ([]byte, error) {
	f, _, err := forms.OpenRegular(path) // a FIFO would block os.Open for ever
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, scan.MaxPDFBytes+1))
	if err == nil && len(data) > scan.MaxPDFBytes {
		err = scan.ErrPDFTooLarge
	}
	return data, err
}

func thumbnail(img image.Image) image.Image {
	b := img.Bounds()
	h := thumbWidth * b.Dy() / max(1, b.Dx())
	t := image.NewRGBA(image.Rect(0, 0, thumbWidth, h))
	xdraw.CatmullRom.Scale(t, t.Rect, img, b, xdraw.Src, nil) // averages when shrinking: thin rules stay
	return t
}

// refresh shows the findings and the pages in the form's order.
func (s *scansView) refresh() {
	s.findings.RemoveAll()
	s.pages.RemoveAll()
	if s.eng == nil || len(s.sts) == 0 {
		s.state.SetText("还没有添加照片。")
		s.write.Disable()
		s.root.Refresh()
		return
	}
	s.res = s.eng.Assemble(s.sts)
	errs := s.res.Errors()
	s.state.SetText(fmt.Sprintf("已添加 %d 张图片，认出 %d 页（申报表共 %d 页）；%d 个错误。",
		len(s.sts), s.res.Present(), s.eng.Pages(), errs))
	for _, f := range s.res.Findings {
		l := wrapped(f.Path + "：" + f.Message)
		if f.Severity == forms.Error {
			l.setColor(theme.ColorNameError)
		}
		s.findings.Add(l)
	}
	for i, st := range s.res.Pages {
		s.pages.Add(s.card(i, st))
	}
	if s.res.Present() > 0 {
		s.write.Enable()
	} else {
		s.write.Disable()
	}
	s.root.Refresh()
}

// card is one page: its straightened picture, or a gap saying it is missing.
func (s *scansView) card(i int, st *scan.Straight) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(fmt.Sprintf("第 %d 页", i+1), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	if st == nil {
		miss := widget.NewLabelWithStyle("缺少这一页", fyne.TextAlignCenter, fyne.TextStyle{})
		return container.NewBorder(title, nil, nil, nil, container.NewCenter(miss))
	}
	img := canvas.NewImageFromImage(s.thumbs[st])
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(thumbWidth, thumbWidth*1.414))
	src := widget.NewLabelWithStyle(st.Source, fyne.TextAlignCenter, fyne.TextStyle{})
	src.Truncation = fyne.TextTruncateEllipsis
	return container.NewBorder(title, src, nil, nil, img)
}

func (s *scansView) chooseFolder() {
	s.u.env.Files.Folder(s.u.win, "选择报送文件夹（放 Word 和盖章扫描件）", s.u.set.ExportDir, func(dir string) {
		if dir != "" {
			s.writeTo(dir)
		}
	})
}

// writeTo writes the scanned PDF and, when the draft passes its checks, the .docx into dir,
// and shows the checklist.
func (s *scansView) writeTo(dir string) {
	d := s.u.d.Clone()
	res, pages := s.res, s.eng.Pages()
	s.busy.Start()
	s.u.env.Go(func() {
		var pdf bytes.Buffer
		_, author := d.Applicant()
		err := res.WritePDF(&pdf, scan.PDFInfo{Title: forms.Title + export.ScanSuffix, Author: author,
			Creator: "shenbao " + Version, Created: s.u.env.Now()})
		var items []scan.CheckItem
		blocked := export.NeedsDraft(d, forms.Check(d))
		if err == nil && !blocked {
			items, err = scan.Send(d, dir, pdf.Bytes(), res, pages, "shenbao "+Version)
		} else if err == nil {
			err = forms.WriteFile(filepath.Join(dir, export.ScanName(d)), false, func(w io.Writer) error {
				_, err := w.Write(pdf.Bytes())
				return err
			})
		}
		fyne.Do(func() {
			s.busy.Stop()
			if err != nil {
				showMessage(s.u.win, "没有写出", "写出失败："+forms.Message(err)+"\n\n请换一个文件夹（例如桌面）再试。")
				return
			}
			s.showChecklist(dir, items, blocked)
		})
	})
}

func (s *scansView) showChecklist(dir string, items []scan.CheckItem, blocked bool) {
	box := container.NewVBox(widget.NewLabel("报送文件夹：" + dir))
	if blocked {
		l := wrapped("只写出了盖章扫描件：草稿还有错误，Word 文件没有放进去。请在“检查”页改正后再写出一次。")
		l.setColor(theme.ColorNameError)
		box.Add(l)
	}
	for _, it := range items {
		l := wrapped("√ " + it.Text)
		if !it.OK {
			l = wrapped("× " + it.Text)
			l.setColor(theme.ColorNameError)
		}
		box.Add(l)
	}
	box.Add(widget.NewSeparator())
	box.Add(wrapped(submission))
	var m *modal
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { s.u.openPath(dir) })
	closeBtn := widget.NewButton("关闭", func() { m.hide() })
	m = newModal(s.u.win, "报送", box, []fyne.CanvasObject{open, closeBtn}, fyne.NewSize(640, 0))
	m.primary = func() { m.hide() }
	m.show()
}
