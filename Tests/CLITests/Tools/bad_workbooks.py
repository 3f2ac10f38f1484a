"""Writes the malformed workbooks of the corpus into DIR. Usage: bad_workbooks.py DIR"""
import sys, zipfile, openpyxl

d = sys.argv[1]
open(f"{d}/not-a-zip.xlsx", "wb").write(b"id;name\nthis is text\n")
with zipfile.ZipFile(f"{d}/not-a-workbook.xlsx", "w") as z:
    z.writestr("readme.txt", "a zip archive, but no workbook in it")
# An encrypted workbook is an OLE compound file, not a zip (its first bytes D0 CF 11 E0).
open(f"{d}/encrypted.xlsx", "wb").write(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504))

def areas(path, cells=None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Områder"
    ws.append(["id", "navn", "bydel", "risiko"])
    ws.append(cells or ["MJP", "Mjølnerparken", "Nørrebro", "udsat"])
    wb.save(path)

areas(f"{d}/good-areas.xlsx")
areas(f"{d}/formula-error.xlsx", ["MJP", "Mjølnerparken", "Nørrebro", "=1/0"])
# A formula error as Excel saves it: the cell's cached value is the error code.
with zipfile.ZipFile(f"{d}/formula-error.xlsx") as z:
    parts = {n: z.read(n) for n in z.namelist()}
sheet = parts["xl/worksheets/sheet1.xml"].decode()
import re
sheet = re.sub(r'<c r="D2"[^>]*>.*?</c>', '<c r="D2" t="e"><f>1/0</f><v>#REF!</v></c>', sheet)
parts["xl/worksheets/sheet1.xml"] = sheet.encode()
with zipfile.ZipFile(f"{d}/formula-error.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, b)
# A zip bomb: a sheet that unpacks to 600 MB (a few hundred kB packed).
with zipfile.ZipFile(f"{d}/good-areas.xlsx") as z:
    parts = {n: z.read(n) for n in z.namelist()}
with zipfile.ZipFile(f"{d}/bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        if n != "xl/worksheets/sheet1.xml":
            z.writestr(n, b)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        chunk = b" " * (1 << 20)
        for _ in range(600):
            f.write(chunk)
# A row beyond Excel's last row.
sheet = parts["xl/worksheets/sheet1.xml"].decode().replace('<row r="2"', '<row r="1048577"').replace('r="A2"', 'r="A1048577"')
with zipfile.ZipFile(f"{d}/too-many-rows.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, sheet.encode() if n == "xl/worksheets/sheet1.xml" else b)
# A damaged sheet: stored without compression, one letter changed after the checksum was taken.
with zipfile.ZipFile(f"{d}/damaged.xlsx", "w", zipfile.ZIP_STORED) as z:
    for n, b in parts.items():
        z.writestr(n, b)
raw = open(f"{d}/damaged.xlsx", "rb").read()
assert raw.count(b"<sheetData>") == 1
open(f"{d}/damaged.xlsx", "wb").write(raw.replace(b"<sheetData>", b"<sheetDatb>"))
# A sheet of Excel's full 1,048,576 rows: one area, then a styled empty cell in every row below
# (what Excel saves when a whole column has been formatted).
rows = ['<row r="%d"><c r="A%d" s="1"/></row>' % (r, r) for r in range(3, 1048577)]
sheet = parts["xl/worksheets/sheet1.xml"].decode().replace("</sheetData>", "".join(rows) + "</sheetData>")
with zipfile.ZipFile(f"{d}/million-rows.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, b in parts.items():
        z.writestr(n, sheet.encode() if n == "xl/worksheets/sheet1.xml" else b)
