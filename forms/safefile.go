package forms

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// WriteFile writes a file so that a crash or power cut never leaves a half-written one: the
// content goes to a temporary file in the same folder, is synced, and is renamed over path.
// With keepBackup the previous version, if any, is kept as path + ".bak". New files get mode
// 0600 on Unix (drafts hold personal data); a replaced file keeps its mode. This is the one safe writer of the project.
func WriteFile(path string, keepBackup bool, write func(io.Writer) error) (err error) {
	// Through a symbolic link, write the file it points to: renaming over the link would
	// replace it with a copy and leave the real draft (and every other link to it) behind.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	// Before the backup touches anything: only a regular, writable file is replaced, never a
	// folder, a FIFO, a device or a file the user made read-only.
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("save %s: %w", path, errIsFolder)
	}
	if err := CheckWritable(path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp") // CreateTemp makes it 0600
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	// A file replaced keeps its permissions (a draft the teacher shared with 0644 stays
	// readable); only new files are 0600. A file system without modes (FAT) may refuse: fine.
	if st, err := os.Stat(path); err == nil && runtime.GOOS != "windows" {
		tmp.Chmod(st.Mode().Perm())
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	if keepBackup {
		if err = backup(path); err != nil {
			return fmt.Errorf("save %s: backup: %w", path, err)
		}
	}
	if err = renameRetry(tmp.Name(), path); err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// staleAge: a temporary file lives for the second a write takes; one this old was left by a
// program killed while writing, and is removed by the next write of the same file.
const staleAge = 10 * time.Minute

// removeStale removes the temporary files a killed write of dir/base left behind.
func removeStale(dir, base string) {
	old, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, p := range old {
		if st, err := os.Lstat(p); err == nil && st.Mode().IsRegular() && time.Since(st.ModTime()) > staleAge {
			os.Remove(p)
		}
	}
}

// globEscape quotes the characters filepath.Glob reads as patterns.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// backup keeps the current file as path + ".bak": a hard link where the file system has them
// (instant, and the old version stays whole), a copy elsewhere (FAT USB sticks).
func backup(path string) error {
	if _, err := os.Stat(path); os.IsNotExist(err) {
		return nil
	}
	bak := path + ".bak"
	os.Remove(bak)
	if os.Link(path, bak) == nil {
		return nil
	}
	src, err := os.Open(path)
	if err != nil {
		return err
	}
	defer src.Close()
	return WriteFile(bak, false, func(w io.Writer) error {
		_, err := io.Copy(w, src)
		return err
	})
}

// syncDir makes the rename itself durable on Unix; Windows has no directory sync.
func syncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}

// renameRetry renames, retrying for up to 2 s on Windows, where a virus scanner or the
// search indexer briefly holds a file it has just seen and the rename fails with "access
// denied". Elsewhere a failed rename is final.
func renameRetry(from, to string) error {
	err := os.Rename(from, to)
	if runtime.GOOS != "windows" {
		return err
	}
	for wait := 50 * time.Millisecond; err != nil && wait <= 800*time.Millisecond; wait *= 2 {
		time.Sleep(wait)
		err = os.Rename(from, to)
	}
	return err
}
