package app

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	xdraw "golang.org/x/image/draw"

	"shenbao/forms"
	"shenbao/scan"
)

// The 报送 page's work (the pictures added, straightened, and the pages set by hand) is kept
// in a folder beside the draft file, named after it (示例草稿（报送照片）), or beside the
// autosave copy while the draft is unsaved, so that a restart or a crash loses none of it.
// Kept are the straightened pages as JPEG (A4 at scan.DPI, 1654×2339 pixels) and what the
// matching found, in 报送照片.json: nothing is matched again, the page comes back as it was
// left. The draft file itself is not touched.

const (
	keptManifest = "报送照片.json"
	keptSuffix   = "（报送照片）" // the folder beside the draft: 示例草稿（报送照片）
	keptKind     = "shenbao-scans"
	keptVersion  = 1
	maxKept      = 30      // pictures on the page, and so kept: the form has 9 pages
	maxKeptSide  = 2400    // pixels: the long side of a kept picture (a page at DPI is 2339)
	maxKeptFile  = 4 << 20 // bytes: one kept picture (a page is 0.3–1.5 MB)
	// maxKeptTotal bounds the folder: a picture that would pass it is kept at a lower quality.
	maxKeptTotal    = 64 << 20
	maxKeptManifest = 256 << 10
)

// keptQualities are tried in turn until a picture fits its bound.
var keptQualities = []int{90, 75, 60, 45}

// keptFile is 报送照片.json.
type keptFile struct {
	Kind    string `json:"kind"` // always keptKind
	Version int    `json:"version"`
	// Draft is the SHA-256 of the draft (forms.Draft.Marshal) the pictures were matched
	// against: a draft changed since prints differently, and its pictures are not brought back.
	Draft    string        `json:"draft"`
	Pictures []keptPicture `json:"pictures"`
}

// keptPicture is one picture of the page and what scan found on it (scan.Straight).
type keptPicture struct {
	File      string                     `json:"file,omitempty"` // the straightened page; "" when no page was found on it
	Source    string                     `json:"source"`
	Page      int                        `json:"page"`
	Near      int                        `json:"near"`
	Found     bool                       `json:"found"`
	Manual    bool                       `json:"manual,omitempty"`
	Score     float64                    `json:"score"`
	Fine      float64                    `json:"fine"`
	Worst     float64                    `json:"worst"`
	WorstLine string                     `json:"worstLine,omitempty"`
	Residual  float64                    `json:"residual"`
	Turn      int                        `json:"turn"`
	Seal      [scan.MaxSealBoxes]float64 `json:"seal"`
}

// Errors of the kept folder; keptMessage makes the user's sentence.
var (
	errKeptDamaged = errors.New("kept 报送 pictures damaged")
	errKeptLater   = errors.New("kept 报送 pictures of a later version")
)

// keptBeside is the folder beside a draft file that keeps its 报送 work.
func keptBeside(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + keptSuffix
}

// keptSessionSuffix names the folder beside an autosave copy (session-…-报送照片).
const keptSessionSuffix = "-报送照片"

func keptSessionDir(file string) string { return strings.TrimSuffix(file, ".json") + keptSessionSuffix }

// keptDir is where the 报送 work of the draft shown is kept: beside its file when it is
// saved as shown, else beside its autosave copy.
func (u *UI) keptDir() string {
	if u.path != "" && !u.dirty {
		return keptBeside(u.path)
	}
	return u.saver.scansDir()
}

// draftSum identifies a draft's content.
func draftSum(d *forms.Draft) string {
	s := sha256.Sum256(d.Marshal())
	return hex.EncodeToString(s[:])
}

// keptMessage is the user's sentence for a kept folder that cannot be read.
func keptMessage(dir string, err error) string {
	where := "“" + filepath.Join(filepath.Base(dir), keptManifest) + "”"
	switch {
	case errors.Is(err, errKeptLater):
		return "保存的报送照片" + where + "由更新版本的程序写出，没有装入：请升级本程序，或重新添加照片或扫描件。"
	case errors.Is(err, errKeptDamaged):
		return "保存的报送照片" + where + "已损坏，没有装入：请重新添加照片或扫描件。"
	}
	return "保存的报送照片" + where + "无法读取（" + keptProblem(err) + "），没有装入：请重新添加照片或扫描件。"
}

// keptProblem is why a kept file cannot be read, for the user.
func keptProblem(err error) string {
	var big *forms.TooLargeError
	if errors.As(err, &big) { // forms.Message speaks of whole MB, and of choosing another file
		return fmt.Sprintf("文件太大：%s，最多 %s", scan.SizeText(big.Size), scan.SizeText(big.Limit))
	}
	return forms.Message(err)
}

// readKept reads and checks the list of a kept folder. Only what keptFile.check accepts is
// returned, so a hand-edited or damaged file can never reach scan with nonsense.
func readKept(dir string) (keptFile, error) {
	data, err := forms.ReadRegular(filepath.Join(dir, keptManifest), maxKeptManifest)
	if err != nil {
		return keptFile{}, err
	}
	var k keptFile
	if err := json.Unmarshal(data, &k); err != nil {
		return keptFile{}, fmt.Errorf("%w: %v", errKeptDamaged, err)
	}
	return k, k.check()
}

func (k keptFile) check() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", errKeptDamaged, fmt.Sprintf(format, args...))
	}
	switch {
	case k.Kind != keptKind:
		return bad("kind %q", k.Kind)
	case k.Version > keptVersion:
		return errKeptLater
	case k.Version < 1:
		return bad("version %d", k.Version)
	case len(k.Draft) != 2*sha256.Size:
		return bad("draft %q", k.Draft)
	case len(k.Pictures) > maxKept:
		return bad("%d pictures", len(k.Pictures))
	}
	files := map[string]bool{}
	for i, p := range k.Pictures {
		finite := true
		for _, v := range append([]float64{p.Score, p.Fine, p.Worst, p.Residual}, p.Seal[:]...) {
			finite = finite && !math.IsNaN(v) && !math.IsInf(v, 0)
		}
		switch {
		case p.Source == "" || len(p.Source) > 1024 || !utf8.ValidString(p.Source) || strings.ContainsFunc(p.Source, unicode.IsControl):
			return bad("picture %d: source", i)
		case len(p.WorstLine) > 4096 || !utf8.ValidString(p.WorstLine):
			return bad("picture %d: worst line", i)
		case p.Page < -1 || p.Near < -1 || p.Turn < 0 || p.Turn > 3 || !finite || min(p.Seal[0], p.Seal[1], p.Seal[2]) < -1:
			return bad("picture %d: values", i)
		case (p.File != "") != (p.Page >= 0):
			return bad("picture %d: a page needs its picture, and only a page has one", i)
		case p.File != "" && (!keptName(p.File) || files[p.File]):
			return bad("picture %d: file %q", i, p.File)
		}
		files[p.File] = true
	}
	return nil
}

// keptName is a name the kept folder's list may hold: a JPEG right in the folder.
func keptName(name string) bool {
	return name == filepath.Base(name) && !strings.ContainsAny(name, `/\:`) && name != "." && name != ".." &&
		len(name) <= 200 && utf8.ValidString(name) && strings.HasSuffix(strings.ToLower(name), ".jpg") &&
		!strings.ContainsFunc(name, unicode.IsControl)
}

// straight is the picture as the page had it; its straightened page is img (nil for a
// picture no page was found on).
func (p keptPicture) straight(img image.Image) *scan.Straight {
	return &scan.Straight{Source: p.Source, Page: p.Page, Near: p.Near, Found: p.Found, Manual: p.Manual,
		Score: p.Score, Fine: p.Fine, Worst: p.Worst, WorstLine: p.WorstLine, Residual: p.Residual,
		Turn: p.Turn, Seal: p.Seal, Image: img}
}

// pictureOf is what is kept of a picture (its file is named when it is written).
func pictureOf(st *scan.Straight) keptPicture {
	finite := func(v float64) float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return -1 // a residual not measured is +Inf, which JSON cannot hold
		}
		return v
	}
	p := keptPicture{Source: st.Source, Page: st.Page, Near: st.Near, Found: st.Found, Manual: st.Manual,
		Score: finite(st.Score), Fine: finite(st.Fine), Worst: finite(st.Worst), WorstLine: st.WorstLine,
		Residual: finite(st.Residual), Turn: st.Turn, Seal: st.Seal}
	if st.Image == nil {
		p.Page = -1 // no page to keep, so none to come back to
	}
	for i, v := range p.Seal {
		p.Seal[i] = max(-1, finite(v))
	}
	return p
}

// decodeKept reads a kept page back: upright A4 proportions, its long side within
// maxKeptSide, greyscale as *image.Gray, colour as *image.NRGBA (what scan measures seals on).
func decodeKept(data []byte) (image.Image, error) {
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errKeptDamaged, err)
	}
	if ratio := float64(cfg.Height) / float64(max(1, cfg.Width)); cfg.Width < 100 || cfg.Height > maxKeptSide || ratio < 1.35 || ratio > 1.48 {
		return nil, fmt.Errorf("%w: %d×%d is not a kept page", errKeptDamaged, cfg.Width, cfg.Height)
	}
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errKeptDamaged, err)
	}
	if g, ok := img.(*image.Gray); ok {
		return g, nil
	}
	c := image.NewNRGBA(img.Bounds())
	draw.Draw(c, c.Rect, img, img.Bounds().Min, draw.Src)
	return c, nil
}

// encodeKept is a page as a kept JPEG of at most limit bytes, or an error when even the
// lowest quality does not fit.
func encodeKept(img image.Image, limit int64) ([]byte, error) {
	b := img.Bounds()
	if long := max(b.Dx(), b.Dy()); long > maxKeptSide { // never from scan (2339), but the bound is the reader's
		k := float64(maxKeptSide) / float64(long)
		small := image.NewNRGBA(image.Rect(0, 0, int(float64(b.Dx())*k), int(float64(b.Dy())*k)))
		xdraw.CatmullRom.Scale(small, small.Rect, img, b, xdraw.Src, nil)
		img = small
	}
	for _, q := range keptQualities {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
			return nil, err
		}
		if int64(buf.Len()) <= limit {
			return buf.Bytes(), nil
		}
	}
	return nil, &forms.TooLargeError{Size: limit + 1, Limit: limit}
}

// keptWrite is the page's work at one moment, to be written to dir.
type keptWrite struct {
	seq  int
	dir  string
	sum  string
	sts  []*scan.Straight
	pics []keptPicture // what is kept of each of sts, taken on the UI thread (Assign changes sts)
}

// keeper writes the page's work off the UI thread, one write at a time and the latest only;
// each picture is encoded once, and a file of the folder is replaced only by renaming a
// finished one over it (forms.WriteFile), the list last: a crash leaves the last list whole.
type keeper struct {
	mu    sync.Mutex
	done  int                       // the last write's seq: an older one arriving late is dropped
	dir   string                    // where files is about
	files map[*scan.Straight]string // the file each picture is kept in, in dir
}

// adopt notes the files of a folder just read back, so that they are not written again.
func (k *keeper) adopt(dir string, files map[*scan.Straight]string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.dir != dir {
		k.dir, k.files = dir, map[*scan.Straight]string{}
	}
	for st, f := range files {
		k.files[st] = f
	}
}

// write makes dir hold w: new pictures encoded, the list replaced, the files no longer
// listed removed. An empty w removes what the folder kept, and the folder if that empties it.
func (k *keeper) write(w keptWrite) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if w.seq < k.done {
		return nil
	}
	k.done = w.seq
	if k.dir != w.dir || k.files == nil {
		k.dir, k.files = w.dir, map[*scan.Straight]string{}
	}
	old, _ := readKept(w.dir) // its files not listed any more are removed below
	if len(w.sts) == 0 {
		k.files = map[*scan.Straight]string{}
		if err := os.Remove(filepath.Join(w.dir, keptManifest)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		prune(w.dir, old, nil)
		os.Remove(w.dir) // only when empty: anything the teacher put there stays
		return nil
	}
	if err := os.MkdirAll(w.dir, 0o755); err != nil {
		return err
	}
	list := keptFile{Kind: keptKind, Version: keptVersion, Draft: w.sum}
	var total int64
	var skipped []string
	used := map[string]bool{}
	next := nextNumber(w.dir)
	for i, st := range w.sts {
		p := w.pics[i]
		if st.Image == nil {
			list.Pictures = append(list.Pictures, p)
			continue
		}
		name := k.files[st]
		if fi, err := os.Stat(filepath.Join(w.dir, name)); name != "" && err == nil && fi.Mode().IsRegular() &&
			fi.Size() <= maxKeptFile && total+fi.Size() <= maxKeptTotal {
			total += fi.Size()
		} else {
			data, err := encodeKept(st.Image, min(maxKeptFile, maxKeptTotal-total))
			if err == nil {
				name = fmt.Sprintf("%02d %s.jpg", next, fileStem(st.Source))
				next++
				err = forms.WriteFile(filepath.Join(w.dir, name), false, func(f io.Writer) error { _, err := f.Write(data); return err })
			}
			if err != nil {
				skipped = append(skipped, st.Source+"："+forms.Message(err))
				continue
			}
			total += int64(len(data))
			k.files[st] = name
		}
		p.File = name
		used[name] = true
		list.Pictures = append(list.Pictures, p)
	}
	if err := writeKeptList(w.dir, list); err != nil {
		return err
	}
	prune(w.dir, old, used)
	for st := range k.files { // pictures removed from the page
		if !slices.Contains(w.sts, st) {
			delete(k.files, st)
		}
	}
	if len(skipped) > 0 {
		return errors.New("其中这些没有存下：" + strings.Join(skipped, "；"))
	}
	return nil
}

// writeKeptList writes 报送照片.json, checked as readKept would check it: the program never
// writes a list it would refuse.
func writeKeptList(dir string, list keptFile) error {
	data, err := json.MarshalIndent(list, "", "  ")
	if err == nil && len(data) > maxKeptManifest {
		err = &forms.TooLargeError{Size: int64(len(data)), Limit: maxKeptManifest}
	}
	if err == nil {
		var back keptFile
		if err = json.Unmarshal(data, &back); err == nil {
			err = back.check()
		}
	}
	if err != nil {
		return fmt.Errorf("kept list: %w", err)
	}
	return forms.WriteFile(filepath.Join(dir, keptManifest), false, func(w io.Writer) error {
		_, err := w.Write(append(data, '\n'))
		return err
	})
}

// prune removes the files old listed that used does not.
func prune(dir string, old keptFile, used map[string]bool) {
	for _, p := range old.Pictures {
		if p.File != "" && !used[p.File] {
			os.Remove(filepath.Join(dir, p.File))
		}
	}
}

// nextNumber is one past the highest number a file of dir starts with (01 IMG_0106.jpg).
func nextNumber(dir string) int {
	n := 1
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), " ")
		if v, err := strconv.Atoi(num); ok && err == nil && v >= n {
			n = v + 1
		}
	}
	return n
}

// fileStem is a picture's name made safe for a file name on every system: IMG_0106, or
// 扫描.pdf 第3页 for a PDF's page.
func fileStem(source string) string {
	stem := source
	if scanFiles.matches(source) {
		stem = strings.TrimSuffix(source, filepath.Ext(source))
	}
	stem = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || unicode.IsControl(r) {
			return '_'
		}
		return r
	}, stem)
	if r := []rune(stem); len(r) > 60 {
		stem = string(r[len(r)-60:]) // the end tells photos apart
	}
	return strings.Trim(stem, " .")
}

// copyKept copies the work kept in from to to, when it is the work of the draft sum (the
// draft was saved: its work moves beside the file). Only what readKept accepts is copied.
func copyKept(from, to, sum string) error {
	list, err := readKept(from)
	if err != nil || list.Draft != sum {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	old, _ := readKept(to)
	used := map[string]bool{}
	for _, p := range list.Pictures {
		if p.File == "" {
			continue
		}
		data, err := forms.ReadRegular(filepath.Join(from, p.File), maxKeptFile)
		if err != nil {
			return err
		}
		if err := forms.WriteFile(filepath.Join(to, p.File), false, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return err
		}
		used[p.File] = true
	}
	if err := writeKeptList(to, list); err != nil {
		return err
	}
	prune(to, old, used)
	return nil
}

// loadKept reads a kept folder's list and its pictures' bytes (at most maxKeptTotal). A
// picture file that cannot be read is left out and named in skipped.
func loadKept(dir string) (list keptFile, data [][]byte, skipped []string, err error) {
	if list, err = readKept(dir); err != nil {
		return keptFile{}, nil, nil, err
	}
	var total int64
	var kept []keptPicture
	for _, p := range list.Pictures {
		var b []byte
		if p.File != "" {
			b, err = forms.ReadRegular(filepath.Join(dir, p.File), maxKeptFile)
			if err == nil && total+int64(len(b)) > maxKeptTotal {
				err = &forms.TooLargeError{Size: total + int64(len(b)), Limit: maxKeptTotal}
			}
			if err != nil {
				skipped = append(skipped, p.Source+"（"+p.File+"）："+keptProblem(err))
				err = nil
				continue
			}
			total += int64(len(b))
		}
		kept = append(kept, p)
		data = append(data, b)
	}
	list.Pictures = kept
	return list, data, skipped, nil
}
