#!/usr/bin/python3
"""Fills a blank Word 申报表 "by hand", as a teacher does in Word, without shenbao: the value
typed into the empty cell beside its label (or the one below it), a tick put into the box of
the chosen option, the rows of a table typed under its head, a long text typed over its hint or
under it. What a draft of this program carried (a custom XML part) is taken out first: a
bureau's template has none, and read-back must then read the cells.

usage: fill.py SPEC.json BLANK.docx OUT.docx [TICK]
  SPEC.json   what is typed, in printed order (see the *.fill.json files beside this script):
              {"label": L, "value": V [, "where": "below"]}   a value beside (below) label L
              {"label": L, "tick": OPTION}                    the box of OPTION ticked (after
                                                              it, or before where boxes come first),
                                                              in the cell beside L or in L's own
                                                              cell (申报类别：□正常 □破格)
              {"text": L, "value": V, "hint": "over"|"under"} a long text in the cell beside L
              {"line": L, "value": V}   V typed after "L：" where a cell holds that line
              {"table": HEADING, "rows": [{COLUMN LABEL: V, ...}, ...]}  the rows under the
                          column heads that follow the table's heading, 序号 left as printed;
                          in a column of boxes (是 □ 否 □) the box of V ticked
              Labels are compared without spaces and line breaks (a label may be printed in
              two cells side by side: 外语考试情况 | 年度); each entry is looked for
              after the cell the previous one was typed in, as a person works down the form.
  TICK        the mark typed into a box (default ☑; √ as many type it).
Needs python3-docx (Debian: apt-get install python3-docx).
"""
import json
import sys

import docx
from docx.oxml.ns import qn

BOXES = "☐□○"


def norm(s):
    return "".join(ch for ch in s if not ch.isspace() and ch not in "*＊").rstrip(":：")


def cell_text(tc):
    return "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))


def continues(tc):
    """A cell Word shows as part of the one before it (vMerge continue, hMerge continue)."""
    pr = tc.find(qn("w:tcPr"))
    if pr is None:
        return False
    for tag in ("w:vMerge", "w:hMerge"):
        m = pr.find(qn(tag))
        if m is not None and m.get(qn("w:val")) in (None, "continue"):
            return True
    return False


def grid_start(tr, tc):
    col = 0
    for c in tr.iter(qn("w:tc")):
        if c is tc:
            return col
        pr = c.find(qn("w:tcPr"))
        span = pr.find(qn("w:gridSpan")) if pr is not None else None
        col += int(span.get(qn("w:val"))) if span is not None else 1
    return col


class Form:
    def __init__(self, doc):
        self.rows = []  # [tr, [tc...]] over every top-level table, in printed order
        for tbl in doc.element.body.iter(qn("w:tbl")):
            for tr in tbl.iter(qn("w:tr")):
                self.rows.append((tr, [tc for tc in tr.iter(qn("w:tc"))]))
        self.at = (0, -1)  # row, cell of the last cell typed in

    def cells_after(self):
        r0, c0 = self.at
        for r in range(r0, len(self.rows)):
            for c, tc in enumerate(self.rows[r][1]):
                if (r, c) > (r0, c0):
                    yield r, c, tc

    def find(self, label):
        """The label's cell; or, for a label printed in two cells side by side (外语考试情况 |
        年度), the second of them."""
        for r, c, tc in self.cells_after():
            if continues(tc):
                continue
            if norm(cell_text(tc)) == norm(label):
                return r, c
            cells = self.rows[r][1]
            if c + 1 < len(cells) and not continues(cells[c + 1]) and norm(cell_text(tc)) and \
                    norm(cell_text(tc) + cell_text(cells[c + 1])) == norm(label):
                return r, c + 1
        raise SystemExit("fill.py: label not found after row %d: %s" % (self.at[0], label))

    def boxes_in_label(self, label):
        """The next cell that prints label and its boxes in one (申报类别：□正常 □破格), if the
        label has no cell of its own first."""
        for r, c, tc in self.cells_after():
            text = norm(cell_text(tc))
            if text == norm(label):
                return None
            if text.startswith(norm(label)) and any(b in text for b in BOXES):
                return r, c
        return None

    def beside(self, r, c, empty=True):
        for c2 in range(c + 1, len(self.rows[r][1])):
            tc = self.rows[r][1][c2]
            if not continues(tc) and (not empty or norm(cell_text(tc)) == ""):
                return r, c2
        raise SystemExit("fill.py: no cell beside row %d cell %d" % (r, c))

    def below(self, r, c):
        tr, cells = self.rows[r]
        want = grid_start(tr, cells[c])
        tr2, cells2 = self.rows[r + 1]
        for c2, tc in enumerate(cells2):
            if grid_start(tr2, tc) == want:
                return r + 1, c2
        raise SystemExit("fill.py: no cell below row %d cell %d" % (r, c))

    def tc(self, rc):
        return self.rows[rc[0]][1][rc[1]]


def paragraphs(tc):
    return tc.findall(qn("w:p"))


def new_paragraph(tc, text, like=None):
    p = tc.makeelement(qn("w:p"), {})
    if like is not None and like.find(qn("w:pPr")) is not None:
        import copy
        p.append(copy.deepcopy(like.find(qn("w:pPr"))))
    r = p.makeelement(qn("w:r"), {})
    t = r.makeelement(qn("w:t"), {})
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    p.append(r)
    tc.append(p)


def type_into(tc, value, keep=False):
    """Types value (lines become paragraphs) into the cell, over what it held or under it."""
    old = paragraphs(tc)
    like = old[0] if old else None
    if not keep:
        for p in old:
            tc.remove(p)
    for line in value.split("\n"):
        new_paragraph(tc, line, like)


def tick(tc, option, mark):
    """Puts mark into the first box after option (正常 ☐ → 正常 ☑), or into the box before it
    where the cell's boxes come first (□男 □女 → □男 ☑女)."""
    text = "".join(ch for ch in cell_text(tc) if not ch.isspace())
    if text[-1:] not in BOXES:  # the boxes come first: □男 □女, 申报类别：□正常 □破格
        return tick_before(tc, option, mark)
    seen = False
    for t in tc.iter(qn("w:t")):
        text = t.text or ""
        i = text.find(option) if not seen else 0
        if not seen and i >= 0:
            seen, text_from = True, i + len(option)
        elif seen:
            text_from = 0
        else:
            continue
        for k in range(text_from, len(text)):
            if text[k] in BOXES:
                t.text = text[:k] + mark + text[k + 1:]
                return
    raise SystemExit("fill.py: no box after option %s" % option)


def tick_before(tc, option, mark):
    """Puts mark into the box right before option, spaces between allowed, in one run."""
    for t in tc.iter(qn("w:t")):
        text = t.text or ""
        i = text.find(option)
        while i >= 0:
            k = i - 1
            while k >= 0 and text[k] in " \u3000":
                k -= 1
            if k >= 0 and text[k] in BOXES:
                t.text = text[:k] + mark + text[k + 1:]
                return
            i = text.find(option, i + 1)
    raise SystemExit("fill.py: no box before option %s" % option)


def fill_table(form, heading, rows, mark):
    r, c = form.find(heading)
    head = [norm(cell_text(tc)) for tc in form.rows[r][1]]
    if not any(norm(label) in head for label in rows[0]):
        r += 1  # the column heads, under the heading (unless beside it: 主要学习经历 merged down the left)
        head = [norm(cell_text(tc)) for tc in form.rows[r][1]]
    for i, row in enumerate(rows):
        cells = form.rows[r + 1 + i][1]
        for label, value in row.items():
            tc = cells[head.index(norm(label))]
            if any(b in cell_text(tc) for b in BOXES):
                tick(tc, value, mark)  # a column of boxes (是 □ 否 □): the value ticked
            else:
                type_into(tc, value)
    form.at = (r + len(rows), len(form.rows[r + len(rows)][1]) - 1)


def type_after_line(form, label, value):
    """Types value at the end of the paragraph that reads label (已成立的工作室名称：…)."""
    for r, c, tc in form.cells_after():
        for p in paragraphs(tc):
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            if norm(text) == norm(label) and text.strip():
                ts = list(p.iter(qn("w:t")))
                ts[-1].text = (ts[-1].text or "") + value
                return r, c - 1  # the next line may be in the same cell
    raise SystemExit("fill.py: no line %s after row %d" % (label, form.at[0]))


def strip_draft(doc):
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/customXml"):
            del doc.part.rels[rid]


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    doc = docx.Document(sys.argv[2])
    mark = sys.argv[4] if len(sys.argv) > 4 else "☑"
    strip_draft(doc)
    form = Form(doc)
    for e in spec["entries"]:
        if "table" in e:
            fill_table(form, e["table"], e["rows"], mark)
            continue
        if "line" in e:
            form.at = type_after_line(form, e["line"], e["value"])
            continue
        if "tick" in e and form.boxes_in_label(e["label"]):
            form.at = form.boxes_in_label(e["label"])
            tick(form.tc(form.at), e["tick"], mark)
            continue
        r, c = form.find(e.get("label") or e.get("text"))
        if "tick" in e:
            at = form.beside(r, c, empty=False)
            tick(form.tc(at), e["tick"], mark)
        elif "text" in e:
            at = form.beside(r, c, empty=False)
            type_into(form.tc(at), e["value"], keep=e.get("hint") == "under")
        else:
            at = form.below(r, c) if e.get("where") == "below" else form.beside(r, c)
            type_into(form.tc(at), e["value"])
            if e.get("where") == "below":
                at = (r, c)  # the next label may be beside this one, above the value typed
        form.at = at
    doc.save(sys.argv[3])


if __name__ == "__main__":
    main()
