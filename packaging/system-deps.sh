#!/usr/bin/env bash
# Qt's X11 platform plugin needs a few system libraries that minimal Linux installs lack
# (desktop distributions already have them), and the Chinese UI needs a CJK font (without
# one Qt draws empty boxes). Install them on Debian/Ubuntu when we can; otherwise say
# exactly what to install. Tests run Qt offscreen and do not need this.
set -euo pipefail

libs=(libxcb-cursor.so.0 libxcb-icccm.so.4 libxcb-keysyms.so.1 libxcb-image.so.0
      libxcb-render-util.so.0 libxkbcommon-x11.so.0 libEGL.so.1 libfontconfig.so.1)
pkgs="libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 \
libxkbcommon-x11-0 libxcb-xinerama0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libegl1 libgl1 \
libfontconfig1 libdbus-1-3 fonts-dejavu-core fonts-noto-cjk"

[ "$(uname -s)" = "Linux" ] || exit 0
missing=0
for lib in "${libs[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing=1
done
# No font that covers Chinese (fc-list comes with fontconfig, itself in the list above).
if command -v fc-list >/dev/null && [ -z "$(fc-list :lang=zh-cn family 2>/dev/null | head -n 1)" ]; then
  missing=1
fi
[ "$missing" = 1 ] || exit 0

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing the system packages Lantern's window needs (Qt libraries, fonts): $pkgs"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $pkgs >/dev/null
elif command -v apt-get >/dev/null; then
  echo "Lantern's window needs these system packages: sudo apt-get install $pkgs" >&2
  exit 1
else
  echo "Lantern's window needs Qt's X11 libraries (xcb-cursor, xcb-icccm, xkbcommon-x11, EGL)." >&2
  exit 1
fi
