#!/bin/bash
# The figures in docs/performance.md, all measured in one run (`make bench`).
#
#   tools/bench.sh
#
# Builds $BUILD/schakel (BUILD defaults to build), the two yardsticks in
# bench/ and bench/match_bench.c (linked against schakel's own objects)
# into $BUILD/bench-bin/, then measures, on 127.0.0.1 only:
#   - GET /healthz and an authenticated GET /api/me on schakel,
#   - the same load on a bare libmicrohttpd server (bench/bare.c),
#   - SQLite's own commit rate on the same disk (bench/sqlite_ceiling.c),
#   - durable audited writes: POST /api/orgs, each a new organisation,
#   - signals filed: POST /api/signals as demo-reporter, each sealed,
#     blind-indexed, looked up for matches and audited,
#   - the match lookup (Q_MATCH_FIND) in a new store holding a million
#     signals (bench/match_bench.c, no HTTP),
# and prints one table with the ratios and their targets, then checks that
# no acknowledged write or signal is missing and that the audit chain
# verifies.
# Then the same on PostgreSQL (a throwaway cluster from tools/pg.sh, on the
# same disk): GET /api/me and POST /api/orgs on one server, the same on two
# servers sharing one data folder and one session (one wrk each, at the same
# time), and PostgreSQL's own commit rate (pgbench, one row per
# transaction); a second table, its ratios, and the same two checks.
# Every server is started and stopped here; the data lives in temporary
# folders under $BUILD that are removed on exit.
#
# BENCH_SECONDS (default 10) sets the length of each wrk run,
# BENCH_READ_THREADS (default 32) the thread pool for the read tests and
# BENCH_MATCH_ROWS (default 1000000) the signals match_bench loads.
# PGBIN (default /usr/lib/postgresql/15/bin) is where PostgreSQL's programs
# are, for this script and tools/pg.sh.
#
# Targets are informational: a MISS does not fail the script.  It exits 1
# when something broke: a build, a server that would not start, a failed
# login, a session one server does not accept from the other, a write or
# signal answered with anything but 201, an acknowledged write or signal
# missing from the database, a match lookup that finds the wrong people,
# or an audit chain that does not verify.
set -u
cd "$(dirname "$0")/.." || exit 1

BUILD=${BUILD:-build}
SECONDS_PER_RUN=${BENCH_SECONDS:-10}
# Thread pools: 32 is schakel's default, and bare gets the same; 64 for the
# writes, so that many of them can wait for one group commit.
READ_THREADS=${BENCH_READ_THREADS:-32}
MATCH_ROWS=${BENCH_MATCH_ROWS:-1000000}
WRITE_THREADS=64
WRK_ARGS=(-t2 -c64 "-d${SECONDS_PER_RUN}s" --latency)
# Two servers: one wrk each with half the connections, so that the client
# side is the same as for one server.  A server needs no more threads than
# it has connections; each request holds a pooled PostgreSQL connection,
# and two servers of 64 would pass the cluster's 100 connections.
WRK2_ARGS=(-t1 -c32 "-d${SECONDS_PER_RUN}s" --latency)
PAIR_WRITE_THREADS=32
BIN=$BUILD/bench-bin
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
export PGBIN

tmp=""
pgdir=""
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
	# Never remove the files of a cluster that still runs.
	if [ -n "$pgdir" ]; then
		if tools/pg.sh stop "$pgdir" >/dev/null 2>&1; then
			rm -rf "$pgdir"
		else
			echo "bench: cannot stop the PostgreSQL cluster in" \
			    "$pgdir; stop it with tools/pg.sh stop" >&2
		fi
	fi
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

for n in "$SECONDS_PER_RUN" "$READ_THREADS" "$MATCH_ROWS"; do
	case "$n" in
	''|*[!0-9]*|0*) die "BENCH_SECONDS, BENCH_READ_THREADS and" \
	    "BENCH_MATCH_ROWS take a number above 0" ;;
	esac
done
[ "$MATCH_ROWS" -ge 10000 ] ||
    die "BENCH_MATCH_ROWS must be at least 10000 (one lookup in two hits)"
for tool in wrk curl cc pkg-config; do
	command -v "$tool" >/dev/null 2>&1 ||
	    die "'$tool' is missing (apt-get install $tool)"
done
for tool in initdb pg_ctl postgres psql; do
	[ -x "$PGBIN/$tool" ] ||
	    die "no $PGBIN/$tool (apt-get install postgresql, or set PGBIN)"
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
# match_bench uses the store as the server does: link the objects make
# just built for the modules it needs (as the Makefile's unit tests do,
# without main.o), and the embedded migrations.
match_objs=()
for src in src/core/*.c src/store/*.c src/crypt/*.c; do
	case $src in
	*_test.c|*_fuzz.c) continue ;;
	esac
	obj=${src#src/}
	match_objs+=("$BUILD/obj/${obj%.c}.o")
done
match_objs+=("$BUILD/obj/gen/embedded_migrations.o")
# shellcheck disable=SC2046
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -Isrc -o "$BIN/match_bench" \
    bench/match_bench.c "${match_objs[@]}" \
    $(pkg-config --cflags --libs libsodium jansson sqlite3 libpq) \
    -lpthread -lm || die "cannot build bench/match_bench.c"

# The data lives under $BUILD, on the disk being measured: /tmp may be a
# tmpfs, where fsync costs nothing and the write figures would mean nothing.
tmp=$(mktemp -d "$BUILD/bench-run.XXXXXX") || die "mktemp failed"
data=$tmp/data

# --- helpers ----------------------------------------------------------------

# start_schakel NAME THREADS [DATA]: serve DATA (default $data) on a free
# port; sets PORT and server_pid.
start_schakel() {
	local log=$tmp/$1.log
	# One account files every signal of the write run: lift the daily
	# limits that keep matching from being an oracle.
	"$BUILD/schakel" serve --data "${3:-$data}" --listen 127.0.0.1:0 \
	    --threads "$2" --daily-signals 1000000 --daily-persons 10000000 \
	    2>"$log" &
	server_pid=$!
	pids="$pids $server_pid"
	for _ in $(seq 100); do
		PORT=$(sed -n \
		    's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' \
		    "$log" 2>/dev/null | head -1)
		[ -n "$PORT" ] && return 0
		kill -0 "$server_pid" 2>/dev/null || break
		sleep 0.1
	done
	tail -5 "$log" >&2
	die "schakel serve did not start ($1)"
}

# forget PID...: the processes have ended; the EXIT trap leaves them be.
forget() {
	local p
	for p in "$@"; do
		pids=$(echo "$pids" | tr ' ' '\n' | grep -vx "$p" | tr '\n' ' ')
	done
}

# stop NAME PID: SIGTERM, then wait for it to finish what is in flight.
# A server that had died already, or exits with an error, broke.
stop() {
	local rc alive=1
	kill -0 "$2" 2>/dev/null || alive=0
	kill -TERM "$2" 2>/dev/null
	wait "$2" 2>/dev/null
	rc=$?
	forget "$2"
	if [ $alive -eq 0 ] || [ $rc -ne 0 ]; then
		tail -5 "$tmp/$1.log" >&2
		broke "$1 server died or exited with an error ($rc)"
	fi
}

# login PORT [DATA [USER]]: log in as USER (default demo-admin), whose
# password is in DATA/demo-users.txt (default $data); sets COOKIE and CSRF.
login() {
	local pw body user=${3:-demo-admin}
	pw=$(awk -F'\t' -v u="$user" '$1 == u { print $3 }' \
	    "${2:-$data}/demo-users.txt")
	[ -n "$pw" ] || die "no $user in demo-users.txt"
	body=$(printf '{"username":"%s","password":"%s"}' "$user" "$pw" |
	    curl -s -D "$tmp/login.hdr" -H 'Content-Type: application/json' \
	    --data-binary @- "http://127.0.0.1:$1/api/login")
	CSRF=$(echo "$body" | sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
	COOKIE=$(tr -d '\r' <"$tmp/login.hdr" |
	    sed -n 's/^[Ss]et-[Cc]ookie: *\([^;]*\).*/\1/p' | head -1)
	if [ -z "$CSRF" ] || [ -z "$COOKIE" ]; then
		die "login as $user failed"
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

# pg_ticks: CPU time of the whole PostgreSQL cluster in $pgdir, in clock
# ticks: the postmaster's own and that of its children that have ended
# (cutime and cstime: the postmaster reaps them), plus that of its
# children alive now (backends, WAL writer, checkpointer...).  The
# difference of two readings is what the cluster used in between.
pg_ticks() {
	local pm
	pm=$(head -1 "$pgdir/db/postmaster.pid" 2>/dev/null)
	[ -n "$pm" ] || die "no postmaster.pid in $pgdir/db"
	# A process may end between the listing and the read: cat goes on.
	cat /proc/[0-9]*/stat 2>/dev/null | awk -v pm="$pm" '
	{
		pid = $1
		s = $0
		sub(/.*\) /, "", s)	# the name may hold spaces
		split(s, f, " ")
		if (pid == pm) t += f[12] + f[13] + f[14] + f[15]
		else if (f[2] == pm) t += f[12] + f[13]
	}
	END { print t + 0 }'
}

# wrk_run NAME PID WRK-ARGS...: run wrk against the server PID, keep its
# report in $tmp/NAME.wrk and the server's CPU time in $tmp/NAME.cpu;
# once the PostgreSQL part has begun ($pgdir set), the cluster's CPU time
# in $tmp/NAME.pgcpu.
wrk_run() {
	local name=$1 pid=$2 t0 t1 p0=0 p1=0
	shift 2
	t0=$(cpu_ticks "$pid")
	if [ -n "$pgdir" ]; then
		p0=$(pg_ticks) || exit 1
	fi
	wrk "${WRK_ARGS[@]}" "$@" >"$tmp/$name.wrk" 2>&1 ||
	    { cat "$tmp/$name.wrk" >&2; die "wrk failed ($name)"; }
	t1=$(cpu_ticks "$pid")
	echo $((t1 - t0)) >"$tmp/$name.cpu"
	if [ -n "$pgdir" ]; then
		p1=$(pg_ticks) || exit 1
		echo $((p1 - p0)) >"$tmp/$name.pgcpu"
	fi
}

# wrk_two NAME PATH WRK-ARGS...: one wrk (WRK2_ARGS) per server of the
# pair, on pair_pid[0] and pair_port[0] and on pair_pid[1] and
# pair_port[1], both at the same time.  The first gets BENCH_TAG with "a"
# appended, the second with "b", so that their writes can be told apart.
# The reports go to $tmp/NAME.a.wrk and $tmp/NAME.b.wrk, the CPU time of
# both servers together to $tmp/NAME.cpu and the cluster's to NAME.pgcpu.
wrk_two() {
	local name=$1 path=$2 tag=${BENCH_TAG:-bench} t0 t1 p0 p1 wa wb rc=0
	shift 2
	t0=$(($(cpu_ticks "${pair_pid[0]}") + $(cpu_ticks "${pair_pid[1]}")))
	p0=$(pg_ticks) || exit 1
	BENCH_TAG=${tag}a wrk "${WRK2_ARGS[@]}" "$@" \
	    "http://127.0.0.1:${pair_port[0]}$path" >"$tmp/$name.a.wrk" 2>&1 &
	wa=$!
	BENCH_TAG=${tag}b wrk "${WRK2_ARGS[@]}" "$@" \
	    "http://127.0.0.1:${pair_port[1]}$path" >"$tmp/$name.b.wrk" 2>&1 &
	wb=$!
	pids="$pids $wa $wb"
	wait "$wa" || rc=1
	wait "$wb" || rc=1
	forget "$wa" "$wb"
	t1=$(($(cpu_ticks "${pair_pid[0]}") + $(cpu_ticks "${pair_pid[1]}")))
	p1=$(pg_ticks) || exit 1
	if [ $rc -ne 0 ]; then
		cat "$tmp/$name.a.wrk" "$tmp/$name.b.wrk" >&2
		die "wrk failed ($name)"
	fi
	echo $((t1 - t0)) >"$tmp/$name.cpu"
	echo $((p1 - p0)) >"$tmp/$name.pgcpu"
}

# wrk_reports NAME: the report files of run NAME, one line each:
# $tmp/NAME.wrk, or the two of wrk_two.
wrk_reports() {
	if [ -f "$tmp/$1.wrk" ]; then
		echo "$tmp/$1.wrk"
	else
		echo "$tmp/$1.a.wrk"
		echo "$tmp/$1.b.wrk"
	fi
}

# wrk_figures NAME: "req/s p50-ms p99-ms errors cpu-us [pg-cpu-us]" from
# the wrk report(s) of run NAME, where errors counts non-2xx/3xx responses
# and socket errors together, cpu-us is the server's CPU time per request
# in microseconds and pg-cpu-us (when $tmp/NAME.pgcpu exists) that of the
# PostgreSQL cluster.  For two wrk at once, the requests per second and
# the errors add up, the latencies are the worse of the two and the CPU
# time is divided by the requests of both.  Prints nothing when a report
# cannot be read; see need().
wrk_figures() {
	local reports=()
	mapfile -t reports < <(wrk_reports "$1")
	awk -v ticks="$(cat "$tmp/$1.cpu")" -v hz="$(getconf CLK_TCK)" \
	    -v pgticks="$(cat "$tmp/$1.pgcpu" 2>/dev/null)" \
	    -v nf="${#reports[@]}" '
	function ms(v) {
		if (v ~ /us$/) return v / 1000
		if (v ~ /ms$/) return v + 0
		if (v ~ /m$/)  return v * 60000
		if (v ~ /s$/)  return v * 1000
		return v + 0
	}
	FNR == 1 { f++ }
	/^Requests\/sec:/ { rps[f] = $2 }
	$2 == "requests" && $3 == "in" { n[f] = $1 }
	/^ +50% / { p50[f] = ms($2) }
	/^ +99% / { p99[f] = ms($2) }
	/Non-2xx or 3xx responses:/ { err += $NF }
	/Socket errors:/ {
		for (i = 3; i < NF; i += 2) {
			v = $(i + 1); sub(",", "", v); err += v
		}
	}
	END {
		if (f != nf) exit 1
		for (i = 1; i <= f; i++) {
			if (rps[i] == "" || p50[i] == "" || p99[i] == "" ||
			    n[i] == "") exit 1
			trps += rps[i]
			tn += n[i]
			if (p50[i] > wp50) wp50 = p50[i]
			if (p99[i] > wp99) wp99 = p99[i]
		}
		cpu = tn > 0 ? ticks * 1e6 / hz / tn : 0
		printf "%.0f %.2f %.2f %d %.0f", trps, wp50, wp99, err, cpu
		if (pgticks != "")
			printf " %.0f", (tn > 0 ? pgticks * 1e6 / hz / tn : 0)
		printf "\n"
	}' "${reports[@]}"
}

# write_counts NAME: "created other statuses writes/s" from the report(s)
# of a write run (bench/write_orgs.lua and bench/write_signals.lua print
# the counts), where writes/s counts only the 201 answers, over wrk's own
# run time: a storm of 403s is no throughput.  For two wrk at once the counts and the rates add up and
# statuses lists each, "a:" and "b:".  Prints nothing and fails when a
# report has no summary.
write_counts() {
	local reports=()
	mapfile -t reports < <(wrk_reports "$1")
	awk -v nf="${#reports[@]}" '
	FNR == 1 { f++ }
	/^write_[a-z]+: responses=/ {
		for (i = 2; i <= NF; i++) {
			split($i, kv, "=")
			w[f, kv[1]] = kv[2]
		}
		got[f] = 1
	}
	$2 == "requests" && $3 == "in" {
		d = $4; sub(",", "", d)
		secs[f] = d ~ /m$/ ? d * 60 : d + 0
	}
	END {
		if (f != nf) exit 1
		for (i = 1; i <= f; i++) {
			if (!got[i] || secs[i] <= 0) exit 1
			created += w[i, "created"]
			other += w[i, "other"]
			rate += w[i, "created"] / secs[i]
			st = w[i, "statuses"]
			if (f > 1) st = substr("ab", i, 1) ":" st
			sts = sts (i > 1 ? ";" : "") st
		}
		printf "%d %d %s %.0f\n", created, other, sts, rate
	}' "${reports[@]}"
}

# need NAME VALUE...: stop when a figure could not be read.
need() {
	local name=$1 v
	shift
	for v in "$@"; do
		[ -n "$v" ] && continue
		wrk_reports "$name" | while read -r f; do cat "$f"; done >&2
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
# Count only the writes answered 201 (wrk's own rate counts every answer).
read -r created non201 statuses wr_rps <<<"$(write_counts write)"
need write "$created" "$non201" "$statuses" "$wr_rps"

# --- signals filed: durable, audited, sealed ---------------------------------
# signal_count: the signals in the SQLite database of $data, or nothing
# when the sqlite3 shell is missing.
signal_count() {
	command -v sqlite3 >/dev/null 2>&1 || return 0
	sqlite3 "file:$data/schakel.db?mode=ro" "SELECT count(*) FROM signal" \
	    2>/dev/null
}
echo "measuring: POST /api/signals on schakel ($WRITE_THREADS threads)"
signals_before=$(signal_count)
start_schakel signals "$WRITE_THREADS"
signals_pid=$server_pid
login "$PORT" "$data" demo-reporter
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF BENCH_TAG=$tag wrk_run signals \
    "$signals_pid" -s bench/write_signals.lua "http://127.0.0.1:$PORT"
stop signals "$signals_pid"
read -r sg_rps sg_p50 sg_p99 sg_err sg_cpu <<<"$(wrk_figures signals)"
need signals "$sg_rps" "$sg_p50" "$sg_p99" "$sg_err" "$sg_cpu"
read -r sg_created sg_non201 sg_statuses sg_rps <<<"$(write_counts signals)"
need signals "$sg_created" "$sg_non201" "$sg_statuses" "$sg_rps"

# --- the match lookup with a million signals ---------------------------------
# A store of its own under $tmp (on the disk being measured), removed
# right after: it takes some 600 MB.
echo "measuring: Q_MATCH_FIND with $MATCH_ROWS signals in a new store" \
    "(loading takes about half a minute per million)"
mkdir "$tmp/match" || die "mkdir failed"
"$BIN/match_bench" "$tmp/match" "$MATCH_ROWS" >"$tmp/match.out" \
    2>"$tmp/match.log" ||
    { cat "$tmp/match.out" "$tmp/match.log" >&2; die "match_bench failed"; }
rm -rf "$tmp/match"
# mb_field MODE KEY: the value of KEY= on the line that starts with MODE.
mb_field() {
	awk -v m="$1" -v k="$2" 'index($0, m " ") == 1 {
		for (i = 2; i <= NF; i++) {
			split($i, kv, "=")
			if (kv[1] == k) print kv[2]
		}
	}' "$tmp/match.out"
}
mb_load_s=$(mb_field load seconds)
mb_load_rps=$(mb_field load rows_per_s)
mb_db=$(mb_field load db_mb)
mb_p50=$(mb_field "lookup mode=writer" p50_us)
mb_p99=$(mb_field "lookup mode=writer" p99_us)
mb_mean=$(mb_field "lookup mode=writer" mean_us)
mb_rp50=$(mb_field "lookup mode=read" p50_us)
mb_rp99=$(mb_field "lookup mode=read" p99_us)
mb_rmean=$(mb_field "lookup mode=read" mean_us)
mb_hit=$(mb_field "lookup mode=writer" hit_p50_us)
mb_miss=$(mb_field "lookup mode=writer" miss_p50_us)
for v in "$mb_load_s" "$mb_load_rps" "$mb_db" "$mb_p50" "$mb_p99" \
    "$mb_mean" "$mb_rp50" "$mb_rp99" "$mb_rmean" "$mb_hit" "$mb_miss"; do
	[ -n "$v" ] && continue
	cat "$tmp/match.out" >&2
	die "cannot read the match_bench output"
done
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
row "POST /api/signals, sealed + audited" "$sg_rps" "$sg_p50" "$sg_p99" \
    "$sg_cpu" "$sg_non201 non-201, $sg_err from wrk"
# One thread, one lookup after another: per second is 1 / the mean.
row "match lookup, $MATCH_ROWS signals" \
    "$(awk -v m="$mb_mean" 'BEGIN { printf "%.0f", 1e6 / m }')" \
    "$(awk -v v="$mb_p50" 'BEGIN { printf "%.3f", v / 1000 }')" \
    "$(awk -v v="$mb_p99" 'BEGIN { printf "%.3f", v / 1000 }')" "" \
    "mean $mb_mean us, one thread, no HTTP"
echo "(CPU us: the server's CPU time per request, all its threads)"
echo "(match lookup: Q_MATCH_FIND on the writer's connection, half of" \
    "them hits; p50 of the hits $mb_hit us, of the misses $mb_miss us;"
echo " on a read connection p50 $mb_rp50 us, p99 $mb_rp99 us, mean" \
    "$mb_rmean us.  Loading the $MATCH_ROWS signals with their people"
echo " took $mb_load_s s: $mb_load_rps rows/s, 10,000 per commit, into a" \
    "$mb_db MB database)"
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
echo "signal responses by status: $sg_statuses"
[ "${sg_non201:-1}" -eq 0 ] || {
	grep '^write_signals: first non-201' "$tmp/signals.wrk"
	broke "$sg_non201 signals were not answered 201"
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
signals_after=$(signal_count)
if [ -n "$signals_before" ] && [ -n "$signals_after" ]; then
	# Only the signals server wrote signals to $data meanwhile.
	echo "acknowledged signals: $sg_created; new signals in the" \
	    "database: $((signals_after - signals_before))"
	[ $((signals_after - signals_before)) -ge "$sg_created" ] ||
	    broke "acknowledged signals are missing from the database"
fi
verify=$("$BUILD/schakel" audit verify --data "$data" 2>&1)
rc=$?
echo "schakel audit verify: $verify"
[ $rc -eq 0 ] || broke "the audit chain does not verify"

# === PostgreSQL =============================================================
# The same server on a throwaway cluster (tools/pg.sh: fsync=on,
# synchronous_commit=on) whose files lie under $BUILD as well, on the disk
# being measured.  From here on wrk_run also records the cluster's CPU.
echo
pgdir=$(mktemp -d "$BUILD/bench-pg.XXXXXX") || die "mktemp failed"
tools/pg.sh start "$pgdir" >"$tmp/pg.out" 2>&1 ||
    { cat "$tmp/pg.out" >&2; die "cannot start a PostgreSQL cluster"; }
pgurl=$(cat "$pgdir/url") || die "tools/pg.sh wrote no URL"
pgdata=$tmp/pgdata
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{ print $3 }')" \
    "(fsync=on, synchronous_commit=on), its files on the same disk;" \
    "two servers: one wrk ${WRK2_ARGS[*]} each, at the same time;" \
    "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
"$BUILD/schakel" init --data "$pgdata" --db "$pgurl" --demo >/dev/null \
    2>"$tmp/pginit.log" ||
    { cat "$tmp/pginit.log" >&2; die "schakel init on PostgreSQL failed"; }

# psql_value SQL: one value from the schakel database, or nothing.
psql_value() {
	"$PGBIN/psql" "$pgurl" -XAtqc "$1" 2>/dev/null
}

# wal_syncs: how many times the cluster has fsynced its WAL.  Backends
# report their counts within a second, and when they end.
wal_syncs() {
	local n
	n=$(psql_value "SELECT wal_sync FROM pg_stat_wal")
	case $n in
	''|*[!0-9]*) die "cannot read pg_stat_wal" ;;
	esac
	echo "$n"
}

# start_pair NAME THREADS: two servers on $pgdata, NAME.a and NAME.b; sets
# pair_pid and pair_port.  Both must accept the session of $COOKIE, which
# was made by another server process: sessions live in the database.
start_pair() {
	local i sfx=(a b)
	for i in 0 1; do
		start_schakel "$1.${sfx[i]}" "$2" "$pgdata"
		pair_pid[i]=$server_pid
		pair_port[i]=$PORT
	done
	for i in 0 1; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' \
		    -H "Cookie: $COOKIE" \
		    "http://127.0.0.1:${pair_port[i]}/api/me")" = 200 ] ||
		    die "a second server does not accept the session"
	done
}

# stop_pair NAME
stop_pair() {
	stop "$1.a" "${pair_pid[0]}"
	stop "$1.b" "${pair_pid[1]}"
}

# --- reads on PostgreSQL, one server -----------------------------------------
echo "measuring: GET /api/me on PostgreSQL, one server" \
    "($READ_THREADS threads)"
start_schakel pg_read "$READ_THREADS" "$pgdata"
# The only login of this part: every server below uses this session.
login "$PORT" "$pgdata"
expect_200 "http://127.0.0.1:$PORT/api/me" -H "Cookie: $COOKIE"
BENCH_COOKIE=$COOKIE wrk_run pg_me "$server_pid" -s bench/auth_get.lua \
    "http://127.0.0.1:$PORT/api/me"
stop pg_read "$server_pid"
read -r pme_rps pme_p50 pme_p99 pme_err pme_cpu pme_pg \
    <<<"$(wrk_figures pg_me)"
need pg_me "$pme_rps" "$pme_p50" "$pme_p99" "$pme_err" "$pme_cpu" \
    "$pme_pg"

# --- PostgreSQL's own ceiling ------------------------------------------------
# One small row per transaction, one client: every COMMIT waits for its own
# WAL fsync, as SQLite's single-row figure does.
pgceil=""
if [ -x "$PGBIN/pgbench" ]; then
	echo "measuring: PostgreSQL commit rate on the same disk" \
	    "(pgbench -c1, 3 s)"
	ceilurl=$(tools/pg.sh createdb "$pgdir" ceiling 2>"$tmp/pgbench.out") ||
	    { cat "$tmp/pgbench.out" >&2; die "cannot create a database"; }
	"$PGBIN/psql" "$ceilurl" -XAtq -c "CREATE TABLE org (id bigint \
GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL UNIQUE, \
created_at bigint NOT NULL)" >"$tmp/pgbench.out" 2>&1 ||
	    { cat "$tmp/pgbench.out" >&2; die "cannot create the table"; }
	echo "INSERT INTO org (name, created_at) VALUES" \
	    "('ceiling ' || gen_random_uuid(), 0);" >"$tmp/pg_ceiling.sql"
	"$PGBIN/pgbench" -n -c1 -T3 -f "$tmp/pg_ceiling.sql" "$ceilurl" \
	    >"$tmp/pgbench.out" 2>&1 ||
	    { cat "$tmp/pgbench.out" >&2; die "pgbench failed"; }
	pgceil=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$tmp/pgbench.out")
	if [ -z "$pgceil" ] || [ "$pgceil" -eq 0 ]; then
		cat "$tmp/pgbench.out" >&2
		die "cannot read the pgbench output"
	fi
else
	echo "skipped: PostgreSQL's commit rate (no $PGBIN/pgbench)"
fi

# --- durable audited writes on PostgreSQL, one server ------------------------
echo "measuring: POST /api/orgs on PostgreSQL, one server" \
    "($WRITE_THREADS threads)"
start_schakel pg_write "$WRITE_THREADS" "$pgdata"
pgtag="pg$$"
syncs0=$(wal_syncs) || exit 1
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF BENCH_TAG=$pgtag wrk_run pg_write \
    "$server_pid" -s bench/write_orgs.lua "http://127.0.0.1:$PORT"
stop pg_write "$server_pid"
sleep 0.5	# the backends report their counters as they end
syncs1=$(wal_syncs) || exit 1
pwr_syncs=$((syncs1 - syncs0))
read -r pwr_rps pwr_p50 pwr_p99 pwr_err pwr_cpu pwr_pg \
    <<<"$(wrk_figures pg_write)"
need pg_write "$pwr_rps" "$pwr_p50" "$pwr_p99" "$pwr_err" "$pwr_cpu" \
    "$pwr_pg"
read -r pwr_created pwr_non201 pwr_statuses pwr_rps \
    <<<"$(write_counts pg_write)"
need pg_write "$pwr_created" "$pwr_non201" "$pwr_statuses" "$pwr_rps"

# --- reads on PostgreSQL, two servers ----------------------------------------
echo "measuring: GET /api/me on PostgreSQL, two servers" \
    "($READ_THREADS threads each)"
start_pair pair_read "$READ_THREADS"
BENCH_COOKIE=$COOKIE wrk_two pair_me /api/me -s bench/auth_get.lua
stop_pair pair_read
read -r tme_rps tme_p50 tme_p99 tme_err tme_cpu tme_pg \
    <<<"$(wrk_figures pair_me)"
need pair_me "$tme_rps" "$tme_p50" "$tme_p99" "$tme_err" "$tme_cpu" \
    "$tme_pg"

# --- durable audited writes on PostgreSQL, two servers -----------------------
echo "measuring: POST /api/orgs on PostgreSQL, two servers" \
    "($PAIR_WRITE_THREADS threads each)"
start_pair pair_write "$PAIR_WRITE_THREADS"
syncs0=$(wal_syncs) || exit 1
BENCH_COOKIE=$COOKIE BENCH_CSRF=$CSRF BENCH_TAG=$pgtag wrk_two pair_write \
    "" -s bench/write_orgs.lua
stop_pair pair_write
sleep 0.5
syncs1=$(wal_syncs) || exit 1
twr_syncs=$((syncs1 - syncs0))
read -r twr_rps twr_p50 twr_p99 twr_err twr_cpu twr_pg \
    <<<"$(wrk_figures pair_write)"
need pair_write "$twr_rps" "$twr_p50" "$twr_p99" "$twr_err" "$twr_cpu" \
    "$twr_pg"
read -r twr_created twr_non201 twr_statuses twr_rps \
    <<<"$(write_counts pair_write)"
need pair_write "$twr_created" "$twr_non201" "$twr_statuses" "$twr_rps"
echo

# --- the PostgreSQL table ----------------------------------------------------
# ratio A B DIGITS: A / B, or "-" when B is 0.
ratio() {
	awk -v a="$1" -v b="$2" -v d="$3" 'BEGIN {
		if (b + 0 == 0) print "-"; else printf "%.*f\n", d, a / b
	}'
}
row2() { printf '%-40s %8s %8s %8s %8s %8s  %s\n' "$@"; }

row2 "test, PostgreSQL" "per s" "p50 ms" "p99 ms" "CPU us" "PG us" \
    "errors"
row2 "GET /api/me, one server" "$pme_rps" "$pme_p50" "$pme_p99" \
    "$pme_cpu" "$pme_pg" "$pme_err"
row2 "POST /api/orgs, one server" "$pwr_rps" "$pwr_p50" "$pwr_p99" \
    "$pwr_cpu" "$pwr_pg" "$pwr_non201 non-201, $pwr_err from wrk"
row2 "GET /api/me, two servers" "$tme_rps" "$tme_p50" "$tme_p99" \
    "$tme_cpu" "$tme_pg" "$tme_err"
row2 "POST /api/orgs, two servers" "$twr_rps" "$twr_p50" "$twr_p99" \
    "$twr_cpu" "$twr_pg" "$twr_non201 non-201, $twr_err from wrk"
if [ -n "$pgceil" ]; then
	row2 "PostgreSQL, 1 row per transaction" "$pgceil" "" "" "" "" \
	    "rows/s, one fsync each (pgbench -c1)"
else
	row2 "PostgreSQL, 1 row per transaction" "-" "" "" "" "" \
	    "skipped: no pgbench"
fi
echo "(two servers: requests/s added up, p50 and p99 the worse of the two;"
echo " CPU us: schakel's CPU time per request, both servers together;"
echo " PG us: the cluster's, all its processes)"
echo "WAL fsyncs during the writes: one server $pwr_syncs" \
    "($(ratio "$pwr_created" "$pwr_syncs" 1) writes each)," \
    "two servers $twr_syncs ($(ratio "$twr_created" "$twr_syncs" 1) each)"
echo
printf '%-40s %8s\n' "PG reads / SQLite reads" \
    "$(ratio "$((100 * pme_rps))" "$me_rps" 0) %"
printf '%-40s %8s\n' "PG writes / SQLite writes" \
    "$(ratio "$((100 * pwr_rps))" "$wr_rps" 0) %"
printf '%-40s %8s\n' "two servers / one, reads" \
    "$(ratio "$tme_rps" "$pme_rps" 2)x"
printf '%-40s %8s\n' "two servers / one, writes" \
    "$(ratio "$twr_rps" "$pwr_rps" 2)x"
if [ -n "$pgceil" ]; then
	printf '%-40s %8s\n' "PG writes / PG single-commit ceiling" \
	    "$(ratio "$pwr_rps" "$pgceil" 1)x"
	printf '%-40s %8s\n' "two servers' writes / that ceiling" \
	    "$(ratio "$twr_rps" "$pgceil" 1)x"
fi
echo
echo "write responses by status: one server $pwr_statuses;" \
    "two servers $twr_statuses"
[ "$pwr_non201" -eq 0 ] || {
	grep -h '^write_orgs: first non-201' "$tmp/pg_write.wrk"
	broke "$pwr_non201 writes to one PostgreSQL server were not" \
	    "answered 201"
}
[ "$twr_non201" -eq 0 ] || {
	grep -h '^write_orgs: first non-201' "$tmp/pair_write.a.wrk" \
	    "$tmp/pair_write.b.wrk"
	broke "$twr_non201 writes to two PostgreSQL servers were not" \
	    "answered 201"
}

# --- after the storm: durability and the audit chain, PostgreSQL -------------
# check_rows TAG ACKNOWLEDGED WHAT: every write answered 201 is in the
# database (a few more are normal: those in flight when wrk stopped).
check_rows() {
	local rows
	case $2 in
	''|*[!0-9]*)
		broke "no count of the acknowledged writes of $3"
		return ;;
	esac
	rows=$(psql_value "SELECT count(*) FROM org WHERE name LIKE \
'bench $1 %'")
	case $rows in
	''|*[!0-9]*)
		broke "cannot count the organisations of $3 in PostgreSQL"
		return ;;
	esac
	echo "acknowledged writes, $3: $2; rows in the database: $rows"
	[ "$rows" -ge "$2" ] ||
	    broke "acknowledged writes are missing from PostgreSQL ($3)"
}
# acked REPORT: the 201 answers that one wrk report counted.
acked() {
	sed -n 's/^write_orgs: responses=.* created=\([0-9]*\).*/\1/p' "$1"
}
check_rows "$pgtag" "$pwr_created" "one server"
check_rows "${pgtag}a" "$(acked "$tmp/pair_write.a.wrk")" "server a of two"
check_rows "${pgtag}b" "$(acked "$tmp/pair_write.b.wrk")" "server b of two"
verify=$("$BUILD/schakel" audit verify --data "$pgdata" 2>&1)
rc=$?
echo "schakel audit verify (PostgreSQL): $verify"
[ $rc -eq 0 ] || broke "the audit chain on PostgreSQL does not verify"
exit $broken
