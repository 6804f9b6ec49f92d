#!/usr/bin/python3
"""Open workbooks with openpyxl and list their formula cells with cached values.

Usage: /usr/bin/python3 dump_values.py jobs.json > result.json
jobs.json: [{"full": "report.xlsx"} | {"values": "recalculated.xlsx", "date1904": false}, ...]

"full": whether openpyxl opens the file (a full load: drawings, charts, comments, tables, names), its
sheet names, defined names, date system, and every formula cell of every worksheet as
[sheet, ref, formula, cached value].
"values": every non-empty cell value per sheet (for a copy another engine recalculated), dates as
serials in the given date system (that of the file it was recalculated from).
Error values come back as {"error": "#VALUE!"}.
"""
import datetime
import json
import sys
import traceback

import openpyxl
from openpyxl.utils.datetime import to_excel


def plain(cell, epoch):
    v = cell.value
    if cell.data_type == "e":
        return {"error": str(v)}
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time, datetime.timedelta)):
        return to_excel(v, epoch)
    return v


def values(path, epoch):
    wb = openpyxl.load_workbook(path, data_only=True, read_only=True)
    out = {}
    for ws in wb.worksheets:
        sheet = {}
        ws.reset_dimensions()  # no padding to the stated dimension (Gnumeric states A1:XFD…)
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None and hasattr(c, "coordinate"):
                    sheet[c.coordinate] = plain(c, epoch)
        out[ws.title] = sheet
    wb.close()
    return out


def full(path):
    res = {"file": path, "ok": False}
    try:
        wb = openpyxl.load_workbook(path)  # full load: the "opens in openpyxl" check
    except Exception as e:  # noqa: BLE001 - reported, not hidden
        res["error"] = f"{type(e).__name__}: {e}"
        res["trace"] = traceback.format_exc()[-1500:]
        return res
    epoch = wb.epoch
    res["ok"] = True
    res["date1904"] = epoch == openpyxl.utils.datetime.CALENDAR_MAC_1904
    res["sheets"] = [ws.title for ws in wb.worksheets]
    res["definedNames"] = sorted(d.name for d in wb.defined_names.definedName)
    formulas = []
    for ws in wb.worksheets:
        # the cells that exist, not the rectangle iter_rows() would fill in (16384 columns wide in some files)
        for c in ws._cells.values():
            if c.data_type == "f":
                formulas.append([ws.title, c.coordinate, str(c.value)])
    try:
        cached = values(path, epoch)
    except Exception as e:  # noqa: BLE001 - e.g. <v>NaN</v> in a cell
        res["ok"] = False
        res["error"] = f"cached values unreadable: {type(e).__name__}: {e}"
        return res
    res["cells"] = [[sheet, ref, f, cached.get(sheet, {}).get(ref)] for sheet, ref, f in formulas]
    return res


def values_only(path, date1904):
    res = {"file": path, "ok": False}
    try:
        epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904 if date1904 else openpyxl.utils.datetime.CALENDAR_WINDOWS_1900
        res["values"] = values(path, epoch)
        res["ok"] = True
    except Exception as e:  # noqa: BLE001
        res["error"] = f"{type(e).__name__}: {e}"
    return res


def job(j):
    try:
        if "full" in j:
            return full(j["full"])
        return values_only(j["values"], j.get("date1904", False))
    except Exception as e:  # noqa: BLE001 - one bad file must not hide the others' results
        return {"file": j.get("full") or j.get("values"), "ok": False, "error": f"{type(e).__name__}: {e}"}


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        jobs = json.load(f)
    json.dump([job(j) for j in jobs], sys.stdout)


if __name__ == "__main__":
    main()
