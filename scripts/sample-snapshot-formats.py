#!/usr/bin/env python3
"""Writes two of the sample council's snapshots in the forms HR sends them, so that the
default build reads every kind of snapshot file:

- Content/workforce/snapshots/2017-09-30.xlsx: an Excel workbook in the tidy layout, rates
  stored as Excel stores a percent-formatted cell (20.0% is 0.2 with a `0.0%` style), "-" for
  a figure that does not apply, a bold frozen header;
- Content/workforce/snapshots/2018-09-30.tsv: an outline (pivot) return, tab-separated as it
  comes off the clipboard: the grand total first, then each area's row (its total) followed by
  its staff group rows, which carry no area name.

Each is made from the tidy CSV it replaces (the same figures, cell for cell), given as
arguments; the CSVs are in git history (`git show 7c9ef85:Content/workforce/snapshots/2017-09-30.csv`).
Run from the repository root after scripts/setup:

    .venv/bin/python scripts/sample-snapshot-formats.py OLD-2017-09-30.csv OLD-2018-09-30.csv
"""
import csv
import datetime
import os
import sys

os.environ["OPENPYXL_LXML"] = "False"
from openpyxl import Workbook
from openpyxl.styles import Font

SNAPSHOTS = "Content/workforce/snapshots"
RATES = {"Vacancy rate %", "Agency %"}
COUNTS = {"Headcount", "Cases"}


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def workbook(records, out):
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    header = records[0]
    for r, record in enumerate(records, start=1):
        for c, text in enumerate(record, start=1):
            cell = ws.cell(row=r, column=c)
            name = header[c - 1]
            if r == 1:
                cell.value = text
                cell.font = Font(bold=True)
            elif c <= 2 or text in ("", "-"):
                cell.value = text or None
            elif name in RATES:
                cell.value = round(float(text.rstrip("%")) / 100, 6)
                cell.number_format = "0.0%"
            else:
                cell.value = float(text)
                cell.number_format = "0" if name in COUNTS else "0.0"
    ws.freeze_panes = "C2"
    fixed = datetime.datetime(2017, 10, 2, 9, 0, 0)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "HR Business Partner"
    wb.save(out)


def outline(records, out):
    header = records[0]
    group_column = header.index("Staff group")
    drop = lambda record: record[:group_column] + record[group_column + 1:]
    rows = records[1:]
    grand = [r for r in rows if not r[group_column]]
    lines = [drop(header)] + [drop(r) for r in grand]
    areas = []
    for r in rows:
        if r[group_column] and r[0] not in areas:
            areas.append(r[0])
    for area in areas:
        own = [r for r in rows if r[0] == area]
        total = [r for r in own if r[group_column] == "Total"]
        lines.append(drop(total[0]))
        for r in own:
            if r[group_column] != "Total":
                lines.append([r[group_column]] + drop(r)[1:])
    with open(out, "w", encoding="utf-8", newline="") as f:
        for line in lines:
            f.write("\t".join(line) + "\r\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    workbook(read(sys.argv[1]), os.path.join(SNAPSHOTS, "2017-09-30.xlsx"))
    outline(read(sys.argv[2]), os.path.join(SNAPSHOTS, "2018-09-30.tsv"))


if __name__ == "__main__":
    main()
