#!/bin/bash
# The figures in docs/performance.md, all measured in one run (`make bench`).
#
#   tools/bench.sh
#
# Builds $BUILD/schakel (BUILD defaults to build) and the two yardsticks
# in bench/ into $BUILD/bench-bin/, then measures, on 127.0.0.1 only:
#   - GET /healthz and an authenticated GET /api/me on schakel,
#   - the same load on a bare libmicrohttpd server (bench/bare.c),
#   - SQLite's own commit rate on the same disk (bench/sqlite_ceiling.c),
#   - durable audited writes: POST /api/orgs, each a new organisation,
# and prints one table with the ratios and their targets, then checks that
# no acknowledged write is missing and that the audit chain verifies.
# Every server is started and stopped here; the data lives in a temporary
# folder under $BUILD that is removed on exit.
#
# BENCH_SECONDS (default 10) sets the length of each wrk run and
# BENCH_READ_THREADS (default 32) the thread pool for the read tests.
#
# Targets are informational: a MISS does not fail the script.  It exits 1
# when something broke: a build, a server that would not start, a failed
# login, a write answered with anything but 201, an acknowledged write
# missing from the database, or an audit chain that does not verify.
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${BUILD:-build}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
# Thread pools: 32 is schakel's default, and bare gets the same; 64 for the
# writes, so that many of them can wait for one group commit.
READ_THREADS=${BENCH_READ_THREADS:-32}
WRITE_THREADS=64
WRK_ARGS=(-t2 -c64 "-d${SECONDS_PER_RUN}s" --latency)
BIN=$BUILD/bench-bin

tmp=""
pids=""
broken=0

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
	local p
	for p in $pids; do
		kill -TERM "$p" 2>/dev/null
	done
	for p in $pids; do
		wait "$p" 2>/dev/null
	done
	[ -n "$tmp" ] && rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

die() {
	echo "bench: $*" >&2
	exit 1
}

# A correctness failure: reported at the end, and the exit status is 1.
broke() {
	echo "bench: BROKEN: $*"
	broken=1
}

for n in "$SECONDS_PER_RUN" "$READ_THREADS"; do
	case "$n" in
	''|*[!0-9]*|0*) die "BENCH_SECONDS and BENCH_READ_THREADS take a" \
	    "number above 0" ;;
	esac
done
for tool in wrk curl cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 ||
	    die "'$tool' is missing (apt-get install $tool)"
done

# --- build ------------------------------------------------------------------
make -s BUILD="$BUILD" "$BUILD/schakel" || die "cannot build $BUILD/schakel"
mkdir -p "$BIN" || die "cannot create $BIN"
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$BIN/bare" bench/bare.c \
    $(pkg-config --cflags --libs libmicrohttpd) ||
    die "cannot build bench/bare.c"
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$BIN/sqlite_ceiling" \
    bench/sqlite_ceiling.c $(pkg-config --cflags --libs sqlite3) ||
    die "cannot build bench/sqlite_ceiling.c"

# The data lives under $BUILD, on the disk being measured: /tmp may be a
# tmpfs, where fsync costs nothing and the write figures would mean nothing.
tmp=$(mktemp -d "$BUILD/bench-run.XXXXXX") || die "mktemp failed"
data=$tmp/data

# --- helpers ----------------------------------------------------------------

# start_schakel NAME THREADS: serve $data on a free port; sets PORT.
start_schakel() {
	local log=$tmp/$1.log
	"$BUILD/schakel" serve --data "$data" --listen 127.0.0.1:0 \
	    --threads "$2" 2>"$log" &
	server_pid=$!
	pids="$pids $server_pid"
	for _ in $(seq 100); do
		PORT=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' \
		    "$log" | head -1)
		[ -n "$PORT" ] && return 0
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
	done
	tail -5 "$log" >&2
	die "schakel serve did not start"
}

# stop NAME PID: SIGTERM, then wait for it to finish what is in flight.
# A server that had died already, or exits with an error, broke.
stop() {
	local rc alive=1
	kill -0 "$2" 2>/dev/null || alive=0
	kill -TERM "$2" 2>/dev/null
	wait "$2" 2>/dev/null
	rc=$?
	pids=$(echo "$pids" | tr ' ' '\n' | grep -vx "$2" | tr '\n' ' ')
	if [ $alive -eq 0 ] || [ $rc -ne 0 ]; then
		tail -5 "$tmp/$1.log" >&2
		broke "$1 server died or exited with an error ($rc)"
	fi
}

# login PORT: log in as demo-admin; sets COOKIE and CSRF.
login() {
	local pw body
	pw=$(awk -F'\t' '$1 == "demo-admin" { print $3 }' \
	    "$data/demo-users.txt")
	[ -n "$pw" ] || die "no demo-admin in demo-users.txt"
	body=$(printf '{"username":"demo-admin","password":"%s"}' "$pw" |
	    curl -s -D "$tmp/login.hdr" -H 'Content-Type: application/json' \
	    --data-binary @- "http://127.0.0.1:$1/api/login")
	CSRF=$(echo "$body" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
	COOKIE=$(tr -d '\r' <"$tmp/login.hdr" |
	    sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | head -1)
	if [ -z "$CSRF" ] || [ -z "$COOKIE" ]; then
		die "login as demo-admin failed"
	fi
}

# expect_200 URL [CURL-ARGS]: a sanity check before measuring.
expect_200() {
	local url=$1 code
	shift
	code=$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")
	[ "$code" = 200 ] || die "GET $url answered $code, not 200"
}

# cpu_ticks PID: user + system CPU time the process has used, in clock
# ticks (fields 14 and 15 of /proc/PID/stat, counted after the name).
cpu_ticks() {
	sed 's/.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

# wrk_run NAME PID WRK-ARGS...: run wrk against the server PID, keep its
# report in $tmp/NAME.wrk and the server's CPU time in $tmp/NAME.cpu.
wrk_run() {
	local name=$1 pid=$2 t0 t1
	shift 2
	t0=$(cpu_ticks "$pid")
	wrk "${WRK_ARGS[@]}" "$@" >"$tmp/$name.wrk" 2>&1 ||
	    { cat "$tmp/$name.wrk" >&2; die "wrk failed ($name)"; }
	t1=$(cpu_ticks "$pid")
	echo $((t1 - t0)) >"$tmp/$name.cpu"
}

# wrk_figures NAME: "req/s p50-ms p99-ms errors cpu-us" from a wrk report,
# where errors counts non-2xx/3xx responses and socket errors together and
# cpu-us is the server's CPU time per request in microseconds.  Prints
# nothing when the report cannot be read; see need().
wrk_figures() {
	awk -v ticks="$(cat "$tmp/$1.cpu")" -v hz="$(getconf CLK_TCK)" '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/)  return v * 60000
		if (v ~ /s$/)  return v * 1000
		return v + 0
	}
	/^Requests\/sec:/ { rps = $2 }
	$2 == "requests" && $3 == "in" { n = $1 }
	/^ +50% / { p50 = ms($2) }
	/^ +99% / { p99 = ms($2) }
	/Non-2xx or 3xx responses:/ { err += $NF }
	/Socket errors:/ {
		for (i = 3; i < NF; i += 2) { v = $(i + 1); sub(",", "", v); err += v }
	}
	END {
		if (rps == "" || p50 == "" || p99 == "" || n == "") exit 1
		cpu = n > 0 ? ticks * 1e6 / hz / n : 0
		printf "%.0f %.2f %.2f %d %.0f\n", rps, p50, p99, err, cpu
	}' "$tmp/$1.wrk"
}

# need NAME VALUE...: stop when a figure could not be read.
need() {
	local name=$1 v
	shift
	for v in "$@"; do
		[ -n "$v" ] && continue
		cat "$tmp/$name.wrk" >&2
		die "cannot read the wrk report ($name)"
	done
}

# --- the machine ------------------------------------------------------------
# shellcheck disable=SC1091
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
[ -f /etc/debian_version ] && os="$os ($(cat /etc/debian_version))"
echo "schakel benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) CPUs ($(sed -n 's/^model name[[:space:]]*: //p' \
    /proc/cpuinfo | head -1)), $os, Linux $(uname -r)"
echo "data on: $(df --output=fstype "$tmp" | tail -1) file system;" \
    "SQLite $(pkg-config --modversion sqlite3)," \
    "libmicrohttpd $(pkg-config --modversion libmicrohttpd), $(wrk -v 2>&1 |
    head -1 | awk '{ print $1, $2 }')"
echo "load: wrk ${WRK_ARGS[*]}, client and servers share the CPUs;" \
    "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

"$BUILD/schakel" init --data "$data" --demo >/dev/null 2>"$tmp/init.log" ||
    { cat "$tmp/init.log" >&2; die "schakel init failed"; }

# --- reads on schakel -------------------------------------------------------
echo "measuring: GET /healthz, GET /api/me on schakel ($READ_THREADS threads)"
start_schakel read "$READ_THREADS"
login "$PORT"
expect_200 "http://127.0.0.1:$PORT/healthz"
expect_200 "http://127.0.0.1:$PORT/api/me" -H "Cookie: $COOKIE"
wrk_run healthz "$server_pid" "http://127.0.0.1:$PORT/healthz"
BENCH_COOKIE=$COOKIE wrk_run me "$server_pid" -s bench/auth_get.lua \
    "http://127.0.0.1:$PORT/api/me"
stop read "$server_pid"
read -r hz_rps hz_p50 hz_p99 hz_err hz_cpu <<<"$(wrk_figures healthz)"
read -r me_rps me_p50 me_p99 me_err me_cpu <<<"$(wrk_figures me)"
need healthz "$hz_rps" "$hz_p50" "$hz_p99" "$hz_err" "$hz_cpu"
need me "$me_rps" "$me_p50" "$me_p99" "$me_err" "$me_cpu"

# --- bare libmicrohttpd -----------------------------------------------------
echo "measuring: bare libmicrohttpd ($READ_THREADS threads)"
bare_pid=""
for _ in 1 2 3 4 5; do
	PORT=$((20000 + RANDOM % 40000))
	# Someone answers there already: take another port.
	(exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && continue
	"$BIN/bare" "$PORT" "$READ_THREADS" 2>"$tmp/bare.log" &
	bare_pid=$!
	pids="$pids $bare_pid"
	for _ in $(seq 50); do
		curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
		kill -0 "$bare_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$bare_pid" 2>/dev/null && break
	wait "$bare_pid"	# the port was taken: try another
	pids=$(echo "$pids" | tr ' ' '\n' | grep -vx "$bare_pid" | tr '\n' ' ')
	bare_pid=""
done
[ -n "$bare_pid" ] || { cat "$tmp/bare.log" >&2; die "bare did not start"; }
expect_200 "http://127.0.0.1:$PORT/"
wrk_run bare "$bare_pid" "http://127.0.0.1:$PORT/"
stop bare "$bare_pid"
read -r bare_rps bare_p50 bare_p99 bare_err bare_cpu <<<"$(wrk_figures bare)"
need bare "$bare_rps" "$bare_p50" "$bare_p99" "$bare_err" \
    "$bare_cpu"
[ "$bare_rps" -gt 0 ] || die "bare answered nothing"

# --- SQLite's own ceiling ---------------------------------------------------
echo "measuring: SQLite commit rate on the same disk (2 x 3 s)"
mkdir "$tmp/ceiling" || die "mkdir failed"
"$BIN/sqlite_ceiling" "$tmp/ceiling" 3 >"$tmp/ceiling.out" ||
    die "sqlite_ceiling failed"
ceil1=$(sed -n 's/^mode=single .*rows_per_s=\([0-9]*\).*/\1/p' \
    "$tmp/ceiling.out")
ceil100=$(sed -n 's/^mode=batch100 .*rows_per_s=\([0-9]*\).*/\1/p' \
    "$tmp/ceiling.out")
if [ -z "$ceil1" ] || [ -z "$ceil100" ] || [ "$ceil1" -eq 0 ]; then
	cat "$tmp/ceiling.out" >&2
	die "cannot read the sqlite_ceiling output"
fi
rm -rf "$tmp/ceiling"

# --- durable audited writes -------------------------------------------------
echo "measuring: POST /api/orgs on schakel ($WRITE_THREADS threads)"
start_schakel write "$WRITE_THREADS"
write_pid=$server_pid
login "$PORT"
tag="run$$"
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF BENCH_TAG=$tag wrk_run write \
    "$write_pid" -s bench/write_orgs.lua "http://127.0.0.1:$PORT"
stop write "$write_pid"
read -r wr_rps wr_p50 wr_p99 wr_err wr_cpu <<<"$(wrk_figures write)"
need write "$wr_rps" "$wr_p50" "$wr_p99" "$wr_err" "$wr_cpu"
line=$(grep '^write_orgs: responses=' "$tmp/write.wrk") ||
    die "write_orgs.lua printed no summary"
created=$(echo "$line" | sed -n 's/.* created=\([0-9]*\).*/\1/p')
non201=$(echo "$line" | sed -n 's/.* other=\([0-9]*\).*/\1/p')
statuses=$(echo "$line" | sed -n 's/.* statuses=\([^ ]*\).*/\1/p')
# Count only the writes answered 201: a storm of 403s is no throughput.
wr_rps=$(awk -v c="$created" '$2 == "requests" && $3 == "in" {
	d = $4; sub(",", "", d)
	s = d ~ /m$/ ? d * 60 : d + 0
	if (s > 0) printf "%.0f\n", c / s
}' "$tmp/write.wrk")
[ -n "$wr_rps" ] || die "cannot read the duration of the write run"
echo

# --- the table --------------------------------------------------------------
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", 100 * a / b }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
row() { printf '%-40s %8s %8s %8s %8s  %s\n' "$@"; }

hz_pct=$(pct "$hz_rps" "$bare_rps")
me_pct=$(pct "$me_rps" "$bare_rps")
wr_x=$(awk -v a="$wr_rps" -v b="$ceil1" 'BEGIN { printf "%.1f", a / b }')
# Judge the unrounded figures: 49.6 % is a miss.
if ge "$((2 * me_rps))" "$bare_rps"; then read_mark=PASS; else
	read_mark=MISS; fi
if ge "$wr_rps" 10000 && ge "$wr_rps" "$((2 * ceil1))"; then
	write_mark=PASS; else write_mark=MISS; fi

row "test" "per s" "p50 ms" "p99 ms" "CPU us" "errors"
row "GET /healthz, schakel" "$hz_rps" "$hz_p50" "$hz_p99" "$hz_cpu" \
    "$hz_err"
row "GET /api/me, schakel, session cookie" "$me_rps" "$me_p50" \
    "$me_p99" "$me_cpu" "$me_err"
row "GET /, bare libmicrohttpd" "$bare_rps" "$bare_p50" "$bare_p99" \
    "$bare_cpu" "$bare_err"
row "POST /api/orgs, durable + audited" "$wr_rps" "$wr_p50" "$wr_p99" \
    "$wr_cpu" "$non201 non-201, $wr_err from wrk"
row "SQLite, 1 row per transaction" "$ceil1" "" "" "" \
    "rows/s, one fsync each"
row "SQLite, 100 rows per transaction" "$ceil100" "" "" "" "rows/s"
echo "(CPU us: the server's CPU time per request, all its threads)"
echo
printf '%-40s %8s\n' "healthz / bare" "$hz_pct %"
printf '%-40s %8s   %s  %s\n' "me / bare" "$me_pct %" "$read_mark" \
    "target: authenticated read >= 50 % of bare"
printf '%-40s %8s   %s  %s\n' "writes / single-fsync ceiling" "${wr_x}x" \
    "$write_mark" "target: >= 10,000 writes/s and >= 2x the ceiling"
echo
echo "write responses by status: $statuses"
[ "${non201:-1}" -eq 0 ] || {
	grep '^write_orgs: first non-201' "$tmp/write.wrk"
	broke "$non201 writes were not answered 201"
}

# --- after the storm: durability and the audit chain ------------------------
if command -v sqlite3 >/dev/null 2>&1; then
	rows=$(sqlite3 "file:$data/schakel.db?mode=ro" \
	    "SELECT count(*) FROM org WHERE name LIKE 'bench $tag %'" \
	    2>/dev/null)
	if [ -n "$rows" ]; then
		# More rows than answers is normal: wrk stops counting
		# while the last writes are still on their way back.
		echo "acknowledged writes: $created; rows in the database:" \
		    "$rows"
		[ "$rows" -ge "$created" ] ||
		    broke "acknowledged writes are missing from the database"
	fi
fi
verify=$("$BUILD/schakel" audit verify --data "$data" 2>&1)
rc=$?
echo "schakel audit verify: $verify"
[ $rc -eq 0 ] || broke "the audit chain does not verify"
exit $broken
