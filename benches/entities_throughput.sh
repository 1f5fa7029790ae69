#!/bin/sh
# Throughput of `gazette entities --json`, whole process, on one core.
#
# Builds the release binary, writes a corpus of about 60 MB by repeating
# text files (by default the annotated fixtures in tests/fixtures/extract;
# pass other files as arguments, e.g. ../shared/eval/dev/*.txt; inputs under
# 4 KB are first joined into chunks of about 4 KB), then runs
# `gazette entities --json` over all of it in one process, pinned to one
# core, five times, and prints the median wall-clock and CPU (user + system)
# times in MB/s. On a busy machine the CPU figure is the one to trust.
#
#   sh benches/entities_throughput.sh [FILE...]
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN=$(pwd)/target/release/gazette
TARGET_BYTES=${TARGET_BYTES:-60000000}
RUNS=${RUNS:-5}
if [ "$#" -eq 0 ]; then
    set -- tests/fixtures/extract/*.txt tests/fixtures/extract/orgs/*.txt
fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
# Documents of at least 4 KB: small inputs are concatenated (blank line
# between) into chunks, which are then copied until the corpus is big enough.
mkdir "$DIR/chunks"
c=0
size=0
for f in "$@"; do
    [ "$size" -eq 0 ] && c=$((c + 1))
    cat "$f" >>"$DIR/chunks/$c.txt"
    printf '\n\n' >>"$DIR/chunks/$c.txt"
    size=$((size + $(wc -c <"$f")))
    [ "$size" -ge 4000 ] && size=0
done
total=0
n=0
while [ "$total" -lt "$TARGET_BYTES" ]; do
    for f in "$DIR"/chunks/*.txt; do
        n=$((n + 1))
        cp "$f" "$DIR/doc$n.txt"
        total=$((total + $(wc -c <"$f")))
        [ "$total" -ge "$TARGET_BYTES" ] && break
    done
done
rm -r "$DIR/chunks"
echo "corpus: $n files, $total bytes"
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
walls=""
cpus=""
i=0
while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    line=$(cd "$DIR" && /usr/bin/time -f "%e %U %S" $PIN "$BIN" entities --json -- doc*.txt 2>&1 >/dev/null | tail -n 1)
    set -- $line
    cpu=$(echo "$2 + $3" | bc -l)
    echo "run $i: wall ${1}s, cpu ${cpu}s"
    walls="$walls $1"
    cpus="$cpus $cpu"
done
mid=$(( (RUNS + 1) / 2 ))
wall=$(printf '%s\n' $walls | sort -n | sed -n "${mid}p")
cpu=$(printf '%s\n' $cpus | sort -n | sed -n "${mid}p")
echo "median wall ${wall}s = $(echo "$total / $wall / 1000000" | bc -l | cut -c1-5) MB/s"
echo "median cpu  ${cpu}s = $(echo "$total / $cpu / 1000000" | bc -l | cut -c1-5) MB/s"
