package photo

import (
	"errors"
	"fmt"
)

// userError is an error whose text is a Chinese sentence for the user: what is wrong and what
// to do. The sentinels below are userErrors; a more specific message wraps one of them through
// detailError, so errors.Is still tells the kind.
type userError string

func (e userError) Error() string { return string(e) }

// The kinds of refusal. Their text is the general message; Process often returns a more precise
// one that wraps the same kind (test with errors.Is, show with Message).
var (
	ErrEmpty       error = userError("照片文件是空的（0 字节），可能没有复制完。请重新导出或拍摄照片后再选择。")
	ErrTruncated   error = userError("图片文件不完整（可能没有下载或复制完），请重新导出或拍摄后再选择。")
	ErrNotPicture  error = userError("这个文件不是图片。请选择 JPEG、PNG、BMP、GIF、WebP 或 HEIC 格式的照片。")
	ErrUnsupported error = userError("这种图片格式本程序读不了。请用手机相册或画图软件把照片另存为 JPEG 或 PNG 后再选择。")
	ErrCorrupt     error = userError("图片文件已损坏，无法读取。请重新导出或拍摄照片后再选择。")
	ErrTooLarge    error = userError("图片太大，本程序最多处理 50 MB、1 亿像素的图片。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）后再选择。")
	ErrBadCrop     error = userError("照片的裁剪框不正确（不在照片范围内）。请重新框选照片。")
)

// detailError is a precise message for one case of a kind (a PDF, a TIFF, the exact size).
type detailError struct {
	kind error
	msg  string
}

func (e *detailError) Error() string { return e.msg }
func (e *detailError) Unwrap() error { return e.kind }

// detail returns an error of the given kind with a more precise message.
func detail(kind error, format string, args ...any) error {
	return &detailError{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// Message returns the Chinese sentence to show the user for an error from this package, even
// when a caller wrapped it with fmt.Errorf("...: %w", err). Errors from elsewhere get a general
// sentence, so nothing technical reaches the user.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var d *detailError
	if errors.As(err, &d) {
		return d.msg
	}
	var u userError
	if errors.As(err, &u) {
		return string(u)
	}
	return "无法读取这张照片。请换一张照片，或用手机相册、画图软件把它另存为 JPEG 后再选择。"
}

// StoredSize is the pipeline's forms.PhotoReader: a stored photo's pixel size from its header
// (CheckStored), or an error whose text is Message's sentence, wrapping the sentinel.
func StoredSize(data []byte) (w, h int, err error) {
	info, err := CheckStored(data)
	if err != nil {
		return 0, 0, sentenceError{err}
	}
	return info.Width, info.Height, nil
}

// sentenceError shows a pipeline error as Message says it, keeping errors.Is on the sentinel.
type sentenceError struct{ err error }

func (e sentenceError) Error() string { return Message(e.err) }

func (e sentenceError) Unwrap() error { return e.err }
