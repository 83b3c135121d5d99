#!/usr/bin/env bash
# The Spark example for real (issue 8): installs PySpark into a virtual
# environment, runs examples/spark/gazette_job.py with local[2] over
#   (a) a JSONL archive of the fixtures, broken lines included, and
#   (b) a sample of ../shared/data/news_corpus/ in several partitions,
# runs a plain `gazette extract` over the same archives, and compares
# every CSV byte for byte. Prints the wall times and MB/s of both.
#
#   tools/spark_test.sh                # from the repository root, after cargo test
#
# Settings: GAZETTE_SPARK_LINES (lines taken from each corpus file, default
# 3000), GAZETTE_SPARK_PARTITIONS (default 4), GAZETTE_SPARK_VENV (default
# $CARGO_TARGET_DIR/spark-venv, kept between runs), GAZETTE_SPARK_PIP
# (default 'pyspark>=4,<5'). Needs Java 17 (PySpark 4 does); without java
# on PATH it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v java >/dev/null 2>&1; then
    echo "spark_test: SKIPPED: no java on PATH (PySpark 4 needs Java 17 or later)"
    exit 0
fi
corpus=../shared/data/news_corpus
if [ ! -d "$corpus" ]; then
    echo "spark_test: $corpus is missing (the shared data sits beside the checkout)" >&2
    exit 1
fi

target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
target=$(cd "$target" && pwd)
venv=${GAZETTE_SPARK_VENV:-$target/spark-venv}
lines=${GAZETTE_SPARK_LINES:-3000}
partitions=${GAZETTE_SPARK_PARTITIONS:-4}
started=$(date +%s.%N)

if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
    echo "spark_test: installing PySpark into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "${GAZETTE_SPARK_PIP:-pyspark>=4,<5}"
fi
# spark-submit finds Spark and the executors' Python through PATH.
export PATH=$venv/bin:$PATH PYSPARK_PYTHON=$venv/bin/python
cargo build --release --quiet
gazette=$target/release/gazette

work=$target/spark-test
rm -rf "$work"
mkdir -p "$work/conf"
# Spark's INFO lines would bury the figures; warnings and errors stay.
cat >"$work/conf/log4j2.properties" <<'EOF'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
EOF
export SPARK_CONF_DIR=$work/conf

now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.1f}')"; }
mbps() { python3 -c "print(f'{$1 / 1e6 / ($3 - $2):.2f}')"; }

# Runs the Spark job and a plain extract over one archive, then compares.
# $1 name, $2 archive, $3 partitions, $4 the exit status both must give.
check() {
    local name=$1 archive=$2 parts=$3 want=$4 status t0 t1 t2
    local bytes
    bytes=$(wc -c <"$archive")
    t0=$(now)
    status=0
    spark-submit --master 'local[2]' --conf spark.ui.enabled=false \
        examples/spark/gazette_job.py "$archive" --gazette "$gazette" \
        --out "$work/$name-spark" --partitions "$parts" -- --date 2024-10-15 \
        >"$work/$name-spark.log" 2>&1 || status=$?
    t1=$(now)
    grep -E '^gazette' "$work/$name-spark.log" | grep -v ': duplicate doc_id\|invalid JSON\|no "text"' \
        | sed 's/^/  /' || true
    if [ "$status" != "$want" ]; then
        cat "$work/$name-spark.log" >&2
        echo "spark_test: $name: the Spark job exited $status, not $want" >&2
        exit 1
    fi
    # Executors' messages name the archive's lines, as extract's do.
    if [ "$want" = 1 ] && ! grep -q "^gazette: $name:[0-9]*: invalid JSON" "$work/$name-spark.log"; then
        cat "$work/$name-spark.log" >&2
        echo "spark_test: $name: no message naming the broken line" >&2
        exit 1
    fi
    status=0
    "$gazette" extract "$archive" --out "$work/$name-plain" --date 2024-10-15 -j 2 -q \
        2>"$work/$name-plain.log" || status=$?
    t2=$(now)
    if [ "$status" != "$want" ]; then
        cat "$work/$name-plain.log" >&2
        echo "spark_test: $name: gazette extract exited $status, not $want" >&2
        exit 1
    fi
    local parts_written
    parts_written=$(find "$work/$name-spark/records" -name 'part-*' | wc -l)
    for csv in documents mentions dates quantities relations entities edges; do
        if ! cmp "$work/$name-plain/$csv.csv" "$work/$name-spark/$csv.csv"; then
            diff "$work/$name-plain/$csv.csv" "$work/$name-spark/$csv.csv" | head -20 >&2
            echo "spark_test: $name: $csv.csv differs" >&2
            exit 1
        fi
    done
    local docs
    docs=$(($(wc -l <"$work/$name-plain/documents.csv") - 1))
    echo "spark_test: $name: $docs documents, $((bytes / 1000)) kB, $parts_written partitions: 7 CSVs identical"
    echo "  spark job (local[2], spark-submit to exit): $(secs "$t0" "$t1")s, $(mbps "$bytes" "$t0" "$t1") MB/s"
    # The job's own figure: from reading the archive to the merged CSVs,
    # without the JVM's start and stop.
    local job
    job=$(sed -n 's/^gazette_job: .*; \([0-9.]*\)s$/\1/p' "$work/$name-spark.log")
    if [ -n "$job" ]; then
        echo "    of which the job (number, extract, merge): ${job}s, $(mbps "$bytes" 0 "$job") MB/s"
    fi
    echo "  plain gazette extract -j 2:                  $(secs "$t1" "$t2")s, $(mbps "$bytes" "$t1" "$t2") MB/s"
}

python3 examples/spark/make_jsonl.py fixtures . "$work/fixtures.jsonl"
# The fixtures hold broken lines: both runs exit 1.
check fixtures "$work/fixtures.jsonl" 3 1
python3 examples/spark/make_jsonl.py sample "$corpus" "$lines" "$work/sample.jsonl"
check sample "$work/sample.jsonl" "$partitions" 0
echo "spark_test: passed in $(secs "$started" "$(now)")s"
