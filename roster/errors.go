package roster

import (
	"errors"

	"shenbao/forms"
)

// Errors ReadRoster returns for a file it cannot read at all. Each text is the Chinese sentence
// the user sees: what is wrong and what to do. Test them with errors.Is.
var (
	ErrNotWorkbook = errors.New("这不是 Excel 工作簿（.xlsx）：请在 Excel 或 WPS 中打开名单，“另存为” Excel 工作簿（*.xlsx）后再导入")
	ErrOldExcel    = errors.New("这是旧版 Excel（.xls）文件：请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿（*.xlsx）后再导入")
	ErrEncrypted   = errors.New("这个工作簿设置了打开密码：请在 Excel 或 WPS 中去掉密码并保存后再导入")
	ErrTooLarge    = errors.New("这个文件超过 20 MB，不是名单：请选择填好的名单模板或只含名单的工作簿")
	ErrDamaged     = errors.New("这个工作簿已损坏，无法读取：请在 Excel 或 WPS 中打开后重新保存，再导入")
	// Workbooks too large to be a roster, whatever their file size.
	ErrWorkbookTooLarge = errors.New("这个工作簿里的数据太多（解压后超过 64 MB，或一个工作表超过 4 MB），不像名单：名单只需几十行。请把名单复制到名单模板（shenbao template）或一个新的工作簿中再导入")
	ErrTooManySheets    = errors.New("这个工作簿有 50 个以上的工作表，不像名单：请把名单复制到名单模板（shenbao template）或一个新的工作簿中再导入")
	ErrTooManyCells     = errors.New("这个工作簿的工作表中有很多行一直写到了很靠右的列（例如第 XFD 列），不像名单：请把名单复制到名单模板（shenbao template）或一个新的工作簿中再导入")
	ErrTooManyMerges    = errors.New("这个工作簿中合并单元格太多（一个工作表超过 1000 处），无法作为名单读取：请取消合并单元格，或把名单复制到名单模板（shenbao template）中再导入")
)

// Message is the Chinese sentence for an error of this package, without Go-side context.
func Message(err error) string {
	for _, e := range []error{ErrNotWorkbook, ErrOldExcel, ErrEncrypted, ErrTooLarge, ErrDamaged,
		ErrWorkbookTooLarge, ErrTooManySheets, ErrTooManyMerges, ErrTooManyCells} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	return forms.Message(err)
}
