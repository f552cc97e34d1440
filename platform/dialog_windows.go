//go:build windows

package platform

import (
	"fmt"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// NativeDialogs is true on Windows: OpenFiles, SaveFile and PickFolder show the system's.
const NativeDialogs = true

var (
	ole32                           = windows.NewLazySystemDLL("ole32.dll")
	procCoCreateInstance            = ole32.NewProc("CoCreateInstance")
	procSHCreateItemFromParsingName = shell32.NewProc("SHCreateItemFromParsingName") // shell32: reveal_windows.go
)

var (
	clsidFileOpenDialog = windows.GUID{Data1: 0xDC1C5A9C, Data2: 0xE88A, Data3: 0x4DDE, Data4: [8]byte{0xA5, 0xA1, 0x60, 0xF8, 0x2A, 0x20, 0xAE, 0xF7}}
	clsidFileSaveDialog = windows.GUID{Data1: 0xC0B4E2F3, Data2: 0xBA21, Data3: 0x4773, Data4: [8]byte{0x8D, 0xBA, 0x33, 0x5E, 0xC9, 0x46, 0xEB, 0x8B}}
	iidFileOpenDialog   = windows.GUID{Data1: 0xD57C7288, Data2: 0xD4AD, Data3: 0x4768, Data4: [8]byte{0xBE, 0x02, 0x9D, 0x96, 0x95, 0x32, 0xD9, 0x60}}
	iidFileDialog       = windows.GUID{Data1: 0x42F85136, Data2: 0xDB7E, Data3: 0x439C, Data4: [8]byte{0x85, 0xF1, 0xE4, 0x07, 0x5D, 0x13, 0x5F, 0xC8}}
	iidShellItem        = windows.GUID{Data1: 0x43826D1E, Data2: 0xE718, Data3: 0x42EE, Data4: [8]byte{0xBC, 0x55, 0xA1, 0xE2, 0x61, 0xC3, 0x7B, 0xFE}}
)

// Methods by their place in the interfaces' tables (shobjidl_core.h).
const (
	mRelease = 2 // IUnknown

	mShow                = 3 // IModalWindow
	mSetFileTypes        = 4 // IFileDialog
	mSetFileTypeIndex    = 5
	mSetOptions          = 9
	mGetOptions          = 10
	mSetFolder           = 12
	mSetFileName         = 15
	mSetTitle            = 17
	mGetResult           = 20
	mSetDefaultExtension = 22
	mGetResults          = 27 // IFileOpenDialog

	mGetDisplayName = 5 // IShellItem

	mGetCount  = 7 // IShellItemArray
	mGetItemAt = 8
)

const (
	clsctxInprocServer = 0x1
	sigdnFileSysPath   = 0x80058000
	hrCancelled        = 0x800704C7 // HRESULT_FROM_WIN32(ERROR_CANCELLED): the user closed the dialog
)

// comObject is a COM interface pointer: the object starts with its method table.
type comObject struct{ vtbl *[32]uintptr }

// call calls method m of o; a failed HRESULT is the error.
//
//go:uintptrescapes
func (o *comObject) call(m int, args ...uintptr) error {
	hr, _, _ := syscall.SyscallN(o.vtbl[m], append([]uintptr{uintptr(unsafe.Pointer(o))}, args...)...)
	if int32(hr) < 0 {
		return hresult(hr)
	}
	return nil
}

func (o *comObject) release() { o.call(mRelease) }

// hresult is a failed COM call's code.
type hresult uint32

func (h hresult) Error() string {
	return fmt.Sprintf("HRESULT 0x%08X: %v", uint32(h), windows.Errno(h))
}

// filterSpec is COMDLG_FILTERSPEC.
type filterSpec struct{ name, spec *uint16 }

// OpenFiles shows the system's Open dialog, modal to the window owner (its HWND; 0 for none),
// starting in startDir, listing the files of the filters (the first chosen); multi lets the
// user pick many with Ctrl and Shift. It returns the chosen files' paths, none when the user
// cancels. It blocks until the dialog closes: call it off the window's thread, so that the
// window goes on drawing while its owner is disabled (the dialog runs its own message loop
// on this goroutine's thread).
func OpenFiles(owner uintptr, title string, filters []FileFilter, startDir string, multi bool) ([]string, error) {
	return showDialog(owner, openDialog, multi, title, filters, startDir, "")
}

// SaveFile shows the system's Save As dialog with name filled in; the answer has the first
// filter's extension when the user typed none, and a file to be replaced was asked about.
// "" when cancelled. Blocks as OpenFiles.
func SaveFile(owner uintptr, title string, filters []FileFilter, startDir, name string) (string, error) {
	paths, err := showDialog(owner, saveDialog, false, title, filters, startDir, name)
	if err != nil || len(paths) == 0 {
		return "", err
	}
	return paths[0], nil
}

// PickFolder shows the system's dialog for choosing a folder; "" when cancelled. Blocks as
// OpenFiles.
func PickFolder(owner uintptr, title, startDir string) (string, error) {
	paths, err := showDialog(owner, folderDialog, false, title, nil, startDir, "")
	if err != nil || len(paths) == 0 {
		return "", err
	}
	return paths[0], nil
}

func showDialog(owner uintptr, kind dialogKind, multi bool, title string, filters []FileFilter, startDir, name string) ([]string, error) {
	// The dialog is a COM object of a single-threaded apartment: one thread, its own.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	switch err := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE); err {
	case nil, windows.Errno(1): // S_OK, S_FALSE (already initialised): both need CoUninitialize
		defer windows.CoUninitialize()
	default:
		return nil, fmt.Errorf("file dialog: CoInitializeEx: %w", err)
	}
	clsid, iid := &clsidFileOpenDialog, &iidFileOpenDialog
	if kind == saveDialog {
		clsid, iid = &clsidFileSaveDialog, &iidFileDialog
	}
	var d *comObject
	if hr, _, _ := procCoCreateInstance.Call(uintptr(unsafe.Pointer(clsid)), 0, clsctxInprocServer,
		uintptr(unsafe.Pointer(iid)), uintptr(unsafe.Pointer(&d))); int32(hr) < 0 || d == nil {
		return nil, fmt.Errorf("file dialog: %w: CoCreateInstance: %v", ErrNoNativeDialog, hresult(hr))
	}
	defer d.release()

	var opts uint32
	if err := d.call(mGetOptions, uintptr(unsafe.Pointer(&opts))); err != nil {
		return nil, fmt.Errorf("file dialog: GetOptions: %w", err)
	}
	if err := d.call(mSetOptions, uintptr(opts|dialogOptions(kind, multi))); err != nil {
		return nil, fmt.Errorf("file dialog: SetOptions: %w", err)
	}
	if t, err := windows.UTF16PtrFromString(title); err == nil {
		d.call(mSetTitle, uintptr(unsafe.Pointer(t)))
	}
	if len(filters) > 0 && kind != folderDialog {
		specs := make([]filterSpec, 0, len(filters))
		for _, f := range filters {
			n, err1 := windows.UTF16PtrFromString(f.Name)
			s, err2 := windows.UTF16PtrFromString(f.spec())
			if err1 == nil && err2 == nil {
				specs = append(specs, filterSpec{n, s})
			}
		}
		if len(specs) > 0 {
			if err := d.call(mSetFileTypes, uintptr(len(specs)), uintptr(unsafe.Pointer(&specs[0]))); err != nil {
				return nil, fmt.Errorf("file dialog: SetFileTypes: %w", err)
			}
			d.call(mSetFileTypeIndex, 1) // 1-based
		}
		if ext := defaultExtension(filters); kind == saveDialog && ext != "" {
			if e, err := windows.UTF16PtrFromString(ext); err == nil {
				d.call(mSetDefaultExtension, uintptr(unsafe.Pointer(e)))
			}
		}
	}
	// SetFolder, not SetDefaultFolder: the app remembers the folder of each kind of file itself,
	// and Windows' own memory (one per program) would start the photo dialog among drafts.
	if item := shellItem(startDir); item != nil {
		d.call(mSetFolder, uintptr(unsafe.Pointer(item)))
		item.release()
	}
	if name != "" {
		if n, err := windows.UTF16PtrFromString(name); err == nil {
			d.call(mSetFileName, uintptr(unsafe.Pointer(n)))
		}
	}

	if err := d.call(mShow, owner); err != nil {
		if err == hresult(hrCancelled) {
			return nil, nil
		}
		return nil, fmt.Errorf("file dialog: Show: %w", err)
	}
	if kind == openDialog {
		return openResults(d)
	}
	var item *comObject
	if err := d.call(mGetResult, uintptr(unsafe.Pointer(&item))); err != nil || item == nil {
		return nil, fmt.Errorf("file dialog: GetResult: %w", err)
	}
	defer item.release()
	p, err := fileSysPath(item)
	if err != nil {
		return nil, err
	}
	return []string{p}, nil
}

// openResults are the files chosen in an Open dialog (IShellItemArray), in its order.
func openResults(d *comObject) ([]string, error) {
	var arr *comObject
	if err := d.call(mGetResults, uintptr(unsafe.Pointer(&arr))); err != nil || arr == nil {
		return nil, fmt.Errorf("file dialog: GetResults: %w", err)
	}
	defer arr.release()
	var n uint32
	if err := arr.call(mGetCount, uintptr(unsafe.Pointer(&n))); err != nil {
		return nil, fmt.Errorf("file dialog: GetCount: %w", err)
	}
	paths := make([]string, 0, n)
	for i := range n {
		var item *comObject
		if err := arr.call(mGetItemAt, uintptr(i), uintptr(unsafe.Pointer(&item))); err != nil || item == nil {
			return nil, fmt.Errorf("file dialog: GetItemAt %d: %w", i, err)
		}
		p, err := fileSysPath(item)
		item.release()
		if err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// fileSysPath is the path of a shell item that is a file or folder (FOS_FORCEFILESYSTEM).
func fileSysPath(item *comObject) (string, error) {
	var p *uint16
	if err := item.call(mGetDisplayName, sigdnFileSysPath, uintptr(unsafe.Pointer(&p))); err != nil || p == nil {
		return "", fmt.Errorf("file dialog: GetDisplayName: %w", err)
	}
	defer windows.CoTaskMemFree(unsafe.Pointer(p))
	return windows.UTF16PtrToString(p), nil
}

// shellItem is the folder dir as a shell item, nil when it is "" or not there.
func shellItem(dir string) *comObject {
	if dir == "" {
		return nil
	}
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return nil
	}
	var item *comObject
	if hr, _, _ := procSHCreateItemFromParsingName.Call(uintptr(unsafe.Pointer(p)), 0,
		uintptr(unsafe.Pointer(&iidShellItem)), uintptr(unsafe.Pointer(&item))); int32(hr) < 0 {
		return nil
	}
	return item
}
