#!/bin/sh
# Measures the app under Xvfb at 1366×768 with the sample draft:
#  - start to first drawn window (the list at the left painted), 5 runs, with the CPU time the
#    program had used by then (a busy machine stretches the first, not the second);
#  - resident memory with the sample open, after visiting every page (preview included);
#  - switching blocks: click in the list → the new page's heading on screen, timed by
#    clickwait.c (XTest click, then XGetImage of one pixel in a loop), twice round the list;
#    the app's own trace (SHENBAO_TRACE=1) says how long building or showing each page took.
#  - package initialisation of a command (GODEBUG=inittrace=1 shenbao version), summed over
#    packages, median of 5 runs, and the three packages that cost most.
# Start-up is timed by polling the screen with ImageMagick (20-100 ms a capture), so each
# figure is a range: not drawn in the capture started at the first, drawn in the second.
#
#   app/testdata/measure.sh        (from the repository root)
set -eu
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT INT TERM
go build -tags no_emoji -o "$work/shenbao" . # as make builds it
gcc -O2 -o "$work/clickwait" app/testdata/clickwait.c -lX11 -lXtst
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" DISPLAY=${XVFB_DISPLAY:-:78}
mkdir -p "$XDG_CONFIG_HOME"
Xvfb "$DISPLAY" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
"$work/shenbao" sample -o "$work/sample.json" >/dev/null

now() { date +%s%N; }
pixel() { import -window root -crop "1x1+$1+$2" -depth 8 txt:- 2>/dev/null | tail -1 | grep -o '#[0-9A-F]\{6\}'; }
# waitpixel x y colour: polls until the pixel differs from colour; sets before/after to the
# start times of the last capture without the change and the first with it.
waitpixel() {
	before=$(now)
	for _ in $(seq 400); do
		after=$(now)
		[ "$(pixel "$1" "$2")" != "$3" ] && return 0
		before=$after
	done
	return 1
}

echo "package initialisation of 'shenbao version' (ms, 5 runs; the median is the figure):"
for run in 1 2 3 4 5; do
	GODEBUG=inittrace=1 "$work/shenbao" version 2>&1 >/dev/null | awk '/^init / {t += $5} END {printf "%.1f\n", t}'
done | sort -n | tr '\n' ' ' | awk '{print "  " $0 " → median " $3}'
echo "  costliest packages:"
GODEBUG=inittrace=1 "$work/shenbao" version 2>&1 >/dev/null | sort -k5 -n -r | head -3 | awk '{print "    " $2, $5, "ms"}'

echo "start to first drawn window (ms):"
for run in 1 2 3 4 5; do
	xsetroot -solid black 2>/dev/null || true
	t0=$(now)
	SHENBAO_TRACE=1 "$work/shenbao" "$work/sample.json" >"$work/trace.log" 2>&1 &
	app=$!
	waitpixel 100 54 "$(pixel 100 54)" || true # the selected 主持人 item's highlight
	# CPU time the program used until then (user + system, clock ticks of 10 ms): what the
	# start costs, whatever else the machine is doing at the same time.
	cpu=$(awk '{print ($14 + $15) * 10}' /proc/$app/stat)
	echo "  run $run: $(((before - t0) / 1000000))–$(((after - t0) / 1000000)) (CPU time $cpu ms)"
	if [ $run -lt 5 ]; then kill $app; wait $app 2>/dev/null || true; sleep 0.5; fi
done

sleep 1
win=$(xdotool search --onlyvisible --name '柳州市名班主任工作室申报表' | head -1)
xdotool windowmove "$win" 0 0
xdotool windowsize "$win" 1366 768
sleep 1
rss() { awk '/VmRSS/ {r = int($2/1024)} /VmHWM/ {p = int($2/1024)} END {print r " MB (peak " p " MB)"}' /proc/$app/status; }
echo "resident memory after start: $(rss)"

echo "switching blocks (ms, click → new heading on screen), 指导老师 … 三年发展规划, 主持人, twice:"
for i in 1 2 3 4 5 0 1 2 3 4 5 0; do
	printf '  %s' "$("$work/clickwait" 60 $((54 + i * 415 / 10)) 240 60)"
	sleep 0.3
done
echo
xdotool mousemove 60 $((54 + 7 * 415 / 10)) click 1 # 预览与导出
sleep 3
xdotool mousemove 60 $((54 + 6 * 415 / 10)) click 1 # 检查
sleep 1
echo "resident memory after every page and the preview: $(rss)"
echo "the app's trace of the last run (page build or show times):"
grep '^trace:' "$work/trace.log" | sed 's/^/  /'

