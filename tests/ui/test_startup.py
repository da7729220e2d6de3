"""The first window: what it may import, when deferred work runs, and the startup probe.

Guards ``startup_ratio`` structurally (never by timing): the sign-in window must not pull
in the engines, the settings model, the profile store, cryptography or the pages behind
the sign-in screen; they come after it is interactive (app.ui.warmup).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.main import STARTUP_PROBE
from app.ops.context import AppContext
from app.ui import roles
from app.ui.first_paint import after_first_paint
from app.ui.warmup import LATER_MODULES, warm_up

REPO = Path(__file__).resolve().parents[2]

# Loaded later: by the inference lane (engines), on first use (database helpers, the
# profile store), or once the sign-in screen is interactive (the settings model, the log
# file's handlers, the model host, the pages behind the sign-in screen, its dialogs).
LATER = ("numpy", "llama_cpp", "onnxruntime", "tokenizers", "bm25s", "jinja2", "sqlite_utils",
         "pydantic", "cryptography", "argon2", "sqlcipher3", "psutil", "logging.handlers",
         "app.settings", "app.teacher_settings", "app.store.store", "app.store.profile",
         "app.store.index", "app.store.keys", "app.store.recovery",
         "app.store.records", "app.store.pin", "app.core.models", "app.core.tutor",
         "inference.registry", "app.ops.models", "app.core.content.index",
         "app.core.tutor.session", *LATER_MODULES)

SHOW_FIRST_WINDOW = """
import json, sys
from app.ops.context import AppContext
from app.ui.application import create_application
from app.ui.main_window import show_main_window
from app.ui.style import apply_font_and_theme, apply_style_sheet

app = create_application()
ctx = AppContext.create(defer_settings=True)
apply_font_and_theme(app, ctx.look)
window = show_main_window(ctx, before_show=lambda: apply_style_sheet(app, ctx.look))
print(json.dumps(sorted(name for name in sys.modules if name in set(sys.argv[1:]))))
window.close()
ctx.close()
"""

# `python -m app` with the startup probe on, noting what is imported (and which enum types PySide6
# has made) at the moment the probe finds the window interactive.
PROBE_WATCHED = """
import enum, json, sys
made = []
_new = enum.EnumType.__new__
def _noting(mcls, name, *args, **kwargs):
    made.append(name)
    return _new(mcls, name, *args, **kwargs)
enum.EnumType.__new__ = _noting
import app.ui.startup_probe as probe
_ready = probe.StartupProbe._on_ready
def on_ready(self, what):
    if self._waiting == {what}:  # the last of painted and listed: interactive now
        print(json.dumps({"modules": sorted(sys.modules), "enums": made}), flush=True)
    _ready(self, what)
probe.StartupProbe._on_ready = on_ready
from app.main import main
sys.exit(main([]))
"""


def _python(args: list[str]) -> subprocess.CompletedProcess[str]:
    # LANTERN_HOME: this test's own
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{STARTUP_PROBE: "1"})
    return subprocess.run([sys.executable, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=300)


def test_the_shown_sign_in_window_has_imported_none_of_the_later_modules() -> None:
    done = _python(["-c", SHOW_FIRST_WINDOW, *LATER])
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_the_interactive_sign_in_screen_has_imported_none_of_the_later_modules() -> None:
    done = _python(["-c", PROBE_WATCHED])
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-2])
    assert [name for name in LATER if name in seen["modules"]] == []
    # Nor PySide6's Qt namespace: its first use makes all its 94 enum types (10-20 ms).
    assert "ItemDataRole" not in seen["enums"] and "AlignmentFlag" not in seen["enums"]
    assert "shown_at" in json.loads(done.stdout.strip().splitlines()[-1])


def test_the_item_roles_are_qts() -> None:
    assert Qt.ItemDataRole.UserRole.value == roles.USER_ROLE
    assert Qt.ItemDataRole.AccessibleDescriptionRole.value == roles.ACCESSIBLE_DESCRIPTION_ROLE


def test_the_warm_up_reads_the_settings_builds_the_host_and_imports_the_rest(
        qtbot: QtBot, make_ctx: Callable[..., AppContext]) -> None:
    ctx = make_ctx(defer_settings=True)
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[str] = []
    assert not ctx.settings_loaded
    warm_up(ctx, parent=widget, models_ready=lambda: calls.append("models"),
            pages_ready=lambda: calls.append("pages"))
    qtbot.waitUntil(lambda: calls == ["models", "pages"], timeout=60_000)
    assert ctx.settings_loaded and ctx._models is not None
    assert all(name in sys.modules for name in LATER_MODULES)


def test_startup_probe_reports_when_the_window_is_interactive() -> None:
    launched = time.time()
    done = _python(["-m", "app"])
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


def test_the_app_gets_its_style_without_building_qstyle_enums_before_the_paint() -> None:
    """Qt's ``-style`` option instead of ``setStyle``, which made PySide6 build the
    QStyle wrapper's enums (6 ms of the first window)."""
    done = _python(["-c", "import enum, sys\n"
                    "made = []\n"
                    "new = enum.EnumType.__new__\n"
                    "enum.EnumType.__new__ = lambda *a, **k: made.append(a[1]) or new(*a, **k)\n"
                    "from app.ui.application import create_application\n"
                    "from app.look import Look\n"
                    "from app.ui.style import apply_font_and_theme\n"
                    "app = create_application()\n"
                    "apply_font_and_theme(app, Look())\n"
                    "print(sorted(set(made) & {'PixelMetric', 'StandardPixmap', 'SubControl'}))\n"
                    "print(app.style().name())"])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "fusion"]
