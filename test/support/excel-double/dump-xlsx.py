"""Dump an .xlsx as Excel would show it, for the host parity test: sheet order, visibility, protection, and per
cell the value (dates as serial numbers), the A1 formula (without the file format's _xlfn. prefixes), the number
format, and the look: bold / italic, and — where they differ from the workbook's default — font name, size and
colour, the fill, the top and bottom borders (style:colour) and the alignment (horizontal, vertical, wrap).
Reads with Debian's openpyxl (/usr/bin/python3), independent of the project's reader."""
import json
import sys

import openpyxl
from openpyxl.utils.datetime import to_excel

wb = openpyxl.load_workbook(sys.argv[1], data_only=False)
default_font = wb._fonts[0]
out = []


def rgb(color):
    if color is None or color.type != "rgb" or not isinstance(color.rgb, str):
        return None
    return color.rgb[-6:].upper()


def look(c, cell):
    f = c.font
    if f is not None and f != default_font:
        cell["font"] = f.name
        cell["size"] = f.sz
        if rgb(f.color):
            cell["color"] = rgb(f.color)
    if c.fill is not None and c.fill.fill_type == "solid" and rgb(c.fill.fgColor):
        cell["fill"] = rgb(c.fill.fgColor)
    for side in ("top", "bottom"):
        b = getattr(c.border, side)
        if b is not None and b.style:
            cell[side] = f"{b.style}:{rgb(b.color) or ''}"
    a = c.alignment
    if a.horizontal:
        cell["horizontal"] = a.horizontal
    if a.vertical:
        cell["vertical"] = a.vertical
    if a.wrap_text:
        cell["wrap"] = True

for ws in wb.worksheets:
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            v = c.value
            if v is None or v == "":
                continue
            cell = {"numberFormat": c.number_format}
            if c.data_type == "f" or (isinstance(v, str) and v.startswith("=") and c.data_type != "s"):
                cell["formula"] = str(v).replace("_xlfn.", "")
            elif hasattr(v, "year"):
                cell["value"] = to_excel(v)
            else:
                cell["value"] = v
            if c.font is not None and c.font.b:
                cell["bold"] = True
            if c.font is not None and c.font.i:
                cell["italic"] = True
            look(c, cell)
            cells[c.coordinate] = cell
    out.append({"name": ws.title, "visibility": ws.sheet_state, "protected": bool(ws.protection.sheet), "cells": cells})
print(json.dumps(out))
