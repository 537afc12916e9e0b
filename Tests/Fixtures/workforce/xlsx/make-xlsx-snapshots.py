#!/usr/bin/env python3
"""Writes the snapshot workbooks of QuorumWorkforceTests with openpyxl.

Run from the repository root after scripts/setup:

    .venv/bin/python Tests/Fixtures/workforce/xlsx/make-xlsx-snapshots.py

The workbooks are committed, so the tests need no Python. Each holds the figures of
../valid.csv in the same tidy layout, with rates as percent-formatted fractions (17.1% is
stored as 0.171 with a `0.0%` style), and at most one defect:

- valid.xlsx: no defect; its figures are those of valid.csv.
- hidden-row.xlsx: an extra, hidden working row (row 5), which must be skipped with a note.
- uncalculated-formula.xlsx: a blank row 2, so the grand total is row 9, and its Vacant FTE
  (E9) is a formula openpyxl saves without a cached value.
- bad-number.xlsx: Employee FTE of Alpha / Total managers (D2) is the text "sixteen".
- named-sheet.xlsx: a "Cover" sheet first, the figures on "HR return".
- short-row.xlsx: Alpha / Total managers (row 2) stops after Vacant FTE (E2), so its rates
  and Agency FTE (G2) are not given.
"""
import csv
import datetime
import os
from pathlib import Path

os.environ["OPENPYXL_LXML"] = "False"
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
FIXED = datetime.datetime(2019, 10, 1, 9, 0, 0)
RATE_COLUMNS = {"Vacancy rate %", "Agency %"}


def rows():
    with open(HERE.parent / "valid.csv", newline="") as f:
        return list(csv.reader(f))


def fill(ws, records, start_row=1, header=None):
    """Writes records from start_row; the first is the header unless `header` is given."""
    with_header = header is None
    header = records[0] if with_header else header
    for r, record in enumerate(records):
        for c, text in enumerate(record):
            cell = ws.cell(row=start_row + r, column=c + 1)
            if (with_header and r == 0) or c < 2:
                cell.value = text
            elif header[c] in RATE_COLUMNS:
                # "17.1%" as Excel stores it: 0.171, shown through a percent format.
                cell.value = round(float(text.rstrip("%")) / 100, 6)
                cell.number_format = "0.0%"
            else:
                cell.value = float(text)
                cell.number_format = "0.0"


def save(wb, name):
    if wb.worksheets[0].title == "Sheet":
        wb.worksheets[0].title = "Sheet1"  # Excel's name for the first sheet, not openpyxl's
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(HERE / name)


def valid():
    wb = Workbook()
    fill(wb.active, rows())
    save(wb, "valid.xlsx")


def hidden_row():
    records = rows()
    records.insert(4, ["Alpha", "Working copy", "999", "0", "999", "100%", "0", "0%"])
    wb = Workbook()
    fill(wb.active, records)
    wb.active.row_dimensions[5].hidden = True
    save(wb, "hidden-row.xlsx")


def uncalculated_formula():
    records = rows()
    wb = Workbook()
    ws = wb.active
    fill(ws, records[:1])
    fill(ws, records[1:], start_row=3, header=records[0])  # row 2 is left blank
    ws["E9"] = "=C9-D9"
    save(wb, "uncalculated-formula.xlsx")


def bad_number():
    wb = Workbook()
    fill(wb.active, rows())
    wb.active["D2"] = "sixteen"
    save(wb, "bad-number.xlsx")


def named_sheet():
    wb = Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "Workforce return, September 2019"
    fill(wb.create_sheet("HR return"), rows())
    save(wb, "named-sheet.xlsx")


def short_row():
    records = rows()
    records[1] = records[1][:5]
    wb = Workbook()
    fill(wb.active, records)
    save(wb, "short-row.xlsx")


if __name__ == "__main__":
    valid()
    hidden_row()
    uncalculated_formula()
    bad_number()
    named_sheet()
    short_row()
