#!/usr/bin/python3
"""Builds blank templates of other bureaus' forms of the family, each as a different clerk
makes it (in Word, in WPS), for formimport's tests: forms the importer was not written from.

  bureau.py mszs OUT.docx    名师工作室主持人申报表: 附件2 above a centred bold title; a table
                             160 mm wide; labels padded with full-width spaces (姓　　名); □男 □女
                             and 是□ 否□ in the value cells; a photo cell over four rows; 学历
                             spanning two rows on the left with sub-labels 第一学历 / 最高学历;
                             a member table headed 序号; a long text with （字数要求：3000字内）;
                             opinion boxes ending （盖章） and 年 月 日
  bureau.py mxz OUT.docx     名校长工作室申报表, written the way WPS writes merges (w:hMerge):
                             a table 140 mm wide; labels with their values in the row below;
                             主要学习经历 as a label cell merged down its rows beside a table
                             without 序号; （不超过2000字）; a box ending 盖 章 and 负责人签字：
  bureau.py yxjs OUT.docx    优秀教师推荐表: ○是 ○否; 申报类别：□正常 □破格 inside a label cell;
                             a table of awards with no 序号; a table with a 是 □ 否 □ column;
                             主要先进事迹（限800字） with the hint in the label cell; 本人承诺 with
                             签名 and date; a box "以下由评审单位填写"
  bureau.py zcps OUT.docx    职称评审表 (Word 2003 style, hMerge): 外语考试情况 | 年度 / 成绩; labels
                             padded with ASCII spaces; 300字以内 without brackets; （公章）
  bureau.py notice OUT.docx  a notice with a table of schools and numbers (not a form)
  bureau.py letter2 OUT.docx a letter laid out in a table (not a form)
Needs python3-docx (Debian: apt-get install python3-docx).
"""
import os
import sys

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import template  # noqa: E402  (its wps mode: the older merges)

FW = "\u3000"  # a full-width space


def L(t):
    return ("L", t)


def T(t):
    return ("T", t)


E = ("T", "")


def set_cell(cell, kind, text):
    cell.text = ""
    lines = text.split("\n")
    p = cell.paragraphs[0]
    for i, line in enumerate(lines):
        if i:
            p = cell.add_paragraph()
        if kind == "L":
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif line.strip().startswith(("（盖", "盖", "（公", "年", "签名", "负责人", "申报人")) and i:
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(line)
        run.bold = kind == "L"
        run.font.size = Pt(10.5)


def build(out, title, width, rows, vmerge=(), pre=(), wps=False):
    """rows: [(cells, height mm)], cells [(cell, right edge mm)]; vmerge: [(row0, row1, right
    edge)] the cell ending there merged from row0 down to row1 (its text in row0)."""
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.left_margin = sec.right_margin = Mm(25)
    for p in pre:
        doc.add_paragraph(p)
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run(title)
    r.bold, r.font.size = True, Pt(16)
    edges = sorted({0.0} | {e for cells, _ in rows for _, e in cells})
    assert edges[-1] == width, (edges[-1], width)
    table = doc.add_table(rows=len(rows), cols=len(edges) - 1)
    table.style = "Table Grid"
    table.autofit = False
    for i in range(len(edges) - 1):
        table.columns[i].width = Mm(edges[i + 1] - edges[i])
    starts = {}
    for ri, (cells, height) in enumerate(rows):
        row = table.rows[ri]
        row.height, row.height_rule = Mm(height), WD_ROW_HEIGHT_RULE.AT_LEAST
        col, x = 0, 0.0
        for (kind, text), right in cells:
            last = edges.index(right) - 1
            starts[(ri, right)] = col
            a = table.cell(ri, col)
            if last > col:
                a = a.merge(table.cell(ri, last))
            a.width = Mm(right - x)
            if text:
                set_cell(a, kind, text)
            col, x = last + 1, right
    for r0, r1, right in vmerge:
        col, last = starts[(r0, right)], edges.index(right) - 1
        table.cell(r0, col).merge(table.cell(r1, last))
    if wps:
        template.to_legacy(table._tbl)
    doc.save(out)


def mszs(out):
    W = 160.0
    host = [
        ([(L("姓" + FW * 2 + "名"), 22), (E, 52), (L("性" + FW * 2 + "别"), 72), (T("□男　□女"), 100), (L("出生年月"), 122), (E, 132), (L("近期免冠\n一寸照片"), W)], 11),
        ([(L("民" + FW * 2 + "族"), 22), (E, 52), (L("是否党员"), 72), (T("是□　否□"), 100), (L("任教学科"), 122), (E, 132), (E, W)], 11),
        ([(L("学" + FW * 2 + "历"), 22), (L("第一学历"), 42), (E, 72), (L("毕业院校"), 90), (E, 132), (E, W)], 11),
        ([(E, 22), (L("最高学历"), 42), (E, 72), (L("毕业院校"), 90), (E, 132), (E, W)], 11),
        ([(L("工作单位"), 22), (E, 100), (L("教龄"), 122), (E, W)], 11),
        ([(L("电子邮箱"), 22), (E, 72), (L("手机号码"), 100), (E, W)], 11),
    ]
    cols = [(12, "序号"), (32, "姓名"), (52, "性别"), (72, "出生年月"), (112, "工作单位及职务"), (W, "联系电话")]
    members = [([(L("工作室成员"), W)], 9), ([(L(t), e) for e, t in cols], 9)]
    members += [([(T(str(i + 1)), 12)] + [(E, e) for e, _ in cols[1:]], 9) for i in range(6)]
    texts = [
        ([(L("个人主要\n业绩"), 22), (T("（近五年在教育教学、教研科研方面的主要成绩。字数要求：3000字内）"), W)], 70),
        ([(L("工作室\n建设规划"), 22), (T("（字数要求：3000字内）"), W)], 70),
        ([(L("学校意见"), 22), (T("\n\n\n\n（盖章）\n年　　月　　日"), W)], 45),
        ([(L("县（市、区）教育局意见"), 22), (T("\n\n\n\n（盖章）\n年　月　日"), W)], 45),
        ([(L("市教育局\n意见"), 22), (T("\n\n\n\n（盖章）\n年 月 日"), W)], 45),
    ]
    build(out, "南宁市第三批名师工作室主持人申报表", W, host + members + texts,
          vmerge=[(0, 3, W), (2, 3, 22)], pre=["附件2"])


def mxz(out):
    W = 140.0
    labels = [(L("姓名"), 28), (L("性别"), 42), (L("出生年月"), 66), (L("政治面貌"), 90), (L("职务"), 112), (L("照片"), W)]
    below = [(E, 28), (E, 42), (E, 66), (E, 90), (E, 112), (E, W)]
    labels2 = [(L("学校名称"), 66), (L("担任校长年限"), 90), (L("联系电话"), 112), (E, W)]
    below2 = [(E, 66), (E, 90), (E, 112), (E, W)]
    study = [([(L("主要\n学习\n经历"), 20), (L("起止时间"), 50), (L("毕业学校"), 90), (L("专业"), 112), (L("学历学位"), W)], 9)]
    study += [([(E, 20), (E, 50), (E, 90), (E, 112), (E, W)], 9) for _ in range(4)]
    rest = [
        ([(L("办学思想\n与主要成绩"), 20), (T("（不超过2000字）"), W)], 80),
        ([(L("所在单位\n意见"), 20), (T("\n\n\n负责人签字：\n\n盖  章\n年    月    日"), W)], 50),
        ([(L("主管部门\n意见"), 20), (T("\n\n\n\n盖  章\n年    月    日"), W)], 50),
    ]
    rows = [(labels, 9), (below, 12), (labels2, 9), (below2, 12)] + study + rest
    build(out, "名校长工作室申报表", W, rows, vmerge=[(0, 3, W), (4, 8, 20)], wps=True)


def yxjs(out):
    W = 146.5
    host = [
        ([(L("姓名"), 20), (E, 45), (L("性别"), 60), (E, 80), (L("出生年月"), 100), (E, W)], 10),
        ([(L("是否获得过市级以上表彰"), 45), (T("○是　○否"), 80), (L("教龄"), 100), (E, W)], 10),
        ([(L("申报类别：□正常　□破格"), 80), (L("职称"), 100), (E, W)], 10),
        ([(L("工作单位"), 20), (E, W)], 10),
    ]
    awards = [([(L("近五年获奖情况"), W)], 9), ([(L("获奖时间"), 30), (L("奖项名称"), 90), (L("授奖单位"), W)], 9)]
    awards += [([(E, 30), (E, 90), (E, W)], 9) for _ in range(4)]
    pub = [([(L("论文及课题"), W)], 9), ([(L("序号"), 12), (L("题目"), 80), (L("刊物或立项单位"), 120), (L("是否独立完成"), W)], 9)]
    pub += [([(T(str(i + 1)), 12), (E, 80), (E, 120), (T("是 □  否 □"), W)], 9) for i in range(3)]
    rest = [
        ([(L("主要先进事迹\n（限800字）"), 30), (E, W)], 70),
        ([(L("本人承诺"), 30), (T("本人承诺所填内容真实准确，如有不实，愿承担相应责任。\n\n签名：\n年   月   日"), W)], 35),
        ([(L("以下由评审单位填写"), W)], 9),
        ([(L("评审意见"), 30), (T("\n\n\n（公章）\n年  月  日"), W)], 40),
    ]
    build(out, "2025年度优秀教师推荐表", W, host + awards + pub + rest)


def zcps(out):
    W = 150.0
    rows = [
        ([(L("姓   名"), 22), (E, 50), (L("性   别"), 70), (E, 90), (L("出生年月"), 112), (E, W)], 10),
        ([(L("外语考试\n情况"), 22), (L("年度"), 36), (E, 50), (L("成绩"), 70), (E, 90), (L("参加工作时间"), 112), (E, W)], 10),
        ([(L("现任职务"), 22), (E, 70), (L("现专业技术职务"), 112), (E, W)], 10),
        ([(L("申报专业"), 22), (E, 70), (L("任现职年限"), 112), (E, W)], 10),
        ([(L("任现职以来\n教学工作\n情况"), 22), (T("300字以内"), W)], 60),
        ([(L("单位推荐意见"), 22), (T("\n\n\n\n（公章）\n年　月　日"), W)], 45),
    ]
    build(out, "中小学教师专业技术职务评审表", W, rows, wps=True)


def notice(out):
    doc = docx.Document()
    doc.add_paragraph("关于分配2025年名师工作室申报名额的通知")
    doc.add_paragraph("各县区教育局、市直属各学校：")
    doc.add_paragraph("现将各校申报名额分配如下，请于9月30日前报送。")
    data = [["序号", "学校", "名额", "备注"], ["1", "南宁市第一中学", "3", ""], ["2", "南宁市第二中学", "2", ""],
            ["3", "南宁市第三中学", "2", "含1个破格"], ["4", "南宁市第十四中学", "1", ""], ["", "合计", "8", ""]]
    t = doc.add_table(rows=len(data), cols=4)
    t.style = "Table Grid"
    for i, r in enumerate(data):
        for j, v in enumerate(r):
            t.cell(i, j).text = v
    doc.add_paragraph("南宁市教育局")
    doc.add_paragraph("2025年9月1日")
    doc.save(out)


def letter2(out):
    doc = docx.Document()
    t = doc.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "南宁市教育局"
    t.cell(0, 1).text = "南教函〔2025〕12号"
    t.cell(1, 0).text = "签发人：李明"
    t.cell(1, 1).text = "2025年3月2日"
    doc.add_paragraph("关于商请支持名师工作室建设的函")
    doc.add_paragraph("市财政局：")
    doc.add_paragraph("为推进我市名师工作室建设，现商请贵局给予经费支持。专此函达，请予支持。")
    doc.add_paragraph("南宁市教育局")
    doc.save(out)


if __name__ == "__main__":
    {"mszs": mszs, "mxz": mxz, "yxjs": yxjs, "zcps": zcps, "notice": notice,
     "letter2": letter2}[sys.argv[1]](sys.argv[2])
