// Package distcheck checks the packages `make windows` and `make linux` put in dist/ statically,
// without running them (Debian 12's wine cannot run programs built by Go 1.24 or later; `make
// check-windows-run` runs them under wine 10 instead, tools/check-windows-run.sh):
//
//	make windows check-windows   PE headers, GUI subsystem, icon, version information,
//	                             manifest, imported DLLs and size of the .exe; the .com
//	                             console build's subsystem and the same resources
//	make linux check-linux       the tarball's program, menu entry and icon
//
// Each test skips, saying so, when its package has not been built.
package distcheck
