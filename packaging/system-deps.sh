#!/usr/bin/env bash
# Qt's X11 platform plugin needs a few system libraries that minimal Linux installs lack
# (desktop distributions already have them), and the Chinese UI needs a CJK font (without
# one Qt draws empty boxes). `make run` runs this before starting: it installs them on
# Debian/Ubuntu when it can, otherwise says exactly what to install and stops.
# Usage: system-deps.sh PYTHON  (the venv's python: app/system_libs.py holds the list of
# libraries and packages that `python -m app` checks too). Tests run Qt offscreen.
set -euo pipefail

python="${1:-python3}"
[ "$(uname -s)" = "Linux" ] || exit 0
pkgs="$("$python" -m app.system_libs)"
# No font that covers Chinese (fc-list comes with fontconfig, itself in the list above).
if ! command -v fc-list >/dev/null || [ -z "$(fc-list :lang=zh-cn family 2>/dev/null | head -n 1)" ]; then
  pkgs="$pkgs fonts-dejavu-core fonts-noto-cjk"
fi
pkgs="$(echo $pkgs)"  # trim
[ -n "$pkgs" ] || exit 0

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing the system packages Lantern's window needs (Qt libraries, fonts): $pkgs"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
elif command -v apt-get >/dev/null; then
  echo "Lantern's window needs these system packages. Install them with:" >&2
  echo "  sudo apt-get install $pkgs" >&2
  exit 1
else
  echo "Lantern's window needs Qt's X11 libraries and a Chinese font: $pkgs (Debian names)." >&2
  exit 1
fi
