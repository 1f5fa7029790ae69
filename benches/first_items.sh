#!/usr/bin/env bash
# Time to the first items on screen when the reader opens a library it has
# never indexed (an empty data dir), measured in the reader itself: the
# reader runs in tmux with GAZETTE_TRACE set and records, in milliseconds
# since it started, its first frame and the first frame that shows items.
#
#   benches/first_items.sh LIBRARY_DIR [RUNS]
#
# e.g. benches/first_items.sh /tmp/gazette-peer/data/corpus-100000-f50-s42/plain
# (benches/peer.sh generates such a corpus). Needs tmux.
set -euo pipefail
LIB=${1:?usage: benches/first_items.sh LIBRARY_DIR [RUNS]}
RUNS=${2:-5}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
(cd "$here" && cargo build --release --quiet)
BIN="$here/target/release/gazette"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for run in $(seq 1 "$RUNS"); do
    sock="gazette-first-$$-$run"
    rm -rf "$work/data" "$work/trace"
    tmux -L "$sock" -f /dev/null new-session -d -s b -x 120 -y 40 \
        "GAZETTE_TRACE=$work/trace $BIN --library $LIB --data-dir $work/data"
    for _ in $(seq 1 200); do
        grep -q "first items drawn" "$work/trace" 2>/dev/null && break
        sleep 0.05
    done
    tmux -L "$sock" send-keys -t b q
    sleep 0.3
    tmux -L "$sock" kill-server 2>/dev/null || true
    frame=$(awk '/first frame/ {print $1}' "$work/trace")
    items=$(awk '/first items drawn/ {print $1}' "$work/trace")
    echo "run $run: first frame ${frame:-?} ms, first items drawn ${items:-never} ms"
    echo "${items:-99999}" >> "$work/items"
done
sort -n "$work/items" | awk '{a[NR]=$1} END {print "median first items drawn: " a[int((NR+1)/2)] " ms over " NR " runs"}'
