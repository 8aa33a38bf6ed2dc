#!/usr/bin/env bash
# Sets up broadsheet on a fresh Debian/Ubuntu machine: system packages (when
# run as root or with sudo), then a virtual environment in .venv with every extra.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON="${PYTHON:-python3}"
# gcc (and Python's headers, where the interpreter is Debian's own) compile the pipeline's
# stages with Cython: setup.py. Without them the stages install as Python, slower.
APT_PACKAGES=(poppler-utils fonts-arphic-uming chromium gcc)
if ! "$PYTHON" -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'; then
  APT_PACKAGES+=(python3-dev)
fi
if command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else SUDO="skip"; fi
    if [ "$SUDO" = "skip" ]; then
      echo "setup: cannot install ${missing[*]} (not root, no sudo); PDF synthesis and browser tests will skip" >&2
    else
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
  fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[all]'
echo "setup: ready (.venv/bin/broadsheet)"
