"""Entry point: ``python -m app`` or ``lantern``; ``python -m app teacher …`` (see
:mod:`app.teacher_cli`) sets up the teacher passphrase from a terminal; ``python -m app
plan --pack PATH`` (:mod:`app.plan_cli`) prints the plan a new learner would see.

This module imports no Qt itself, so a machine without a display, or without the system
libraries Qt's X11 plugin loads, gets one clear sentence (and the install command) instead
of a Qt abort that prints nothing (exit 134).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from app import __version__
from app.logs import hold_logging, release_logging, setup_logging
from app.paths import AppPaths
from app.system_libs import missing_packages, missing_sentence, uses_xcb

log = logging.getLogger(__name__)

# Set by the startup_ratio benchmark: the window reports when it is interactive, then
# quits (app.ui.startup_probe). From the environment, not an option, so the benchmark
# launches exactly what a learner's desktop icon does: `python -m app` without arguments.
STARTUP_PROBE = "LANTERN_STARTUP_PROBE"

NO_DISPLAY = ("Lantern needs a graphical desktop, and none was found (DISPLAY is not set). "
              "Start it from the desktop, or on a server use: xvfb-run make run")


def has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def main(argv: list[str] | None = None) -> int:
    args_in = sys.argv[1:] if argv is None else argv
    if args_in[:1] == ["teacher"]:  # python -m app teacher …: no Qt, no display needed
        from app.teacher_cli import main as teacher_main

        return teacher_main(args_in[1:])
    if args_in[:1] == ["plan"]:  # python -m app plan --pack PATH: no Qt, no display
        from app.plan_cli import main as plan_main

        return plan_main(args_in[1:])
    if not args_in:  # the desktop icon: building the parser would cost 3 ms of the start
        return start_gui()
    parser = argparse.ArgumentParser(prog="lantern", description="Lantern, the offline tutor.")
    parser.add_argument("--self-test", action="store_true",
                        help="check the install headlessly and print one JSON line")
    parser.add_argument("--version", action="version", version=f"Lantern {__version__}")
    args = parser.parse_args(args_in)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        setup_logging(AppPaths.default().ensure().logs)
        from app.ui.selftest import run_self_test

        return run_self_test()
    return start_gui()


def start_gui() -> int:
    """Check that a window can open, then run the app until its window closes."""
    paths = AppPaths.default().ensure()
    if not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    hold_logging(paths.logs)  # the file opens after the first paint (app.ui.application)
    missing = missing_packages() if uses_xcb() else []
    if missing:
        log.error("Qt's X11 plugin would abort: missing %s", " ".join(missing))
        release_logging()
        print(missing_sentence(missing), file=sys.stderr)
        return 3
    from app.ui.application import run_gui

    return run_gui(startup_probe=os.environ.get(STARTUP_PROBE) == "1")
