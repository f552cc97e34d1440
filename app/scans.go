package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/photo"
	"shenbao/scan"
)

// scanFiles are what the 报送 page takes: photos of the sealed pages, or a scanner's PDF.
var scanFiles = fileKind{"照片或扫描的 PDF（JPEG、PNG、HEIC、WebP、PDF）",
	[]string{".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".pdf", ".jfif"}}

// scansView is the 报送 page: photos or scans of the printed, sealed form in, each page
// straightened and recognised with its findings, the scanned PDF and the folder to send out.
// The work is scan's, the same as `shenbao scans`. The view outlives the page's widgets
// (made afresh on each visit) and lasts as long as the draft: the pictures stay when the
// user looks at another page, and are kept on disk (scanskept.go) for a restart.
type scansView struct {
	u       *UI
	eng     *scan.Engine
	d       *forms.Draft // the draft eng was made from
	sts     []*scan.Straight
	thumbs  map[*scan.Straight]image.Image
	res     scan.Result
	run     *reading // the files being read now; nil when none
	keep    *keeper
	seq     int    // numbers the writes of the kept work
	note    string // why the page holds no picture: the draft changed, the kept ones were refused
	unkept  string // why the work could not be kept on disk, "" when it is
	writing bool   // the scanned PDF and the folder are being written

	// The page's widgets, as last built.
	root         fyne.CanvasObject
	findings     *fyne.Container
	pages        *fyne.Container
	progressBox  *fyne.Container
	progress     *widget.ProgressBar
	progressText *widget.Label
	busy         *widget.Activity
	busyText     *widget.Label
	state        *zhText
	write        *widget.Button
}

// reading is a run of steps, each one file (or one kept picture) read off the UI thread,
// and how far it has come.
type reading struct {
	steps       []step
	done, total int    // counted steps
	unit        string // 张, or 个文件 once a PDF (several pages) is among them
	text        string // the step now
	restoring   int    // steps left that read the kept work back: nothing is kept meanwhile
	keepAfter   bool   // the work changed while it was read back: keep it at the end
	failed      []string
}

// step reads one thing; counted steps are the pictures the progress counts.
type step struct {
	name    string
	counted bool
	engine  bool // needs the engine: made first when the page has none
	restore bool
	work    func(eng *scan.Engine) stepResult
}

type stepResult struct {
	got    []*scan.Straight
	thumbs map[*scan.Straight]image.Image
	dir    string                    // restored from: where kept says the files are
	kept   map[*scan.Straight]string // restored: the file each picture is kept in
	failed []string
	note   string
	more   []step // to read next (the kept pictures, once their list is read)
}

const thumbWidth = 150

func (u *UI) scansPage() fyne.CanvasObject {
	s := u.scans
	fresh := s == nil
	if fresh {
		s = &scansView{u: u, thumbs: map[*scan.Straight]image.Image{}, keep: &keeper{}}
		u.scans = s
	}
	s.build()
	if s.eng != nil && !reflect.DeepEqual(s.d, u.d) { // its pages print differently now
		s.drop("草稿改过了，之前添加的照片已清空：请按改过的草稿重新打印、盖章，再添加照片或扫描件。")
	}
	s.refresh()
	if fresh {
		s.restore()
	}
	return s.root
}

func (s *scansView) build() {
	add := widget.NewButtonWithIcon("添加照片或 PDF 文件…", theme.ContentAddIcon(), s.choose)
	clearBtn := widget.NewButtonWithIcon("清空", theme.ContentClearIcon(), s.clear)
	s.write = widget.NewButtonWithIcon("写出扫描件和报送文件夹…", theme.DocumentSaveIcon(), s.askWrite)
	s.write.Importance = widget.HighImportance
	s.write.Disable()
	s.busy = widget.NewActivity()
	s.busyText = widget.NewLabel("正在写出…")
	s.busy.Hide() // shown only while the folder is written: a stopped one is a grey dot
	s.busyText.Hide()
	if s.writing {
		s.busy.Show()
		s.busyText.Show()
		s.busy.Start()
	}
	s.state = wrapped("还没有添加照片。") // wraps as Chinese does, not at the spaces around numbers
	s.progressText = widget.NewLabel("")
	s.progress = widget.NewProgressBar()
	s.progressBox = container.NewVBox(s.progressText, s.progress)
	s.progressBox.Hide()
	s.findings = container.NewVBox()
	s.pages = container.NewGridWrap(fyne.NewSize(thumbWidth+20, thumbWidth*1.414+115))
	body := container.NewVBox(
		container.NewHBox(add, clearBtn, s.write, s.busy, s.busyText),
		s.progressBox, s.state, s.findings, widget.NewSeparator(), s.pages)
	help := "申报表打印、盖章后，用手机把每页拍下来（四边都拍进去，斜一点、有阴影都没关系）或扫描成 PDF，在这里添加或拖进窗口（顺序随意，可以一次选多个）。" +
		"程序把每页摆正、去掉阴影、按申报表的顺序排好，并检查缺页和学校、县区的公章。" +
		"认错了页，在图片下面选它是第几页；多余的图片点它下面的垃圾桶按钮移除。" +
		"添加的图片和选的页码随草稿保存（在草稿旁边的“草稿名（报送照片）”文件夹里），关掉程序再打开还在。"
	s.root = pageFrame(&page{}, "报送", help, body, true)
	s.showProgress()
}

// drop forgets the pictures shown, not what is kept on disk, and says why.
func (s *scansView) drop(note string) {
	s.eng, s.d, s.sts, s.res, s.run = nil, nil, nil, scan.Result{}, nil
	s.thumbs = map[*scan.Straight]image.Image{}
	s.note = note
}

func (s *scansView) choose() {
	s.u.env.Files.OpenFiles(s.u.win, "添加照片或扫描的 PDF", s.u.set.lastDir(dirScans, s.u.set.OpenDir), scanFiles, func(paths []string) {
		if len(paths) > 0 {
			s.u.usedDir(dirScans, filepath.Dir(paths[0]))
			s.add(paths...)
		}
	})
}

// clear removes every picture, and what was kept of them.
func (s *scansView) clear() {
	s.drop("")
	s.refresh()
	s.save()
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

// add reads the files one after the other off the UI thread, straightening their pictures;
// each is shown as soon as it is read, and the progress says how far it is.
func (s *scansView) add(paths ...string) {
	queued := 0
	if s.run != nil {
		queued = s.run.total - s.run.done + 1
	}
	if room := maxKept - len(s.sts) - queued; len(paths) > room {
		left := paths[max(0, room):]
		names := make([]string, len(left))
		for i, p := range left {
			names[i] = filepath.Base(p)
		}
		showMessage(s.u.win, "没有添加", fmt.Sprintf("报送页最多放 %d 张图片，下面这些没有添加：\n%s\n\n请先移除多余的图片。", maxKept, strings.Join(names, "、")))
		paths = paths[:max(0, room)]
	}
	steps := make([]step, len(paths))
	for i, path := range paths {
		path := path
		steps[i] = step{name: filepath.Base(path), counted: true, engine: true, work: func(eng *scan.Engine) stepResult {
			return readPictures(eng, path, func(source string) {
				fyne.Do(func() {
					if s.run != nil {
						s.run.text = source
						s.showProgress()
					}
				})
			})
		}}
	}
	s.note = ""
	s.enqueue(steps...)
}

// readPictures reads one file and straightens its pictures, calling at for each (a PDF has several).
func readPictures(eng *scan.Engine, path string, at func(source string)) stepResult {
	res := stepResult{thumbs: map[*scan.Straight]image.Image{}}
	data, err := readScanFile(path)
	if err == nil {
		pdf := scan.IsPDF(data)
		err = scan.Pictures(filepath.Base(path), data, func(source string, img image.Image) error {
			if pdf {
				at(source)
			}
			st := eng.Straighten(source, img)
			if st.Image != nil {
				res.thumbs[st] = thumbnail(st.Image)
			}
			res.got = append(res.got, st)
			return nil
		})
	}
	if err != nil { // say which file; the others are read on
		res.failed = append(res.failed, filepath.Base(path)+"："+scan.Message(err))
	}
	return res
}

// restore reads back the work kept for the draft, when there is any.
func (s *scansView) restore() {
	dir := s.u.keptDir()
	if _, err := os.Lstat(filepath.Join(dir, keptManifest)); err != nil {
		return // nothing kept: the common case costs one look
	}
	sum := draftSum(s.u.d)
	s.enqueue(step{name: "正在打开保存的报送照片…", restore: true, work: func(*scan.Engine) stepResult {
		list, data, skipped, err := loadKept(dir)
		var res stepResult
		switch {
		case errors.Is(err, fs.ErrNotExist): // saved and moved meanwhile
		case err != nil:
			res.note = keptMessage(dir, err)
			res.failed = []string{res.note}
		case list.Draft != sum:
			res.note = "草稿旁边保存的报送照片是按改动以前的草稿拍的，没有装入：请按现在的草稿重新打印、盖章，再添加照片或扫描件。"
		default:
			for _, sk := range skipped {
				res.failed = append(res.failed, "保存的报送照片中 "+sk)
			}
			for i, p := range list.Pictures {
				p, b := p, data[i]
				res.more = append(res.more, step{name: p.Source, counted: true, engine: true, restore: true,
					work: func(eng *scan.Engine) stepResult { return restorePicture(eng, dir, p, b) }})
			}
		}
		return res
	}})
}

// restorePicture makes one kept picture a picture of the page again.
func restorePicture(eng *scan.Engine, dir string, p keptPicture, data []byte) stepResult {
	res := stepResult{dir: dir, thumbs: map[*scan.Straight]image.Image{}, kept: map[*scan.Straight]string{}}
	if p.Page >= eng.Pages() || p.Near >= eng.Pages() {
		res.failed = []string{"保存的报送照片中 " + p.Source + "：页码不对，没有装入。"}
		return res
	}
	var img image.Image
	if p.File != "" {
		var err error
		if img, err = decodeKept(data); err != nil {
			res.failed = []string{"保存的报送照片中 " + p.Source + "（" + p.File + "）已损坏，没有装入。"}
			return res
		}
	}
	st := p.straight(img)
	if img != nil {
		res.thumbs[st] = thumbnail(img)
		res.kept[st] = p.File
	}
	res.got = []*scan.Straight{st}
	return res
}

// enqueue adds steps to the run, starting one when none runs.
func (s *scansView) enqueue(steps ...step) {
	start := s.run == nil
	if start {
		s.run = &reading{unit: "张"}
	}
	r := s.run
	r.steps = append(r.steps, steps...)
	for _, st := range steps {
		if st.counted {
			r.total++
		}
		if st.restore {
			r.restoring++
		}
		if strings.EqualFold(filepath.Ext(st.name), ".pdf") {
			r.unit = "个文件"
		}
	}
	if start {
		s.refresh() // not 还没有添加照片 above the progress
		s.next()
	} else {
		s.showProgress()
	}
}

// next starts the run's next step, or ends the run.
func (s *scansView) next() {
	r := s.run
	if len(r.steps) == 0 {
		s.finish(r)
		return
	}
	st := r.steps[0]
	r.steps = r.steps[1:]
	if st.counted {
		r.done++
	}
	r.text = st.name
	s.showProgress()
	eng := s.eng
	var d *forms.Draft
	if eng == nil && st.engine {
		d = s.u.d.Clone()
	}
	s.u.env.Go(func() {
		var res stepResult
		if d != nil {
			var err error
			if eng, err = scan.New(d); err != nil {
				res.failed = []string{st.name + "：无法排版草稿（" + err.Error() + "）"}
				eng = nil
			}
		}
		if eng != nil || !st.engine {
			res = st.work(eng)
		}
		fyne.Do(func() {
			if s.u.scans != s || s.run != r { // cleared, or another draft: the result is for nothing
				return
			}
			if d != nil && eng != nil && s.eng == nil {
				s.eng, s.d = eng, d
			}
			s.deliver(r, st, res)
			s.next()
		})
	})
}

// deliver shows what a step read.
func (s *scansView) deliver(r *reading, st step, res stepResult) {
	if st.restore {
		r.restoring--
	}
	if res.kept != nil {
		s.keep.adopt(res.dir, res.kept)
	}
	if room := maxKept - len(s.sts); len(res.got) > room {
		r.failed = append(r.failed, fmt.Sprintf("%s：报送页最多放 %d 张图片，后面的 %d 张没有添加。", st.name, maxKept, len(res.got)-room))
		res.got = res.got[:room]
	}
	s.sts = append(s.sts, res.got...)
	for _, g := range res.got {
		if t := res.thumbs[g]; t != nil {
			s.thumbs[g] = t
		}
	}
	r.failed = append(r.failed, res.failed...)
	if res.note != "" && len(s.sts) == 0 {
		s.note = res.note
	}
	for _, m := range res.more {
		if m.counted {
			r.total++
		}
		if m.restore {
			r.restoring++
		}
	}
	r.steps = append(res.more, r.steps...)
	s.refresh()
	if !st.restore && len(res.got) > 0 {
		s.save()
	}
}

func (s *scansView) finish(r *reading) {
	s.run = nil
	s.showProgress()
	s.refresh()
	if r.keepAfter {
		s.save()
	}
	if len(r.failed) > 0 {
		showMessage(s.u.win, "无法读取", strings.Join(r.failed, "\n"))
	}
}

// showProgress shows the run's progress bar and counts (正在读取第 3 张，共 8 张), or hides them.
func (s *scansView) showProgress() {
	r := s.run
	if r == nil || s.progressBox == nil {
		if s.progressBox != nil {
			s.progressBox.Hide()
		}
		return
	}
	text := r.text
	if r.done > 0 {
		text = fmt.Sprintf("正在读取第 %d %s，共 %d %s：%s", r.done, r.unit, r.total, r.unit, r.text)
	}
	s.progressText.SetText(text)
	s.progress.Max = float64(max(1, r.total))
	s.progress.SetValue(float64(max(0, r.done-1)))
	s.progressBox.Show()
}

// save keeps the work on disk where the draft's work belongs (scanskept.go), off the UI
// thread; not while the kept work is being read back (it would keep only part of it), and
// not for a draft changed since the pictures were matched (they print differently).
func (s *scansView) save() {
	if s.run != nil && s.run.restoring > 0 {
		s.run.keepAfter = true
		return
	}
	if s.eng != nil && !reflect.DeepEqual(s.d, s.u.d) {
		return
	}
	s.seq++
	w := keptWrite{seq: s.seq, dir: s.u.keptDir(), sts: slices.Clone(s.sts)}
	if s.d != nil {
		w.sum = draftSum(s.d)
	}
	for _, st := range s.sts {
		w.pics = append(w.pics, pictureOf(st))
	}
	s.u.env.Go(func() {
		err := s.keep.write(w)
		if err != nil {
			fyne.LogError("keeping the 报送 pictures in "+w.dir, err)
		}
		fyne.Do(func() {
			if err != nil {
				s.unkept = "这些图片没有存下来（" + forms.Message(err) + "），关掉程序后要重新添加。"
			} else {
				s.unkept = ""
			}
			s.showState()
		})
	})
}

// scansSaved keeps the 报送 work beside the draft just saved: the page's, when it was shown,
// else what was kept where the draft's work was before (from: beside its autosave copy,
// which the save is about to remove, or beside its old file).
func (u *UI) scansSaved(from string) {
	if s := u.scans; s != nil && (s.run == nil || s.run.restoring == 0) {
		s.save()
		return
	}
	to := u.keptDir()
	if from == to {
		return
	}
	if _, err := os.Lstat(filepath.Join(from, keptManifest)); err != nil {
		return
	}
	sum := draftSum(u.d)
	if from == u.saver.scansDir() { // discard removes it: move it out of the way first
		aside := from + "-" + strconv.FormatInt(u.env.Now().UnixNano(), 36)
		if os.Rename(from, aside) != nil {
			return
		}
		u.env.Go(func() {
			if err := copyKept(aside, to, sum); err != nil {
				fyne.LogError("keeping the 报送 pictures in "+to, err)
			}
			os.RemoveAll(aside)
		})
		return
	}
	u.env.Go(func() {
		if err := copyKept(from, to, sum); err != nil {
			fyne.LogError("keeping the 报送 pictures in "+to, err)
		}
	})
}

// assign puts the picture on page i by hand; the findings are told again.
func (s *scansView) assign(st *scan.Straight, i int) {
	if err := s.eng.Assign(st, i); err != nil {
		showMessage(s.u.win, "不能指定页码", st.Source+"：这张图片里没有找到申报表，不能指定页码。请移除它。")
	}
	s.refresh()
	s.save()
}

// remove takes the picture out; the findings are told again.
func (s *scansView) remove(st *scan.Straight) {
	s.sts = slices.DeleteFunc(s.sts, func(o *scan.Straight) bool { return o == st })
	delete(s.thumbs, st)
	s.refresh()
	s.save()
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
	if s.root == nil {
		return
	}
	s.findings.RemoveAll()
	s.pages.RemoveAll()
	if s.eng == nil || len(s.sts) == 0 {
		s.res = scan.Result{}
		switch {
		case s.note != "":
			s.state.SetText(s.note)
		case s.run != nil:
			s.state.SetText("")
		default:
			s.state.SetText("还没有添加照片。")
		}
		s.write.Disable()
		s.root.Refresh()
		return
	}
	s.res = s.eng.Assemble(s.sts)
	s.showState()
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
	if s.res.Present() > 0 && !s.writing {
		s.write.Enable()
	} else {
		s.write.Disable()
	}
	s.root.Refresh()
}

// showState says how many pictures and pages, and whether they could be kept.
func (s *scansView) showState() {
	if s.state == nil || s.eng == nil || len(s.sts) == 0 {
		return
	}
	text := fmt.Sprintf("已添加 %d 张图片，认出 %d 页（申报表共 %d 页）；%d 个错误。",
		len(s.sts), s.res.Present(), s.eng.Pages(), s.res.Errors())
	if s.unkept != "" {
		text += "\n" + s.unkept
	}
	s.state.SetText(text)
}

// captionWidth is the room under a thumbnail for its file name.
const captionWidth = thumbWidth + 20 - 2*4

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
	prefix := ""
	if st.Manual {
		prefix = "（手动）"
	}
	src := widget.NewLabelWithStyle(tailFit(prefix, st.Source, captionWidth-2*theme.InnerPadding()), fyne.TextAlignCenter, fyne.TextStyle{})
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.remove(st) })
	var choose fyne.CanvasObject = widget.NewLabel("")
	if st.Image != nil {
		choose = s.pageSelect(i, st)
	}
	return container.NewBorder(title, container.NewVBox(src, container.NewBorder(nil, nil, nil, remove, choose)), nil, nil, pic)
}

// tailFit is prefix and name, the name cut at its start to fit width (…0106.jpg): a phone's
// photos share the start of their names (IMG_20240720_…) and differ at the end, which is
// what a finding names.
func tailFit(prefix, name string, width float32) string {
	size := theme.TextSize()
	fits := func(s string) bool { return fyne.MeasureText(s, size, fyne.TextStyle{}).Width <= width }
	if fits(prefix + name) {
		return prefix + name
	}
	r := []rune(name)
	for k := 1; k < len(r); k++ {
		if t := prefix + "…" + string(r[k:]); fits(t) {
			return t
		}
	}
	return prefix + "…"
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

// askWrite asks first when the pages have 错误 (a page or a seal missing …) and says which:
// the bureau would send such a folder back.
func (s *scansView) askWrite() {
	if s.res.Errors() == 0 {
		s.chooseFolder()
		return
	}
	var lines []string
	var gone []string
	for i, st := range s.res.Pages {
		if st == nil {
			gone = append(gone, fmt.Sprintf("第%d页", i+1))
		}
	}
	if len(gone) > 0 {
		lines = append(lines, "· 缺少"+strings.Join(gone, "、")+"的照片或扫描件")
	}
	if seals := s.res.SealsMissing(); len(seals) > 0 {
		lines = append(lines, "· 没有找到“"+strings.Join(seals, "”“")+"”栏的公章")
	}
	other := s.res.Errors() - len(gone)
	for _, f := range s.res.Findings {
		if f.Severity == forms.Error && strings.Contains(f.Message, "红色公章") {
			other--
		}
	}
	if other > 0 {
		lines = append(lines, fmt.Sprintf("· 另有 %d 个错误（重复的页、不是这份草稿的页、没有认出的图片），见页面上的红字", other))
	}
	msg := fmt.Sprintf("扫描件还有 %d 个错误：\n%s\n\n这样的扫描件教育局不会收。仍然写出吗？（可以先写出看看，改正后再写出一次。）",
		s.res.Errors(), strings.Join(lines, "\n"))
	// 取消 is the default: Enter, Esc or a slip of the hand writes nothing.
	ask(s.u.win, "扫描件还有错误", wrapped(msg),
		choice{text: "取消", primary: true}, choice{text: "仍然写出", do: s.chooseFolder})
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
	s.setWriting(true)
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
			s.setWriting(false)
			if err != nil {
				showMessage(s.u.win, "没有写出", "写出失败："+forms.Message(err)+"\n\n请换一个文件夹（例如桌面）再试。")
				return
			}
			s.showChecklist(dir, items, blocked)
		})
	})
}

// setWriting shows the busy mark beside 写出 while the folder is written, and only then.
func (s *scansView) setWriting(on bool) {
	s.writing = on
	if on {
		s.busy.Show()
		s.busyText.Show()
		s.busy.Start()
	} else {
		s.busy.Stop()
		s.busy.Hide()
		s.busyText.Hide()
	}
	s.refresh()
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
