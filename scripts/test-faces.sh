#!/usr/bin/env bash
# Puts real face photographs for the vision tests into a cache folder (default
# node_modules/.cache/hemispasm-faces), from Debian: skimage's astronaut.png (public domain, NASA) ships in
# python3-skimage. The .deb is only downloaded and unpacked (apt-get download + dpkg -x), never installed.
# Prints the folder. Idempotent: does nothing when the photo is already there.
set -euo pipefail

dir="${1:-$(cd "$(dirname "$0")/.." && pwd)/node_modules/.cache/hemispasm-faces}"
mkdir -p "$dir"
if [ ! -s "$dir/astronaut.png" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  # apt-get download drops privileges to _apt and needs a folder it may write to.
  chmod 777 "$work"
  if ! (cd "$work" && apt-get download -qq python3-skimage >/dev/null 2>&1); then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq >/dev/null
      (cd "$work" && apt-get download -qq python3-skimage >/dev/null 2>&1)
    else
      echo "test-faces: cannot download python3-skimage (run 'apt-get update' as root first)" >&2
      exit 1
    fi
  fi
  dpkg -x "$work"/python3-skimage_*.deb "$work/x"
  cp "$(find "$work/x" -path '*skimage/data/astronaut.png' | head -1)" "$dir/astronaut.png"
fi
echo "$dir"
