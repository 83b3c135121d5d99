#!/usr/bin/env python3
"""Builds gazetteers/given_names.txt: given names for the name rules.

The names are the US Census Bureau's 1990 lists of frequently occurring
first names (public domain, a US Government work), as shipped in the PyPI
package `names` 0.3.0 (MIT; files dist.male.first and dist.female.first,
and dist.all.last: a name more frequent as a surname is left out).
Fetch it with

    pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names

and run

    python3 tools/build_given_names.py /tmp/names/names-0.3.0/names [SHARED_DIR] > gazetteers/given_names.txt

Names that are more often ordinary words than names in news text are left
out: those whose lower-case form is more than half as common as their
capitalised form in the shared news corpus (Reuters-21578 and BBC), the
rule that made COMMON_GIVEN in src/extract/names.rs; any name, alias or
demonym of the default gazetteers' places and organisations (`China`,
`German`); and NOT_GIVEN below. What a user's gazetteers name is left out
when the rules start (see NameRules::with_given_names).
"""

import json
import os
import re
import sys
from collections import Counter


def census_frequencies(folder, files):
    """Each name's highest frequency (percent of people) among `files`."""
    freq = {}
    for file in files:
        with open(os.path.join(folder, file), encoding="ascii") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2:
                    name = parts[0].capitalize()
                    freq[name] = max(freq.get(name, 0.0), float(parts[1]))
    return freq


def census_names(folder):
    """The first names that are at least as frequent as first names as they
    are as surnames (not `Johnson`, `Reagan`, `Blair`)."""
    first = census_frequencies(folder, ("dist.male.first", "dist.female.first"))
    last = census_frequencies(folder, ("dist.all.last",))
    return sorted(n for n, f in first.items() if f >= last.get(n, 0.0))


def corpus_counts(shared):
    counts = Counter()
    word = re.compile(r"[A-Za-z]+")
    folder = os.path.join(shared, "data", "news_corpus")
    for file in ("reuters21578.jsonl", "bbc_news_2004_2005.jsonl"):
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            for line in f:
                counts.update(word.findall(json.loads(line).get("text", "")))
    return counts


# Months and weekdays, capitalised words that open names of things more
# often than they name people in news (`Easter Island`, `Liberty Media`,
# `Santa Fe`, `Marine Corps`, `Fannie Mae`), found among the names most
# frequent in the news corpus, and names of faiths and peoples (`Sunni
# Arab districts`, `Roma families`).
NOT_GIVEN = set("""
January February March April May June July August September October November December
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Easter Christmas Liberty Santa Marine Delta Diamond Ivory Nova Porsche Royal Royce King
Queen Prince Princess Sun Chi Mac Fannie Mae Tory Hong Angeles Golden Crystal Sterling
Mercedes Dodge Jeep Lincoln Ford Chase Morgan Merrill Lloyd Stanley Barney Warner Hilton
Dow Jones Edison Marlin Shad Emery Carolina Dakota Nevada Virginia Georgia Florida
Maryland Alberta Venice Geneva Milan Sydney Houston Dallas Denver Cleveland Asia
Sunni Roma
""".split())


def gazetteer_forms(root):
    """Every name, alias and demonym of the default gazetteers' entities
    that are not people: a given name that is one of them is left out."""
    forms = set()
    folder = os.path.join(root, "gazetteers")
    for file in sorted(os.listdir(folder)):
        if not file.endswith(".tsv") or file == "relations.tsv" or file == "people.tsv":
            continue
        with open(os.path.join(folder, file), encoding="utf-8") as f:
            header = None
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                if header is None:
                    header = cols
                    continue
                row = dict(zip(header, cols))
                if row.get("type") == "PERSON":
                    continue
                forms.add(row.get("name", ""))
                for key in ("aliases", "demonyms"):
                    forms.update(v for v in row.get(key, "").split("|") if v)
    return forms


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    folder = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) == 3 else "../shared"
    counts = corpus_counts(shared)
    forms = gazetteer_forms(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    kept, dropped = [], 0
    for name in census_names(folder):
        common = counts[name.lower()] * 2 > counts[name]
        if len(name) < 3 or common or name in NOT_GIVEN or name in forms:
            dropped += 1
            continue
        kept.append(name)
    print("# given_names.txt: given names for the name rules (a known given name")
    print("# followed by capitalised words is a person: `Katja Seizinger`). Generated")
    print("# by tools/build_given_names.py from the US Census Bureau's 1990 lists of")
    print("# frequently occurring first names (public domain; via the PyPI package")
    print("# `names` 0.3.0), less names whose lower-case form is more than half as")
    print("# common as the capitalised one in the shared news corpus (`Will`, `Hope`),")
    print("# names of the gazetteers' places and organisations (`Paris`, `German`),")
    print("# months, and words that open names of things (`Easter`, `Liberty`).")
    print("# One name a line; a `given_names.txt` in --gazetteers DIR adds to this list.")
    for name in kept:
        print(name)
    print(f"build_given_names: {len(kept)} kept, {dropped} dropped", file=sys.stderr)


if __name__ == "__main__":
    main()
