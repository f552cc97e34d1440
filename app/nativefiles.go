package app

import (
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"shenbao/platform"
)

// nativeFiles is the Chooser on Windows: the system's own dialogs (platform.OpenFiles …),
// which a teacher knows from Word and Explorer, with Quick Access, OneDrive, search and
// previews. Each runs on a goroutine of its own, modal to the window (disabled meanwhile, but
// still drawn: GLFW's loop goes on); done is called on the UI thread. Where there is no window
// handle, or the system's dialog fails, the app's own dialog asks instead.
type nativeFiles struct {
	own  Chooser
	sys  systemDialogs
	run  func(func()) // starts the wait for the dialog off the UI thread (Env.Go)
	busy *atomic.Bool // a dialog is open: another request is answered "cancelled"
}

// systemDialogs are the system's dialogs and the window handle they are owned by; tests give
// fakes.
type systemDialogs struct {
	open   func(owner uintptr, title string, filters []platform.FileFilter, dir string, multi bool) ([]string, error)
	save   func(owner uintptr, title string, filters []platform.FileFilter, dir, name string) (string, error)
	folder func(owner uintptr, title, dir string) (string, error)
	hwnd   func(fyne.Window) uintptr
}

func newNativeFiles(own Chooser, run func(func())) nativeFiles {
	return nativeFiles{own: own, run: run, busy: new(atomic.Bool), sys: systemDialogs{
		open: platform.OpenFiles, save: platform.SaveFile, folder: platform.PickFolder, hwnd: hwndOf,
	}}
}

// filter is the kind as the system's dialog lists it, named as Windows programs name theirs:
// "图片 (*.jpg;*.jpeg;…)" (the app's own dialog shows the whole Name).
func (k fileKind) filter() platform.FileFilter {
	name, _, _ := strings.Cut(k.Name, "（")
	pats := make([]string, len(k.Exts))
	for i, e := range k.Exts {
		pats[i] = "*" + e
	}
	return platform.FileFilter{Name: strings.TrimSpace(name) + " (" + strings.Join(pats, ";") + ")", Patterns: pats}
}

// show asks the system's dialog (ask) and hands its answer to done; own is the app's dialog,
// asked instead when the system's cannot be.
func (n nativeFiles) show(w fyne.Window, ask func(owner uintptr) ([]string, error), done func([]string), own func()) {
	owner := n.sys.hwnd(w)
	if owner == 0 {
		own()
		return
	}
	if !n.busy.CompareAndSwap(false, true) {
		done(nil) // Ctrl+O pressed twice before the first dialog showed
		return
	}
	n.run(func() {
		paths, err := ask(owner)
		fyne.Do(func() {
			n.busy.Store(false)
			if err != nil {
				fyne.LogError("the system's file dialog; showing the app's own", err)
				own()
				return
			}
			done(paths)
		})
	})
}

func first(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	return paths[0]
}

func (n nativeFiles) OpenFile(w fyne.Window, title, dir string, kind fileKind, done func(string)) {
	n.show(w, func(owner uintptr) ([]string, error) {
		return n.sys.open(owner, title, []platform.FileFilter{kind.filter()}, startDir(dir), false)
	}, func(p []string) { done(first(p)) }, func() { n.own.OpenFile(w, title, dir, kind, done) })
}

func (n nativeFiles) OpenFiles(w fyne.Window, title, dir string, kind fileKind, done func([]string)) {
	n.show(w, func(owner uintptr) ([]string, error) {
		return n.sys.open(owner, title, []platform.FileFilter{kind.filter()}, startDir(dir), true)
	}, done, func() { n.own.OpenFiles(w, title, dir, kind, done) })
}

func (n nativeFiles) SaveFile(w fyne.Window, title, dir, name string, kind fileKind, done func(string)) {
	n.show(w, func(owner uintptr) ([]string, error) {
		p, err := n.sys.save(owner, title, []platform.FileFilter{kind.filter()}, startDir(dir), name)
		if p == "" || err != nil {
			return nil, err
		}
		// Windows adds the filter's extension (FOS_STRICTFILETYPES); kept to it here too, as the
		// app's own dialog does.
		if !kind.matches(p) && len(kind.Exts) > 0 {
			p += kind.Exts[0]
		}
		return []string{p}, nil
	}, func(p []string) { done(first(p)) }, func() { n.own.SaveFile(w, title, dir, name, kind, done) })
}

func (n nativeFiles) Folder(w fyne.Window, title, dir string, done func(string)) {
	n.show(w, func(owner uintptr) ([]string, error) {
		p, err := n.sys.folder(owner, title, startDir(dir))
		if p == "" || err != nil {
			return nil, err
		}
		return []string{p}, nil
	}, func(p []string) { done(first(p)) }, func() { n.own.Folder(w, title, dir, done) })
}
