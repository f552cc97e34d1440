#!/bin/sh
# Builds fonts/NotoSerifSC-Bold-subset.ttf, the bold face of the PDF (the form's title and
# labels): Noto Serif CJK SC Bold from Debian's fonts-noto-cjk, cut down by cjkbold.py to
# what charset.py lists (all of GB 2312, punctuation, symbols, full-width forms) and the
# characters of bold-chars.txt (the form's fixed text), outlines converted to TrueType.
# A label may then use any common character and still print bold.
#
# Usage (from anywhere):
#   fonts/subset-bold.sh [PATH/TO/NotoSerifCJK-Bold.ttc]
# Without an argument: /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc.
#
# bold-chars.txt is regenerated first:
#   - from BOLD_CHARS_FROM=<text file> if set (every character of that file),
#   - else from `go run ./fonts/labelchars` if that program exists,
#   - else the committed bold-chars.txt is kept as it is.
# A regenerated list always includes the BASE characters below.
#
# Needs (tools/debian-deps.sh installs them): python3 with fontTools (fonttools) and
# fonts-noto-cjk; go only when fonts/labelchars exists. Offline; about 20 seconds.
set -eu

# Characters every bold subset keeps, whatever the labels say: printable
# ASCII is added by the merge step; these are the full-width punctuation,
# digits and the words of the page furniture and draft stamp.
BASE='（）：，。、“”‘’《》【】—…·－／　０１２３４５６７８９柳州市首批“名班主任工作室”申报表第页共续草稿未通过检查盖章年月日'

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
chars="$here/bold-chars.txt"
out="$here/NotoSerifSC-Bold-subset.ttf"

# Debian's fontTools lives in /usr/bin/python3; a pyenv python3 first in PATH
# may not have it.
py=
for cand in python3 /usr/bin/python3; do
	if command -v "$cand" >/dev/null 2>&1 && "$cand" -c 'import fontTools' 2>/dev/null; then
		py=$cand
		break
	fi
done
if [ -z "$py" ]; then
	echo "subset-bold.sh: no python3 with fontTools (apt-get install fonttools)" >&2
	exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# merge_chars SRC...: writes bold-chars.txt as BASE + printable ASCII + every
# character of the SRC files, without line breaks/tabs, sorted by code point,
# 50 characters per line.
merge_chars() {
	BASE="$BASE" "$py" - "$chars" "$@" <<'EOF'
import os, sys
dst, srcs = sys.argv[1], sys.argv[2:]
cs = set(os.environ["BASE"]) | {chr(c) for c in range(0x20, 0x7F)}
for p in srcs:
    with open(p, encoding="utf-8") as f:
        cs |= set(f.read())
cs = sorted(c for c in cs if ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F)
with open(dst, "w", encoding="utf-8") as f:
    for i in range(0, len(cs), 50):
        f.write("".join(cs[i:i + 50]) + "\n")
print(f"bold-chars.txt: {len(cs)} characters", file=sys.stderr)
EOF
}

if [ -n "${BOLD_CHARS_FROM:-}" ]; then
	merge_chars "$BOLD_CHARS_FROM"
elif [ -d "$here/labelchars" ]; then
	(cd "$root" && go run ./fonts/labelchars) >"$tmp/labels.txt"
	merge_chars "$tmp/labels.txt"
else
	echo "subset-bold.sh: no fonts/labelchars, keeping committed bold-chars.txt" >&2
fi

"$py" "$here/charset.py" "$chars" >"$tmp/chars.txt"
if [ -n "${1:-}" ]; then set -- --ttc="$1"; fi
"$py" "$here/cjkbold.py" "$@" --family='Noto Serif SC' --text-file="$tmp/chars.txt" "$tmp/bold.ttf"

# Refuse a result that lost outlines type or characters, or whose advance widths differ from
# the regular face's where the layout needs them equal, so a bad font never gets committed
# silently.
"$py" - "$tmp/bold.ttf" "$chars" "$tmp/chars.txt" "$here/NotoSerifSC-Regular.ttf" <<'EOF'
import os, sys
from fontTools.ttLib import TTFont
out, chars, allchars, regular = sys.argv[1:5]
f = TTFont(out)
if "glyf" not in f or "CFF " in f:
    sys.exit("subset is not glyf-outline TrueType")
cmap = f.getBestCmap()
want = {c for c in open(chars, encoding="utf-8").read() if c not in "\r\n"}
lost = sorted(c for c in want if ord(c) not in cmap)
if lost:
    sys.exit("characters missing from the bold font: " + "".join(lost))
reg = TTFont(regular)
rcmap = reg.getBestCmap()
lost = sorted(c for c in open(allchars, encoding="utf-8").read() if ord(c) in rcmap and ord(c) not in cmap)
if lost:
    sys.exit("characters of the regular face missing from the bold one: " + "".join(lost))
# The layout sets CJK in 1-em cells: every CJK ideograph and full-width form is as wide in
# bold as in regular.
odd = [chr(cp) for cp, g in cmap.items()
       if (0x4E00 <= cp <= 0x9FFF or 0xFF01 <= cp <= 0xFF5E) and cp in rcmap
       and f["hmtx"][g][0] != reg["hmtx"][rcmap[cp]][0]]
if odd:
    sys.exit("bold advance widths differ from regular: " + "".join(odd))
size = os.path.getsize(out)
if size >= 4 << 20:
    sys.exit(f"bold font too big: {size} bytes")
print(f"NotoSerifSC-Bold-subset.ttf: {size} bytes, {len(cmap)} characters mapped", file=sys.stderr)
EOF
cp "$tmp/bold.ttf" "$out"
ls -l "$out"
