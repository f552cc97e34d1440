package app

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"path/filepath"
	"reflect"
	"shenbao/photo"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/scan"
)

// scanFiles are what the 报送 page takes: photos of the sealed pages, or a scanner's PDF.
var scanFiles = fileKind{"照片或扫描的 PDF（JPEG、PNG、HEIC、WebP、PDF）",
	[]string{".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".pdf", ".jfif"}}

// scansView is the 报送 page: photos or scans of the printed, sealed form in, each page
// straightened and recognised with its findings, the scanned PDF and the folder to send out.
// The work is scan's, the same as `shenbao scans`.
type scansView struct {
	u        *UI
	eng      *scan.Engine
	d        *forms.Draft // the draft eng was made from
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
	s.pages = container.NewGridWrap(fyne.NewSize(thumbWidth+20, thumbWidth*1.414+115))
	body := container.NewVBox(
		container.NewHBox(add, clearBtn, s.write, s.busy),
		s.state, s.findings, widget.NewSeparator(), s.pages)
	help := "申报表打印、盖章后，用手机把每页拍下来（四边都拍进去，斜一点、有阴影都没关系）或扫描成 PDF，在这里添加或拖进窗口（顺序随意）。" +
		"程序把每页摆正、去掉阴影、按申报表的顺序排好，并检查缺页和学校、县区的公章。" +
		"认错了页，在图片下面选它是第几页；多余的图片点它下面的垃圾桶按钮移除。"
	s.root = pageFrame(&page{}, "报送", help, body, true)
	s.keep(u.scans)
	u.scans = s
	return s.root
}

// keep takes over the pictures of the page as it was last shown (the page is built afresh on
// each visit), unless the draft has changed since: its pages print differently then.
func (s *scansView) keep(old *scansView) {
	switch {
	case old == nil || old.eng == nil || len(old.sts) == 0:
	case reflect.DeepEqual(old.d, s.u.d):
		s.eng, s.d, s.sts, s.thumbs = old.eng, old.d, old.sts, old.thumbs
		s.refresh()
	default:
		s.state.SetText("草稿改过了，之前添加的照片已清空：请按改过的草稿重新打印、盖章，再添加照片或扫描件。")
	}
}

func (s *scansView) choose() {
	s.u.env.Files.OpenFiles(s.u.win, "添加照片或扫描的 PDF", s.u.set.lastDir(dirScans, s.u.set.OpenDir), scanFiles, func(paths []string) {
		if len(paths) > 0 {
			s.u.usedDir(dirScans, filepath.Dir(paths[0]))
			s.add(paths...)
		}
	})
}

func (s *scansView) clear() {
	s.eng, s.d, s.sts, s.res = nil, nil, nil, scan.Result{}
	s.thumbs = map[*scan.Straight]image.Image{}
	s.refresh()
}

// dropped adds the photos and PDFs dropped on the window while the page is shown; other
// files are named in a message, not opened as drafts behind the user's back.
func (s *scansView) dropped(uris []fyne.URI) {
	var paths, other []string
	for _, uri := range uris {
		if p := uri.Path(); uri.Scheme() == "file" && scanFiles.matches(p) {
			paths = append(paths, p)
		} else {
			other = append(other, filepath.Base(p))
		}
	}
	if len(other) > 0 {
		showMessage(s.u.win, "没有添加", strings.Join(other, "、")+"\n\n报送页只收照片（JPEG、PNG、HEIC、WebP）和扫描的 PDF。"+
			"要打开草稿，请先切换到别的页面再拖进来，或用“文件”菜单打开。")
	}
	if len(paths) > 0 {
		s.add(paths...)
	}
}

// add reads the files off the UI thread, one after the other, and straightens their
// pictures one at a time.
func (s *scansView) add(paths ...string) {
	d := s.u.d.Clone()
	eng := s.eng
	s.busy.Start()
	s.state.SetText("正在处理 " + filepath.Base(paths[0]) + " …")
	s.u.env.Go(func() {
		var err error
		if eng == nil {
			eng, err = scan.New(d)
		}
		var got []*scan.Straight
		var failed []string
		thumbs := map[*scan.Straight]image.Image{}
		for _, path := range paths {
			if err != nil {
				break
			}
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
			if err != nil { // say which file, and go on with the others
				failed = append(failed, filepath.Base(path)+"："+scan.Message(err))
				err = nil
			}
		}
		if err != nil {
			failed = append(failed, scan.Message(err))
		}
		fyne.Do(func() {
			s.busy.Stop()
			if s.eng == nil && eng != nil {
				s.d = d
			}
			s.eng = eng
			s.sts = append(s.sts, got...)
			for k, v := range thumbs {
				s.thumbs[k] = v
			}
			s.refresh()
			if len(failed) > 0 {
				showMessage(s.u.win, "无法读取", strings.Join(failed, "\n"))
			}
		})
	})
}

// assign puts the picture on page i by hand; the findings are told again.
func (s *scansView) assign(st *scan.Straight, i int) {
	if err := s.eng.Assign(st, i); err != nil {
		showMessage(s.u.win, "不能指定页码", st.Source+"：这张图片里没有找到申报表，不能指定页码。请移除它。")
	}
	s.refresh()
}

// remove takes the picture out; the findings are told again.
func (s *scansView) remove(st *scan.Straight) {
	s.sts = slices.DeleteFunc(s.sts, func(o *scan.Straight) bool { return o == st })
	delete(s.thumbs, st)
	s.refresh()
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
	placed := map[*scan.Straight]bool{}
	for i, st := range s.res.Pages {
		s.pages.Add(s.card(i, st))
		placed[st] = true
	}
	for _, st := range s.sts { // not recognised, another draft's, or a page twice
		if !placed[st] {
			s.pages.Add(s.card(-1, st))
		}
	}
	if s.res.Present() > 0 {
		s.write.Enable()
	} else {
		s.write.Disable()
	}
	s.root.Refresh()
}

// card is one page (i ≥ 0) or a picture not put on a page (i = -1): its straightened
// picture with the page it is put on, which the user may change, and a button to remove it;
// or, for a page no picture shows, a gap saying it is missing.
func (s *scansView) card(i int, st *scan.Straight) fyne.CanvasObject {
	name := fmt.Sprintf("第 %d 页", i+1)
	if i < 0 {
		name = "未排入"
	}
	title := widget.NewLabelWithStyle(name, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	if st == nil {
		miss := widget.NewLabelWithStyle("缺少这一页", fyne.TextAlignCenter, fyne.TextStyle{})
		return container.NewBorder(title, nil, nil, nil, container.NewCenter(miss))
	}
	var pic fyne.CanvasObject = container.NewCenter(widget.NewLabel("没有认出"))
	if t := s.thumbs[st]; t != nil {
		img := canvas.NewImageFromImage(t)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSize(thumbWidth, thumbWidth*1.414))
		pic = img
	}
	source := st.Source
	if st.Manual {
		source = "（手动）" + source // the name may be cut at its end
	}
	src := widget.NewLabelWithStyle(source, fyne.TextAlignCenter, fyne.TextStyle{})
	src.Truncation = fyne.TextTruncateEllipsis
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.remove(st) })
	var choose fyne.CanvasObject = widget.NewLabel("")
	if st.Image != nil {
		choose = s.pageSelect(i, st)
	}
	return container.NewBorder(title, container.NewVBox(src, container.NewBorder(nil, nil, nil, remove, choose)), nil, nil, pic)
}

// pageSelect sets by hand which page of the form the picture is.
func (s *scansView) pageSelect(i int, st *scan.Straight) *widget.Select {
	opts := make([]string, s.eng.Pages())
	for k := range opts {
		opts[k] = fmt.Sprintf("第%d页", k+1)
	}
	sel := widget.NewSelect(opts, nil)
	sel.PlaceHolder = "是第几页？"
	if i >= 0 {
		sel.SetSelected(opts[i])
	}
	sel.OnChanged = func(v string) {
		if k := slices.Index(opts, v); k >= 0 && (k != i || !st.Manual) {
			s.assign(st, k)
		}
	}
	return sel
}

func (s *scansView) chooseFolder() {
	s.u.env.Files.Folder(s.u.win, "选择报送文件夹（放 Word 和盖章扫描件）", s.u.set.lastDir(dirSend, s.u.set.ExportDir), func(dir string) {
		if dir != "" {
			s.u.usedDir(dirSend, dir)
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
		err := res.WritePDF(&pdf, scan.PDFInfo{Title: d.Form().Title + export.ScanSuffix, Author: author,
			Creator: "shenbao " + Version, Created: s.u.env.Now()})
		var items []scan.CheckItem
		blocked := export.NeedsDraft(d, forms.Check(d, photo.StoredSize))
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
	box.Add(wrapped(s.u.submission()))
	var m *modal
	open := widget.NewButtonWithIcon("打开文件夹", theme.FolderOpenIcon(), func() { s.u.openPath(dir) })
	closeBtn := widget.NewButton("关闭", func() { m.hide() })
	m = newModal(s.u.win, "报送", box, []fyne.CanvasObject{open, closeBtn}, fyne.NewSize(640, 0))
	m.primary = func() { m.hide() }
	m.show()
}
