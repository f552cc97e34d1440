//go:build !windows

package forms

// winErrnoClass: only Windows has numbers without a POSIX name.
func winErrnoClass(uintptr) osClass { return osOther }
