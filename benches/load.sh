#!/usr/bin/env bash
# Load benchmark for Chorus (prints figures; asserts nothing).
#
# One release server, CHORUS_RATE_LIMITS=off, a temp data dir; wrk measures in one run:
#   1. durable submissions/s with p50/p99 (POST /submit, each answered only after its
#      group commit with synchronous=FULL), checked against the rows actually stored;
#   2. GET /api/v1/counts requests/s;
#   3. GET /healthz requests/s, the baseline of the same server;
#   4. submission p50/p99 alone, then again while a login flood (wrong passphrases with a
#      valid login form, so each attempt wants an Argon2id run) hammers /review/login;
#   5. fixed rates (hey, 50 workers): POST /submit and GET /healthz at 100, 500 and
#      1,000 requests/s, p50/p90/p99 side by side;
#   6. sustained (a second server publishing every 60 s): wrk saturates /submit for
#      [sustain] seconds — past a million rows at full speed, ticks folding a few hundred
#      thousand rows each — while a probe submits 100/s; prints the probe's worst seconds.
#
# Usage: benches/load.sh [seconds per phase, default 15] [connections, default 64]
#                        [sustain seconds, default 240; 0 skips phase 6]
# Needs: wrk, hey, sqlite3 and curl (apt-get install wrk hey sqlite3 curl).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
conns=${2:-64}
sustain=${3:-240}
for tool in wrk hey sqlite3 curl; do
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
start_server() {
    "$bin" serve >"$tmp/out" 2>"$tmp/err" &
    pid=$!
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
}
start_server

body="statement=$(printf 'It+happened+at+work.+%.0s' $(seq 40))&category=harassment&setting=work"
printf '%s' "$body" >"$tmp/body"
cat >"$tmp/submit.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "$body"
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

echo
echo "== 5. fixed rates (hey, 50 workers, ${secs}s each)"
submit_at() {
    hey -z "${secs}s" -c 50 -q $(($1 / 50)) -m POST -T application/x-www-form-urlencoded \
        -D "$tmp/body" -disable-redirects "http://127.0.0.1:$port/submit"
}
health_at() { hey -z "${secs}s" -c 50 -q $(($1 / 50)) "http://127.0.0.1:$port/healthz"; }
for rate in 100 500 1000; do
    submit_at "$rate" >"$tmp/submit-$rate.txt"
    health_at "$rate" >"$tmp/health-$rate.txt"
done

if [ "$sustain" -gt 0 ]; then
    echo
    echo "== 6. sustained: wrk saturating /submit for ${sustain}s, ticks every 60 s, probe 100/s"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
    CHORUS_PUBLISH_INTERVAL_SECS=60 start_server
    before=$(sqlite3 "$tmp/data/chorus.db" "SELECT count(*) FROM testimonies")
    wrk -t2 -c"$conns" -d"${sustain}s" --timeout 10s --latency -s "$tmp/submit.lua" \
        "http://127.0.0.1:$port/submit" >"$tmp/sustain.txt" &
    load=$!
    hey -z "${sustain}s" -c 10 -q 10 -o csv -m POST -T application/x-www-form-urlencoded \
        -D "$tmp/body" -disable-redirects "http://127.0.0.1:$port/submit" >"$tmp/probe.csv"
    wait "$load" || true
    after=$(sqlite3 "$tmp/data/chorus.db" "SELECT count(*) FROM testimonies")
    snapshots=$(sqlite3 "$tmp/data/chorus.db" "SELECT count(*) FROM snapshots")
fi

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

# hey prints "  99% in 0.0123 secs"; shown in ms.
heyp() { awk -v p="$2%" '$1 == p { printf "%.1f", $3 * 1000 }' "$1"; }
echo
printf '%-10s %28s   %28s\n' "" "POST /submit p50/p90/p99 ms" "GET /healthz p50/p90/p99 ms"
for rate in 100 500 1000; do
    printf '%-10s %28s   %28s\n' "$rate/s" \
        "$(heyp "$tmp/submit-$rate.txt" 50) / $(heyp "$tmp/submit-$rate.txt" 90) / $(heyp "$tmp/submit-$rate.txt" 99)" \
        "$(heyp "$tmp/health-$rate.txt" 50) / $(heyp "$tmp/health-$rate.txt" 90) / $(heyp "$tmp/health-$rate.txt" 99)"
done

if [ "$sustain" -gt 0 ]; then
    echo
    echo "sustained: $((after - before)) rows stored in ${sustain}s ($(rps "$tmp/sustain.txt") req/s, p99 $(pct "$tmp/sustain.txt" 99%)); table now $after rows; $snapshots snapshots published"
    # The probe's seconds, worst first: its slowest request and its count in that second.
    echo "probe (100/s beside the saturating load), worst seconds:"
    awk -F, 'NR > 1 && $7 != "" { s = int($8); n[s]++; if ($1 > m[s]) m[s] = $1 }
             END { for (s in m) printf "%6d s  slowest %8.1f ms  (%d requests)\n", s, m[s] * 1000, n[s] }' \
        "$tmp/probe.csv" | sort -k4 -rn | head -5
    awk -F, 'NR > 1 { print $1 }' "$tmp/probe.csv" | sort -n | awk '{ v[NR] = $1 }
        END { if (NR) printf "probe overall: %d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms\n",
              NR, v[int(NR * 0.5)] * 1000, v[int(NR * 0.99)] * 1000, v[NR] * 1000 }'
fi
