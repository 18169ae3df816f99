#!/usr/bin/env bash
# Load benchmark for Chorus (prints figures; asserts nothing).
#
# One release server, CHORUS_RATE_LIMITS=off, a temp data dir; wrk measures in one run:
#   1. durable submissions/s with p50/p99 (POST /submit, each answered only after its
#      group commit with synchronous=FULL), checked against the rows actually stored;
#   2. GET /api/v1/counts requests/s;
#   3. GET /healthz requests/s, the baseline of the same server;
#   4. submission p50/p99 alone, then again while a login flood (wrong passphrases with a
#      valid login form, so each attempt wants an Argon2id run) hammers /review/login.
#
# Usage: benches/load.sh [seconds per phase, default 15] [connections, default 64]
# Needs: wrk, sqlite3 and curl (apt-get install wrk sqlite3 curl).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
conns=${2:-64}
for tool in wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install $tool" >&2; exit 1; }
done

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
echo
echo "== 4. POST /submit alone, then under a login flood"
wrk -t1 -c32 -d"${secs}s" --latency -s "$tmp/submit.lua" "http://127.0.0.1:$port/submit" >"$tmp/alone.txt"
page=$(curl -s "http://127.0.0.1:$port/review/login")
token=$(grep -o 'name="csrf_token" value="[0-9a-f]*"' <<<"$page" | sed 's/.*value="//; s/"$//')
cat >"$tmp/login.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "chorus_login=$token"
wrk.body = "csrf_token=$token&username=bench&password=a+wrong+passphrase+guess&totp=123456"
LUA
wrk -t1 -c16 -d"$((secs + 2))s" -s "$tmp/login.lua" "http://127.0.0.1:$port/review/login" >"$tmp/flood.txt" &
flood=$!
sleep 1
wrk -t1 -c32 -d"${secs}s" --latency -s "$tmp/submit.lua" "http://127.0.0.1:$port/submit" >"$tmp/flooded.txt"
wait "$flood" || true
cat "$tmp/flood.txt"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
row() { printf '%-30s %12s %10s %10s\n' "$1" "$(rps "$2")" "$(pct "$2" 50%)" "$(pct "$2" 99%)"; }
echo
echo "== summary"
printf '%-30s %12s %10s %10s\n' "phase" "req/s" "p50" "p99"
row "POST /submit (durable)" "$tmp/submit.txt"
row "GET /api/v1/counts" "$tmp/counts.txt"
row "GET /healthz" "$tmp/health.txt"
awk -v c="$(rps "$tmp/counts.txt")" -v h="$(rps "$tmp/health.txt")" 'BEGIN { printf "counts / healthz: %.0f%%\n", 100 * c / h }'
row "POST /submit alone (c32)" "$tmp/alone.txt"
row "POST /submit + login flood" "$tmp/flooded.txt"
printf '%-30s %12s   (non-2xx: %s)\n' "login flood" "$(rps "$tmp/flood.txt")" "$(awk '/Non-2xx/ {print $NF}' "$tmp/flood.txt")"
echo "testimonies stored after phase 1: $stored (compare with its request count)"
