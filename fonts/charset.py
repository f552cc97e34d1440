#!/usr/bin/env python3
"""Prints the characters an embedded Noto face is cut down to: all of GB 2312 (its 6763 hanzi
and 682 symbols), the punctuation, symbol and full-width ranges below (whatever the font has
of them is kept), and every character of the files named.

    python3 charset.py [FILE...] > chars.txt

A form's labels may use any common character, so both bold faces (fonts/subset-bold.sh,
app/uifont/make.sh) and the window's regular face hold all of these; fonts/fontstest lists
the same characters for the tests, decoded independently with Go's x/text.
"""
import sys

# Ranges kept whole (pyftsubset skips the code points the font lacks): ASCII and Latin-1,
# general punctuation (— ‘ ’ “ ” … ‰ ※), currency (€), letterlike symbols and number forms
# (℃ № Ⅰ ⅰ), arrows, enclosed numbers (① ⑴ ⒈), box drawing, shapes (□ ■ ○ ● ◎),
# dingbats (✓), supplemental punctuation (⸺), CJK punctuation (、。〇《》【】〔〕〖〗〜),
# vertical and small forms (﹏), full-width and half-width forms (ＡＢ１２，！￥).
RANGES = [
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x20A0, 0x20CF),
    (0x2100, 0x218F), (0x2190, 0x21FF), (0x2460, 0x24FF), (0x2500, 0x257F),
    (0x25A0, 0x25FF), (0x2700, 0x27BF), (0x2E00, 0x2E7F), (0x3000, 0x303F),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


def gb2312():
    """Every character of GB 2312: rows 1-9 (symbols) and 16-87 (hanzi), each cell A1-FE
    that Python's strict gb2312 codec decodes, and the two cells it maps otherwise than
    GBK/CP936 (A1A4 ・ or ·, A1AA ― or —) in both forms, since text may hold either."""
    out = {"\u00B7", "\u2014"}
    for b1 in range(0xA1, 0xF8):
        for b2 in range(0xA1, 0xFF):
            try:
                out.add(bytes([b1, b2]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def main(paths):
    cs = gb2312()
    for lo, hi in RANGES:
        cs.update(chr(c) for c in range(lo, hi + 1))
    for p in paths:
        with open(p, encoding="utf-8") as f:
            cs.update(f.read())
    cs = sorted(c for c in cs if ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F)
    sys.stdout.write("".join(cs))


if __name__ == "__main__":
    main(sys.argv[1:])
