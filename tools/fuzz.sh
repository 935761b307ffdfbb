#!/bin/sh
# Usage: tools/fuzz.sh [SECONDS]
# Builds every libFuzzer harness in tests/fuzz/ with clang (ASan + UBSan)
# and runs each for SECONDS (default 60, or $FUZZ_TIME), starting from a
# few seeds in a temporary folder.  A crashing input is kept in
# $FUZZ_OUT (default build/fuzz) for `./harness crash-file`.  Exits
# non-zero when a harness does not build or finds a crash.
set -eu
cd "$(dirname "$0")/.."

secs=${1:-${FUZZ_TIME:-60}}
out=${FUZZ_OUT:-build/fuzz}
cc=${FUZZ_CC:-clang}
cflags="-std=c11 -D_GNU_SOURCE -g -O1 -fno-omit-frame-pointer \
-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc"
core=$(find src/core -name '*.c' ! -name '*_test.c' | LC_ALL=C sort)
libs=$(pkg-config --cflags --libs jansson)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

seed() {	# seed HARNESS NAME CONTENT
	mkdir -p "$work/$1"
	printf '%s' "$3" > "$work/$1/$2"
}

seed json_fuzz ok '{"name":"a","note":null,"age":30,"urgent":true,
"tags":["x","y"]}'
seed json_fuzz min '{"name":"b"}'
seed json_fuzz dup '{"name":"a","name":"b"}'
seed json_fuzz unknown '{"name":"a","role":"admin"}'
seed json_fuzz types '{"name":1,"age":"x","urgent":0,"tags":[1]}'
seed json_fuzz utf8 '{"name":"Z\303\274leyka\\u0000"}'
seed json_fuzz array '[1,2,{"name":"a"}]'
seed json_fuzz deep '[[[[[[[[[[[[[[[[{"name":"a"}]]]]]]]]]]]]]]]]'

# The first byte picks the method (0 GET, 1 POST, 2 PUT, 3 DELETE, ...).
seed router_fuzz root '0/'
seed router_fuzz users '0/api/users/42'
seed router_fuzz me '0/api/users/me'
seed router_fuzz put '2/api/users/%41b'
seed router_fuzz notes '0/api/cases/1/notes/x%2Fy'
seed router_fuzz dots '0/api/users/%2e%2e'
seed router_fuzz slash '0/api/users/'
seed router_fuzz empty '1/api//login'
seed router_fuzz kind '0/api/signals/export'

build() {	# build HARNESS SOURCES...
	name=$1
	shift
	echo "== building $name"
	# shellcheck disable=SC2086
	$cc $cflags -o "$work/$name.bin" "$@" $core $libs
}

build json_fuzz tests/fuzz/json_fuzz.c
build router_fuzz tests/fuzz/router_fuzz.c src/http/router.c

status=0
for name in json_fuzz router_fuzz; do
	echo "== running $name for ${secs}s"
	if ! "$work/$name.bin" -max_total_time="$secs" -timeout=10 \
	    -print_final_stats=1 -artifact_prefix="$out/$name-" \
	    "$work/$name" >"$work/$name.log" 2>&1; then
		tail -n 60 "$work/$name.log"
		echo "fuzz: $name found a problem; input kept in $out/"
		status=1
	else
		grep -E '^(stat::number_of_executed_units|#[0-9]+.*DONE)' \
		    "$work/$name.log" | tail -n 2
	fi
done
[ $status -eq 0 ] && echo "fuzz: ok"
exit $status
