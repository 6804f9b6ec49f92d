"""Dump an .xlsx as Excel would show it, for the host parity test: sheet order, visibility, protection, and per
cell the value (dates as serial numbers), the A1 formula (without the file format's _xlfn. prefixes), the number
format, bold / italic. Reads with Debian's openpyxl (/usr/bin/python3), independent of the project's reader."""
import json
import sys

import openpyxl
from openpyxl.utils.datetime import to_excel

wb = openpyxl.load_workbook(sys.argv[1], data_only=False)
out = []
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
            cells[c.coordinate] = cell
    out.append({"name": ws.title, "visibility": ws.sheet_state, "protected": bool(ws.protection.sheet), "cells": cells})
print(json.dumps(out))
