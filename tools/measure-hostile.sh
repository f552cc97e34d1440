#!/bin/sh
# Measures how long and how much memory shenbao takes on hostile inputs (issue 14): decoder
# bombs (as pictures and stored in drafts), huge and strange workbooks, a draft near the size
# limit, special files. Prints one line per run: exit code, seconds, peak memory (max RSS,
# from GNU time), the first line of what it said. Targets: every run under 10 s and 1 GB, a
# summary of several under 30 s, and no file of ours left behind.
#
#   tools/measure-hostile.sh [WORKDIR]     (default: a new folder under /tmp, removed after)
#
# Needs GNU time (/usr/bin/time, Debian package "time") and base64 (coreutils).
set -eu
export LC_ALL=C.UTF-8
ROOT=$(git rev-parse --show-toplevel)
WORK=${1:-$(mktemp -d)}
KEEP=${1:+yes}
mkdir -p "$WORK/in" "$WORK/out"
BIN=$WORK/shenbao
cd "$ROOT"
go build -o "$BIN" .
go test ./photo -count=1 -run "TestHostilePictures|TestNearLimitPictures" -args -hostile-out "$WORK/in" >/dev/null
go test ./roster -count=1 -run TestHostileWorkbooks -args -hostile-out "$WORK/in" >/dev/null
cp photo/testdata/animated.webp "$WORK/in/"
cd "$WORK"
"$BIN" sample -o sample.json >/dev/null
# A 24-megapixel HEIC, the largest accepted (ImageMagick with libheif; slow to make: opt in).
if [ "${MEASURE_HEIC:-}" = 1 ]; then
	convert -size 5712x4284 plasma:fractal -quality 60 in/near-24mp.heic
fi

# measure NAME CMD...: one line of results; a run over 60 s is stopped and shows as exit 124.
measure() {
	name=$1
	shift
	/usr/bin/time -f '%e %M' -o time.txt timeout 60 "$@" >out.txt 2>err.txt && code=0 || code=$?
	read -r secs kb <<EOT
$(tail -n 1 time.txt)
EOT
	printf '%-34s exit %-3s %6s s %6d MB  %s\n' "$name" "$code" "$secs" $((kb / 1024)) \
		"$(grep -v '^提醒：申报表须' err.txt | head -n 1 | LC_ALL=C.UTF-8 sed 's/^\(.\{70\}\).*/\1…/')"
}

# stored NAME PICTURE: a copy of the sample draft storing the picture as its photo, as a
# hand-made draft would.
stored() {
	base64 -w 0 "$2" >b64.txt
	awk 'BEGIN { getline d <"b64.txt" } /"data": "/ { sub(/"data": "[^"]*"/, "\"data\": \"" d "\"") } { print }' sample.json >"drafts/$1.json"
}

echo "== pictures: shenbao photo DRAFT PICTURE"
mkdir -p drafts
for p in in/*.jpg in/*.png in/*.heic in/*.webp; do
	cp sample.json d.json
	measure "photo $(basename "$p")" "$BIN" photo d.json "$p"
	[ "$code" = 0 ] || cmp -s d.json sample.json || echo "  !! refused, yet the draft changed"
	stored "$(basename "$p")" "$p"
done
echo "== drafts storing them: check, export --draft"
for d in drafts/*.json; do
	measure "check $(basename "$d")" "$BIN" check "$d"
	measure "export --draft $(basename "$d")" "$BIN" export "$d" -o out --draft
done
measure "summary of $(ls drafts | wc -l) such drafts" "$BIN" summary drafts -o summary.xlsx

echo "== workbooks: shenbao import-roster DRAFT WORKBOOK"
for x in in/*.xlsx; do
	cp sample.json d.json
	measure "import-roster $(basename "$x")" "$BIN" import-roster d.json "$x"
	cmp -s d.json sample.json || echo "  (the draft changed: imported)"
done

echo "== texts: a 19 MB plan of Latin letters"
head -c $((19 * 1024 * 1024)) /dev/zero | tr '\0' a >plan.txt
awk 'BEGIN { getline p <"plan.txt" } /"plan": "/ { sub(/"plan": "[^"]*"/, "\"plan\": \"" p "\"") } { print }' sample.json >big.json
measure "check big.json" "$BIN" check big.json
measure "export --draft big.json" "$BIN" export big.json -o out --draft
echo "== texts at their limits: 业绩 and 规划 of 20 000 characters each"
yes 柳 | head -n 20000 | tr -d '\n' >long.txt
awk 'BEGIN { getline p <"long.txt" } /"(plan|achievements)": "/ { sub(/": "[^"]*"/, "\": \"" p "\"") } { print }' sample.json >limit.json
measure "check limit.json" "$BIN" check limit.json
measure "export --draft limit.json" "$BIN" export limit.json -o out --draft

echo "== special files"
mkfifo fifo.json
measure "check FIFO" "$BIN" check fifo.json
measure "sample -o FIFO" "$BIN" sample -o fifo.json
measure "sample -o /dev/null" "$BIN" sample -o /dev/null
mkdir -p withfifo && cp sample.json withfifo/a.json && mkfifo withfifo/b.json
measure "summary of a folder with a FIFO" "$BIN" summary withfifo -o withfifo.xlsx
sed -n 's/.*"data": "\([^"]*\)".*/\1/p' sample.json | base64 -d >photo.jpg
cp sample.json ro.json && chmod 444 ro.json
measure "photo into a read-only draft" "$BIN" photo ro.json photo.jpg
cmp -s ro.json sample.json || echo "  !! the read-only draft changed"
cp sample.json ro2.json && chmod 444 ro2.json
measure "import-roster into read-only" "$BIN" import-roster ro2.json in/merged-to-last-row.xlsx

echo "== left behind"
find . -name '.*.tmp' -print
ls -d "${TMPDIR:-/tmp}"/excelize-* 2>/dev/null || true
[ -n "$KEEP" ] || rm -rf "$WORK"
