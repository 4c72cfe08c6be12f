#!/usr/bin/env bash
# Installs the Debian packages the test suite needs (ffmpeg for video, chromium for browser tests,
# postgresql for the server suite, haproxy for the several-servers test) when they are missing.
# Idempotent and quiet when all is there.
# Without root (a developer's laptop) it only says what is missing.
set -euo pipefail

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)
# The reverse proxy of deploy/haproxy.cfg, started by the several-servers test (packages/cli/test/scale-out.test.ts).
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
# A CJK font, so browser-test screenshots of the Simplified Chinese UI are legible (not needed to pass).
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)

if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

if [ "$(id -u)" -ne 0 ]; then
  echo "system-deps: missing Debian packages: ${missing[*]} (install them with apt-get as root)" >&2
  exit 0
fi

echo "system-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
