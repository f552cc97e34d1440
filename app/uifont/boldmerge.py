"""Makes NotoSerifSC-UI-Bold.ttf, the font of the window's bold text (buttons, form labels,
headings, dialog titles): the UI font (regular, every character the window may show) with
the outline and advance of every character the bold font has replaced by the bold one.

make.sh gives it the bold of every character of the UI font that Noto Serif CJK SC Bold has
(all of GB 2312 and the punctuation, symbols and full-width forms of ../../fonts/charset.py).
A character the bold font lacks still comes from our regular font instead of Fyne borrowing
it from a system font, which on a Windows PC without Chinese fonts draws a box; the count
of those is printed.

    python3 boldmerge.py UI.ttf BOLD-SUBSET.ttf OUT.ttf
"""
import copy
import sys

from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont


def bold_glyph(bold, name):
    """The bold glyph, decomposed when it is a composite (its components are not in the UI
    font under the same names)."""
    g = bold["glyf"][name]
    if not g.isComposite():
        return copy.deepcopy(g)
    rec = DecomposingRecordingPen(bold.getGlyphSet())
    bold.getGlyphSet()[name].draw(rec)
    pen = TTGlyphPen(None)
    rec.replay(pen)
    return pen.glyph()


def main(ui_path, bold_path, out_path):
    # The same bytes for the same inputs: head.modified stays the UI font's.
    ui, bold = TTFont(ui_path, recalcTimestamp=False), TTFont(bold_path)
    if ui["head"].unitsPerEm != bold["head"].unitsPerEm:
        sys.exit("the two fonts have different units per em")
    ui_cmap, bold_cmap = ui.getBestCmap(), bold.getBestCmap()
    lost = sorted(cp for cp in bold_cmap if cp not in ui_cmap)
    if lost:
        sys.exit("characters of the bold font missing from the UI font: " + "".join(map(chr, lost)))
    done = set()
    for cp, bname in bold_cmap.items():
        uname = ui_cmap[cp]
        if uname in done:
            continue
        done.add(uname)
        ui["glyf"][uname] = bold_glyph(bold, bname)
        ui["hmtx"][uname] = bold["hmtx"][bname]
        if "vmtx" in ui and "vmtx" in bold:
            ui["vmtx"][uname] = bold["vmtx"][bname]
    # The family stays "Noto Serif SC" (no reserved name); the style says what it is.
    for rec in ui["name"].names:
        if rec.nameID == 2:
            rec.string = "Bold"
    ui["OS/2"].usWeightClass = 700
    ui.save(out_path)
    regular = "".join(chr(cp) for cp in sorted(ui_cmap) if cp not in bold_cmap and cp > 0x20)
    print(f"{out_path}: {len(done)} bold glyphs, {len(ui_cmap)} characters; "
          f"{len(regular)} characters in regular outline: {regular}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
