// Package distcheck checks the packages `make windows` and `make linux` put in dist/, without
// running them on Windows (Debian's wine cannot run programs built by Go 1.24 or later):
//
//	make windows check-windows   PE headers, GUI subsystem, icon, version information,
//	                             manifest, imported DLLs and size of the .exe
//	make linux check-linux       the tarball's program, menu entry and icon
//
// Each test skips, saying so, when its package has not been built.
package distcheck
