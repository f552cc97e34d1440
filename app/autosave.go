package app

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"shenbao/forms"
	"shenbao/platform"
)

// autosaveDelay is the longest a change waits before it is written to the autosave copy:
// with the write itself, well within the 2 seconds the issue allows.
const autosaveDelay = time.Second

// autosaveFile is one autosave copy: the whole draft and where it belongs.
type autosaveFile struct {
	Kind    string          `json:"kind"`  // always autosaveKind, to tell it from other files
	Path    string          `json:"path"`  // the draft file it was opened from, "" for a new one
	SavedAt time.Time       `json:"saved"` //
	Draft   json.RawMessage `json:"draft"` // the draft file's content (FORM.md §3)
}

const autosaveKind = "shenbao-autosave"

// sessions numbers the windows of this process, so that each has its own copy.
var sessions atomic.Int64

// autosaver keeps a copy of the unsaved draft in the user's configuration folder, so that a
// crash or a power cut loses nothing. Each run writes its own file; a file left behind at
// start is what a run that ended badly had not saved.
type autosaver struct {
	env      Env
	dir      string
	file     string
	snapshot func() []byte // the copy to write, made on the UI thread; nil: nothing unsaved
	timer    *debouncer
	written  func()         // after a write, on the UI thread
	lock     *platform.Lock // held while this window is open: its copy is not a leftover

	mu   sync.Mutex // orders writes and removals, which run off the UI thread
	gen  int        // bumped by discard: a write made before it must not bring the file back
	last time.Time
}

func newAutosaver(env Env, snapshot func() []byte) *autosaver {
	dir := filepath.Join(env.ConfigDir, "autosave")
	s := &autosaver{env: env, dir: dir, snapshot: snapshot,
		file: filepath.Join(dir, fmt.Sprintf("session-%d-%d-%d.json", env.Now().UnixNano(), os.Getpid(), sessions.Add(1)))}
	s.timer = &debouncer{after: env.After, d: autosaveDelay, f: s.write}
	if err := os.MkdirAll(dir, 0o700); err == nil {
		s.lock, err = platform.LockFile(lockName(s.file))
		if err != nil {
			fyne.LogError("autosave lock", err)
		}
	}
	return s
}

// lockName is the lock file that says a session's copy belongs to a running window.
func lockName(file string) string { return strings.TrimSuffix(file, ".json") + ".lock" }

// close releases the session when its window closes.
func (s *autosaver) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lock.Unlock()
	s.lock = nil
}

// changed is called after every change; the copy is written at most autosaveDelay later,
// however fast the user types.
func (s *autosaver) changed() { s.timer.TriggerOnce() }

// Flush writes a waiting copy now.
func (s *autosaver) Flush() { s.timer.Flush() }

func (s *autosaver) write() {
	data := s.snapshot()
	if data == nil {
		return
	}
	s.mu.Lock()
	gen := s.gen
	s.mu.Unlock()
	s.env.Go(func() {
		s.mu.Lock()
		if gen != s.gen {
			s.mu.Unlock()
			return
		}
		err := os.MkdirAll(s.dir, 0o700)
		if err == nil {
			err = forms.WriteFile(s.file, false, func(w io.Writer) error {
				_, err := w.Write(data)
				return err
			})
		}
		if err == nil {
			s.last = s.env.Now()
		}
		s.mu.Unlock()
		if err != nil {
			fyne.LogError("autosave", err)
			return
		}
		if s.written != nil {
			fyne.Do(s.written)
		}
	})
}

// lastWrite is when the copy was last written.
func (s *autosaver) lastWrite() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.last
}

// discard forgets the copy: the draft was saved, or the user chose not to keep it.
func (s *autosaver) discard() {
	s.timer.Cancel()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	s.last = time.Time{}
	os.Remove(s.file)
	os.RemoveAll(keptSessionDir(s.file)) // the 报送 work of the draft let go (a saved draft keeps its own beside it)
}

// scansDir is the folder beside this window's copy that keeps the 报送 work of an unsaved
// draft (scanskept.go).
func (s *autosaver) scansDir() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return keptSessionDir(s.file)
}

// adopt makes a leftover copy this run's own, so the restored text stays covered until the
// next write replaces it.
func (s *autosaver) adopt(file string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if os.Rename(file, s.file) != nil { // our own name, so another copy of the program sees it is in use
		s.file = file
	} else {
		os.Rename(keptSessionDir(file), keptSessionDir(s.file)) // its 报送 work, if any, comes along
	}
	os.Remove(lockName(file)) // the lock its crashed run left
}

// leftover is a copy a run left behind.
type leftover struct {
	file  string
	saved autosaveFile
	draft *forms.Draft
}

// leftovers lists the copies left by runs that ended without cleaning up, newest first.
// Copies that cannot be read are moved aside, never deleted.
func (s *autosaver) leftovers() []leftover {
	entries, _ := os.ReadDir(s.dir)
	var out []leftover
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() && strings.HasPrefix(name, "session-") {
			s.dropOrphanScans(name)
		}
		if e.IsDir() || !strings.HasPrefix(name, "session-") {
			continue
		}
		file := filepath.Join(s.dir, name)
		if strings.HasSuffix(name, ".lock") {
			s.dropStaleLock(file)
			continue
		}
		if !strings.HasSuffix(name, ".json") || file == s.file || runningSession(file) {
			continue
		}
		l, err := readLeftover(file)
		if err != nil {
			fyne.LogError("unreadable autosave "+file, err)
			s.putAside(file)
			continue
		}
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].saved.SavedAt.After(out[j].saved.SavedAt) })
	return out
}

// runningSession reports whether an autosave copy belongs to a window that is still open (a
// second copy of the program, or another window of this one): that is not a crash to
// recover. Its lock file tells, whatever process has since taken the crashed run's ID;
// copies of versions without lock files fall back to the process ID.
func runningSession(file string) bool {
	if _, err := os.Stat(lockName(file)); err == nil {
		return platform.IsLocked(lockName(file))
	}
	var nano int64
	var pid, n int
	if _, err := fmt.Sscanf(filepath.Base(file), "session-%d-%d-%d.json", &nano, &pid, &n); err != nil {
		return false
	}
	return pid != os.Getpid() && platform.ProcessAlive(pid)
}

// dropOrphanScans removes a 报送 folder whose copy is gone and whose window is closed: a
// write that ended after its draft was saved or let go, or one moved beside the draft by a
// save the program did not live to finish.
func (s *autosaver) dropOrphanScans(name string) {
	i := strings.Index(name, keptSessionSuffix)
	if i < 0 {
		return
	}
	file := filepath.Join(s.dir, name[:i]+".json")
	if _, err := os.Stat(file); os.IsNotExist(err) && file != s.file && !runningSession(file) {
		os.RemoveAll(filepath.Join(s.dir, name))
	}
}

// dropStaleLock removes a lock file nobody holds whose copy is gone (saved, then crashed).
func (s *autosaver) dropStaleLock(file string) {
	if _, err := os.Stat(strings.TrimSuffix(file, ".lock") + ".json"); os.IsNotExist(err) && !platform.IsLocked(file) {
		os.Remove(file)
	}
}

func readLeftover(file string) (leftover, error) {
	data, err := forms.ReadRegular(file, 2*forms.MaxFileSize) // a draft inside an envelope
	if err != nil {
		return leftover{}, err
	}
	var a autosaveFile
	if err := json.Unmarshal(data, &a); err != nil {
		return leftover{}, err
	}
	if a.Kind != autosaveKind {
		return leftover{}, forms.ErrNotDraft
	}
	d, err := forms.Parse(a.Draft)
	if err != nil {
		return leftover{}, err
	}
	return leftover{file: file, saved: a, draft: d}, nil
}

// putAside keeps a copy the user chose not to restore (or that cannot be read) in the
// 已放弃 folder, in case they change their mind: nothing typed is ever deleted by a click.
func (s *autosaver) putAside(file string) {
	aside := filepath.Join(s.dir, "已放弃")
	if os.MkdirAll(aside, 0o700) == nil {
		os.Rename(file, filepath.Join(aside, filepath.Base(file)))
		os.Rename(keptSessionDir(file), filepath.Join(aside, filepath.Base(keptSessionDir(file))))
	}
	os.Remove(lockName(file))
}

// snapshot is the autosave copy of the draft, or nil when nothing is unsaved.
func (u *UI) snapshot() []byte {
	if !u.dirty {
		return nil
	}
	data, err := json.Marshal(autosaveFile{Kind: autosaveKind, Path: u.path, SavedAt: u.env.Now(), Draft: u.d.Marshal()})
	if err != nil {
		fyne.LogError("autosave", err) // cannot happen: the draft marshals valid JSON
		return nil
	}
	return data
}

// offerRecovery asks, for each copy a crashed run left, whether to bring it back.
func (u *UI) offerRecovery(ls []leftover) {
	if len(ls) == 0 {
		return
	}
	l, rest := ls[0], ls[1:]
	name := "新草稿"
	if l.saved.Path != "" {
		name = "“" + filepath.Base(l.saved.Path) + "”"
	}
	msg := fmt.Sprintf("程序上次没有正常关闭。%s有未保存的内容（自动备份于 %s）。\n\n要恢复这些内容吗？恢复后请记得保存。",
		name, zhTime(l.saved.SavedAt))
	if u.dirty {
		msg += "\n\n现在打开的草稿有未保存的更改，恢复前会先问你是否保存。"
	}
	ask(u.win, "上次未保存的内容", wrapped(msg),
		choice{text: "不恢复", do: func() {
			u.saver.putAside(l.file)
			u.offerRecovery(rest)
		}},
		choice{text: "恢复", primary: true, do: func() {
			u.guardUnsaved(func() {
				u.restore(l)
				u.offerRecovery(rest)
			})
		}})
}

// restore shows a leftover copy as the draft, unsaved, and keeps covering it.
func (u *UI) restore(l leftover) {
	u.saver.discard()
	u.saver.adopt(l.file)
	u.setDraft(l.draft, l.saved.Path, true)
}
