#!/bin/sh
# Usage: tools/stage-web.sh DIR
# Lays out the web UI as the server serves it: web/ as it is, plus the NL
# Design System CSS (Rijkshuisstijl tokens and the Utrecht components)
# copied from node_modules into DIR/vendor.
set -eu
cd "$(dirname "$0")/.."
out=$1
rm -rf "$out"
mkdir -p "$out/vendor"
cp -R web/. "$out/"
tokens=node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css
components=node_modules/@utrecht/component-library-css/dist/index.css
for f in "$tokens" "$components"; do
	if [ ! -f "$f" ]; then
		echo "stage-web: $f is missing; run tools/bootstrap.sh" >&2
		exit 1
	fi
done
cp "$tokens" "$out/vendor/rijkshuisstijl-tokens.css"
cp "$components" "$out/vendor/utrecht-components.css"
