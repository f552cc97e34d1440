package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"unicode/utf16"
)

// The PDF carries the draft it was printed from as an embedded file, as e-invoices carry
// their XML (PDF 32000 §7.11.4; the /AF array of ISO 32000-2 §14.13 says it is the source
// of the document). gopdf cannot add to the catalog, so the attachment is written as an
// incremental update (§7.5.6) after gopdf's own output: new objects, the catalog again with
// /Names and /AF, and a second cross-reference section pointing back to the first. Readers
// and qpdf treat the result as one document; the bytes gopdf wrote stay as they were.

// DraftFileName is the attachment's name as PDF readers list it.
const DraftFileName = "shenbao-draft.json"

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reSize      = regexp.MustCompile(`/Size\s+(\d+)`)
	reRoot      = regexp.MustCompile(`/Root\s+(\d+)\s+0\s+R`)
	reInfo      = regexp.MustCompile(`(?s)/Info\s*(<<.*?>>|\d+\s+0\s+R)`)
	reXrefHead  = regexp.MustCompile(`^xref\s+0\s+(\d+)\s+`)
)

// errNotOurs: AttachDraft was given a PDF whose end is not laid out as gopdf writes it.
var errNotOurs = errors.New("pdf: attach: not a PDF as gopdf writes it")

// AttachDraft returns doc, a PDF as gopdf writes it (one classic cross-reference table, the
// catalog a direct dictionary), with draft appended as an embedded file.
func AttachDraft(doc, draft []byte) ([]byte, error) {
	m := reStartXref.FindSubmatch(doc)
	if m == nil {
		return nil, errNotOurs
	}
	prev, _ := strconv.Atoi(string(m[1]))
	trailerAt := bytes.LastIndex(doc, []byte("trailer"))
	if prev <= 0 || prev >= len(doc) || trailerAt < prev {
		return nil, errNotOurs
	}
	trailer := doc[trailerAt:]
	size, root, err := trailerNumbers(trailer)
	if err != nil {
		return nil, err
	}
	catalog, err := objectBody(doc, prev, root)
	if err != nil {
		return nil, err
	}
	end := bytes.LastIndex(catalog, []byte(">>"))
	if end < 0 {
		return nil, errNotOurs
	}

	var b bytes.Buffer
	b.Write(doc)
	if doc[len(doc)-1] != '\n' {
		b.WriteByte('\n')
	}
	file, spec, names := size, size+1, size+2
	offsets := map[int]int{}
	obj := func(n int, body []byte) {
		offsets[n] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", n)
		b.Write(body)
		b.WriteString("\nendobj\n")
	}
	obj(file, embeddedFile(draft))
	obj(spec, []byte(fmt.Sprintf("<< /Type /Filespec /F (%s) /UF %s /Desc %s /AFRelationship /Source /EF << /F %d 0 R /UF %d 0 R >> >>",
		DraftFileName, pdfText(DraftFileName), pdfText("申报表草稿（shenbao 打开此 PDF 即可继续填写）"), file, file)))
	obj(names, []byte(fmt.Sprintf("<< /Names [(%s) %d 0 R] >>", DraftFileName, spec)))
	newCatalog := append(append([]byte{}, catalog[:end]...),
		[]byte(fmt.Sprintf("  /Names << /EmbeddedFiles %d 0 R >>\n  /AF [%d 0 R]\n>>", names, spec))...)
	obj(root, bytes.TrimRight(newCatalog, "\n"))

	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \n%d 3\n", root, offsets[root], file)
	for _, n := range []int{file, spec, names} {
		fmt.Fprintf(&b, "%010d 00000 n \n", offsets[n])
	}
	fmt.Fprintf(&b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Prev %d\n", names+1, root, prev)
	if info := reInfo.Find(trailer); info != nil {
		b.Write(info)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, ">>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes(), nil
}

func trailerNumbers(trailer []byte) (size, root int, err error) {
	s, r := reSize.FindSubmatch(trailer), reRoot.FindSubmatch(trailer)
	if s == nil || r == nil {
		return 0, 0, errNotOurs
	}
	size, _ = strconv.Atoi(string(s[1]))
	root, _ = strconv.Atoi(string(r[1]))
	if root <= 0 || root >= size {
		return 0, 0, errNotOurs
	}
	return size, root, nil
}

// objectBody finds object n through the cross-reference table at xref and returns what lies
// between "n 0 obj" and "endobj".
func objectBody(doc []byte, xref, n int) ([]byte, error) {
	table := doc[xref:]
	h := reXrefHead.FindSubmatchIndex(table)
	if h == nil {
		return nil, errNotOurs
	}
	count, _ := strconv.Atoi(string(table[h[2]:h[3]]))
	entry := h[1] + 20*n // entries are 20 bytes each (§7.5.4)
	if n >= count || entry+20 > len(table) {
		return nil, errNotOurs
	}
	at, err := strconv.Atoi(string(table[entry : entry+10]))
	if err != nil || at <= 0 || at >= xref {
		return nil, errNotOurs
	}
	head := []byte(fmt.Sprintf("%d 0 obj", n))
	if !bytes.HasPrefix(doc[at:], head) {
		return nil, errNotOurs
	}
	body := doc[at+len(head):]
	stop := bytes.Index(body, []byte("endobj"))
	if stop < 0 {
		return nil, errNotOurs
	}
	return bytes.TrimSpace(body[:stop]), nil
}

// embeddedFile is the stream object of the attachment, compressed, with its size and MD5.
func embeddedFile(data []byte) []byte {
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	zw.Write(data)
	zw.Close()
	sum := md5.Sum(data)
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< /Type /EmbeddedFile /Subtype /application#2Fjson /Filter /FlateDecode /Length %d /Params << /Size %d /CheckSum <%X> >> >>\nstream\n",
		z.Len(), len(data), sum)
	b.Write(z.Bytes())
	b.WriteString("\nendstream")
	return b.Bytes()
}

// pdfText is a text string in UTF-16BE with its byte-order mark, as a hex string.
func pdfText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
