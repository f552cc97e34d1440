package scan

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"shenbao/export"
	"shenbao/forms"
)

// MailLimit is a mailbox's attachment limit (163.com and most others: 50 MB); the folder to
// send should stay well under it.
const MailLimit = 50 << 20

// CheckItem is one line of the checklist of the folder to send.
type CheckItem struct {
	OK   bool
	Text string
}

// Send makes the folder to email: the .docx and the scanned PDF under the bureau's names, and
// returns the checklist (both files there, page count, seals, total size). `shenbao scans
// --send` and the app's 报送 page both call it.
func Send(d *forms.Draft, dir string, pdf []byte, r Result, pages int, creator string) ([]CheckItem, error) {
	word, err := export.WriteWord(d, dir, export.Options{Creator: creator})
	if err != nil {
		return nil, err
	}
	scanned := filepath.Join(dir, export.ScanName(d))
	err = forms.WriteFile(scanned, false, func(w io.Writer) error { _, err := w.Write(pdf); return err })
	if err != nil {
		os.Remove(word) // the folder holds both files or neither
		return nil, err
	}
	var items []CheckItem
	add := func(ok bool, format string, args ...any) {
		items = append(items, CheckItem{ok, fmt.Sprintf(format, args...)})
	}
	var total int64
	for _, p := range []string{word, scanned} {
		var size int64
		if st, err := os.Stat(p); err == nil {
			size = st.Size()
		}
		total += size
		add(size > 0, "%s（%s）", filepath.Base(p), SizeText(size))
	}
	n := r.Present()
	add(n == pages, "扫描件 %d 页，申报表 %d 页", n, pages)
	missing := r.SealsMissing()
	if len(missing) == 0 {
		add(true, "公章：所在学校、所在县区教育行政部门的公章都已找到")
	} else {
		add(false, "公章：没有找到“%s”栏的公章", strings.Join(missing, "”“"))
	}
	add(total < MailLimit/2, "合计 %s（邮箱附件上限 50 MB）", SizeText(total))
	return items, nil
}

// Present counts the pages that have a picture.
func (r Result) Present() int {
	n := 0
	for _, p := range r.Pages {
		if p != nil {
			n++
		}
	}
	return n
}

// SealsMissing names the boxes whose seal must be there and is not (or whose page is missing).
func (r Result) SealsMissing() []string {
	var out []string
	for i, box := range r.Boxes {
		if !box.Needed {
			continue
		}
		o := Opinion(i)
		found := false
		for _, p := range r.Pages {
			if p != nil && p.HasSeal(o) {
				found = true
			}
		}
		if !found {
			out = append(out, box.Name)
		}
	}
	return out
}

// SizeText is a file size for the user: 27 KB, 2.7 MB.
func SizeText(n int64) string {
	if n < 1<<20 {
		return fmt.Sprintf("%d KB", (n+1023)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
