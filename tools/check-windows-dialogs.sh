#!/usr/bin/env bash
# The system's file dialogs of the Windows build under wine 10 (wine's comdlg32 implements
# IFileOpenDialog): on the 报送 page 添加照片或 PDF 文件… must open the system's dialog as a window of
# its own, owned by the program's window, which keeps drawing (the dialog is moved off it and
# the covered part must come back as it was) but takes no clicks (modal); two page photos are
# Ctrl-clicked and opened; 写出扫描件和报送文件夹… asks for the folder the same way, and the
# scanned PDF written there must have those two pages. Then the settings must remember the
# folder of each dialog. Screenshots go to shots-dir. Needs root, `make windows build`.
#
#   tools/check-windows-dialogs.sh [shots-dir]     (default build/winshots)
#
# Own wine prefix (WINDLG_PREFIX, default /root/.wine-dialogs) and screen (WINEBOX_DISPLAY,
# default :93); ends only its own prefix's programs.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
top=$(pwd)
WINEBOX=${WINEBOX:-${SHARED:-$top/../shared}/wine/winebox}
SHOTS=${1:-build/winshots}
EXE=dist/shenbao-windows-amd64.exe
LIN=bin/shenbao
PFX=${WINDLG_PREFIX:-/root/.wine-dialogs}
export WINEBOX_DISPLAY=${WINEBOX_DISPLAY:-:93} WINEBOX_SCREEN=1366x768x24
for f in "$EXE" "$LIN"; do [ -f "$f" ] || { echo "no $f: run make windows build" >&2; exit 2; }; done
command -v pdfinfo >/dev/null && command -v pdftoppm >/dev/null || { echo "needs poppler-utils" >&2; exit 2; }
mkdir -p /tmp/.X11-unix && chmod 1777 /tmp/.X11-unix
"$WINEBOX" setup >/dev/null
ROOT=$("$WINEBOX" path)
[ -f "$ROOT$PFX/system.reg" ] || { rm -rf "$ROOT$PFX"; cp -a "$ROOT/root/.wine" "$ROOT$PFX"; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# A draft and the photos of its pages (its own PDF rendered at 100 dpi) in 申报 材料\, with
# Chinese and a space; the folder to send to exists (the dialog takes only existing ones).
w="$ROOT/w/windlg"
rm -rf "$w" "$ROOT$PFX/drive_c/users/root/AppData/Roaming/shenbao"
mkdir -p "$w/申报 材料" "$w/send" "$SHOTS"
cp "$EXE" "$w/shenbao.exe"
"$LIN" sample -o "$w/申报 材料/示例 草稿.json" >/dev/null
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$LIN" export "$w/申报 材料/示例 草稿.json" -o "$tmp" >/dev/null 2>&1
pdftoppm -r 100 -jpeg "$tmp"/*.pdf "$w/申报 材料/p"

inbox() {
	{
		printf 'set -euo pipefail; export WINEPREFIX=%q LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 WINEDEBUG=-all\n' "$PFX"
		cat
	} | "$WINEBOX" shell
}
inbox <<'EOF' >"$tmp/log" 2>&1 || fail "the window script stopped early: $(tail -3 "$tmp/log" | tr '\n' ' ')"
wineserver -k 2>/dev/null || true
shots=/w/windlg/shots; mkdir -p $shots
shot() { import -window root "$shots/$1.png"; }
waitw() { # waitw NAME: the visible window of that name, after it settles
	local id=""
	for i in $(seq 120); do id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1) && [ -n "$id" ] && break; sleep 0.25; done
	[ -n "$id" ] || { echo "no window $1"; exit 1; }
	sleep 1.5; echo "$id"
}
region() { convert "$shots/$1.png" -crop 190x360+38+80 +repage rgb:- | md5sum | cut -c1-32; } # the sidebar

(cd /w/windlg && timeout 600 wine ./shenbao.exe 'Z:\w\windlg\申报 材料\示例 草稿.json' >/w/windlg/gui.log 2>&1 &)
W=$(waitw '柳州市名班主任工作室申报表'); sleep 2
xdotool windowactivate --sync $W 2>/dev/null || true
xdotool mousemove --window $W 60 386 click 1; sleep 2            # 报送
shot dlg-1-报送
xdotool mousemove --window $W 305 194 click 1                     # 添加照片或 PDF 文件…
D=$(waitw '添加照片或扫描的 PDF')
shot dlg-2-系统对话框
echo "owner $(xprop -id $D WM_TRANSIENT_FOR | awk '{print $NF}') main $(printf '0x%x' $W)" >/w/windlg/owner.txt
xdotool windowmove $D 560 220; sleep 2
shot dlg-3-移开后
xdotool mousemove 80 101 click 1; sleep 1.5                       # 主持人, under the dialog: refused
shot dlg-4-点主窗口
echo "sidebar $(region dlg-1-报送) $(region dlg-3-移开后) $(region dlg-4-点主窗口)" >>/w/windlg/owner.txt
# The dialog lists p-1 … p-9 from its top row; p-1, then Ctrl on p-8.
xdotool mousemove --window $D 190 65 click 1; sleep 0.5
xdotool keydown ctrl mousemove --window $D 190 $((65 + 7 * 17)) click 1 keyup ctrl; sleep 0.8
shot dlg-5-选两张
xdotool key Return; sleep 1
xdotool search --onlyvisible --name '添加照片或扫描的 PDF' >/dev/null 2>&1 && { echo "the dialog stayed open"; exit 1; }
sleep 25                                                          # both pages straightened
shot dlg-6-已添加
xdotool mousemove --window $W 592 194 click 1; sleep 1.5         # 写出扫描件和报送文件夹…
# Two pages of nine: the program asks first (取消 is the default); Tab, Tab reaches 仍然写出.
xdotool key Tab; sleep 0.3; xdotool key Tab; sleep 0.3; xdotool key space
S=$(waitw '选择报送文件夹')
shot dlg-7-报送文件夹
xdotool type --delay 40 'Z:\w\windlg\send'; xdotool key Return; sleep 10
shot dlg-8-写出
wineserver -k
EOF
cp "$ROOT"/w/windlg/shots/*.png "$SHOTS/" 2>/dev/null || true

read -r _ owner _ main <"$w/owner.txt" 2>/dev/null || true
[ -n "${owner:-}" ] && [ "$owner" = "$main" ] && ok "the system's dialog is a window of its own, owned by the program's ($main)" ||
	fail "the dialog's owner is ${owner:-none}, the program's window ${main:-none}"
read -r _ before moved clicked < <(sed -n 2p "$w/owner.txt") || true
[ -n "${before:-}" ] && [ "$before" = "$moved" ] && ok "the program's window drew again where the dialog had covered it" ||
	fail "the sidebar after moving the dialog differs from before it opened (no repaint?)"
[ -n "${moved:-}" ] && [ "$moved" = "$clicked" ] && ok "a click on the window under the dialog changed nothing (modal)" ||
	fail "a click on the window under the dialog changed it"
pdf=$(ls "$w"/send/*.pdf 2>/dev/null | head -1)
pages=$([ -n "$pdf" ] && pdfinfo "$pdf" | awk '/^Pages:/{print $2}')
[ "${pages:-0}" = 2 ] && ok "the two pages Ctrl-clicked in the system's dialog reached the program: ${pdf##*/} has 2 pages" ||
	fail "the scanned PDF in send\\ has ${pages:-no} pages (want 2): $(ls "$w/send")"
set_json="$ROOT$PFX/drive_c/users/root/AppData/Roaming/shenbao/settings.json"
if grep -q '"scans": "Z:\\\\w\\\\windlg\\\\申报 材料"' "$set_json" && grep -q '"send": "Z:\\\\w\\\\windlg\\\\send"' "$set_json"; then
	ok "settings remember the folder of each dialog: $(tr -d '\n ' <"$set_json" | grep -o '"dirs":{[^}]*}')"
else
	fail "settings.json lacks the dialogs' folders: $(cat "$set_json" 2>/dev/null)"
fi
echo "screenshots: $SHOTS/dlg-*.png"
[ "$fails" -eq 0 ] && echo PASS || { echo "$fails FAILED"; exit 1; }
