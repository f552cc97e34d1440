#!/usr/bin/env bash
# Makes the committed .docx fixtures of readback's tests. Run it again only to change
# them; the tests never run it. Needs Go, LibreOffice (soffice), python3-docx and ImageMagick.
#   ours.docx           the sample draft exported by shenbao
#   lo-resaved.docx     ours.docx opened and saved again by LibreOffice, as a Word user does
#   edited.docx         ours.docx edited afterwards (edit.py: phone, a member's name, the plan)
#   lo-edited.docx      lo-resaved.docx edited the same way
#   template-*.docx     the bureau's form built from the notice's table, filled by hand
#                       (template.py), values beside the labels (with the sample's photo
#                       inserted in the photo cell) and below them; the values typed are in
#                       template-*.values.json
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
SHARED=${SHARED:-$root/../shared}
notice="$SHARED/notice/柳教思政2024-35号-通知与申报表.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go run . sample -o "$tmp/sample.json" >/dev/null && go run . export "$tmp/sample.json" -o "$tmp/out" >/dev/null 2>&1)
cp "$tmp"/out/*.docx "$here/ours.docx"
soffice -env:UserInstallation=file://"$tmp/profile" --headless --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$tmp/lo" "$here/ours.docx" >/dev/null
cp "$tmp/lo/ours.docx" "$here/lo-resaved.docx"
/usr/bin/python3 "$here/edit.py" "$here/ours.docx" "$here/edited.docx"
/usr/bin/python3 "$here/edit.py" "$here/lo-resaved.docx" "$here/lo-edited.docx"
/usr/bin/python3 -c 'import base64, json, sys; d = json.load(open(sys.argv[1])); open(sys.argv[2], "wb").write(base64.b64decode(d["host"]["photo"]["data"]))' "$tmp/sample.json" "$tmp/photo.jpg"
convert "$tmp/photo.jpg" "$tmp/photo-jfif.jpg"   # python-docx wants a JFIF or EXIF header
/usr/bin/python3 "$here/template.py" "$notice" "$here/template-beside.docx" "$here/template-beside.values.json" "$tmp/photo-jfif.jpg"
/usr/bin/python3 "$here/template.py" "$notice" "$here/template-below.docx" "$here/template-below.values.json" below
ls -l "$here"/*.docx
