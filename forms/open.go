package forms

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrNotRegular: the path names a pipe (FIFO), a device, a socket or the like. Reading one
// can block for ever (a FIFO with no writer) or never end (/dev/zero); writing over one would
// replace it (or, as root, a device) with a regular file.
var ErrNotRegular = errors.New("这不是普通文件（而是管道、设备等特殊文件），本程序不读写这种文件：请选择一个普通的文件")

// ErrIsFolder: the path names a folder where a file was expected.
var ErrIsFolder = errors.New("这是一个文件夹，不是文件：请选择文件夹里的文件，或换一个文件名")

// TooLargeError says a file is larger than a reader takes; callers turn it into their own
// sentence (a draft, a picture, a workbook each have their limit). errors.Is(err, ErrFileTooLarge).
type TooLargeError struct {
	Size, Limit int64
}

// ErrFileTooLarge is what a TooLargeError is.
var ErrFileTooLarge = errors.New("文件太大")

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("文件太大（%.1f MB），最多读 %.0f MB", float64(e.Size)/(1<<20), float64(e.Limit)/(1<<20))
}

// Is lets errors.Is(err, ErrFileTooLarge) hold.
func (e *TooLargeError) Is(target error) bool { return target == ErrFileTooLarge }

// OpenRegular opens a file for reading only if it is a regular file: a folder, a FIFO or a
// device is refused before it is opened (and, on Unix, the open itself cannot block on a FIFO
// that appeared in between: it is non-blocking, and the opened file is checked again).
// This is the one way the program opens a user's file.
func OpenRegular(path string) (*os.File, fs.FileInfo, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, nil, err
	}
	if err := regular(path, st); err != nil {
		return nil, nil, err
	}
	f, err := openNoBlock(path)
	if err != nil {
		return nil, nil, err
	}
	st2, err := f.Stat()
	if err == nil {
		err = regular(path, st2)
	}
	if err == nil && !os.SameFile(st, st2) { // replaced between the two looks
		err = &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st2, nil
}

// regular refuses what is not a regular file, as a *fs.PathError naming the path.
func regular(path string, st fs.FileInfo) error {
	switch {
	case st.IsDir():
		return &fs.PathError{Op: "open", Path: path, Err: ErrIsFolder}
	case !st.Mode().IsRegular():
		return &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	return nil
}

// ReadRegular reads a whole regular file of at most limit bytes. A larger file is refused
// with a *TooLargeError holding its size, before anything is read when the size is known,
// and never more than limit+1 bytes are read (a file that grows while read).
func ReadRegular(path string, limit int64) ([]byte, error) {
	f, st, err := OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: st.Size(), Limit: limit}}
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Size: int64(len(data)), Limit: limit}}
	}
	return data, nil
}

// CheckWritable tells whether path may be replaced by a new file: it does not exist yet, or it
// is a regular file that is not read-only. A folder, a FIFO or a device is never replaced,
// and a file the user made read-only is left as it is (Windows would refuse too).
func CheckWritable(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if st.IsDir() {
		return &fs.PathError{Op: "write", Path: path, Err: ErrIsFolder}
	}
	if !st.Mode().IsRegular() {
		return &fs.PathError{Op: "write", Path: path, Err: ErrNotRegular}
	}
	if st.Mode().Perm()&0o200 == 0 {
		return &fs.PathError{Op: "write", Path: path, Err: ErrReadOnly}
	}
	return nil
}

// ErrReadOnly: the file to replace is marked read-only.
var ErrReadOnly = errors.New("这个文件是只读的，程序没有改动它：请在文件属性中去掉“只读”后再保存，或用“另存为”换一个文件名")
