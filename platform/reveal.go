package platform

import "errors"

// ErrNoProgram says that no program on this computer opens files of that type (no PDF
// reader, say): the app then says so plainly instead of a vague "could not open".
var ErrNoProgram = errors.New("no program opens this kind of file")
