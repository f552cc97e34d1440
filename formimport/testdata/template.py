#!/usr/bin/python3
"""Builds blank templates of the 名班主任 form as a bureau's clerk makes them in Word, without
shenbao, and documents that are not forms, for formimport's tests.

  template.py mbzr OUT.docx        the blank form: a title above one table, on a grid of its own
                                   15.6 cm wide (the importer scales it to 146.5 mm); labels as
                                   typed (主持人 / 姓名 with a line break, 性  别 padded), the
                                   photo cell merged down three rows, the person tables headed
                                   序号 with numbered rows, tall cells with the hint, opinion
                                   boxes with （盖  章） and 年  月  日
  template.py wps IN.docx OUT.docx  IN with its merges written the older way WPS and Word 2003
                                   write them, in every table: w:hMerge restart/continue cells
                                   instead of w:gridSpan, w:vMerge w:val="continue"
  template.py letter OUT.docx      a letter: paragraphs, no table
  template.py empty OUT.docx       an empty document
  template.py figures OUT.docx     a table of figures
Needs python3-docx (Debian: apt-get install python3-docx).
"""
import copy
import sys

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

WIDTH = 156.0  # mm: the clerk's table, wider than the format's 146.5
SCALE = WIDTH / 146.5

# The rows of the form, cells as (text, right edge in the format's mm). The edges are those of
# forms/defs/liuzhou-mbzr-2024.toml; "" is an empty cell; PHOTO starts the photo cell, MERGED
# is its part in the rows below.
PHOTO, MERGED = "近期\n1寸照片", None
HOST = [
    [("主持人\n姓名", 15.5), ("", 30.5), ("性  别", 46), ("", 75.2), ("出生年月", 90.7), ("", 118.5), (PHOTO, 146.5)],
    [("是否党员", 15.5), ("", 30.5), ("职  称", 46), ("", 75.2), ("职  务", 90.7), ("", 118.5), (MERGED, 146.5)],
    [("从事班主任工作年限", 15.5), ("", 30.5), ("研究方向", 46), ("", 75.2), ("联系电话", 90.7), ("", 118.5), (MERGED, 146.5)],
    [("工作单位", 15.5), ("", 80.2), ("结对帮扶县区", 95.7), ("", 146.5)],
]
PERSON = [11.3, 26.3, 37.6, 54.8, 74.3, 89.3, 104.3, 120.1, 146.5]
ADVISERS = ["序号", "姓名", "性别", "出生年月", "所在单位", "职务", "职称", "研究方向", "手机号码"]
MEMBERS = ["序号", "姓名", "性别", "出生年月", "所在单位", "职称", "职务", "研究方向", "手机号码"]
HINT = "（大概内容：指导思想，工作目标，工作室制度，研究内容，工作进展步骤和时间分布等。字数要求：3000字内。可另附纸。）"


def rows():
    """Every row: (cells, height in mm)."""
    out = [(r, 13 if len(r) == 7 else 10) for r in HOST]
    for heading, labels, n in (("指导老师基本情况", ADVISERS, 2), ("工作室成员基本情况", MEMBERS, 5)):
        out.append(([(heading, 146.5)], 9))
        out.append((list(zip(labels, PERSON)), 9))
        for i in range(n):
            out.append(([(str(i + 1), PERSON[0])] + [("", e) for e in PERSON[1:]], 9))
    out.append(([("主持人近5年从事班主任工作方面的主要业绩及成果", 15.5), ("", 146.5)], 60))
    out.append(([("已设立有名班主任工作室或名班主任网络工作室的情况", 15.5), ("已成立的工作室名称：\n\n批准设立部门：", 146.5)], 24))
    out.append(([("工作室未来三年发展规划", 15.5), (HINT, 146.5)], 60))
    out.append(([("所在学校\n推荐意见", 15.5), ("（名班主任工作室主持人所在单位）\n\n\n\n\n\n（盖  章）\n年  月  日", 146.5)], 70))
    out.append(([("所在县区教育行政部门意见", 15.5), ("\n\n\n\n\n\n（盖  章）\n年  月  日", 146.5)], 70))
    out.append(([("柳州市教育局意见", 15.5), ("\n\n\n\n\n\n（盖  章）\n年  月  日", 146.5)], 70))
    return out


def set_text(cell, text, bold=False):
    """Paragraphs at "\n\n" (a blank paragraph between), a line break at a single "\n"; the
    seal and date lines right-aligned."""
    cell.text = ""
    paras = text.split("\n")
    p = cell.paragraphs[0]
    first = True
    for line in paras:
        if not first:
            p = cell.add_paragraph()
        first = False
        if line.startswith("（盖") or line.startswith("年"):
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(line)
        run.bold = bold
        run.font.size = Pt(10.5)


def set_label(cell, text):
    cell.text = ""
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, line in enumerate(text.split("\n")):
        run = p.add_run(line)
        run.bold = True
        run.font.size = Pt(10.5)
        if i < len(text.split("\n")) - 1:
            run.add_break()


def mbzr(out):
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(27)
    doc.add_paragraph("附件")
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = title.add_run("柳州市首批“名班主任工作室”申报表")
    r.bold, r.font.size = True, Pt(18)
    form = rows()
    edges = sorted({0.0} | {e for cells, _ in form for _, e in cells})
    table = doc.add_table(rows=len(form), cols=len(edges) - 1)
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm((edges[i + 1] - edges[i]) * SCALE) for i in range(len(edges) - 1)]
    for i, w in enumerate(widths):
        table.columns[i].width = w
    photo = None
    for ri, (cells, height) in enumerate(form):
        row = table.rows[ri]
        row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
        col, x = 0, 0.0
        for text, right in cells:
            last = edges.index(right) - 1
            a = table.cell(ri, col)
            if last > col:
                a = a.merge(table.cell(ri, last))
            a.width = Mm((right - x) * SCALE)
            if text is PHOTO:
                photo = (ri, col, last)
            if text is not MERGED:
                if text and (col == 0 or text in ADVISERS + MEMBERS or text == PHOTO or text in
                             [c for h in HOST for c, _ in h if c and c != PHOTO]):
                    set_label(a, text)
                elif text:
                    set_text(a, text)
            col, x = last + 1, right
    ri, col, last = photo
    table.cell(ri, col).merge(table.cell(ri + 2, last))
    doc.save(out)


W = qn("w:tcPr")


def wps(src, out):
    """The merges the older way: each w:gridSpan cell becomes a w:hMerge restart cell and
    continue cells over the grid columns it spanned; w:vMerge continue says so."""
    doc = docx.Document(src)
    for table in doc.tables:
        to_legacy(table._tbl)
    doc.save(out)


def to_legacy(tbl):
    grid = [int(g.get(qn("w:w"))) for g in tbl.tblGrid.findall(qn("w:gridCol"))]
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in list(tr.findall(qn("w:tc"))):
            pr = tc.find(W)
            span = pr.find(qn("w:gridSpan")) if pr is not None else None
            n = int(span.get(qn("w:val"))) if span is not None else 1
            vm = pr.find(qn("w:vMerge")) if pr is not None else None
            if vm is not None and vm.get(qn("w:val")) is None:
                vm.set(qn("w:val"), "continue")
            if n > 1:
                pr.remove(span)
                tcw = pr.find(qn("w:tcW"))
                if tcw is None:
                    tcw = pr.makeelement(qn("w:tcW"), {qn("w:type"): "dxa"})
                    pr.insert(0, tcw)
                tcw.set(qn("w:w"), str(grid[col]))
                hm = pr.makeelement(qn("w:hMerge"), {qn("w:val"): "restart"})
                pr.insert(1, hm)
                anchor = tc
                for k in range(1, n):
                    cont = copy.deepcopy(tc)
                    cpr = cont.find(W)
                    cpr.find(qn("w:hMerge")).attrib.clear()
                    cpr.find(qn("w:tcW")).set(qn("w:w"), str(grid[col + k]))
                    for p in cont.findall(qn("w:p"))[1:]:
                        cont.remove(p)
                    p = cont.find(qn("w:p"))
                    for child in list(p):
                        if child.tag != qn("w:pPr"):
                            p.remove(child)
                    anchor.addnext(cont)
                    anchor = cont
            col += n


def letter(out):
    doc = docx.Document()
    doc.add_paragraph("关于报送2024年班主任工作总结的通知")
    doc.add_paragraph("各县区教育局、市直属各学校：")
    doc.add_paragraph("为总结交流班主任工作经验，请各单位于7月28日前将本单位班主任工作总结报送市教育局思想政治教育科。")
    doc.add_paragraph("联系人：韦益金，电话：2822733。")
    doc.add_paragraph("柳州市教育局")
    doc.add_paragraph("2024年7月1日")
    doc.save(out)


def empty(out):
    docx.Document().save(out)


def figures(out):
    doc = docx.Document()
    doc.add_paragraph("2023年各县区班主任人数统计表")
    data = [["县区", "小学", "初中", "高中", "合计"],
            ["柳城县", "512", "301", "88", "901"],
            ["鹿寨县", "498", "287", "92", "877"],
            ["融安县", "356", "198", "61", "615"],
            ["融水县", "623", "344", "97", "1064"],
            ["三江县", "401", "226", "70", "697"],
            ["合计", "2390", "1356", "408", "4154"]]
    t = doc.add_table(rows=len(data), cols=len(data[0]))
    t.style = "Table Grid"
    for i, r in enumerate(data):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    doc.save(out)


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "wps":
        wps(sys.argv[2], sys.argv[3])
    else:
        {"mbzr": mbzr, "letter": letter, "empty": empty, "figures": figures}[what](sys.argv[2])
