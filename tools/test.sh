#!/bin/bash
# Runs schakel's tests and ends with one line CI reads: "N passed, N failed".
#
#   tools/test.sh                everything (what `make test` runs)
#   tools/test.sh unit BUILD     cmocka unit tests built in BUILD
#   tools/test.sh api BUILD      node --test API tests against BUILD/schakel
#   tools/test.sh api-pg BUILD   the same on PostgreSQL
#   tools/test.sh browser BUILD  Chromium tests against BUILD/schakel
#   tools/test.sh faults         the fault sweep under ASan (make check-faults)
#
# A throwaway PostgreSQL cluster (tools/pg.sh) is started for the unit and
# API tests and stopped at the end, also when a test fails; a cluster that
# cannot start is a failure, never a skip.
set -u
cd "$(dirname "$0")/.."

passed=0
failed=0
log=$(mktemp -d)
pgdir=""
cleanup() {
	[ -n "$pgdir" ] && tools/pg.sh stop "$pgdir" >/dev/null 2>&1
	[ -n "$pgdir" ] && rm -rf "$pgdir"
	rm -rf "$log"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Start the test cluster once; later calls reuse it.
start_pg() {
	[ -n "${SCHAKEL_TEST_PG:-}" ] && return 0
	pgdir=$(mktemp -d)
	if ! tools/pg.sh start "$pgdir" >"$log/pg.out" 2>&1; then
		cat "$log/pg.out"
		echo "cannot start the PostgreSQL test cluster"
		failed=$((failed + 1))
		return 1
	fi
	SCHAKEL_TEST_PG=$(cat "$pgdir/url")
	export SCHAKEL_TEST_PG
	export SCHAKEL_TEST_PG_DIR="$pgdir"
}

# timed WHAT CMD...: runs CMD and says how long WHAT took.
timed() {
	local what=$1 t0=$SECONDS rc
	shift
	"$@"
	rc=$?
	printf -- '-- %s: %d min %02d s\n' "$what" \
	    $(((SECONDS - t0) / 60)) $(((SECONDS - t0) % 60))
	return $rc
}

count_cmocka() {
	local p f
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
}

count_node() {
	local p f c
	p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$1" | tail -1)
	f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$1" | tail -1)
	# A cancelled test (its file timed out or ended early) did not pass.
	c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$1" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0} + ${c:-0}))
	# A runner that died before reporting counts as a failure.
	[ -z "$p" ] && failed=$((failed + 1))
}

run_unit() {
	local build=$1 t out rc
	echo "== unit tests ($build)"
	for t in $(find "$build/test" -type f -perm -u+x | LC_ALL=C sort); do
		out="$log/unit.$$.out"
		"$t" >"$out" 2>&1
		rc=$?
		count_cmocka "$out"
		if [ $rc -ne 0 ]; then
			cat "$out"
			# A failed group setup, or a program a sanitizer
			# stopped, prints no count of its own.
			grep -q '^\[  FAILED  \] [0-9]' "$out" ||
			    failed=$((failed + 1))
		fi
		printf '%-40s %s%s\n' "${t#"$build"/test/}" \
		    "$(grep -E '^\[  (PASSED|FAILED)  \]' "$out" | tr '\n' ' ')" \
		    "$([ $rc -ne 0 ] && echo "FAILED: exit status $rc")"
	done
}

run_node() {
	local kind=$1 build=$2 db=${3:-sqlite} out
	local files
	files=$(find "tests/$kind" -name '*.test.mjs' 2>/dev/null | LC_ALL=C sort)
	[ -n "$files" ] || return 0
	echo "== $kind tests ($build, $db)"
	out="$log/$kind.$db.out"
	# shellcheck disable=SC2086
	SCHAKEL_BIN="$PWD/$build/schakel" SCHAKEL_TEST_DB=$db \
	    node --test --test-reporter=tap --test-concurrency=1 $files \
	    >"$out" 2>&1
	grep -E '^(not ok|# (tests|pass|fail|cancelled))' "$out"
	if grep -q '^not ok' "$out"; then
		# Show what failed, not the whole report: the failing
		# subtests (indented) carry the assertion.
		grep -B2 -A30 '^ *not ok' "$out" | head -300
	fi
	count_node "$out"
}

step() {
	if ! "$@"; then
		echo "step failed: $*"
		failed=$((failed + 1))
		return 1
	fi
}

case "${1:-all}" in
unit)
	start_pg
	run_unit "$2"
	;;
api)
	start_pg && run_node api "$2"
	;;
api-pg)
	start_pg && run_node api "$2" pg
	;;
browser)
	run_node browser "$2"
	;;
faults)
	# The fault sweep alone, under ASan, on SQLite and PostgreSQL.
	start_pg
	if step make -s BUILD=build/asan SAN=1 \
	    build/asan/test/domain/faults_test; then
		out="$log/faults.out"
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		    build/asan/test/domain/faults_test >"$out" 2>&1
		cat "$out"
		count_cmocka "$out"
	fi
	;;
all)
	jobs=$(nproc 2>/dev/null || echo 2)
	start_pg
	echo "== build"
	if timed "build" step make -s -j"$jobs" all; then
		timed "style check" step tools/checksrc.sh
		timed "unit tests" run_unit build
		timed "API tests on SQLite" run_node api build
		[ -n "${SCHAKEL_TEST_PG:-}" ] &&
		    timed "API tests on PostgreSQL" run_node api build pg
		timed "browser tests" run_node browser build
	fi
	echo "== the same unit and API tests under ASan and UBSan"
	if timed "sanitizer build" step make -s -j"$jobs" BUILD=build/asan \
	    SAN=1 all; then
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
		timed "unit tests (sanitizers)" run_unit build/asan
		timed "API tests on SQLite (sanitizers)" run_node api build/asan
		[ -n "${SCHAKEL_TEST_PG:-}" ] &&
		    timed "API tests on PostgreSQL (sanitizers)" \
		    run_node api build/asan pg
	fi
	printf -- '-- everything: %d min %02d s\n' $((SECONDS / 60)) \
	    $((SECONDS % 60))
	;;
*)
	echo "usage: tools/test.sh [unit|api|api-pg|browser BUILD | faults]" \
	    >&2
	exit 2
	;;
esac

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
