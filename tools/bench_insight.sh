#!/bin/bash
# Local insight benchmark (issue 10), run by `make bench` after the others:
#
#   - loads a data set well past ten years of national synthetic data
#     (`schakel demo --scale YEARS --per-year SIGNALS`: by default 13
#     years of 77,000 signals, about 1 million signals, 280,000 cases and
#     12 million timeline events; it takes minutes, and prints a line a
#     year),
#   - serves it, and asks the rapporteur's dashboard for last year once
#     (the first answer freezes the quarters' counts and protects the
#     year: the slow one, timed alone),
#   - then measures the dashboard's response time per area level
#     (country, a province, a care-coordination region, a municipality)
#     with wrk on one connection (bench/insight.lua prints p50 and p95),
#   - beside the plain GROUP BY over the same rows in the same run
#     (bench/insight_plain.c on the SQLite file, no server running),
#     and prints the ratio.
#
# Targets (informational, a MISS does not fail the script): p95 under
# 50 ms for every level, and the dashboard at least 100 times faster than
# the plain query.  It exits 1 when something broke: a build, the load,
# the server, the login, or an answer other than 200.
#
# BENCH_SECONDS (default 10) sets the length of each wrk run;
# BENCH_INSIGHT_YEARS (default 13) and BENCH_INSIGHT_PER_YEAR (default
# 77000) the data set.  The data lives in a temporary folder under
# $BUILD, removed on exit.
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${BUILD:-build}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
YEARS=${BENCH_INSIGHT_YEARS:-13}
PER_YEAR=${BENCH_INSIGHT_PER_YEAR:-77000}
BIN=$BUILD/bench-bin
WRK_ONE=(-t1 -c1 "-d${SECONDS_PER_RUN}s")
tmp=""
server_pid=""

cleanup() {
	[ -n "$server_pid" ] && kill -TERM "$server_pid" 2>/dev/null &&
	    wait "$server_pid" 2>/dev/null
	[ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
	echo "bench_insight: $*" >&2
	exit 1
}

for n in "$SECONDS_PER_RUN" "$YEARS" "$PER_YEAR"; do
	case "$n" in
	''|*[!0-9]*) die "BENCH_SECONDS, BENCH_INSIGHT_YEARS and" \
	    "BENCH_INSIGHT_PER_YEAR are whole numbers" ;;
	esac
done
for tool in wrk curl cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
[ -x "$BUILD/schakel" ] || die "build $BUILD/schakel first (make)"
[ -f "$BUILD/obj/store/queries.o" ] || die "build the objects first (make)"

mkdir -p "$BIN" || die "mkdir failed"
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Isrc -o "$BIN/insight_plain" \
    bench/insight_plain.c "$BUILD/obj/store/queries.o" \
    $(pkg-config --cflags --libs sqlite3) ||
    die "cannot build bench/insight_plain.c"

tmp=$(mktemp -d "$BUILD/bench-insight.XXXXXX") || die "mktemp failed"
data=$tmp/data
"$BUILD/schakel" init --data "$data" --demo >/dev/null 2>"$tmp/init.log" ||
    { cat "$tmp/init.log" >&2; die "schakel init failed"; }
echo "loading $YEARS years of $PER_YEAR signals (national synthetic data;" \
    "this takes minutes)"
t0=$(date +%s.%N)
"$BUILD/schakel" demo --data "$data" --scale "$YEARS" \
    --per-year "$PER_YEAR" >"$tmp/load.out" || die "schakel demo failed"
t1=$(date +%s.%N)
load_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.0f", b - a }')
cat "$tmp/load.out"
db_mb=$(du -m "$data/schakel.db" | cut -f1)
echo "loaded in $load_s s; the database is $db_mb MB"

"$BUILD/schakel" serve --data "$data" --listen 127.0.0.1:0 \
    2>"$tmp/serve.log" &
server_pid=$!
port=""
for _ in $(seq 300); do
	port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' \
	    "$tmp/serve.log" 2>/dev/null | head -1)
	[ -n "$port" ] && break
	kill -0 "$server_pid" 2>/dev/null || break
	sleep 0.1
done
[ -n "$port" ] || { tail -5 "$tmp/serve.log" >&2; die "serve did not start"; }
base=http://127.0.0.1:$port

pw=$(awk -F'\t' '$1 == "demo-rapporteur" { print $3 }' \
    "$data/demo-users.txt")
curl -s -D "$tmp/login.hdr" -o /dev/null -H 'Content-Type: application/json' \
    --data-binary "{\"username\":\"demo-rapporteur\",\"password\":\"$pw\"}" \
    "$base/api/login"
cookie=$(tr -d '\r' <"$tmp/login.hdr" |
    sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | head -1)
[ -n "$cookie" ] || die "login as demo-rapporteur failed"

# Last year, as the insight counts it, and one area of each level: the
# largest province, the care-coordination region of Gelderland (the one
# with the most municipalities), and Amsterdam.
year=$(($(TZ=Europe/Amsterdam date +%Y) - 1))
curl -s -H "Cookie: $cookie" "$base/api/insight/areas" >"$tmp/areas.json" ||
    die "GET /api/insight/areas failed"
region=$(grep -o '{"level":"region","code":"[0-9]*","name":"Zorgco[^"]*rdinatie Gelderland (demo)"' \
    "$tmp/areas.json" | sed -n 's/.*"code":"\([0-9]*\)".*/\1/p')
[ -n "$region" ] || die "no care-coordination region of Gelderland"
levels=(country province region municipality)
areas=(NL Zuid-Holland "$region" GM0363)

echo "the first answer for $year (freezes $year's quarters and the trend" \
    "years, protects every area once):"
first=$(curl -s -o "$tmp/first.json" -w '%{http_code} %{time_total}' \
    -H "Cookie: $cookie" "$base/api/insight?level=country&area=NL&year=$year")
[ "${first%% *}" = 200 ] || die "the first answer was ${first%% *}"
first_ms=$(awk -v s="${first#* }" 'BEGIN { printf "%.0f", s * 1000 }')
echo "  $first_ms ms"

declare -A p50 p95
for i in "${!levels[@]}"; do
	l=${levels[$i]}
	a=${areas[$i]}
	path="/api/insight?level=$l&area=$a&year=$year"
	code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" \
	    "$base$path")
	[ "$code" = 200 ] || die "GET $path answered $code"
	BENCH_COOKIE=$cookie wrk "${WRK_ONE[@]}" -s bench/insight.lua \
	    "$base$path" >"$tmp/$l.wrk" 2>&1 ||
	    { cat "$tmp/$l.wrk" >&2; die "wrk failed ($l)"; }
	line=$(grep '^percentiles' "$tmp/$l.wrk") ||
	    { cat "$tmp/$l.wrk" >&2; die "no percentiles ($l)"; }
	bad=$(echo "$line" | sed -n 's/.*non2xx=\([0-9]*\).*/\1/p')
	[ "$bad" = 0 ] || die "$bad answers to $path were not 200"
	p50[$l]=$(echo "$line" | sed -n 's/.*p50=\([0-9.]*\).*/\1/p')
	p95[$l]=$(echo "$line" | sed -n 's/.*p95=\([0-9.]*\).*/\1/p')
done
kill -TERM "$server_pid"
wait "$server_pid"
server_pid=""

declare -A plain
for i in "${!levels[@]}"; do
	l=${levels[$i]}
	"$BIN/insight_plain" "$data/schakel.db" "$year" "$l" "${areas[$i]}" 3 \
	    >"$tmp/plain.$l" || die "insight_plain failed ($l)"
	plain[$l]=$(sed -n 's/.*ms_median=\([0-9.]*\).*/\1/p' "$tmp/plain.$l")
done
grep '^data' "$tmp/plain.country"

echo
printf '%-34s %9s %9s %11s %9s  %s\n' "dashboard, $year, one connection" \
    "p50 ms" "p95 ms" "plain ms" "ratio" "targets: p95 < 50 ms, ratio >= 100"
for i in "${!levels[@]}"; do
	l=${levels[$i]}
	awk -v name="$l ${areas[$i]}" -v a="${p50[$l]}" -v b="${p95[$l]}" \
	    -v p="${plain[$l]}" 'BEGIN {
		r = b > 0 ? p / b : 0
		t1 = (b < 50) ? "ok" : "MISS"
		t2 = (r >= 100) ? "ok" : "MISS"
		printf "%-34s %9.2f %9.2f %11.1f %8.0fx  %s %s\n", name, a, b,
		    p, r, t1, t2
	}'
done
echo "(ratio: the plain GROUP BY's median over the dashboard's p95)"
echo "first answer for $year (freeze and protect): $first_ms ms;" \
    "load: $load_s s for $YEARS years of $PER_YEAR signals"
