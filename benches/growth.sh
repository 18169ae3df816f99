#!/usr/bin/env bash
# Growth benchmark for Chorus (prints figures; asserts nothing): what a statement costs as
# the table grows. One release server, CHORUS_RATE_LIMITS=off, no publication tick, a temp
# data dir; wrk saturates POST /submit in slices, and after each slice the script prints the
# rows stored, the data dir's size, bytes per statement, and the slice's submissions/s and
# p50/p99. Then a steady 1,000/s (hey, 50 workers) on the grown table, p50/p99.
#
# Usage: benches/growth.sh [target rows, default 500000] [seconds per slice, default 30]
#                          [connections, default 64]
# Needs: wrk, hey, sqlite3 and curl (apt-get install wrk hey sqlite3 curl).
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-500000}
secs=${2:-30}
conns=${3:-64}
for tool in wrk hey sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done

cargo build --release --quiet
bin=target/release/chorus
tmp=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
export CHORUS_DATA_DIR="$tmp/data" CHORUS_BIND="127.0.0.1:$port" CHORUS_RATE_LIMITS=off \
    CHORUS_LOG=warn CHORUS_PUBLISH_INTERVAL_SECS=86400 CHORUS_CONFIG=/dev/null
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

echo "bench passphrase of five words" | "$bin" init --admin-user bench --password-stdin --json >/dev/null
"$bin" serve >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

body="statement=$(printf 'It+happened+at+work.+%.0s' $(seq 40))&category=harassment&setting=work"
printf '%s' "$body" >"$tmp/body"
cat >"$tmp/submit.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "$body"
LUA

rows() { sqlite3 "$tmp/data/chorus.db" "PRAGMA busy_timeout=10000; SELECT count(*) FROM testimonies" | tail -1; }
bytes() { du -sb "$tmp/data" | cut -f1; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }

echo "== machine: $(nproc) cores; wrk -t2 -c$conns, slices of ${secs}s up to $target rows"
printf '%10s %10s %12s %12s %10s %10s\n' "rows" "MiB" "bytes/row" "submits/s" "p50" "p99"
slice=0
while :; do
    slice=$((slice + 1))
    wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -s "$tmp/submit.lua" \
        "http://127.0.0.1:$port/submit" >"$tmp/slice.txt"
    n=$(rows)
    b=$(bytes)
    printf '%10s %10s %12s %12s %10s %10s\n' "$n" "$((b / 1048576))" "$((b / (n > 0 ? n : 1)))" \
        "$(awk '/Requests\/sec/ {printf "%d", $2}' "$tmp/slice.txt")" \
        "$(pct "$tmp/slice.txt" 50%)" "$(pct "$tmp/slice.txt" 99%)"
    [ "$n" -ge "$target" ] && break
done

echo
echo "== a steady 1,000 submissions/s for ${secs}s on the grown table (hey -c 50 -q 20)"
hey -z "${secs}s" -c 50 -q 20 -m POST -T application/x-www-form-urlencoded \
    -D "$tmp/body" -disable-redirects "http://127.0.0.1:$port/submit" >"$tmp/steady.txt"
grep -E "Requests/sec|50%|90%|99%|\[2|\[5" "$tmp/steady.txt" | sed 's/^/   /'
