"""Fills a template written by `boligsocial template --lang da` with the shipped round, as an
officer would: Danish values in the drop-down columns, amounts as numbers, from row 2 on (over
the example row). Usage: fill_template.py SOURCE_DIR TEMPLATE.xlsx"""
import csv, sys, openpyxl
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from danish_round import values

src, path = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(path)
for name, sheet in [("areas.csv", "Områder"), ("applications.csv", "Ansøgninger")]:
    ws = wb[sheet]
    rows = list(csv.reader(open(f"{src}/{name}", encoding="utf-8")))
    header = rows[0]
    for r, row in enumerate(rows[1:], start=2):
        for c, (h, cell) in enumerate(zip(header, row), start=1):
            if h in ("focus", "objectives"):
                cell = " | ".join(values[v] for v in cell.split("|") if v)
            elif h.split("_")[0] in ("salary", "rent", "activities"):
                cell = int(cell) if cell else None
            elif h == "min_fraction":
                cell = float(cell) if cell else None
            elif cell in values and h not in ("id", "title", "name", "district", "area"):
                cell = values[cell]
            ws.cell(row=r, column=c, value=cell)
        # The template's columns the files do not have (the example row's values) are left blank.
        for c in range(len(header) + 1, ws.max_column + 1):
            ws.cell(row=r, column=c).value = None
wb.save(path)
