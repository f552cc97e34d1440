#!/bin/sh
# Builds fonts/NotoSerifSC-Bold-subset.ttf: the bold weight of Noto Serif SC
# cut down to the characters listed in fonts/bold-chars.txt. Bold is only used
# for the form's fixed labels and title, so a few hundred glyphs (well under
# 1 MB) replace the 14.8 MB full font.
#
# Usage (from anywhere):
#   fonts/subset-bold.sh [PATH/TO/NotoSerifSC_700Bold.ttf]
# Without an argument the bold ttf is taken from the npm package below,
# fetched with `npm pack` into a temporary directory.
#
# bold-chars.txt is regenerated first:
#   - from BOLD_CHARS_FROM=<text file> if set (every character of that file),
#   - else from `go run ./fonts/labelchars` if that program exists,
#   - else the committed bold-chars.txt is kept as it is.
# A regenerated list always includes the BASE characters below.
#
# Needs: python3 with fontTools (Debian: apt-get install fonttools), npm only
# when no ttf path is given, go only when fonts/labelchars exists.
set -eu

NPM_PKG='@expo-google-fonts/noto-serif-sc@0.4.3'
NPM_TTF='package/700Bold/NotoSerifSC_700Bold.ttf'

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

src=${1:-}
if [ -z "$src" ]; then
	(cd "$tmp" && npm pack --silent "$NPM_PKG" >/dev/null && tar xzf ./*.tgz "$NPM_TTF")
	src="$tmp/$NPM_TTF"
fi

# TrueType (glyf) outlines stay as they are; hinting is dropped (the PDF and
# screen renderers do not need it); all name records are kept so the licence
# notice (name IDs 0, 7, 13, 14) travels with the file as the OFL requires.
"$py" -m fontTools.subset "$src" \
	--text-file="$chars" \
	--output-file="$out" \
	--no-hinting \
	--name-IDs='*' \
	--notdef-outline

# Refuse a result that lost outlines type or characters, so a bad subset
# never gets committed silently.
"$py" - "$out" "$chars" <<'EOF'
import os, sys
from fontTools.ttLib import TTFont
out, chars = sys.argv[1], sys.argv[2]
f = TTFont(out)
if "glyf" not in f or "CFF " in f:
    sys.exit("subset is not glyf-outline TrueType")
cmap = f.getBestCmap()
want = {c for c in open(chars, encoding="utf-8").read() if c not in "\r\n"}
lost = sorted(c for c in want if ord(c) not in cmap)
if lost:
    sys.exit("characters missing from the bold font: " + "".join(lost))
size = os.path.getsize(out)
if size >= 1 << 20:
    sys.exit(f"subset too big: {size} bytes")
print(f"{out}: {size} bytes, {len(cmap)} characters mapped", file=sys.stderr)
EOF
