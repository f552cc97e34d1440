#!/usr/bin/env bash
# Makes the committed .docx fixtures of formimport's tests. Run it again only to change them;
# the tests never run it. Needs Go, LibreOffice (soffice) and python3-docx.
#   mbzr-ours.docx            the 名班主任 form's blank draft exported by shenbao (new, export)
#   mbzr-ours-lo.docx         it opened and saved again by LibreOffice
#   mbzr-python-docx.docx     the blank form as a bureau's clerk makes it in Word, without shenbao
#                             (template.py: its own grid 15.6 cm wide, labels as typed)
#   mbzr-python-docx-lo.docx  it saved again by LibreOffice
#   mbzr-wps.docx             it with the merges written the older way (w:hMerge, vMerge continue)
#   jxzc-ours.docx            the second form's (江西 职称评审表) blank draft exported by shenbao
#   jxzc-ours-lo.docx         it saved again by LibreOffice
#   jxzc-wps.docx             it with the merges written the older way
#   letter.docx, empty.docx, figures.docx   documents that are not forms
#   bureau-mszs.docx, bureau-mxz.docx, bureau-yxjs.docx, bureau-zcps.docx   other bureaus' blank
#                             forms, each as a different clerk makes it (bureau.py says how)
#   notice.docx, letter-table.docx   more documents that are not forms (bureau.py)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -tags no_emoji -o "$tmp/shenbao" .)
"$tmp/shenbao" new -o "$tmp/blank.json" >/dev/null
"$tmp/shenbao" export "$tmp/blank.json" -o "$tmp/out" >/dev/null 2>&1
cp "$tmp"/out/*.docx "$here/mbzr-ours.docx"
"$tmp/shenbao" new --form jiangxi-zcps-2017 -o "$tmp/blank-jx.json" >/dev/null
"$tmp/shenbao" export "$tmp/blank-jx.json" -o "$tmp/out-jx" >/dev/null 2>&1
cp "$tmp"/out-jx/*.docx "$here/jxzc-ours.docx"
chmod 644 "$here/mbzr-ours.docx" "$here/jxzc-ours.docx"
/usr/bin/python3 "$here/template.py" wps "$here/jxzc-ours.docx" "$here/jxzc-wps.docx"
/usr/bin/python3 "$here/template.py" mbzr "$here/mbzr-python-docx.docx"
/usr/bin/python3 "$here/template.py" wps "$here/mbzr-python-docx.docx" "$here/mbzr-wps.docx"
for k in letter empty figures; do
  /usr/bin/python3 "$here/template.py" "$k" "$here/$k.docx"
done
for k in mszs mxz yxjs zcps; do
  /usr/bin/python3 "$here/bureau.py" "$k" "$here/bureau-$k.docx"
done
/usr/bin/python3 "$here/bureau.py" notice "$here/notice.docx"
/usr/bin/python3 "$here/bureau.py" letter2 "$here/letter-table.docx"
mkdir -p "$tmp/lo-in"
cp "$here/mbzr-ours.docx" "$tmp/lo-in/mbzr-ours-lo.docx"
cp "$here/mbzr-python-docx.docx" "$tmp/lo-in/mbzr-python-docx-lo.docx"
cp "$here/jxzc-ours.docx" "$tmp/lo-in/jxzc-ours-lo.docx"
soffice -env:UserInstallation=file://"$tmp/profile" --headless --convert-to 'docx:MS Word 2007 XML' \
  --outdir "$tmp/lo" "$tmp/lo-in"/*.docx >/dev/null 2>&1
cp "$tmp"/lo/*.docx "$here/"
ls -l "$here"/*.docx
