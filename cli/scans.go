package cli

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"shenbao/export"
	"shenbao/forms"
	"shenbao/photo"
	"shenbao/scan"
)

const scansUsage = "shenbao scans 草稿.json 照片或PDF… [-o 扫描件.pdf] [--send 文件夹]"

// maxScanInputs bounds the pictures of one run: the form is under a dozen pages, so 60 is
// every page photographed several times over.
const maxScanInputs = 60

// runScans straightens the photographed or scanned pages of the sealed form, puts them in the
// form's order, looks for the seals and writes one PDF (FORM.md §4). Exit: 0 written without
// 错误, 1 written with 错误 or refused, 2 an input unreadable (nothing written).
func runScans(o options, stdout, stderr io.Writer) int {
	if len(o.files) < 2 {
		fmt.Fprintf(stderr, "用法：%s\n", scansUsage)
		return ExitUnreadable
	}
	if len(o.files)-1 > maxScanInputs {
		fmt.Fprintf(stderr, "一次最多处理 %d 个照片或 PDF 文件（这次有 %d 个）。请只选申报表各页的照片。\n", maxScanInputs, len(o.files)-1)
		return ExitUnreadable
	}
	if st, err := os.Stat(o.send); o.send != "" && err == nil && !st.IsDir() {
		// Checked before anything is written: the scanned PDF would be left behind otherwise.
		fmt.Fprintf(stderr, "%s 不是文件夹：--send 后面请写要生成的报送文件夹（没有的会新建）。\n", o.send)
		return ExitUnreadable
	}
	d, ok := load(o.files[0], stderr)
	if !ok {
		return ExitUnreadable
	}
	e, err := scan.New(d)
	if err != nil {
		fmt.Fprintf(stderr, "无法排版草稿 %s：%v\n", o.files[0], err)
		return ExitUnreadable
	}
	sts, unreadable := straightenAll(e, o.files[1:], stderr)
	if unreadable {
		fmt.Fprintln(stderr, "有文件无法读取，没有写出扫描件。请换掉上面列出的文件后再试。")
		return ExitUnreadable
	}
	res := e.Assemble(sts)
	for _, f := range res.Findings {
		fmt.Fprintln(stdout, f)
	}
	out := o.out
	if out == "" {
		out = filepath.Join(filepath.Dir(o.files[0]), export.ScanName(d))
	}
	var pdf bytes.Buffer
	_, author := d.Applicant()
	info := scan.PDFInfo{Title: d.Form().Title + export.ScanSuffix, Author: author,
		Creator: "shenbao " + Version, Created: time.Now()}
	if err := res.WritePDF(&pdf, info); err != nil {
		fmt.Fprintln(stderr, "没有一张图片是这份申报表的页面，没有写出扫描件。")
		return ExitFindings
	}
	if err := writeBytes(out, pdf.Bytes()); err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", out, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintln(stdout, out)
	errs := res.Errors()
	fmt.Fprintf(stderr, "扫描件已写出：%d 页（申报表共 %d 页），%s；%d 个错误，%d 个提醒。\n",
		res.Present(), e.Pages(), scan.SizeText(int64(pdf.Len())), errs, len(res.Findings)-errs)
	if o.send != "" {
		if code := send(d, o.send, pdf.Bytes(), res, e, stdout, stderr); code != ExitOK {
			return code
		}
	}
	if errs > 0 {
		return ExitFindings
	}
	return ExitOK
}

// straightenAll reads every input and straightens its pictures, two at a time on a machine
// with two cores or more (each holds one full-size picture), and reports unreadable files on
// stderr. The pictures keep the order they were given in.
func straightenAll(e *scan.Engine, paths []string, stderr io.Writer) ([]*scan.Straight, bool) {
	var (
		results    []*scan.Straight // filled in by the workers, one each
		holders    []**scan.Straight
		wg         sync.WaitGroup
		slots      = make(chan struct{}, min(2, runtime.GOMAXPROCS(0)))
		unreadable bool
	)
	for _, path := range paths {
		data, size, err := readBounded(path, scan.MaxPDFBytes)
		if err == nil && size > scan.MaxPDFBytes {
			err = scan.ErrPDFTooLarge
		}
		if err == nil {
			err = scan.Pictures(filepath.Base(path), data, func(source string, img image.Image) error {
				if len(holders) >= maxScanInputs {
					return scan.ErrPDFTooLarge
				}
				h := new(*scan.Straight) // its own cell: the slice of cells may move as it grows
				holders = append(holders, h)
				slots <- struct{}{}
				wg.Add(1)
				go func() {
					defer func() { <-slots; wg.Done() }()
					*h = e.Straighten(source, img)
				}()
				return nil
			})
		}
		if err != nil {
			fmt.Fprintf(stderr, "无法读取 %s：%s\n", path, scanMessage(err))
			unreadable = true
		}
	}
	wg.Wait()
	for _, h := range holders {
		results = append(results, *h)
	}
	return results, unreadable
}

// scanMessage is the user's sentence for a file error or a picture refused by the pipeline.
func scanMessage(err error) string {
	var pe *fs.PathError // the file itself: missing, a folder, a FIFO or device, no permission
	if errors.As(err, &pe) || os.IsNotExist(err) || os.IsPermission(err) {
		return forms.Message(err)
	}
	return scan.Message(err)
}

// readBounded reads at most limit+1 bytes of a regular file and returns the file's size.
func readBounded(path string, limit int64) ([]byte, int64, error) {
	f, st, err := forms.OpenRegular(path) // a FIFO would block os.Open for ever; a device never ends
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, st.Size(), nil
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	return data, max(int64(len(data)), st.Size()), err
}

func writeBytes(path string, b []byte) error {
	return forms.WriteFile(path, false, func(w io.Writer) error { _, err := w.Write(b); return err })
}

// send makes the folder to email and prints the checklist. A draft with 错误 is not sent: its
// Word file would be refused.
func send(d *forms.Draft, dir string, pdf []byte, res scan.Result, e *scan.Engine, stdout, stderr io.Writer) int {
	if findings := forms.Check(d, photo.StoredSize); export.NeedsDraft(d, findings) {
		n := printErrors(findings, stderr)
		fmt.Fprintf(stderr, "草稿还有 %d 个错误，没有生成报送文件夹：请改正后再导出 Word 并报送。\n", n)
		return ExitFindings
	}
	items, err := scan.Send(d, dir, pdf, res, e.Pages(), "shenbao "+Version)
	if err != nil {
		fmt.Fprintf(stderr, "无法写入 %s：%s\n", dir, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintf(stdout, "报送文件夹：%s\n", dir)
	for _, it := range items {
		mark := "√"
		if !it.OK {
			mark = "×"
		}
		fmt.Fprintf(stdout, "  %s %s\n", mark, it.Text)
	}
	if sub := d.Form().Submission; sub.Email != "" {
		when := ""
		if sub.Deadline != "" {
			when = "，" + sub.Deadline + "前"
		}
		fmt.Fprintln(stdout, "请把这两个文件作为附件发送至 "+sub.Email+contact(sub)+when+"。")
	}
	return ExitOK
}
