#!/usr/bin/env bash
# Runs the Windows build under wine 10 (winebox) as a teacher would, and compares it with the
# Linux build (`make check-windows-run`; needs `make windows build` first, and root for the box).
#
#   tools/check-windows-run.sh [shots-dir]        (default build/winshots)
#
# 1. Every command, in a folder with Chinese and spaces (C:\users\Public\申报 材料), by the .exe
#    and by the console build .com (cmd's choice), and by bin/shenbao in a folder of the same
#    name: stdout, stderr (paths normalised: the folder → <DIR>, \ → /) and exit codes must be
#    equal, and every file the commands write (.docx, .pdf, .xlsx, drafts) byte for byte.
# 2. The window with a draft, photographed at 1366×768 into shots-dir: every page, the open
#    dialog, photo crop, an edit, the unsaved-changes question, the recovery offered after the
#    process is killed (autosave must be in %AppData%\shenbao), export and its result.
#
# The box is shared: this script uses its own wine prefix (WINRUN_PREFIX, default
# /root/.wine-check, made once from winebox's) and screen (WINEBOX_DISPLAY, default :97), and
# ends only its own prefix's programs (wineserver -k with that prefix).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
top=$(pwd)
WINEBOX=${WINEBOX:-${SHARED:-$top/../shared}/wine/winebox}
SHOTS=${1:-build/winshots}
EXE=dist/shenbao-windows-amd64.exe
COM=dist/shenbao-windows-amd64.com
LIN=bin/shenbao
PFX=${WINRUN_PREFIX:-/root/.wine-check}
export WINEBOX_DISPLAY=${WINEBOX_DISPLAY:-:97} WINEBOX_SCREEN=1366x768x24
for f in "$EXE" "$COM" "$LIN"; do [ -f "$f" ] || { echo "no $f: run make windows build" >&2; exit 2; }; done
[ -x "$WINEBOX" ] || { echo "no winebox at $WINEBOX (set WINEBOX)" >&2; exit 2; }

t0=$(date +%s)
# winebox binds the X server socket folder into its chroot; a fresh machine that never ran an
# X server has none, and the bind (so the whole setup) fails.
mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
"$WINEBOX" setup >/dev/null
ROOT=$("$WINEBOX" path)
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# inbox runs bash code (stdin) inside the box, with our prefix and a Chinese locale.
inbox() {
	{
		printf 'set -euo pipefail; export WINEPREFIX=%q LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 WINEDEBUG=-all\n' "$PFX"
		cat
	} | "$WINEBOX" shell
}

# Our own prefix, made once: a copy of winebox's (wineboot -i would take minutes).
if [ ! -f "$ROOT$PFX/system.reg" ]; then
	rm -rf "$ROOT$PFX"
	cp -a "$ROOT/root/.wine" "$ROOT$PFX"
fi
inbox <<'EOF'
wineserver -k 2>/dev/null || true
wine reg add 'HKCU\Control Panel\Desktop' /v LogPixels /t REG_DWORD /d 96 /f >/dev/null 2>&1
EOF

winuser="$ROOT$PFX/drive_c/users/root"
name='申报 材料'
wdir="$ROOT$PFX/drive_c/users/Public/$name"    # C:\users\Public\申报 材料
WDIR="C:\\users\\Public\\$name"
ldir="$top/build/winrun/$name"
rm -rf "$wdir" "$top/build/winrun" "$winuser/AppData/Roaming/shenbao"
mkdir -p "$wdir" "$ldir" "$ROOT/w/winrun"
cp "$EXE" "$ROOT/w/winrun/shenbao.exe"
cp "$COM" "$ROOT/w/winrun/shenbao.com"

# The inputs, the same on both sides: a draft with an 错误 (no host name) and a photo.
"$LIN" sample -o "$ldir/有 错误.json" >/dev/null
sed -i 's/"name": "覃晓岚"/"name": ""/' "$ldir/有 错误.json"
cp icon.png "$ldir/照片 一.png"
cp "$ldir/有 错误.json" "$ldir/照片 一.png" "$wdir/"

# One command a line, in shell words; <DIR> is the folder's absolute path on each side.
cmds=$(cat <<'EOF'
version
sample -o '示例 草稿.json'
check '示例 草稿.json'
check '有 错误.json'
export '示例 草稿.json' -o '导出 文件'
export '有 错误.json' -o '导出 错误'
export '有 错误.json' -o '导出 草稿' --draft
export '<DIR>/示例 草稿.json' -o '<DIR>/导出 绝对'
template -o '名单 模板.xlsx'
export-roster '示例 草稿.json' -o '名单 一.xlsx'
import-roster '有 错误.json' '名单 一.xlsx'
photo '有 错误.json' '照片 一.png'
summary . -o '汇总 表.xlsx'
check '没有 这个.json'
chekc '示例 草稿.json'
EOF
)

# Linux.
n=0
while IFS= read -r line; do
	n=$((n + 1))
	l=${line//<DIR>/$ldir}
	eval "set -- $l"
	(cd "$ldir" && "$top/$LIN" "$@" >"../lin.$n.out" 2>"../lin.$n.err"; echo $? >"../lin.$n.rc") || true
done <<<"$cmds"

# Windows: the same lines through wine, in the same folder; the .com for a few.
printf '%s\n' "$cmds" >"$ROOT/w/winrun/cmds.txt"
inbox <<EOF
cd "$PFX/drive_c/users/Public/$name"
n=0
while IFS= read -r line; do
	n=\$((n + 1))
	l=\${line//<DIR>/$(printf '%q' "$WDIR")}
	eval "set -- \$l"
	timeout 120 wine /w/winrun/shenbao.exe "\$@" >"/w/winrun/win.\$n.out" 2>"/w/winrun/win.\$n.err" && rc=0 || rc=\$?
	echo \$rc >"/w/winrun/win.\$n.rc"
done </w/winrun/cmds.txt
# The console build, as cmd runs it when one types the name without .exe.
printf '@echo off\r\nshenbao check "有 错误.json"\r\necho rc=%%errorlevel%%\r\nshenbao version\r\necho rc=%%errorlevel%%\r\n' |
	iconv -f utf-8 -t gbk >/w/winrun/com.bat
cp /w/winrun/shenbao.com /w/winrun/shenbao.exe .
timeout 120 wine cmd /c 'Z:\w\winrun\com.bat' >/w/winrun/com.out 2>&1 || true
rm -f shenbao.com shenbao.exe
EOF

norm() { # the folder's absolute path → <DIR>, Windows separators → /, no CR
	sed -e "s|$(printf '%s' "$WDIR" | sed 's/[\\|.]/\\&/g')|<DIR>|g" -e "s|$ldir|<DIR>|g" -e 's|\\|/|g' -e 's/\r$//' "$1"
}
n=0
while IFS= read -r line; do
	n=$((n + 1))
	w="$ROOT/w/winrun/win.$n" l="$top/build/winrun/lin.$n"
	bad=""
	[ "$(cat "$w.rc")" = "$(cat "$l.rc")" ] || bad="exit $(cat "$w.rc") on Windows, $(cat "$l.rc") on Linux"
	for s in out err; do
		if ! diff <(norm "$w.$s") <(norm "$l.$s") >/dev/null; then
			bad="$bad; std$s differs: $(diff <(norm "$w.$s") <(norm "$l.$s") | head -4 | tr '\n' ' ')"
		fi
	done
	[ -z "$bad" ] && ok "$line → exit $(cat "$l.rc")" || fail "$line: $bad"
done <<<"$cmds"
# Every file the commands wrote: byte for byte, except a PDF's creation time, and the folder
# separator in the paths a summary lists (\ on Windows, as Explorer shows them).
samefile() {
	cmp -s "$1" "$2" && return 0
	case $1 in
	*.pdf) cmp -s <(LC_ALL=C sed -E 's/CreationDate\(D:[^)]*\)//' "$1") <(LC_ALL=C sed -E 's/CreationDate\(D:[^)]*\)//' "$2") && note="$note ${1##*/}:CreationDate" ;;
	*.xlsx) python3 -c 'import sys, zipfile
a, b = (zipfile.ZipFile(f) for f in sys.argv[1:])
norm = lambda z: {n: z.read(n).replace(b"\\", b"/") for n in z.namelist()}
sys.exit(norm(a) != norm(b))' "$1" "$2" && note="$note ${1##*/}:\\" ;;
	*) false ;;
	esac
}
(cd "$ldir" && find . -type f | sort) >"$top/build/winrun/lin.files"
(cd "$wdir" && find . -type f | sort) >"$top/build/winrun/win.files"
if diff "$top/build/winrun/lin.files" "$top/build/winrun/win.files" >/dev/null; then
	same=0 differ="" note=""
	while IFS= read -r f; do
		samefile "$ldir/$f" "$wdir/$f" && same=$((same + 1)) || differ="$differ $f"
	done <"$top/build/winrun/lin.files"
	bytes=$(grep -c 'docx$' "$top/build/winrun/lin.files")
	[ -z "$differ" ] && ok "$same files equal, the $bytes .docx byte for byte (differing only in:${note:- nothing})" || fail "files differ:$differ"
else
	fail "different files written: $(diff "$top/build/winrun/lin.files" "$top/build/winrun/win.files" | grep '^[<>]' | tr '\n' ' ')"
fi
com=$(sed 's/\r$//' "$ROOT/w/winrun/com.out")
want="$(cat "$top/build/winrun/lin.4.out" "$top/build/winrun/lin.4.err")"
if [[ $com == *"rc=1"*"rc=0"* && $com == *"请填写主持人的姓名"* && $com == *"$(cat "$top/build/winrun/lin.1.out")"* ]]; then
	ok "console build from cmd: exit codes 1 and 0, Chinese output"
else
	fail "console build from cmd: got: $com (want the lines of: $want, rc=1, rc=0)"
fi
t1=$(date +%s)
echo "commands: $((t1 - t0)) s"

# ---- The window ----
mkdir -p "$SHOTS"
shots=$(cd "$SHOTS" && pwd)
rm -f "$shots"/*.png
"$LIN" sample -o "$wdir/窗口 草稿.json" >/dev/null
desk="$winuser/Desktop"
rm -f "$desk"/*.docx "$desk"/*.pdf 2>/dev/null || true
inbox <<EOF || fail "the window script stopped early (see the shots)"
shots=/w/winrun/shots; rm -rf \$shots; mkdir -p \$shots
title='柳州市名班主任工作室申报表'
start() { # start the app (arguments: a draft), wait for its window
	(cd /w/winrun && timeout 600 wine /w/winrun/shenbao.exe "\$@" >>/w/winrun/gui.log 2>&1 &)
	W=""
	for i in \$(seq 120); do
		W=\$(xdotool search --onlyvisible --name "\$title" 2>/dev/null | head -1) && [ -n "\$W" ] && break
		sleep 0.25
	done
	[ -n "\$W" ] || { echo "no window"; exit 1; }
	sleep 3
	xdotool windowactivate --sync \$W 2>/dev/null || true
	sleep 0.5
}
shot() { sleep "\${2:-1}"; import -window root "\$shots/\$1.png"; }
# The Windows build asks for files with the system's dialogs (wine's comdlg32), windows of their
# own: waited for by title, and gone again before the next step.
dialog() { for i in \$(seq 80); do xdotool search --onlyvisible --name "\$1" >/dev/null 2>&1 && return 0; sleep 0.25; done; echo "no dialog \$1"; exit 1; }
gone() { for i in \$(seq 80); do xdotool search --onlyvisible --name "\$1" >/dev/null 2>&1 || return 0; sleep 0.25; done; echo "dialog \$1 stayed open"; exit 1; }
click() { xdotool mousemove --window \$W "\$1" "\$2" click 1; }
nav() { click 60 \$((54 + \$1 * 415 / 10)); }

start '$WDIR\\窗口 草稿.json'
i=0
for page in 01-主持人 02-指导老师 03-工作室成员 04-近5年业绩 05-已设工作室 06-三年发展规划 07-检查 08-预览与导出; do
	nav \$i; shot \$page 2; i=\$((i + 1))
done
click 374 143; shot 08b-预览第2页 2                        # 下一页 (→ right of 第1页，共9页)
nav 8; shot 09-报送 2
xdotool key ctrl+o; dialog 打开草稿; shot 10-打开对话框 2; xdotool key Escape; gone 打开草稿
nav 0; sleep 2
# 调整位置和大小… is the button under 选择照片…, the only primary-blue button right of x=700.
import -window root /tmp/winrun-blue.png
blue=\$(convert /tmp/winrun-blue.png -crop 666x768+700+0 +repage txt:- | grep -i '#296FF6' | sed -n '1p;\$p' | cut -d: -f1 | tr '\n' ,) || true
IFS=, read -r x0 y0 x1 y1 _ <<<"\$blue"
[ -n "\$y1" ] || { echo "no 选择照片… button"; exit 1; }
xdotool mousemove \$((700 + (x0 + x1) / 2)) \$((y1 + (y1 - y0) / 2 + 6)) click 1
shot 11-调整照片 2; xdotool key Escape
sleep 1
nav 5; sleep 2                                             # the plan: type at its end
click 700 450; sleep 0.3; xdotool key ctrl+End; xdotool type --delay 200 ' Li Ming'
shot 12-修改后 3                                           # autosave within 2 s
xdotool key ctrl+n; shot 13-保存更改 1; xdotool key Escape
sleep 1
ls "\$WINEPREFIX/drive_c/users/root/AppData/Roaming/shenbao/autosave/" >/w/winrun/autosave.txt 2>&1 || true
grep -l 'Li Ming' "\$WINEPREFIX"/drive_c/users/root/AppData/Roaming/shenbao/autosave/* >>/w/winrun/autosave.txt 2>&1 || true
wineserver -k                                             # a crash: every program of this prefix, SIGKILL
sleep 2
start                                                      # the last draft, and the lost edit offered
shot 14-上次未保存的内容 1
xdotool key Return; sleep 1                                # 恢复
xdotool key ctrl+s; sleep 2
nav 7; sleep 2
# wine's folder picker takes no Enter on an empty name (Windows takes the folder shown): typed.
xdotool key ctrl+e; dialog 导出到哪个文件夹; shot 15-导出 2
xdotool type --delay 40 'C:\\users\\root\\Desktop'
xdotool key Return; gone 导出到哪个文件夹; shot 16-导出完成 6
xdotool key Return; sleep 1
wineserver -k
EOF
cp "$ROOT"/w/winrun/shots/*.png "$shots/" 2>/dev/null || true
# autosave.txt: the folder's listing, then the files holding the edit (grep -l).
if grep -q '/AppData/Roaming/shenbao/autosave/session-.*\.json$' "$ROOT/w/winrun/autosave.txt" 2>/dev/null; then
	ok "the edit autosaved in %AppData%\\shenbao\\autosave: $(grep -m1 'json$' "$ROOT/w/winrun/autosave.txt")"
else
	fail "no autosave with the edit in %AppData%\\shenbao: $(cat "$ROOT/w/winrun/autosave.txt" 2>/dev/null)"
fi
grep -q 'Li Ming"' "$wdir/窗口 草稿.json" && ok "recovered after the kill and saved with Ctrl+S" ||
	fail "the edit made before the kill was not recovered and saved into 窗口 草稿.json"
ls "$desk"/*.docx >/dev/null 2>&1 && ok "exported to the desktop: $(cd "$desk" && ls *.docx)" ||
	fail "nothing exported to C:\\users\\root\\Desktop"
got=$(ls "$shots"/*.png 2>/dev/null | wc -l)
[ "$got" -ge 17 ] && ok "$got screenshots in $SHOTS" || fail "$got screenshots in $SHOTS, want 17"
echo "window: $(($(date +%s) - t1)) s; total $(($(date +%s) - t0)) s"
[ "$fails" -eq 0 ] && echo PASS || { echo "$fails FAILED"; exit 1; }
