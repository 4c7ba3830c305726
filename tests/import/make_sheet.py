#!/usr/bin/python3
"""Writes a filled checksheet in the official layout with openpyxl: a cover
sheet first, then the checksheet with title rows above the header, the 11
official columns, and the answers and notes given on stdin as
NO<TAB>ANSWER<TAB>NOTE lines (\\n in NOTE is a line break).
Usage: make_sheet.py OUT.xlsx < answers.tsv"""
import sys

import openpyxl

HEADER = ["分類", "ラベル", "目的", "要求事項", "No.", "レベル", "達成条件", "達成基準",
          "他社事例", "達成条件評価", "評価の根拠"]

wb = openpyxl.Workbook()
cover = wb.active
cover.title = "表紙"
cover["A1"] = "自工会/部工会・サイバーセキュリティガイドライン チェックシート"
cover["A3"] = "No."        # a lone header word on another sheet must not confuse
ws = wb.create_sheet("チェックシート")
ws["A1"] = "サイバーセキュリティ自己評価 チェックシート"
ws["A2"] = "会社名: 株式会社インポート"
for col, name in enumerate(HEADER, start=1):
    ws.cell(row=4, column=col, value=name)
row = 5
for line in sys.stdin:
    line = line.rstrip("\n")
    if not line:
        continue
    no, answer, note = (line.split("\t") + ["", ""])[:3]
    ws.cell(row=row, column=5, value=int(no))
    ws.cell(row=row, column=6, value="Lv1")
    ws.cell(row=row, column=7, value="条件 %s" % no)
    if answer:
        c = ws.cell(row=row, column=10, value=int(answer) if answer.isdigit() else answer)
    if note:
        c = ws.cell(row=row, column=11, value=note.replace("\\n", "\n"))
        c.data_type = "s"      # a note starting with = stays text
    row += 1
ws.cell(row=row + 2, column=1, value="以上")
wb.save(sys.argv[1])
