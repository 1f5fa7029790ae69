#!/usr/bin/env bash
# Peak memory of the reader once it holds the whole library: the reader runs
# in tmux on a library already indexed in DATA_DIR (run `gazette --library
# LIBRARY_DIR --data-dir DATA_DIR list` once first), with GAZETTE_TRACE set;
# when the trace says the index check is done and the library is shown, the
# peak resident size (VmHWM) is read from /proc, then the first item is
# opened and, a second later, the peak is read again. Prints each run and the median.
#
#   benches/peak_memory.sh LIBRARY_DIR DATA_DIR [RUNS] [BIN]
#
# Needs tmux. BIN defaults to this tree's release build.
set -euo pipefail
LIB=${1:?usage: benches/peak_memory.sh LIBRARY_DIR DATA_DIR [RUNS] [BIN]}
DATA=${2:?usage: benches/peak_memory.sh LIBRARY_DIR DATA_DIR [RUNS] [BIN]}
RUNS=${3:-5}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -z "${4:-}" ]; then
    (cd "$here" && cargo build --release --quiet)
fi
BIN=${4:-"$here/target/release/gazette"}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq 1 "$RUNS"); do
    sock="gazette-mem-$$-$run"
    rm -f "$work/trace"
    tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 40 \
        "GAZETTE_TRACE=$work/trace exec $BIN --library $LIB --data-dir $DATA"
    pid=$(tmux -L "$sock" list-panes -t b -F '#{pane_pid}')
    # The check is done, then the whole library replaces the first page.
    for _ in $(seq 1 1200); do
        awk '/index done/ {d=1} d && /library shown/ {f=1} END {exit !f}' \
            "$work/trace" 2>/dev/null && break
        sleep 0.05
    done
    sleep 0.5
    before=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    tmux -L "$sock" send-keys -t b Enter
    sleep 1
    kb=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    loaded=$(awk '/library shown/ {t=$1} END {print t}' "$work/trace")
    tmux -L "$sock" send-keys -t b q
    sleep 0.3
    tmux -L "$sock" kill-server 2>/dev/null || true
    echo "run $run: library shown at ${loaded:-?} ms, peak ${before} KB before the item opened, ${kb} KB after"
    echo "$kb" >> "$work/kb"
done
sort -n "$work/kb" | awk '{a[NR]=$1} END {printf "median peak: %.1f MB over %d runs\n", a[int((NR+1)/2)]/1000, NR}'
