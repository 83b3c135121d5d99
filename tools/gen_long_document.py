#!/usr/bin/env python3
"""Writes one long synthetic news document for benchmarks (issue 6).

    python3 tools/gen_long_document.py N OUT.txt [--seed S]

names N people by a title the name rules read ("Foreign Minister Kora
Velmitand met officials ..."), then mentions each again eight times
without it, in shuffled order, half the time with places and a count
("Later Kora Velmitand said Russia sent 300 shells to Kyiv."): about 500
bytes of text a name. A long transcript or a list of officials is such
a document. gazette's time per byte on it should be what it is on short
news reports; work that grows with the number of names times the length
of the document shows up here as a drop in MB/s. The same N and seed give
the same bytes.

With --speech, each repeat is followed by reported speech that a pronoun
introduces ("He said the talks would go on.", "\"We will not accept this,\"
she said."), so that resolving pronouns to the person named just before
is timed on a long document too: about 830 bytes of text a name.
"""

import argparse
import random

GIVEN = ["John", "Maria", "Ahmed", "Olena", "Kim", "Pedro", "Anna", "Ivan",
         "Laila", "Tom", "Sofia", "Yusuf"]
SYLLABLES = ["ka", "ri", "mo", "ten", "sul", "bor", "vi", "la", "den", "gro",
             "mar", "tis", "pol", "ve", "nu", "dra"]
TITLES = ["Foreign Minister", "Defence Minister", "General", "Ambassador"]
SPEECH = ["He said the talks would go on.", "She said the talks would go on.",
          "\"We will not accept this,\" he said.", "\"We will not accept this,\" she said."]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of distinct names")
    parser.add_argument("out", help="the text file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--speech", action="store_true",
                        help="follow each repeat with a pronoun reporting speech")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = []
    seen = set()
    while len(names) < args.n:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize()
        name = f"{rng.choice(GIVEN)} {surname}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    parts = [f"{rng.choice(TITLES)} {name} met officials in the capital on Tuesday, "
             f"and said talks would continue." for name in names]
    # Half the repeats also name places the default gazetteers hold and a
    # count, so that quantities, relations and mentions pile up too.
    places = ["Russia", "Ukraine", "North Korea", "Kyiv", "Moscow", "Seoul"]
    for _ in range(8):
        for name in rng.sample(names, len(names)):
            if rng.random() < 0.5:
                parts.append(f"Later {name} spoke again about the plan.")
            else:
                a, b = rng.sample(places, 2)
                parts.append(f"Later {name} said {a} sent {rng.randint(2, 900)} shells to {b}.")
            if args.speech:
                parts.append(rng.choice(SPEECH))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(" ".join(parts) + "\n")


if __name__ == "__main__":
    main()
