package forms

import (
	"errors"
	"fmt"
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
	// ErrDraftTooLarge: saving would write a draft the loader refuses (over MaxFileSize, or
	// not readable back); the file on disk is left as it was.
	ErrDraftTooLarge = errors.New("草稿超过 20 MB（或含有无法存回的内容），没有保存，原来的文件没有改动：请删减过长的内容（如粘贴进来的大段文字）后再保存")
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

// LaterVersionError: the draft was made with a later version of its form's definition than
// this program has (a clerk's version 2 in another machine's forms folder). errors.Is finds
// ErrLaterVersion in it.
type LaterVersionError struct {
	Title      string // the form's title
	Have, Want int    // the definition's version here, the draft's
}

func (e *LaterVersionError) Error() string {
	return fmt.Sprintf("这个草稿是按“%s”的更新版本（第%d版）填写的，本程序里这种表格是第%d版：请把第%d版的定义文件（.toml）放进本程序的表格文件夹后再打开；如果是程序自带的表格，请先升级本程序",
		e.Title, e.Want, e.Have, e.Want)
}

func (e *LaterVersionError) Is(target error) bool { return target == ErrLaterVersion }

// errIsFolder: the name to save under is taken by a folder.
var errIsFolder = errors.New("已有同名的文件夹，无法保存：请换一个文件名")

// Message is the Chinese sentence to show the user for an error from this package or from
// the file system, without the Go-side context that wrapping added and without the system's
// English text.
func Message(err error) string {
	var fte *FieldTypeError
	var big *TooLargeError
	var lim *LimitError
	var unknown *UnknownFormError
	var bad *DefinitionError
	var later *LaterVersionError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &later):
		return later.Error()
	case errors.As(err, &fte):
		return fte.Error()
	case errors.As(err, &unknown):
		return unknown.Error()
	case errors.As(err, &bad):
		return bad.Error()
	case errors.As(err, &lim):
		return lim.Error()
	case errors.As(err, &big):
		return fmt.Sprintf("文件太大（%.1f MB），本程序最多读 %.0f MB：请选择正确的文件", float64(big.Size)/(1<<20), float64(big.Limit)/(1<<20))
	}
	for _, e := range []error{ErrNotDraft, ErrLaterVersion, ErrTooLarge, ErrTruncated, ErrNotUTF8, ErrBadJSON,
		errIsFolder, ErrIsFolder, ErrNotRegular, ErrReadOnly, ErrDraftTooLarge} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	if s := osMessage(err); s != "" {
		return s
	}
	return err.Error()
}
