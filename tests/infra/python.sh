#!/usr/bin/env bash
# What python/'s tests need: Debian's Python 3 with pandas and pytest, and for executing
# notebooks/quickstart.ipynb nbclient, nbformat, ipykernel and matplotlib (Debian's python3-*; no PyPI here). Installs only what is missing, with apt as root; elsewhere it prints what to install.
# Prints the interpreter to use: /usr/bin/python3, the one Debian's python3-* packages belong to
# (a python3 earlier on PATH, e.g. pyenv's, would not see them).
set -euo pipefail
python=/usr/bin/python3
missing=()
[ -x "$python" ] || missing+=(python3)
"$python" -c "import pandas" 2>/dev/null || missing+=(python3-pandas)
"$python" -c "import pytest" 2>/dev/null || missing+=(python3-pytest)
for module in nbclient nbformat ipykernel matplotlib; do
  "$python" -c "import $module" 2>/dev/null || missing+=("python3-$module")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "tests/infra/python.sh: please install: ${missing[*]} (apt-get install --no-install-recommends)" >&2
    exit 1
  fi
  echo "tests/infra/python.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
echo "$python"
