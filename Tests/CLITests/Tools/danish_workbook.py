"""Writes the shipped round as an officer's workbook: two sheets (Områder, Ansøgninger) with Danish
headers and values, amounts as numbers and as text (`1.040.000 kr.`), an extra column with a formula,
empty rows between blocks and a hidden row. Usage: danish_workbook.py SOURCE_DIR TARGET.xlsx"""
import csv, sys, openpyxl
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from danish_round import headers, values

src, target = sys.argv[1], sys.argv[2]
wb = openpyxl.Workbook()
for k, (name, sheet) in enumerate([("areas.csv", "Områder"), ("applications.csv", "Ansøgninger")]):
    ws = wb.active if k == 0 else wb.create_sheet()
    ws.title = sheet
    rows = list(csv.reader(open(f"{src}/{name}", encoding="utf-8")))
    header = rows[0]
    ws.append([headers.get(h, h) for h in header] + ["Bemærkning"])
    r = 1
    for i, row in enumerate(rows[1:]):
        cells = []
        for h, cell in zip(header, row):
            if h in ("focus", "objectives"):
                cell = " | ".join(values[v] for v in cell.split("|") if v)
            elif h.split("_")[0] in ("salary", "rent", "activities") and cell.isdigit():
                n = int(cell)
                cell = f"{n:,}".replace(",", ".") + " kr." if i % 2 else n
            elif h == "min_fraction" and cell:
                cell = float(cell)
            elif cell in values and h not in ("id", "title", "name", "district", "area"):
                cell = values[cell]
            cells.append(cell)
        r += 1
        ws.append(cells + [f"=LEN(B{r})"])
        if i == 3:
            ws.row_dimensions[r].hidden = True
        if i % 10 == 9:
            ws.append([])
            r += 1
    ws.freeze_panes = "A2"
wb.save(target)
