#!/usr/bin/env bash
# Gazette beside newsboat on the same generated archive, with the harness in
# ../shared/bench (it drives each reader in tmux; see its README).
#
#   benches/peer.sh SIZE [RUNS]        SIZE e.g. 1000, 10000, 100000
#
# Steps: build the release binary; generate the corpus (shared gen_feeds.py,
# the same items newsboat gets); time a cold index of the plain-text copy into
# an empty data dir; then RUNS interactive runs of the reader on the warm
# index (first frame, open an item, peak memory), then the same for newsboat
# (run_newsboat.sh, which imports with `newsboat -x reload` once). Results go
# to $PEER_BENCH_RESULTS (default /tmp/gazette-peer/results).
# Needs tmux, python3 and (for the peer) newsboat: apt-get install -y newsboat.
set -euo pipefail
SIZE=${1:?usage: benches/peer.sh SIZE [RUNS]}
RUNS=${2:-5}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$here/../shared/bench"
if [ ! -d "$BENCH" ]; then
    echo "skipped: ../shared/bench is not here (the harness lives there)" >&2
    exit 0
fi
export PEER_BENCH_DATA=${PEER_BENCH_DATA:-/tmp/gazette-peer/data}
export PEER_BENCH_RESULTS=${PEER_BENCH_RESULTS:-/tmp/gazette-peer/results}
mkdir -p "$PEER_BENCH_DATA" "$PEER_BENCH_RESULTS"
(cd "$here" && cargo build --release --quiet)
BIN="$here/target/release/gazette"
CORPUS="$PEER_BENCH_DATA/corpus-$SIZE-f50-s42"
if [ ! -f "$CORPUS/GENERATOR.txt" ]; then
    python3 "$BENCH/gen_feeds.py" --items "$SIZE" --feeds 50 --seed 42 --out "$CORPUS"
fi
DATA="$PEER_BENCH_DATA/gazette-$SIZE"
rm -rf "$DATA"
echo "cold index of $SIZE items:"
/usr/bin/time -f "  %e s wall, %U s user, %S s sys, peak %M KB" \
    "$BIN" --library "$CORPUS/plain" --data-dir "$DATA" list >/dev/null
"$BENCH/run_reader.sh" "$SIZE" gazette -- \
    --cmd "$BIN --library \"\$PLAIN_DIR\" --data-dir $DATA" \
    --first-frame '(?s)Items \([0-9]+\).*j/k move' \
    --step Enter '(?s)Article.*j/k move · tab pane · n/N' \
    --quit-keys q --runs "$RUNS" --size 200x50
if command -v newsboat >/dev/null; then
    RUNS="$RUNS" "$BENCH/run_newsboat.sh" "$SIZE" all
else
    echo "newsboat is not installed: only Gazette was measured" >&2
fi
