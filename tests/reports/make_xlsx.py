#!/usr/bin/python3
"""Writes .xlsx test inputs for the roster importer tests.

  make_xlsx.py openpyxl SPEC.json OUT.xlsx   rows written by openpyxl (shared strings;
                                             numbers stay numbers); a second sheet
                                             "Other" proves only the first is read
  make_xlsx.py handmade SPEC.json OUT.xlsx   a package built by hand: inline strings,
                                             a rich-text shared string with a phonetic
                                             run, the sheet at a non-default path,
                                             cells without r attributes

  make_xlsx.py wide SPEC.json OUT.xlsx       hostile: every row has one value, in column
                                             XFD (the last); SPEC: {"rows": N}
  make_xlsx.py bomb SPEC.json OUT.xlsx       hostile: a worksheet that inflates to
                                             SPEC {"megabytes": N} of blanks

SPEC.json: {"rows": [[cell, ...], ...]} with strings, numbers or null.
"""
import json
import sys
import zipfile
from xml.sax.saxutils import escape


def with_openpyxl(rows, out):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Roster"
    for r in rows:
        ws.append(r)
    other = wb.create_sheet("Other")
    other.append(["ID", "Name"])
    other.append(["X1", "Not this sheet"])
    wb.save(out)


def handmade(rows, out):
    shared = ["Rich Name"]
    cells_xml = []
    for i, r in enumerate(rows, start=1):
        cells = []
        for j, v in enumerate(r):
            # Every other row leaves out the r attributes (allowed: cells follow in order).
            ref = "" if i % 2 == 0 else ' r="%s%d"' % (chr(ord("A") + j), i)
            if v is None:
                if not ref:
                    cells.append('<c t="inlineStr"><is><t></t></is></c>')
                continue
            if v == "Rich Name":
                cells.append('<c%s t="s"><v>0</v></c>' % ref)
            elif isinstance(v, (int, float)):
                cells.append("<c%s><v>%s</v></c>" % (ref, v))
            else:
                cells.append('<c%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, escape(v)))
        cells_xml.append('<row r="%d">%s</row>' % (i, "".join(cells)))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             "<sheetData>%s</sheetData></worksheet>" % "".join(cells_xml))
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           "<si><r><rPr><b/></rPr><t>Rich </t></r><r><t>Name</t></r>"
           "<rPh sb=\"0\" eb=\"1\"><t>PHONETIC</t></rPh></si></sst>")
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Roster" sheetId="1" r:id="rId7"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="/xl/worksheets/data.xml"/>'
            '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="strings.xml"/></Relationships>')
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="xml" ContentType="application/xml"/>'
                     '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                     "</Types>")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/worksheets/data.xml", sheet)
        z.writestr("xl/strings.xml", sst)


def hostile_package(out, write_sheet):
    """A minimal package whose only worksheet is streamed by write_sheet(file)."""
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Roster" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/></Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            f.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            write_sheet(f)
            f.write(b"</sheetData></worksheet>")


def wide(rows, out):
    def sheet(f):
        for i in range(1, rows + 1):
            f.write(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>' % (i, i))
    hostile_package(out, sheet)


def bomb(megabytes, out):
    def sheet(f):
        blank = b" " * (1 << 20)
        for _ in range(megabytes):
            f.write(blank)
    hostile_package(out, sheet)


def main():
    mode, spec, out = sys.argv[1], sys.argv[2], sys.argv[3]
    with open(spec, encoding="utf-8") as f:
        spec = json.load(f)
    if mode == "openpyxl":
        with_openpyxl(spec["rows"], out)
    elif mode == "handmade":
        handmade(spec["rows"], out)
    elif mode == "wide":
        wide(int(spec["rows"]), out)
    elif mode == "bomb":
        bomb(int(spec["megabytes"]), out)
    else:
        raise SystemExit("usage: make_xlsx.py openpyxl|handmade|wide|bomb SPEC.json OUT.xlsx")


if __name__ == "__main__":
    main()
