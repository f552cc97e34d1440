#!/bin/sh
# Drives the real app under Xvfb as a new user would, and checks the files it leaves:
# type Chinese (as X key events carrying the characters, which is how an input method's
# committed text arrives), save with Ctrl+S, type on, kill -9, start again and restore,
# save, export through the dialogs. Exits non-zero at the first thing that is wrong.
#
#   app/testdata/e2e.sh        (from the repository root; needs Xvfb, xdotool)
set -eu
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT INT TERM
go build -tags no_emoji -o "$work/shenbao" . # as make builds it
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" DISPLAY=:79
mkdir -p "$XDG_CONFIG_HOME" "$HOME/Desktop"
Xvfb :79 -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
app=""

fail() { echo "FAIL: $*"; exit 1; }
start() {
	"$work/shenbao" "$@" >>"$work/app.log" 2>&1 &
	app=$!
	win=""
	for _ in $(seq 50); do
		win=$(xdotool search --onlyvisible --name '柳州市名班主任工作室申报表' 2>/dev/null | head -1) && [ -n "$win" ] && break
		sleep 0.1
	done
	[ -n "$win" ] || fail "no window"
	sleep 1
	xdotool windowmove "$win" 0 0
	xdotool windowsize "$win" 1366 768
	sleep 1
}
# typing: one character every 0.3 s: xdotool maps each character to a spare key code for a
# moment, and faster typing races the app reading that mapping.
say() { xdotool type --delay 300 "$1"; sleep 0.5; }
field() { xdotool mousemove 600 "$1" click 1; sleep 0.3; }

start
field 152 && say "黎明"           # 主持人姓名
xdotool key ctrl+s && sleep 1 && xdotool key Return && sleep 1 # the save dialog offers a name
saved="$HOME/柳州市名班主任工作室申报表-未填写-黎明.json"
grep -q '"name": "黎明"' "$saved" || fail "Ctrl+S did not save the typed name to $saved"
echo "ok: typed Chinese and saved $saved"

field 525 && say "柳州市第一中学"   # 工作单位, not saved
sleep 2                            # the autosave copy is written within 2 s
kill -9 $app
while xdotool search --name '柳州市名班主任工作室申报表' >/dev/null 2>&1; do sleep 0.1; done
grep -q "柳州市第一中学" "$saved" && fail "the unsaved text reached the draft file"

start                              # opens the most recent draft and offers the lost text
xdotool key Return && sleep 1      # 恢复
xdotool key ctrl+s && sleep 1
grep -q '"unit": "柳州市第一中学"' "$saved" || fail "the text typed before the crash was not restored"
echo "ok: restored after kill -9 and saved"

xdotool key ctrl+e && sleep 1      # export: the draft has 错误, so only a draft is offered
xdotool key Return && sleep 1      # 导出草稿
xdotool key Return && sleep 3      # the folder dialog opens on the desktop: 选择这个文件夹
for ext in docx pdf; do
	f="$HOME/Desktop/柳州市名班主任工作室申报表-柳州市第一中学-黎明.$ext"
	[ -s "$f" ] || fail "no $f"
done
echo "ok: exported the marked draft to the desktop"
kill $app
echo PASS
