package forms

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxFileSize is the largest draft we read: a draft with its photo is well under 1 MB, so a
// bigger file is something else and reading it whole could exhaust memory.
const MaxFileSize = 20 << 20

// maxRows bounds a table's rows in a file: the form prints 2 and 5; thousands mean the file
// is not a draft, and would make every loop over rows slow.
const maxRows = 200

// rawJSON is a JSON value kept as it was read, for unknown keys.
type rawJSON = json.RawMessage

// Load reads a draft file. A refused file is only read, never changed.
func Load(path string) (*Draft, error) {
	data, err := ReadRegular(path, MaxFileSize)
	if errors.Is(err, ErrFileTooLarge) {
		return nil, fmt.Errorf("load %s: %w", path, ErrTooLarge)
	}
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	d, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	return d, nil
}

// Parse reads a draft from the bytes of a draft file, as a draft of the known form its
// format names (Known).
func Parse(data []byte) (*Draft, error) {
	top, err := parseTop(data)
	if err != nil {
		return nil, err
	}
	form, err := checkHeader(top, nil)
	if err != nil {
		return nil, err
	}
	return readDraft(form, top)
}

// ParseAs reads a draft as a draft of the given form, whatever form the file names (a
// --form file given for a draft): the file must still be a draft of a form with that form's
// draft format.
func ParseAs(form *Definition, data []byte) (*Draft, error) {
	top, err := parseTop(data)
	if err != nil {
		return nil, err
	}
	if _, err := checkHeader(top, form); err != nil {
		return nil, err
	}
	return readDraft(form, top)
}

// readDraft reads the blocks of the form from a draft file's top object.
func readDraft(form *Definition, top map[string]rawJSON) (*Draft, error) {
	d := New(form)
	for _, b := range form.Blocks {
		if !b.Stored() {
			continue // opinions, notes, blocks left blank: an unknown key of the same name is kept
		}
		if err := d.readBlock(b, top[b.Key]); err != nil {
			return nil, err
		}
		delete(top, b.Key)
	}
	delete(top, "format")
	delete(top, "version")
	d.setExtra("", top)
	return d, nil
}

// parseTop reads a draft file's top object, bounded, refusing what is plainly not a draft.
func parseTop(data []byte) (map[string]rawJSON, error) {
	if len(data) > MaxFileSize {
		return nil, ErrTooLarge
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // Notepad's byte-order mark
	if err := checkText(data); err != nil {
		return nil, err
	}
	var top map[string]rawJSON
	if err := json.Unmarshal(data, &top); err != nil {
		return nil, jsonError(data, err)
	}
	if top == nil {
		return nil, ErrNotDraft
	}
	return top, nil
}

// checkText refuses, before any JSON parsing, what is plainly not a draft (a picture, an empty
// file, a JSON array) and text in another encoding. Only the check for an object's "{" comes
// first: a PNG is not UTF-8 either, but "not a draft" is what the user needs to hear.
func checkText(data []byte) error {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return ErrNotUTF8 // Notepad's "Unicode" (UTF-16)
	}
	if len(data) > 0 && data[len(data)-1] == 0 {
		// A power cut can leave a file whose end (or all of it) is zero bytes: the size was
		// recorded but the content never reached the disk.
		return ErrTruncated
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return ErrNotDraft
	}
	if utf8.Valid(data) {
		return nil
	}
	if utf8.Valid(dropPartialRune(data)) {
		return ErrTruncated // cut inside a Chinese character, the rest is fine
	}
	return ErrNotUTF8
}

// dropPartialRune removes an incomplete UTF-8 sequence at the very end, where a cut file stops.
func dropPartialRune(data []byte) []byte {
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				return data[:i]
			}
			break
		}
	}
	return data
}

// jsonError tells a file cut short from one that is not JSON at all.
func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	trimmed := bytes.TrimSpace(data)
	switch {
	case errors.As(err, &typ):
		return ErrNotDraft // valid JSON, but not an object
	case len(trimmed) > 0 && trimmed[0] == '{' && errors.As(err, &syn) && syn.Offset >= int64(len(data)):
		return ErrTruncated
	case len(trimmed) > 0 && trimmed[0] == '{' && errors.Is(err, io.ErrUnexpectedEOF):
		return ErrTruncated
	case len(trimmed) > 0 && trimmed[0] == '{':
		return ErrBadJSON
	default:
		return ErrNotDraft
	}
}

// checkHeader finds the draft's form by its "format" (or checks it is want's) and refuses a
// version later than the form's.
func checkHeader(top map[string]rawJSON, want *Definition) (*Definition, error) {
	var format string
	if json.Unmarshal(top["format"], &format) != nil || format == "" {
		return nil, ErrNotDraft
	}
	var version float64
	if json.Unmarshal(top["version"], &version) != nil || version < 1 || version != float64(int64(version)) {
		return nil, ErrNotDraft
	}
	form := want
	if form == nil {
		form, _ = Lookup(format)
	}
	switch {
	case form != nil && form.DraftFormat == format:
	case strings.HasPrefix(format, FormFormatPrefix):
		return nil, &UnknownFormError{Format: strings.TrimPrefix(format, FormFormatPrefix)}
	default:
		return nil, ErrNotDraft
	}
	if version > float64(form.Version) {
		return nil, &LaterVersionError{Title: form.Title, Have: form.Version, Want: int(version)}
	}
	return form, nil
}

func (d *Draft) readBlock(b Block, raw rawJSON) error {
	if isNull(raw) || !b.Stored() {
		return nil
	}
	switch b.Kind {
	case TextBlock:
		v, err := jsonString(raw, b.Key)
		d.Set(b.Key, v)
		return err
	case FieldsBlock:
		return d.readObject(b, raw, b.Key, 0)
	case TableBlock:
		var rows []rawJSON
		if json.Unmarshal(raw, &rows) != nil {
			return &FieldTypeError{Path: b.Key}
		}
		if len(rows) > maxRows {
			return ErrNotDraft
		}
		d.rows[b.Key] = len(rows)
		for i, r := range rows {
			if err := d.readObject(b, r, rowPath(b.Key, i+1), i+1); err != nil {
				return err
			}
		}
	}
	return nil
}

// readObject reads the fields of one JSON object (the host, a table row, …) and keeps the
// keys it does not know.
func (d *Draft) readObject(b Block, raw rawJSON, objPath string, row int) error {
	if isNull(raw) {
		return nil
	}
	var obj map[string]rawJSON
	if json.Unmarshal(raw, &obj) != nil {
		return &FieldTypeError{Path: objPath}
	}
	for _, f := range b.Fields {
		path := Path(b, f, row)
		if f.Kind == Picture {
			if err := d.readPhoto(obj[f.Key], path); err != nil {
				return err
			}
		} else {
			v, err := jsonString(obj[f.Key], path)
			if err != nil {
				return err
			}
			d.Set(path, v)
		}
		delete(obj, f.Key)
	}
	d.setExtra(objPath, obj)
	return nil
}

func (d *Draft) readPhoto(raw rawJSON, path string) error {
	if isNull(raw) {
		return nil
	}
	var obj map[string]rawJSON
	if json.Unmarshal(raw, &obj) != nil {
		return &FieldTypeError{Path: path}
	}
	var p Photo
	var err error
	if p.MIME, err = jsonString(obj["mime"], path+".mime"); err != nil {
		return err
	}
	if p.Data, err = jsonString(obj["data"], path+".data"); err != nil {
		return err
	}
	delete(obj, "mime")
	delete(obj, "data")
	// The source size is a hint for the blur warning. Whole numbers are read; anything else
	// (a newer program's "600px"?) is kept as an unknown key, both together, so nothing is lost
	// and the pair is never written twice.
	w, okW := jsonInt(obj["sourceWidth"])
	h, okH := jsonInt(obj["sourceHeight"])
	if okW && okH {
		p.SourceWidth, p.SourceHeight = w, h
		delete(obj, "sourceWidth")
		delete(obj, "sourceHeight")
	}
	if src, ok := readPhotoSource(obj["source"]); ok {
		p.Source = src
		delete(obj, "source")
	}
	if p.MIME != "" || p.Data != "" || p.SourceWidth != 0 || p.SourceHeight != 0 {
		d.Photo = &p
	}
	d.setExtra(path, obj)
	return nil
}

// readPhotoSource reads the kept source picture: its type, base64 within MaxSourceChars and a
// frame inside the picture. Anything else (a newer program's, or damaged) is not taken: it
// stays an unknown key, written back as it was.
func readPhotoSource(raw rawJSON) (*PhotoSource, bool) {
	if isNull(raw) || len(raw) > MaxSourceChars+1024 {
		return nil, false
	}
	var v struct {
		MIME string     `json:"mime"`
		Data string     `json:"data"`
		Crop [4]float64 `json:"crop"`
	}
	if json.Unmarshal(raw, &v) != nil || v.Data == "" || len(v.Data) > MaxSourceChars {
		return nil, false
	}
	c := v.Crop
	if c[0] < 0 || c[1] < 0 || c[2] <= 0 || c[3] <= 0 || c[0]+c[2] > 1.0001 || c[1]+c[3] > 1.0001 {
		return nil, false
	}
	var top map[string]rawJSON
	if json.Unmarshal(raw, &top) != nil || len(top) != 3 {
		return nil, false // keys this program does not know: keep the whole as it was
	}
	return &PhotoSource{MIME: v.MIME, Data: v.Data, Crop: c}, true
}

// jsonString reads a text value. Numbers are taken as the text they were written as (a
// hand-edited "years": 12); null is empty; anything else is not what this program writes.
func jsonString(raw rawJSON, path string) (string, error) {
	if isNull(raw) {
		return "", nil
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, nil
	}
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		return n.String(), nil
	}
	return "", &FieldTypeError{Path: path}
}

// jsonInt reads a whole number; absent or null is 0.
func jsonInt(raw rawJSON) (int, bool) {
	if isNull(raw) {
		return 0, true
	}
	n, err := strconv.Atoi(string(bytes.TrimSpace(raw)))
	return n, err == nil
}

func isNull(raw rawJSON) bool {
	t := bytes.TrimSpace(raw)
	return len(t) == 0 || string(t) == "null"
}

// Marshal writes the draft as the JSON of FORM.md §3: known keys in the form's order, then
// unknown ones sorted, indented by two spaces, UTF-8 without escaping, ending in a newline.
// Unknown values are written byte for byte as they were read: re-indenting them would grow a
// deeply nested value with the square of its depth, and change what another program wrote.
func (d *Draft) Marshal() []byte {
	var o objWriter
	o.begin()
	o.key("format")
	o.str(d.form.DraftFormat)
	o.key("version")
	o.raw([]byte(strconv.Itoa(d.form.Version)))
	for _, b := range d.form.Blocks {
		if !b.Stored() {
			continue
		}
		o.key(b.Key)
		d.writeBlock(&o, b)
	}
	o.extras(d.extra[""])
	o.end()
	o.buf.WriteByte('\n')
	return o.buf.Bytes()
}

func (d *Draft) writeBlock(o *objWriter, b Block) {
	switch b.Kind {
	case TextBlock:
		o.str(d.Get(b.Key))
	case FieldsBlock:
		d.writeObject(o, b, b.Key, 0)
	case TableBlock:
		o.beginArray()
		for r := 1; r <= d.Rows(b.Key); r++ {
			o.elem()
			d.writeObject(o, b, rowPath(b.Key, r), r)
		}
		o.endArray()
	}
}

func (d *Draft) writeObject(o *objWriter, b Block, objPath string, row int) {
	o.begin()
	for _, f := range b.Fields {
		if f.Kind != Picture {
			o.key(f.Key)
			o.str(d.Value(b, f, row))
		}
	}
	for _, f := range b.Fields { // the photo last, as FORM.md §3 shows it
		if f.Kind == Picture {
			o.key(f.Key)
			d.writePhoto(o, Path(b, f, row))
		}
	}
	o.extras(d.extra[objPath])
	o.end()
}

func (d *Draft) writePhoto(o *objWriter, path string) {
	p := d.Photo
	if p == nil {
		p = &Photo{}
	}
	o.begin()
	o.key("mime")
	o.str(p.MIME)
	o.key("data")
	o.str(p.Data)
	if p.SourceWidth != 0 || p.SourceHeight != 0 {
		o.key("sourceWidth")
		o.raw([]byte(strconv.Itoa(p.SourceWidth)))
		o.key("sourceHeight")
		o.raw([]byte(strconv.Itoa(p.SourceHeight)))
	}
	if s := p.Source; s != nil {
		o.key("source")
		o.begin()
		o.key("mime")
		o.str(s.MIME)
		o.key("data")
		o.str(s.Data)
		o.key("crop")
		o.raw([]byte("[" + num(s.Crop[0]) + ", " + num(s.Crop[1]) + ", " + num(s.Crop[2]) + ", " + num(s.Crop[3]) + "]"))
		o.end()
	}
	o.extras(d.extra[path])
	o.end()
}

// num writes a fraction as JSON: at most 6 decimals, enough for a pixel of any picture.
func num(f float64) string { return strconv.FormatFloat(math.Round(f*1e6)/1e6, 'f', -1, 64) }

// objWriter writes indented JSON (as json.Indent with two spaces would) key by key, in the
// order it is told.
type objWriter struct {
	buf   bytes.Buffer
	first []bool // per open object or array: nothing written in it yet
}

func (o *objWriter) open(c byte) {
	o.buf.WriteByte(c)
	o.first = append(o.first, true)
}

func (o *objWriter) close(c byte) {
	empty := o.first[len(o.first)-1]
	o.first = o.first[:len(o.first)-1]
	if !empty {
		o.newline()
	}
	o.buf.WriteByte(c)
}

// next starts an entry of the innermost object or array on its own line.
func (o *objWriter) next() {
	if !o.first[len(o.first)-1] {
		o.buf.WriteByte(',')
	}
	o.first[len(o.first)-1] = false
	o.newline()
}

func (o *objWriter) newline() {
	o.buf.WriteByte('\n')
	for range len(o.first) {
		o.buf.WriteString("  ")
	}
}

func (o *objWriter) begin()      { o.open('{') }
func (o *objWriter) end()        { o.close('}') }
func (o *objWriter) beginArray() { o.open('[') }
func (o *objWriter) endArray()   { o.close(']') }
func (o *objWriter) elem()       { o.next() }

func (o *objWriter) key(k string) {
	o.next()
	o.str(k)
	o.buf.WriteString(": ")
}

func (o *objWriter) str(s string) {
	enc := json.NewEncoder(&o.buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)               // a string always encodes
	o.buf.Truncate(o.buf.Len() - 1) // Encode adds a newline
}

func (o *objWriter) raw(v []byte) { o.buf.Write(v) }

// extras writes the unknown keys sorted, each value exactly as read.
func (o *objWriter) extras(m map[string]rawJSON) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		o.key(k)
		v := bytes.TrimSpace(m[k])
		if !json.Valid(v) {
			v = []byte("null") // cannot happen: the value was read as valid JSON
		}
		o.raw(v)
	}
}

// Save writes the draft to path safely (see WriteFile), keeping the previous version as
// path + ".bak". It never writes what Load would refuse: a draft over MaxFileSize, or one that
// does not read back, is refused with ErrDraftTooLarge and the file on disk stays as it was.
func (d *Draft) Save(path string) error {
	data, err := d.Encode()
	if err != nil {
		return fmt.Errorf("save %s: %w", path, err)
	}
	return WriteFile(path, true, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Encode is Marshal checked against the loader: the bytes are returned only if Parse reads
// them back.
func (d *Draft) Encode() ([]byte, error) {
	data := d.Marshal()
	if len(data) > MaxFileSize {
		return nil, ErrDraftTooLarge
	}
	if _, err := Parse(data); err != nil {
		return nil, fmt.Errorf("%w (%v)", ErrDraftTooLarge, err)
	}
	return data, nil
}
