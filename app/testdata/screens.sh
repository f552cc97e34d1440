#!/bin/sh
# Screenshots of every page of the app at 1366×768 under Xvfb, with the sample draft, plus
# the dialogs a teacher meets (open, a field with an error, crash recovery, export, a row
# left half filled, the last draft missing, a blank template made into a form). SIZE=1024x600
# photographs the pages and a new draft at that size instead (the clicks inside pages are
# placed for 1366×768).
#
#   app/testdata/screens.sh [out-dir]        (from the repository root; default screens/)
#   SIZE=1024x600 app/testdata/screens.sh screens-1024
#
# Needs Xvfb, xdotool and ImageMagick's import. Uses its own HOME, so the user's settings,
# recent drafts and autosave are not touched. The list at the left has its items about 41.5
# pixels apart from y = 54 (Fyne's default theme with our 15-pixel text); the script clicks
# them by position, as a user would.
set -eu
out=${1:-screens}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work=$(mktemp -d)
trap 'kill $app $xvfb 2>/dev/null || true; sleep 0.5; rm -rf "$work"' EXIT INT TERM

go build -tags no_emoji -o "$work/shenbao" . # as make builds it
template="$(pwd)/formimport/testdata/mbzr-python-docx.docx"
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" DISPLAY=${XVFB_DISPLAY:-:77}
mkdir -p "$HOME/Desktop" "$XDG_CONFIG_HOME"
size=${SIZE:-1366x768}
width=${size%x*} height=${size#*x}
Xvfb "$DISPLAY" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
"$work/shenbao" sample -o "$HOME/示例草稿.json" >/dev/null

start() { # start the app with arguments, wait for its window, fill the screen with it
	"$work/shenbao" "$@" >>"$out/app.log" 2>&1 &
	app=$!
	win=""
	for _ in $(seq 300); do # up to 30 s: a busy machine starts slowly
		win=$(xdotool search --onlyvisible --name '柳州市名班主任工作室申报表' 2>/dev/null | head -1) && [ -n "$win" ] && break
		sleep 0.1
	done
	sleep 1 # resized before the first frame, the window would return to its own size
	xdotool windowmove "$win" 0 0
	xdotool windowsize "$win" "$width" "$height"
	sleep 1
}
stop() { # end the app and wait until its window is gone
	kill $app
	while xdotool search --name '柳州市名班主任工作室申报表' >/dev/null 2>&1; do sleep 0.1; done
}
shot() { sleep "${2:-1}"; import -window root "$out/$1.png"; echo "$out/$1.png"; }
nav() { xdotool mousemove 60 $((54 + $1 * 415 / 10)) click 1; }

start "$HOME/示例草稿.json"
i=0
for name in 1-主持人 2-指导老师 3-工作室成员 4-近5年业绩 5-已设工作室 6-三年发展规划 7-检查 8-预览与导出; do
	nav $i
	shot "$name" 2
	i=$((i + 1))
done
nav 7
xdotool mousemove 374 143 click 1 # 下一页
shot 9-预览第2页 2

if [ "$size" != 1366x768 ]; then
	stop
	rm -f "$XDG_CONFIG_HOME/shenbao/settings.json" "$XDG_CONFIG_HOME"/shenbao/autosave/session-*
	start
	shot 20-新草稿 1
	nav 2
	shot 21-新草稿成员 1
	stop
	exit 0
fi

nav 0
xdotool mousemove 600 541 click 1 key ctrl+a type 3 # 从事班主任工作年限 → 3
xdotool mousemove 600 152 click 1                   # away, so the border shows
shot 10-年限错误 1
nav 6
shot 11-检查有错误 1

xdotool key ctrl+o
shot 12-打开对话框 1
xdotool key Escape
nav 0
xdotool mousemove 1113 417 click 1 # 调整位置和大小…
shot 13-调整照片 2
xdotool key Escape

# A crash with unsaved changes: the next start offers them back.
sleep 2 # autosave within 2 s
kill -9 $app
while xdotool search --name '柳州市名班主任工作室申报表' >/dev/null 2>&1; do sleep 0.1; done
start
shot 14-上次未保存的内容 0.5
xdotool key Return # 恢复 is the primary button
nav 7
shot 15-预览有错误 2
xdotool key ctrl+e
shot 16-导出有错误 1
xdotool key Return # 导出草稿
shot 17-选择文件夹 1
xdotool key Return # 选择这个文件夹 (the desktop)
shot 18-导出完成 3
xdotool key Return
xdotool key ctrl+n
shot 19-保存更改 1
xdotool key Escape
stop

# A new, empty draft.
rm -f "$XDG_CONFIG_HOME/shenbao/settings.json" "$XDG_CONFIG_HOME"/shenbao/autosave/session-*
start
shot 20-新草稿 1
nav 2
shot 21-新草稿成员 1
stop

# A name typed into an empty member row: nothing is marked until the row is left.
start
nav 2
xdotool mousemove 298 257 click 1
sleep 0.3
xdotool type --delay 300 张三 # slowly: xdotool remaps a key for each Chinese character
shot 22-成员行填写中 1
xdotool mousemove 800 600 click 1 # away from the row
shot 23-成员行离开后 1
stop

# The last draft is on a USB stick that is not plugged in.
rm -f "$XDG_CONFIG_HOME"/shenbao/autosave/session-*
"$work/shenbao" sample -o "$HOME/U盘草稿.json" >/dev/null
start "$HOME/U盘草稿.json"
stop
mv "$HOME/U盘草稿.json" "$work/away.json"
start
shot 24-找不到上次的草稿 1
stop

# A bureau's blank template opened: 按这份模板新建表格 lists the guessed form; 保存并新建 keeps
# it in the forms folder and shows a new draft of it.
rm -f "$XDG_CONFIG_HOME"/shenbao/autosave/session-*
start "$template"
shot 25-按模板新建表格 1
xdotool mousemove 683 400
for _ in $(seq 12); do xdotool click 5; sleep 0.05; done # the wheel, over the entries too
shot 26-按模板新建表格字段 1
xdotool mousemove 797 671 click 1 # 保存并新建
shot 27-已按模板新建表格 2
xdotool key Return
shot 28-导入的表格的草稿 1
kill $app
