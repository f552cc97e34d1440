//go:build !windows

package main

// On Linux the program is an ordinary terminal program: nothing to attach.

func useParentConsole(hasArgs bool) (done func()) { return func() {} }

func leaveConsole() {}
