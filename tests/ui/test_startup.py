"""The first window: what it may import, when deferred work runs, and the startup probe.

Guards ``startup_ratio`` structurally (never by timing): the sign-in window must not pull
in the engines, the database helpers or the pages behind the sign-in screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ui.first_paint import after_first_paint

REPO = Path(__file__).resolve().parents[2]

# Loaded later: by the inference lane (engines), on first use (database helpers), or
# just after the first paint (the pages behind the sign-in screen).
LATER = ("numpy", "llama_cpp", "onnxruntime", "tokenizers", "bm25s", "jinja2", "sqlite_utils",
         "app.core.content.index", "app.core.tutor.session", "app.ui.navigation",
         "app.ui.tutor.panel", "app.ui.content.page", "app.ui.teacher.page",
         "app.ui.settings.device_page", "app.ui.settings_page")

SHOW_FIRST_WINDOW = """
import json, sys
from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.main_window import show_main_window
from app.ui.style import apply_style

app = create_application()
ctx = AppContext.create()
apply_style(app, ctx.settings)
window = show_main_window(ctx)
print(json.dumps(sorted(name for name in sys.modules if name in set(sys.argv[1:]))))
window.close()
ctx.close()
"""


def _python(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # LANTERN_HOME: this test's own
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_shown_sign_in_window_has_imported_none_of_the_later_modules() -> None:
    done = _python(["-c", SHOW_FIRST_WINDOW, *LATER])
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_startup_probe_reports_when_the_window_is_interactive() -> None:
    launched = time.time()
    done = _python(["-m", "app", "--startup-probe"])
    assert done.returncode == 0, done.stderr[-2000:]
    shown_at = json.loads(done.stdout.strip().splitlines()[-1])["shown_at"]
    assert launched < shown_at < time.time()


def test_after_first_paint_waits_for_the_paint_and_runs_once(qtbot: QtBot) -> None:
    label = QLabel("Hello")
    qtbot.addWidget(label)
    calls: list[bool] = []
    after_first_paint(label, lambda: calls.append(label.isVisible()))
    qtbot.wait(50)
    assert calls == []  # not shown, never painted
    label.show()
    qtbot.waitUntil(lambda: calls == [True])
    label.repaint()
    qtbot.wait(50)
    assert calls == [True]
