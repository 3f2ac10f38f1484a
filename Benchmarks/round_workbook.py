"""Writes a round's two CSV files as one workbook (sheets Områder and Ansøgninger), amounts as
numbers, the rest as text, for timing the workbook reader against the CSV one on the same round.

Usage: round_workbook.py ROUND_DIR TARGET.xlsx [--inline]

By default through XlsxWriter, which stores text as Excel does (each distinct text once, in the
shared strings, the cells pointing at it); with --inline through openpyxl, which writes every text
into its cell (an inline string): about twice the sheet XML, the reader's hardest case."""
import csv
import sys


def rows(source, name):
    with open(f"{source}/{name}", encoding="utf-8", newline="") as f:
        for k, row in enumerate(csv.reader(f)):
            yield row if k == 0 else [int(c) if c.isdigit() and len(c) < 16 else c for c in row]


source, target = sys.argv[1], sys.argv[2]
sheets = [("areas.csv", "Områder"), ("applications.csv", "Ansøgninger")]
if "--inline" in sys.argv[3:]:
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    for name, title in sheets:
        sheet = book.create_sheet(title)
        for row in rows(source, name):
            sheet.append(row)
    book.save(target)
else:
    import xlsxwriter

    book = xlsxwriter.Workbook(target)
    for name, title in sheets:
        sheet = book.add_worksheet(title)
        for r, row in enumerate(rows(source, name)):
            sheet.write_row(r, 0, row)
    book.close()
