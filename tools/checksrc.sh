#!/bin/sh
# Keeps the house style and the layering rules (docs/architecture.md).
# Prints each offending line and exits 1 when there is any.
set -u
cd "$(dirname "$0")/.."
bad=0
complain() {
	echo "checksrc: $1"
	echo "$2" | sed 's/^/    /'
	bad=1
}

c=$(find src -name '*.c' -o -name '*.h' | LC_ALL=C sort)

# Banned functions: unbounded or unchecked.
out=$(grep -nE '\b(sprintf|vsprintf|strcpy|strcat|strncat|strncpy|gets|atoi|atol)\s*\(' $c)
[ -n "$out" ] && complain "banned function (use snprintf, buf_*, parse_int64)" "$out"

# Layering: SQL drivers only in store/, jansson only in core/json.c,
# libmicrohttpd only in http/, libsodium only in crypt/, auth/, audit/.
out=$(grep -lE '#include <(sqlite3|libpq-fe)\.h>' $c | grep -v '^src/store/')
[ -n "$out" ] && complain "SQL driver header outside src/store/" "$out"
out=$(grep -l '#include <jansson.h>' $c | grep -v '^src/core/json\.c$')
[ -n "$out" ] && complain "jansson outside src/core/json.c" "$out"
out=$(grep -l '#include <qrencode.h>' $c | grep -v '^src/core/qr\.c$')
[ -n "$out" ] && complain "libqrencode outside src/core/qr.c" "$out"
out=$(grep -l '#include <microhttpd.h>' $c | grep -v '^src/http/' | grep -v '^bench/')
[ -n "$out" ] && complain "libmicrohttpd outside src/http/" "$out"
out=$(grep -l '#include "\(http\|api\)/' $(find src/core src/store src/crypt src/audit src/auth src/domain -name '*.[ch]' 2>/dev/null) 2>/dev/null)
[ -n "$out" ] && complain "a lower layer includes http/ or api/" "$out"
out=$(grep -l '#include "\(api\|domain\|store\|auth\|audit\)/' $(find src/http -name '*.[ch]' 2>/dev/null) 2>/dev/null)
[ -n "$out" ] && complain "http/ is transport only" "$out"

out=$(grep -l '#include "store/' $(find src/api src/http -name '*.[ch]' 2>/dev/null) 2>/dev/null)
[ -n "$out" ] && complain "api/ and http/ reach the store only through domain/" "$out"

# Care never waits (docs/legal.md): the care actions do not so much as
# look at the criminal-case or residence tracks.
out=$(grep -nE 'domain/(track|legal)\.h|Q_(COPY_)?TRACK_|\btrack_[a-z_]+\(|case_track' \
    src/domain/case.c src/domain/plan.c src/domain/timeline.c src/domain/person.c)
[ -n "$out" ] && complain "a care action reads a track (domain/track.h)" "$out"

# Assignment in conditions; typedef'd structs.
out=$(grep -nE '\bif \(\(?[a-z_]+ = [^=]' $c)
[ -n "$out" ] && complain "assignment in a condition" "$out"
out=$(grep -nE '^typedef struct' $c)
[ -n "$out" ] && complain "typedef of a struct" "$out"

# Personal data never goes to the log: no bodies, no names in log calls.
out=$(grep -nE 'log_(info|warn|error)\(.*(->body|password|token)' $c)
[ -n "$out" ] && complain "log call that may print personal data or secrets" "$out"

# 80 columns, tabs 8 wide.
out=$(for f in $c; do expand -t8 "$f" | awk -v f="$f" 'length > 80 { print f ":" FNR }'; done)
[ -n "$out" ] && complain "line longer than 80 columns" "$out"

# Trailing white space.
out=$(grep -nE '[[:space:]]+$' $c)
[ -n "$out" ] && complain "trailing white space" "$out"

[ $bad -eq 0 ] && echo "checksrc: ok"
exit $bad
