#!/usr/bin/env bash
# Types pinyin into the Windows build under wine 10 with a real input method (fcitx5 over XIM,
# ../shared/wine/imebox) and checks that the candidate popup opens at the caret — in
# 主持人姓名 and in the plan's editor — rather than at the window's corner, where it opens
# when the program does not say where its caret is (platform/ime_windows.go). Needs root,
# `make windows` and `winebox setup`; `make check-windows-ime`.
#
#   tools/check-windows-ime.sh [shots-dir]        (default build/winshots)
#
# Uses its own wine prefix (WINRUN_PREFIX, as check-windows-run.sh) and screen (IMEBOX_DISPLAY,
# default :92).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
top=$(pwd)
SHARED=${SHARED:-$top/../shared}
WINEBOX=${WINEBOX:-$SHARED/wine/winebox}
IMEBOX=${IMEBOX:-$SHARED/wine/imebox}
SHOTS=${1:-build/winshots}
D=${IMEBOX_DISPLAY:-:92}
export WINEPREFIX=${WINRUN_PREFIX:-/root/.wine-check}
EXE=dist/shenbao-windows-amd64.exe
[ -f "$EXE" ] && [ -f bin/shenbao ] || { echo "run make windows build first" >&2; exit 2; }
# winebox binds the X server socket folder into its chroot; a fresh machine that never ran an
# X server has none, and the bind (so the whole setup) fails.
mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
"$WINEBOX" setup >/dev/null
ROOT=$("$WINEBOX" path)
[ -f "$ROOT$WINEPREFIX/system.reg" ] || cp -a "$ROOT/root/.wine" "$ROOT$WINEPREFIX"
"$IMEBOX" setup >/dev/null
# No autosave from an earlier run: its recovery question would cover the window.
rm -rf "$ROOT$WINEPREFIX/drive_c/users/root/AppData/Roaming/shenbao"
mkdir -p "$ROOT/w/winime" "$SHOTS"
cp "$EXE" "$ROOT/w/winime/shenbao.exe"
bin/shenbao sample -o "$ROOT/w/winime/输入 草稿.json" >/dev/null
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

"$IMEBOX" stop "$D" >/dev/null 2>&1 || true
"$IMEBOX" start "$D" >/dev/null
trap '"$IMEBOX" sh "$D" "wineserver -k" >/dev/null 2>&1 || true; "$IMEBOX" stop "$D" >/dev/null 2>&1 || true' EXIT
"$IMEBOX" run "$D" wine /w/winime/shenbao.exe 'Z:\w\winime\输入 草稿.json' >/dev/null
W=$("$IMEBOX" focus "$D" '柳州市名班主任工作室申报表')
sleep 2
geo=$("$IMEBOX" sh "$D" "xwininfo -id $W" | awk '/Absolute upper-left X/{x=$NF} /Absolute upper-left Y/{y=$NF} END{print x, y}')
read -r wx wy <<<"$geo"

# try NAME X Y XMIN XMAX YMIN YMAX: click at client (X, Y), type nihao, and the popup's
# top-left must fall in the client rectangle given; then commit 你好.
try() {
	local name=$1 x=$2 y=$3
	"$IMEBOX" sh "$D" "xdotool mousemove $((wx + x)) $((wy + y)) click 1" >/dev/null
	sleep 0.8
	"$IMEBOX" type "$D" nihao >/dev/null
	read -r px py _ _ state <<<"$("$IMEBOX" popup "$D")"
	"$IMEBOX" shot "$D" "$SHOTS/ime-$name.png" >/dev/null
	"$IMEBOX" key "$D" space >/dev/null
	local cx=$((px - wx)) cy=$((py - wy))
	if [ "$state" = viewable ] && [ "$cx" -ge "$4" ] && [ "$cx" -le "$5" ] && [ "$cy" -ge "$6" ] && [ "$cy" -le "$7" ]; then
		echo "ok: $name: candidates at ($px,$py) on screen, client ($cx,$cy), clicked at client ($x,$y)"
	else
		fail "$name: candidates at ($px,$py) $state, client ($cx,$cy); want client x $4..$5, y $6..$7 (clicked at $x,$y)"
	fi
}
# 主持人姓名: the page's first input box, found as the first run of 20+ rows of the input
# background (#F3F3F3) at client x 700 below the page's hint (the layout moves as the app
# changes). The click is right of the text, so the caret goes to its end: the popup must be
# on the field's line, between the field's left edge (about 360) and the click.
"$IMEBOX" sh "$D" "xdotool mousemove $((wx + 60)) $((wy + 54)) click 1" >/dev/null
sleep 1
"$IMEBOX" shot "$D" "$ROOT/w/winime/page.png" >/dev/null
fy=$(convert "$ROOT/w/winime/page.png" -crop 1x400+$((wx + 700))+$((wy + 100)) +repage txt:- |
	awk -F'[,: ]+' '/#F3F3F3/{if (n == 0) s = $2; n++; if (n >= 20) {print s + 10 + 100; exit}; next} {n = 0}') || true
[ -n "$fy" ] || { fail "no input box found on the 主持人 page"; exit 1; }
try 主持人姓名 656 "$fy" 300 656 $((fy - 30)) $((fy + 30))
# The plan: a click in the middle of the text puts the caret there.
"$IMEBOX" sh "$D" "xdotool mousemove $((wx + 60)) $((wy + 261)) click 1" >/dev/null
sleep 2
try 三年发展规划 596 421 566 626 401 446
[ "$fails" -eq 0 ] && echo PASS || { echo "$fails FAILED"; exit 1; }
