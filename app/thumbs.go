package app

import (
	"image"
	"io"
	"os"
	"slices"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"

	"shenbao/forms"
	"shenbao/photo"
)

const (
	thumbSide = 48 // units: the picture beside a file name in the photo dialog
	// thumbMaxBytes and thumbMaxPixels bound what is decoded for a thumbnail: a phone photo
	// (3-8 MB, 12-50 megapixels) is shown; a 60 MB scan or a 100-megapixel panorama is not,
	// since one decode would hold hundreds of MB for a 48-pixel picture.
	thumbMaxBytes  = 16 << 20
	thumbMaxPixels = 50_000_000
	thumbDecode    = 96 // pixels: the decoded picture is reduced to this side at most
)

// thumbnails makes the photo dialog's small pictures one at a time off the UI thread, the
// rows last shown first, and keeps them while the dialog is open.
type thumbnails struct {
	refresh func()       // on the UI thread, after each new thumbnail
	run     func(func()) // starts the worker: a goroutine (tests run it at once)

	mu      sync.Mutex
	done    map[string]image.Image // nil when the file cannot be shown
	queue   []thumbJob
	queued  map[string]bool
	running bool
	stopped bool
}

type thumbJob struct {
	key, path string
	size      int64
}

// thumbRun starts the thumbnail worker; tests run it in place.
var thumbRun = func(f func()) { go f() }

func newThumbnails(refresh func()) *thumbnails {
	return &thumbnails{refresh: refresh, run: thumbRun,
		done: map[string]image.Image{}, queued: map[string]bool{}}
}

// showsThumbnails tells whether a dialog offering kind shows small pictures of its files: the
// photo dialog's, and 报送's (the photos of the sealed pages, among scanned PDFs), so that
// the teacher picks the pages by sight, not by IMG_20240720_… names.
func showsThumbnails(kind fileKind) bool {
	return slices.ContainsFunc(kind.Exts, func(ext string) bool { return pictureFiles.matches(ext) })
}

// get is the thumbnail of a file if made, else nil; a file not yet made is queued. Only
// pictures have one (a PDF keeps its icon).
func (t *thumbnails) get(path string, fi os.FileInfo) image.Image {
	if t == nil || !pictureFiles.matches(path) || !fi.Mode().IsRegular() || fi.Size() > thumbMaxBytes {
		return nil
	}
	key := path + "\x00" + strconv.FormatInt(fi.ModTime().UnixNano(), 10) + "\x00" + strconv.FormatInt(fi.Size(), 10)
	t.mu.Lock()
	if img, ok := t.done[key]; ok || t.queued[key] || t.stopped {
		t.mu.Unlock()
		return img
	}
	t.queued[key] = true
	t.queue = append(t.queue, thumbJob{key, path, fi.Size()})
	start := !t.running
	t.running = true
	t.mu.Unlock()
	if start {
		t.run(t.work)
	}
	return nil
}

// stop drops what is queued when the dialog closes.
func (t *thumbnails) stop() {
	if t == nil {
		return
	}
	t.mu.Lock()
	t.stopped, t.queue = true, nil
	t.mu.Unlock()
}

func (t *thumbnails) work() {
	for {
		t.mu.Lock()
		if t.stopped || len(t.queue) == 0 {
			t.running = false
			t.mu.Unlock()
			return
		}
		j := t.queue[len(t.queue)-1]
		t.queue = t.queue[:len(t.queue)-1]
		t.mu.Unlock()

		img := makeThumbnail(j.path)
		t.mu.Lock()
		t.done[j.key] = img
		delete(t.queued, j.key)
		t.mu.Unlock()
		if img != nil {
			fyne.Do(t.refresh)
		}
	}
}

// makeThumbnail decodes a picture reduced to thumbDecode pixels, upright, or nil when it is
// too big or cannot be read.
func makeThumbnail(path string) image.Image {
	f, _, err := forms.OpenRegular(path) // a FIFO named like a picture would block os.Open for ever
	if err != nil {
		return nil
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, thumbMaxBytes+1))
	if err != nil || len(data) > thumbMaxBytes {
		return nil
	}
	_, w, h, err := photo.Probe(data)
	if err != nil || int64(w)*int64(h) > thumbMaxPixels {
		return nil
	}
	img, err := photo.DecodePreview(data, thumbDecode)
	if err != nil {
		return nil
	}
	return img
}
