package platform

import "testing"

func TestDefaultExtensionAndSpec(t *testing.T) {
	for _, c := range []struct {
		filters []FileFilter
		want    string
	}{
		{[]FileFilter{{"草稿 (*.json)", []string{"*.json"}}}, "json"},
		{[]FileFilter{{"Excel 工作簿 (*.xlsx;*.xls)", []string{"*.xlsx", "*.xls"}}}, "xlsx"},
		{[]FileFilter{{"备份", []string{"*.json.bak"}}}, "json.bak"},
		{[]FileFilter{{"全部", []string{"*.*"}}}, ""},
		{[]FileFilter{{"没有", nil}}, ""},
		{nil, ""},
	} {
		if got := defaultExtension(c.filters); got != c.want {
			t.Errorf("defaultExtension(%v) = %q, want %q", c.filters, got, c.want)
		}
	}
	f := FileFilter{"图片", []string{"*.jpg", "*.jpeg", "*.png"}}
	if got := f.spec(); got != "*.jpg;*.jpeg;*.png" {
		t.Errorf("spec = %q", got)
	}
}

func TestDialogOptions(t *testing.T) {
	always := uint32(fosForceFileSystem | fosPathMustExist | fosNoChangeDir)
	for _, c := range []struct {
		kind  dialogKind
		multi bool
		want  uint32
	}{
		{openDialog, false, always | fosFileMustExist},
		{openDialog, true, always | fosFileMustExist | fosAllowMultiSelect},
		{saveDialog, false, always | fosOverwritePrompt | fosStrictFileTypes},
		{saveDialog, true, always | fosOverwritePrompt | fosStrictFileTypes}, // one name to save
		{folderDialog, false, always | fosPickFolders},
	} {
		if got := dialogOptions(c.kind, c.multi); got != c.want {
			t.Errorf("dialogOptions(%d, %v) = %#x, want %#x", c.kind, c.multi, got, c.want)
		}
	}
}
