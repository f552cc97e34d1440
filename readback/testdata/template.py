#!/usr/bin/python3
"""Builds the bureau's Word form from the notice's table, independently of shenbao, as a
teacher's Word would hold it, and fills it in "by hand".

The notice (柳教思政2024-35号-通知与申报表.txt) keeps the attachment's table as text: a cell
starts at a line beginning with a tab, its further lines follow, and a blank line before a tab
line ends the row. Each row becomes a Word table row over a 9-column grid (the person tables'
nine columns): the host rows' seven cells spread with gridSpan, the photo cell merged down over
three rows (vMerge), the headings across the table, label|content rows as two cells. Labels
keep their line breaks (主持人 / 姓名) and get the spaces teachers pad them with (性  别).

usage: template.py NOTICE.txt OUT.docx OUT.values.json [below | PHOTO.jpg]
  below: the host's values in the row under its labels instead of beside them.
  PHOTO.jpg: a picture put into the photo cell, under its label, as Word's 插入 → 图片 does.
Needs python3-docx (Debian: apt-get install python3-docx).
"""
import json
import sys

import docx
from docx.shared import Pt


def attachment_rows(path):
    text = open(path, encoding="utf-8").read()
    start = text.index("申报表\n\t") + len("申报表\n")
    rows, cells, pending_blank = [], None, False
    for line in text[start:].split("\n"):
        if line.startswith("\t"):
            if pending_blank and cells is not None:
                rows.append(cells)
                cells = None
            if cells is None:
                cells = []
            cells.append(line[1:])
            pending_blank = False
        elif line.strip() == "":
            pending_blank = True
        elif cells is not None:
            cells[-1] += ("\n\n" if pending_blank else "\n") + line
            pending_blank = False
    if cells:
        rows.append(cells)
    return [[c.rstrip("\n") for c in r] for r in rows]


# What the teacher typed, by the label of the cell it went next to (host) or by row.
HOST = {
    "主持人\n姓名": ("host.name", "黄丽娟"),
    "性别": ("host.gender", "女"),
    "出生年月": ("host.birth", "1980年5月"),
    "是否党员": ("host.partyMember", "是"),
    "职称": ("host.title", "中学一级教师"),
    "职务": ("host.post", "八年级班主任"),
    "从事班主任工作年限": ("host.years", "12"),
    "研究方向": ("host.research", "班级文化建设"),
    "联系电话": ("host.phone", "0772-2123456"),
    "工作单位": ("host.unit", "柳州市第八中学"),
    "结对帮扶县区": ("host.pairedCounty", "鹿寨县"),
}
ADVISERS = [["蒙德华", "男", "1968.09", "柳州市教育科学研究所", "所长", "正高级教师", "德育课程", "13807721111"]]
MEMBERS = [
    ["梁秋月", "女", "1990.10", "柳州市第八中学", "中学二级教师", "班主任", "家校共育", "13907722221"],
    ["陆子豪", "男", "1988.02", "柳州市第八中学", "中学一级教师", "年级组长", "心理健康", "13907722222"],
    ["覃美玲", "女", "1992.07", "鹿寨县第二中学", "中学二级教师", "班主任", "乡村学校班级管理", "13907722223"],
]
KEYS = {"advisers": ["name", "gender", "birth", "unit", "post", "title", "research", "mobile"],
        "members": ["name", "gender", "birth", "unit", "title", "post", "research", "mobile"]}
ACHIEVEMENTS = ["2020年以来担任八年级班主任，所带班级两次被评为柳州市先进班集体。",
                "主持市级课题《初中班级文化建设的实践研究》，已结题。"]
PLAN = ["一、指导思想：以立德树人为根本任务。", "二、工作目标：三年内培养10名骨干班主任。"]
PADDED = {"性别": "性  别", "职称": "职  称", "职务": "职  务"}

GRID = 9


def spans(n, below):
    """How a row of n cells spreads over the 9-column grid."""
    if below:
        return {1: [9], 2: [5, 4], 4: [2, 2, 3, 2], 9: [1] * 9}[n] if n != 2 else [5, 4]
    return {1: [9], 2: [2, 7], 4: [1, 4, 2, 2], 7: [1, 1, 1, 1, 1, 2, 2], 9: [1] * 9}[n]


def host_below(rows):
    """The host's rows as labels over values: l v l v l v photo → (l l l photo) (v v v ·)."""
    out = []
    for r in rows:
        if len(r) == 7:
            out.append(("labels", [r[0], r[2], r[4], r[6]]))
            out.append(("values", [r[0], r[2], r[4], ""]))
        elif len(r) == 4:
            out.append(("labels", [r[0], r[2]]))
            out.append(("values", [r[0], r[2]]))
        else:
            out.append(("form", r))
    return out


def set_text(cell, text):
    cell.text = ""
    lines = text.split("\n\n")  # a blank line in the notice: a new paragraph
    p = cell.paragraphs[0]
    for i, para in enumerate(lines):
        if i > 0:
            p = cell.add_paragraph()
        run = p.add_run(para)  # a single "\n" inside becomes a line break
        run.font.size = Pt(10.5)


def build(notice, out, values_out, below, photo=None):
    rows = attachment_rows(notice)
    doc = docx.Document()
    doc.add_paragraph("柳州市首批“名班主任工作室”申报表")
    kinds = host_below(rows) if below else [("form", r) for r in rows]
    table_rows = [r for _, r in kinds]
    table = doc.add_table(rows=len(table_rows), cols=GRID)
    table.style = "Table Grid"
    values = {}
    section, person_rows = None, {"advisers": ADVISERS, "members": MEMBERS}
    row_no = {"advisers": 0, "members": 0}
    photo_top = None
    for ri, cells in enumerate(table_rows):
        kind = kinds[ri][0]
        sp = spans(len(cells), below and kind != "form") if kind != "form" or not below else spans(len(cells), False)
        col = 0
        word_cells = []
        for ci, s in enumerate(sp):
            a = table.cell(ri, col)
            if s > 1:
                a = a.merge(table.cell(ri, col + s - 1))
            word_cells.append(a)
            col += s
        typed = []
        for ci, (wc, text) in enumerate(zip(word_cells, cells)):
            label = text
            if label in PADDED:
                text = PADDED[label]
            if kind == "values":
                if label in HOST:
                    path, v = HOST[label]
                    set_text(wc, v)
                    values[path] = v
                continue
            set_text(wc, text)
            if not below and len(cells) in (4, 7) and label in HOST and ci + 1 < len(cells):
                path, v = HOST[label]
                typed.append((word_cells[ci + 1], v))
                values[path] = v
        for wc, v in typed:  # typed into the cell right of its label
            set_text(wc, v)
        if cells[-1].startswith("近期") and photo_top is None:
            photo_top = ri
        if kind != "form":
            continue
        if len(cells) == 1:
            section = "advisers" if cells[0].startswith("指导") else "members"
        elif len(cells) == 9 and cells[0].strip().isdigit() and section:
            i = row_no[section]
            row_no[section] += 1
            if i < len(person_rows[section]):
                for k, v in enumerate(person_rows[section][i]):
                    set_text(word_cells[k + 1], v)
                    values["%s[%d].%s" % (section, i + 1, KEYS[section][k])] = v
        elif len(cells) == 2 and cells[0].startswith("主持人近5年"):
            set_text(word_cells[1], "\n\n".join(ACHIEVEMENTS))
            values["achievements"] = "\n".join(ACHIEVEMENTS)
        elif len(cells) == 2 and cells[0].startswith("已设立"):
            set_text(word_cells[1], "已成立的工作室名称：柳州市八中德育工作坊\n\n批准设立部门：")
            values["existingStudio.name"] = "柳州市八中德育工作坊"
            values["existingStudio.approvedBy"] = ""
        elif len(cells) == 2 and cells[0].startswith("工作室未来"):
            set_text(word_cells[1], cells[1] + "\n\n" + "\n\n".join(PLAN))
            values["plan"] = "\n".join(PLAN)
    # The photo cell: merged down over the host's first three label rows (and, laid out with
    # values below, over their value rows too).
    if photo_top is not None:
        last = photo_top + (5 if below else 2)
        top = table.cell(photo_top, 7)
        cell = top.merge(table.cell(last, 8))
        if photo:
            cell.add_paragraph().add_run().add_picture(photo, width=docx.shared.Mm(25))
            values["host.photo"] = "(picture)"
    doc.save(out)
    with open(values_out, "w", encoding="utf-8") as f:
        json.dump(values, f, ensure_ascii=False, indent=1, sort_keys=True)


if __name__ == "__main__":
    extra = sys.argv[4] if len(sys.argv) > 4 else ""
    build(sys.argv[1], sys.argv[2], sys.argv[3], extra == "below", extra if extra.endswith(".jpg") else None)
