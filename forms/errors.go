package forms

import (
	"errors"
	"io/fs"
	"os"
)

// Errors a caller can test with errors.Is. Each text is the Chinese sentence the user sees:
// it says what is wrong with the file and what to do.
var (
	ErrNotDraft     = errors.New("这不是申报表草稿文件：请选择由本程序保存的 .json 草稿文件")
	ErrLaterVersion = errors.New("这个草稿由更新版本的程序保存，本程序无法读取：请先升级本程序再打开")
	ErrTooLarge     = errors.New("文件超过 20 MB，不是申报表草稿：请选择由本程序保存的草稿文件")
	ErrTruncated    = errors.New("草稿文件不完整（可能没有保存或复制完）：请改用完整的文件，或打开同一文件夹中的 .bak 备份")
	ErrNotUTF8      = errors.New("草稿文件不是 UTF-8 文字，可能已损坏或被其他软件改写：请改用完整的文件，或打开同一文件夹中的 .bak 备份")
	ErrBadJSON      = errors.New("草稿文件内容已损坏，无法读取：请改用完整的文件，或打开同一文件夹中的 .bak 备份")
)

// FieldTypeError says that a known key holds the wrong kind of JSON value (an object where text
// belongs, …): the file was not written by this program.
type FieldTypeError struct {
	Path string
}

func (e *FieldTypeError) Error() string {
	return "草稿文件中 " + e.Path + " 的内容格式不对，文件可能被其他软件改写：请改用完整的文件，或打开同一文件夹中的 .bak 备份"
}

// Is lets errors.Is(err, ErrBadJSON) hold for a wrong field type too.
func (e *FieldTypeError) Is(target error) bool { return target == ErrBadJSON }

// errIsFolder: the name to save under is taken by a folder.
var errIsFolder = errors.New("已有同名的文件夹，无法保存：请换一个文件名")

// Message is the Chinese sentence to show the user for an error from this package or from
// the file system, without the Go-side context that wrapping added.
func Message(err error) string {
	var fte *FieldTypeError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &fte):
		return fte.Error()
	case errors.Is(err, fs.ErrNotExist):
		return "找不到这个文件：请检查文件名和所在文件夹"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限读写这个文件，或它正被其他程序（如 Word、WPS、PDF 阅读器）打开：请关闭该文件后再试；仍不行请换一个文件夹，或请管理员开放权限"
	}
	for _, e := range []error{ErrNotDraft, ErrLaterVersion, ErrTooLarge, ErrTruncated, ErrNotUTF8, ErrBadJSON, errIsFolder} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return "无法读写文件（" + pe.Err.Error() + "）：请检查磁盘空间、文件是否被其他程序占用或是否只读"
	}
	var le *os.LinkError // a failed rename while saving, e.g. over a folder of the same name
	if errors.As(err, &le) {
		return "无法保存文件（" + le.Err.Error() + "）：请换一个文件名，或检查文件是否被其他程序占用或是否只读"
	}
	return err.Error()
}
