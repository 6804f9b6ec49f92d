"""Save the Excel double's exported workbook (JSON on stdin: ExcelDouble.exportWorkbook()) as an .xlsx with
openpyxl (Debian's, /usr/bin/python3): sheet order and visibility, per cell the value or the A1 formula and the
number format. Text that starts with "=" stays text. Usage: save-xlsx.py out.xlsx < workbook.json"""
import json
import re
import sys

import openpyxl
from openpyxl.utils.cell import coordinate_from_string

# functions newer than Excel 2007 are stored with the _xlfn. prefix in the file (Excel shows them without)
NEWER = re.compile(r"(?<![A-Za-z0-9_.])(MAXIFS|MINIFS|IFS|SWITCH|CONCAT|TEXTJOIN|IFNA|XOR|DAYS|ISOWEEKNUM|XLOOKUP|XMATCH|FILTER|SORT|UNIQUE|SEQUENCE|LET)\(")


def file_form(formula):
    parts = re.split(r'("(?:[^"]|"")*")', formula)
    return "".join(p if i % 2 else NEWER.sub(lambda m: "_xlfn." + m.group(1) + "(", p) for i, p in enumerate(parts))


book = json.load(sys.stdin)
wb = openpyxl.Workbook()
wb.remove(wb.active)
for s in book["sheets"]:
    ws = wb.create_sheet(s["name"])
    ws.sheet_state = {"Visible": "visible", "Hidden": "hidden", "VeryHidden": "veryHidden"}[s["visibility"]]
    for address, c in s["cells"].items():
        cell = ws[address]
        if "formula" in c:
            cell.value = file_form(c["formula"])
        elif c["value"] is not None:
            cell.value = c["value"]
            if isinstance(c["value"], str):
                cell.data_type = "s"
        cell.number_format = c["numberFormat"]
wb.save(sys.argv[1])
