#!/usr/bin/env python3
"""Writes the xlsx fixtures of QuorumOfficeTests with openpyxl, a real spreadsheet writer.

Run from the repository root after scripts/setup:

    .venv/bin/python Tests/QuorumOfficeTests/Fixtures/make-xlsx-fixtures.py

The workbooks are committed, so the tests need no Python. What openpyxl cannot write (a
formula's cached value, an inline string, cells without an `r=` attribute) is patched into
the saved zip afterwards, the way other writers produce it.

- hr-return.xlsx: the outline HR return of issue 15 on "Sheet1" (merged title, percent
  styles, shared and rich-text strings, an inline string, a formula with and one without a
  cached value, a hidden row and column, a date, a boolean, an error, a number stored as
  text, a styled blank cell, a row whose cells have no `r=`), then "Notes", "Empty" and a
  hidden "Lookup" sheet.
- dates-1904.xlsx: the 1904 date system, with a hidden first sheet.
"""
import datetime
import os
import re
import zipfile
from pathlib import Path

# openpyxl serialises with lxml when it is installed (python-docx brings it) and with the
# standard library otherwise; the two differ in spacing. Always the standard library, so
# that running the script again gives the same bytes.
os.environ["OPENPYXL_LXML"] = "False"
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = Path(__file__).resolve().parent
# A fixed time stamp in docProps/core.xml, so that running the script again changes nothing.
FIXED = datetime.datetime(2017, 7, 1, 9, 0, 0)


def hr_return(path):
    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    ws = wb.active
    ws.title = "Sheet1"

    ws["A1"] = "Children's Services workforce, June 2017"
    ws.merge_cells("A1:G1")
    ws.append(["Area", "Budgeted FTE", "Employee FTE", "Vacant FTE", "Vacancy rate %",
               "Agency FTE", "Agency %"])
    rows = [
        ["Grand Total for all CSC", 350.4, 260.3, None, 0.257, 108.0, 0.293],
        ["Children In Need", 139.0, 79.0, 60.0, 0.4314, 60.0, 0.432],
        ["Total managers", 25.0, 13.0, 12.0, 0.48, 11.0, 0.458],
        ["Total social workers", 113.0, 65.0, 48.0, 0.4248, 49.0, 0.43],
        ["Total 'others' (non sw posts)", 1.0, 1.0, 0.0, 0.0, 0.0, None],
    ]
    for row in rows:
        ws.append(row)
    # Row 3: Vacant FTE as a formula; its cached value (90.1) is patched in below.
    ws["D3"] = "=B3-C3"
    # Row 5: a formula that openpyxl leaves without a cached value.
    ws["D5"] = "=B5-C5"
    for row in range(3, 8):
        ws.cell(row, 5).number_format = "0.0%"   # custom numFmt 164
        ws.cell(row, 7).number_format = "0.00%"  # built-in 10
    ws["E7"].number_format = "0%"                # built-in 9
    # G7 is a styled blank cell: written as <c r="G7" s=".."/> with no value.
    # Row 6 is hidden; column H holds working notes and is hidden.
    ws.row_dimensions[6].hidden = True
    ws.column_dimensions["H"].hidden = True
    ws["H3"] = "check with HR"
    # A number stored as text, a boolean, an error value, a rich-text string, a date.
    ws["F8"] = "108.0"
    ws["F8"].number_format = "@"
    ws["A8"] = CellRichText([TextBlock(InlineFont(b=True), "Source:"), " HR system"])
    ws["B8"] = True
    ws["C8"] = "#DIV/0!"
    ws["A9"] = "As at"
    ws["B9"] = datetime.date(2017, 6, 30)
    ws["B9"].number_format = "d mmm yyyy"
    ws["C9"] = datetime.datetime(2017, 6, 30, 14, 30)
    ws["C9"].number_format = "yyyy-mm-dd hh:mm"
    ws["D9"] = 42916                             # built-in date format 14
    ws["D9"].number_format = "mm-dd-yy"
    # Row 10 is written without r= attributes (patched below): "Inline", 1, 2, 3.
    ws.append(["Inline", 1, 2, 3])

    notes = wb.create_sheet("Notes")
    notes["A1"] = "Figures as at 30 June 2017"
    notes["B2"] = 0.2567
    wb.create_sheet("Empty")
    lookup = wb.create_sheet("Lookup")
    lookup["A1"] = "Managers"
    lookup.sheet_state = "hidden"
    wb.save(path)

    def patch_sheet1(xml):
        # The cached value that Excel writes next to a formula.
        xml, count = re.subn(r'(<c r="D3"[^>]*>)<f>B3-C3</f><v\s*/?>(</v>)?',
                             r'\1<f>B3-C3</f><v>90.1</v>', xml)
        assert count == 1, "D3 formula not found"
        # An inline string, as some exporters write instead of a shared string.
        # Cells without r=: each follows the one before it in its row.
        xml, count = re.subn(r'<c r="([B-D])10"', '<c', xml)
        assert count == 3, "row 10 cells not found"
        return xml

    rewrite(path, {"xl/worksheets/sheet1.xml": patch_sheet1})
    # openpyxl 3.1 writes every string inline; Excel writes them to the shared string table.
    # A10 stays inline, as some exporters write it.
    share_strings(path, keep_inline={("xl/worksheets/sheet1.xml", "A10")})


def dates_1904(path):
    wb = Workbook()
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.epoch = CALENDAR_MAC_1904
    hidden = wb.active
    hidden.title = "Hidden"
    hidden["A1"] = "not this one"
    hidden.sheet_state = "hidden"
    dates = wb.create_sheet("Dates")
    dates["A1"] = datetime.date(2017, 6, 30)
    dates["A1"].number_format = "yyyy-mm-dd"
    wb.active = 1
    wb.save(path)
    rewrite(path, {})


def share_strings(path, keep_inline):
    """Moves inline strings into xl/sharedStrings.xml, as Excel stores them."""
    table = []

    def index(item):
        if item not in table:
            table.append(item)
        return table.index(item)

    def patcher(part):
        def patch(xml):
            def replace(match):
                if (part, match.group(1)) in keep_inline:
                    return match.group(0)
                return '<c r="%s"%s t="s"><v>%d</v></c>' % (match.group(1), match.group(2),
                                                           index(match.group(3)))
            return re.sub(r'<c r="([A-Z]+\d+)"((?: s="\d+")?) t="inlineStr"><is>(.*?)</is></c>',
                          replace, xml)
        return patch

    with zipfile.ZipFile(path) as source:
        sheets = sorted(name for name in source.namelist() if name.startswith("xl/worksheets/"))
    rewrite(path, {name: patcher(name) for name in sheets})
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              'count="%d" uniqueCount="%d">%s</sst>'
              % (len(table), len(table), "".join("<si>%s</si>" % item for item in table)))
    rewrite(path, {
        "[Content_Types].xml": lambda xml: xml.replace(
            "</Types>",
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'),
        "xl/_rels/workbook.xml.rels": lambda xml: xml.replace(
            "</Relationships>",
            '<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            "</Relationships>"),
    }, add={"xl/sharedStrings.xml": shared})


def fixed_modified_time(xml):
    """openpyxl stamps the time of saving into docProps/core.xml; the fixtures keep FIXED."""
    return re.sub(r"(<dcterms:modified[^>]*>)[^<]*", r"\g<1>" + FIXED.strftime("%Y-%m-%dT%H:%M:%SZ"), xml)


def rewrite(path, patches, add=None):
    """Rewrites parts of a saved zip in place, keeping the order and compression of the rest."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    patches = {"docProps/core.xml": fixed_modified_time, **patches}
    parts = [(info, patches[info.filename](data.decode("utf-8")).encode("utf-8")
              if info.filename in patches else data) for info, data in parts]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        added = [(name, text.encode("utf-8")) for name, text in (add or {}).items()]
        for name, data in [(info.filename, data) for info, data in parts] + added:
            # Fixed time stamps, so that running the script again gives the same bytes.
            info = zipfile.ZipInfo(name, date_time=FIXED.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


if __name__ == "__main__":
    hr_return(HERE / "hr-return.xlsx")
    dates_1904(HERE / "dates-1904.xlsx")
    print("wrote", HERE / "hr-return.xlsx", "and", HERE / "dates-1904.xlsx")
