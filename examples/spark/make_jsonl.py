"""Writes the JSONL archives the Spark test runs over (see tools/spark_test.sh).

    python3 make_jsonl.py fixtures REPO OUT.jsonl
    python3 make_jsonl.py sample CORPUS_DIR LINES OUT.jsonl

`fixtures`: the fixture texts (`fixtures/news/*.txt`, `fixtures/seed/seed.txt`),
one document a line with their file stem as id, then the lines of
`fixtures/inputs/articles.jsonl` as they are (broken ones included), a blank
line and a document whose id is used twice, so that failed lines, their
`NAME:LINE` ids and the duplicate-id note are checked too.

`sample`: the first LINES lines of every `*.jsonl` file of the news corpus,
file after file in name order, unchanged.
"""

import glob
import json
import os
import sys


def fixtures(repo, out):
    paths = sorted(glob.glob(os.path.join(repo, "fixtures/news/*.txt")))
    paths.append(os.path.join(repo, "fixtures/seed/seed.txt"))
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            stem = os.path.splitext(os.path.basename(path))[0]
            lines.append(json.dumps({"id": stem, "text": f.read()}))
    lines.append("")
    with open(os.path.join(repo, "fixtures/inputs/articles.jsonl"), encoding="utf-8") as f:
        lines.extend(f.read().splitlines())
    lines.append(json.dumps({"id": "wire-1", "text": "Kyiv said Russia attacked Kharkiv on Monday."}))
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def sample(corpus, n, out):
    with open(out, "wb") as f:
        for path in sorted(glob.glob(os.path.join(corpus, "*.jsonl"))):
            with open(path, "rb") as src:
                for i, line in enumerate(src):
                    if i >= n:
                        break
                    f.write(line if line.endswith(b"\n") else line + b"\n")


if __name__ == "__main__":
    if sys.argv[1:2] == ["fixtures"] and len(sys.argv) == 4:
        fixtures(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["sample"] and len(sys.argv) == 5:
        sample(sys.argv[2], int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
