#!/usr/bin/python3
"""Independent reader for RollCall's exports, used by the Qt tests.

  read_report.py xlsx FILE      -> JSON: properties and, per sheet, every cell
  read_report.py csv FILE [SEP] -> JSON: BOM flag and rows (Python's csv module)

Runs under Debian's /usr/bin/python3 with python3-openpyxl. Cells are written as
[type, value, number_format]; type is s (text), n (number), d (date, value
yyyy-mm-dd), b (bool), f (formula) or null (empty).
"""
import csv
import datetime
import io
import json
import sys


def dump_xlsx(path):
    import openpyxl  # imported here so the CSV path works without it

    wb = openpyxl.load_workbook(path)  # not read_only: needs formats, panes, filters
    out = {
        "properties": {"title": wb.properties.title, "creator": wb.properties.creator,
                       "subject": wb.properties.subject},
        "sheets": [],
    }
    for ws in wb.worksheets:
        rows = []
        for row in ws.iter_rows():
            cells = []
            for c in row:
                v = c.value
                if v is None:
                    cells.append([None, None, c.number_format])
                elif c.data_type == "f":
                    cells.append(["f", str(v), c.number_format])
                elif isinstance(v, (datetime.datetime, datetime.date)):
                    cells.append(["d", v.strftime("%Y-%m-%d"), c.number_format])
                elif isinstance(v, bool):
                    cells.append(["b", v, c.number_format])
                elif isinstance(v, (int, float)):
                    cells.append(["n", v, c.number_format])
                else:
                    cells.append(["s", str(v), c.number_format])
            rows.append(cells)
        cf = []
        for rng in ws.conditional_formatting:
            for rule in rng.rules:
                cf.append({"range": str(rng.sqref), "type": rule.type, "formula": list(rule.formula or [])})
        widths = {}
        for key, dim in ws.column_dimensions.items():
            if dim.width:
                # openpyxl groups equal neighbouring columns; expand min..max
                for i in range(dim.min or 0, (dim.max or 0) + 1):
                    widths[openpyxl.utils.get_column_letter(i)] = dim.width
        out["sheets"].append({
            "name": ws.title,
            "max_row": ws.max_row,
            "max_column": ws.max_column,
            "freeze_panes": ws.freeze_panes,
            "auto_filter": ws.auto_filter.ref,
            "header_bold": [bool(c.font and c.font.b) for c in ws[1]] if ws.max_row >= 1 else [],
            "column_widths": widths,
            "conditional_formats": cf,
            "rows": rows,
        })
    return out


def dump_csv(path, sep):
    with open(path, "rb") as f:
        data = f.read()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")  # strict: fails on invalid UTF-8
    crlf_only = "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True))
    return {"bom": bom, "crlf": crlf_only, "rows": rows}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "xlsx":
        out = dump_xlsx(path)
    elif kind == "csv":
        out = dump_csv(path, sys.argv[3] if len(sys.argv) > 3 else ",")
    else:
        raise SystemExit("usage: read_report.py xlsx|csv FILE [SEP]")
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
