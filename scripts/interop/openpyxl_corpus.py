#!/usr/bin/python3
"""Write the bundled example's inputs with openpyxl, in the ways a controller's script would.

Usage: /usr/bin/python3 openpyxl_corpus.py example.json outdir [name ...]
(Debian python3-openpyxl; the JSON comes from scripts/interop/example.ts.)

Every variant carries exactly the example's inputs; they differ in how the workbook is put together:
Excel tables or plain ranges, a user's chart / comment / data validation / defined name, a totals row on
a table, custom date formats, the 1904 date system. A text that starts with '=' stays text
(data_type 's'), as openpyxl would otherwise write it as a formula.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableColumn, TableStyleInfo

DATE_FORMAT = "d-m-yyyy"


def value(cell):
    if isinstance(cell, dict) and "date" in cell:
        return datetime.datetime.strptime(cell["date"], "%Y-%m-%d")
    return cell


def write_sheet(wb, sheet, *, table=False, totals=False, date_format=DATE_FORMAT, title=None):
    ws = wb.create_sheet(title or sheet["name"])
    headers = sheet["headers"]
    for c, h in enumerate(headers, start=1):
        ws.cell(row=1, column=c, value=h)
    for r, row in enumerate(sheet["rows"], start=2):
        for c, v in enumerate(row, start=1):
            if v is None:
                continue
            x = value(v)
            cell = ws.cell(row=r, column=c, value=x)
            if isinstance(x, str) and x.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if isinstance(x, datetime.datetime):
                cell.number_format = date_format
    last_row = len(sheet["rows"]) + 1
    last_col = get_column_letter(len(headers))
    if table:
        ref_end = last_row + (1 if totals else 0)
        t = Table(displayName=sheet["name"].replace(" ", "_"), ref=f"A1:{last_col}{ref_end}")
        t.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        if totals:
            t.totalsRowCount = 1
            cols = []
            for i, h in enumerate(headers, start=1):
                col = TableColumn(id=i, name=h)
                if i == 1:
                    col.totalsRowLabel = "Totaal"
                elif h in ("Bedrag", "Fte", "Aantal"):
                    col.totalsRowFunction = "sum"
                cols.append(col)
            t.tableColumns = cols
            ws.cell(row=ref_end, column=1, value="Totaal")
            for i, h in enumerate(headers, start=1):
                if h in ("Bedrag", "Fte", "Aantal"):
                    ws.cell(row=ref_end, column=i, value=f"=SUBTOTAL(109,{t.displayName}[{h}])")
        ws.add_table(t)
    for c in range(1, len(headers) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 16
    return ws


def new_workbook():
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb


def sheets_of(data):
    return data["sheets"]


def find(data, name):
    return next(s for s in data["sheets"] if s["name"] == name)


def add_chart_sheet(wb, data):
    """A user's own sheet with a bar chart over the ledger amounts."""
    ws = wb.create_sheet("Grafiek")
    ws["A1"] = "Eigen grafiek van de controller"
    n = len(find(data, "Realisatie")["rows"]) + 1
    chart = BarChart()
    chart.title = "Boekingen"
    chart.add_data(Reference(wb["Realisatie"], min_col=3, min_row=1, max_row=n), titles_from_data=True)
    chart.set_categories(Reference(wb["Realisatie"], min_col=1, min_row=2, max_row=n))
    ws.add_chart(chart, "B3")
    return ws


def add_chart_on_input(wb, data):
    """A chart on an input sheet itself, beside the table."""
    ws = wb["Formatie"]
    n = len(find(data, "Formatie")["rows"]) + 1
    chart = LineChart()
    chart.title = "Fte per functie"
    chart.add_data(Reference(ws, min_col=4, min_row=1, max_row=n), titles_from_data=True)
    ws.add_chart(chart, "H2")


def add_comments(wb):
    wb["Formatie"]["A2"].comment = Comment("Functie volgens het functieboek 2025.", "Controller")
    wb["Realisatie"]["C5"].comment = Comment("Bedrag gecontroleerd tegen de grootboekkaart.", "Controller")
    ws = wb.create_sheet("Notities")
    ws["A1"] = "Notities bij de invoer"
    ws["A1"].comment = Comment("Een opmerking op een eigen blad.", "Controller")


def add_validation(wb):
    dv = DataValidation(type="list", formula1='"Loonkosten,Vervanging,Opleiding,Aanvullende dienstverlening,Overig"', allow_blank=True)
    wb["Realisatie"].add_data_validation(dv)
    dv.add("B2:B500")
    dv2 = DataValidation(type="decimal", operator="between", formula1="0", formula2="10")
    wb["Formatie"].add_data_validation(dv2)
    dv2.add("D2:D200")


def add_names(wb, data):
    n = len(find(data, "Formatie")["rows"]) + 1
    wb.defined_names.append(DefinedName("Totaal_fte_bereik", attr_text=f"Formatie!$D$2:$D${n}"))
    wb.defined_names.append(DefinedName("Afdrukbereik_realisatie", attr_text="Realisatie!$A$1:$E$20"))
    ws = wb.create_sheet("Eigen berekening")
    ws["A1"] = "Totaal fte (eigen formule)"
    ws["B1"] = "=SUM(Totaal_fte_bereik)"


def build(name, data):
    wb = new_workbook()
    tables = name not in ("opx-plain", "opx-customdatefmt", "opx-1904-plain")
    totals = name in ("opx-totals", "opx-all")
    date_format = {"opx-customdatefmt": "dd/mm/yyyy"}.get(name, DATE_FORMAT)
    for s in sheets_of(data):
        fmt = date_format
        if name == "opx-customdatefmt" and s["name"] in ("Verzuim", "Verkiezingen"):
            fmt = "d mmmm yyyy"
        write_sheet(wb, s, table=tables, totals=totals and s["name"] in ("Realisatie", "Formatie"), date_format=fmt)
    if name in ("opx-chart", "opx-all"):
        add_chart_sheet(wb, data)
        add_chart_on_input(wb, data)
    if name in ("opx-comment", "opx-all"):
        add_comments(wb)
    if name in ("opx-validation", "opx-all"):
        add_validation(wb)
    if name in ("opx-definedname", "opx-all"):
        add_names(wb, data)
    if name == "opx-all":
        hidden = wb.create_sheet("Verborgen hulpblad")
        hidden["A1"] = "hulp"
        hidden.sheet_state = "hidden"
        wb["Realisatie"].freeze_panes = "A2"
    if name in ("opx-1904", "opx-1904-plain"):
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    if name == "opx-usersheet-first":
        ws = wb.create_sheet("Voorblad", 0)
        ws["A1"] = "Voorblad van de controller"
        ws["A2"] = "Jaar"
        ws["B2"] = 2025
    return wb


VARIANTS = [
    "opx-tables", "opx-plain", "opx-chart", "opx-comment", "opx-validation", "opx-definedname", "opx-totals",
    "opx-customdatefmt", "opx-1904", "opx-1904-plain", "opx-usersheet-first", "opx-all",
]


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    out = sys.argv[2]
    names = sys.argv[3:] or VARIANTS
    for name in names:
        build(name, data).save(f"{out}/{name}.xlsx")


if __name__ == "__main__":
    main()
