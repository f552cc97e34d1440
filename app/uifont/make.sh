#!/bin/sh
# Makes the window's two fonts with fontTools, offline, from files the repo and Debian hold:
#
# NotoSerifSC-UI.ttf: Noto Serif SC Regular (../../fonts/, SIL OFL 1.1, see ../../fonts/OFL.txt)
# cut down with pyftsubset to what ../../fonts/charset.py lists (GB 2312: the 6763 common hanzi
# and its symbols; Latin, punctuation, symbols, the full-width forms) and every non-ASCII
# character of the program's own Go sources and translations (labels, messages).
# Fyne parses its font whole: about 8 MB and 17 ms for this file against 50-85 MB and 160 ms
# for the full one. A draft holding a character outside it switches the window to the full
# font (theme.go), so nothing typed is ever drawn as a box.
#
# NotoSerifSC-UI-Bold.ttf: the same characters, every one that Noto Serif CJK SC Bold has in
# its bold outline (../../fonts/cjkbold.py takes them from Debian's fonts-noto-cjk
# NotoSerifCJK-Bold.ttc; boldmerge.py puts them into a copy of the UI font). Fyne draws
# buttons, form labels and titles bold; a character the bold face lacks would otherwise come
# from a system font, or be a box where there is none (Windows without Chinese fonts).
#
#   cd app/uifont && ./make.sh [PATH/TO/NotoSerifCJK-Bold.ttc]
# Needs python3 with fontTools (Debian: fonttools) and fonts-noto-cjk (tools/debian-deps.sh
# installs both); run after adding text to the program: TestUIFontHasTheProgramsText fails
# until then.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
py=
for cand in python3 /usr/bin/python3; do
	if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import fontTools' 2>/dev/null; then
		py=$cand
		break
	fi
done
[ -n "$py" ] || { echo "make.sh: no python3 with fontTools (apt-get install fonttools)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$py" - "$root" "$tmp/program.txt" <<'PY'
import os, sys
root, prog_out = sys.argv[1:3]
prog = set()
for d, _, files in os.walk(root):
    if "/." in d or "/testdata" in d:
        continue
    for f in files:
        if f.endswith(".go") and not f.endswith("_test.go") or f.endswith(".json") and "translations" in d:
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                prog.update(c for c in fh.read() if ord(c) > 0x7F)
open(prog_out, "w", encoding="utf-8").write("".join(sorted(prog)))
PY
"$py" "$root/fonts/charset.py" "$tmp/program.txt" >"$tmp/all.txt"
"$py" -m fontTools.subset "$root/fonts/NotoSerifSC-Regular.ttf" --text-file="$tmp/all.txt" \
	--layout-features='*' --name-IDs='*' --notdef-outline --output-file="$here/NotoSerifSC-UI.ttf"

# The bold outline of every character of the UI font that Noto Serif CJK SC Bold has.
"$py" - "$here/NotoSerifSC-UI.ttf" "$tmp/ui.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont
open(sys.argv[2], "w", encoding="utf-8").write("".join(chr(c) for c in sorted(TTFont(sys.argv[1]).getBestCmap()) if c >= 0x20))
PY
if [ -n "${1:-}" ]; then set -- --ttc="$1"; fi
"$py" "$root/fonts/cjkbold.py" "$@" --text-file="$tmp/ui.txt" "$tmp/bold.ttf"
"$py" "$here/boldmerge.py" "$here/NotoSerifSC-UI.ttf" "$tmp/bold.ttf" "$here/NotoSerifSC-UI-Bold.ttf"
ls -l "$here/NotoSerifSC-UI.ttf" "$here/NotoSerifSC-UI-Bold.ttf"
