#!/usr/bin/python3
"""A printed page against its HTML: at most MAX pages of A4, and the text of
every table cell on the paper: Chromium clips what runs past the page's
edge, and the clipped characters are then missing from the PDF. (Wrapped
cells come out of pdftotext interleaved, so the characters are counted.)

Usage: print_check.py PAGE.pdf PAGE.html MAX_PAGES
Prints the page count and any character missing; exits 1 on a failure.
"""
import collections
import html.parser
import re
import subprocess
import sys
import unicodedata


def squash(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


class Cells(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.depth = 0
        self.cells = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.depth += 1
            self.text = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.depth:
            self.depth -= 1
            cell = squash("".join(self.text))
            if cell:
                self.cells.append(cell)

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)


def main(argv):
    pdf, page, limit = argv[1], argv[2], int(argv[3])
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    # -raw: the default mode joins a word broken after a hyphen at a line's
    # end ("c-" / "ss.example") and drops the hyphen, which is on the paper.
    text = squash(subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True,
                                 check=True).stdout)
    parser = Cells()
    parser.feed(open(page, encoding="utf-8").read())
    have = collections.Counter(text)
    need = collections.Counter("".join(parser.cells))
    missing = ["%s (%d of %d)" % (ch, have[ch], n) for ch, n in need.items() if have[ch] < n]
    a4 = size and abs(float(size.group(1)) - 595) < 2 and abs(float(size.group(2)) - 842) < 2
    a4 = a4 or (size and abs(float(size.group(1)) - 842) < 2 and abs(float(size.group(2)) - 595) < 2)
    print("%s: %d pages (at most %d), %d table cells, %d characters short%s"
          % (page.rsplit("/", 1)[-1], pages, limit, len(parser.cells), len(missing),
             "" if a4 else ", not A4"))
    for c in missing[:10]:
        print("  missing: %s" % c[:80])
    return 0 if pages <= limit and not missing and a4 and parser.cells else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
