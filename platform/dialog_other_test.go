//go:build !windows

package platform

import (
	"errors"
	"testing"
)

func TestNoNativeDialogOutsideWindows(t *testing.T) {
	if _, err := OpenFiles(0, "打开草稿", nil, "", true); !errors.Is(err, ErrNoNativeDialog) {
		t.Errorf("OpenFiles: %v", err)
	}
	if _, err := SaveFile(0, "保存草稿", nil, "", "草稿"); !errors.Is(err, ErrNoNativeDialog) {
		t.Errorf("SaveFile: %v", err)
	}
	if _, err := PickFolder(0, "导出到哪个文件夹", ""); !errors.Is(err, ErrNoNativeDialog) {
		t.Errorf("PickFolder: %v", err)
	}
}
