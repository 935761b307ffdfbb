#!/bin/sh
# A throwaway PostgreSQL cluster for tests (Debian's postgresql package).
#
#   tools/pg.sh start DIR          make (or restart) a cluster in DIR, print
#                                  its URL and write it to DIR/url
#   tools/pg.sh stop DIR           stop it; safe to call twice or after a
#                                  failed start
#   tools/pg.sh createdb DIR NAME  another database in it; prints its URL
#
# The cluster trusts every local connection, listens on 127.0.0.1 only and
# keeps fsync on, so durability tests mean something.  The port is the
# first free one from 54320 upwards and is kept in DIR/port, so starting a
# stopped cluster again gives the same URL.  As root, DIR is handed to the
# postgres user (initdb refuses to run as root); its parent folders must
# let that user through, as /tmp does for a mktemp -d folder in it.
# PGBIN overrides where the server programs are.
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

usage() {
	echo "usage: tools/pg.sh start DIR | stop DIR | createdb DIR NAME" >&2
	exit 2
}

die() {
	echo "pg.sh: $*" >&2
	exit 1
}

# Run a server program as the cluster's owner.
as_owner() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	elif command -v runuser >/dev/null 2>&1; then
		runuser -u postgres -- "$@"
	else
		# shellcheck disable=SC2016 # expanded by the inner shell
		su postgres -s /bin/sh -c '"$0" "$@"' "$@"
	fi
}

# True when no server answers on 127.0.0.1:$1 (pg_isready exits 2).
port_free() {
	rc=0
	"$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$1" -t 2 || rc=$?
	[ "$rc" -eq 2 ]
}

url_for() {
	echo "postgresql://postgres@127.0.0.1:$(cat "$dir/port")/$1"
}

is_running() {
	[ -f "$dir/db/postmaster.pid" ] &&
	    as_owner "$PGBIN/pg_ctl" -D "$dir/db" status >/dev/null 2>&1
}

server_start() {
	as_owner "$PGBIN/pg_ctl" -D "$dir/db" -o "-p $1 -k $dir \
-c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" \
	    -l "$dir/log" -w -t 60 start >/dev/null
}

start() {
	[ -d "$dir" ] || die "no directory '$dir'"
	if [ "$(id -u)" -eq 0 ]; then
		id postgres >/dev/null 2>&1 || die "no user 'postgres'"
		chown postgres "$dir"
		chmod 755 "$dir"
		as_owner test -w "$dir" || die "user 'postgres' cannot \
write in '$dir' (are its parent folders open to it?)"
	fi
	if [ ! -f "$dir/db/PG_VERSION" ]; then
		as_owner "$PGBIN/initdb" -D "$dir/db" -A trust -U postgres \
		    --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		    die "initdb failed, see $dir/initdb.log"
	fi
	if is_running; then
		url_for schakel
		return 0
	fi
	if [ -f "$dir/port" ]; then
		port=$(cat "$dir/port")
		server_start "$port" ||
		    die "cannot start on port $port, see $dir/log"
	else
		# A port may be taken between the probe and the start: try on.
		port=54320
		while :; do
			if port_free "$port" && server_start "$port"; then
				break
			fi
			port=$((port + 1))
			[ "$port" -lt 54420 ] || die "no free port, see $dir/log"
		done
		echo "$port" >"$dir/port"
	fi
	if ! "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres \
	    -XAtqc "SELECT 1 FROM pg_database WHERE datname = 'schakel'" |
	    grep -q 1; then
		"$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres schakel
	fi
	url_for schakel >"$dir/url"
	cat "$dir/url"
}

stop() {
	[ -f "$dir/db/postmaster.pid" ] || return 0
	if ! as_owner "$PGBIN/pg_ctl" -D "$dir/db" -m fast -w stop \
	    >/dev/null 2>&1 && is_running; then
		die "cannot stop the cluster in '$dir'"
	fi
	return 0
}

createdb() {
	case $1 in
	''|*[!a-z0-9_]*)
		die "database names are lowercase letters, digits and '_'" ;;
	esac
	if [ ! -f "$dir/port" ] || ! is_running; then
		die "no cluster runs in '$dir'"
	fi
	"$PGBIN/createdb" -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres "$1"
	url_for "$1"
}

[ $# -ge 2 ] || usage
cmd=$1
dir=$2
# The server wants an absolute socket directory and data folder, and the
# socket directory goes through pg_ctl -o, which splits at white space.
case $dir in
/*) ;;
*) dir=$(cd "$dir" 2>/dev/null && pwd) || die "no directory '$2'" ;;
esac
case $dir in
*[[:space:]]*) die "'$dir' has white space in its name" ;;
esac
case $cmd in
start)		[ $# -eq 2 ] || usage; start ;;
stop)		[ $# -eq 2 ] || usage; stop ;;
createdb)	[ $# -eq 3 ] || usage; createdb "$3" ;;
*)		usage ;;
esac
