#!/usr/bin/env python3
"""Writes a CSV's rows as an Excel 2003 XML spreadsheet (“XML 电子表格 2003”), laid out as Excel
saves one (a <Row> per line, a <Cell><Data ss:Type="String"> per cell, <Cell/> for an empty one),
for timing io/xml_spreadsheet_reader against the same rows as CSV.

usage: bench/csv2xml2003.py IN.csv OUT.xls"""
import csv
import html
import sys

HEAD = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:o="urn:schemas-microsoft-com:office:office"'
        ' xmlns:x="urn:schemas-microsoft-com:office:excel"'
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"'
        ' xmlns:html="http://www.w3.org/TR/REC-html40">\n'
        ' <Worksheet ss:Name="Sheet1">\n  <Table>\n')
TAIL = '  </Table>\n </Worksheet>\n</Workbook>\n'


def main(src, dst):
    with open(src, encoding='utf-8-sig', newline='') as f, open(dst, 'w', encoding='utf-8') as out:
        out.write(HEAD)
        for row in csv.reader(f):
            out.write('   <Row>\n')
            for cell in row:
                if cell:
                    out.write('    <Cell><Data ss:Type="String">%s</Data></Cell>\n'
                              % html.escape(cell, quote=False))
                else:
                    out.write('    <Cell/>\n')
            out.write('   </Row>\n')
        out.write(TAIL)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
