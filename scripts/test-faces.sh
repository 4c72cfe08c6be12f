#!/usr/bin/env bash
# Puts real face photographs for the vision tests into a cache folder (default
# node_modules/.cache/hemispasm-faces), from Debian: skimage's astronaut.png (public domain, NASA) ships in
# python3-skimage. With --held-out, also the face videos made outside the project that the vision bench runs
# through `hemispasm analyze` (bench/held-out.ts): OpenCV's sample clip Megamind.avi (11 s of rendered
# faces talking, with cuts; shipped in opencv-doc's examples/data, a 95 MB package, so only on request).
# The .debs are only downloaded and unpacked (apt-get download + dpkg-deb), never installed.
# Prints the folder. Idempotent: does nothing when the files are already there.
set -euo pipefail

dir="${1:-$(cd "$(dirname "$0")/.." && pwd)/node_modules/.cache/hemispasm-faces}"
held_out="${2:-}"
mkdir -p "$dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt-get download drops privileges to _apt and needs a folder it may write to.
chmod 777 "$work"

# Downloads one Debian package's .deb into $work (updating the package lists once if they are missing).
download() {
  if ! (cd "$work" && apt-get download -qq "$1" >/dev/null 2>&1); then
    if [ "$(id -u)" -eq 0 ]; then
      apt-get update -qq >/dev/null
      (cd "$work" && apt-get download -qq "$1" >/dev/null 2>&1)
    else
      echo "test-faces: cannot download $1 (run 'apt-get update' as root first)" >&2
      exit 1
    fi
  fi
}

if [ ! -s "$dir/astronaut.png" ]; then
  download python3-skimage
  dpkg -x "$work"/python3-skimage_*.deb "$work/x"
  cp "$(find "$work/x" -path '*skimage/data/astronaut.png' | head -1)" "$dir/astronaut.png"
fi
if [ "$held_out" = "--held-out" ] && [ ! -s "$dir/Megamind.avi" ]; then
  download opencv-doc
  mkdir -p "$work/x"
  dpkg-deb --fsys-tarfile "$work"/opencv-doc_*.deb | tar -x -C "$work/x" --wildcards '*/examples/data/Megamind.avi'
  cp "$(find "$work/x" -name Megamind.avi | head -1)" "$dir/Megamind.avi"
fi
echo "$dir"
