#!/bin/sh
# Makes NotoSerifSC-UI.ttf, the font the app's window draws with: Noto Serif SC Regular
# (../../fonts/, SIL OFL 1.1, see ../../fonts/OFL.txt) cut down with fontTools' pyftsubset to
# GB 2312 (the 6763 common hanzi and its symbols), Latin, general and CJK punctuation, the
# full-width forms, and every non-ASCII character of the program's own Go sources (labels,
# messages). Fyne parses its font whole: about 8 MB and 17 ms for this file against 50-85 MB
# and 160 ms for the full one. A draft holding a character outside it switches the window to
# the full font (theme.go), so nothing typed is ever drawn as a box.
#
#   cd app/uifont && ./make.sh      (needs pyftsubset and python3; run after adding text)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
python3 - "$root" >"$chars" <<'PY'
import os, sys
root = sys.argv[1]
out = set()
for b1 in range(0xA1, 0xF8):          # GB 2312, rows 1-87
    for b2 in range(0xA1, 0xFF):
        try:
            out.add(bytes([b1, b2]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
for d, _, files in os.walk(root):
    if "/." in d or "/testdata" in d:
        continue
    for f in files:
        if f.endswith(".go") and not f.endswith("_test.go") or f.endswith(".json") and "translations" in d:
            with open(os.path.join(d, f), encoding="utf-8") as fh:
                out.update(c for c in fh.read() if ord(c) > 0x7F)
sys.stdout.write("".join(sorted(out)))
PY
pyftsubset "$root/fonts/NotoSerifSC-Regular.ttf" --text-file="$chars" \
	--unicodes="U+0020-007E,U+00A0-00FF,U+2000-206F,U+2100-214F,U+2190-21FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+3000-303F,U+FF00-FFEF" \
	--layout-features='*' --name-IDs='*' --notdef-outline --output-file="$here/NotoSerifSC-UI.ttf"
ls -l "$here/NotoSerifSC-UI.ttf"
