#!/usr/bin/env bash
# Runs the Go tests of the Windows-only code under wine 10 (../shared/wine/winebox; root):
# the test binaries of the packages named (default: platform) are cross-compiled and run in
# the box, on a virtual screen, since some make windows (the input method's answers to
# WM_IME_REQUEST, platform/ime_windows_test.go). `make check-windows-test`.
#
#   tools/check-windows-test.sh [package...]      (default ./platform)
#
# Uses its own wine prefix (WINTEST_PREFIX, default /root/.wine-test, made once from
# winebox's) and screen (WINEBOX_DISPLAY, default :95); ends only its own prefix's programs.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
top=$(pwd)
WINEBOX=${WINEBOX:-${SHARED:-$top/../shared}/wine/winebox}
GO=${GO:-go}
PFX=${WINTEST_PREFIX:-/root/.wine-test}
export WINEBOX_DISPLAY=${WINEBOX_DISPLAY:-:95}
[ $# -gt 0 ] || set -- ./platform
[ -x "$WINEBOX" ] || { echo "no winebox at $WINEBOX (set WINEBOX)" >&2; exit 2; }
# winebox binds the X server socket folder into its chroot; a fresh machine that never ran an
# X server has none, and the bind (so the whole setup) fails.
mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
"$WINEBOX" setup >/dev/null
ROOT=$("$WINEBOX" path)
if [ ! -f "$ROOT$PFX/system.reg" ]; then
	rm -rf "$ROOT$PFX"
	cp -a "$ROOT/root/.wine" "$ROOT$PFX"
fi
mkdir -p "$ROOT/w/wintest"
fails=0
for pkg in "$@"; do
	name=$(basename "$pkg")
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $GO test -c -tags no_emoji -o "$ROOT/w/wintest/$name.test.exe" "$pkg"
	echo "== $pkg (windows/amd64, wine)"
	# The test binary's own exit code is the verdict; wine's messages are kept out.
	if printf 'export WINEPREFIX=%q WINEDEBUG=-all LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8\ncd /w/wintest && timeout 300 wine ./%q -test.count=1 -test.v 2>&1 | tr -d "\\r"; exit ${PIPESTATUS[0]}\n' \
		"$PFX" "$name.test.exe" | "$WINEBOX" shell; then
		echo "ok: $pkg"
	else
		echo "FAIL: $pkg"
		fails=$((fails + 1))
	fi
done
printf 'export WINEPREFIX=%q\nwineserver -k 2>/dev/null || true\n' "$PFX" | "$WINEBOX" shell >/dev/null 2>&1 || true
[ "$fails" -eq 0 ] && echo PASS || { echo "$fails FAILED"; exit 1; }
