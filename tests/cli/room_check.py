#!/usr/bin/python3
"""Checks `kamae room` output against `kamae summary` of each file and an
independent computation of the label view from the databases themselves.

Usage: room_check.py ROOM_OUTPUT YEAR DB...   (DB: the readable files, in
the room's order, i.e. sorted by path; YEAR 0 for each file's latest)
Prints one line per mismatch and exits 1 when there is any.
"""
import os
import re
import sqlite3
import subprocess
import sys

KAMAE = os.environ["KAMAE"]
DATA = os.environ["KAMAE_DATADIR"]
POINTS = {"done": 2, "progress": 1}
bad = []


def summary(db, year):
    args = [KAMAE, "--db", db] + (["--year", str(year)] if year else []) + ["summary"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def expected_row(text):
    """The company table's figures, as kamae summary states them."""
    target = int(re.search(r"^Target level: Lv(\d)", text, re.M).group(1))
    answered = total = 0
    for lv, a, t in re.findall(r"^  Lv(\d) +(\d+)/(\d+)$", text, re.M):
        if int(lv) <= target:
            answered += int(a)
            total += int(t)
    cells = []
    for lv, pts in re.findall(r"^  Lv(\d) (n/a \(all 該当なし\)|[\d.]+/\d+ \(\d+%\))", text, re.M):
        if pts.startswith("n/a"):
            cells.append("n/a")
            continue
        m = re.match(r"([\d.]+)/\d+ \((\d+)%\)", pts)
        cells.append(m.group(1) if lv == "1" else "%s %s%%" % (m.group(1), m.group(2)))
    done = re.search(r"^Priority items 対策完了: (\d+/19)$", text, re.M).group(1)
    open_line = re.search(r"^Unanswered priority items:(.*)$", text, re.M).group(1).split()
    unanswered = 0 if open_line == ["none"] else len(open_line)
    m = re.search(r"^To re-confirm \(要再確認\): (\d+) answer", text, re.M)
    check = int(m.group(1)) if m else 0
    row = ["Lv%d" % target, "%d/%d" % (answered, total)] + cells[:3] + [done, str(unanswered), str(check)]
    # The industry view.
    pts = re.search(r"^Up to the target level Lv\d: (n/a|[\d.]+/\d+)", text, re.M).group(1)
    ind = re.search(r"^2022 industry average, .*: ([\d.]+)/\d+ \((\d+) compan", text, re.M)
    diff = re.search(r"^Difference: ([-+][\d.]+) points", text, re.M)
    industry = [pts, "%s (%s)" % ind.groups() if ind else "no band set", diff.group(1) if diff else "-"]
    return row, industry


ROW = re.compile(r"(Lv\d) +(\d+/\d+) +(n/a|[\d.]+) +(n/a|[\d.]+ \d+%) +(n/a|[\d.]+ \d+%) +(\d+/19) +(\d+) +(\d+)$")
IND = re.compile(r" (Lv\d) +(n/a|[\d.]+/\d+) +(no band set|[\d.]+ \(\d+\)) +(\S+)$")


def room_rows(out):
    rows, industry = [], []
    part = 0
    for line in out.splitlines():
        if line.startswith("Per label"):
            part = 1
        elif line.startswith("Against the 2022"):
            part = 2
        m = ROW.search(line) if part == 0 else IND.search(line) if part == 2 else None
        if m:
            (rows if part == 0 else industry).append(list(m.groups()))
    return rows, industry


def items():
    out = {}
    with open(os.path.join(DATA, "items.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            col = line.split("\t")
            out[int(col[0])] = (int(col[1]), int(col[2]))
    return out


def label_percents(db, year, catalog):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    q = "select id, target_level from assessments %s order by year desc, id desc limit 1"
    aid, target = con.execute(q % ("where year = ?" if year else ""), (year,) if year else ()).fetchone()
    answers = dict(con.execute("select item, value from answers where assessment = ?", (aid,)))
    con.close()
    pct = {}
    if not any(answers.get(no) for no, (lv, lb) in catalog.items() if lv <= target):
        return pct   # nothing answered yet: not in the averages
    for label in range(1, 25):
        nos = [no for no, (lv, lb) in catalog.items() if lb == label and lv <= target]
        total = len(nos)
        na = sum(1 for no in nos if answers.get(no) == "na")
        raw = sum(POINTS.get(answers.get(no), 0) for no in nos)
        if total - na <= 0:
            continue
        scaled = float(raw) * total / (total - na)
        pct[label] = 100.0 * scaled / (2 * total)
    return pct


def main(argv):
    out = open(argv[1], encoding="utf-8").read()
    year = int(argv[2])
    dbs = argv[3:]
    rows, industry = room_rows(out)
    if len(rows) != len(dbs) or len(industry) != len(dbs):
        bad.append("room shows %d/%d rows for %d files" % (len(rows), len(industry), len(dbs)))
    for i, db in enumerate(dbs[:len(rows)]):
        want_row, want_ind = expected_row(summary(db, year))
        if rows[i] != want_row:
            bad.append("%s: room %s, summary %s" % (db, rows[i], want_row))
        if i < len(industry) and industry[i][1:] != want_ind:
            bad.append("%s industry: room %s, summary %s" % (db, industry[i][1:], want_ind))
    # The label view, from the databases.
    catalog = items()
    per = [label_percents(db, year, catalog) for db in dbs]
    averages = {}
    for label in range(1, 25):
        vals = [p[label] for p in per if label in p]
        if not vals:
            want = None
        else:
            s = 0.0
            for v in vals:
                s += v
            averages[label] = s / len(vals)
            want = "%.0f%% %d/%d" % (averages[label], sum(1 for v in vals if v < 50.0), len(vals))
        m = re.search(r"^ +%d \S.*? (\d+%%) +(\d+/\d+)$" % label, out, re.M)
        got = "%s %s" % m.groups() if m else None
        if got != want:
            bad.append("label %d: room %s, computed %s" % (label, got, want))
    weakest = sorted(averages, key=lambda l: (averages[l], l))[:5]
    got = [int(x) for x in re.findall(r"^  \d\. .*? (\d+)%$", out, re.M)]
    shown = re.findall(r"^  \d\. (.*) \d+%$", out, re.M)
    names = {}
    with open(os.path.join(DATA, "labels.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#") and line.strip():
                col = line.split("\t")
                names[int(col[0])] = col[4]
    want_names = [names[l] for l in weakest]
    if shown != want_names:
        bad.append("weakest labels: room %s, computed %s" % (shown, want_names))
    for line in bad:
        print(line)
    print("room_check: %d companies, %d mismatches" % (len(dbs), len(bad)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
