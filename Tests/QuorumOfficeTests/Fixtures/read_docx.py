#!/usr/bin/env python3
"""Reads a .docx with python-docx and prints what the QuorumOffice tests assert on, as JSON.

Usage: read_docx.py FILE.docx
A file python-docx cannot open makes it exit 1 with the reason on stderr.
"""
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

ALIGNMENTS = {0: "left", 1: "center", 2: "right", 3: "justify"}


def alignment(paragraph):
    value = paragraph.alignment
    return None if value is None else ALIGNMENTS.get(int(value), str(value))


def paragraph_json(paragraph):
    pPr = paragraph._p.pPr
    numPr = pPr.numPr if pPr is not None else None
    ind = pPr.find(qn("w:ind")) if pPr is not None else None
    return {
        "kind": "paragraph",
        "style": paragraph.style.name,
        "text": paragraph.text,
        "alignment": alignment(paragraph),
        "numID": int(numPr.numId.val) if numPr is not None and numPr.numId is not None else None,
        "level": int(numPr.ilvl.val) if numPr is not None and numPr.ilvl is not None else None,
        "hanging": int(ind.get(qn("w:hanging"))) if ind is not None and ind.get(qn("w:hanging")) else None,
        "bold": [run.text for run in paragraph.runs if run.bold],
        "italic": [run.text for run in paragraph.runs if run.italic],
        "hyperlinks": [{"text": link.text, "url": link.url} for link in paragraph.hyperlinks],
        "pageBreak": any(br.get(qn("w:type")) == "page" for br in paragraph._p.iter(qn("w:br"))),
    }


def table_json(table):
    rows = []
    for row in table.rows:
        trPr = row._tr.trPr
        rows.append({
            "header": trPr is not None and trPr.find(qn("w:tblHeader")) is not None,
            "cantSplit": trPr is not None and trPr.find(qn("w:cantSplit")) is not None,
            "cells": [{"text": cell.text, "alignment": alignment(cell.paragraphs[0])}
                      for cell in row.cells],
        })
    caption = table._tbl.tblPr.find(qn("w:tblCaption"))
    return {
        "kind": "table",
        "caption": caption.get(qn("w:val")) if caption is not None else None,
        "columnWidths": [column.width.twips for column in table.columns],
        "rows": rows,
    }


def main(path):
    try:
        document = docx.Document(path)
    except Exception as error:  # python-docx raises several types for a broken package
        print(f"{path}: python-docx cannot open it: {error}", file=sys.stderr)
        return 1
    blocks = []
    for item in document.iter_inner_content():
        blocks.append(paragraph_json(item) if isinstance(item, Paragraph) else table_json(item))
    core = document.core_properties
    section = document.sections[0]
    print(json.dumps({
        "blocks": blocks,
        "core": {
            "title": core.title,
            "author": core.author,
            "created": core.created.strftime("%Y-%m-%dT%H:%M:%SZ") if core.created else None,
            "modified": core.modified.strftime("%Y-%m-%dT%H:%M:%SZ") if core.modified else None,
        },
        "images": [{"descr": shape._inline.docPr.get("descr"), "width": shape.width, "height": shape.height}
                   for shape in document.inline_shapes],
        "styles": {style.style_id: style.name for style in document.styles},
        "headingOutlineLevels": {
            style.name: int(style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")))
            for style in document.styles
            if style.element.pPr is not None and style.element.pPr.find(qn("w:outlineLvl")) is not None
        },
        "page": {"width": section.page_width.twips, "height": section.page_height.twips},
        # Every w:t, so that the shown result of a field (the page number) counts too.
        "footer": ["".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))
                   for paragraph in section.footer.paragraphs],
    }, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
