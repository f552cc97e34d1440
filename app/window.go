// Package app is the desktop program: one window in which a teacher fills the 申报表 block by
// block, sees the checks live, previews the printed pages and exports Word and PDF. It is the
// only package that uses Fyne; every field, label and rule comes from package forms.
package app

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"shenbao/forms"
	"shenbao/platform"
)

// ID is the application ID of FyneApp.toml.
const ID = "cn.liuzhou.shenbao"

// Env is what the app takes from the machine. Tests replace any part; zero fields get the
// real thing.
type Env struct {
	ConfigDir string           // settings and autosave; default os.UserConfigDir()/shenbao
	After     afterFunc        // timers whose function runs on the UI thread
	Now       func() time.Time // the clock, for autosave times
	Go        func(func())     // work off the UI thread: photos, export, autosave writes
	Files     Chooser          // file dialogs
	OpenPath  func(path string) error
	Reveal    func(paths ...string) error // shows files selected in Explorer (Linux: their folder)
}

func (e Env) withDefaults() Env {
	if e.ConfigDir == "" {
		if dir, err := os.UserConfigDir(); err == nil {
			e.ConfigDir = filepath.Join(dir, "shenbao")
		} else {
			e.ConfigDir = filepath.Join(os.TempDir(), "shenbao")
		}
	}
	if e.After == nil {
		e.After = realAfter
	}
	if e.Now == nil {
		e.Now = time.Now
	}
	if e.Go == nil {
		e.Go = func(f func()) { go f() }
	}
	if e.Files == nil {
		e.Files = fileChooser{}
		if platform.NativeDialogs {
			e.Files = newNativeFiles(fileChooser{}, e.Go)
		}
	}
	if e.OpenPath == nil {
		e.OpenPath = openWithSystem
	}
	if e.Reveal == nil {
		e.Reveal = revealWithSystem
	}
	return e
}

// Run opens the app with the draft at path ("" for none) and returns when the window closes.
func Run(path string) error {
	if os.Getenv("GOGC") == "" {
		// Most of the heap is long-lived (the parsed font, the pages); collecting at half
		// the live heap instead of all of it keeps the window within 250 MB.
		debug.SetGCPercent(50)
	}
	useChinese()
	a := fyneapp.NewWithID(ID)
	a.Settings().SetTheme(newTheme())
	w := a.NewWindow(forms.Default().WindowTitle) // the draft's form names it once one is open
	go func() {                                   // drawn while the window opens, not before
		icon := appIcon()
		fyne.Do(func() {
			a.SetIcon(icon)
			w.SetIcon(icon)
		})
	}()
	w.Resize(defaultSize)
	followCaretForIME(w)
	u := New(a, w, Env{})
	a.Lifecycle().SetOnStarted(u.fitScreen) // the window exists and knows its scale
	u.Start(path)
	w.ShowAndRun()
	return nil
}

// UI is one window and the draft it edits.
type UI struct {
	app  fyne.App
	win  fyne.Window
	env  Env
	set  *settings
	form *forms.Definition // the draft's form: the pages, the checks, the titles

	d        *forms.Draft
	path     string    // the draft's file; "" until saved
	dirty    bool      // changed since opened or saved
	disk     diskState // the file as last read or written here
	settled  bool      // start-up is over (warm-up done, memory handed back)
	navClick bool      // show was called by the list itself
	// Which findings show on the fields (see visible): by unit, a field outside the tables,
	// a table row ("advisers[1]") or a block.
	shown   map[string]bool // units whose findings show
	edited  map[string]bool // units changed since the user last left them
	at      string          // the field the user is in ("" for none)
	editing string          // the field typed in since the user came to it: its findings wait

	findings []forms.Finding
	checks   *debouncer
	saver    *autosaver

	pages   []*page
	current int
	nav     *widget.List
	content *fyne.Container
	status  *widget.Label
	counts  *widget.Button

	views       map[string]*fieldView // by field path, for marks and focus
	rowMsgs     map[string]*msgLine
	addBtns     map[string]*widget.Button // 添加一行 of each table
	blkMsgs     map[string]*msgLine
	tableHeads  map[string]*fyne.Container // a table page's column heads, above its rows
	tableBodies map[string]*fyne.Container // and its rows
	photo       *photoPanel
	photoWork   photoState
	scans       *scansView // the 报送 page last built: files dropped on it go there
	preview     *preview
	long        map[string]*longText
}

// page is one entry of the list at the left and what it shows.
type page struct {
	nav    string
	block  *forms.Block // nil for 检查 and 预览与导出
	build  func() fyne.CanvasObject
	obj    fyne.CanvasObject
	scroll *container.Scroll
}

// New builds the window's content for a fyne.App and a window (a test app and window in
// tests). Call Start to load a draft.
func New(a fyne.App, w fyne.Window, env Env) *UI {
	env = env.withDefaults()
	start := forms.New(forms.Default())
	u := &UI{app: a, win: w, env: env, set: loadSettings(env.ConfigDir), d: start, form: start.Form(),
		shown: map[string]bool{}, edited: map[string]bool{}}
	u.checks = &debouncer{after: env.After, d: 300 * time.Millisecond, f: u.runChecks}
	u.saver = newAutosaver(env, u.snapshot)
	u.saver.written = u.updateStatus // "已自动备份 14:03:22"
	u.pages = u.makePages()
	u.resetViews()
	u.buildShell()
	u.buildMenu()
	w.SetCloseIntercept(u.requestClose)
	w.SetOnDropped(u.dropped)
	u.updateTitle()
	return u
}

func (u *UI) makePages() []*page {
	var ps []*page
	for i := range u.form.Blocks {
		b := &u.form.Blocks[i]
		if !b.Stored() {
			continue // opinions, declarations, instructions, blocks left blank: by hand, on paper
		}
		ps = append(ps, &page{nav: b.Nav, block: b})
	}
	ps = append(ps, &page{nav: "检查", build: u.checkPage}, &page{nav: "预览与导出", build: u.previewPage},
		&page{nav: "报送", build: u.scansPage})
	for _, p := range ps {
		if p.block != nil {
			p.build = func() fyne.CanvasObject { return u.blockPage(p) }
		}
	}
	return ps
}

// blockPage is a block's page, laid out by the block's kind.
func (u *UI) blockPage(p *page) fyne.CanvasObject {
	switch p.block.Kind {
	case forms.TableBlock:
		return u.tablePage(p)
	case forms.TextBlock:
		return u.longTextPage(p)
	}
	return u.fieldsPage(p)
}

func (u *UI) resetViews() {
	u.views = map[string]*fieldView{}
	u.rowMsgs = map[string]*msgLine{}
	u.addBtns = map[string]*widget.Button{}
	u.blkMsgs = map[string]*msgLine{}
	u.tableHeads = map[string]*fyne.Container{}
	u.tableBodies = map[string]*fyne.Container{}
	u.long = map[string]*longText{}
	u.photo = nil
	for _, p := range u.pages {
		p.obj, p.scroll = nil, nil
	}
	if u.content != nil {
		u.content.Objects = nil
	}
}

func (u *UI) buildShell() {
	u.nav = widget.NewList(func() int { return len(u.pages) }, newNavItem, u.updateNavItem)
	u.nav.OnSelected = func(i widget.ListItemID) {
		u.navClick = true // the list's own selection: its focus is on that item already
		defer func() { u.navClick = false }()
		u.show(i)
	}
	u.content = container.NewStack()
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis
	u.counts = widget.NewButtonWithIcon("", theme.WarningIcon(), func() { u.showPage("检查") })
	u.counts.Importance = widget.LowImportance
	bar := container.NewBorder(nil, nil, nil, u.counts, u.status)
	left := container.New(&fixedWidth{w: 188}, u.nav)
	// The pages scroll sideways where the window is narrower than a page needs (1024×600 at
	// 150 % leaves 682 units), so the window itself never has to grow past the screen.
	body := container.NewBorder(nil, nil, container.NewHBox(left, widget.NewSeparator()), nil, container.NewHScroll(u.content))
	tips := container.NewWithoutLayout() // tooltips (toolButton), over everything, taking no clicks
	tipLayers[u.win.Canvas()] = tips
	u.win.SetContent(container.New(&resizeWatch{onResize: refitDialogs}, container.NewStack(
		container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bar), nil, nil, body), tips)))
	u.win.Canvas().SetOnTypedKey(u.typedKey)
}

// typedKey gets the keys no widget took: Esc closes the dialog on top, as everywhere else
// (every dialog of the app treats closing as 取消), Enter gives a question's primary answer.
func (u *UI) typedKey(ev *fyne.KeyEvent) {
	top := u.win.Canvas().Overlays().Top()
	m := modals[top]
	if m == nil {
		return
	}
	switch ev.Name {
	case fyne.KeyEscape:
		if m.escape != nil {
			m.escape()
			return
		}
		m.hide()
	case fyne.KeyReturn, fyne.KeyEnter:
		if m.primary != nil {
			m.primary()
		}
	}
}

func newNavItem() fyne.CanvasObject {
	badge := widget.NewLabel("")
	badge.Importance = widget.DangerImportance
	return container.NewBorder(nil, nil, nil, badge, widget.NewLabel("三年发展规划"))
}

func (u *UI) updateNavItem(i widget.ListItemID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	p := u.pages[i]
	c.Objects[0].(*widget.Label).SetText(p.nav)
	n := 0
	if p.block != nil {
		n = u.visibleErrors(p.block.Key)
	}
	badge := c.Objects[1].(*widget.Label)
	if n == 0 {
		badge.SetText("")
	} else {
		badge.SetText(itoa(n))
	}
}

// show puts page i in the content area, building it the first time.
func (u *UI) show(i int) {
	if i < 0 || i >= len(u.pages) {
		return
	}
	defer tracef(time.Now(), "page %s", u.pages[i].nav)
	p := u.pages[i]
	if u.at != "" {
		u.leaveField(u.at, "")
	}
	if p.nav == "检查" {
		u.revealAll()
	}
	old := p.obj
	if p.obj == nil || p.block == nil { // 检查 and the preview are always made afresh
		p.obj = p.build()
		u.applyMarks() // the new page's fields show the findings already known
	}
	u.current = i
	u.place(old, p.obj)
	if u.nav.OnSelected != nil {
		sel := u.nav.OnSelected
		u.nav.OnSelected = nil // selecting here must not call show again
		u.nav.Select(i)
		u.nav.OnSelected = sel
		if c := u.win.Canvas(); c.Focused() == u.nav && !u.navClick {
			// Moved by a link, a menu or a shortcut while the list had the keyboard: its
			// focus mark would stay on the old item beside the new selection.
			c.Unfocus()
		}
	}
}

// place shows page object o (which replaces old, if built afresh) and hides the others.
// Pages stay in the content stack once built: showing one again is a Show and a repaint, not
// a Refresh of the stack, which would refresh every widget of every page.
func (u *UI) place(old, o fyne.CanvasObject) {
	found := false
	for k, c := range u.content.Objects {
		if c == old && old != nil && old != o {
			u.content.Objects[k] = o
			c = o
		}
		if c == o {
			found = true
			continue
		}
		c.Hide()
	}
	if !found {
		u.content.Add(o)
	}
	u.content.Layout.Layout(u.content.Objects, u.content.Size())
	o.Show()
	canvas.Refresh(u.content)
}

// warmUp builds, one every 50 ms, the block pages not yet shown, hidden, while the user reads
// the first: a first visit is then as quick as the next (the long texts take 50 ms to build).
func (u *UI) warmUp() {
	for _, p := range u.pages {
		if p.block != nil && p.obj == nil {
			defer tracef(time.Now(), "warm-up %s", p.nav)
			p.obj = p.build()
			p.obj.Hide()
			u.content.Add(p.obj)
			u.applyMarks()
			u.env.After(50*time.Millisecond, u.warmUp)
			return
		}
	}
	if !u.settled {
		// Start-up is over: the font tables, the pages and the first frames are built. What
		// the start needed on the way (parsing, shaping, layout garbage) is handed back to the
		// system now instead of some minutes later: 20–30 MB less resident memory.
		u.settled = true
		u.env.Go(func() { defer tracef(time.Now(), "memory returned"); debug.FreeOSMemory() })
	}
}

// showPage shows the page with that name in the list.
func (u *UI) showPage(nav string) {
	for i, p := range u.pages {
		if p.nav == nav {
			u.show(i)
			return
		}
	}
}

// goTo shows the block a field path belongs to and puts the cursor in that field.
func (u *UI) goTo(path string) {
	key := blockKeyOf(path)
	for i, p := range u.pages {
		if p.block != nil && p.block.Key == key {
			u.show(i)
			break
		}
	}
	v := u.views[path]
	if v == nil {
		return
	}
	if s := u.pages[u.current].scroll; s != nil {
		scrollIntoView(s, v.obj)
	}
	if v.focus != nil {
		u.win.Canvas().Focus(v.focus)
	}
}

// blockKeyOf is the block part of a field path: "<table>[1].<column>" → "<table>".
func blockKeyOf(path string) string {
	if i := strings.IndexAny(path, ".["); i >= 0 {
		return path[:i]
	}
	return path
}

// updateTitle shows the draft's name, with * while it has unsaved changes.
func (u *UI) updateTitle() {
	mark := ""
	if u.dirty {
		mark = "*"
	}
	u.win.SetTitle(u.form.WindowTitle + " — " + mark + u.draftName())
	u.updateStatus()
}

func (u *UI) draftName() string {
	if u.path == "" {
		return "新草稿"
	}
	return strings.TrimSuffix(filepath.Base(u.path), filepath.Ext(u.path))
}

func (u *UI) updateStatus() {
	var s string
	switch {
	case u.path == "" && !u.dirty:
		s = "新草稿：填写后按 Ctrl+S 保存为文件。"
	case u.path == "":
		s = "还没有保存为文件（按 Ctrl+S 保存）。"
	case u.dirty:
		s = "有未保存的更改：" + u.path
	default:
		s = "已保存：" + u.path
	}
	if t := u.saver.lastWrite(); u.dirty && !t.IsZero() {
		s += "　·　已自动备份 " + t.Format("15:04:05")
	}
	u.status.SetText(s)
	u.counts.SetText(u.countsText())
}

// countsText is the status bar's count: the findings shown on the fields, the same the list's
// badges add up to, and how many wait for fields not filled in (or not left) yet (检查 shows them all).
func (u *UI) countsText() string {
	var e, w, waiting int
	for _, f := range u.findings {
		switch {
		case !u.visible(f) && f.Missing:
			waiting++ // not filled in yet: said once the user gets there, or by 检查
		case !u.visible(f):
			// A value being typed, judged when the user leaves it: not counted yet, as no
			// badge shows it either.
		case f.Severity == forms.Error:
			e++
		default:
			w++
		}
	}
	s := itoa(e) + "个错误，" + itoa(w) + "个提醒"
	if waiting > 0 {
		s += "，另有" + itoa(waiting) + "项待填写"
	}
	return s
}

// fixedWidth gives its one object a fixed width and the full height.
type fixedWidth struct{ w float32 }

func (l *fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.w, h)
}

// pageFrame is a page: a heading, an optional line of help, what stays above the body
// (fixed: a table's buttons and column heads), and the body scrolling under them.
func pageFrame(p *page, title, help string, body fyne.CanvasObject, scroll bool, fixed ...fyne.CanvasObject) fyne.CanvasObject {
	top := container.NewVBox(heading(title, theme.SizeNameSubHeadingText))
	if help != "" {
		top.Add(note(help))
	}
	for _, o := range fixed {
		top.Add(o)
	}
	if !scroll {
		return container.NewPadded(container.NewBorder(top, nil, nil, nil, body))
	}
	inner := container.NewStack(container.NewPadded(body))
	p.scroll = container.NewVScroll(inner)
	inner.Add(newWheelCatcher(p.scroll)) // over the body: the wheel scrolls the page everywhere
	return container.NewBorder(container.NewPadded(top), nil, nil, nil, p.scroll)
}
