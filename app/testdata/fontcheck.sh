#!/bin/sh
# Photographs the same screens twice under Xvfb: once with the system's fonts, once with them
# hidden (an empty tmpfs over every folder Fyne's font scanner reads, fontconfig pointed at an
# empty file), and compares the pictures pixel by pixel. The window draws only with its
# embedded fonts, so they must be identical; a character borrowed from a system font differs.
#
#   app/testdata/fontcheck.sh [out-dir]     (from the repository root; default fontcheck/)
#
# Needs root (unshare -m to hide the fonts only for the app), Xvfb, xdotool, ImageMagick.
# XVFB_DISPLAY (default :120) is the Xvfb display used; SHENBAO_BIN a program to check instead
# of building this tree. Exits 1 when a pair differs.
set -eu
out=${1:-fontcheck}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
disp=${XVFB_DISPLAY:-:120}
trap 'kill $xvfb 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT INT TERM

if [ -n "${SHENBAO_BIN:-}" ]; then cp "$SHENBAO_BIN" "$work/shenbao"; else go build -o "$work/shenbao" .; fi
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_CACHE_HOME="$work/cache" DISPLAY=$disp
mkdir -p "$HOME/Desktop" "$XDG_CONFIG_HOME"
Xvfb "$disp" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
"$work/shenbao" sample -o "$HOME/示例草稿.json" >/dev/null
# A picture for the photo page, so 调整位置和大小… and 删除照片 are shown.
convert -size 300x400 gradient:'#8090a0-#f0e0d0' "$HOME/照片.jpg"
"$work/shenbao" photo "$HOME/示例草稿.json" "$HOME/照片.jpg" >/dev/null

# Every folder go-text's fontscan reads on Linux (typesetting v0.3.5 fontscan/scan.go),
# when it exists.
fontdirs=""
for d in /usr/X11R6/lib/X11/fonts /usr/local/share/fonts /usr/share/fonts /usr/share/texmf/fonts/opentype/public; do
	[ -d "$d" ] && fontdirs="$fontdirs $d"
done
echo '<?xml version="1.0"?><fontconfig></fontconfig>' >"$work/empty-fonts.conf"

# run SUFFIX [hide]: starts the app (fonts hidden when hide is given), photographs the
# screens into $out/NAME-SUFFIX.png, closes it.
run() {
	suffix=$1
	rm -rf "$XDG_CACHE_HOME" "$XDG_CONFIG_HOME/shenbao"
	if [ "${2:-}" = hide ]; then
		unshare -m --propagation private sh -c '
			for d in $0; do mount -t tmpfs none "$d"; done
			export FONTCONFIG_FILE="$1" XDG_DATA_DIRS=/nonexistent
			exec "$2" "$3"' "$fontdirs" "$work/empty-fonts.conf" "$work/shenbao" "$HOME/示例草稿.json" \
			>>"$out/app.log" 2>&1 &
	else
		"$work/shenbao" "$HOME/示例草稿.json" >>"$out/app.log" 2>&1 &
	fi
	app=$!
	win=""
	for _ in $(seq 100); do
		win=$(xdotool search --onlyvisible --name '柳州市名班主任工作室申报表' 2>/dev/null | head -1) && [ -n "$win" ] && break
		sleep 0.1
	done
	[ -n "$win" ] || { echo "no window"; exit 1; }
	sleep 1
	xdotool windowmove "$win" 0 0 windowsize "$win" 1366 768
	sleep 1
	xdotool mousemove 1360 760 # no hover highlight
	shot() { sleep "${2:-1}"; xdotool mousemove 1360 760; sleep 0.3; import -window root "$out/$1-$suffix.png"; }
	nav() { xdotool mousemove 60 $((54 + $1 * 415 / 10)) click 1; }
	i=0
	for name in 1-主持人 2-指导老师 3-工作室成员 4-近5年业绩 5-已设工作室 6-三年发展规划 7-检查; do
		nav $i
		shot "$name" 2
		i=$((i + 1))
	done
	xdotool key ctrl+o
	shot 8-打开对话框 1
	xdotool key Escape
	nav 0
	sleep 1
	xdotool mousemove 1113 413 click 1 # 调整位置和大小…
	shot 9-调整照片 2
	xdotool key Escape
	kill $app
	wait $app 2>/dev/null || true
}

run system
run hidden hide
status=0
for f in "$out"/*-system.png; do
	g=${f%-system.png}-hidden.png
	n=$(compare -metric AE "$f" "$g" "${f%-system.png}-diff.png" 2>&1 || true)
	echo "$(basename "${f%-system.png}"): $n pixels differ"
	[ "$n" = 0 ] || status=1
done
exit $status
