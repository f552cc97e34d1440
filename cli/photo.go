package cli

import (
	"encoding/base64"
	"fmt"
	"io"
	"os"

	"shenbao/forms"
	"shenbao/forms/photo"
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
	d, ok := load(draftPath, stderr)
	if !ok {
		return ExitUnreadable
	}
	data, err := readPicture(picPath)
	if err != nil {
		fmt.Fprintf(stderr, "无法读取图片 %s：%s\n", picPath, forms.Message(err))
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
	if err := d.Save(draftPath); err != nil {
		fmt.Fprintf(stderr, "无法保存 %s：%s\n", draftPath, forms.Message(err))
		return ExitUnreadable
	}
	fmt.Fprintf(stdout, "照片已设置：%d×%d 像素，%d KB\n", res.Width, res.Height, (len(res.JPEG)+1023)/1024)
	if photo.SourceTooSmall(res.SourceWidth, res.SourceHeight) {
		fmt.Fprintf(stderr, "提醒：原图可用部分只有 %d×%d 像素，打印会模糊，建议换一张更清晰的照片。\n", res.SourceWidth, res.SourceHeight)
	}
	return ExitOK
}

func readPicture(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxPictureFile))
}
