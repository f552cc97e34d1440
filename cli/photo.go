package cli

import (
	"encoding/base64"
	"fmt"
	"io"

	"shenbao/forms"
	"shenbao/photo"
)

// maxPictureFile bounds what we read of a picture file; the pipeline refuses bigger ones with
// its own message, so read one byte more than that to let it see the size.
const maxPictureFile = photo.MaxFileBytes + 1

// runPhoto sets the draft's photo through the photo pipeline. The draft is read first, so an
// unreadable draft creates nothing; a refused picture leaves the draft byte-identical.
func runPhoto(o options, stdout, stderr io.Writer) int {
	if !o.want(2, stderr, "shenbao photo 草稿.json 图片") {
		return ExitUnreadable
	}
	draftPath, picPath := o.files[0], o.files[1]
	d, saveTo, ok := loadForChange(draftPath, stderr)
	if !ok {
		return ExitUnreadable
	}
	data, size, err := readPicture(picPath)
	if err != nil {
		fmt.Fprintf(stderr, "无法读取图片 %s：%s\n", picPath, forms.Message(err))
		return ExitFindings
	}
	if size > photo.MaxFileBytes { // only the first 50 MB were read: say the file's real size
		fmt.Fprintf(stderr, "图片 %s 不能使用：照片文件太大（%.1f MB），本程序最多读 %d MB 的图片。请用手机相册或画图软件把照片缩小（例如长边不超过 4000 像素）或另存为 JPEG 后再选择。\n",
			picPath, float64(size)/(1<<20), photo.MaxFileBytes>>20)
		return ExitFindings
	}
	res, err := photo.Process(data, nil)
	if err != nil {
		fmt.Fprintf(stderr, "图片 %s 不能使用：%s\n", picPath, photo.Message(err))
		return ExitFindings
	}
	d.Photo = &forms.Photo{
		MIME:         photo.MIME,
		Data:         base64.StdEncoding.EncodeToString(res.JPEG),
		SourceWidth:  res.SourceWidth,
		SourceHeight: res.SourceHeight,
	}
	if err := d.Save(saveTo); err != nil {
		fmt.Fprintf(stderr, "无法保存 %s：%s\n", saveTo, forms.Message(err))
		return ExitUnreadable
	}
	savedBeside(draftPath, saveTo, stdout)
	fmt.Fprintf(stdout, "照片已设置：%d×%d 像素，%d KB\n", res.Width, res.Height, (len(res.JPEG)+1023)/1024)
	if photo.SourceTooSmall(res.SourceWidth, res.SourceHeight) {
		fmt.Fprintf(stderr, "提醒：原图可用部分只有 %d×%d 像素，打印会模糊，建议换一张更清晰的照片。\n", res.SourceWidth, res.SourceHeight)
	}
	return ExitOK
}

// readPicture reads at most maxPictureFile bytes of the picture and returns the file's size.
func readPicture(path string) (data []byte, size int64, err error) {
	f, st, err := forms.OpenRegular(path) // never a FIFO that would block, nor a device
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	if st.Size() > photo.MaxFileBytes { // refused unread
		return nil, st.Size(), nil
	}
	data, err = io.ReadAll(io.LimitReader(f, maxPictureFile))
	return data, max(int64(len(data)), st.Size()), err
}
