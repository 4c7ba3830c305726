#!/usr/bin/python3
"""Copy check: our own texts must not repeat the seeds' sentences.

Usage: copycheck.py SEED_DIR FILE.tsv[:COL,COL...] ...
Each named TSV column (0-based; default: every column but the first) is
compared with the seed texts; a file not ending in .tsv (a document
template) is compared line by line, every line whole. Both sides are NFKC-normalised and stripped of
white space, because the seeds come from PDFs with line breaks mid-sentence.
Exits 1 when any field shares a run longer than LIMIT characters with a seed,
and prints the longest shared run found either way.
"""
import os
import sys
import unicodedata

LIMIT = 20


def norm(s):
    s = unicodedata.normalize("NFKC", s.replace("\\n", "\n"))
    return "".join(ch for ch in s if not ch.isspace())


def seed_grams(seed_dir, n):
    grams = set()
    for name in sorted(os.listdir(seed_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
            text = norm(f.read())
        for i in range(len(text) - n + 1):
            grams.add(text[i:i + n])
    return grams


def longest_run(text, grams_by_len, seed_text):
    """Longest substring of text that occurs in the seeds (at least 8 chars)."""
    best = ""
    n = 8
    i = 0
    while i + n <= len(text):
        if text[i:i + n] in grams_by_len:
            j = i + n
            while j < len(text) and text[i:j + 1] in seed_text:
                j += 1
            if j - i > len(best):
                best = text[i:j]
            i += 1
        else:
            i += 1
    return best


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    seed_dir = argv[1]
    seed_text = ""
    for name in sorted(os.listdir(seed_dir)):
        if name.endswith(".txt"):
            with open(os.path.join(seed_dir, name), encoding="utf-8") as f:
                seed_text += norm(f.read()) + "\x00"
    grams8 = seed_grams(seed_dir, 8)
    failed = 0
    overall = ("", "")
    fields = 0
    for spec in argv[2:]:
        path, _, cols = spec.partition(":")
        want = [int(c) for c in cols.split(",")] if cols else None
        tsv = path.endswith(".tsv")
        if not tsv:
            want = [0]
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line or (tsv and line.startswith("#")):
                    continue
                parts = line.split("\t") if tsv else [line]
                for c, value in enumerate(parts):
                    if (want is None and c == 0) or (want is not None and c not in want):
                        continue
                    fields += 1
                    run = longest_run(norm(value), grams8, seed_text)
                    where = "%s:%d (row %s, column %d)" % (path, lineno, parts[0], c)
                    if len(run) > len(overall[0]):
                        overall = (run, where)
                    if len(run) > LIMIT:
                        print("%s: shares %d characters with a seed: %s" % (where, len(run), run))
                        failed += 1
    print("copy check: %d fields, %d over %d characters; longest shared run %d: %s (%s)"
          % (fields, failed, LIMIT, len(overall[0]), overall[0], overall[1]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
