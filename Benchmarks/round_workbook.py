"""Writes a round's two CSV files as one workbook (sheets Områder and Ansøgninger), amounts as
numbers, the rest as text, for timing the workbook reader against the CSV one on the same round.
Usage: round_workbook.py ROUND_DIR TARGET.xlsx (needs openpyxl)."""
import csv
import sys

import openpyxl

source, target = sys.argv[1], sys.argv[2]
book = openpyxl.Workbook(write_only=True)
for name, title in [("areas.csv", "Områder"), ("applications.csv", "Ansøgninger")]:
    sheet = book.create_sheet(title)
    with open(f"{source}/{name}", encoding="utf-8", newline="") as f:
        for k, row in enumerate(csv.reader(f)):
            sheet.append(row if k == 0 else [int(c) if c.isdigit() and len(c) < 16 else c for c in row])
book.save(target)
