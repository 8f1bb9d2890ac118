#!/usr/bin/python3
"""Copies a CSV (UTF-8, BOM allowed) into an .xls with xlwt, every cell as text."""
import csv, sys, xlwt
book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("台账")
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    for r, row in enumerate(csv.reader(f)):
        for c, v in enumerate(row):
            if v:
                sheet.write(r, c, v)
book.save(sys.argv[2])
