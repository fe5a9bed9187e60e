"""openpyxl-reference: the entries export written with openpyxl's
write-only mode, for scripts/bench to compare report-export against.

usage: openpyxl-reference.py BOOK OUT.xlsx 'SELECT ...'
"""
import datetime
import sqlite3
import sys

import openpyxl
from openpyxl.cell import WriteOnlyCell

book, out, query = sys.argv[1:4]
db = sqlite3.connect("file:%s?mode=ro" % book, uri=True)
cur = db.execute(query)
names = [d[0] for d in cur.description]
wb = openpyxl.Workbook(write_only=True)
ws = wb.create_sheet("Entries")
ws.append(names)
for row in cur:
    cells = []
    for name, value in zip(names, row):
        if value is None:
            cells.append(None)
        elif name == "date":
            c = WriteOnlyCell(ws, value=datetime.date.fromisoformat(value))
            c.number_format = "yyyy-mm-dd"
            cells.append(c)
        elif "minutes" in name:
            c = WriteOnlyCell(ws, value=datetime.timedelta(minutes=value))
            c.number_format = "[h]:mm"
            cells.append(c)
        elif name == "earned":
            c = WriteOnlyCell(ws, value=value / 100)
            c.number_format = "#,##0.00"
            cells.append(c)
        else:
            cells.append(value)
    ws.append(cells)
wb.save(out)
