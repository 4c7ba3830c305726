#!/usr/bin/python3
"""Prints how many items a search finds and the first of them, read from
the data files independently of kamae: NFKC and case folding, over the
item texts and the coach texts, plus the items that use a glossary term
whose name or definition matches (usage: search_expect.py DATADIR QUERY)."""
import sys
import unicodedata


def fold(s):
    return unicodedata.normalize("NFKC", s).casefold()


def rows(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.replace("\\n", "\n").split("\t")


datadir, query = sys.argv[1], fold(sys.argv[2])
texts, shown = {}, {}
for r in rows(f"{datadir}/items.tsv"):
    texts[int(r[0])] = " ".join(r[4:8])
    shown[int(r[0])] = " ".join(r[5:8])   # the item screen shows no 目的
for r in rows(f"{datadir}/coach.tsv"):
    texts[int(r[0])] += " " + " ".join(r[1:5])
    shown[int(r[0])] += " " + " ".join(r[1:5])
terms = [r[1] for r in rows(f"{datadir}/glossary.tsv") if query in fold(r[1]) or query in fold(r[2])]


def uses(text, term):
    return term in text or (" " in term and term.replace(" ", "") in text)


found = [no for no in sorted(texts)
         if query in fold(texts[no]) or any(uses(shown[no], t) for t in terms)]
print(len(found), found[0] if found else 0)
