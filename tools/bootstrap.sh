#!/bin/sh
# Installs what schakel needs on Debian 12 and is missing: Debian packages
# through apt-get, and the npm packages in package.json through npm ci.
# Cheap when everything is there: a stamp records the last complete run.
set -eu
cd "$(dirname "$0")/.."

PACKAGES="gcc make pkg-config libc6-dev \
libmicrohttpd-dev libgnutls28-dev libsodium-dev libjansson-dev libcmocka-dev \
libqrencode-dev libcurl4-gnutls-dev \
libsqlite3-dev sqlite3 libpq-dev postgresql \
chromium clang libclang-rt-14-dev wrk curl nodejs npm"

stamp=build/.bootstrap
if [ -f "$stamp" ] && [ "$stamp" -nt tools/bootstrap.sh ] &&
    [ "$stamp" -nt package.json ] && [ -d node_modules ]; then
	exit 0
fi

missing=""
for p in $PACKAGES; do
	case "$p" in
	nodejs|npm)
		# A Node.js from elsewhere (nvm, NodeSource) is just as good.
		command -v "${p%js}" >/dev/null 2>&1 && continue
		[ "$p" = nodejs ] && command -v node >/dev/null 2>&1 && continue
		;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
	    grep -q 'install ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
	echo "bootstrap: installing Debian packages:$missing"
	if [ "$(id -u)" -eq 0 ]; then
		SUDO=""
	elif command -v sudo >/dev/null 2>&1; then
		SUDO="sudo"
	else
		echo "bootstrap: need root to install:$missing" >&2
		exit 1
	fi
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
	# shellcheck disable=SC2086
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $missing >/dev/null
fi

if [ ! -d node_modules ] || [ package.json -nt node_modules ] ||
    [ package-lock.json -nt node_modules ]; then
	echo "bootstrap: installing npm packages"
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules
fi

mkdir -p build
touch "$stamp"
