"""gazette as a Spark stage: JSONL archive → per-document records → CSVs.

    spark-submit --master 'local[*]' examples/spark/gazette_job.py \\
        archive.jsonl --gazette target/release/gazette --out out/ -- --date 2024-10-15

1. `sc.textFile` reads the archive (a local path or any Hadoop filesystem
   URL) in `--partitions` contiguous splits; `zipWithIndex` numbers every
   line, blank ones included, so each becomes `LINE<TAB>JSON` with its
   1-based line number in the archive.
2. Each partition is piped through `gazette extract --stream --numbered`
   on an executor (the binary and any `--gazetteers` folder travel with
   `SparkContext.addFile`, like `spark-submit --files`). A record keeps its
   line number as `seq`, and a line without an id gets `NAME:LINE`, as
   `gazette extract archive.jsonl` would name it.
3. The records are saved with `saveAsTextFile` (`--records`, default
   `OUT/records`), then `gazette merge` sorts them by `seq` and writes the
   CSV set into `--out` on the driver: byte for byte what one `gazette
   extract` over the whole archive writes.

Arguments after `--` go to `gazette extract --stream` (`--date`,
`--text-field`, `--sentences` …). The job exits with merge's status: 0, or
1 when some documents failed (their rows in documents.csv say why).
"""

import argparse
import os
import shutil
import stat
import subprocess
import sys
import threading
import time
from urllib.parse import urlparse

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def archive_name(path):
    """The id-style name `gazette extract` gives PATH (`a/news.jsonl.gz` →
    `news`), for `NAME:LINE` ids of lines without one."""
    name = os.path.basename(path.rstrip("/"))
    if name.lower().endswith(".gz"):
        name = name[:-3]
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def pipe_gazette(binary, gazetteers, extract_args):
    """What `RDD.pipe` does, but with the binary's path looked up on the
    executor: files added with `addFile`/`--files` land in a directory of
    each executor's own, so a command fixed on the driver cannot name them.
    Lines go to gazette's stdin from a thread, records come back from its
    stdout; its stderr (bad lines, named by archive line) goes to the
    executor's log. A non-zero exit fails the task, so Spark retries it."""

    def run(lines):
        path = SparkFiles.get(binary)
        if not os.access(path, os.X_OK):
            os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        command = [path, "extract", "--stream", "--numbered", *extract_args]
        if gazetteers:
            command += ["--gazetteers", SparkFiles.get(gazetteers)]
        process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

        def feed():
            try:
                for line in lines:
                    process.stdin.write(line.encode("utf-8") + b"\n")
            except BrokenPipeError:
                pass  # gazette died; its exit status says why
            finally:
                try:
                    process.stdin.close()
                except BrokenPipeError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for record in process.stdout:
            yield record.rstrip(b"\n").decode("utf-8")
        feeder.join()
        if process.wait() != 0:
            raise RuntimeError(f"{' '.join(command)} exited with status {process.returncode}")

    return run


def is_local(url):
    return urlparse(url).scheme in ("", "file")


def local_path(url):
    return urlparse(url).path if urlparse(url).scheme == "file" else url


def main(argv):
    own, extract_args = argv, []
    if "--" in argv:
        cut = argv.index("--")
        own, extract_args = argv[:cut], argv[cut + 1 :]
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("input", help="JSONL archive: a path or a Hadoop filesystem URL")
    p.add_argument("--out", required=True, help="local folder for the CSVs (on the driver)")
    p.add_argument("--gazette", default=shutil.which("gazette"), help="the gazette binary")
    p.add_argument("--gazetteers", help="a folder of user gazetteers, sent to every executor")
    p.add_argument("--partitions", type=int, default=0, help="splits (default: Spark's)")
    p.add_argument("--records", help="where the records go (default OUT/records, replaced)")
    p.add_argument("--name", help="NAME for NAME:LINE ids (default: the input's file stem)")
    p.add_argument("--threads", type=int, default=1, help="gazette threads per task")
    p.add_argument("--gzip", action="store_true", help="gzip the record files")
    p.add_argument("--excel", action="store_true", help="merge --excel")
    args = p.parse_args(own)
    if not args.gazette or not os.path.isfile(args.gazette):
        p.error("no gazette binary: give --gazette PATH")
    records_url = args.records or os.path.join(args.out, "records")
    if not args.records and os.path.isdir(records_url):
        shutil.rmtree(records_url)

    spark = SparkSession.builder.appName("gazette").getOrCreate()
    sc = spark.sparkContext
    sc.addFile(os.path.abspath(args.gazette))
    gazetteers = None
    if args.gazetteers:
        sc.addFile(os.path.abspath(args.gazetteers), recursive=True)
        gazetteers = os.path.basename(os.path.abspath(args.gazetteers))
    name = args.name or archive_name(args.input)
    extract_args = ["--name", name, "-j", str(args.threads), "-q", *extract_args]

    started = time.monotonic()
    lines = sc.textFile(args.input, minPartitions=args.partitions or None)
    # zipWithIndex counts the lines of every partition first: one pass.
    numbered = lines.zipWithIndex().map(lambda p: (p[1] + 1, p[0]))
    counted = time.monotonic()
    if args.partitions and lines.getNumPartitions() < args.partitions:
        # A gzipped file is one split: spread it by line number, which
        # keeps each partition one sorted run of lines.
        numbered = numbered.sortByKey(numPartitions=args.partitions)
    binary = os.path.basename(args.gazette)
    records = numbered.map(lambda p: f"{p[0]}\t{p[1]}").mapPartitions(
        pipe_gazette(binary, gazetteers, extract_args)
    )
    codec = "org.apache.hadoop.io.compress.GzipCodec" if args.gzip else None
    records.saveAsTextFile(records_url, compressionCodecClass=codec)
    extracted = time.monotonic()

    merge = [args.gazette, "merge", "--out", args.out]
    if "--sentences" in extract_args:
        merge.append("--sentences")
    if args.excel:
        merge.append("--excel")
    if is_local(records_url):
        status = subprocess.run([*merge, local_path(records_url)]).returncode
    else:
        # Records on a cluster filesystem come to the driver one partition
        # at a time; merge sorts them, so their order does not matter.
        process = subprocess.Popen([*merge, "-"], stdin=subprocess.PIPE)
        for record in sc.textFile(records_url).toLocalIterator():
            process.stdin.write(record.encode("utf-8") + b"\n")
        process.stdin.close()
        status = process.wait()
    merged = time.monotonic()
    print(
        f"gazette_job: {records.getNumPartitions()} partitions; numbering {counted - started:.1f}s, "
        f"extract {extracted - counted:.1f}s, merge {merged - extracted:.1f}s; {merged - started:.1f}s",
        file=sys.stderr,
    )
    spark.stop()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
