#!/usr/bin/python3
"""Reads checksheet.xlsx with openpyxl (an independent reader) and prints
what the export test checks, one fact per line as key=value."""
import sys

import openpyxl


def out(key, value):
    print(f"{key}={value}")


def page(prefix, ws):
    ps = ws.page_setup
    out(f"{prefix}.paper", ps.paperSize)
    out(f"{prefix}.orientation", ps.orientation)
    out(f"{prefix}.fitToPage", ws.sheet_properties.pageSetUpPr.fitToPage)
    # OOXML's default for both is 1, and writers leave a default out.
    out(f"{prefix}.fitToWidth", 1 if ps.fitToWidth is None else ps.fitToWidth)
    out(f"{prefix}.fitToHeight", 1 if ps.fitToHeight is None else ps.fitToHeight)
    out(f"{prefix}.titles", ws.print_title_rows)
    out(f"{prefix}.freeze", ws.freeze_panes)
    out(f"{prefix}.footer", ws.oddFooter.left.text or "")
    out(f"{prefix}.footer.center", ws.oddFooter.center.text or "")


def checksheet(ws, wsf):
    header = [c.value for c in ws[1]]
    out("check.header", "|".join(str(h) for h in header))
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    rows = [r for r in rows if any(v is not None for v in r)]
    out("check.rows", len(rows))
    out("check.order", ",".join(str(r[4]) for r in rows) == ",".join(str(n) for n in range(1, 154)))
    # By position, as a customer's macro reads the official sheet:
    # 他社事例 I, 達成条件評価 J, 評価の根拠 K.
    marked = 0
    for r in rows:
        no = r[4]
        out(f"check.{no}.level", r[5])
        out(f"check.{no}.answer", r[9] or "")
        out(f"check.{no}.note", (r[10] or "").replace("\n", "\\n"))
        marked += 1 if (r[8] or "").startswith("（kamae の例）") and len(r[8]) > 20 else 0
    out("check.examples.marked", marked)
    comment = ws.cell(row=1, column=9).comment
    out("check.examples.comment", "kamae" in comment.text if comment else False)
    # The note cells as typed: a formula-looking note must be a string cell.
    for row in wsf.iter_rows(min_row=2, min_col=11, max_col=11):
        cell = row[0]
        if cell.value:
            out(f"check.{wsf.cell(row=cell.row, column=5).value}.note.type", cell.data_type)
    heights = [ws.row_dimensions[i].height for i in range(2, 155)]
    out("check.heights.set", all(h is not None and h > 15 for h in heights))
    for dv in ws.data_validations.dataValidation:
        out(f"check.validation.{dv.sqref}", f"{dv.type} {dv.formula1}")
    page("check", ws)


def summary(ws, wsf):
    formulas = 0
    for row in ws.iter_rows(min_row=8):
        kind, name = row[0].value, row[1].value
        if not kind:
            continue
        points, percent = row[10].value, row[11].value
        if isinstance(points, (int, float)):
            out(f"sum.{name}.points", f"{points:.1f}")
            out(f"sum.{name}.percent", f"{percent * 100:.0f}")
        else:
            out(f"sum.{name}.points", points)
        out(f"sum.{name}.counts", ",".join(str(row[i].value) for i in range(2, 10)))
    for row in wsf.iter_rows(min_row=8, min_col=3, max_col=12):
        formulas += sum(1 for c in row if c.data_type == "f")
    out("sum.formulas", formulas)
    page("sum", ws)


def plan(ws):
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    tasks = []
    for r in rows:
        if r[0] is None:
            break
        tasks.append(r)
    out("plan.rows", len(tasks))
    out("plan.order", ",".join(str(r[1]) for r in tasks))
    for r in tasks:
        out(f"plan.{r[1]}", f"{r[6]}|{r[8] or ''}|{r[9] or ''}|{r[10]}")
    for dv in ws.data_validations.dataValidation:
        out(f"plan.validation.{dv.sqref}", f"{dv.type} {dv.formula1}")
    page("plan", ws)


def contacts(ws):
    text = []
    for row in ws.iter_rows(values_only=True):
        text.extend(str(v) for v in row if v is not None)
    out("contacts.text", " ".join(t.replace("\n", " ") for t in text))
    page("contacts", ws)


def main():
    path = sys.argv[1]
    wb = openpyxl.load_workbook(path, data_only=True)
    wbf = openpyxl.load_workbook(path)
    out("sheets", ",".join(wb.sheetnames))
    checksheet(wb["チェックシート"], wbf["チェックシート"])
    summary(wb["集計"], wbf["集計"])
    plan(wb["改善計画"])
    contacts(wb["緊急連絡先"])


if __name__ == "__main__":
    main()
