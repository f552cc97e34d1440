#!/usr/bin/python3
"""Edits one of our exported .docx files as a teacher would in Word after exporting it: the
phone number corrected, a member's name changed, a sentence added to the plan. python-docx
keeps every other part (the carried draft included), as Word does.

usage: edit.py IN.docx OUT.docx
"""
import sys

import docx

EDITS = {"13877215630": "13907720001", "梁振宇": "韦小明"}
ADDED = "（2024年7月补充）"


def main(src, out):
    doc = docx.Document(src)
    done = set()
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for run in p.runs:
                        for old, new in EDITS.items():
                            if old in run.text and old not in done:
                                run.text = run.text.replace(old, new)
                                done.add(old)
    # The plan: the first paragraph that starts with 一、 gets a sentence at its end.
    for table in doc.tables:
        for cell in {id(c): c for row in table.rows for c in row.cells}.values():
            for p in cell.paragraphs:
                if p.text.startswith("一、") and "plan" not in done:
                    p.runs[-1].text += ADDED
                    done.add("plan")
    if len(done) != 3:
        sys.exit("edit.py: not every edit was made: %s" % sorted(done))
    doc.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
