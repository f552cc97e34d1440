#!/usr/bin/env bash
# Makes the hand-filled documents of the read-back and import tests (fixtures.json lists them):
# each blank template of formimport/testdata filled by fill.py as a teacher fills it in Word,
# without shenbao. Run it again only to change them; the tests never run it. Needs python3-docx.
#   jxzc.docx       the 江西 form's blank template, ticked with ☑
#   jxzc-wps.docx   the same with WPS's older merges (hMerge, vMerge continue), ticked with √
#   mbzr-clerk.docx       the 名班主任 form as a clerk made it in Word (mbzr-python-docx.docx)
#   mbzr-clerk-wps.docx   it with WPS's older merges (mbzr-wps.docx)
#   bureau-mszs.docx, bureau-mxz.docx, bureau-yxjs.docx, bureau-zcps.docx   other bureaus' forms
#                   (formimport/testdata/bureau.py), read as the form imported from each;
#                   fixtures.json names no shipped form for them
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
tpl=$(cd "$here/../../../formimport/testdata" && pwd)
/usr/bin/python3 "$here/fill.py" "$here/jxzc.fill.json" "$tpl/jxzc-ours.docx" "$here/jxzc.docx"
/usr/bin/python3 "$here/fill.py" "$here/jxzc.fill.json" "$tpl/jxzc-wps.docx" "$here/jxzc-wps.docx" √
/usr/bin/python3 "$here/fill.py" "$here/mbzr.fill.json" "$tpl/mbzr-python-docx.docx" "$here/mbzr-clerk.docx"
/usr/bin/python3 "$here/fill.py" "$here/mbzr.fill.json" "$tpl/mbzr-wps.docx" "$here/mbzr-clerk-wps.docx"
for k in mszs mxz yxjs zcps; do
  /usr/bin/python3 "$here/fill.py" "$here/bureau-$k.fill.json" "$tpl/bureau-$k.docx" "$here/bureau-$k.docx"
done
ls -l "$here"/*.docx
