"""The bundle's entry point: ``Lantern`` starts the app, ``Lantern models …`` the model CLI.

``Lantern models …`` is the teacher's model command (``python -m app teacher models …``):
its changing verbs ask for the teacher passphrase and sign the new choice.

A windowed build (``console=False``; on Windows a GUI-subsystem exe) starts with
``sys.stdout`` and ``sys.stderr`` set to None, and any ``print`` would raise. They are
pointed at the null device first, so nothing can write to a missing console; the app's
own messages go to its log file, and ``--self-test`` prints its JSON line wherever a
console does exist (Linux, macOS Terminal, ``Lantern-cli.exe`` on Windows).
"""

from __future__ import annotations

import os
import sys


def _ensure_streams() -> None:
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


def main() -> int:
    _ensure_streams()
    from app.main import main as app_main

    if sys.argv[1:2] == ["models"]:
        return app_main(["teacher", *sys.argv[1:]])

    return app_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
