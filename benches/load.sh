#!/usr/bin/env bash
# Load benchmark for Chorus (prints figures; asserts nothing).
#
# One release server, CHORUS_RATE_LIMITS=off, a temp data dir; wrk measures in one run:
#   1. durable submissions/s with p50/p99 (POST /submit, each answered only after its
#      group commit with synchronous=FULL), checked against the rows actually stored;
#   2. GET /api/v1/counts requests/s;
#   3. GET /healthz requests/s, the baseline of the same server.
#
# Usage: benches/load.sh [seconds per phase, default 15] [connections, default 64]
# Needs: wrk and sqlite3 (apt-get install wrk sqlite3).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
conns=${2:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is missing: apt-get install sqlite3" >&2; exit 1; }

cargo build --release --quiet
bin=target/release/chorus
tmp=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
export CHORUS_DATA_DIR="$tmp/data" CHORUS_BIND="127.0.0.1:$port" CHORUS_RATE_LIMITS=off CHORUS_LOG=warn
cleanup() { [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

echo "bench passphrase of five words" | "$bin" init --admin-user bench --password-stdin --json >/dev/null
"$bin" serve >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

cat >"$tmp/submit.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "statement=" .. string.rep("It+happened+at+work.+", 40) .. "&category=harassment&setting=work"
local non2xx = 0
response = function(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
LUA

echo "== machine: $(nproc) cores; wrk -t2 -c$conns -d${secs}s; rate limits off"
echo
echo "== 1. POST /submit (durable, group commit, synchronous=FULL)"
wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$tmp/submit.lua" "http://127.0.0.1:$port/submit" | tee "$tmp/submit.txt"
stored=$(sqlite3 "$tmp/data/chorus.db" "SELECT count(*) FROM testimonies")
echo "rows durably stored: $stored"
echo
echo "== 2. GET /api/v1/counts"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/api/v1/counts" | tee "$tmp/counts.txt"
echo
echo "== 3. GET /healthz (baseline)"
wrk -t2 -c"$conns" -d"${secs}s" --latency "http://127.0.0.1:$port/healthz" | tee "$tmp/health.txt"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
echo
echo "== summary"
printf '%-28s %12s %10s %10s\n' "phase" "req/s" "p50" "p99"
printf '%-28s %12s %10s %10s\n' "POST /submit (durable)" "$(rps "$tmp/submit.txt")" "$(pct "$tmp/submit.txt" 50%)" "$(pct "$tmp/submit.txt" 99%)"
printf '%-28s %12s %10s %10s\n' "GET /api/v1/counts" "$(rps "$tmp/counts.txt")" "$(pct "$tmp/counts.txt" 50%)" "$(pct "$tmp/counts.txt" 99%)"
printf '%-28s %12s %10s %10s\n' "GET /healthz" "$(rps "$tmp/health.txt")" "$(pct "$tmp/health.txt" 50%)" "$(pct "$tmp/health.txt" 99%)"
awk -v c="$(rps "$tmp/counts.txt")" -v h="$(rps "$tmp/health.txt")" 'BEGIN { printf "counts / healthz: %.0f%%\n", 100 * c / h }'
echo "testimonies stored: $stored (compare with the POST phase's request count; non-2xx are listed above)"
