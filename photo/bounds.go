package photo

import (
	"bytes"
	"encoding/binary"
	"sync"
)

// Bounds on the work of one decode, from the headers alone, so that any picture file up to
// MaxFileBytes ends within seconds and well under 1 GB however it was made.
const (
	// maxDecodeBytes bounds the memory a decoder allocates for one picture (pixels and, for a
	// progressive JPEG, its coefficients). A 100-megapixel 4:2:0 JPEG takes 150 MB; a
	// 16-bit interlaced 100-megapixel PNG would take 1.6 GB and is refused.
	maxDecodeBytes = 640 << 20
	// maxScans bounds a JPEG's scans (SOS markers): cameras write 1, progressive encoders
	// about 10. Go's decoder walks every block of the picture in each scan, so thousands of
	// tiny scans (a few bytes each) decode for minutes.
	maxScans = 100
	// maxBlockVisits bounds the blocks visited over all scans of a JPEG: about 110 ns each
	// measured (a scan of nothing but end-of-band runs), so some 3 s. A progressive
	// 100-megapixel 4:2:0 photo of 10 scans visits about 12 million.
	maxBlockVisits = 24_000_000
)

// decodeCost is what decoding a picture will take, estimated from its headers.
type decodeCost struct {
	bytes  int64 // memory the decoder allocates
	scans  int   // JPEG: scans
	visits int64 // JPEG: blocks visited over all scans
}

// cost estimates the decode of a picture whose header hd was read from data.
func cost(hd header, data []byte) decodeCost {
	px := int64(hd.w) * int64(hd.h)
	switch hd.format {
	case FormatJPEG:
		return jpegCost(data, hd.w, hd.h)
	case FormatPNG:
		return decodeCost{bytes: pngBytes(data, px)}
	case FormatGIF: // the frame (1 byte a pixel) and, when it covers part of the screen, a canvas
		return decodeCost{bytes: 5 * px}
	case FormatWebP:
		if webpLossy(data) {
			return decodeCost{bytes: px * 5 / 2} // 4:2:0 with alpha
		}
		return decodeCost{bytes: 8 * px} // ARGB words while decoding, then NRGBA
	case FormatHEIC:
		return decodeCost{bytes: heicBytesPerPixel * px}
	}
	return decodeCost{bytes: 4 * px} // BMP: RGBA
}

// heicBytesPerPixel: libheif in WebAssembly (gen2brain/heic) holds the coded tiles, YCbCr
// planes, RGBA output and the module's grown memory: 22 to 24 bytes a pixel measured.
const heicBytesPerPixel = 25

// pngBytes is what Go's PNG decoder allocates: the image at its colour model's size, and for
// an interlaced file each pass's image besides (together about as large again).
func pngBytes(data []byte, px int64) int64 {
	if len(data) < 29 {
		return 8 * px
	}
	depth, colour, interlaced := data[24], data[25], data[28] != 0
	trns := bytes.Contains(data[:min(len(data), 1<<16)], []byte("tRNS"))
	var per int64
	switch {
	case colour == 3: // paletted
		per = 1
	case colour == 0 && !trns: // grey: Gray or Gray16
		per = max(1, int64(depth)/8)
	case depth == 16: // RGBA64 or NRGBA64
		per = 8
	default: // RGBA or NRGBA
		per = 4
	}
	if interlaced {
		return 2 * per * px
	}
	return per * px
}

// jpegFrame is what the frame header (SOFn) says.
type jpegFrame struct {
	progressive bool
	comps       []jpegComp
	rgb         bool // an Adobe segment says RGB: Go converts to RGBA, 4 more bytes a pixel
}

type jpegComp struct {
	id   byte
	h, v int // sampling factors
}

// jpegCost walks every marker of a JPEG, scans included (their entropy-coded data skipped),
// to count the scans and the blocks each visits.
func jpegCost(data []byte, w, h int) decodeCost {
	var fr jpegFrame
	var c decodeCost
	jpegMarkers(data, func(m byte, payload []byte) {
		switch {
		case m == 0xEE && len(payload) >= 12 && bytes.HasPrefix(payload, []byte("Adobe")):
			fr.rgb = payload[11] == 0
		case m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && fr.comps == nil:
			fr.progressive = m == 0xC2 || m == 0xC6 || m == 0xCA || m == 0xCE
			if len(payload) >= 6 {
				n := int(payload[5])
				for i := 0; i < n && 6+3*i+2 < len(payload); i++ {
					s := payload[6+3*i+1]
					fr.comps = append(fr.comps, jpegComp{id: payload[6+3*i], h: max(1, int(s>>4)), v: max(1, int(s&15))})
				}
			}
		case m == 0xDA:
			c.scans++
			if len(payload) >= 1 {
				for i := 0; i < int(payload[0]) && 1+2*i < len(payload); i++ {
					c.visits += fr.blocks(payload[1+2*i], w, h)
				}
			}
		}
	})
	var blocks int64
	for _, k := range fr.comps {
		blocks += fr.blocks(k.id, w, h)
	}
	px := int64(w) * int64(h)
	c.bytes = 64 * blocks // each component at its own resolution, padded to whole blocks
	if fr.progressive {
		c.bytes += 256 * blocks // 64 int32 coefficients a block, kept until the end
	}
	switch {
	case len(fr.comps) == 4: // CMYK or YCCK: converted to a CMYK image
		c.bytes += 4 * px
	case len(fr.comps) == 3 && (fr.rgb || fr.comps[0].id == 'R'):
		c.bytes += 4 * px
	}
	if len(fr.comps) == 0 {
		c.bytes = 4 * px
	}
	return c
}

// blocks is the number of 8×8 blocks Go's decoder allocates for one component: whole MCUs.
func (fr jpegFrame) blocks(id byte, w, h int) int64 {
	hmax, vmax := 1, 1
	for _, k := range fr.comps {
		hmax, vmax = max(hmax, k.h), max(vmax, k.v)
	}
	mx := int64(ceilDiv(w, 8*hmax))
	my := int64(ceilDiv(h, 8*vmax))
	for _, k := range fr.comps {
		if k.id == id {
			return mx * my * int64(k.h*k.v)
		}
	}
	return 0
}

// jpegMarkers calls fn for every marker segment of a JPEG, skipping the entropy-coded data
// after each SOS (where FF is followed by 00 or a restart marker). It stops at EOI, at the
// end of data, or at anything malformed; linear in the file's size.
func jpegMarkers(data []byte, fn func(m byte, payload []byte)) {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return
	}
	i := 2
	for i+2 <= len(data) {
		if data[i] != 0xFF {
			// entropy-coded data: find the next real marker
			j := bytes.IndexByte(data[i:], 0xFF)
			if j < 0 {
				return
			}
			i += j
			if i+1 < len(data) && (data[i+1] == 0x00 || data[i+1] >= 0xD0 && data[i+1] <= 0xD7) {
				i += 2
				continue
			}
			continue
		}
		m := data[i+1]
		switch {
		case m == 0xFF:
			i++
			continue
		case m == 0x00 || m == 0x01 || (m >= 0xD0 && m <= 0xD7):
			i += 2
			continue
		case m == 0xD9:
			return
		}
		if i+4 > len(data) {
			return
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return
		}
		fn(m, data[i+4:i+2+n])
		i += 2 + n
	}
}

// checkCost refuses a decode that would take too long or too much memory, saying which.
func checkCost(hd header, c decodeCost) error {
	mb := (c.bytes + 1<<20 - 1) >> 20
	switch {
	case c.scans > maxScans:
		return detail(ErrUnsupported, "这张 JPEG 图片分成了 %d 次扫描（普通照片只有 1 到十几次），读取会非常慢，本程序不处理。请用手机相册或画图软件把它另存为普通 JPEG 后再选择。", c.scans)
	case c.visits > maxBlockVisits:
		return detail(ErrTooLarge, "这张 JPEG 图片（%d×%d 像素，%d 次扫描）读取的工作量太大。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）或另存为普通 JPEG 后再选择。", hd.w, hd.h, c.scans)
	case c.bytes > maxDecodeBytes:
		return detail(ErrTooLarge, "这张 %s 图片（%d×%d 像素）读取时需要约 %d MB 内存，超过了本程序的上限（%d MB）。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）或另存为普通 JPEG 后再选择。",
			formatName(hd.format), hd.w, hd.h, mb, maxDecodeBytes>>20)
	}
	return nil
}

// decodeMemory lets decodes run side by side only while their estimated memory fits
// maxDecodeBytes together: `summary` checks drafts on every core, and four 600 MB decodes at
// once would need 2.4 GB.
var decodeMemory = newBudget(maxDecodeBytes)

// budget is a weighted semaphore.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int64
}

func newBudget(n int64) *budget {
	b := &budget{free: n}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes are free and takes them; n is at most the budget's size
// (checkCost refused more).
func (b *budget) acquire(n int64) {
	b.mu.Lock()
	for b.free < n {
		b.cond.Wait()
	}
	b.free -= n
	b.mu.Unlock()
}

func (b *budget) release(n int64) {
	b.mu.Lock()
	b.free += n
	b.mu.Unlock()
	b.cond.Broadcast()
}
