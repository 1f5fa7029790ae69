#!/usr/bin/env bash
# Runs every fuzz target in turn for SECONDS_PER_TARGET (default 600) with
# low priority, seeding each corpus from the test fixtures; prints a summary
# line per target. Needs a nightly toolchain and cargo-fuzz.
set -u
cd "$(dirname "$0")"
secs="${SECONDS_PER_TARGET:-600}"
targets="${TARGETS:-plain_text markdown config sanitize key_chord links mail feed html}"
seed() {
    mkdir -p "corpus/$1"
    case "$1" in
        plain_text|sanitize) find ../tests/fixtures -name '*.txt' -size -64k -exec cp {} "corpus/$1/" \; ;;
        markdown) find ../tests/fixtures -name '*.md' -size -64k -exec cp {} "corpus/$1/" \; ;;
        config) cp ../config/default.toml "corpus/$1/"; find ../tests/fixtures -name '*.toml' -exec cp {} "corpus/$1/" \; ;;
        key_chord) for k in j ctrl-o alt-left shift-tab f12 space ctrl-alt-x; do printf '%s' "$k" > "corpus/$1/$k"; done ;;
        mail) find ../tests/fixtures -path '*mail*' -type f -size -64k -exec cp {} "corpus/$1/" \; ;;
        feed) find ../tests/fixtures -path '*feeds*' -type f -size -64k -exec cp {} "corpus/$1/" \; ;;
        html) find ../tests/fixtures -name '*.html' -size -64k -exec cp {} "corpus/$1/" \; ;;
        links) for u in https://example.org/a?b=c mailto:a@example.org 'http://[::1]:80/'; do printf '%s' "$u" > "corpus/$1/$(echo "$u" | md5sum | cut -c1-8)"; done ;;
    esac
}
for t in $targets; do
    seed "$t"
    start=$(date +%s)
    nice -n 19 cargo +nightly fuzz run "$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
        > "logs/$t.log" 2>&1
    rc=$?
    end=$(date +%s)
    runs=$(grep -o 'Done [0-9]* runs' "logs/$t.log" | tail -1)
    echo "$t rc=$rc seconds=$((end - start)) ${runs:-no summary}"
done
