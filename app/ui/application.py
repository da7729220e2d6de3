"""Create the QApplication, route Qt's messages into logging, run the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from app.ops.context import AppContext
from app.ops.debris import remove_debris_in_background
from app.ui.i18n import UiLanguage
from app.ui.main_window import show_main_window
from app.ui.style import apply_style
from app.ui.tripwire import StallTripwire

log = logging.getLogger("qt")

_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message(kind: QtMsgType, _context: object, message: str) -> None:
    log.log(_QT_LEVELS.get(kind, logging.INFO), "%s", message)


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    qInstallMessageHandler(_qt_message)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Lantern")
    app.setOrganizationName("Lantern")
    app.setApplicationDisplayName("Lantern")
    return app


def run_gui(*, startup_probe: bool = False) -> int:
    """Run the app until its window closes.

    With ``startup_probe`` (the ``startup_ratio`` benchmark) it quits as soon as the
    window is interactive, printing how long that took since process start (see
    :mod:`app.ui.startup_probe`).
    """
    app = create_application()
    ctx = AppContext.create()
    language = UiLanguage(app)  # before any widget exists: texts are set when built
    language.install(ctx.settings.language)
    apply_style(app, ctx.settings)
    tripwire = StallTripwire(threshold_ms=100)
    tripwire.start()
    window = show_main_window(ctx)
    remove_debris_in_background(ctx)  # what killed imports and model adds left behind
    if startup_probe:
        from app.ui.startup_probe import StartupProbe  # only the benchmark needs it

        StartupProbe(app, window)
    try:
        return app.exec()
    finally:
        tripwire.stop()
        window.close()
        ctx.close()

