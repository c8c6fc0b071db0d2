#!/usr/bin/env bash
# System tools the dashboard's tests drive: Chromium (Playwright launches /usr/bin/chromium; its own
# browser download cannot work here), Prometheus + promtool (a real scrape of /metrics) and
# docker-compose v1 (validates docker-compose.yml offline). Installs only what is missing, with apt
# as root; elsewhere it prints what to install and leaves the tests to say what they skip.
set -euo pipefail
missing=()
command -v chromium >/dev/null || missing+=(chromium)
{ command -v prometheus >/dev/null && command -v promtool >/dev/null; } || missing+=(prometheus)
command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "tests/infra/browser.sh: please install: ${missing[*]} (apt-get install --no-install-recommends)" >&2
  exit 0
fi
echo "tests/infra/browser.sh: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
