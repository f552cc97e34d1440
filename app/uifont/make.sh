#!/bin/sh
# Makes the window's two fonts from Noto Serif SC (../../fonts/, SIL OFL 1.1, see
# ../../fonts/OFL.txt) with fontTools:
#
# NotoSerifSC-UI.ttf: the regular face cut down with pyftsubset to GB 2312 (the 6763 common
# hanzi and its symbols), Latin, general and CJK punctuation, the full-width forms and every
# non-ASCII character of the program's own Go sources and translations (labels, messages).
# Fyne parses its font whole: about 8 MB and 17 ms for this file against 50-85 MB and 160 ms
# for the full one. A draft holding a character outside it switches the window to the full
# font (theme.go), so nothing typed is ever drawn as a box.
#
# NotoSerifSC-UI-Bold.ttf: the same characters, with the bold outline for every character of
# the program's own text, ASCII and punctuation (boldmerge.py). Fyne draws buttons, form
# labels and titles bold; a character the bold face lacks would otherwise come from a system
# font, or be a box where there is none (Windows without Chinese fonts).
#
#   cd app/uifont && ./make.sh [PATH/TO/NotoSerifSC_700Bold.ttf]
# Without an argument the bold ttf is taken from the npm package fonts/README.md names.
# Needs python3 with fontTools (Debian: fonttools); run after adding text to the program:
# TestUIFontsHaveTheProgramsText fails until then.
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
"$py" - "$root" "$tmp/all.txt" "$tmp/program.txt" <<'PY'
import os, sys
root, all_out, prog_out = sys.argv[1:4]
prog = set()
for d, _, files in os.walk(root):
    if "/." in d or "/testdata" in d:
        continue
    for f in files:
        if f.endswith(".go") and not f.endswith("_test.go") or f.endswith(".json") and "translations" in d:
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                prog.update(c for c in fh.read() if ord(c) > 0x7F)
gb = set()
for b1 in range(0xA1, 0xF8):          # GB 2312, rows 1-87
    for b2 in range(0xA1, 0xFF):
        try:
            gb.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
open(all_out, "w", encoding="utf-8").write("".join(sorted(gb | prog)))
open(prog_out, "w", encoding="utf-8").write("".join(sorted(prog)))
PY
"$py" -m fontTools.subset "$root/fonts/NotoSerifSC-Regular.ttf" --text-file="$tmp/all.txt" \
	--unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+3000-303F,U+FF00-FFEF" \
	--layout-features='*' --name-IDs='*' --notdef-outline --output-file="$here/NotoSerifSC-UI.ttf"

bold=${1:-}
if [ -z "$bold" ]; then
	(cd "$tmp" && npm pack --silent '@expo-google-fonts/noto-serif-sc@0.4.3' >/dev/null &&
		tar xzf ./*.tgz package/700Bold/NotoSerifSC_700Bold.ttf)
	bold="$tmp/package/700Bold/NotoSerifSC_700Bold.ttf"
fi
"$py" -m fontTools.subset "$bold" --text-file="$tmp/program.txt" \
	--unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+3000-303F,U+FF00-FFEF" \
	--layout-features='' --no-hinting --name-IDs='*' --notdef-outline --output-file="$tmp/bold.ttf"
"$py" "$here/boldmerge.py" "$here/NotoSerifSC-UI.ttf" "$tmp/bold.ttf" "$here/NotoSerifSC-UI-Bold.ttf"
ls -l "$here/NotoSerifSC-UI.ttf" "$here/NotoSerifSC-UI-Bold.ttf"
