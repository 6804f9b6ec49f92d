"""Measure every shown text and figure of the given sheets of an .xlsx against the room its cell has.

For each non-empty cell: the text it shows (cached value, number format applied the Dutch way) is measured
with the real advance widths of Carlito (metric-compatible with Calibri, Debian fonts-crosextra-carlito)
at the cell's font size and weight. The room is the column width, or the merged range's widths summed
(w × 7 px, minus 5 px padding, as Excel stores widths). A cell that does not wrap must fit on one line; a
wrapped cell must fit every word on a line and all its lines in the row's height. Prints JSON: a list of
cells that do not fit, and the number of cells measured.
Run with Debian's /usr/bin/python3 (python3-openpyxl, python3-fonttools).
"""
import datetime
import logging
import json
import sys
import warnings

import openpyxl
from fontTools.ttLib import TTFont
from openpyxl.utils import get_column_letter

FONTS = {}


def font(bold, italic):
    name = {(False, False): "Regular", (True, False): "Bold", (False, True): "Italic", (True, True): "BoldItalic"}[(bold, italic)]
    if name not in FONTS:
        f = TTFont(f"/usr/share/fonts/truetype/crosextra/Carlito-{name}.ttf")
        FONTS[name] = (f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm)
    return FONTS[name]


def pixels(text, size, bold, italic):
    cmap, hmtx, upm = font(bold, italic)
    units = 0
    for ch in text:
        g = cmap.get(ord(ch))
        units += hmtx[g][0] if g else upm // 2
    return units / upm * size * 96 / 72


def dutch(n, decimals):
    s = f"{abs(n):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if n < 0 else "") + s


def shown(value, fmt):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return f"{value.day:02d}-{value.month:02d}-{value.year}"
    fmt = fmt or "General"
    if "€" in fmt:
        return ("-" if value < 0 else "") + "€ " + dutch(abs(value), 2)
    if fmt.endswith("%"):
        decimals = len(fmt.split(".")[1]) - 1 if "." in fmt else 0
        return dutch(value * 100, decimals) + "%"
    if "yy" in fmt:
        return "30-12-2025"
    if fmt in ("0.00", "#,##0.00"):
        return dutch(value, 2)
    if fmt in ("0", "#,##0"):
        return dutch(value, 0)
    return str(value).replace(".", ",")


def main(path, sheets):
    warnings.simplefilter("ignore")
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    wb = openpyxl.load_workbook(path, data_only=True)
    bad = []
    measured = 0
    for name in sheets:
        ws = wb[name]
        merged = {}
        for rng in ws.merged_cells.ranges:
            for row in range(rng.min_row, rng.max_row + 1):
                for col in range(rng.min_col, rng.max_col + 1):
                    merged[(row, col)] = rng
        for (r, c), cell in sorted(ws._cells.items()):
            rng = merged.get((r, c))
            if rng is not None and (rng.min_row, rng.min_col) != (r, c):
                continue
            text = shown(cell.value, cell.number_format)
            if text == "":
                continue
            measured += 1
            cols = range(rng.min_col, rng.max_col + 1) if rng else [c]
            width = sum((ws.column_dimensions[get_column_letter(k)].width or 8.43) for k in cols)
            room = width * 7 - 5
            f = cell.font
            size = f.sz or 11
            bold, italic = bool(f.b), bool(f.i)
            need = pixels(text, size, bold, italic)
            where = {"sheet": name, "cell": cell.coordinate, "text": text[:80], "need": round(need), "room": round(room)}
            if not cell.alignment.wrap_text:
                if need > room + 1:
                    bad.append({**where, "why": "past niet op één regel"})
                continue
            space = pixels(" ", size, bold, italic)
            lines = 0
            for para in text.split("\n"):
                line, n = 0.0, 1
                for word in para.split(" "):
                    w = pixels(word, size, bold, italic)
                    if w > room + 1:
                        bad.append({**where, "why": f"woord '{word}' past niet in de breedte"})
                    if line == 0:
                        line = w
                    elif line + space + w <= room:
                        line += space + w
                    else:
                        n += 1
                        line = w
                lines += n
            height = ws.row_dimensions[r].height or 15
            if rng:
                height = sum((ws.row_dimensions[k].height or 15) for k in range(rng.min_row, rng.max_row + 1))
            if lines * size * 1.22 > height + 1:
                bad.append({**where, "why": f"{lines} regels passen niet in de rijhoogte {height}", "lines": lines})
    json.dump({"measured": measured, "bad": bad}, sys.stdout)


main(sys.argv[1], sys.argv[2:])
