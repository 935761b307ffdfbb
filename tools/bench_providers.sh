#!/bin/bash
# Provider benchmark (issue 9), run by `make bench` after the case
# benchmarks:
#
#   - the fitting providers for a need of a case,
#     GET /api/cases/{id}/needs/{nid}/providers (the case team's, audited
#     as a read of the case: a durable write per search), with 5,000
#     providers with offers, areas, target groups and languages in the
#     database; as one coordinator waits for it (one connection at a
#     time), and with 32 at once; target: p99 under 20 ms for the one
#     coordinator.
#
# On SQLite, in a demo data folder under $BUILD, filled by
# bench/provider_load.c (linked against schakel's own objects).
# BENCH_SECONDS (default 10) sets the length of each wrk run,
# BENCH_PROVIDERS (default 5000) the providers loaded.  A MISS does not
# fail the script; it exits 1 when something broke (a build, a server, a
# login, a non-200 answer, or an audit chain that does not verify).
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${BUILD:-build}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
PROVIDERS=${BENCH_PROVIDERS:-5000}
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
	echo "bench_providers: $*" >&2
	exit 1
}

for n in "$SECONDS_PER_RUN" "$PROVIDERS"; do
	case "$n" in
	''|*[!0-9]*|0*) die "BENCH_SECONDS and BENCH_PROVIDERS take a" \
	    "number above 0" ;;
	esac
done
for tool in wrk curl cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool is missing"
done
[ -x "$BUILD/schakel" ] || die "build $BUILD/schakel first (make)"

# provider_load opens a data folder as the schakel command does: link every
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
    -o "$BIN/provider_load" bench/provider_load.c "${objs[@]}" \
    $(pkg-config --cflags --libs libmicrohttpd gnutls libsodium jansson \
    sqlite3 libpq libqrencode) -lpthread -lm ||
    die "cannot build bench/provider_load.c"

tmp=$(mktemp -d "$BUILD/bench-providers.XXXXXX") || die "mktemp failed"
data=$tmp/data
"$BUILD/schakel" init --data "$data" --demo >/dev/null 2>"$tmp/init.log" ||
    { cat "$tmp/init.log" >&2; die "schakel init failed"; }
echo "loading $PROVIDERS providers"
"$BIN/provider_load" "$data" "$PROVIDERS" >"$tmp/load.out" ||
    die "provider_load failed"
cat "$tmp/load.out"
case_id=$(sed -n 's/.* case=\([0-9]*\).*/\1/p' "$tmp/load.out")
need_id=$(sed -n 's/.* need=\([0-9]*\).*/\1/p' "$tmp/load.out")
[ -n "$case_id" ] && [ -n "$need_id" ] ||
    die "cannot read the provider_load output"
search=/api/cases/$case_id/needs/$need_id/providers

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
for path in /api/me "$search"; do
	code=$(curl -s -o "$tmp/check.json" -w '%{http_code}' \
	    -H "Cookie: $cookie" "$base$path")
	[ "$code" = 200 ] || die "GET $path answered $code, not 200"
done
listed=$(grep -o '"org_id":' "$tmp/check.json" | wc -l)

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

echo "measuring: the fitting providers of need $need_id of case $case_id" \
    "($listed fit), one at a time, then 32 at once"
read -r s1_rps s1_p50 s1_p99 s1_err <<<"$(run one "$search" "${WRK_ONE[@]}")"
read -r sn_rps sn_p50 sn_p99 sn_err <<<"$(run many "$search")"
kill -TERM "$server_pid"
wait "$server_pid"
server_pid=""

row() { printf '%-50s %8s %8s %8s  %s\n' "$@"; }
echo
row "test" "per s" "p50 ms" "p99 ms" "errors"
row "fitting providers, $PROVIDERS providers, one at a time" "$s1_rps" \
    "$s1_p50" "$s1_p99" "$s1_err"
row "fitting providers, $PROVIDERS providers, 32 at once" "$sn_rps" \
    "$sn_p50" "$sn_p99" "$sn_err"
echo
if awk -v p="$s1_p99" 'BEGIN { exit !(p < 20) }'; then mark=PASS; else
	mark=MISS; fi
printf '%-50s %8s   %s  %s\n' "fitting providers p99, one coordinator" \
    "$s1_p99 ms" "$mark" "target: < 20 ms with $PROVIDERS providers"

broken=0
if [ "$((s1_err + sn_err))" -ne 0 ]; then
	echo "bench_providers: BROKEN: non-2xx answers"
	broken=1
fi
verify=$("$BUILD/schakel" audit verify --data "$data" 2>&1) || {
	echo "bench_providers: BROKEN: the audit chain does not verify: $verify"
	broken=1
}
echo "schakel audit verify: $verify"
exit $broken
