#!/bin/bash
# Case benchmarks (issue 8), run by `make bench` after tools/bench.sh:
#
#   - the full case page, GET /api/cases/{id} (decrypted and audited: the
#     read is a durable write of its audit entry), with 100,000 cases in
#     the database, beside GET /api/me in the same run and on the same
#     server; target: the case page at least 50 % of /api/me's requests
#     per second;
#   - the coordinator's case list, GET /api/cases, for an organisation
#     with 500 cases, as one coordinator waits for it (one connection at a
#     time), and under the same load as the reads; target: p99 under
#     20 ms for the one coordinator;
#   - the coordinator's deadline overview, GET /api/due?within=92, for the
#     same organisation, one request at a time; target: p99 under 20 ms.
#
# On SQLite, in a demo data folder under $BUILD (on the disk measured),
# filled by bench/case_load.c (linked against schakel's own objects).
# BENCH_SECONDS (default 10) sets the length of each wrk run,
# BENCH_CASES (default 100000) the cases loaded.  A MISS does not fail
# the script; it exits 1 when something broke (a build, a server, a login,
# a non-200 answer, or an audit chain that does not verify).
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${BUILD:-build}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
CASES=${BENCH_CASES:-100000}
ORG_CASES=500
THREADS=32
BIN=$BUILD/bench-bin
WRK_ARGS=(-t2 -c32 "-d${SECONDS_PER_RUN}s" --latency)
WRK_ONE=(-t1 -c1 "-d${SECONDS_PER_RUN}s" --latency)
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
	echo "bench_cases: $*" >&2
	exit 1
}

for n in "$SECONDS_PER_RUN" "$CASES"; do
	case "$n" in
	''|*[!0-9]*|0*) die "BENCH_SECONDS and BENCH_CASES take a number" \
	    "above 0" ;;
	esac
done
[ "$CASES" -ge "$ORG_CASES" ] || die "BENCH_CASES must be at least 500"
for tool in wrk curl cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
[ -x "$BUILD/schakel" ] || die "build $BUILD/schakel first (make)"

# case_load opens a data folder as the schakel command does: link every
# object but main.o.
mkdir -p "$BIN" || die "mkdir failed"
objs=()
for src in src/*/*.c; do
	case $src in
	*_test.c|*_fuzz.c) continue ;;
	esac
	obj=${src#src/}
	objs+=("$BUILD/obj/${obj%.c}.o")
done
objs+=("$BUILD"/obj/gen/*.o)
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Isrc -I"$BUILD/gen" \
    -o "$BIN/case_load" bench/case_load.c "${objs[@]}" \
    $(pkg-config --cflags --libs libmicrohttpd gnutls libsodium jansson \
    sqlite3 libpq libqrencode) -lpthread -lm ||
    die "cannot build bench/case_load.c"

tmp=$(mktemp -d "$BUILD/bench-cases.XXXXXX") || die "mktemp failed"
data=$tmp/data
"$BUILD/schakel" init --data "$data" --demo >/dev/null 2>"$tmp/init.log" ||
    { cat "$tmp/init.log" >&2; die "schakel init failed"; }
echo "loading $CASES cases, $ORG_CASES of them at one care coordination"
"$BIN/case_load" "$data" "$CASES" "$ORG_CASES" >"$tmp/load.out" ||
    die "case_load failed"
cat "$tmp/load.out"
case_id=$(sed -n 's/.*first_org_case=\([0-9]*\).*/\1/p' "$tmp/load.out")
[ -n "$case_id" ] || die "cannot read the case_load output"

"$BUILD/schakel" serve --data "$data" --listen 127.0.0.1:0 \
    --threads "$THREADS" 2>"$tmp/serve.log" &
server_pid=$!
port=""
for _ in $(seq 100); do
	port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' \
	    "$tmp/serve.log" 2>/dev/null | head -1)
	[ -n "$port" ] && break
	kill -0 "$server_pid" 2>/dev/null || break
	sleep 0.1
done
[ -n "$port" ] || { tail -5 "$tmp/serve.log" >&2; die "serve did not start"; }

pw=$(awk -F'\t' '$1 == "demo-coordinator" { print $3 }' \
    "$data/demo-users.txt")
curl -s -D "$tmp/login.hdr" -o /dev/null -H 'Content-Type: application/json' \
    --data-binary "{\"username\":\"demo-coordinator\",\"password\":\"$pw\"}" \
    "http://127.0.0.1:$port/api/login"
cookie=$(tr -d '\r' <"$tmp/login.hdr" |
    sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | head -1)
[ -n "$cookie" ] || die "login as demo-coordinator failed"
base=http://127.0.0.1:$port
for path in /api/me "/api/cases/$case_id" "/api/due?within=92" /api/cases; do
	code=$(curl -s -o "$tmp/check.json" -w '%{http_code}' \
	    -H "Cookie: $cookie" "$base$path")
	[ "$code" = 200 ] || die "GET $path answered $code, not 200"
done
listed=$(grep -o '"id":' "$tmp/check.json" | wc -l)

# run NAME PATH [WRK-ARGS...]: wrk against PATH (default WRK_ARGS);
# "req/s p50-ms p99-ms errors".
run() {
	local name=$1 path=$2
	shift 2
	[ $# -gt 0 ] || set -- "${WRK_ARGS[@]}"
	BENCH_COOKIE=$cookie wrk "$@" -s bench/auth_get.lua \
	    "$base$path" >"$tmp/$name.wrk" 2>&1 || { cat "$tmp/$name.wrk" >&2;
	    die "wrk failed ($name)"; }
	awk '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /s$/)  return v * 1000
		return v + 0
	}
	/^Requests\/sec:/ { rps = $2 }
	/^ +50% / { p50 = ms($2) }
	/^ +99% / { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { err += $NF }
	END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, err }' \
	    "$tmp/$name.wrk"
}

echo "measuring: GET /api/me, then the case page, then the case list," \
    "then the deadline overview (${WRK_ARGS[*]})"
read -r me_rps me_p50 me_p99 me_err <<<"$(run me /api/me)"
read -r cp_rps cp_p50 cp_p99 cp_err <<<"$(run case "/api/cases/$case_id")"
read -r cl_rps cl_p50 cl_p99 cl_err <<<"$(run list /api/cases)"
read -r c1_rps c1_p50 c1_p99 c1_err <<<"$(run list1 /api/cases "${WRK_ONE[@]}")"
due_items=$(curl -s -H "Cookie: $cookie" "$base/api/due?within=92" |
    grep -o '"kind":' | wc -l)
read -r d1_rps d1_p50 d1_p99 d1_err <<<"$(run due1 "/api/due?within=92" \
    "${WRK_ONE[@]}")"
kill -TERM "$server_pid"
wait "$server_pid"
server_pid=""

row() { printf '%-44s %8s %8s %8s  %s\n' "$@"; }
echo
row "test" "per s" "p50 ms" "p99 ms" "errors"
row "GET /api/me, session cookie" "$me_rps" "$me_p50" "$me_p99" "$me_err"
row "GET /api/cases/{id}, $CASES cases, audited" "$cp_rps" "$cp_p50" \
    "$cp_p99" "$cp_err"
row "GET /api/cases, $listed cases, 32 at once" "$cl_rps" "$cl_p50" \
    "$cl_p99" "$cl_err"
row "GET /api/cases, $listed cases, one at a time" "$c1_rps" "$c1_p50" \
    "$c1_p99" "$c1_err"
row "GET /api/due, $due_items items, one at a time" "$d1_rps" "$d1_p50" \
    "$d1_p99" "$d1_err"
echo
pct=$(awk -v a="$cp_rps" -v b="$me_rps" 'BEGIN { printf "%.0f", 100 * a / b }')
if [ "$((2 * cp_rps))" -ge "$me_rps" ]; then mark=PASS; else mark=MISS; fi
printf '%-44s %8s   %s  %s\n' "case page / me" "$pct %" "$mark" \
    "target: >= 50 % of GET /api/me"
if awk -v p="$c1_p99" 'BEGIN { exit !(p < 20) }'; then mark=PASS; else
	mark=MISS; fi
printf '%-44s %8s   %s  %s\n' "case list p99, one coordinator" \
    "$c1_p99 ms" "$mark" "target: < 20 ms with 500 cases"
if awk -v p="$d1_p99" 'BEGIN { exit !(p < 20) }'; then mark=PASS; else
	mark=MISS; fi
printf '%-44s %8s   %s  %s\n' "deadline overview p99, one coordinator" \
    "$d1_p99 ms" "$mark" "target: < 20 ms with 500 cases"

broken=0
if [ "$((me_err + cp_err + cl_err + c1_err + d1_err))" -ne 0 ]; then
	echo "bench_cases: BROKEN: non-2xx answers"
	broken=1
fi
verify=$("$BUILD/schakel" audit verify --data "$data" 2>&1) || {
	echo "bench_cases: BROKEN: the audit chain does not verify: $verify"
	broken=1
}
echo "schakel audit verify: $verify"
exit $broken
