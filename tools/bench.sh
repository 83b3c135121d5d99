#!/usr/bin/env bash
# Whole-process benchmark for issue 6: times the release binary on the news
# corpus (Reuters-21578 + BBC) at -j1 and -j2 with the default gazetteers and
# with generated ones of 100k and 1M extra entities, and prints one table.
#
#   tools/bench.sh [SHARED_DIR]          (default ../shared)
#
# Environment:
#   GAZETTE_BENCH_RUNS=3         runs per configuration (the median is shown)
#   GAZETTE_BENCH_SIZES="100000 1000000"   generated gazetteer sizes ("" for none)
#   GAZETTE_BENCH_LARGE=10       copies of the corpus in the large input
#                                (about 21 MB of text each; 0 skips it)
#   GAZETTE_BENCH_LONG_NAMES=12000  names in the long documents (about 500
#                                and 830 bytes of text each)
#   GAZETTE_BENCH_LONG_DIGEST=16  MB of the corpus's text put on one line as
#                                one more long document (0 skips it)
#
# Wall time comes from hyperfine when it is installed, else from
# /usr/bin/time; peak RSS and CPU time always from /usr/bin/time. MB/s counts document
# text (run.json's "bytes") over the whole process's wall time, gazetteer
# build included. The baseline is examples/bench_scan.rs, run here too.
set -euo pipefail
cd "$(dirname "$0")/.."

SHARED=${1:-../shared}
RUNS=${GAZETTE_BENCH_RUNS:-3}
SIZES=${GAZETTE_BENCH_SIZES-"100000 1000000"}
LARGE=${GAZETTE_BENCH_LARGE:-10}
LONG_NAMES=${GAZETTE_BENCH_LONG_NAMES:-12000}
LONG_DIGEST=${GAZETTE_BENCH_LONG_DIGEST:-16}
CORPUS=("$SHARED/data/news_corpus/reuters21578.jsonl" "$SHARED/data/news_corpus/bbc_news_2004_2005.jsonl")
for f in "${CORPUS[@]}"; do
    [[ -f $f ]] || { echo "bench.sh: $f not found (pass the shared directory)" >&2; exit 2; }
done
[[ -x /usr/bin/time ]] || { echo "bench.sh: needs /usr/bin/time (GNU time)" >&2; exit 2; }

echo "bench.sh: building (release)" >&2
cargo build --release --quiet --bin gazette --example bench_scan --example bench_stages
TARGET=${CARGO_TARGET_DIR:-target}/release
GAZETTE=$TARGET/gazette

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

median() { python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# measure NAME ARGS...: runs `gazette ARGS` RUNS times (under `taskset -c 0`
# when PIN=1); sets WALL (median s), CPU (median user+sys s) and RSS
# (largest peak RSS, MB) and keeps run.json in $TMP/out-NAME.
measure() {
    local name=$1; shift
    local out=$TMP/out-$name walls=() cpus=() rss=0 r pin=()
    if [[ ${PIN:-0} == 1 ]]; then pin=(taskset -c 0); fi
    for ((r = 0; r < RUNS; r++)); do
        rm -rf "$out"
        /usr/bin/time -f '%e %M %U %S' -o "$TMP/time" "${pin[@]}" "$GAZETTE" "$@" --out "$out" -q 2>/dev/null \
            || [[ $? == 1 ]] || { echo "bench.sh: gazette $* failed" >&2; exit 2; }
        read -r w kb u s < <(tail -n 1 "$TMP/time")
        walls+=("$w")
        cpus+=("$(python3 -c 'import sys; print(float(sys.argv[1]) + float(sys.argv[2]))' "$u" "$s")")
        if (( kb > rss )); then rss=$kb; fi
    done
    WALL=$(median "${walls[@]}")
    CPU=$(median "${cpus[@]}")
    if command -v hyperfine >/dev/null; then
        hyperfine --runs "$RUNS" --style none --export-json "$TMP/h.json" \
            "rm -rf $out-h; ${pin[*]} $GAZETTE $* --out $out-h -q 2>/dev/null" >/dev/null
        WALL=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$TMP/h.json")
    fi
    RSS=$((rss / 1024))
}
bytes_of() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$1/run.json"; }
mbs() { python3 -c 'import sys; print(f"{int(sys.argv[1]) / 1e6 / float(sys.argv[2]):.2f}")' "$1" "$2"; }

: > "$TMP/empty.jsonl"
ROWS=()
STAGES=()
# taskset pins a process to one core, where the machine has it.
PINNABLE=
if command -v taskset >/dev/null && taskset -c 0 true 2>/dev/null; then PINNABLE=1; fi
for size in 0 $SIZES; do
    args=()
    label=default
    if [[ $size != 0 ]]; then
        label="+$size"
        mkdir -p "$TMP/g$size"
        echo "bench.sh: generating $size entities" >&2
        python3 tools/gen_gazetteer.py "$size" "$TMP/g$size/gen.tsv"
        args=(--gazetteers "$TMP/g$size")
    fi
    echo "bench.sh: $label: baseline scan" >&2
    scan_out=$("$TARGET/examples/bench_scan" "$SHARED" "${args[@]}")
    scan=$(sed -n 's/^scan_mb_s=//p' <<< "$scan_out")
    patterns=$(sed -n 's/^baseline scan: \([0-9]*\) patterns.*/\1/p' <<< "$scan_out")
    echo "bench.sh: $label: empty input" >&2
    measure "empty$size" extract "$TMP/empty.jsonl" "${args[@]}" -j1
    build=$WALL build_rss=$RSS
    echo "bench.sh: $label: corpus -j1" >&2
    measure "j1-$size" extract "${CORPUS[@]}" "${args[@]}" -j1
    bytes=$(bytes_of "$TMP/out-j1-$size")
    j1=$(mbs "$bytes" "$WALL") cpu1=$(python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.0%}")' "$CPU" "$WALL")
    echo "bench.sh: $label: corpus -j2" >&2
    measure "j2-$size" extract "${CORPUS[@]}" "${args[@]}" -j2
    j2=$(mbs "$bytes" "$WALL") rss2=$RSS
    extra=$(python3 -c 'import sys; b,w,c,z=map(float,sys.argv[1:]); print(f"{b/1e6/(w-z):.2f} | {c/w:.0%} | {b/1e6/c:.2f}")' "$bytes" "$WALL" "$CPU" "$build")
    ratios=$(python3 -c 'import sys; a,b,s=map(float,sys.argv[1:]); print(f"{a/s:.3f} | {b/2/s:.3f} | {b/a:.2f}x")' "$j1" "$j2" "$scan")
    # At -j1 the reading and writing threads use the second core too (CPU
    # -j1 above 100 %): pinned to one core, the whole process shows what
    # one core does, and the second core's gain from it.
    pinned="n/a | n/a"
    if [[ -n $PINNABLE ]]; then
        echo "bench.sh: $label: corpus -j1 on one core" >&2
        PIN=1 measure "p1-$size" extract "${CORPUS[@]}" "${args[@]}" -j1
        pinned=$(python3 -c 'import sys; b,w,j2=map(float,sys.argv[1:]); print(f"{b/1e6/w:.2f} | {j2/(b/1e6/w):.2f}x")' "$bytes" "$WALL" "$j2")
    fi
    ROWS+=("| $label | $patterns | $build | $build_rss | $j1 | $cpu1 | $j2 | $extra | $scan | $ratios | $pinned | $rss2 |")
    echo "bench.sh: $label: stages" >&2
    STAGES+=("$("$TARGET/examples/bench_stages" "$SHARED" "${args[@]}")")
done

# Peak RSS against input size: about 10 MB of JSONL, and the corpus repeated
# LARGE times with fresh ids (default gazetteers, -j2, one run each).
head -c 10000000 "${CORPUS[0]}" | sed '$d' > "$TMP/small.jsonl"
RUNS=1 measure small extract "$TMP/small.jsonl" -j2
b=$(bytes_of "$TMP/out-small")
SMALL="| $b | $(du -m "$TMP/small.jsonl" | cut -f1) | $WALL | $(mbs "$b" "$WALL") | $RSS |"
if (( LARGE > 0 )); then
    echo "bench.sh: large input (${LARGE}x corpus)" >&2
    for ((k = 0; k < LARGE; k++)); do
        cat "${CORPUS[@]}" | sed "s/^{\"id\": \"/{\"id\": \"copy$k-/"
    done > "$TMP/large.jsonl"
    RUNS=1 measure large extract "$TMP/large.jsonl" -j2
    b=$(bytes_of "$TMP/out-large")
    LARGE_ROW="| $b | $(du -m "$TMP/large.jsonl" | cut -f1) | $WALL | $(mbs "$b" "$WALL") | $RSS |"
    if [[ -n $PINNABLE ]]; then
        # Scaling at archive scale: the gazetteer build and each thread's
        # first megabytes weigh little here.
        large2=$WALL
        echo "bench.sh: large input -j1 on one core" >&2
        PIN=1 RUNS=1 measure large1 extract "$TMP/large.jsonl" -j1
        LARGE_PINNED=$(python3 -c 'import sys; b,w1,w2=map(float,sys.argv[1:]); print(f"{b/1e6/w1:.2f} MB/s -j1 on one core, {w1/w2:.2f}x from one core to -j2")' "$b" "$WALL" "$large2")
    fi
    rm -f "$TMP/large.jsonl"
fi

# Long documents naming many people (tools/gen_long_document.py), without
# and with reported speech after each repeat, -j1, one run each: their MB/s
# should be about the corpus's at -j1.
# Then the corpus's first LONG_DIGEST MB of text as one document on one
# line: a digest or a scraped page, real text where every stage's work
# per byte should stay what it is on the corpus's short reports.
LONG_ROWS=()
for speech in "" --speech; do
    echo "bench.sh: long document ${speech:-without speech}" >&2
    python3 tools/gen_long_document.py "$LONG_NAMES" "$TMP/long.txt" $speech
    RUNS=1 measure long extract "$TMP/long.txt" -j1
    b=$(bytes_of "$TMP/out-long")
    LONG_ROWS+=("| generated, $LONG_NAMES names${speech:+ $speech} | $b | $WALL | $(mbs "$b" "$WALL") | $RSS |")
done
if (( LONG_DIGEST > 0 )); then
    echo "bench.sh: the corpus as one line" >&2
    python3 - "$TMP/long.txt" "$LONG_DIGEST" "${CORPUS[@]}" <<'PY'
import json, sys
out, limit = sys.argv[1], int(sys.argv[2]) * 1_000_000
texts, size = [], 0
for path in sys.argv[3:]:
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = " ".join(json.loads(line).get("text", "").split())
            if size >= limit:
                break
            texts.append(text)
            size += len(text.encode("utf-8")) + 1
with open(out, "w", encoding="utf-8") as f:
    f.write(" ".join(texts) + "\n")
PY
    # A reference date, as an archive's documents have: the titles naming
    # an office holder are then looked up too.
    RUNS=1 measure long extract "$TMP/long.txt" -j1 --date 2024-10-15
    b=$(bytes_of "$TMP/out-long")
    LONG_ROWS+=("| the corpus's first $LONG_DIGEST MB of text, one line | $b | $WALL | $(mbs "$b" "$WALL") | $RSS |")
fi
rm -f "$TMP/long.txt"

timer=/usr/bin/time
command -v hyperfine >/dev/null && timer="hyperfine (RSS: /usr/bin/time)"
echo
echo "gazette $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $timer, median of $RUNS"
echo
echo "| gazetteers | patterns | build s (empty input) | RSS MB (empty input) | MB/s -j1 | CPU -j1 | MB/s -j2 | MB/s -j2 without build | CPU -j2 | MB per CPU-s -j2 | scan MB/s | -j1 / scan | -j2 per core / scan | scaling 1→2 | MB/s -j1 on one core | scaling one core → 2 | peak RSS MB -j2 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
echo
echo "CPU: (user + sys) / wall; 100 % is one full core. Below 100 % at -j1 (or 200 % at -j2)"
echo "the machine was busy with other work and MB/s understates gazette. \"On one core\": the"
echo "whole process at -j1 under taskset -c 0 (n/a without taskset), so that reading and"
echo "writing do not borrow the second core; its scaling is MB/s -j2 over it."
echo
echo "Peak RSS against input size (default gazetteers, -j2, one run). MB/s on the large"
echo "input is what an archive gets once each thread has built its lazy DFA states:"
echo
echo "| text bytes | JSONL MB | wall s | MB/s | peak RSS MB |"
echo "| ---: | ---: | ---: | ---: | ---: |"
echo "$SMALL"
if [[ -n ${LARGE_ROW:-} ]]; then echo "$LARGE_ROW"; fi
if [[ -n ${LARGE_PINNED:-} ]]; then echo; echo "Large input: $LARGE_PINNED."; fi
echo
echo "Long documents, -j1, one run each: their MB/s should be of the order of the corpus's at -j1"
echo "(above): time per byte that grows with a document's names and length shows here."
echo
echo "| document | text bytes | wall s | MB/s | peak RSS MB |"
echo "| --- | ---: | ---: | ---: | ---: |"
printf '%s\n' "${LONG_ROWS[@]}"
for s in "${STAGES[@]}"; do
    echo
    echo "$s"
done
