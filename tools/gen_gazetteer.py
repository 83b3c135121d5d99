#!/usr/bin/env python3
"""Writes a synthetic gazetteer for benchmarks (issue 6).

    python3 tools/gen_gazetteer.py N OUT.tsv [--seed S]

writes N entities in gazette's TSV format (id, name, type, aliases,
demonyms, attributes): about half people ("Given Surname",
"Given M. Surname"), a quarter organisations ("X Y Holdings",
"Institute for X Studies") and a quarter places ("Port X", "X-on-Y"), some
with aliases or demonyms. Names are built from syllables, so they rarely
collide with real words or with the default gazetteers; every surface form
in the file is distinct. The same N and seed give the same bytes.

Put OUT.tsv alone in a folder and pass it as `gazette extract --gazetteers
DIR`: it is layered over the embedded defaults.
"""

import argparse
import random
import sys

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "tr", "st", "th", "sh", "zh", "kh", "vl", "gr", "pl"]
VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "ia"]
CODAS = ["", "", "", "", "", "n", "r", "l", "s", "k", "m", "v"]

ORG_HEADS = ["Holdings", "Group", "Industries", "Partners", "Capital",
             "Logistics", "Energy", "Bank", "Airlines", "Mining"]
ORG_FIELDS = ["Studies", "Research", "Policy", "Affairs"]
PLACE_PREFIXES = ["Port", "New", "Fort", "Lake", "Mount", "San"]
PLACE_SUFFIXES = ["Springs", "Heights", "Bay", "Falls"]


class Names:
    """Syllable words drawn from one seeded generator."""

    def __init__(self, seed):
        self.rng = random.Random(seed)

    def pick(self, items):
        return items[int(self.rng.random() * len(items))]

    def word(self, lo=2, hi=3):
        n = lo + int(self.rng.random() * (hi - lo + 1))
        parts = [self.pick(ONSETS) + self.pick(VOWELS) + self.pick(CODAS)
                 for _ in range(n)]
        return "".join(parts).capitalize()

    def initial(self):
        return self.pick("ABCDEFGHJKLMNPRSTVW") + "."


def person(g):
    given, surname = g.word(2, 2), g.word(2, 3)
    r = g.rng.random()
    if r < 0.3:
        return f"{given} {g.initial()} {surname}", [f"{given} {surname}"], []
    if r < 0.45:
        middle = g.word(2, 2)
        return f"{given} {middle} {surname}", [f"{given} {surname}"], []
    return f"{given} {surname}", [], []


def organisation(g):
    r = g.rng.random()
    if r < 0.5:
        x, y = g.word(), g.word()
        head = g.pick(ORG_HEADS)
        return f"{x} {y} {head}", [f"{x} {y}"] if g.rng.random() < 0.4 else [], []
    if r < 0.75:
        x = g.word()
        field = g.pick(ORG_FIELDS)
        return f"Institute for {x} {field}", [f"{x} Institute"], []
    x = g.word()
    return f"{x} National Council", [], []


def place(g):
    r = g.rng.random()
    x = g.word()
    if r < 0.35:
        name = f"{g.pick(PLACE_PREFIXES)} {x}"
    elif r < 0.6:
        name = f"{x}-on-{g.word()}"
    elif r < 0.8:
        name = f"{x} {g.pick(PLACE_SUFFIXES)}"
    else:
        name = x + g.pick(["ia", "stan", "land"])
        demonym = name[:-1] + "n" if name.endswith("ia") else name + "er"
        return name, [], [demonym, demonym + "s"]
    aliases = [f"{x} City"] if g.rng.random() < 0.15 else []
    return name, aliases, []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of entities")
    ap.add_argument("out", help="output TSV file")
    ap.add_argument("--seed", type=int, default=6, help="random seed (default 6)")
    args = ap.parse_args()
    if args.n < 0:
        sys.exit("gen_gazetteer.py: N must be >= 0")

    g = Names(args.seed)
    seen = set()
    rows = []
    kinds = [("PERSON", "p", person)] * 2 + [("ORG", "o", organisation),
                                             ("PLACE", "l", place)]
    i = 0
    while len(rows) < args.n:
        kind, tag, make = kinds[int(g.rng.random() * 4)]
        name, aliases, demonyms = make(g)
        forms = [name] + aliases + demonyms
        if any(f in seen for f in forms) or len(set(forms)) < len(forms):
            continue  # draw again: every surface form stays distinct
        seen.update(forms)
        i += 1
        rows.append(f"gen:{tag}{i:07d}\t{name}\t{kind}\t{'|'.join(aliases)}"
                    f"\t{'|'.join(demonyms)}\t\n")

    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# Synthetic gazetteer: tools/gen_gazetteer.py {args.n} "
                f"--seed {args.seed}. Benchmark data, not real entities.\n")
        f.write("id\tname\ttype\taliases\tdemonyms\tattributes\n")
        f.writelines(rows)


if __name__ == "__main__":
    main()
