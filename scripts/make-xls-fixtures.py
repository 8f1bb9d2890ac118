#!/usr/bin/python3
"""Writes the .xls (Excel 97-2003) test files of src/io/testdata with xlwt (Debian python3-xlwt).

Usage: /usr/bin/python3 scripts/make-xls-fixtures.py
The files are committed; run this again only to change them (and the tests that read them).
"""
import datetime
import os

import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "src", "io", "testdata")


def ledger(path):
    """A people ledger as a county office keeps it in Excel 2003: a hidden sheet of lists and a
    sheet of instructions first, then the ledger under a merged title, with a date cell, numbers,
    an empty row and a last row whose last cells are empty."""
    book = xlwt.Workbook(encoding="utf-8")
    # A hidden sheet that looks like a ledger (a template's lists): passed over, as in an .xlsx.
    lists = book.add_sheet("字典")
    lists.write(0, 0, "姓名")
    lists.write(0, 1, "户籍地")
    lists.write(1, 0, "隐藏表人员")
    lists.write(1, 1, "421022")
    lists.visibility = 1
    notes = book.add_sheet("填表说明")
    notes.write(0, 0, "请按户籍地逐村填写")
    notes.write(1, 0, "身份证号请设置为文本格式")
    sheet = book.add_sheet("返乡人员台账")
    sheet.write_merge(0, 0, 0, 7, "公安县返乡人员台账")
    for col, head in enumerate(
            ["序号", "姓名", "身份证号", "联系电话", "户籍地", "返乡时间", "计划投资（万元）", "备注"]):
        sheet.write(1, col, head)
    day = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    sheet.write(2, 0, 1)
    sheet.write(2, 1, "张三")
    sheet.write(2, 2, "421022199001010058")
    sheet.write(2, 3, 13800001111)  # a phone typed as a number
    sheet.write(2, 4, "公安县埠河镇")
    sheet.write(2, 5, datetime.date(2026, 1, 20), day)
    sheet.write(2, 6, 12.5)
    sheet.write(2, 7, "春节返乡")
    # Row 4 (index 3) is left empty.
    sheet.write(4, 0, 2)
    sheet.write(4, 1, "李四")
    sheet.write(4, 2, "421022199203150016")
    sheet.write(4, 3, "13900002222")
    sheet.write(4, 4, "421022")
    sheet.write(4, 5, "2026年1月")
    book.save(path)


def merged(path):
    """A village's people with 乡镇 and 村 merged down over their rows, as offices lay it out."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("摸排表")
    for col, head in enumerate(["序号", "姓名", "乡镇", "村"]):
        sheet.write(0, col, head)
    for r in range(1, 6):
        sheet.write(r, 0, r)
        sheet.write(r, 1, "合并%d" % r)
    sheet.write_merge(1, 5, 2, 2, "斑竹垱镇")
    sheet.write_merge(1, 3, 3, 3, "车家垱村")
    sheet.write_merge(4, 5, 3, 3, "斑竹垱社区")
    book.save(path)


def large(path):
    """200 people, 乡镇 merged down over each twenty: a workbook stream past 4,096 bytes, which a
    compound file keeps in regular sectors (smaller streams live in its mini stream)."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("台账")
    for col, head in enumerate(["序号", "姓名", "乡镇"]):
        sheet.write(0, col, head)
    for r in range(1, 201):
        sheet.write(r, 0, r)
        sheet.write(r, 1, "人员%d" % r)
    for g in range(10):
        sheet.write_merge(1 + 20 * g, 20 + 20 * g, 2, 2, "镇%d" % (g + 1))
    book.save(path)


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    ledger(os.path.join(OUT, "ledger.xls"))
    merged(os.path.join(OUT, "merged.xls"))
    large(os.path.join(OUT, "large.xls"))
