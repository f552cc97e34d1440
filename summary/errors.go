package summary

import (
	"errors"

	"shenbao/forms"
)

// ErrNotFolder: Summary was given something other than a folder. Its text is the sentence the
// user sees.
var ErrNotFolder = errors.New("这不是文件夹：请选择存放申报表草稿（.json）的文件夹")

// Message is the Chinese sentence for an error of Summary, without Go-side context.
func Message(err error) string {
	if errors.Is(err, ErrNotFolder) {
		return ErrNotFolder.Error()
	}
	return forms.Message(err)
}
