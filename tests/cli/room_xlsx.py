#!/usr/bin/python3
"""room.xlsx against the room's terminal output: the same figures per company,
the label averages as formulas with their computed values stored, a colour
scale on the heat map.

Usage: room_xlsx.py ROOM.xlsx ROOM_OUTPUT
"""
import os
import re
import sys

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from room_check import room_rows  # noqa: E402


def fmt(v, pct=None):
    if v is None:
        return "n/a"
    return "%.1f" % v if pct is None else "%.1f %.0f%%" % (v, round(pct * 100, 6))


def main(argv):
    bad = []
    out = open(argv[2], encoding="utf-8").read()
    rows, industry = room_rows(out)
    book = openpyxl.load_workbook(argv[1], data_only=True)
    formulas = openpyxl.load_workbook(argv[1])
    want = ["会社別", "ラベル別", "業界比較", "読めなかったファイル"]
    if book.sheetnames != want:
        bad.append("sheets %s, want %s" % (book.sheetnames, want))
    ws = book["会社別"]
    got = []
    for r in range(4, ws.max_row + 1):
        v = [ws.cell(r, c).value for c in range(1, 15)]
        if v[0] is None:
            continue
        got.append(["Lv%d" % v[2], "%d/%d" % (v[3], v[4]), fmt(v[5]), fmt(v[7], v[8]), fmt(v[9], v[10]),
                    "%d/19" % v[11], str(v[12]), str(v[13])])
    if got != rows:
        bad.append("会社別 %s\n  terminal %s" % (got, rows))
    ws = book["業界比較"]
    got = []
    for r in range(4, ws.max_row + 1):
        v = [ws.cell(r, c).value for c in range(1, 9)]
        if v[0] is None:
            continue
        pts = "n/a" if v[3] is None else "%.1f/%.0f" % (v[3], v[4])
        ind = "no band set" if v[6] is None else "%.1f (%d)" % (v[5], v[6])
        diff = "-" if v[7] is None else "%+.1f" % v[7]
        got.append(["Lv%d" % v[2], pts, ind, diff])
    if got != industry:
        bad.append("業界比較 %s\n  terminal %s" % (got, industry))
    ws, wf = book["ラベル別"], formulas["ラベル別"]
    avg_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "平均")
    for label in range(1, 25):
        m = re.search(r"^ +%d \S.*? (\d+%%|-) +(\d+/\d+)?$" % label, out, re.M)
        value, count = ws.cell(avg_row, label + 1).value, ws.cell(avg_row + 1, label + 1).value
        shown = "-" if value in (None, "") else "%.0f%%" % round(value * 100, 6)
        below = m.group(2).split("/")[0] if m and m.group(2) else "0"
        if not m or shown != m.group(1) or str(count) != below:
            bad.append("label %d: xlsx %s %s, terminal %s" % (label, shown, count, m and m.groups()))
        f = wf.cell(avg_row, label + 1).value
        if not (isinstance(f, str) and f.startswith("=IF(COUNT(")):
            bad.append("label %d: average is not a formula (%r)" % (label, f))
    scales = [rule for cf in wf.conditional_formatting for rule in cf.rules if rule.type == "colorScale"]
    if not scales:
        bad.append("ラベル別 has no colour scale")
    for line in bad:
        print(line)
    print("room_xlsx: %d companies, %d mismatches" % (len(rows), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
