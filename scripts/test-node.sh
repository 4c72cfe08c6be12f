#!/usr/bin/env bash
# Runs the suite (or any command) under another Node.js release, to check the supported versions:
#   bash scripts/test-node.sh 24                                   # typecheck, lint, whole suite (+ PostgreSQL)
#   bash scripts/test-node.sh 22 npx vitest run packages/core      # one command
# The release is npm's `node-<os>-<arch>` package (a Node binary published to the npm registry), installed
# once into node_modules/.cache/node-<release>; nothing else changes. The installed packages' native parts
# (argon2, esbuild, rolldown) use Node-API, which every release since 18 keeps compatible.
set -euo pipefail

release=${1:?usage: scripts/test-node.sh <major or version> [command…]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "test-node: no Node package for $(uname -m)" >&2; exit 2 ;;
esac
pkg="node-$(uname -s | tr '[:upper:]' '[:lower:]')-$arch"
dir="$root/node_modules/.cache/node-$release"
if [ ! -x "$dir/node_modules/$pkg/bin/node" ]; then
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "$pkg@$release" >&2
fi
export PATH="$dir/node_modules/$pkg/bin:$PATH"
echo "test-node: Node $(node --version)" >&2
cd "$root"
if [ $# -eq 0 ]; then
  set -- bash -c 'npm run typecheck && npm run lint && bash scripts/with-postgres.sh npx vitest run'
fi
exec "$@"
