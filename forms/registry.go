package forms

import (
	"fmt"
	"sync"
)

// The forms this program knows: the built-in ones and those the user's forms folder or a
// --form file added. A draft names its form by the "format" it carries (the definition's
// draft_format) and the form's "version"; Parse looks the form up here.
var registry struct {
	sync.Mutex
	extra []*Definition
}

// Register adds a form read from a definition file, for drafts of it to be read. A form with
// the draft format of one already known takes its place (a clerk's edited copy of a built-in
// form is read instead of it).
func Register(def *Definition) {
	registry.Lock()
	defer registry.Unlock()
	for i, d := range registry.extra {
		if d.DraftFormat == def.DraftFormat {
			registry.extra[i] = def
			return
		}
	}
	registry.extra = append(registry.extra, def)
}

// ResetRegistered forgets the registered forms: one command line, or one test, registers its
// own.
func ResetRegistered() {
	registry.Lock()
	registry.extra = nil
	registry.Unlock()
}

// Known lists the forms a draft may be of: the registered ones first, then the built-in ones
// no registered form replaces.
func Known() []*Definition {
	registry.Lock()
	out := append([]*Definition(nil), registry.extra...)
	registry.Unlock()
	for _, b := range builtIn() {
		replaced := false
		for _, d := range out {
			replaced = replaced || d.DraftFormat == b.DraftFormat
		}
		if !replaced {
			out = append(out, b)
		}
	}
	return out
}

// Lookup finds the form whose drafts carry the format, or whose id is the given name.
func Lookup(name string) (*Definition, bool) {
	for _, d := range Known() {
		if d.DraftFormat == name || d.ID == name {
			return d, true
		}
	}
	return nil, false
}

// FormFormatPrefix starts the "format" of a draft of a form read from a definition file:
// "shenbao:" and the form's id. (The 名班主任 form's drafts keep the format they always had,
// liuzhou-mbzr-shenbao.) A draft with such a format names a form even when this program does
// not have it, so it is told apart from a file that is no draft at all.
const FormFormatPrefix = "shenbao:"

// UnknownFormError: the draft is of a form this program has no definition of.
type UnknownFormError struct{ Format string }

func (e *UnknownFormError) Error() string {
	return fmt.Sprintf("这份草稿属于另一种表格（“%s”），本程序里没有这种表格的定义：请把这种表格的定义文件（.toml）放进本程序的表格文件夹后再打开", e.Format)
}
