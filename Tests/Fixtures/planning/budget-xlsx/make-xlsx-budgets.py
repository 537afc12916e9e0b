#!/usr/bin/env python3
"""Writes the budget monitoring workbooks of QuorumWorkforceTests with openpyxl.

Run from the repository root after scripts/setup:

    .venv/bin/python Tests/Fixtures/planning/budget-xlsx/make-xlsx-budgets.py

The workbooks are committed, so the tests need no Python. Each holds the sample's budget
monitoring for September 2019 (Content/workforce/budget/2019-09.csv) as finance keeps it,
amounts as numbers with a `£#,##0` format, and at most one defect:

- valid.xlsx: no defect; its figures are those of 2019-09.csv.
- bad-amount.xlsx: Children in Need's Spend to date (C3) is the text "£1.36m".
- uncalculated-total.xlsx: the total's Staffing budget (B9) is =SUM(B2:B8), saved by openpyxl
  without a cached value.
"""
import csv
import datetime
import os
from pathlib import Path

os.environ["OPENPYXL_LXML"] = "False"
from openpyxl import Workbook

HERE = Path(__file__).resolve().parent
REPOSITORY = HERE.parents[3]
FIXED = datetime.datetime(2019, 10, 7, 9, 0, 0)


def rows():
    with open(REPOSITORY / "Content/workforce/budget/2019-09.csv", newline="") as f:
        return list(csv.reader(f))


def workbook():
    wb = Workbook()
    ws = wb.worksheets[0]
    ws.title = "Sheet1"  # Excel's name for the first sheet, not openpyxl's
    for r, record in enumerate(rows()):
        for c, text in enumerate(record):
            cell = ws.cell(row=r + 1, column=c + 1)
            if r == 0 or c == 0:
                cell.value = text
            else:
                cell.value = int(text.replace("£", "").replace(",", ""))
                cell.number_format = "£#,##0"
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    return wb


def main():
    workbook().save(HERE / "valid.xlsx")

    wb = workbook()
    wb.worksheets[0]["C3"] = "£1.36m"
    wb.save(HERE / "bad-amount.xlsx")

    wb = workbook()
    wb.worksheets[0]["B9"] = "=SUM(B2:B8)"
    wb.save(HERE / "uncalculated-total.xlsx")


if __name__ == "__main__":
    main()
