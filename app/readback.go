package app

import (
	"path/filepath"
	"strings"

	"shenbao/readback"
)

// Opening a .docx or a PDF: the Word file or PDF this program exported (which carries the
// draft), or the bureau's Word form filled by hand, read by readback as the command
// line reads it; a blank template of a form is offered for 按这份模板新建表格 (importui.go). The file itself is never written: the draft opens as unsaved changes, and
// 保存 asks for a .json name beside it.

var (
	// openableFiles are what 打开 offers: drafts, and the files that carry one.
	openableFiles = fileKind{"申报表（草稿 *.json、Word *.docx、PDF *.pdf）", []string{".json", ".docx", ".pdf"}}
	exportedFiles = fileKind{"申报表 Word 或 PDF", []string{".docx", ".pdf"}}
)

// openExported opens a .docx or PDF as a new, unsaved draft and says where it came from.
func (u *UI) openExported(path string) bool {
	r, err := readback.Open(path)
	if taken, ok := u.openDOCX(path, r, err); taken { // importui.go: a blank template
		return ok
	}
	if err != nil {
		showMessage(u.win, "无法打开", "无法打开“"+filepath.Base(path)+"”："+readback.Message(err)+"。")
		return false
	}
	u.guardUnsaved(func() {
		u.saver.discard()
		u.set.OpenDir = filepath.Dir(path) // 保存 starts beside the file
		u.set.usedDir(dirSaveAs, u.set.OpenDir)
		u.setDraft(r.Draft, "", true)
		msg := strings.Join(append(r.Notes(),
			"", "按 Ctrl+S 把它保存为草稿（.json）后继续填写；“"+filepath.Base(path)+"”本身不会被改动。"), "\n")
		showMessage(u.win, "已打开“"+filepath.Base(path)+"”", msg)
	})
	return true
}
