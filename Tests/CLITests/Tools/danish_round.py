"""Writes the shipped round as a Danish Excel saves it: semicolons, Windows-1252, CRLF, Danish
headers and values, amounts as `1.040.000 kr.` or with spaces, and `;;;;` rows between blocks.
Usage: danish_round.py SOURCE_DIR TARGET_DIR"""
import csv, sys

headers = {"id": "ID", "name": "Navn", "district": "Bydel", "risk": "Risiko", "title": "Titel", "area": "Område",
           "focus": "Indsatsområder", "objectives": "Formål", "target_group": "Målgruppe",
           "sof_in_steering_group": "SOF i styregruppe", "clear_goals": "Klare mål", "anchoring_plan": "Forankring",
           "coordinator_role": "Koordinatorrolle", "cross_admin": "Tværgående samarbejde",
           "activity_accounting": "Regnskab for aktiviteter", "theory_of_change": "Forandringsteori",
           "min_fraction": "Mindste andel"}
for cat, da in [("salary", "Løn"), ("rent", "Husleje"), ("activities", "Aktiviteter")]:
    for y in range(2009, 2013):
        headers[f"{cat}_{y}"] = f"{da} {y}"
values = {"networks": "inklusion i sociale netværk", "employment_education": "Beskæftigelse", "culture_leisure": "kultur og fritid",
          "health": "sundhed", "volunteering": "den frivillige indsats", "social_integration": "integration af socialt udsatte",
          "ethnic_integration": "integration af etniske minoriteter", "crime_safety": "kriminalitet og tryghed", "image": "image",
          "vulnerable": "udsat", "at_risk": "i risiko", "other": "uden for risikogruppen", "other_housing": "andre boligformer",
          "primary": "primær", "secondary": "sekundær", "explicit": "eksplicit", "implicit": "implicit", "none": "ingen",
          "yes": "ja", "no": "nej"}

def amount(text, k):
    if not text or not text.isdigit():
        return text
    n = int(text)
    grouped = f"{n:,}".replace(",", ".")
    return [f"{grouped} kr.", grouped.replace(".", " "), f"kr. {grouped}", text][k % 4]

def main(src, dst):
    for name in ["areas.csv", "applications.csv"]:
        rows = list(csv.reader(open(f"{src}/{name}", encoding="utf-8")))
        header = rows[0]
        out = [[headers.get(h, h) for h in header]]
        for k, row in enumerate(rows[1:]):
            cells = []
            for h, cell in zip(header, row):
                if h in ("focus", "objectives"):
                    cell = "; ".join(values[v] for v in cell.split("|") if v)
                elif h in values or cell in values and h not in ("id", "title", "name", "district", "area"):
                    cell = values.get(cell, cell)
                elif h.split("_")[0] in ("salary", "rent", "activities"):
                    cell = amount(cell, k)
                elif h == "min_fraction" and cell:
                    cell = cell.replace(".", ",")
                cells.append(cell)
            out.append(cells)
            if k % 10 == 9:
                out.append([""] * len(header))
        out.append([""] * len(header))
        with open(f"{dst}/{name}", "w", encoding="cp1252", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
