#!/bin/sh
# Throughput of `gazette entities --json`, whole process, on one core.
#
# Builds the release binary, writes a corpus of about 60 MB by repeating
# text files (by default the annotated fixtures in tests/fixtures/extract;
# pass other files as arguments, e.g. ../shared/eval/dev/*.txt), then times
# five runs over it pinned to one core and prints the median in MB/s.
#
#   sh benches/entities_throughput.sh [FILE...]
set -eu
cd "$(dirname "$0")/.."
cargo build --release --quiet
BIN=target/release/gazette
TARGET_BYTES=${TARGET_BYTES:-60000000}
RUNS=${RUNS:-5}
if [ "$#" -eq 0 ]; then
    set -- tests/fixtures/extract/*.txt
fi
DIR=$(mktemp -d "${TMPDIR:-/tmp}/gazette-bench.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
total=0
n=0
while [ "$total" -lt "$TARGET_BYTES" ]; do
    for f in "$@"; do
        n=$((n + 1))
        cp "$f" "$DIR/doc$n.txt"
        total=$((total + $(wc -c <"$f")))
        [ "$total" -ge "$TARGET_BYTES" ] && break
    done
done
echo "corpus: $n files, $total bytes"
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
times=""
i=0
while [ "$i" -lt "$RUNS" ]; do
    i=$((i + 1))
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    (cd "$DIR" && ls | xargs $PIN "$OLDPWD/$BIN" entities --json >/dev/null)
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    echo "run $i: ${t}s"
    times="$times $t"
done
median=$(printf '%s\n' $times | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "median: ${median}s, $(echo "$total / $median / 1000000" | bc -l | cut -c1-5) MB/s"
