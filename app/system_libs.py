"""Which system libraries Qt's X11 window needs, and whether this machine has them (no Qt).

Qt aborts (exit 134, nothing on the terminal) when its ``xcb`` platform plugin cannot
load one of these, so :mod:`app.main` asks the dynamic loader first, which takes
milliseconds, and says which Debian/Ubuntu packages to install. ``packaging/system-deps.sh``
(run by ``make run``) reads the same table: ``python -m app.system_libs`` prints the
missing packages, one line.
"""

from __future__ import annotations

import os
import sys

# (shared library, the Debian/Ubuntu package that ships it): what libqxcb.so links to
# beyond a minimal install.
XCB_LIBS: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"), ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"), ("libxcb-xinerama.so.0", "libxcb-xinerama0"),
    ("libxcb-randr.so.0", "libxcb-randr0"), ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"), ("libEGL.so.1", "libegl1"), ("libGL.so.1", "libgl1"),
    ("libfontconfig.so.1", "libfontconfig1"), ("libdbus-1.so.3", "libdbus-1-3"),
)


def uses_xcb(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """Whether Qt will pick its X11 plugin: Linux, no other platform asked for, no Wayland."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")


def loadable(library: str) -> bool:
    import ctypes  # here: only a start on X11 asks, and every start imports this module

    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_packages() -> list[str]:
    """The packages whose library the loader cannot find, in the table's order."""
    return [package for library, package in XCB_LIBS if not loadable(library)]


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)


def missing_sentence(packages: list[str]) -> str:
    """One sentence for the terminal, then the command that fixes it."""
    return ("Lantern cannot open its window: this computer lacks system libraries that Qt "
            f"needs ({', '.join(packages)}). Install them with:\n  {install_command(packages)}")


if __name__ == "__main__":  # packaging/system-deps.sh: the missing packages, one line
    print(" ".join(missing_packages()))
