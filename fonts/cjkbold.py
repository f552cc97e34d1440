#!/usr/bin/env python3
"""Cuts Noto Serif CJK SC Bold down to the characters asked for and converts its outlines to
TrueType, for the two bold faces the program embeds (fonts/subset-bold.sh for the PDF,
app/uifont/make.sh for the window).

The source is the SC face of Debian's fonts-noto-cjk NotoSerifCJK-Bold.ttc (Noto Serif CJK
2.001, SIL OFL 1.1): the same design as the Noto Serif SC Regular of fonts/ (units per em
1000, the same advance widths), but with CFF outlines, which neither gopdf nor Fyne draws.
The cubic curves become quadratic ones within 1 unit (1/1000 em, fontmake's default), the
contours turn clockwise as TrueType wants, hinting is dropped; advance widths and every name
record (copyright, licence) are kept. No OpenType layout tables: gopdf and our measurer map
characters through the cmap alone, and Fyne takes only the outlines (boldmerge.py).

    python3 cjkbold.py --text-file=CHARS.txt [--family='Noto Serif SC'] [--ttc=PATH] OUT.ttf

--family renames the family (name IDs 1, 4, 16 and the PostScript names 3, 6, 25); "Noto
Serif SC" is what the Regular is called and uses no reserved font name (the OFL reserves
only "Source"). The output is the same bytes for the same inputs: head.modified is the
source's.
"""
import argparse
import hashlib
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

TTC = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc"
# fonts-noto-cjk 1:20220127+repack1-1 (Debian 12): fonts/README.md names it.
TTC_SHA256 = "a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac"
FACE = "Noto Serif CJK SC"
MAX_ERR = 1.0


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def sc_face(path):
    """The TTC's Simplified Chinese face (found by name, not by its index)."""
    n = len(TTCollection(path, lazy=True).fonts)
    for i in range(n):
        f = TTFont(path, fontNumber=i, lazy=True, recalcTimestamp=False)
        if f["name"].getDebugName(1) == FACE:
            return TTFont(path, fontNumber=i, recalcTimestamp=False)
    sys.exit(f"cjkbold.py: no face {FACE!r} in {path}")


def cut(font, unicodes):
    opts = subset.Options()
    opts.hinting = False
    opts.desubroutinize = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.name_legacy = True
    opts.notdef_outline = True
    opts.glyph_names = False
    opts.layout_features = []
    opts.drop_tables += ["BASE", "GDEF", "GPOS", "GSUB", "JSTF"]
    s = subset.Subsetter(opts)
    s.populate(unicodes=unicodes)
    s.subset(font)


def to_truetype(font):
    """Replaces the CFF table by glyf/loca: quadratic outlines within MAX_ERR units."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        gs[name].draw(Cu2QuPen(pen, MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    hmtx = font["hmtx"]
    for name in order:
        g = glyf.glyphs[name]
        g.recalcBounds(glyf)
        adv, _ = hmtx[name]
        hmtx[name] = (adv, g.xMin if g.numberOfContours else 0)
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    maxp.maxPoints = maxp.maxContours = 0
    maxp.maxCompositePoints = maxp.maxCompositeContours = 0
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font, family):
    ps_old = FACE.replace(" ", "").replace("CJKSC", "CJKsc")  # NotoSerifCJKsc
    ps_new = family.replace(" ", "")
    for rec in font["name"].names:
        s = rec.toUnicode()
        if rec.nameID in (1, 4, 16):
            s = s.replace(FACE, family)
        elif rec.nameID in (3, 6, 25):
            s = s.replace(ps_old, ps_new)
        else:
            continue
        rec.string = s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--text-file", required=True)
    ap.add_argument("--family", default="")
    ap.add_argument("--ttc", default=TTC)
    ap.add_argument("out")
    a = ap.parse_args()
    digest = sha256(a.ttc)
    if digest != TTC_SHA256:
        print(f"cjkbold.py: warning: {a.ttc} has SHA-256 {digest}, not the {TTC_SHA256} of "
              "fonts/README.md: the result will differ from the committed font", file=sys.stderr)
    with open(a.text_file, encoding="utf-8") as f:
        want = {ord(c) for c in f.read() if c not in "\r\n"}
    font = sc_face(a.ttc)
    upm = font["head"].unitsPerEm
    if upm != 1000:
        sys.exit(f"cjkbold.py: {FACE} has {upm} units per em, the layout expects 1000")
    cut(font, want)
    to_truetype(font)
    if a.family:
        rename(font, a.family)
    font.save(a.out)
    n = len(TTFont(a.out).getBestCmap())
    print(f"{a.out}: {n} characters from {FACE} Bold", file=sys.stderr)


if __name__ == "__main__":
    main()
