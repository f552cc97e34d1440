package forms

import (
	"errors"
	"io/fs"
	"os"
	"syscall"
)

// osClass is a kind of failure the file system reports, whatever the platform calls it.
type osClass int

const (
	osOther osClass = iota
	osNotExist
	osPermission
	osLoop
	osIsDir
	osNotDir
	osNoSpace
	osNameTooLong
	osReadOnlyFS
	osBusy
	osIO
	osTooManyOpen
	osExists
	osCrossDevice
)

// osSentences say, for each class, what happened and what to do; the English text of the
// system never reaches the user.
var osSentences = map[osClass]string{
	osNotExist:    "找不到这个文件或文件夹：请检查文件名和所在文件夹（U 盘是否已插好）",
	osPermission:  "没有权限读写这个文件，或它正被其他程序（如 Word、WPS、PDF 阅读器）打开：请关闭该文件后再试；仍不行请换一个文件夹，或请管理员开放权限",
	osLoop:        "路径中的快捷方式（符号链接）互相指向、绕成了圈，找不到真正的文件：请直接选择原来的文件或文件夹",
	osIsDir:       ErrIsFolder.Error(),
	osNotDir:      "这个位置（或路径中的某一段）是文件，不是文件夹：请检查路径，重新选择一个文件夹",
	osNoSpace:     "磁盘（或 U 盘）空间已满，文件没有写成，原来的文件没有改动：请删除一些不用的文件、清空回收站，或换一个磁盘保存",
	osNameTooLong: "文件名或路径太长，系统不接受：请换一个短一些的文件名，或放到层级少一些的文件夹（如桌面）",
	osReadOnlyFS:  "这个磁盘（或 U 盘、光盘）是只读的，不能写入：请换一个位置保存；U 盘侧面如有写保护开关，请拨到可写的一侧",
	osBusy:        "这个文件正被其他程序占用：请关闭打开它的程序（如 Word、WPS、PDF 阅读器）后再试",
	osIO:          "读写磁盘时出错（U 盘可能松动或已损坏）：请重新插好 U 盘，或把文件复制到电脑上再试",
	osTooManyOpen: "同时打开的文件太多，系统暂时不能再打开文件：请关闭一些程序后再试",
	osExists:      "已有同名的文件：请换一个文件名",
	osCrossDevice: "无法在两个磁盘之间直接移动文件：请换一个位置保存",
}

// classifyOS finds the class of a file-system error, nil-safe; osOther when it is none.
func classifyOS(err error) osClass {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if c := errnoClass(errno); c != osOther {
			return c
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return osNotExist
	case errors.Is(err, fs.ErrPermission):
		return osPermission
	case errors.Is(err, fs.ErrExist):
		return osExists
	}
	return osOther
}

// errnoClass maps the POSIX numbers (Go defines them on Windows too); platform numbers that
// have no POSIX name are in winErrnoClass.
func errnoClass(e syscall.Errno) osClass {
	switch e {
	case syscall.ELOOP:
		return osLoop
	case syscall.EISDIR:
		return osIsDir
	case syscall.ENOTDIR:
		return osNotDir
	case syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG:
		return osNoSpace
	case syscall.ENAMETOOLONG:
		return osNameTooLong
	case syscall.EROFS:
		return osReadOnlyFS
	case syscall.EBUSY, syscall.ETXTBSY:
		return osBusy
	case syscall.EIO, syscall.ENXIO, syscall.ENODEV:
		return osIO
	case syscall.EMFILE, syscall.ENFILE:
		return osTooManyOpen
	case syscall.EXDEV:
		return osCrossDevice
	case syscall.EACCES, syscall.EPERM:
		return osPermission
	case syscall.ENOENT:
		return osNotExist
	}
	return winErrnoClass(uintptr(e))
}

// osMessage is the sentence for a file-system error, "" when err is not one.
func osMessage(err error) string {
	if s, ok := osSentences[classifyOS(err)]; ok {
		return s
	}
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	if errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &se) {
		return "无法读写这个文件：请检查文件是否被其他程序占用、是否只读、磁盘是否已满，或换一个文件夹再试"
	}
	return ""
}
