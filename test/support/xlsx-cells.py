"""Dump every cell of an .xlsx as JSON: {sheet: {A1: [formula or null, cached value]}} (--values: formula always null).

Used by the recalculation tests to read what another engine (LibreOffice, Gnumeric) stored. openpyxl
resolves shared strings for formula results too (Gnumeric writes string results as t="s"), which exceljs
does not. Dates become Excel serial numbers; error values become {"error": "#VALUE!"}.
Run with Debian's /usr/bin/python3 (python3-openpyxl).
"""
import datetime
import json
import sys

import warnings

import openpyxl
from openpyxl.utils.datetime import to_excel


def plain(cell):
    v = cell.value
    if v is None:
        return None
    if cell.data_type == "e":
        return {"error": str(v)}
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, (datetime.datetime, datetime.date)):
        return to_excel(v)
    if isinstance(v, (int, float, str)):
        return v
    return str(v)


def main(path, values_only):
    warnings.simplefilter("ignore")
    formulas = None if values_only else openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in values.worksheets:
        fs = formulas[ws.title] if formulas else None
        cells = {}
        # only the cells present in the file (iter_rows would fill up to a sheet's stated dimension)
        for (r, col), c in sorted(ws._cells.items()):
            if True:
                fc = fs._cells.get((r, col)) if fs else None
                f = fc.value if fc is not None else None
                formula = f[1:] if isinstance(f, str) and f.startswith("=") else None
                v = plain(c)
                if v is None and formula is None:
                    continue
                cells[c.coordinate] = [formula, v]
        out[ws.title] = cells
    json.dump(out, sys.stdout)


main(sys.argv[1], "--values" in sys.argv[2:])
