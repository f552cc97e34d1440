package platform

import "os"

// Lock is an exclusive lock on a file, held by an open handle until Unlock or until the
// process ends in any way (a crash, kill -9, a power cut): the operating system drops it with
// the process. Another copy of the program asking IsLocked therefore learns whether the
// holder still runs, which a process ID cannot tell once the ID has been reused.
type Lock struct{ f *os.File }

// LockFile creates (if needed) and locks path. It fails if the lock is held already, by this
// process or another.
func LockFile(path string) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := lockHandle(f); err != nil {
		f.Close()
		return nil, err
	}
	return &Lock{f: f}, nil
}

// Unlock releases the lock and removes the file.
func (l *Lock) Unlock() {
	if l == nil || l.f == nil {
		return
	}
	name := l.f.Name()
	unlockHandle(l.f)
	l.f.Close()
	l.f = nil
	os.Remove(name)
}

// Drop lets go of the lock but leaves the file, as a crash does: for tests that play a
// program killed while its window was open.
func (l *Lock) Drop() {
	if l != nil && l.f != nil {
		l.f.Close()
		l.f = nil
	}
}

// IsLocked reports whether a live process (this one included) holds the lock on path. A
// missing file is not locked.
func IsLocked(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return false
	}
	defer f.Close()
	if lockHandle(f) != nil {
		return true
	}
	unlockHandle(f)
	return false
}
