#!/usr/bin/python3
"""The checksheet as LibreOffice prints it: every wrapped cell whole. A row
too short for its text (row heights are set by kamae, LibreOffice draws in
Noto Sans CJK) clips the cell's last lines, so the last characters of every
item's 目的, 達成条件, 達成基準 and kamae example, and of every step of the
contact sheet, must be in the PDF's text (pdftotext -raw keeps each cell's
text together).

Usage: xlsx_tails.py CHECKSHEET.pdf DATADIR
"""
import re
import subprocess
import sys
import unicodedata


def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def table(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                col = line.rstrip("\n").split("\t")
                rows[int(col[0])] = col
    return rows


def main(argv):
    pdf = squash(subprocess.run(["pdftotext", "-raw", argv[1], "-"], capture_output=True, text=True,
                                check=True).stdout)
    items, coach = table(argv[2] + "/items.tsv"), table(argv[2] + "/coach.tsv")
    cells = []
    for no in sorted(items):
        it = items[no]
        cells += [(no, "目的", it[4]), (no, "達成条件", it[6]), (no, "達成基準", it[7].replace("\\n", "\n")),
                  (no, "kamae の例", coach[no][2])]
    for step in ("必要なら警察やIPAに相談する", "戻したあともしばらくは、おかしな動きがないか見守る",
                 "困ったことを振り返り、手順書と連絡先を直す"):
        cells.append(("緊急連絡先", "対応の5段階", step))
    cut = [(no, what, squash(text)[-6:]) for no, what, text in cells if squash(text)[-6:] not in pdf]
    for c in cut[:10]:
        print("cut short: No.%s %s …%s" % c)
    print("%d cells, %d cut short" % (len(cells), len(cut)))
    return 1 if cut else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
