package scan

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"
	"strings"
	"time"

	"github.com/signintech/gopdf"

	"shenbao/forms"
)

// Result is the pictures put in the form's order, and what is wrong with them.
type Result struct {
	// Pages holds, for each page of the draft, the picture that shows it (nil: missing).
	Pages    []*Straight
	Findings []forms.Finding
	Boxes    []SealBox // the form's boxes that take a seal, by Opinion
}

// Errors counts the 错误 findings.
func (r Result) Errors() int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == forms.Error {
			n++
		}
	}
	return n
}

// Assemble puts the straightened pictures in the form's order and reports, one finding each:
// a picture without the form or of another draft, a page twice, a page missing, the school's
// or the county's seal missing, and a mark in the city's box.
func (e *Engine) Assemble(sts []*Straight) Result {
	r := Result{Pages: make([]*Straight, len(e.pages)), Boxes: e.boxes}
	add := func(path string, sev forms.Severity, format string, args ...any) {
		r.Findings = append(r.Findings, forms.Finding{Path: path, Block: "scans", Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	seen := make([][]*Straight, len(e.pages))
	for _, st := range sts {
		switch {
		case !st.Found:
			add(st.Source, forms.Error, "图片中找不到申报表的表格。请把整页纸平放，拍正、拍平、拍全（四边都在照片里），避开阴影和手指后重新拍照。")
			continue
		case st.Page < 0 && st.Unclear:
			add(st.Source, forms.Error, "%s", unclearMessage(e, st))
			continue
		case st.Page < 0:
			where := ""
			if st.Near >= 0 && strings.TrimSpace(st.WorstLine) != "" {
				where = fmt.Sprintf("它像%s，但草稿在那里印的是“%s”，照片上不同", e.PageName(st.Near), strings.TrimSpace(st.WorstLine))
				where = "（" + where + "）"
			}
			add(st.Source, forms.Error, "这一页不是这份草稿打印出来的，可能是另一份申报表或修改前打印的旧版本%s。请用这份草稿重新打印、盖章后再拍照或扫描。", where)
			continue
		}
		seen[st.Page] = append(seen[st.Page], st)
		if cur := r.Pages[st.Page]; cur == nil || e.better(st, cur) {
			r.Pages[st.Page] = st
		}
	}
	for i, sts := range seen {
		switch {
		case len(sts) == 0:
			add(e.PageName(i), forms.Error, "缺少这一页的照片或扫描件。请补拍这一页后一起再处理。")
		case len(sts) > 1:
			srcs := make([]string, len(sts))
			for k, st := range sts {
				srcs[k] = st.Source
			}
			add(e.PageName(i), forms.Error, "这一页出现了 %d 次（%s）。只保留了%s（%s），请删去多余的那张。",
				len(sts), strings.Join(srcs, "、"), e.kept(r.Pages[i], sts), r.Pages[i].Source)
		}
	}
	for i, m := range e.pages {
		st := r.Pages[i]
		if st == nil {
			continue
		}
		for _, o := range m.Opinions {
			switch {
			case o.Needed && !st.HasSeal(o.Which):
				add(e.PageName(i), forms.Error, "“%s”栏里没有找到红色公章（%s）。请盖章后重新拍照或扫描这一页；如已盖章，请在光线好的地方拍，使印章清楚。",
					o.Name, st.Source)
			case o.Blank && st.HasSeal(o.Which):
				add(e.PageName(i), forms.Warning, "“%s”栏里有红色印迹（%s）。这一栏由市教育局填写，应保持空白，请确认没有盖错位置。",
					o.Name, st.Source)
			}
		}
	}
	return r
}

// unclearMessage says why a picture could not be read well enough to tell whether it is the
// draft's page, and what to do: it makes no claim about the draft.
func unclearMessage(e *Engine, st *Straight) string {
	const retake = "请重新拍这一页：拍正、拍平，避开阴影和手指，四边都拍进去。"
	if st.Near < 0 {
		return "这张照片看不清，认不出是申报表的哪一页（照片上表格的线与草稿的任何一页都对不上）。" + retake
	}
	why := map[Cause]string{
		CauseHidden: "被遮住或没有拍上（手指、反光、折角）",
		CauseNoise:  "在阴影里或光线太暗，看不清",
		CauseFaint:  "模糊或太淡，看不清",
	}[st.Cause]
	if why == "" {
		why = "看不清"
	}
	return fmt.Sprintf("这张照片看不清：它像%s，但约 %.0f%% 的文字%s，无法确认是这份草稿打印的。%s",
		e.PageName(st.Near), 100*st.Unread, why, retake)
}

// JPEGQuality of the pages in the PDF: text and seals stay crisp, a greyscale page is about
// 200–400 KB at DPI.
const JPEGQuality = 80

// WritePDF writes the pages present, in order, one A4 page each, as JPEG pictures.
func (r Result) WritePDF(w io.Writer, info PDFInfo) error {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: bmpOnly(info.Title), Author: bmpOnly(info.Author), Creator: bmpOnly(info.Creator),
		Producer: bmpOnly(info.Creator), CreationDate: info.Created})
	n := 0
	for _, st := range r.Pages {
		if st == nil {
			continue
		}
		data, err := encodeJPEG(st.Image)
		if err != nil {
			return err
		}
		h, err := gopdf.ImageHolderByBytes(data)
		if err != nil {
			return fmt.Errorf("scan: page picture: %w", err)
		}
		pdf.AddPage()
		if err := pdf.ImageByHolder(h, 0, 0, &gopdf.Rect{W: gopdf.PageSizeA4.W, H: gopdf.PageSizeA4.H}); err != nil {
			return fmt.Errorf("scan: page picture: %w", err)
		}
		n++
	}
	if n == 0 {
		return ErrNoPages
	}
	_, err := pdf.WriteTo(w)
	return err
}

// ErrNoPages is returned by WritePDF when no picture was recognised as a page.
var ErrNoPages = errors.New("scan: no page to write")

func encodeJPEG(img image.Image) ([]byte, error) {
	if n, ok := img.(*image.NRGBA); ok {
		// the pages are opaque: the same bytes as RGBA, which the encoder reads directly
		// instead of through At, a colour allocated per pixel
		img = &image.RGBA{Pix: n.Pix, Stride: n.Stride, Rect: n.Rect}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: JPEGQuality}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// PDFInfo is what the PDF's document information says.
type PDFInfo struct {
	Title, Author, Creator string
	Created                time.Time
}

// bmpOnly replaces characters beyond the BMP, which gopdf's info strings garble, with □.
func bmpOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF {
			return '□'
		}
		return r
	}, s)
}

// better tells which of two pictures of one page to keep: the one the user put there by
// hand; else the one with more of the seals the page needs (a retake after sealing is often
// less sharp than the unsealed first try); else the clearer.
func (e *Engine) better(a, b *Straight) bool {
	if a.Manual != b.Manual {
		return a.Manual
	}
	if sa, sb := e.seals(a), e.seals(b); sa != sb {
		return sa > sb
	}
	return a.Fine > b.Fine
}

// seals counts the school's and county's boxes on the picture's page that hold a seal.
func (e *Engine) seals(st *Straight) int {
	n := 0
	for _, o := range e.pages[st.Page].Opinions {
		if o.Needed && st.Seal[o.Which] >= SealArea {
			n++
		}
	}
	return n
}

// kept says why the picture kept for a page shown twice (sts) is the one kept.
func (e *Engine) kept(st *Straight, sts []*Straight) string {
	if st.Manual {
		return "手动指定的一张"
	}
	for _, o := range sts {
		if e.seals(o) < e.seals(st) {
			return "盖有公章的一张"
		}
	}
	return "最清楚的一张"
}
